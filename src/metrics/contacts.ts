/**
 * Contact metrics of one replication, per channel, per interval and in total: pure
 * functions of the leg table.
 *
 * One pass over the legs fills a grid of accumulator cells, one per (interval, channel)
 * plus a whole-run row; every KPI is then a ratio of cell fields. A leg counts in the
 * interval it arrived in, as planners count calls.
 */
import { OUTCOME } from '../logs/codes.js';
import type { ContactLog } from '../logs/contactLog.js';
import type { MeasureOptions } from './options.js';

// Fields of an accumulator cell.
const OFFERED = 0;
const ANSWERED = 1;
const ABANDONED = 2;
const ANSWERED_WITHIN = 3;
const ABANDONED_WITHIN = 4;
const SUM_ANSWER_WAIT = 5;
const SUM_WAIT = 6;
const N_WAIT = 7;
const N_HANDLED = 8;
const SUM_HANDLE = 9;
const OPEN_WAITING = 10;
const WAITING_SEC = 11; // contact-seconds spent waiting inside the cell's interval
const BLOCKED = 12;
const SUM_FIRST_RESPONSE = 13;
const OPEN_IN_SERVICE = 14;
const FIELDS = 15;

/** Waits (seconds) at which the wait-time CDF is reported. */
export const WAIT_CDF_GRID_SEC: readonly number[] = [
  0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 90, 105, 120, 150, 180, 210, 240, 300, 360, 420, 480,
  600, 900, 1200, 1800, 2700, 3600,
];
const CDF_BINS = WAIT_CDF_GRID_SEC.length + 1; // bucket k: grid[k−1] < wait ≤ grid[k]; the last: beyond the grid

export type KpiRecord = Record<string, number>;

export interface ContactKpis {
  /** Per channel name. */
  channels: Record<string, KpiRecord>;
  total: KpiRecord;
  /** Per interval (index i covers [i·intervalSec, (i+1)·intervalSec)), per channel name. */
  intervals: Record<string, KpiRecord>[];
  /** Per channel: share of measured waits (answered and abandoned) ≤ each WAIT_CDF_GRID_SEC value. */
  waitCdf: Record<string, number[]>;
}

/** Number of reporting intervals that cover [0, horizon). */
export function intervalCount(opts: MeasureOptions): number {
  return Math.max(1, Math.ceil(opts.horizonSec / opts.intervalSec - 1e-9));
}

