/**
 * The report and the what-if page in real Chromium (launch.ts says which one), driven by
 * playwright-core and opened from file://: no network request, no console error, every chart
 * drawn as SVG marks, and a slider that moves the KPIs. Screenshots go to reports/browser/ for the record.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { SMALL_QUEUE } from '../report/pageHelpers.js';
import { SharedBrowser } from './launch.js';

const SHOTS = join('reports', 'browser');
const dir = mkdtempSync(join(tmpdir(), 'ccsim-browser-'));
// A launch failure is thrown by browser.get() in each test, so each one fails with the reason.
const browser = new SharedBrowser();

beforeAll(async () => {
  await browser.start();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

/** Open a page from file:// and wait until every chart is drawn (or one failed). */
async function open(file: string): Promise<Opened> {
  const page = await browser.get().newPage({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-charts]', { timeout: 30_000 });
  return { page, requests, errors };
}

/** Mark items drawn in each chart's SVG, by chart id. */
function marksPerChart(page: Page): Promise<Record<string, number>> {
  return page.$$eval('.vis', (els) => Object.fromEntries(els.map((el) => [el.id, el.querySelectorAll('svg g.role-mark > *').length])));
}

function assertOffline(o: Opened): void {
  expect(o.requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
  expect(o.errors).toEqual([]);
}

describe('in Chromium', () => {
  it("the default scenario's report: offline, no console error, every chart drawn", async () => {
    const out = join(dir, 'bank');
    expect((await cli('run', 'scenarios/retail-bank-day.yaml', '-r', '3', '--report', out)).code).toBe(0);
    const o = await open(join(out, 'index.html'));
    try {
      expect(await o.page.getAttribute('body', 'data-charts')).toBe('ready');
      assertOffline(o);
      const marks = await marksPerChart(o.page);
      expect(Object.keys(marks)).toEqual(['chart-volumes', 'chart-service', 'chart-agents', 'chart-queue', 'chart-wait-cdf']);
      for (const [id, n] of Object.entries(marks)) expect(n, id).toBeGreaterThan(0);
      // The KPI table colours the targets.
      expect(await o.page.locator('table.kpi td.met, table.kpi td.missed').count()).toBeGreaterThan(0);
      await o.page.screenshot({ path: join(SHOTS, 'report.png'), fullPage: true });
    } finally {
      await o.page.close();
    }
  });

  it('the what-if page: offline, drawn, and moving a slider changes the KPIs and the wait distribution', async () => {
    const scenario = join(dir, 'queue.yaml');
    writeFileSync(scenario, SMALL_QUEUE);
    const out = join(dir, 'whatif.html');
    const r = await cli('whatif', scenario, '--vary', 'groups.team.agents=5..9', '--vary', 'channels.voice.volume=0.8..1.2:0.2', '-r', '2', '--out', out);
    expect(r.code).toBe(0);
    const o = await open(out);
    try {
      expect(await o.page.getAttribute('body', 'data-charts')).toBe('ready');
      const marks = await marksPerChart(o.page);
      expect(marks['chart-whatif']).toBeGreaterThan(0);
      const sliders = o.page.locator('#controls-whatif input[type="range"]');
      expect(await sliders.count()).toBe(2);

      const kpis = () => o.page.$$eval('#chart-whatif g.mark-text.role-mark text', (ts) => ts.map((t) => t.textContent).join(' | '));
      const lines = () => o.page.$$eval('#chart-whatif g.mark-line.role-mark path', (ps) => ps.map((p) => p.getAttribute('d')).join(' '));
      const kpisBefore = await kpis();
      const linesBefore = await lines();
      expect(kpisBefore).toMatch(/%/);
      // Drag "agents in team" to its end: as a person would, the input event fires.
      await sliders.first().evaluate((el: HTMLInputElement) => {
        el.value = el.max;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await o.page.waitForFunction((before) => {
        const now = Array.from(document.querySelectorAll('#chart-whatif g.mark-text.role-mark text')).map((t) => t.textContent).join(' | ');
        return now !== before;
      }, kpisBefore);
      expect(await kpis()).not.toBe(kpisBefore);
      expect(await lines()).not.toBe(linesBefore);
      assertOffline(o);
      await o.page.screenshot({ path: join(SHOTS, 'whatif.png'), fullPage: true });
    } finally {
      await o.page.close();
    }
  });
});
