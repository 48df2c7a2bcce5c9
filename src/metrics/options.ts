/** How a contact log is measured: the settings every metric function takes. */
import type { ServiceLevelFormula } from '../scenario/types.js';

export type { ServiceLevelFormula };
export const SERVICE_LEVEL_FORMULAS: readonly ServiceLevelFormula[] = [
  'offered',
  'answered',
  'offeredMinusShortAbandons',
  'answeredPlusLateAbandons',
];

export interface MeasureOptions {
  /** Contacts arriving before this are not counted; agent time before it neither. */
  warmupSec: number;
  /** End of the observed period. */
  horizonSec: number;
  /** Reporting interval length. */
  intervalSec: number;
  /** Clock time at t = 0 (seconds after midnight), for interval labels. */
  startClockSec: number;
  serviceLevelFormula: ServiceLevelFormula;
  /** Abandons with a wait below this leave offered and abandoned. */
  shortAbandonSec: number;
  /** Service-level threshold per channel name; `default` for the others. */
  withinSec: Record<string, number>;
  defaultWithinSec: number;
  /** FCR / repeat-contact window (fcr.ts); default 7 days. */
  fcrWindowSec?: number;
}
