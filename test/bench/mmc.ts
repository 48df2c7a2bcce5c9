/** The M/M/c+M benchmark workload of the core issue, as a normalized scenario. */
import type { Scenario } from '../../src/scenario/types.js';

export const MMC_ARRIVALS = 1_000_000;
export const MMC_PER_MIN = 100;
export const MMC_AHT_SEC = 288;
export const MMC_AGENTS = 500;
export const MMC_PATIENCE_SEC = 180;

/** 100 arrivals a minute, exponential AHT 288 s, 500 agents, exponential patience 180 s, 1e6 arrivals expected. */
export function mmcScenario(arrivals = MMC_ARRIVALS): Scenario {
  const horizonSec = (arrivals / MMC_PER_MIN) * 60;
  return {
    name: 'bench-mmc+m',
    seed: 1,
    replications: 1,
    horizonSec,
    startClockSec: 0,
    startWeekday: 0,
    metrics: { warmupSec: 3600, intervalSec: 3600, serviceLevelFormula: 'offered', shortAbandonSec: 0, fcrWindowSec: 7 * 86400, defaultWithinSec: 20 },
    channels: {
      voice: {
        id: 'voice',
        kind: 'call',
        priority: 0,
        arrivals: { intervalSec: horizonSec, ratesPerSec: [MMC_PER_MIN / 60] },
        handle: { dist: 'exponential', mean: MMC_AHT_SEC },
        patience: { dist: 'exponential', mean: MMC_PATIENCE_SEC },
        target: { serviceLevel: 0.8, withinSec: 20 },
      },
    },
    groups: { team: { id: 'team', staffing: { kind: 'constant', agents: MMC_AGENTS }, skills: ['voice'], chatConcurrency: 1, chatSlowdown: 1, mixChatAndCalls: false } },
  };
}
