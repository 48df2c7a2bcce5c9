/**
 * Staffing as a timeline: every login, logout, headcount change and break start of the
 * run, known before it starts, sorted by time. The event loop merges this timeline with
 * the calendar (at PRIORITY.STAFFING), so staffing costs no heap traffic.
 *
 *   group staffing ─┬─ constant / table ─▶ SET(count) per interval  ─┐
 *                   └─ shifts (one per agent) ─▶ SHIFT_START/END,    ├─ shrinkage draws ─▶ sorted timeline
 *                                               BREAK_START          ─┘
 *
 * Shrinkage removes capacity at random with the configured share as its expectation
 * (stream `shrinkage:<group>`): mode `interval` makes each scheduled agent absent for each
 * interval with that probability; mode `day` for whole calendar days.
 */
import { type Rng, RngStreams } from '../engine/index.js';
import type { AgentShift, Group, Scenario } from '../scenario/types.js';
import { dayIndex, dayStart } from './clock.js';

export const ACTION = { SHIFT_END: 0, SET: 1, SHIFT_START: 2, BREAK_START: 3 } as const;

export interface StaffingPlan {
  /** Agent ids each group needs (the most logged in at once, or one per working period). */
  groupSize: number[];
  /** Sorted timeline: time, action, group, and value (SET: headcount; SHIFT_*: agent within group; BREAK_START: break). */
  times: Float64Array;
  actions: Uint8Array;
  groups: Int32Array;
  values: Int32Array;
  /** SHIFT_END only: 1 when it ends the working period (overtime counts after it), 0 for an absence. */
  shiftEnds: Uint8Array;
  /** Per break: its length and the agent (within its group). */
  breakLenSec: number[];
  breakAgent: number[];
  /** Groups staffed by count (SET actions) rather than by named shifts. */
  byCount: boolean[];
}

interface Action {
  t: number;
  action: number;
  group: number;
  value: number;
  end: number;
}

/** Build the staffing timeline of one replication. */
export function staffingPlan(s: Scenario, streams: RngStreams): StaffingPlan {
  const out: Action[] = [];
  const breaks = { lenSec: [] as number[], agent: [] as number[] };
  const groupSize: number[] = [];
  const byCount: boolean[] = [];
  Object.values(s.groups).forEach((g, gi) => {
    const rng = streams.stream(`shrinkage:${g.id}`);
    if (g.staffing.kind === 'shifts') {
      byCount.push(false);
      groupSize.push(shiftsPlan(s, g, g.staffing.shifts, gi, rng, out, breaks));
    } else {
      byCount.push(true);
      groupSize.push(countPlan(s, g, gi, rng, out));
    }
  });
  const order = out.map((_, i) => i).sort((a, b) => out[a].t - out[b].t || out[a].action - out[b].action || a - b);
  return {
    groupSize,
    times: Float64Array.from(order, (i) => out[i].t),
    actions: Uint8Array.from(order, (i) => out[i].action),
    groups: Int32Array.from(order, (i) => out[i].group),
    values: Int32Array.from(order, (i) => out[i].value),
    shiftEnds: Uint8Array.from(order, (i) => out[i].end),
    breakLenSec: breaks.lenSec,
    breakAgent: breaks.agent,
    byCount,
  };
}

/**
 * Headcount changes of a group staffed by count (constant or table), with shrinkage.
 * A change is planned at each table interval, and also at each reporting interval
 * (interval shrinkage) or calendar day (day shrinkage). Returns the most agents wanted.
 */
function countPlan(s: Scenario, g: Group, gi: number, rng: Rng, out: Action[]): number {
  const H = s.horizonSec;
  const st = g.staffing;
  const scheduled = (t: number): number =>
    st.kind === 'table' ? st.agents[Math.min(st.agents.length - 1, Math.floor(t / st.intervalSec))] : st.kind === 'constant' ? st.agents : 0;
  const points = new Set<number>([0]);
  if (st.kind === 'table') for (let i = 1; i * st.intervalSec < H; i++) points.add(i * st.intervalSec);
  const sh = g.shrinkage && g.shrinkage.share > 0 ? g.shrinkage : undefined;
  if (sh?.mode === 'interval') for (let i = 1; i * s.metrics.intervalSec < H; i++) points.add(i * s.metrics.intervalSec);
  if (sh?.mode === 'day') for (let d = 1; dayStart(d, s.startClockSec) < H; d++) points.add(dayStart(d, s.startClockSec));
  const most = st.kind === 'table' ? Math.max(0, ...st.agents) : st.kind === 'constant' ? st.agents : 0;
  let day = -1;
  let present = new Uint8Array(most).fill(1);
  let prev = -1;
  for (const t of [...points].sort((a, b) => a - b)) {
    let wanted = scheduled(t);
    if (sh?.mode === 'interval') {
      let k = 0;
      for (let a = 0; a < wanted; a++) if (rng.next() >= sh.share) k++;
      wanted = k;
    } else if (sh?.mode === 'day') {
      // The same agents (ids 0..most−1) stay away all day; n scheduled means the first n who came in.
      const d = dayIndex(t, s.startClockSec);
      if (d !== day) {
        day = d;
        present = Uint8Array.from({ length: most }, () => (rng.next() >= sh.share ? 1 : 0));
      }
      let k = 0;
      for (let a = 0; a < wanted; a++) k += present[a];
      wanted = k;
    }
    if (wanted !== prev) out.push({ t, action: ACTION.SET, group: gi, value: wanted, end: 0 });
    prev = wanted;
  }
  return most;
}

/** One agent id per working period; absences cut periods out. Returns the group's agent count. */
function shiftsPlan(
  s: Scenario,
  g: Group,
  shifts: AgentShift[],
  gi: number,
  rng: Rng,
  out: Action[],
  breaks: { lenSec: number[]; agent: number[] },
): number {
  const sh = g.shrinkage && g.shrinkage.share > 0 ? g.shrinkage : undefined;
  shifts.forEach((shift, a) => {
    let segments: [number, number][] = [[shift.startSec, shift.endSec]];
    if (sh?.mode === 'day') {
      if (rng.next() < sh.share) segments = [];
    } else if (sh) {
      // Interval mode: each reporting interval the shift touches is missed with probability share.
      const I = s.metrics.intervalSec;
      segments = [];
      for (let i = Math.floor(shift.startSec / I); i * I < shift.endSec; i++) {
        const from = Math.max(shift.startSec, i * I);
        const to = Math.min(shift.endSec, (i + 1) * I);
        if (rng.next() < sh.share) continue;
        const last = segments[segments.length - 1];
        if (last && last[1] === from) last[1] = to;
        else segments.push([from, to]);
      }
    }
    for (const [from, to] of segments) {
      out.push({ t: from, action: ACTION.SHIFT_START, group: gi, value: a, end: 0 });
      out.push({ t: to, action: ACTION.SHIFT_END, group: gi, value: a, end: to === shift.endSec ? 1 : 0 });
      for (const [bs, be] of shift.breaks) {
        if (bs >= from && bs < to) {
          out.push({ t: bs, action: ACTION.BREAK_START, group: gi, value: breaks.lenSec.length, end: 0 });
          breaks.lenSec.push(Math.min(be, to) - bs);
          breaks.agent.push(a);
        }
      }
    }
  });
  return shifts.length;
}
