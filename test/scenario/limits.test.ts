/** Sizes beyond the documented limits are refused (exit 2) by validate and before a run; the sweep overlay only where Erlang A applies. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario, nonErlangFeatures } from '../../src/scenario/index.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BASE = readFileSync('scenarios/single-queue-erlang-a.yaml', 'utf8');

function variant(name: string, edit: (s: string) => string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, edit(BASE));
  return file;
}

describe('limits', () => {
  const cases: [string, (s: string) => string, RegExp][] = [
    ['horizon 1e308', (s) => s.replace('horizon: 200h', 'horizon: 1e308'), /^horizon: .*over the limit for horizon/],
    ['horizon 5200w', (s) => s.replace('horizon: 200h', 'horizon: 5200w'), /^horizon: .*over the limit for horizon/],
    ['perHour 1e308', (s) => s.replace('perHour: 360', 'perHour: 1e308'), /channels\.voice\.arrivals\.perHour: .*over the limit/],
    ['agents 1e9', (s) => s.replace('agents: 25', 'agents: 1e9'), /groups\.team\.agents: .*over the limit for agents/],
    ['table interval 1 ms', (s) => s.replace('agents: 25', 'agents: { interval: 0.001, counts: [25] }'), /groups\.team\.agents\.interval: .*under the shortest/],
    ['reporting intervals', (s) => s.replace('warmup: 2h', 'warmup: 2h\ninterval: 1m\n').replace('horizon: 200h', 'horizon: 2000h'), /^interval: .*reporting intervals/],
    ['replications 1e5', (s) => s.replace('seed: 1', 'seed: 1\nreplications: 100000'), /^replications: .*over the limit/],
    ['SL target of 200 % in expect', (s) => s.replace('groups:', 'expect:\n  voice.serviceLevel: { min: 2 }\ngroups:'), /expect\.voice\.serviceLevel\.min: 2 is not a fraction/],
    ['misspelt expect path', (s) => s.replace('groups:', 'expect:\n  voice.servceLevel: { min: 0.5 }\ngroups:'), /did you mean 'voice\.serviceLevel'/],
    ['key toString', (s) => s.replace('seed: 1', 'seed: 1\ntoString: 1\nconstructor: 2'), /unknown key 'toString'/],
  ];
  for (const [name, edit, message] of cases) {
    // An expect: block is read by validate and check (run ignores it).
    const second = name.includes('expect') ? 'check' : 'run';
    it(`${name}: validate and ${second} exit 2 with the field`, async () => {
      const file = variant(name.replace(/\W+/g, '-'), edit);
      for (const args of [['validate', file], [second, file, '-r', '1']]) {
        const r = await cli(...args);
        expect(r.code, r.err).toBe(2);
        expect(r.err.replace(`ccsim: ${file}: `, '')).toMatch(message);
      }
    });
  }

  it('refuses -r above the limit and a run above --max-contacts, naming the figure and the way out', async () => {
    const r = await cli('run', 'scenarios/single-queue-erlang-a.yaml', '-r', '1e9');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/1,000,000,000 replications is over the limit .*--shard/);
    const m = await cli('run', 'scenarios/single-queue-erlang-a.yaml', '--max-contacts', '50000');
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/about 72,000 contacts, over the limit of 50,000.*--max-contacts N/);
    const v = await cli('validate', 'scenarios/single-queue-erlang-a.yaml');
    expect(v.out).toMatch(/about 72,000 contacts per replication/);
  });

  it('a YAML alias bomb and 10,000 levels of nesting exit 2 with the file', async () => {
    let bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1, prev = 'a'; i < 9; prev = `b${i}`, i++) bomb += `b${i}: &b${i} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
    const files = { 'bomb.yaml': bomb, 'deep.json': '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), 'deep.yaml': 'a: ' + '['.repeat(10_000) + ']'.repeat(10_000) };
    for (const [name, text] of Object.entries(files)) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const r = await cli('validate', file);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(new RegExp(`^ccsim: ${file}: .*(aliases|nests deeper than 64 levels)`));
    }
  });
});

describe('nonErlangFeatures', () => {
  it('is empty for the Erlang A scenario and names what departs from it', () => {
    expect(nonErlangFeatures(loadScenario('scenarios/single-queue-erlang-a.yaml'))).toEqual([]);
    const room = loadScenario(variant('room', (s) => s.replace('    target:', '    waitingRoom: 5\n    target:')));
    expect(nonErlangFeatures(room)).toEqual(['a finite waiting room']);
    expect(nonErlangFeatures(loadScenario('scenarios/retail-bank-day.yaml'))).toContain('3 channels');
  });

  it('sweep shows no Erlang column for a scenario with a waiting room, and says why', async () => {
    const room = variant('room-short', (s) => s.replace('    target:', '    waitingRoom: 5\n    target:').replace('horizon: 200h', 'horizon: 10h'));
    const r = await cli('sweep', room, '--set', 'groups.team.agents=24..25', '-r', '2');
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toMatch(/Erlang A SL/);
    expect(r.out).toMatch(/no Erlang curve: Erlang A does not model a finite waiting room/);
  });
});
