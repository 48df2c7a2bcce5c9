/** `ccsim check`: zero checks are not a pass. An empty baseline fails; --strict fails a scenario nothing checks. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-strict-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TINY = `name: tiny
seed: 1
replications: 2
horizon: 2h
channels:
  voice:
    arrivals: { perHour: 60 }
    handle: { dist: exponential, mean: 180 }
groups:
  team:
    agents: 5
    skills: [voice]
`;

function scenario(name: string, extra = ''): string {
  const d = join(dir, name);
  mkdirSync(d);
  const file = join(d, 's.yaml');
  writeFileSync(file, TINY + extra);
  return file;
}

describe('check: nothing checked is not a pass', () => {
  it('without --strict, a scenario with neither expect: nor a baseline is skipped (exit 0); with --strict it fails (exit 1), in JUnit too', async () => {
    const file = scenario('none');
    const skipped = await cli('check', file);
    expect(skipped.code).toBe(0);
    expect(skipped.out).toMatch(/^SKIP {2}.*s\.yaml {2}no expect: block and no baseline/m);
    const junit = join(dir, 'strict.xml');
    const strict = await cli('check', file, '--strict', '--junit', junit);
    expect(strict.code).toBe(1);
    expect(strict.out).toContain(`FAIL  ${file}  expect  no expect: block and no baseline, which --strict requires (add an expect: block, or ccsim check --update ${file} records one)`);
    expect(strict.out).toMatch(/check: 1 scenario, 1 check: 0 passed, 1 failed\n$/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="ccsim check" tests="1" failures="1" errors="0" skipped="0"/);
    expect(xml).toContain('<failure message="FAIL ');
  });

  it('--strict passes a scenario that has an expect: block or a baseline', async () => {
    const withExpect = scenario('expect', 'expect:\n  voice.serviceLevel: { min: 0 }\n');
    expect((await cli('check', withExpect, '--strict')).code).toBe(0);
    const withBaseline = scenario('baseline');
    expect((await cli('check', withBaseline, '--update')).code).toBe(0);
    const r = await cli('check', withBaseline, '--strict');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^PASS .*within|CIs overlap/m);
  });

  it('a baseline with "kpis": {} fails, with or without --strict and with or without an expect: block', async () => {
    // Record a real baseline (its scenario version must match), then empty its KPIs. The version
    // ignores expect:, so the same baseline serves the scenario with an expect: block.
    const plain = scenario('empty');
    expect((await cli('check', plain, '--update')).code).toBe(0);
    const b = JSON.parse(readFileSync(join(dir, 'empty', 'baselines', 's.json'), 'utf8'));
    const withExpect = scenario('empty-expect', 'expect:\n  voice.serviceLevel: { min: 0 }\n');
    for (const file of [plain, withExpect]) {
      const baseline = join(file, '..', 'baselines', 's.json');
      mkdirSync(join(file, '..', 'baselines'), { recursive: true });
      writeFileSync(baseline, JSON.stringify({ ...b, kpis: {} }));
      for (const strict of [[], ['--strict']]) {
        const r = await cli('check', file, ...strict);
        expect(r.code, `${file} ${strict}`).toBe(1);
        expect(r.out).toContain(`FAIL  ${file}  baseline  ${join(file, '..', 'baselines', 's.json')} records no KPI: 0 checks are not a pass`);
      }
    }
  });
});
