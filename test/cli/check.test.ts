/**
 * `ccsim check` through the real yargs parser. The first test is the suite's regression
 * run: `ccsim check scenarios/` over every bundled scenario, as CI runs it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SMALL = 'scenarios/small-team-expectations.yaml';

/** A fresh folder holding copies of bundled scenarios (and their baselines). */
function folder(name: string, files: string[]): string {
  const d = join(dir, name);
  mkdirSync(join(d, 'baselines'), { recursive: true });
  for (const f of files) {
    copyFileSync(`scenarios/${f}.yaml`, join(d, `${f}.yaml`));
    try {
      copyFileSync(`scenarios/baselines/${f}.json`, join(d, 'baselines', `${f}.json`));
    } catch {
      // no baseline for this one
    }
  }
  return d;
}

describe('ccsim check', () => {
  it('passes on every bundled scenario (scenarios/), one line per expectation, in sorted order, with JUnit XML', async () => {
    const junit = join(dir, 'out', 'check.xml');
    const baselinesBefore = readFileSync('scenarios/baselines/retail-bank-day.json', 'utf8');
    const r = await cli('check', 'scenarios/', '--junit', junit);
    expect(r.code, r.out + r.err).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.every((l) => /^(PASS|SKIP) {2}scenarios\//.test(l) || l.startsWith('check: ')), r.out).toBe(true);
    const files = lines.filter((l) => !l.startsWith('check:')).map((l) => l.split(/\s+/)[1]);
    expect(files).toEqual([...files].sort());
    expect(r.out).toMatch(/^PASS {2}scenarios\/small-team-expectations\.yaml {2}voice\.serviceLevel = 0\.\d{4} \[0\.\d{4}, 0\.\d{4}\] {2}expected ≥ 0\.75$/m);
    expect(r.out).toMatch(/^PASS {2}scenarios\/retail-bank-day\.yaml {2}accounts\.serviceLevel = .* {2}baseline .*: CIs overlap$/m);
    expect(lines[lines.length - 1]).toMatch(/^check: \d+ scenarios, \d+ checks: \d+ passed, 0 failed/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="ccsim check" tests="\d+" failures="0"/);
    expect(xml).toContain('<testcase classname="scenarios/small-team-expectations.yaml" name="voice.serviceLevel expected ≥ 0.75" time="0"/>');
    expect(readFileSync('scenarios/baselines/retail-bank-day.json', 'utf8')).toBe(baselinesBefore); // only --update writes baselines
  });

  it('exits 1 when a scenario edit breaks an expectation, with FAIL lines and JUnit failures', async () => {
    const d = folder('broken', ['small-team-expectations']);
    const file = join(d, 'small-team-expectations.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('agents: 11', 'agents: 9'));
    const junit = join(d, 'check.xml');
    const r = await cli('check', d, '--junit', junit);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^FAIL  ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  voice\\.serviceLevel = 0\\.\\d+ .* {2}expected ≥ 0\\.75$`, 'm'));
    expect(r.out).toMatch(/check: 1 scenario, 4 checks: \d passed, [1-4] failed/);
    expect(readFileSync(junit, 'utf8')).toMatch(/<failure message="FAIL .*voice\.serviceLevel/);
  });

  it('records baselines with --update (atomically, only then), checks against them, and refuses a baseline of another scenario version', async () => {
    const d = folder('baselines', ['retail-bank-day']);
    const file = join(d, 'retail-bank-day.yaml');
    rmSync(join(d, 'baselines'), { recursive: true });
    const none = await cli('check', file, '-r', '2');
    expect(none.code).toBe(0);
    expect(none.out).toMatch(/^SKIP {2}.*no expect: block and no baseline \(ccsim check --update .* records one\)$/m);

    const up = await cli('check', file, '-r', '3', '--update');
    expect(up.code).toBe(0);
    const baseline = join(d, 'baselines', 'retail-bank-day.json');
    expect(up.out).toContain(`UPDATED  ${file}  baseline written to ${baseline}`);
    const b = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(b).toMatchObject({ format: 'ccsim-baseline', formatVersion: 1, scenario: 'retail-bank-day', seed: 2026, replications: 3 });
    expect(Object.keys(b.kpis)).toContain('accounts.serviceLevel');
    expect(Object.keys(b.kpis)).toContain('service.occupancy');
    const written = statSync(baseline).mtimeMs;

    const same = await cli('check', file, '-r', '3');
    expect(same.code).toBe(0);
    expect(same.out).toMatch(/^PASS {2}.*accounts\.serviceLevel = .* {2}baseline .*: CIs overlap$/m);
    expect(statSync(baseline).mtimeMs).toBe(written);

    // A tolerance written into the baseline by hand: the means must also be this close.
    writeFileSync(baseline, JSON.stringify({ ...b, kpis: { 'accounts.serviceLevel': { ...b.kpis['accounts.serviceLevel'], mean: b.kpis['accounts.serviceLevel'].mean * 0.97 } }, tolerance: { 'accounts.serviceLevel': 0.01 } }));
    const tol = await cli('check', file, '-r', '3');
    expect(tol.code).toBe(1);
    expect(tol.out).toMatch(/^FAIL .*accounts\.serviceLevel = .*differs by 3\.\d+ % > tolerance 1 %$/m);

    writeFileSync(file, readFileSync(file, 'utf8').replace('cv: 0.8 }', 'cv: 0.9 }'));
    const changed = await cli('check', file, '-r', '3');
    expect(changed.code).toBe(2);
    expect(changed.err).toMatch(/^ccsim: .*retail-bank-day\.json: scenarioVersion: the baseline was recorded for scenario version [0-9a-f]{16}, but .*retail-bank-day\.yaml is now version [0-9a-f]{16}\. Fix: .*ccsim check --update/);
    expect((await cli('check', file, '-r', '3', '--update')).code).toBe(0);
    const kept = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(kept.tolerance).toEqual({ 'accounts.serviceLevel': 0.01 }); // --update keeps hand-written tolerances
    expect((await cli('check', file, '-r', '3')).code).toBe(0);
  });

  it('exits 2 on an unknown KPI path in expect:, a bad baseline file, or a folder without scenarios', async () => {
    const d = folder('badpath', ['small-team-expectations']);
    const file = join(d, 'small-team-expectations.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('voice.serviceLevel: { min', 'voice.servceLevel: { min'));
    const r = await cli('check', file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`ccsim: ${file}: expect.voice.servceLevel: 'voice.servceLevel' is not a KPI of channel 'voice'. Fix: did you mean 'voice.serviceLevel'? (KPIs: ${r.err.split('(KPIs: ')[1]}`);
    const e = folder('badbaseline', ['retail-bank-day']);
    writeFileSync(join(e, 'baselines', 'retail-bank-day.json'), '{"format": "something else"}');
    const bad = await cli('check', e);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/retail-bank-day\.json: not a ccsim baseline/);
    mkdirSync(join(dir, 'empty'));
    const empty = await cli('check', join(dir, 'empty'));
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/no scenario files/);
  });
});
