/**
 * IVR, transfer and escalation metrics of one replication's log, per channel and in
 * total (legs arriving in [warm-up, horizon)):
 * - containmentRate = IVR outcome contained ÷ contacts with an IVR outcome;
 * - ivrAbandonRate = IVR outcome abandoned ÷ the same;
 * - meanIvrSeconds = mean of IVR exit − arrival over the same;
 * - misrouteRate = IVR-routed legs that an agent transferred ÷ IVR-routed legs;
 * - transferRate = transferred legs ÷ legs an agent handled (handled, transferred, escalated);
 * - escalationRate = escalated legs ÷ the same.
 * The IVR ones apply when some leg has an IVR outcome; transfer and escalation rates
 * when some leg of the log was transferred or escalated.
 */
import { IVR_OUTCOME, OUTCOME } from '../logs/codes.js';
import type { ContactLog } from '../logs/contactLog.js';
import type { KpiRecord } from './contacts.js';

const IVR_N = 0;
const CONTAINED = 1;
const IVR_ABANDONED = 2;
const IVR_SEC = 3;
const ROUTED = 4;
const MISROUTED = 5;
const HANDLED = 6;
const TRANSFERRED = 7;
const ESCALATED = 8;
const FIELDS = 9;

export interface IvrKpis {
  channels: Record<string, KpiRecord>;
  total: KpiRecord;
}

/** IVR, transfer and escalation KPIs of one replication's log. */
export function ivrKpis(log: ContactLog, opts: { warmupSec: number; horizonSec: number }): IvrKpis {
  const legs = log.legs;
  const nc = log.channels.length;
  const acc = new Float64Array((nc + 1) * FIELDS);
  let anyIvr = false;
  let anyTransfer = false;
  let anyEscalation = false;
  const add = (c: number, f: number, v = 1) => {
    acc[c * FIELDS + f] += v;
    acc[nc * FIELDS + f] += v;
  };
  for (let r = 0; r < legs.length; r++) {
    const o = legs.outcome[r];
    if (o === OUTCOME.transferred && !Number.isNaN(legs.answer[r])) anyTransfer = true;
    if (o === OUTCOME.escalated) anyEscalation = true;
    const ivr = legs.ivrOutcome[r];
    if (ivr !== IVR_OUTCOME.none) anyIvr = true;
    const t = legs.arrival[r];
    if (!(t >= opts.warmupSec && t < opts.horizonSec)) continue;
    const c = legs.channel[r];
    if (ivr !== IVR_OUTCOME.none) {
      add(c, IVR_N);
      if (ivr === IVR_OUTCOME.contained) add(c, CONTAINED);
      if (ivr === IVR_OUTCOME.abandoned) add(c, IVR_ABANDONED);
      add(c, IVR_SEC, legs.ivrExit[r] - t);
      if (ivr === IVR_OUTCOME.routed) {
        add(c, ROUTED);
        if (o === OUTCOME.transferred) add(c, MISROUTED);
      }
    }
    // A transferred leg never answered is a caller who took a callback, not a handled leg.
    if ((o === OUTCOME.handled || o === OUTCOME.transferred || o === OUTCOME.escalated) && !Number.isNaN(legs.answer[r])) {
      add(c, HANDLED);
      if (o === OUTCOME.transferred) add(c, TRANSFERRED);
      if (o === OUTCOME.escalated) add(c, ESCALATED);
    }
  }
  const record = (base: number): KpiRecord => {
    const f = (k: number) => acc[base + k];
    const r: KpiRecord = {};
    if (anyIvr) {
      r.containmentRate = ratio(f(CONTAINED), f(IVR_N));
      r.ivrAbandonRate = ratio(f(IVR_ABANDONED), f(IVR_N));
      r.meanIvrSeconds = ratio(f(IVR_SEC), f(IVR_N));
      r.misrouteRate = ratio(f(MISROUTED), f(ROUTED));
    }
    if (anyTransfer) r.transferRate = ratio(f(TRANSFERRED), f(HANDLED));
    if (anyEscalation) r.escalationRate = ratio(f(ESCALATED), f(HANDLED));
    return r;
  };
  const channels: Record<string, KpiRecord> = {};
  log.channels.forEach((id, c) => (channels[id] = record(c * FIELDS)));
  return { channels, total: record(nc * FIELDS) };
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}
