/**
 * Flag values are parsed from what the user typed, by one parser per kind, the same in every
 * command: seeds (exactly the scenario file's rule), whole numbers, shares (`0.8` or `80%`).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedFlag } from '../../src/cli/options.js';
import { parseRate } from '../../src/plan/targets.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ERLANG_A = 'scenarios/single-queue-erlang-a.yaml';
const SMALL = 'scenarios/small-team-expectations.yaml';

/** Exit 2 with one line on stderr, nothing on stdout; that line. */
async function refused(...args: string[]): Promise<string> {
  const r = await cli(...args);
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.trim().split('\n')).toHaveLength(1);
  return r.err.trim();
}

describe('--seed', () => {
  const bad = ['abc', '', ' ', '1e30', '-1', '1.5', '9007199254740992', 'NaN', 'Infinity'];

  it.each(bad)('run --seed %j → exit 2 naming the flag', async (seed) => {
    expect(await refused('run', ERLANG_A, '-r', '1', '--seed', seed)).toBe(
      `ccsim: --seed: '${seed}' is not a seed. Fix: write a whole number from 0 to 9007199254740991, as in a scenario's seed, e.g. --seed 1`,
    );
  });

  // Every command with --seed uses the same parser: a bad seed is refused before any simulation.
  it.each([
    ['run', ERLANG_A],
    ['compare', ERLANG_A, ERLANG_A],
    ['sweep', SMALL, '--set', 'groups.team.agents=9,10'],
    ['staff', SMALL, '--target', 'voice.serviceLevel>=0.8'],
    ['whatif', SMALL, '--vary', 'groups.team.agents=9..10', '--out', join(dir, 'w.html')],
  ])('%s refuses --seed abc', async (...args) => {
    expect(await refused(...args, '--seed', 'abc')).toMatch(/^ccsim: --seed: 'abc' is not a seed\./);
  });

  it('accepts exactly what a scenario file accepts as its seed', async () => {
    const texts = ['0', '1', '2026', '1e3', '9007199254740991', '9007199254740992', '-1', '1.5', '1e30'];
    const inFiles: boolean[] = [];
    for (const text of texts) {
      const file = join(dir, `seed-${text}.yaml`);
      writeFileSync(file, `name: s\nseed: ${text}\nhorizon: 1h\nchannels:\n  voice:\n    arrivals: { perHour: 10 }\n    handle: { dist: fixed, value: 60 }\ngroups:\n  team: { agents: 1, skills: [voice] }\n`);
      const inFile = (await cli('validate', file)).code === 0;
      let onCli: boolean;
      try {
        onCli = seedFlag(text) !== undefined;
      } catch {
        onCli = false;
      }
      expect(onCli, `seed ${text}`).toBe(inFile);
      inFiles.push(inFile);
    }
    expect(inFiles).toEqual([true, true, true, true, true, false, false, false, false]);
  });

  it('a seed written as 1e3 is seed 1000, and a repeated --seed is refused', async () => {
    const r = await cli('run', ERLANG_A, '-r', '1', '--json', '--seed', '1e3');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).seed).toBe(1000);
    expect(await refused('run', ERLANG_A, '--seed', '1', '--seed', '2')).toBe("ccsim: --seed: given 2 times ('1', '2'). Fix: give --seed once");
  });
});

