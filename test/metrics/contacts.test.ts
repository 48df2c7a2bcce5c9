/**
 * Metric formulas on a hand-built log whose answers are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { AgentStateTable } from '../../src/logs/agentTable.js';
import { AGENT_STATE, OUTCOME } from '../../src/logs/codes.js';
import type { ContactLog } from '../../src/logs/contactLog.js';
import { LegTable } from '../../src/logs/legTable.js';
import { WAIT_CDF_GRID_SEC, contactKpis, estimate, groupKpis, percentile90, selectKth, studentTQuantile, type MeasureOptions } from '../../src/metrics/index.js';

/** [arrival, answer|null, abandon|null, wrapEnd|null] per leg, all on channel 0 unless given. */
function log(rows: [number, number | null, number | null, number | null, number?][]): ContactLog {
  const legs = new LegTable(4);
  rows.forEach(([arr, ans, abn, end, ch], i) => {
    const r = legs.add(i, ch ?? 0, ch ?? 0, arr);
    legs.queueEntry[r] = arr;
    if (ans !== null) legs.answer[r] = ans;
    if (abn !== null) legs.abandon[r] = abn;
    if (end !== null) {
      legs.talkEnd[r] = end;
      legs.wrapEnd[r] = end;
    }
    legs.outcome[r] = end !== null ? OUTCOME.handled : abn !== null ? OUTCOME.abandoned : OUTCOME.open;
  });
  return { replication: 0, horizonSec: 3600, channels: ['voice', 'chat'], channelKinds: ['call', 'chat'], queues: ['voice', 'chat'], groups: ['team'], agents: ['team-1', 'team-2'], agentGroup: Int32Array.of(0, 0), legs };
}

const opts = (o: Partial<MeasureOptions> = {}): MeasureOptions => ({
  warmupSec: 0,
  horizonSec: 3600,
  intervalSec: 1800,
  startClockSec: 0,
  serviceLevelFormula: 'offered',
  shortAbandonSec: 0,
  withinSec: { voice: 20, chat: 60 },
  defaultWithinSec: 20,
  ...o,
});

// Ten voice calls. Waits of the answered: 0, 10, 20, 30, 50 (answered within 20 s: 3).
// Abandoned after 5, 15 and 40 s (within 20 s: 2). One open (never answered), one before warm-up.
// Handle times of the handled: 100, 200, 300, 400 (the 50 s-wait call is still in service).
const L = log([
  [100, 100, null, 200],
  [110, 120, null, 320],
  [120, 140, null, 440],
  [130, 160, null, 560],
  [1900, 1950, null, null],
  [140, null, 145, null],
  [150, null, 165, null],
  [1950, null, 1990, null],
  [2000, null, null, null],
  [10, 10, null, 20],
]);

describe('contact metrics', () => {
  it('counts and rates by the definitions', () => {
    const k = contactKpis(L, opts({ warmupSec: 50 })).channels.voice;
    expect(k.offered).toBe(9);
    expect(k.answered).toBe(5);
    expect(k.abandoned).toBe(3);
    // Open at the horizon: the call never answered (waiting) and the 50 s-wait call (in service).
    expect([k.openEnd, k.openWaiting, k.openInService]).toEqual([2, 1, 1]);
    expect(k.answerRate).toBeCloseTo(5 / 9, 15);
    expect(k.abandonRate).toBeCloseTo(3 / 9, 15);
    expect(k.asaSeconds).toBeCloseTo((0 + 10 + 20 + 30 + 50) / 5, 12);
    expect(k.avgWaitSeconds).toBeCloseTo((0 + 10 + 20 + 30 + 50 + 5 + 15 + 40) / 8, 12);
    // Nearest rank: ceil(0.9·8) = 8th of 0,5,10,15,20,30,40,50 → 50.
    expect(k.p90WaitSeconds).toBe(50);
    expect(k.ahtSeconds).toBeCloseTo((100 + 200 + 300 + 400) / 4, 12);
  });

  it('computes the four service-level variants', () => {
    const sl = (f: MeasureOptions['serviceLevelFormula']) => contactKpis(L, opts({ warmupSec: 50, serviceLevelFormula: f })).channels.voice.serviceLevel;
    expect(sl('offered')).toBeCloseTo(3 / 9, 15);
    expect(sl('answered')).toBeCloseTo(3 / 5, 15);
    expect(sl('offeredMinusShortAbandons')).toBeCloseTo(3 / (9 - 2), 15);
    expect(sl('answeredPlusLateAbandons')).toBeCloseTo(3 / (5 + 1), 15);
  });

  it('counts a contact in the interval it arrived in and leaves empty ratios out', () => {
    const k = contactKpis(L, opts({ warmupSec: 50 }));
    expect(k.intervals).toHaveLength(2);
    expect(k.intervals[0].voice.offered).toBe(6);
    expect(k.intervals[1].voice.offered).toBe(3);
    expect(k.intervals[1].voice.answered).toBe(1);
    expect(Number.isNaN(k.intervals[0].chat.asaSeconds)).toBe(true);
  });

  it('drops short abandons from offered and abandoned when a threshold is set', () => {
    const k = contactKpis(L, opts({ warmupSec: 50, shortAbandonSec: 10 })).channels.voice;
    expect(k.offered).toBe(8);
    expect(k.abandoned).toBe(2);
  });

  it('uses each channel its own threshold and sums channels in the total', () => {
    const two = log([
      [0, 30, null, 60, 1], // chat: waited 30 ≤ 60 → within
      [0, 30, null, 60, 0], // voice: waited 30 > 20 → not within
    ]);
    const k = contactKpis(two, opts());
    expect(k.channels.chat.serviceLevel).toBe(1);
    expect(k.channels.voice.serviceLevel).toBe(0);
    expect(k.total.serviceLevel).toBe(0.5);
    expect(k.total.offered).toBe(2);
  });
});

