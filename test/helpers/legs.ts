/** A log's legs as compact plain rows (the columns most traces assert), for exact-trace tests. */
import type { ContactLog } from '../../src/logs/contactLog.js';
import { fullLegRows, type FullLegRow } from './fullLegs.js';

export type LegRow = Pick<FullLegRow, 'contact' | 'channel' | 'arrival' | 'answer' | 'abandon' | 'talkEnd' | 'wrapEnd' | 'agent' | 'outcome'>;

export function legRows(log: ContactLog): LegRow[] {
  return fullLegRows(log).map(({ contact, channel, arrival, answer, abandon, talkEnd, wrapEnd, agent, outcome }) => ({
    contact,
    channel,
    arrival,
    answer,
    abandon,
    talkEnd,
    wrapEnd,
    agent,
    outcome,
  }));
}
