/** Read a log's legs back as plain rows, for exact-trace assertions. */
import { OUTCOMES } from '../../src/logs/codes.js';
import type { ContactLog } from '../../src/logs/contactLog.js';

export interface LegRow {
  contact: number;
  channel: string;
  arrival: number;
  answer: number | null;
  abandon: number | null;
  talkEnd: number | null;
  wrapEnd: number | null;
  agent: string | null;
  outcome: string;
}

const n = (v: number) => (Number.isNaN(v) ? null : v);

export function legRows(log: ContactLog): LegRow[] {
  const l = log.legs;
  return Array.from({ length: l.length }, (_, r) => ({
    contact: l.contact[r],
    channel: log.channels[l.channel[r]],
    arrival: l.arrival[r],
    answer: n(l.answer[r]),
    abandon: n(l.abandon[r]),
    talkEnd: n(l.talkEnd[r]),
    wrapEnd: n(l.wrapEnd[r]),
    agent: l.agent[r] >= 0 ? log.agents[l.agent[r]] : null,
    outcome: OUTCOMES[l.outcome[r]],
  }));
}