describe('queue length and wait distribution', () => {
  it('mean queue length is contact-seconds waiting over seconds observed, per interval and for the run', () => {
    // Interval 0 [0, 1800): waits 0, 10, 20, 30, 5, 15 s → 80 contact-seconds.
    // Interval 1 [1800, 3600): waits 50, 40 and the open one from 2000 to the horizon 3600.
    const k = contactKpis(L, opts({ warmupSec: 50 }));
    expect(k.intervals[0].voice.avgQueueLength).toBeCloseTo(80 / (1800 - 50), 12);
    expect(k.intervals[1].voice.avgQueueLength).toBeCloseTo((50 + 40 + 1600) / 1800, 12);
    expect(k.channels.voice.avgQueueLength).toBeCloseTo((80 + 1690) / (3600 - 50), 12);
  });

  it('the wait CDF gives the share of waits at or below each grid point', () => {
    const k = contactKpis(L, opts({ warmupSec: 50 }));
    const grid = [0, 1, 5, 10, 20, 30, 40, 50, 60];
    const at = (t: number) => k.waitCdf.voice[WAIT_CDF_GRID_SEC.indexOf(t)];
    // Waits: 0, 10, 20, 30, 50 (answered), 5, 15, 40 (abandoned): 8 in all.
    const expected = [1, 1, 2, 3, 5, 6, 7, 8, 8].map((n) => n / 8);
    grid.forEach((t, i) => expect(at(t), `≤ ${t}s`).toBeCloseTo(expected[i], 15));
  });
});

describe('group metrics', () => {
  it('occupancy is handling time over staffed time minus breaks, inside the window', () => {
    const st = new AgentStateTable();
    st.add(0, AGENT_STATE.staffed, 0, 3600);
    st.add(1, AGENT_STATE.staffed, 1800, 3600);
    st.add(0, AGENT_STATE.busy, 0, 900);
    st.add(0, AGENT_STATE.wrapup, 900, 1200);
    st.add(1, AGENT_STATE.busy, 1800, 2700);
    st.add(1, AGENT_STATE.break, 2700, 3000);
    const g = groupKpis({ ...L, agentStates: st }, opts())!;
    // Handling 1200 + 900 = 2100 s; staffed 3600 + 1800 − 300 break = 5100 s.
    expect(g.groups.team.occupancy).toBeCloseTo(2100 / 5100, 15);
    expect(g.groups.team.staffedHours).toBeCloseTo(1.5, 15);
    expect(g.intervals[0].team.staffedAgents).toBeCloseTo(1, 15);
    expect(g.intervals[1].team.staffedAgents).toBeCloseTo(2, 15);
    expect(g.intervals[0].team.busyAgents).toBeCloseTo(1200 / 1800, 15);
    // With a warm-up of 30 min only the second half counts.
    const w = groupKpis({ ...L, agentStates: st }, opts({ warmupSec: 1800 }))!;
    expect(w.groups.team.occupancy).toBeCloseTo(900 / (3600 - 300), 15);
  });
});

describe('statistics helpers', () => {
  it('Student t quantiles match published tables (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2)', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262, 3);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045, 3);
    expect(studentTQuantile(0.975, 100)).toBeCloseTo(1.984, 3);
  });

  it('estimate gives mean ± t·s/√n, and a point for one value', () => {
    const e = estimate([1, 2, 3, 4])!;
    const half = studentTQuantile(0.975, 3) * (Math.sqrt(5 / 3) / 2);
    expect(e.mean).toBe(2.5);
    expect(e.hi - e.mean).toBeCloseTo(half, 12);
    expect(estimate([7])).toEqual({ mean: 7, lo: 7, hi: 7 });
    expect(estimate([])).toBeUndefined();
  });

  it('selection agrees with sorting', () => {
    let x = 99;
    const rand = () => ((x = (x * 69069 + 1) % 4294967296), x / 4294967296);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const a = Float64Array.from({ length: n }, () => Math.floor(rand() * 20));
      const sorted = Float64Array.from(a).sort();
      for (const k of [0, n >> 1, n - 1]) expect(selectKth(Float64Array.from(a), k)).toBe(sorted[k]);
      expect(percentile90(Float64Array.from(a))).toBe(sorted[Math.ceil(0.9 * n) - 1]);
    }
  });
});
