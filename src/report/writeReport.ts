/**
 * `--report DIR`: every file of a report. Everything is rendered in memory first, then the
 * output folder writes it (logs/outputFolder.ts: each file atomically, a manifest beside
 * them, nothing over an input or over a file ccsim did not write), so a failure while
 * rendering leaves the earlier report as it was.
 */
import { writeFolder, type OutputFile } from '../logs/outputFolder.js';
import type { OutputGuard } from '../logs/outputs.js';
import type { CompareResult, SweepResult } from '../plan/results.js';
import type { StudyResult } from '../plan/study.js';
import { studyJson } from '../plan/study.js';
import { renderPage, type Page, type PageChart } from './html.js';
import { comparePage, runPage, sweepPage } from './pages.js';
import type { Chart } from './specs/common.js';
import { compareDifferencesChart, compareKpisChart, planRows } from './specs/compare.js';
import { runCharts } from './specs/run.js';
import { sweepChart } from './specs/sweep.js';
import { summaryFiles } from './summaryFiles.js';
import { renderSvg } from './svg.js';

export interface RunReportInput {
  study: StudyResult;
  /** The scenario's key inputs (file, horizon, channels, groups), recorded for reproducibility. */
  inputs?: object;
  /** Channel → service-level target, to colour KPIs met or missed. */
  targets?: Record<string, { serviceLevel: number; withinSec: number } | undefined>;
  /** Called as the charts are drawn (a progress bar on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

/** The names a report may write: a folder's check before the work refuses an input of these names in it. */
export function mayBeReportFile(name: string): boolean {
  return ['index.html', 'summary.json', 'intervals.csv', 'groups-intervals.csv', 'kpis.csv'].includes(name) || name.endsWith('.svg');
}

/** The guard a report folder gets when the caller gives none: no inputs, no --force. */
const REPORT_GUARD: OutputGuard = { command: 'run', flag: '--report', force: false, inputs: [] };

/**
 * The files of the report of one study, index.html first.
 *
 *   StudyResult ─▶ runCharts (vega-lite specs) ─┬─▶ renderSvg ─────────────▶ <chart>.svg
 *        │                                      └─▶ runPage ─▶ renderPage ─▶ index.html
 *        └─▶ summary.json, intervals.csv, groups-intervals.csv
 */
export function runReportFiles(r: RunReportInput): OutputFile[] {
  const targets = r.targets ?? {};
  const charts = runCharts(r.study, targets);
  const rendered = renderAll(charts, (c) => runPage(r.study, c, targets, r.inputs), r.onProgress);
  const summary = summaryFiles({
    json: studyJson(r.study),
    intervals: r.study.intervals,
    intervalSec: r.study.measureOptions.intervalSec,
    waitCdf: r.study.waitCdf,
    inputs: r.inputs,
  });
  return [...pageFiles(rendered), ...summary];
}

/** Write the report of one study into `dir`; returns the paths written, index.html first. */
export function writeRunReport(dir: string, r: RunReportInput, guard: OutputGuard = REPORT_GUARD): string[] {
  return writeFolder(dir, runReportFiles(r), guard);
}

/** Write the report of a `compare` into `dir`: index.html, its SVGs, summary.json (the result) and kpis.csv. */
export function writeCompareReport(dir: string, r: CompareResult, guard: OutputGuard = { ...REPORT_GUARD, command: 'compare' }, onProgress?: RunReportInput['onProgress']): string[] {
  const charts = [compareKpisChart(r), compareDifferencesChart(r)].filter((c): c is Chart => c !== undefined);
  const rendered = renderAll(charts, (c) => comparePage(r, c), onProgress);
  const rows = [
    ...r.scenarios.flatMap((s) => planRows(s.name, s.summary).map((x) => ({ kind: 'kpi', ...x }))),
    ...r.differences.flatMap((d) => planRows(d.name, d).map((x) => ({ kind: 'difference', ...x }))),
  ];
  return writeFolder(dir, withData(rendered, r, ['kind', 'scenario', 'id', 'metric', 'mean', 'lo', 'hi'], rows), guard);
}

/** Write the report of a `sweep` into `dir`: index.html, its SVG, summary.json (the result) and kpis.csv. */
export function writeSweepReport(dir: string, r: SweepResult, guard: OutputGuard = { ...REPORT_GUARD, command: 'sweep' }, onProgress?: RunReportInput['onProgress']): string[] {
  const rendered = renderAll([sweepChart(r)], (c) => sweepPage(r, c), onProgress);
  const rows = r.points.flatMap((p) => planRows('', p.summary).map(({ scenario: _, ...x }) => ({ value: p.value, ...x })));
  return writeFolder(dir, withData(rendered, r, ['value', 'id', 'metric', 'mean', 'lo', 'hi'], rows), guard);
}

interface Rendered {
  html: string;
  svgs: [file: string, svg: string][];
}

/** Draw every chart to SVG and lay out the page, in memory. */
function renderAll(charts: Chart[], page: (charts: PageChart[]) => Page, onProgress?: RunReportInput['onProgress']): Rendered {
  const total = charts.length + 1;
  const svgs = charts.map((c, i): [string, string] => {
    const svg = renderSvg(c.spec);
    onProgress?.(i + 1, total);
    return [`${c.id}.svg`, svg];
  });
  const html = renderPage(page(charts.map((c) => ({ ...c, svgFile: `${c.id}.svg` }))));
  onProgress?.(total, total);
  return { html, svgs };
}

function pageFiles(r: Rendered): OutputFile[] {
  return [{ name: 'index.html', text: r.html }, ...r.svgs.map(([name, text]) => ({ name, text }))];
}

function withData(r: Rendered, result: object, columns: string[], rows: Record<string, unknown>[]): OutputFile[] {
  const csv = [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))].join('\n') + '\n';
  return [...pageFiles(r), { name: 'summary.json', text: JSON.stringify(result, null, 2) + '\n' }, { name: 'kpis.csv', text: csv }];
}

function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
