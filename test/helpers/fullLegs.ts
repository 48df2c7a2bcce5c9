/** Every column of a log's legs as plain rows (ids and names resolved), for issue-4 traces. */
import { IVR_OUTCOMES, OUTCOMES } from '../../src/logs/codes.js';
import type { ContactLog } from '../../src/logs/contactLog.js';

const n = (v: number) => (Number.isNaN(v) ? null : v);

export interface FullLegRow {
  contact: number;
  leg: number;
  issue: number;
  customer: number;
  attempt: number;
  channel: string;
  queue: string;
  arrival: number;
  ivrExit: number | null;
  ivrOutcome: string;
  queueEntry: number | null;
  answer: number | null;
  abandon: number | null;
  talkEnd: number | null;
  wrapEnd: number | null;
  agent: string | null;
  outcome: string;
  resolved: number;
}

export function fullLegRows(log: ContactLog): FullLegRow[] {
  const l = log.legs;
  return Array.from({ length: l.length }, (_, r) => ({
    contact: l.contact[r],
    leg: l.leg[r],
    issue: l.issue[r],
    customer: l.customer[r],
    attempt: l.attempt[r],
    channel: log.channels[l.channel[r]],
    queue: log.queues[l.queue[r]],
    arrival: l.arrival[r],
    ivrExit: n(l.ivrExit[r]),
    ivrOutcome: IVR_OUTCOMES[l.ivrOutcome[r]],
    queueEntry: n(l.queueEntry[r]),
    answer: n(l.answer[r]),
    abandon: n(l.abandon[r]),
    talkEnd: n(l.talkEnd[r]),
    wrapEnd: n(l.wrapEnd[r]),
    agent: l.agent[r] >= 0 ? log.agents[l.agent[r]] : null,
    outcome: OUTCOMES[l.outcome[r]],
    resolved: l.resolved[r],
  }));
}

/** A compact leg for expectations: defaults for the columns a trace rarely changes. */
export function L(p: Partial<FullLegRow> & Pick<FullLegRow, 'contact' | 'arrival' | 'outcome'>): FullLegRow {
  return {
    leg: 1,
    issue: p.contact,
    customer: p.contact,
    attempt: 1,
    channel: 'voice',
    queue: p.channel ?? 'voice',
    ivrExit: null,
    ivrOutcome: '',
    queueEntry: null,
    answer: null,
    abandon: null,
    talkEnd: null,
    wrapEnd: null,
    agent: null,
    resolved: -1,
    ...p,
  };
}
