/** Same scenario and seed → byte-identical JSON and logs; another seed → different ones. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LogWriter } from '../../src/logs/files.js';
import { measureOptionsOf, runStudy, studyJson } from '../../src/plan/study.js';
import { measure } from '../../src/metrics/index.js';
import { simulate } from '../../src/model/simulation.js';
import { expo, scenario } from '../helpers/scenarios.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-det-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const s = scenario(
  { voice: { perHour: 400, handle: { dist: 'gamma', mean: 180, cv: 0.9 }, wrapup: expo(15), patience: { dist: 'lognormal', mean: 120, cv: 1 } } },
  { team: { agents: 22, skills: ['voice'] } },
  { horizonSec: 4 * 3600, warmupSec: 1800 },
);

function logBytes(seed: number, name: string): string {
  const path = join(dir, `${name}.csv`);
  const w = new LogWriter(path, 'csv', { format: 'ccsim-log', version: 1 });
  for (let r = 0; r < 2; r++) w.write(simulate(s, r, { seed }));
  w.commit();
  return readFileSync(path, 'utf8') + readFileSync(join(dir, `${name}.agents.csv`), 'utf8');
}

describe('determinism', () => {
  it('gives byte-identical JSON for the same seed and different JSON for another', () => {
    const a = JSON.stringify(studyJson(runStudy(s, { replications: 4, seed: 7 })));
    const b = JSON.stringify(studyJson(runStudy(s, { replications: 4, seed: 7 })));
    const c = JSON.stringify(studyJson(runStudy(s, { replications: 4, seed: 8 })));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('gives byte-identical logs for the same seed and different logs for another', () => {
    const a = logBytes(3, 'a');
    expect(logBytes(3, 'b')).toBe(a);
    expect(logBytes(4, 'c')).not.toBe(a);
  });

  it('computes replication r alone exactly as inside a study', () => {
    const study = runStudy(s, { replications: 3, seed: 5 });
    const alone = measure(simulate(s, 2, { seed: 5 }), measureOptionsOf(s));
    expect(alone).toEqual(study.perReplication[2]);
  });
});
