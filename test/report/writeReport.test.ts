/** The report files: what --report writes, the offline HTML page, its KPI table and inputs, and atomic writing. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCompareReport, writeRunReport, writeSweepReport } from '../../src/report/writeReport.js';
import { cli } from '../helpers/cli.js';
import { TARGETS, tinyCompare, tinyStudy, tinySweep } from './fixtures.js';
import { embeddedCharts, loadedUrls, networkUrls } from './pageHelpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUTS = {
  file: 'scenarios/tiny.yaml',
  horizonSec: 5400,
  channels: {
    sales: { kind: 'call', handle: { dist: 'lognormal', mean: 270, cv: 0.8 }, patience: { dist: 'exponential', mean: 180 }, target: TARGETS.sales },
    support: { kind: 'call', handle: { dist: 'fixed', value: 60 }, target: TARGETS.support },
  },
  groups: { team: { staffing: { kind: 'table', intervalSec: 1800, agents: [10, 11, 12] }, skills: ['sales', 'support'] } },
  seed: 7,
  replications: 5,
};

describe('writeRunReport', () => {
  const out = join(dir, 'run');
  const paths = writeRunReport(out, { study: tinyStudy(), inputs: INPUTS, targets: TARGETS });
  const html = readFileSync(join(out, 'index.html'), 'utf8');

  it('writes index.html first, one SVG per chart, summary.json and the interval CSVs', () => {
    expect(paths.map((p) => p.slice(out.length + 1))).toEqual([
      'index.html', 'volumes.svg', 'service.svg', 'agents.svg', 'queue.svg', 'wait-cdf.svg', 'summary.json', 'intervals.csv', 'groups-intervals.csv',
    ]);
    expect(readdirSync(out).sort()).toEqual(['.ccsim-manifest.json', ...paths.map((p) => p.slice(out.length + 1))].sort());
    for (const p of paths.filter((x) => x.endsWith('.svg'))) expect(readFileSync(p, 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('is self-contained: no script, link or image from the network, the vega bundles inline, a CSP that forbids fetching', () => {
    const urls = loadedUrls(html);
    expect(networkUrls(html)).toEqual([]);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).toContain('/* vega */');
    expect(html).toContain('/* vega-lite */');
    expect(html).toContain('/* vega-embed */');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/sourceMappingURL/);
    // The only things an element points at are the SVG files beside the page.
    expect(urls.filter((u) => !u.startsWith('data:'))).toEqual(['volumes.svg', 'service.svg', 'agents.svg', 'queue.svg', 'wait-cdf.svg']);
  });

  it('embeds every chart spec for vega-embed, drawn with the svg renderer', () => {
    const charts = embeddedCharts(html);
    expect(charts.map((c) => c.id)).toEqual(['volumes', 'service', 'agents', 'queue', 'wait-cdf']);
    expect(html).toContain("renderer: 'svg'");
    for (const c of charts) expect(html).toContain(`id="chart-${c.id}"`);
  });

  it('colours each SL target met or missed and shows "value ± half-width"', () => {
    // sales: 82 % against 80 %: met; support: 82 % against 90 %: missed.
    expect(html).toMatch(/<td class="met" title="target 80.0% within 20 s: met">82.0% ± 3.0%<\/td>/);
    expect(html).toMatch(/<td class="missed" title="target 90.0% within 10 s: missed">82.0% ± 3.0%<\/td>/);
    expect(html).toContain('80.0% in 20 s: met');
    expect(html).toContain('90.0% in 10 s: MISSED');
    expect(html).toContain('12.0 ± 2.0 s'); // ASA with its unit once
    expect(html).toContain('85.0% ± 2.0%'); // occupancy
  });

  it('defines each metric on hover and in a numbered footnote', () => {
    expect(html).toContain('<abbr title="mean wait of answered contacts (queue entry → answer)">ASA</abbr><sup><a href="#def-asaSeconds">');
    expect(html).toMatch(/<li id="def-serviceLevel"><b>service level<\/b>: answered within the threshold T/);
    expect(html).toMatch(/<li id="def-occupancy"><b>occupancy<\/b>/);
  });

  it('lists the key inputs with the seed and replications, and how to reproduce the run', () => {
    expect(html).toMatch(/<th scope="row">seed<\/th><td>7<\/td>/);
    expect(html).toMatch(/<th scope="row">replications<\/th><td>5<\/td>/);
    expect(html).toContain('<td>lognormal, mean 270 s, cv 0.8</td>');
    expect(html).toContain('<td>never abandons</td>');
    expect(html).toContain('<td>10–12 per 30m (table of 3)</td>');
    expect(html).toContain('<code>ccsim run scenarios/tiny.yaml --seed 7 --replications 5</code>');
  });

  it('never destroys an earlier report: a failure while rendering writes nothing, and no temporary file stays', () => {
    const before = readFileSync(join(out, 'index.html'), 'utf8');
    const broken = tinyStudy();
    (broken as { waitCdf: unknown }).waitCdf = undefined;
    expect(() => writeRunReport(out, { study: broken, targets: TARGETS })).toThrow();
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
    expect(readdirSync(out).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('reports progress as it draws the charts', () => {
    const seen: [number, number][] = [];
    writeRunReport(join(dir, 'progress'), { study: tinyStudy(), onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([[1, 6], [2, 6], [3, 6], [4, 6], [5, 6], [6, 6]]);
  });

  it('gives the same bytes for the same study', () => {
    const again = join(dir, 'again');
    writeRunReport(again, { study: tinyStudy(), inputs: INPUTS, targets: TARGETS });
    for (const f of readdirSync(out)) expect(readFileSync(join(again, f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'));
  });
});

describe('compare and sweep reports', () => {
  it('compare: the page, both charts, summary.json and kpis.csv', () => {
    const out = join(dir, 'compare');
    const paths = writeCompareReport(out, tinyCompare());
    expect(paths.map((p) => p.slice(out.length + 1))).toEqual(['index.html', 'compare-kpis.svg', 'compare-differences.svg', 'summary.json', 'kpis.csv']);
    const html = readFileSync(paths[0], 'utf8');
    expect(html).toContain('compare: base vs plus2');
    expect(html).toContain('plus2 − base');
    expect(networkUrls(html)).toEqual([]);
    const csv = readFileSync(join(out, 'kpis.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('kind,scenario,id,metric,mean,lo,hi');
    expect(csv).toContain('kpi,base,sales,serviceLevel,0.82,0.79,0.85');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toEqual(tinyCompare());
  });

  it('sweep: the page with a row per value and the Erlang A column, the chart, summary.json and kpis.csv', () => {
    const out = join(dir, 'sweep');
    const paths = writeSweepReport(out, tinySweep());
    expect(paths.map((p) => p.slice(out.length + 1))).toEqual(['index.html', 'sweep.svg', 'summary.json', 'kpis.csv']);
    const html = readFileSync(paths[0], 'utf8');
    expect(html).toContain('Erlang A<br><small>service level</small>');
    expect(html).toMatch(/<tr><th scope="row">21<\/th>/);
    expect(readFileSync(join(out, 'kpis.csv'), 'utf8').split('\n')[0]).toBe('value,id,metric,mean,lo,hi');
  });
});

describe('ccsim run --report', () => {
  it('writes index.html and the SVGs beside summary.json and says so, index.html first', async () => {
    const out = join(dir, 'bank');
    const r = await cli('run', 'scenarios/retail-bank-day.yaml', '-r', '2', '--report', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(new RegExp(`^wrote ${out}/index.html, ${out}/volumes.svg, `));
    for (const f of ['index.html', 'volumes.svg', 'service.svg', 'agents.svg', 'queue.svg', 'wait-cdf.svg', 'summary.json', 'intervals.csv']) expect(existsSync(join(out, f)), f).toBe(true);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('retail-bank-day: simulation report');
    expect(html).toContain('<code>ccsim run scenarios/retail-bank-day.yaml --seed 2026 --replications 2</code>');
  });
});
