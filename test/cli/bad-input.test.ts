/**
 * Every malformed scenario in test/fixtures/bad exits 2 through `ccsim run` and
 * `ccsim validate` with one line on stderr that names the file and the field and says
 * what to do, and never a stack trace.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const DIR = 'test/fixtures/bad';
const expected = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as Record<string, string>;
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('bad scenarios exit 2 with one clear message', () => {
  it('has at least the twelve cases of the core issue', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) expect(expected[f] ?? expected[f.replace(/\.yaml$/, '')], `expected.json lists ${f}`).toBeDefined();
  });

  for (const f of files) {
    for (const command of ['run', 'validate']) {
      it(`${command} ${f}`, async () => {
        const path = `${DIR}/${f}`;
        const r = await cli(command, path);
        expect(r.code).toBe(2);
        expect(r.out).toBe('');
        const lines = r.err.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(path);
        const field = expected[f] ?? expected[f.replace(/\.yaml$/, '')];
        if (field) expect(lines[0]).toContain(`: ${field}: `);
        expect(lines[0]).toMatch(/Fix: \S/);
        expect(r.err).not.toMatch(/\n\s+at |Error:/);
      });
    }
  }

  it('a file that does not exist', async () => {
    const r = await cli('validate', 'scenarios/does-not-exist.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ccsim: scenarios\/does-not-exist\.yaml: cannot read .*no such file\. Fix: /);
  });
});
