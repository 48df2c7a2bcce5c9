/**
 * Event kinds of the contact-center model and the same-time ordering policy.
 *
 * When several events fall on the same instant they run in this order, so that the
 * outcome is the one a planner expects and never depends on scheduling accidents:
 *   1. RELEASE     — an agent finishes talk, wrap-up or a break and frees up first;
 *   2. STAFFING    — then logins, logouts, headcount changes and break starts (a new shift
 *                    sees the queue the freed agents left);
 *   3. ABANDON     — then patience runs out (a caller whose agent frees at that very instant is answered);
 *   4. OVERFLOW    — then a contact that has waited its overflow time is offered to the extra
 *                    groups (after abandons: a caller whose patience ends at that instant has gone);
 *   5. QUEUE_ENTRY — then contacts already in the system reach a queue (IVR exits, repeat
 *                    contacts, retrials, callback retries): they started before any contact arriving now;
 *   6. ARRIVAL     — then new contacts arrive (and find the agents freed above idle).
 * Equal kinds at equal times run in the order they were scheduled. Staffing and arrivals
 * are not queued in the calendar: the event loop merges them in at their priority.
 */
export const PRIORITY = {
  RELEASE: 0,
  STAFFING: 1,
  ABANDON: 2,
  OVERFLOW: 3,
  QUEUE_ENTRY: 4,
  ARRIVAL: 5,
} as const;

/** Kinds of the events kept in the calendar. */
export const EVENT = {
  ABANDON: 1, // target: leg row
  TALK_END: 2, // target: agent slot (agent·maxCap + i)
  WRAP_END: 3, // target: agent slot
  BREAK_END: 4, // target: agent
  IVR_EXIT: 5, // target: leg row (routed by the IVR, enters its queue)
  NEW_CONTACT: 6, // target: index of a pending contact (repeat contact, retrial)
  OVERFLOW: 7, // target: leg row
  CALLBACK_RETRY: 8, // target: leg row of the failed dial (the retry is queued like a contact reaching a queue)
} as const;