describe('a one-value flag given twice', () => {
  it.each([
    ['run', ERLANG_A, '--log', join(dir, 'a.csv'), '--log', join(dir, 'b.csv')],
    ['run', ERLANG_A, '--report', join(dir, 'a'), '--report', join(dir, 'b')],
    ['whatif', SMALL, '--vary', 'groups.team.agents=9..10', '--out', join(dir, 'a.html'), '--out', join(dir, 'b.html')],
    ['check', SMALL, '--junit', join(dir, 'a.xml'), '--junit', join(dir, 'b.xml')],
    ['erlang', '--model', 'c', '--model', 'a', '--arrivals-per-hour', '100', '--aht', '300', '--agents', '12'],
  ])('%s … is refused (exit 2, not an internal error) and nothing is written', async (...args) => {
    const flag = args.find((a, i) => a.startsWith('--') && args.indexOf(a) !== i) as string;
    expect(await refused(...args)).toMatch(new RegExp(`^ccsim: ${flag}: given 2 times \\('.*', '.*'\\)\\. Fix: give ${flag} once$`));
    expect(readdirSync(dir).filter((f) => /^[ab](\.|$)/.test(f))).toEqual([]);
  });

  it('repeatable flags stay repeatable', async () => {
    const r = await cli('whatif', SMALL, '--vary', 'groups.team.agents=9..10', '--vary', 'channels.voice.volume=0.9..1:0.1', '-r', '1', '--out', join(dir, 'two.html'));
    expect(r.code, r.err).toBe(0);
  });
});

describe('whole-number flags', () => {
  it.each([
    ['--replications', ''],
    ['--replications', 'abc'],
    ['--replications', '2.5'],
    ['--replications', '1e30'],
    ['--workers', ''],
    ['--workers', '0'],
  ])('run %s %j → exit 2', async (flag, value) => {
    expect(await refused('run', ERLANG_A, flag, value)).toMatch(new RegExp(`^ccsim: ${flag}: '${value}' is not a whole number ≥ 1\\. Fix: write e\\.g\\. ${flag} 10$`));
  });

  it.each([
    ['--max-iterations', '', /--max-iterations: '' is not a whole number ≥ 1/],
    ['--cost', '', /--cost: '' is not a number ≥ 0/],
    ['--cost', '-3', /--cost: '-3' is not a number ≥ 0/],
    ['--confidence', '', /--confidence: '' is not a confidence level/],
    ['--confidence', '100%', /--confidence: '100%' is not a confidence level.*95%/],
  ])('staff %s %j → exit 2 before simulating', async (flag, value, what) => {
    expect(await refused('staff', SMALL, '--target', 'voice.serviceLevel>=0.8', flag, value)).toMatch(what);
  });
});

describe('shares: 0.8 and 80% alike', () => {
  it.each([
    ['0.8', 0.8],
    ['80%', 0.8],
    ['80 %', 0.8],
    ['.5%', 0.005],
    ['-5%', -0.05],
    ['1e-1', 0.1],
  ])('parseRate(%j) = %d', (text, want) => {
    expect(parseRate(text)).toBeCloseTo(want, 12);
  });

  it.each(['', ' ', '%', 'eighty', '80%%', '0x10%'])('parseRate(%j) is no rate', (text) => {
    expect(parseRate(text)).toBeUndefined();
  });

  it('erlang --target-sl 80% gives what --target-sl 0.8 gives, and --max-abandon 5% what 0.05 gives', async () => {
    const base = ['erlang', '--arrivals-per-hour', '360', '--aht', '240', '--patience', '180', '--json'];
    const sl = await Promise.all(['0.8', '80%'].map((v) => cli(...base, '--target-sl', v)));
    expect(sl[0]!.code).toBe(0);
    expect(sl[1]!.out).toBe(sl[0]!.out);
    const ab = await Promise.all(['0.05', '5%'].map((v) => cli(...base, '--max-abandon', v)));
    expect(ab[0]!.code).toBe(0);
    expect(ab[1]!.out).toBe(ab[0]!.out);
  });

  it.each(['180%', '80', '0', '100%', 'high'])('erlang --target-sl %j → exit 2', async (v) => {
    expect(await refused('erlang', '--arrivals-per-hour', '360', '--aht', '240', '--target-sl', v)).toMatch(
      new RegExp(`^ccsim: --target-sl: '${v}' is not a share strictly between 0 % and 100 %\\. Fix: write a fraction or a percentage, e\\.g\\. --target-sl 0\\.8 or --target-sl 80%$`),
    );
  });
});
