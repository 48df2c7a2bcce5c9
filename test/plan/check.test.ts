/** check's pieces: the scenario version, where baselines live, folders in sorted order. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baselinePath, scenarioFiles, scenarioVersion } from '../../src/plan/check.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-checkfiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scenario version', () => {
  const base = { name: 'a', seed: 1, horizon: '8h', channels: { voice: { arrivals: { perHour: 60 } } }, groups: { team: { agents: 3 } } };
  it('ignores key order, description, seed, replications and expect', () => {
    const v = scenarioVersion(base);
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    expect(scenarioVersion({ groups: base.groups, channels: base.channels, horizon: '8h', name: 'a' })).toBe(v);
    expect(scenarioVersion({ ...base, seed: 9, replications: 40, description: 'x', expect: { 'voice.offered': { min: 1 } } })).toBe(v);
  });
  it('changes with the model', () => {
    expect(scenarioVersion({ ...base, groups: { team: { agents: 4 } } })).not.toBe(scenarioVersion(base));
  });
});

describe('files', () => {
  it('keeps baselines beside the scenario, or in a given folder', () => {
    expect(baselinePath('scenarios/retail-bank-day.yaml')).toBe(join('scenarios', 'baselines', 'retail-bank-day.json'));
    expect(baselinePath('scenarios/x.yml', 'ci/baselines')).toBe(join('ci', 'baselines', 'x.json'));
  });
  it('lists a folder’s scenario files sorted, not its subfolders, and keeps named files in the order given', () => {
    for (const f of ['b.yaml', 'a.json', 'C.yml', 'notes.txt']) writeFileSync(join(dir, f), '');
    expect(scenarioFiles([dir])).toEqual(['C.yml', 'a.json', 'b.yaml'].map((f) => join(dir, f)));
    expect(scenarioFiles([join(dir, 'b.yaml'), join(dir, 'a.json')])).toEqual([join(dir, 'b.yaml'), join(dir, 'a.json')]);
    expect(() => scenarioFiles([join(dir, 'missing')])).toThrow(/no such file/);
  });
});
