/**
 * `--report DIR`: every file of a report. Everything is rendered in memory first and each
 * file is then written atomically (temporary name, rename), so a failure half-way leaves
 * the earlier report as it was.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../logs/files.js';
import type { CompareResult, SweepResult } from '../plan/results.js';
import type { StudyResult } from '../plan/study.js';
import { studyJson } from '../plan/study.js';
import { renderPage, type Page, type PageChart } from './html.js';
import { comparePage, runPage, sweepPage } from './pages.js';
import type { Chart } from './specs/common.js';
import { compareDifferencesChart, compareKpisChart, planRows } from './specs/compare.js';
import { runCharts } from './specs/run.js';
import { sweepChart } from './specs/sweep.js';
import { writeSummaryFiles } from './summaryFiles.js';
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

/**
 * Write the report of one study into `dir`; returns the paths written, index.html first.
 *
 *   StudyResult ─▶ runCharts (vega-lite specs) ─┬─▶ renderSvg ─────────────▶ <chart>.svg
 *        │                                      └─▶ runPage ─▶ renderPage ─▶ index.html
 *        └─▶ summary.json, intervals.csv, groups-intervals.csv
 */
export function writeRunReport(dir: string, r: RunReportInput): string[] {
  const targets = r.targets ?? {};
  const charts = runCharts(r.study, targets);
  const rendered = renderAll(charts, (c) => runPage(r.study, c, targets, r.inputs), r.onProgress);
  mkdirSync(dir, { recursive: true });
  const summary = writeSummaryFiles(dir, {
    json: studyJson(r.study),
    intervals: r.study.intervals,
    intervalSec: r.study.measureOptions.intervalSec,
    waitCdf: r.study.waitCdf,
    inputs: r.inputs,
  });
  return [...writeRendered(dir, rendered), ...summary];
}

/** Write the report of a `compare` into `dir`: index.html, its SVGs, summary.json (the result) and kpis.csv. */
export function writeCompareReport(dir: string, r: CompareResult, onProgress?: RunReportInput['onProgress']): string[] {
  const charts = [compareKpisChart(r), compareDifferencesChart(r)].filter((c): c is Chart => c !== undefined);
  const rendered = renderAll(charts, (c) => comparePage(r, c), onProgress);
  const rows = [
    ...r.scenarios.flatMap((s) => planRows(s.name, s.summary).map((x) => ({ kind: 'kpi', ...x }))),
    ...r.differences.flatMap((d) => planRows(d.name, d).map((x) => ({ kind: 'difference', ...x }))),
  ];
  return writeWithData(dir, rendered, r, ['kind', 'scenario', 'id', 'metric', 'mean', 'lo', 'hi'], rows);
}

/** Write the report of a `sweep` into `dir`: index.html, its SVG, summary.json (the result) and kpis.csv. */
export function writeSweepReport(dir: string, r: SweepResult, onProgress?: RunReportInput['onProgress']): string[] {
  const rendered = renderAll([sweepChart(r)], (c) => sweepPage(r, c), onProgress);
  const rows = r.points.flatMap((p) => planRows('', p.summary).map(({ scenario: _, ...x }) => ({ value: p.value, ...x })));
  return writeWithData(dir, rendered, r, ['value', 'id', 'metric', 'mean', 'lo', 'hi'], rows);
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

function writeRendered(dir: string, r: Rendered): string[] {
  mkdirSync(dir, { recursive: true });
  const svgPaths = r.svgs.map(([file, svg]) => {
    const path = join(dir, file);
    writeFileAtomic(path, svg);
    return path;
  });
  const index = join(dir, 'index.html');
  writeFileAtomic(index, r.html);
  return [index, ...svgPaths];
}

function writeWithData(dir: string, r: Rendered, result: object, columns: string[], rows: Record<string, unknown>[]): string[] {
  mkdirSync(dir, { recursive: true });
  const summary = join(dir, 'summary.json');
  writeFileAtomic(summary, JSON.stringify(result, null, 2) + '\n');
  const csv = join(dir, 'kpis.csv');
  writeFileAtomic(csv, [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))].join('\n') + '\n');
  return [...writeRendered(dir, r), summary, csv];
}

function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
