/**
 * The HTML tables of a report: the KPI table (targets coloured met or missed, "mean ±
 * half-width", each metric's definition on hover and as a numbered footnote) and the
 * scenario's key inputs with the seed and replication count needed to reproduce it.
 */
import { CONTACT_METRICS, GROUP_METRICS, type MetricDefinition } from '../metrics/definitions.js';
import type { Estimate, EstimateRecord, MeasureOptions, Summary } from '../metrics/index.js';
import { clockLabel } from '../metrics/summary.js';
import { formatDuration } from '../scenario/index.js';
import { escapeHtml as h, formatEstimate, formatValue } from './format.js';
import type { ChartTargets } from './specs/common.js';

/** The metrics a summary has a value for, in output order, each with its footnote number. */
export function shownMetrics(s: Summary): { contact: MetricDefinition[]; group: MetricDefinition[] } {
  const records = [...Object.values(s.channels), s.total];
  const contact = CONTACT_METRICS.filter((m) => records.some((r) => r[m.key]));
  const group = GROUP_METRICS.filter((m) => Object.values(s.groups).some((r) => r[m.key]));
  return { contact, group };
}

/** A metric's label with its definition on hover and a link to its footnote. */
function metricLabel(m: MetricDefinition, n: number): string {
  return `<abbr title="${h(m.definition)}">${h(m.label)}</abbr><sup><a href="#def-${h(m.key)}">${n}</a></sup>`;
}

/** Met or missed, for an SL estimate against its target (the mean decides, as in the terminal table). */
export function targetStatus(e: Estimate | undefined, target: number | undefined): 'met' | 'missed' | undefined {
  if (!e || target === undefined) return undefined;
  return e.mean >= target ? 'met' : 'missed';
}

