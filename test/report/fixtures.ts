/** Tiny hand-built results (no simulation) whose charts have a known number of marks. */
import type { Estimate, IntervalSummary, Summary } from '../../src/metrics/index.js';
import type { CompareResult, SweepResult } from '../../src/plan/results.js';
import type { StudyResult } from '../../src/plan/study.js';
import type { WhatIfResult } from '../../src/report/specs/whatif.js';

/** An estimate with a symmetric interval. */
export function est(mean: number, half = 0): Estimate {
  return { mean, lo: mean - half, hi: mean + half };
}

export const CHANNELS = ['sales', 'support'];
export const GROUPS = ['team'];
export const GRID_SEC = [0, 10, 20, 60, 120];
export const TARGETS = { sales: { serviceLevel: 0.8, withinSec: 20 }, support: { serviceLevel: 0.9, withinSec: 10 } };

/** A summary where `k` shifts every value a little, so scenarios and points differ. */
export function summary(k = 0): Summary {
  const channel = (base: number) => ({
    offered: est(100 * base + k, 5),
    answered: est(95 * base + k, 5),
    abandoned: est(5 * base, 1),
    answerRate: est(0.95, 0.01),
    abandonRate: est(0.05 - k / 1000, 0.01),
    serviceLevel: est(0.82 + k / 100, 0.03),
    asaSeconds: est(12 - k, 2),
    avgQueueLength: est(1.5, 0.2),
  });
  return {
    channels: { sales: channel(1), support: channel(0.5) },
    groups: { team: { occupancy: est(0.85 - k / 100, 0.02), staffedHours: est(12, 0) } },
    total: channel(1.5),
  };
}

/** Three 30-minute intervals from 08:00, two channels, one group, every interval KPI present. */
export function tinyStudy(): StudyResult {
  const intervals: IntervalSummary[] = [0, 1, 2].map((i) => ({
    startSec: i * 1800,
    clock: ['08:00', '08:30', '09:00'][i],
    channels: Object.fromEntries(
      CHANNELS.map((c, j) => [
        c,
        {
          offered: est(40 + 10 * i + j, 3),
          answered: est(38 + 10 * i, 3),
          abandoned: est(2 + j, 1),
          serviceLevel: est(0.8 + 0.05 * i - 0.1 * j, 0.04),
          asaSeconds: est(15 - 3 * i + j, 3),
          avgQueueLength: est(1 + i, 0.3),
        },
      ]),
    ),
    groups: { team: { staffedAgents: est(10 + i, 0), busyAgents: est(8 + i, 0.5), occupancy: est(0.8 + 0.01 * i, 0.03) } },
  }));
  return {
    scenario: 'tiny',
    seed: 7,
    replications: 5,
    summary: summary(),
    intervals,
    waitCdf: { gridSec: GRID_SEC, channels: { sales: GRID_SEC.map((_, k) => est(0.5 + 0.12 * k, 0.02)), support: GRID_SEC.map((_, k) => (k === 0 ? null : est(0.6 + 0.1 * k, 0.02))) } },
    perReplication: [],
    measureOptions: {
      warmupSec: 0,
      horizonSec: 5400,
      intervalSec: 1800,
      startClockSec: 8 * 3600,
      serviceLevelFormula: 'offered',
      shortAbandonSec: 0,
      withinSec: { sales: 20, support: 10 },
      defaultWithinSec: 20,
    },
  };
}

/** Two scenarios and one difference. */
export function tinyCompare(): CompareResult {
  const diff = summary(2);
  return {
    seed: 1,
    replications: 5,
    scenarios: [
      { name: 'base', file: 'base.yaml', summary: summary(0) },
      { name: 'plus2', file: 'plus2.yaml', summary: summary(2) },
    ],
    differences: [{ name: 'plus2', file: 'plus2.yaml', channels: diff.channels, groups: diff.groups, total: diff.total }],
  };
}

/** Three values of one parameter, each with its Erlang A point. */
export function tinySweep(): SweepResult {
  return {
    scenario: 'tiny',
    path: 'groups.team.agents',
    seed: 1,
    replications: 5,
    points: [20, 21, 22].map((value, i) => ({
      value,
      summary: summary(i),
      erlangA: { serviceLevel: 0.8 + i / 100, asaSeconds: 12 - i, avgWaitSeconds: 10 - i, abandonRate: 0.05 - i / 1000, occupancy: 0.85 - i / 100 },
    })),
  };
}

/** A 3 × 2 grid: agents 10..12, volume 0.9 and 1.0. */
export function tinyWhatIf(): WhatIfResult {
  const agents = [10, 11, 12];
  const volume = [0.9, 1];
  const points = agents.flatMap((a, i) =>
    volume.map((v, j) => ({
      values: [a, v],
      summary: summary(i * 2 + j),
      waitCdf: { gridSec: GRID_SEC, channels: Object.fromEntries(CHANNELS.map((c) => [c, GRID_SEC.map((_, k) => est(Math.min(1, 0.4 + 0.1 * i + 0.15 * k), 0.02))])) },
      targets: TARGETS,
      withinSec: { sales: 20, support: 10 },
    })),
  );
  return {
    scenario: 'tiny',
    file: 'tiny.yaml',
    seed: 3,
    replications: 3,
    varies: [
      { path: 'groups.team.agents', values: agents },
      { path: 'channels.sales.volume', values: volume },
    ],
    channels: CHANNELS,
    groups: GROUPS,
    points,
  };
}
