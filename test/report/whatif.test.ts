/** `ccsim whatif`: the grid run with common random numbers, the page it writes, and its input errors. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStudy } from '../../src/plan/study.js';
import { parseVary, scenarioWith } from '../../src/plan/vary.js';
import { runWhatIf } from '../../src/report/whatif.js';
import { readScenarioFile } from '../../src/scenario/index.js';
import { cli } from '../helpers/cli.js';
import { embeddedCharts, networkUrls, SMALL_QUEUE } from './pageHelpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-whatif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, 'queue.yaml');
writeFileSync(file, SMALL_QUEUE);

describe('ccsim whatif', () => {
  it('writes one offline page with a slider per --vary and the whole grid inside', async () => {
    const out = join(dir, 'page.html');
    const r = await cli('whatif', file, '--vary', 'groups.team.agents=6..8', '--vary', 'channels.voice.volume=0.9..1.1:0.1', '-r', '2', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe(`wrote ${out} (9 points × 2 replications, seed 5)\n`);
    const html = readFileSync(out, 'utf8');
    expect(networkUrls(html)).toEqual([]);
    expect(html).toContain('id="controls-whatif"');
    const spec = embeddedCharts(html)[0].spec as { params: { bind: { name: string } }[]; datasets: { kpis: { v0: number; v1: number }[] } };
    expect(spec.params.map((p) => p.bind.name)).toEqual(['agents in team', 'voice volume ×']);
    expect(new Set(spec.datasets.kpis.map((k) => `${k.v0}/${k.v1}`)).size).toBe(9);
    expect(html).toContain(`ccsim whatif ${file} --vary groups.team.agents=6..8 --vary channels.voice.volume=0.9..1.1:0.1 --replications 2 --seed 5`);
  });

  it('runs every point with the same seed: each point is exactly the study of that scenario (common random numbers)', () => {
    const raw = readScenarioFile(file);
    const varies = [parseVary('groups.team.agents=6..7', '--vary'), parseVary('channels.voice.volume=0.9,1.2', '--vary')];
    const progress: number[] = [];
    const r = runWhatIf({ raw, file, varies, replications: 2, seed: 11, onProgress: (d, t) => progress.push(d / t) });
    expect(r.points.map((p) => p.values)).toEqual([[6, 0.9], [6, 1.2], [7, 0.9], [7, 1.2]]);
    expect(progress.at(-1)).toBe(1);
    const point = r.points[3];
    const alone = runStudy(scenarioWith(raw, [{ path: 'groups.team.agents', value: 7 }, { path: 'channels.voice.volume', value: 1.2 }], file, '--vary'), { replications: 2, seed: 11 });
    expect(point.summary).toEqual(alone.summary);
    // Same callers, one more agent: the offered count is identical, the waits shorter.
    expect(r.points[2].summary.channels.voice.offered).toEqual(r.points[0].summary.channels.voice.offered);
    expect(r.points[2].summary.channels.voice.asaSeconds.mean).toBeLessThan(r.points[0].summary.channels.voice.asaSeconds.mean);
  });

  it('defaults to reports/<scenario name>/whatif.html', async () => {
    const out = join('reports', 'whatif-test-queue', 'whatif.html');
    rmSync(join('reports', 'whatif-test-queue'), { recursive: true, force: true });
    try {
      const r = await cli('whatif', file, '--vary', 'groups.team.agents=7..7', '-r', '1');
      expect(r.code).toBe(0);
      expect(existsSync(out)).toBe(true);
    } finally {
      rmSync(join('reports', 'whatif-test-queue'), { recursive: true, force: true });
    }
  });

  const bad: [string, string[], RegExp][] = [
    ['a range that is not one', ['--vary', 'groups.team.agents=6-8'], /--vary: '6-8' is not a range FROM\.\.TO\[:STEP\]/],
    ['no PATH=', ['--vary', 'agents'], /--vary: 'agents' is not PATH=FROM\.\.TO\[:STEP\]/],
    ['a path the scenario lacks', ['--vary', 'groups.nobody.agents=1..2'], /--vary: 'groups\.nobody\.agents' is not a field of the scenario/],
    ['a value the scenario refuses', ['--vary', 'groups.team.agents=-1..1'], /groups\.team\.agents/],
    ['the same path twice', ['--vary', 'groups.team.agents=6..7', '--vary', 'groups.team.agents=8..9'], /--vary: 'groups\.team\.agents' is varied twice/],
    ['no --vary at all', [], /Missing required argument: vary|vary/],
    ['an output that is not HTML', ['--vary', 'groups.team.agents=6..7', '--out', join(dir, 'x.txt')], /--out: .* is not an \.html file/],
    ['zero replications', ['--vary', 'groups.team.agents=6..7', '-r', '0'], /--replications: '0' is not a whole number ≥ 1/],
  ];
  for (const [name, args, re] of bad) {
    it(`exits 2 with one line for ${name}`, async () => {
      const r = await cli('whatif', file, ...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(re);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    });
  }
});
