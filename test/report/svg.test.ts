/** Charts rendered in Node (vega headless, no canvas): the expected marks for the tiny hand-built results. */
import * as vega from 'vega';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compareDifferencesChart, compareKpisChart } from '../../src/report/specs/compare.js';
import { runCharts } from '../../src/report/specs/run.js';
import { sweepChart } from '../../src/report/specs/sweep.js';
import { whatIfChart } from '../../src/report/specs/whatif.js';
import { compileSpec, renderSvg } from '../../src/report/svg.js';
import { TARGETS, tinyCompare, tinyStudy, tinySweep, tinyWhatIf } from './fixtures.js';
import { countMarks } from './svgMarks.js';

afterEach(() => vi.restoreAllMocks());

describe('Node-rendered SVG', () => {
  // Two channels (sales, support), one group (team), three intervals, targets on both channels.
  const run = Object.fromEntries(runCharts(tinyStudy(), TARGETS).map((c) => [c.id, c]));

  const expected: [string, () => Parameters<typeof renderSvg>[0], Record<string, number>][] = [
    // 2 channel panels × offered, answered, abandoned.
    ['volumes', () => run.volumes.spec, { line: 6 }],
    // SL: band + line per channel + a target rule per channel; ASA: band + line per channel.
    ['service', () => run.service.spec, { area: 4, line: 4, rule: 2 }],
    // staffed and busy lines for the one group; its occupancy band and line.
    ['agents', () => run.agents.spec, { line: 3, area: 1 }],
    ['queue', () => run.queue.spec, { area: 2, line: 2 }],
    // band + line per channel, a threshold rule per channel.
    ['wait-cdf', () => run['wait-cdf'].spec, { area: 2, line: 2, rule: 2 }],
    // 10 panels (SL, ASA, abandon rate × sales, support, total; occupancy × team), each a bar and a whisker per scenario.
    ['compare-kpis', () => compareKpisChart(tinyCompare()).spec, { rect: 20, rule: 20 }],
    // 10 panels, each the zero line, the CI and the point of one difference.
    ['compare-differences', () => compareDifferencesChart(tinyCompare())!.spec, { rule: 20, symbol: 10 }],
    // SL, ASA, abandon rate: band, line and 3 points per channel, plus Erlang A; occupancy: the same for one group.
    ['sweep', () => sweepChart(tinySweep()).spec, { area: 7, line: 11, symbol: 21 }],
    // At the start point only: bars, whiskers and labels per channel (per group for occupancy), SL target ticks,
    // the SL curve (band, line, target rule and this point per channel) and the CDF (band, line, threshold per channel).
    ['whatif', () => whatIfChart(tinyWhatIf()).spec, { rect: 9, rule: 11, text: 7, area: 4, line: 4, symbol: 2 }],
  ];

  for (const [id, spec, marks] of expected) {
    it(`${id}: ${JSON.stringify(marks)}`, () => {
      const warn = vi.spyOn(console, 'warn');
      const svg = renderSvg(spec());
      expect(svg.startsWith('<svg')).toBe(true);
      expect(countMarks(svg)).toEqual(marks);
      expect(warn).not.toHaveBeenCalled();
    });
  }

  it('is the SVG that vega’s own asynchronous toSVG() gives', async () => {
    for (const spec of [run.service.spec, run['wait-cdf'].spec, whatIfChart(tinyWhatIf()).spec]) {
      const ours = renderSvg(spec);
      const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: 'none' });
      vega.resetSVGDefIds();
      expect(ours).toBe(await view.toSVG());
      view.finalize();
    }
  });

  it('is the same bytes every time, whatever was drawn before (clip ids restart)', () => {
    const cdf = renderSvg(run['wait-cdf'].spec);
    expect(cdf).toContain('clip-path="url(#clip1)"');
    renderSvg(run.service.spec);
    expect(renderSvg(run['wait-cdf'].spec)).toBe(cdf);
  });
});