/** Contact KPIs of one replication's log. */
export function contactKpis(log: ContactLog, opts: MeasureOptions): ContactKpis {
  const legs = log.legs;
  const nc = log.channels.length;
  const ni = intervalCount(opts);
  const cells = new Float64Array((ni + 1) * nc * FIELDS);
  const within = Float64Array.from(log.channels, (c) => opts.withinSec[c] ?? opts.defaultWithinSec);
  // Waits of answered and abandoned legs, with their channel, for the 90th percentiles.
  const waits = new Float64Array(legs.length);
  const waitChannel = new Uint16Array(legs.length);
  let nWaits = 0;
  // Waits bucketed by the CDF grid per channel (O(n log grid), no sort).
  const histogram = new Float64Array(nc * CDF_BINS);
  const whole = ni * nc * FIELDS;
  // First responses (arrival → answer) of chats and emails, for their 90th percentile.
  const written = log.channelKinds.map((k) => k === 'chat' || k === 'email');
  const anyWritten = written.some(Boolean);
  const responses = new Float64Array(anyWritten ? legs.length : 0);
  const responseChannel = new Uint16Array(anyWritten ? legs.length : 0);
  let nResponses = 0;

  for (let r = 0; r < legs.length; r++) {
    const arrival = legs.arrival[r];
    if (!(arrival >= opts.warmupSec) || !(arrival < opts.horizonSec)) continue;
    const entry = legs.queueEntry[r];
    const c = legs.channel[r];
    if (Number.isNaN(entry)) {
      // Never queued: blocked (closed), IVR-contained or IVR-abandoned. Only blocked counts here.
      if (legs.outcome[r] === OUTCOME.blocked) {
        const bi = Math.min(ni - 1, Math.floor(arrival / opts.intervalSec));
        add(cells, (bi * nc + c) * FIELDS, whole + c * FIELDS, BLOCKED, 1);
      }
      continue;
    }
    const answer = legs.answer[r];
    const abandon = legs.abandon[r];
    const answered = !Number.isNaN(answer);
    const abandoned = !answered && !Number.isNaN(abandon);
    const wait = answered ? answer - entry : abandoned ? abandon - entry : NaN;
    if (abandoned && wait < opts.shortAbandonSec) continue; // short abandon: not offered
    const i = Math.min(ni - 1, Math.floor(arrival / opts.intervalSec));
    const base = (i * nc + c) * FIELDS;
    const wbase = whole + c * FIELDS;
    add(cells, base, wbase, OFFERED, 1);
    if (answered) {
      add(cells, base, wbase, ANSWERED, 1);
      add(cells, base, wbase, SUM_ANSWER_WAIT, wait);
      if (wait <= within[c]) add(cells, base, wbase, ANSWERED_WITHIN, 1);
      if (written[c]) {
        add(cells, base, wbase, SUM_FIRST_RESPONSE, answer - arrival);
        responses[nResponses] = answer - arrival;
        responseChannel[nResponses++] = c;
      }
    } else if (abandoned) {
      add(cells, base, wbase, ABANDONED, 1);
      if (wait <= within[c]) add(cells, base, wbase, ABANDONED_WITHIN, 1);
    }
    // Open at the horizon: still waiting there, or answered before it and not yet done
    // (the simulator logs such a leg with an answer and no wrap-up end).
    const H = opts.horizonSec;
    if (!(answer < H) && !(abandon < H)) add(cells, base, wbase, OPEN_WAITING, 1);
    else if (answer < H && !(legs.wrapEnd[r] <= H)) add(cells, base, wbase, OPEN_IN_SERVICE, 1);
    // Time in queue, spread over the intervals it overlaps (for the mean queue length).
    const waitEnd = answered ? answer : abandoned ? abandon : opts.horizonSec;
    for (let j = i; j < ni && j * opts.intervalSec < waitEnd; j++) {
      const overlap = Math.min(waitEnd, (j + 1) * opts.intervalSec) - Math.max(entry, j * opts.intervalSec);
      if (overlap > 0) add(cells, (j * nc + c) * FIELDS, wbase, WAITING_SEC, overlap);
    }
    if (answered || abandoned) {
      add(cells, base, wbase, SUM_WAIT, wait);
      add(cells, base, wbase, N_WAIT, 1);
      waits[nWaits] = wait;
      waitChannel[nWaits++] = c;
      histogram[c * CDF_BINS + gridBucket(wait)]++;
    }
    if (legs.outcome[r] !== OUTCOME.open && !Number.isNaN(legs.wrapEnd[r]) && answered) {
      add(cells, base, wbase, N_HANDLED, 1);
      add(cells, base, wbase, SUM_HANDLE, legs.wrapEnd[r] - answer);
    }
  }

  const channels: Record<string, KpiRecord> = {};
  const totalCell = new Float64Array(FIELDS);
  const scratch = new Float64Array(nc > 1 ? nWaits : 0);
  const scratchResponses = new Float64Array(nResponses);
  for (let c = 0; c < nc; c++) {
    const cell = cells.subarray(whole + c * FIELDS, whole + (c + 1) * FIELDS);
    let p90: number;
    if (nc === 1) p90 = percentile90(waits.subarray(0, nWaits));
    else {
      let m = 0;
      for (let k = 0; k < nWaits; k++) if (waitChannel[k] === c) scratch[m++] = waits[k];
      p90 = percentile90(scratch.subarray(0, m));
    }
    const k = kpisOf(cell, opts, p90, Math.max(0, opts.horizonSec - opts.warmupSec));
    if (written[c]) {
      let m = 0;
      for (let j = 0; j < nResponses; j++) if (responseChannel[j] === c) scratchResponses[m++] = responses[j];
      k.firstResponseSeconds = ratio(cell[SUM_FIRST_RESPONSE], cell[ANSWERED]);
      k.p90FirstResponseSeconds = percentile90(scratchResponses.subarray(0, m));
    }
    channels[log.channels[c]] = k;
    for (let f = 0; f < FIELDS; f++) totalCell[f] += cell[f];
  }
  // Last use of `waits`: the in-place selection may reorder it.
  const total = kpisOf(totalCell, opts, percentile90(waits.subarray(0, nWaits)), Math.max(0, opts.horizonSec - opts.warmupSec));

  const intervals: Record<string, KpiRecord>[] = [];
  for (let i = 0; i < ni; i++) {
    const row: Record<string, KpiRecord> = {};
    for (let c = 0; c < nc; c++) {
      const base = (i * nc + c) * FIELDS;
      const len = Math.min(opts.horizonSec, (i + 1) * opts.intervalSec) - Math.max(opts.warmupSec, i * opts.intervalSec);
      row[log.channels[c]] = kpisOf(cells.subarray(base, base + FIELDS), opts, NaN, len);
    }
    intervals.push(row);
  }
  const waitCdf: Record<string, number[]> = {};
  for (let c = 0; c < nc; c++) waitCdf[log.channels[c]] = cdfOf(histogram.subarray(c * CDF_BINS, (c + 1) * CDF_BINS));
  return { channels, total, intervals, waitCdf };
}

