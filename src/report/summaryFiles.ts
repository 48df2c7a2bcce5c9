/**
 * The machine-readable report files: `summary.json` (the `--json` document plus the
 * per-interval estimates and the inputs needed to reproduce the run) and the
 * per-interval metrics as CSV, one for channels and one for groups.
 */
import type { OutputFile } from '../logs/outputFolder.js';
import { CONTACT_METRICS, GROUP_INTERVAL_METRICS } from '../metrics/definitions.js';
import type { Estimate, IntervalSummary, WaitCdfSummary } from '../metrics/index.js';

export interface SummaryDocument {
  /** The `--json` document (scenario, seed, replications, channels, groups, total). */
  json: object;
  intervals: IntervalSummary[];
  intervalSec: number;
  waitCdf?: WaitCdfSummary;
  inputs?: object;
}

/** summary.json, intervals.csv and groups-intervals.csv, rendered in memory. */
export function summaryFiles(doc: SummaryDocument): OutputFile[] {
  return [
    {
      name: 'summary.json',
      text: JSON.stringify({ ...doc.json, intervalSec: doc.intervalSec, inputs: doc.inputs, waitCdf: doc.waitCdf, intervals: doc.intervals }, null, 2) + '\n',
    },
    { name: 'intervals.csv', text: intervalsCsv(doc.intervals, 'channels', CONTACT_METRICS.map((m) => m.key)) },
    { name: 'groups-intervals.csv', text: intervalsCsv(doc.intervals, 'groups', GROUP_INTERVAL_METRICS.map((m) => m.key)) },
  ];
}

/**
 * One row per interval and channel (or group): start second, clock label, id, then each
 * metric's mean and its CI bounds (`<metric>`, `<metric>_lo`, `<metric>_hi`).
 */
export function intervalsCsv(intervals: IntervalSummary[], scope: 'channels' | 'groups', keys: string[]): string {
  const idCol = scope === 'channels' ? 'channel' : 'group';
  const header = ['intervalStartSec', 'clock', idCol, ...keys.flatMap((k) => [k, `${k}_lo`, `${k}_hi`])];
  const lines = [header.join(',')];
  for (const iv of intervals) {
    for (const [id, rec] of Object.entries(iv[scope])) {
      const cells = keys.flatMap((k) => {
        const e: Estimate | undefined = rec[k];
        return e ? [num(e.mean), num(e.lo), num(e.hi)] : ['', '', ''];
      });
      lines.push([iv.startSec, iv.clock, id, ...cells].join(','));
    }
  }
  return lines.join('\n') + '\n';
}

/** Numbers to 6 significant digits: enough for a spreadsheet, stable across machines. */
function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}
