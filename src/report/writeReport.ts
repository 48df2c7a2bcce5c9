/**
 * `--report DIR` of `ccsim run` and `ccsim metrics`: every file of a run's report.
 * Today: summary.json and the per-interval CSVs.
 */
import type { StudyResult } from '../plan/study.js';
import { studyJson } from '../plan/study.js';
import { writeSummaryFiles } from './summaryFiles.js';

export interface RunReportInput {
  study: StudyResult;
  /** The scenario's key inputs (file, horizon, channels, groups), recorded for reproducibility. */
  inputs?: object;
  /** Channel → service-level target, to colour KPIs met or missed. */
  targets?: Record<string, { serviceLevel: number; withinSec: number } | undefined>;
}

/** Write the report of one study into `dir`; returns the paths written. */
export function writeRunReport(dir: string, r: RunReportInput): string[] {
  return writeSummaryFiles(dir, {
    json: studyJson(r.study),
    intervals: r.study.intervals,
    intervalSec: r.study.measureOptions.intervalSec,
    waitCdf: r.study.waitCdf,
    inputs: r.inputs,
  });
}
