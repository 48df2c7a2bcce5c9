/**
 * Checks across the cells of a leg, and across legs: a leg's times run forward
 * (arrival ≤ ivrExit ≤ queueEntry ≤ answer ≤ talkEnd ≤ wrapEnd, queueEntry ≤ abandon), so
 * no wait or handle time is negative; and no leg is in the file twice, which would count
 * its contact twice.
 */
import { MSG } from '../messages.js';
import { cellWhere, type At } from './cells.js';
import { logError } from './errors.js';
import type { LegTable } from './legTable.js';

const SEQUENCE = ['arrival', 'ivrExit', 'queueEntry', 'answer', 'talkEnd', 'wrapEnd'] as const;

/** Refuse a leg whose times run backwards; the message names the later column. */
export function checkLegOrder(legs: LegTable, row: number, at: At): void {
  let prev: string = 'arrival';
  let prevT = legs.arrival[row];
  for (let k = 1; k < SEQUENCE.length; k++) {
    const col = SEQUENCE[k];
    const t = legs[col][row];
    if (Number.isNaN(t)) continue;
    if (t < prevT) backwards(col, prev, t, prevT, at);
    // On a tie the earlier column stays the one named: an export without queue entry
    // times gets queueEntry = arrival, and a message should name the column it has.
    if (t > prevT) {
      prev = col;
      prevT = t;
    }
  }
  const abandon = legs.abandon[row];
  const entry = legs.queueEntry[row];
  const from = Number.isNaN(entry) || entry === legs.arrival[row] ? 'arrival' : 'queueEntry';
  const fromT = Number.isNaN(entry) ? legs.arrival[row] : entry;
  if (abandon < fromT) backwards('abandon', from, abandon, fromT, at);
}

function backwards(col: string, before: string, t: number, beforeT: number, at: At): never {
  throw logError(MSG.logOutOfOrder(at.label(col), at.label(before), String(t), String(beforeT)), cellWhere(at, col), at.file);
}

/** Remembers (contact, leg) of one replication to refuse a leg seen twice. */
export class DuplicateLegs {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly file: string,
    private readonly label: (c: string) => string,
    private readonly replication: number,
  ) {}

  check(contact: string, leg: number, line: number): void {
    const key = `${leg} ${contact}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      const at: At = { file: this.file, line, label: this.label };
      throw logError(MSG.logDuplicateRow(this.replication, contact, leg, first), cellWhere(at, 'contact'), this.file);
    }
    this.seen.set(key, line);
  }
}
