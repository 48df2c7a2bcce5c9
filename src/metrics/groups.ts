/**
 * Agent-group metrics of one replication from the agent-state table: occupancy and
 * staffed hours for the run, staffed and busy agents per interval. Only time inside
 * [warm-up, horizon) counts.
 */
import { AGENT_STATE } from '../logs/codes.js';
import type { ContactLog } from '../logs/contactLog.js';
import { intervalCount } from './contacts.js';
import type { KpiRecord } from './contacts.js';
import type { MeasureOptions } from './options.js';

export interface GroupKpis {
  groups: Record<string, KpiRecord>;
  /** Per interval, per group name. */
  intervals: Record<string, KpiRecord>[];
}

const STAFFED = 0;
const HANDLING = 1;
const BREAK = 2;
const OVERTIME = 3;
const KINDS = 4;

/** Group KPIs, or undefined when the log has no agent-state table (some imports). */
export function groupKpis(log: ContactLog, opts: MeasureOptions): GroupKpis | undefined {
  const st = log.agentStates;
  if (!st) return undefined;
  const ng = log.groups.length;
  const ni = intervalCount(opts);
  const I = opts.intervalSec;
  // seconds[(i * ng + g) * KINDS + kind]; the extra interval row ni is the whole window.
  const seconds = new Float64Array((ni + 1) * ng * KINDS);
  const from = opts.warmupSec;
  const to = opts.horizonSec;
  for (let r = 0; r < st.length; r++) {
    const s = Math.max(from, st.start[r]);
    const e = Math.min(to, st.end[r]);
    if (!(e > s)) continue;
    const state = st.state[r];
    const kind =
      state === AGENT_STATE.staffed
        ? STAFFED
        : state === AGENT_STATE.busy || state === AGENT_STATE.wrapup
          ? HANDLING
          : state === AGENT_STATE.break
            ? BREAK
            : state === AGENT_STATE.overtime
              ? OVERTIME
              : -1;
    if (kind < 0) continue;
    const g = log.agentGroup[st.agent[r]];
    seconds[(ni * ng + g) * KINDS + kind] += e - s;
    for (let i = Math.floor(s / I); i < ni && i * I < e; i++) {
      const overlap = Math.min(e, (i + 1) * I) - Math.max(s, i * I);
      if (overlap > 0) seconds[(i * ng + g) * KINDS + kind] += overlap;
    }
  }
  // Contact-seconds handled by each group's agents in the window (for chat concurrency).
  const contactSeconds = new Float64Array(ng);
  const chatGroup = new Uint8Array(ng);
  const legs = log.legs;
  const anyChat = log.channelKinds.includes('chat');
  for (let r = 0; anyChat && r < legs.length; r++) {
    const g = legs.group[r];
    if (g < 0) continue;
    const s = Math.max(from, legs.answer[r]);
    const e = Math.min(to, Number.isNaN(legs.wrapEnd[r]) ? to : legs.wrapEnd[r]);
    if (e > s) contactSeconds[g] += e - s;
    if (log.channelKinds[legs.channel[r]] === 'chat') chatGroup[g] = 1;
  }
  const groups: Record<string, KpiRecord> = {};
  for (let g = 0; g < ng; g++) {
    const b = (ni * ng + g) * KINDS;
    groups[log.groups[g]] = {
      occupancy: ratio(seconds[b + HANDLING], seconds[b + STAFFED] - seconds[b + BREAK]),
      staffedHours: seconds[b + STAFFED] / 3600,
      overtimeHours: seconds[b + OVERTIME] / 3600,
      meanConcurrency: contactSeconds[g] > 0 && chatGroup[g] ? contactSeconds[g] / seconds[b + HANDLING] : NaN,
    };
  }
  const intervals: Record<string, KpiRecord>[] = [];
  for (let i = 0; i < ni; i++) {
    const len = Math.min(to, (i + 1) * I) - Math.max(from, i * I);
    const row: Record<string, KpiRecord> = {};
    for (let g = 0; g < ng; g++) {
      const b = (i * ng + g) * KINDS;
      row[log.groups[g]] =
        len > 0
          ? {
              staffedAgents: seconds[b + STAFFED] / len,
              availableAgents: (seconds[b + STAFFED] - seconds[b + BREAK]) / len,
              busyAgents: seconds[b + HANDLING] / len,
              occupancy: ratio(seconds[b + HANDLING], seconds[b + STAFFED] - seconds[b + BREAK]),
            }
          : {};
    }
    intervals.push(row);
  }
  return { groups, intervals };
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}
