/**
 * Callback (virtual hold) metrics of one replication's log, per channel and in total. A
 * callback is read off the legs alone: a caller's leg that ends `transferred` without
 * being answered (the caller hung up to be called back), followed by the contact's
 * callback legs (each dial one leg; a dial that did not reach the customer ends
 * `abandoned`). Contacts arriving in [warm-up, horizon):
 * - callbackRate = contacts that took a callback ÷ call contacts that reached a queue
 *   (queued, or took a callback instead);
 * - callbackSuccessRate = callbacks that reached the customer ÷ callbacks decided
 *   (reached, or given up after the last failed dial);
 * - callbackDelaySeconds = mean time from accepting the callback to being reached.
 * - callbackOfferRate = call contacts offered a callback ÷ call contacts that reached a queue;
 * - callbackAcceptanceRate = offers accepted ÷ offers (from the `callbackOffer` column).
 * They apply when the log has a callback offer.
 */
import { OUTCOME } from '../logs/codes.js';
import type { ContactLog } from '../logs/contactLog.js';
import type { KpiRecord } from './contacts.js';

const REACHED_QUEUE = 0;
const CALLBACKS = 1;
const DECIDED = 2;
const REACHED = 3;
const DELAY_SUM = 4;
const OFFERS = 5;
const FIELDS = 6;

export interface CallbackKpis {
  channels: Record<string, KpiRecord>;
  total: KpiRecord;
}

/** Callback KPIs of one replication's log (empty records when the log has no callback). */
export function callbackKpis(log: ContactLog, opts: { warmupSec: number; horizonSec: number }): CallbackKpis {
  const legs = log.legs;
  const nc = log.channels.length;
  const channels: Record<string, KpiRecord> = {};
  log.channels.forEach((id) => (channels[id] = {}));
  const isCallback = (r: number) => legs.outcome[r] === OUTCOME.transferred && Number.isNaN(legs.answer[r]);
  let any = false;
  for (let r = 0; r < legs.length && !any; r++) any = isCallback(r) || legs.callbackOffer[r] >= 0;
  if (!any) return { channels, total: {} };

  // Per contact: its first leg, and (for a callback) when it was accepted and how it ended.
  const first = new Map<number, number>();
  const acceptedAt = new Map<number, number>();
  const reachedAt = new Map<number, number>();
  const lastDial = new Map<number, number>();
  for (let r = 0; r < legs.length; r++) {
    const c = legs.contact[r];
    if (!first.has(c)) first.set(c, r);
    if (isCallback(r)) acceptedAt.set(c, legs.arrival[r]);
    else if (acceptedAt.has(c)) {
      lastDial.set(c, r);
      if (!Number.isNaN(legs.answer[r]) && !reachedAt.has(c)) reachedAt.set(c, legs.answer[r]);
    }
  }
  const acc = new Float64Array((nc + 1) * FIELDS);
  const add = (ch: number, f: number, v = 1) => {
    acc[ch * FIELDS + f] += v;
    acc[nc * FIELDS + f] += v;
  };
  for (const [c, r] of first) {
    const t = legs.arrival[r];
    const ch = legs.channel[r];
    if (!(t >= opts.warmupSec && t < opts.horizonSec) || log.channelKinds[ch] !== 'call') continue;
    const took = acceptedAt.has(c);
    if (!took && Number.isNaN(legs.queueEntry[r])) continue;
    add(ch, REACHED_QUEUE);
    if (legs.callbackOffer[r] >= 0) add(ch, OFFERS);
    if (!took) continue;
    add(ch, CALLBACKS);
    const reached = reachedAt.get(c);
    if (reached !== undefined) {
      add(ch, DECIDED);
      add(ch, REACHED);
      add(ch, DELAY_SUM, reached - acceptedAt.get(c)!);
    } else {
      const last = lastDial.get(c);
      if (last !== undefined && legs.outcome[last] === OUTCOME.abandoned) add(ch, DECIDED);
    }
  }
  const record = (base: number): KpiRecord => ({
    callbackRate: ratio(acc[base + CALLBACKS], acc[base + REACHED_QUEUE]),
    callbackOfferRate: ratio(acc[base + OFFERS], acc[base + REACHED_QUEUE]),
    callbackAcceptanceRate: ratio(acc[base + CALLBACKS], acc[base + OFFERS]),
    callbackSuccessRate: ratio(acc[base + REACHED], acc[base + DECIDED]),
    callbackDelaySeconds: ratio(acc[base + DELAY_SUM], acc[base + REACHED]),
  });
  log.channels.forEach((id, ch) => (channels[id] = record(ch * FIELDS)));
  return { channels, total: record(nc * FIELDS) };
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}
