/**
 * Event kinds of the contact-center model and the same-time ordering policy.
 *
 * When several events fall on the same instant they run in this order, so that the
 * outcome is the one a planner expects and never depends on scheduling accidents:
 *   1. RELEASE  — an agent finishes talk, wrap-up or a break and frees up first;
 *   2. STAFFING — then logins, logouts, headcount changes and break starts (a new shift
 *                 sees the queue the freed agents left);
 *   3. ABANDON  — then patience runs out (a caller whose agent frees at that very instant is answered);
 *   4. ARRIVAL  — then new contacts arrive (and find the agents freed above idle).
 * Equal kinds at equal times run in the order they were scheduled. Staffing and arrivals
 * are not queued in the calendar: the event loop merges them in at their priority.
 */
export const PRIORITY = {
  RELEASE: 0,
  STAFFING: 1,
  ABANDON: 2,
  ARRIVAL: 3,
} as const;

/** Kinds of the events kept in the calendar. */
export const EVENT = {
  ABANDON: 1, // target: leg row
  TALK_END: 2, // target: agent slot (agent·maxCap + i)
  WRAP_END: 3, // target: agent slot
  BREAK_END: 4, // target: agent
} as const;
