/** The report pages of `run` (and `metrics`), `compare` and `sweep`: tables and charts laid out for html.ts. */
import { CONTACT_METRICS, GROUP_METRICS } from '../metrics/definitions.js';
import type { Summary } from '../metrics/index.js';
import type { CompareResult, SweepResult } from '../plan/results.js';
import type { StudyResult } from '../plan/study.js';
import { escapeHtml as h, formatEstimate, formatValue } from './format.js';
import type { Page, PageChart } from './html.js';
import { definitionsHtml, inputsHtml, kpiTableHtml } from './kpiHtml.js';
import type { ChartTargets } from './specs/common.js';
import { PLAN_METRICS } from './specs/plan.js';

const UNIT = Object.fromEntries([...CONTACT_METRICS, ...GROUP_METRICS].map((m) => [m.key, m.unit]));

const KPI_NOTE = '<p class="note">Mean over the replications ± the half-width of its 95 % confidence interval (hover a value for the interval, a metric for its definition). Service level is green where the mean reaches the channel’s target, red where it falls short.</p>';

/** The page of one study. */
export function runPage(study: StudyResult, charts: PageChart[], targets: ChartTargets, inputs?: object): Page {
  return {
    title: `${study.scenario}: simulation report`,
    subtitle: `seed ${study.seed}, ${study.replications} replication${study.replications === 1 ? '' : 's'}; KPIs are means with 95 % confidence intervals`,
    before: [{ id: 'kpis', title: 'KPIs', html: kpiTableHtml(study.summary, targets, study.measureOptions.withinSec) + '\n' + KPI_NOTE }],
    charts,
    after: [
      { id: 'inputs', title: 'Inputs', html: inputsHtml({ ...study, inputs }) },
      { id: 'definitions', title: 'Definitions', html: definitionsHtml(study.summary) },
    ],
  };
}

/** The page of a comparison: each scenario's KPIs, the paired differences, the charts. */
export function comparePage(r: CompareResult, charts: PageChart[]): Page {
  const names = r.scenarios.map((s) => s.name);
  const first = r.scenarios[0];
  return {
    title: `compare: ${names.join(' vs ')}`,
    subtitle: `seed ${r.seed}, ${r.replications} replications per scenario, common random numbers`,
    before: [
      ...r.scenarios.map((s, i) => ({ id: `kpis-${i}`, title: `${s.name} (${s.file})`, html: kpiTableHtml(s.summary, {}, {}) })),
      { id: 'differences', title: `Differences against ${first?.name ?? 'the first scenario'}`, html: differencesHtml(r) },
    ],
    charts,
    after: first ? [{ id: 'definitions', title: 'Definitions', html: definitionsHtml(first.summary) }] : [],
  };
}

/** The page of a sweep: one row per value of the parameter, then the charts. */
export function sweepPage(r: SweepResult, charts: PageChart[]): Page {
  return {
    title: `sweep: ${r.scenario}, ${r.path}`,
    subtitle: `seed ${r.seed}, ${r.replications} replications at each value, the same seeds at every value`,
    before: [{ id: 'points', title: `KPIs at each value of ${r.path}`, html: sweepTableHtml(r) }],
    charts,
    after: r.points[0] ? [{ id: 'definitions', title: 'Definitions', html: definitionsHtml(r.points[0].summary) }] : [],
  };
}

/** Columns of the planner tables: each plan metric of each channel (or group) that has it. */
function planColumns(s: Summary): { key: string; id: string; label: string; get: (x: Summary) => ReturnType<typeof pick> }[] {
  return PLAN_METRICS.flatMap((m) => {
    const ids = Object.keys(m.scope === 'groups' ? s.groups : s.channels);
    return ids.map((id) => ({ key: m.key, id, label: `${m.label}<br><small>${h(id)}</small>`, get: (x: Summary) => pick(x, m.scope, id, m.key) }));
  });
}

function pick(s: Pick<Summary, 'channels' | 'groups'>, scope: 'channels' | 'groups', id: string, key: string) {
  return s[scope][id]?.[key];
}

function differencesHtml(r: CompareResult): string {
  const first = r.scenarios[0];
  if (!first || r.differences.length === 0) return '<p>Only one scenario: nothing to compare against.</p>';
  const cols = planColumns(first.summary);
  const rows = r.differences.map((d) => {
    const cells = cols.map((c) => {
      const e = pick(d, PLAN_METRICS.find((m) => m.key === c.key)!.scope, c.id, c.key);
      if (!e) return '<td class="na">–</td>';
      const real = e.lo > 0 || e.hi < 0;
      return `<td title="95 % CI ${h(formatValue(e.lo, UNIT[c.key]))} to ${h(formatValue(e.hi, UNIT[c.key]))}"${real ? ' class="sig"' : ''}>${h(signed(formatEstimate(e, UNIT[c.key]), e.mean))}</td>`;
    });
    return `<tr><th scope="row">${h(d.name)} − ${h(first.name)}</th>${cells.join('')}</tr>`;
  });
  return [
    `<table class="kpi"><thead><tr><th></th>${cols.map((c) => `<th scope="col">${c.label}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
    '<p class="note">Paired differences per replication (the same seeds in every scenario), mean ± 95 % CI half-width; an interval that excludes zero is a real difference at 95 %.</p>',
  ].join('\n');
}

function sweepTableHtml(r: SweepResult): string {
  const first = r.points[0];
  if (!first) return '<p>No points.</p>';
  const cols = planColumns(first.summary);
  const hasErlang = r.points.some((p) => p.erlangA);
  const rows = r.points.map((p) => {
    const cells = cols.map((c) => {
      const e = c.get(p.summary);
      return e ? `<td>${h(formatEstimate(e, UNIT[c.key]))}</td>` : '<td class="na">–</td>';
    });
    const erlang = hasErlang ? `<td>${p.erlangA ? h(formatValue(p.erlangA.serviceLevel, 'rate')) : '–'}</td>` : '';
    return `<tr><th scope="row">${p.value}</th>${cells.join('')}${erlang}</tr>`;
  });
  return `<table class="kpi"><thead><tr><th>${h(r.path)}</th>${cols.map((c) => `<th scope="col">${c.label}</th>`).join('')}${hasErlang ? '<th scope="col">Erlang A<br><small>service level</small></th>' : ''}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function signed(text: string, mean: number): string {
  return mean > 0 ? `+${text}` : text;
}