/** The KPI tables: channels (and total) across, metrics down; then agent groups. */
export function kpiTableHtml(s: Summary, targets: ChartTargets, withinSec: Record<string, number>): string {
  const cols = [...Object.keys(s.channels), 'total'];
  const rec = (c: string): EstimateRecord => (c === 'total' ? s.total : s.channels[c]);
  const { contact, group } = shownMetrics(s);
  const rows: string[] = [];
  contact.forEach((m, i) => {
    const cells = cols.map((c) => {
      const e = rec(c)[m.key];
      if (!e) return '<td class="na">–</td>';
      const status = m.key === 'serviceLevel' && c !== 'total' ? targetStatus(e, targets[c]?.serviceLevel) : undefined;
      const t = targets[c];
      const tip = status && t ? ` title="target ${formatValue(t.serviceLevel, 'rate')} within ${t.withinSec} s: ${status}"` : ` title="95 % CI ${formatValue(e.lo, m.unit)} to ${formatValue(e.hi, m.unit)}"`;
      return `<td${status ? ` class="${status}"` : ''}${tip}>${h(formatEstimate(e, m.unit))}</td>`;
    });
    rows.push(`<tr><th scope="row">${metricLabel(m, i + 1)}</th>${cells.join('')}</tr>`);
  });
  rows.push(`<tr class="aux"><th scope="row">SL threshold T</th>${cols.map((c) => `<td>${c === 'total' || withinSec[c] === undefined ? '' : `${withinSec[c]} s`}</td>`).join('')}</tr>`);
  if (cols.some((c) => targets[c])) {
    const cells = cols.map((c) => {
      const t = targets[c];
      const status = targetStatus(rec(c)?.serviceLevel, t?.serviceLevel);
      if (!t || c === 'total') return '<td></td>';
      return `<td class="${status ?? 'na'}">${formatValue(t.serviceLevel, 'rate')} in ${t.withinSec} s: ${status === 'met' ? 'met' : status === 'missed' ? 'MISSED' : 'not measured'}</td>`;
    });
    rows.push(`<tr class="aux"><th scope="row">SL target</th>${cells.join('')}</tr>`);
  }
  const out = [
    '<table class="kpi">',
    `<thead><tr><th></th>${cols.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ];
  const groups = Object.keys(s.groups);
  if (groups.length && group.length) {
    out.push(
      '<table class="kpi groups">',
      `<thead><tr><th>group</th>${group.map((m, i) => `<th scope="col">${metricLabel(m, contact.length + i + 1)}</th>`).join('')}</tr></thead>`,
      `<tbody>${groups.map((g) => `<tr><th scope="row">${h(g)}</th>${group.map((m) => `<td>${s.groups[g][m.key] ? h(formatEstimate(s.groups[g][m.key], m.unit)) : '–'}</td>`).join('')}</tr>`).join('\n')}</tbody>`,
      '</table>',
    );
  }
  return out.join('\n');
}

/** The numbered definitions of the metrics in the KPI tables. */
export function definitionsHtml(s: Summary): string {
  const { contact, group } = shownMetrics(s);
  const items = [...contact, ...group].map((m) => `<li id="def-${h(m.key)}"><b>${h(m.label)}</b>: ${h(m.definition)}</li>`);
  return `<ol class="definitions">${items.join('\n')}</ol>`;
}

/** What the inputs section knows about a run: the study's own settings, plus the scenario's key inputs when given. */
export interface InputsSource {
  scenario: string;
  seed: number;
  replications: number;
  measureOptions: MeasureOptions;
  /** The `inputs` object of summary.json (file, horizon, channels, groups …), when the report came from a scenario. */
  inputs?: object;
}

/** The key-inputs section: run settings, channels and groups, and the command that reproduces the run. */
export function inputsHtml(src: InputsSource): string {
  const inp = (src.inputs ?? {}) as Record<string, unknown>;
  const mo = src.measureOptions;
  const file = typeof inp.file === 'string' ? inp.file : undefined;
  const run: [string, string][] = [
    ['scenario', src.scenario],
    ...(file ? [['file', file] as [string, string]] : []),
    ['seed', String(src.seed)],
    ['replications', String(src.replications)],
    ['horizon', formatDuration(mo.horizonSec)],
    ['warm-up', mo.warmupSec ? formatDuration(mo.warmupSec) : 'none'],
    ['start', clockLabel(mo.startClockSec)],
    ['reporting interval', formatDuration(mo.intervalSec)],
    ['service-level formula', mo.serviceLevelFormula],
  ];
  const out = ['<table class="inputs">', ...run.map(([k, v]) => `<tr><th scope="row">${h(k)}</th><td>${h(v)}</td></tr>`), '</table>'];
  const channels = inp.channels as Record<string, Record<string, unknown>> | undefined;
  if (channels && typeof channels === 'object') {
    out.push(
      '<table class="inputs wide"><thead><tr><th>channel</th><th>kind</th><th>handle</th><th>wrap-up</th><th>patience</th><th>target</th></tr></thead><tbody>',
      ...Object.entries(channels).map(([id, c]) => {
        const t = c.target as { serviceLevel?: number; withinSec?: number } | undefined;
        const target = t && t.serviceLevel !== undefined ? `${formatValue(t.serviceLevel, 'rate')} within ${t.withinSec} s` : 'none';
        return `<tr><th scope="row">${h(id)}</th>${[String(c.kind ?? ''), dist(c.handle), dist(c.wrapup), dist(c.patience, 'never abandons'), target].map((v) => `<td>${h(v)}</td>`).join('')}</tr>`;
      }),
      '</tbody></table>',
    );
  }
  const groups = inp.groups as Record<string, Record<string, unknown>> | undefined;
  if (groups && typeof groups === 'object') {
    out.push(
      '<table class="inputs wide"><thead><tr><th>group</th><th>agents</th><th>skills</th></tr></thead><tbody>',
      ...Object.entries(groups).map(([id, g]) => `<tr><th scope="row">${h(id)}</th><td>${h(staffing(g.staffing))}</td><td>${h(Array.isArray(g.skills) ? g.skills.join(', ') : '')}</td></tr>`),
      '</tbody></table>',
    );
  }
  if (file) out.push(`<p>Reproduce: <code>ccsim run ${h(file)} --seed ${src.seed} --replications ${src.replications}</code></p>`);
  return out.join('\n');
}

/** A distribution as a planner reads it: "lognormal, mean 270 s, cv 0.8". */
function dist(d: unknown, none = 'none'): string {
  if (!d || typeof d !== 'object') return none;
  const x = d as Record<string, unknown>;
  switch (x.dist) {
    case 'fixed':
      return `fixed ${x.value} s`;
    case 'exponential':
      return `exponential, mean ${x.mean} s`;
    case 'lognormal':
    case 'gamma':
      return `${x.dist}, mean ${x.mean} s, cv ${x.cv}`;
    case 'uniform':
      return `uniform ${x.min}–${x.max} s`;
    case 'empirical':
      return `empirical, ${Array.isArray(x.values) ? x.values.length : '?'} values`;
    default:
      return JSON.stringify(d);
  }
}

/** A group's headcount: constant, a table's range, or a roster's size. */
function staffing(st: unknown): string {
  if (!st || typeof st !== 'object') return '';
  const x = st as Record<string, unknown>;
  if (x.kind === 'constant') return `${x.agents}`;
  if (x.kind === 'table' && Array.isArray(x.agents)) {
    const a = x.agents as number[];
    return `${Math.min(...a)}–${Math.max(...a)} per ${formatDuration(Number(x.intervalSec))} (table of ${a.length})`;
  }
  if (x.kind === 'shifts' && Array.isArray(x.shifts)) return `${x.shifts.length} agent shifts`;
  return JSON.stringify(st);
}
