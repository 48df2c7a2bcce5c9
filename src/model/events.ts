/**
 * Event kinds of the contact-center model and the same-time ordering policy.
 *
 * When several events fall on the same instant they run in this order, so that the
 * outcome is the one a planner expects and never depends on scheduling accidents:
 *   1. RELEASE  — an agent finishes talk or wrap-up and frees up first;
 *   2. STAFFING — then headcount changes (a new shift sees the freed agents' queue);
 *   3. ABANDON  — then patience runs out (a caller whose agent frees at that very instant is answered);
 *   4. ARRIVAL  — then new contacts arrive (and find the agents freed above idle).
 * Equal kinds at equal times run in the order they were scheduled.
 */
export const PRIORITY = {
  RELEASE: 0,
  STAFFING: 1,
  ABANDON: 2,
  ARRIVAL: 3,
} as const;

export const EVENT = {
  ARRIVAL: 0, // target: channel (arrivals are merged into the loop, not queued: see simulation.ts)
  ABANDON: 1, // target: leg row
  TALK_END: 2, // target: agent
  WRAP_END: 3, // target: agent
  STAFFING: 4, // target: group
} as const;