function add(cells: Float64Array, base: number, wholeBase: number, field: number, v: number): void {
  cells[base + field] += v;
  cells[wholeBase + field] += v;
}

/** Index of the first grid point ≥ wait (the grid's length when beyond it). */
function gridBucket(wait: number): number {
  let lo = 0;
  let hi = WAIT_CDF_GRID_SEC.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (WAIT_CDF_GRID_SEC[mid] >= wait) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Share of waits ≤ each grid point, from the bucket counts. */
function cdfOf(buckets: Float64Array): number[] {
  let n = 0;
  for (let k = 0; k < buckets.length; k++) n += buckets[k];
  let cum = 0;
  return WAIT_CDF_GRID_SEC.map((_, k) => {
    cum += buckets[k];
    return n > 0 ? cum / n : NaN;
  });
}

/** KPIs from one cell; NaN where a ratio has no denominator (left out of the output later). */
function kpisOf(cell: Float64Array, opts: MeasureOptions, p90: number, observedSec: number): KpiRecord {
  const offered = cell[OFFERED];
  const answered = cell[ANSWERED];
  const abandoned = cell[ABANDONED];
  const k: KpiRecord = {
    offered,
    answered,
    abandoned,
    answerRate: ratio(answered, offered),
    abandonRate: ratio(abandoned, offered),
    serviceLevel: serviceLevel(cell, opts),
    asaSeconds: ratio(cell[SUM_ANSWER_WAIT], answered),
    avgWaitSeconds: ratio(cell[SUM_WAIT], cell[N_WAIT]),
    p90WaitSeconds: p90,
    ahtSeconds: ratio(cell[SUM_HANDLE], cell[N_HANDLED]),
    openEnd: cell[OPEN_WAITING] + cell[OPEN_IN_SERVICE],
    openWaiting: cell[OPEN_WAITING],
    openInService: cell[OPEN_IN_SERVICE],
    avgQueueLength: ratio(cell[WAITING_SEC], observedSec),
    blocked: cell[BLOCKED],
  };
  return k;
}

/**
 * Service level by the scenario's formula; the numerator is always "answered within T":
 * - offered: ÷ offered (default; the analytic models' definition)
 * - answered: ÷ answered
 * - offeredMinusShortAbandons: ÷ (offered − abandoned within T)
 * - answeredPlusLateAbandons: ÷ (answered + abandoned after T)
 */
function serviceLevel(cell: Float64Array, opts: MeasureOptions): number {
  const within = cell[ANSWERED_WITHIN];
  switch (opts.serviceLevelFormula) {
    case 'offered':
      return ratio(within, cell[OFFERED]);
    case 'answered':
      return ratio(within, cell[ANSWERED]);
    case 'offeredMinusShortAbandons':
      return ratio(within, cell[OFFERED] - cell[ABANDONED_WITHIN]);
    case 'answeredPlusLateAbandons':
      return ratio(within, cell[ANSWERED] + cell[ABANDONED] - cell[ABANDONED_WITHIN]);
  }
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}

/**
 * 90th percentile by nearest rank: the smallest value with at least 90 % of values at or
 * below it. Found by selection in O(n), which reorders `values` in place.
 */
export function percentile90(values: Float64Array): number {
  if (values.length === 0) return NaN;
  return selectKth(values, Math.max(0, Math.ceil(0.9 * values.length) - 1));
}

/** The k-th smallest value (0-based), by Hoare's quickselect with a median-of-three pivot. */
export function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as pivot keeps sorted or constant inputs from going quadratic.
    const x = a[lo], y = a[mid], z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
