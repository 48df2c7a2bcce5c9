/** Usage errors read like scenario-file errors: one line, the typo named, the nearest valid name offered. */
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { cli } from '../helpers/cli.js';

const BANK = 'scenarios/retail-bank-day.yaml';

/** Exit 2, nothing on stdout, exactly one line on stderr; that line. */
async function usageLine(...args: string[]): Promise<string> {
  const r = await cli(...args);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.endsWith('\n')).toBe(true);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  return r.err.trim();
}

describe('option typos', () => {
  it('get a did-you-mean naming the command help', async () => {
    expect(await usageLine('run', BANK, '--replicatoins', '5')).toBe(
      'ccsim: unknown option --replicatoins. Fix: did you mean --replications? (ccsim run --help lists the options)',
    );
    expect(await usageLine('erlang', '--arrivals-per-hour', '100', '--target-ls', '0.8')).toBe(
      'ccsim: unknown option --target-ls. Fix: did you mean --target-sl? (ccsim erlang --help lists the options)',
    );
  });

  it('are found in --flag=value form and several at once, each with its own guess', async () => {
    expect(await usageLine('run', BANK, '--replicatoins=5', '--sed', '3')).toBe(
      'ccsim: unknown options --replicatoins, --sed. Fix: did you mean --replications (for --replicatoins), --seed (for --sed)? (ccsim run --help lists the options)',
    );
  });

  it('with nothing near: say to remove it', async () => {
    expect(await usageLine('run', BANK, '-q')).toBe('ccsim: unknown option -q. Fix: remove it; ccsim run --help lists the options');
    expect(await usageLine('run', BANK, '--colour')).toMatch(/^ccsim: unknown option --colour\. Fix: remove it; ccsim run --help/);
  });

  it('before any command, among the global options', async () => {
    expect(await usageLine('--versoin')).toBe('ccsim: unknown option --versoin. Fix: did you mean --version? (ccsim --help lists the options)');
  });

  // Every declared option of every command, typed with its 2nd and 3rd letters swapped, is recognised.
  for (const c of commands) {
    const name = String(c.command).split(' ')[0] as string;
    const positionals = (String(c.command).match(/<[^>]+>/g) ?? []).map(() => BANK);
    it(`ccsim ${name}: each option, misspelt, is suggested back`, async () => {
      const help = (await cli(name, '--help')).out;
      const declared = [...help.matchAll(/^\s+(?:-\w, )?--([a-z][a-z-]+)/gm)].map((m) => m[1] as string);
      const own = declared.filter((o) => !['help', 'version', 'debug'].includes(o));
      if (name === 'run') expect(own, 'options read from --help').toContain('replications');
      for (const option of own.filter((o) => o.length >= 4)) {
        const typo = option[0]! + option[2] + option[1] + option.slice(3);
        if (typo === option) continue;
        const line = await usageLine(name, ...positionals, `--${typo}`, '1');
        expect(line, typo).toBe(`ccsim: unknown option --${typo}. Fix: did you mean --${option}? (ccsim ${name} --help lists the options)`);
      }
    });
  }
});

describe('unknown commands', () => {
  it('suggest the nearest command and list them all', async () => {
    const line = await usageLine('rnu', BANK);
    expect(line).toMatch(/^ccsim: unknown command 'rnu'\. Fix: did you mean 'run'\? \(commands: run, erlang, metrics, /);
    for (const c of commands) expect(line).toContain(String(c.command).split(' ')[0]);
  });

  it('without a near one, list the commands', async () => {
    expect(await usageLine('simulate')).toMatch(/^ccsim: unknown command 'simulate'\. Fix: use one of the commands run, erlang, .*whatif \(ccsim --help describes them\)$/);
  });
});

describe('other usage errors', () => {
  it('an extra positional is named as such, not as an option', async () => {
    expect(await usageLine('run', BANK, 'extra.yaml')).toBe(
      "ccsim: unexpected argument 'extra.yaml'. Fix: remove it, or quote a value that holds spaces (ccsim run --help shows what the command takes)",
    );
  });

  it('a negative number after a flag is its value, not an unknown option', async () => {
    expect(await usageLine('erlang', '--arrivals-per-hour', '100', '--aht', '300', '--agents', '-5')).toMatch(/^ccsim: --agents: '-5' is not a whole number ≥ 1/);
  });

  it('a missing positional points at the command help', async () => {
    expect(await usageLine('run')).toMatch(/Fix: see `ccsim run --help`$/);
  });
});
