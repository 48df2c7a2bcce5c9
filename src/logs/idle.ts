/**
 * Idle intervals derived from an agent-state table: for each agent, its staffed time
 * minus the time it was busy, in wrap-up or on a break. Computed when a log is written,
 * so the simulation never has to record idle time itself.
 */
import type { AgentStateTable } from './agentTable.js';
import { AGENT_STATE } from './codes.js';

/** Idle intervals [start, end) per agent, sorted by agent then start. */
export function idleIntervals(st: AgentStateTable): { agent: number; start: number; end: number }[] {
  const staffed = new Map<number, [number, number][]>();
  const taken = new Map<number, [number, number][]>();
  for (let r = 0; r < st.length; r++) {
    const s = st.state[r];
    const into = s === AGENT_STATE.staffed ? staffed : s === AGENT_STATE.busy || s === AGENT_STATE.wrapup || s === AGENT_STATE.break ? taken : undefined;
    if (!into) continue;
    const list = into.get(st.agent[r]) ?? [];
    list.push([st.start[r], st.end[r]]);
    into.set(st.agent[r], list);
  }
  const out: { agent: number; start: number; end: number }[] = [];
  for (const agent of [...staffed.keys()].sort((a, b) => a - b)) {
    const busy = (taken.get(agent) ?? []).sort((a, b) => a[0] - b[0]);
    for (const [from, to] of staffed.get(agent)!.sort((a, b) => a[0] - b[0])) {
      let t = from;
      for (const [s, e] of busy) {
        if (e <= t || s >= to) continue;
        if (s > t) out.push({ agent, start: t, end: s });
        t = Math.max(t, e);
      }
      if (t < to) out.push({ agent, start: t, end: to });
    }
  }
  return out;
}
