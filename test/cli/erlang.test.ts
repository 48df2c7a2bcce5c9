/** `ccsim erlang` driven through the real yargs parser and exit-code mapping (runCli). */
import { describe, it, expect } from 'vitest';
import { runCli } from '../../src/cli/main.js';

async function erlang(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['erlang', ...args], { out: (s) => void (out += s), err: (s) => void (err += s), stderrIsTTY: false });
  return { code, out, err };
}

function expectClose(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(1e-12, 1e-9 * Math.abs(expected)));
}

const CONTRACT_KEYS = ['model', 'agents', 'offeredLoadErlangs', 'pWait', 'serviceLevel', 'asaSeconds', 'avgWaitSeconds', 'abandonRate', 'occupancy'];

describe('ccsim erlang --json', () => {
  it('prints exactly the contract keys, one object and a newline (Erlang A by default with --patience)', async () => {
    const r = await erlang('--arrivals-per-hour', '80', '--aht', '300', '--agents', '10', '--patience', '120', '--within', '20', '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out.endsWith('}\n')).toBe(true);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(CONTRACT_KEYS);
    // reference-cases.json, first Erlang A case
    expect(json).toMatchObject({ model: 'a', agents: 10 });
    expectClose(json.pWait, 0.11828419282061887);
    expectClose(json.serviceLevel, 0.9156857056843568);
    expectClose(json.asaSeconds, 3.105284054597421);
    expectClose(json.avgWaitSeconds, 4.0923066167156685);
    expectClose(json.abandonRate, 0.03410255513929724);
    expectClose(json.occupancy, 0.6439316299071352);
  });

  it('uses Erlang C without --patience, accepts 5m-style durations and defaults --within to 20 s', async () => {
    const r = await erlang('--arrivals-per-hour', '50', '--aht', '5m', '--agents', '5', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.model).toBe('c');
    expect(json.abandonRate).toBe(0);
    expectClose(json.serviceLevel, 0.4133659079610221); // reference-cases.json, Erlang C case
    expectClose(json.asaSeconds, 223.2529828979882);
  });

  it('adds blocking for Erlang B and M/M/c/K', async () => {
    const b = await erlang('--model', 'b', '--arrivals-per-hour', '100', '--aht', '180', '--agents', '7', '--json');
    expect(b.code).toBe(0);
    const jb = JSON.parse(b.out);
    expect(Object.keys(jb)).toEqual([...CONTRACT_KEYS, 'blocking']);
    expectClose(jb.blocking, 0.12051863507342961); // reference-cases.json, Erlang B case
    const k = await erlang('--arrivals-per-hour', '100', '--aht', '180', '--agents', '7', '--capacity', '7', '--json');
    expect(k.code).toBe(0);
    const jk = JSON.parse(k.out);
    expect(jk.model).toBe('k');
    expectClose(jk.blocking, 0.12051863507342961);
  });

  it('answers the least agents for a target, and says on stderr what bound it', async () => {
    const r = await erlang('--arrivals-per-hour', '200', '--aht', '3m', '--target-sl', '0.8', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(CONTRACT_KEYS);
    expect(json.agents).toBe(14);
    expect(json.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(r.err).toMatch(/14 agents is the least .*bound by service level ≥ 80\.0 % within 20 s/);
  });
});

describe('ccsim erlang (table)', () => {
  it('prints an aligned table with every KPI', async () => {
    const r = await erlang('--arrivals-per-hour', '360', '--aht', '240', '--agents', '25', '--patience', '3m');
    expect(r).toMatchObject({ code: 0, err: '' });
    const lines = r.out.trimEnd().split('\n');
    const labels = ['model', 'agents', 'offered load', 'P(wait)', 'service level', 'ASA', 'avg wait', 'abandon rate', 'occupancy'];
    expect(lines.map((l) => l.split(/\s{2,}/)[0])).toEqual(labels);
    const column = lines[0].search(/Erlang A/);
    for (const line of lines) expect(line.slice(column - 2, column)).toBe('  ');
    expect(r.out).toMatch(/offered load\s+24\.00 Erlangs/);
    expect(r.out).toMatch(/answered within 20 s/);
  });

  it('shows the staffing answer and the binding target', async () => {
    const r = await erlang('--arrivals-per-hour', '360', '--aht', '240', '--patience', '180', '--target-sl', '0.8', '--max-abandon', '0.02');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^agents\s+\d+ {2}\(least meeting the target; bound by (service level|abandon rate)/m);
  });
});

describe('ccsim erlang errors', () => {
  it('says Erlang C is unstable at load ≥ agents: one line on stderr, exit 2, nothing on stdout', async () => {
    const r = await erlang('--arrivals-per-hour', '100', '--aht', '360', '--agents', '10');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^ccsim: --agents: unstable: offered load 10\.00 Erlangs is not below 10 agents/);
    expect(r.err).toMatch(/Fix: use at least 11 agents/);
  });

  it.each([
    [['--arrivals-per-hour', '100', '--agents', '5'], '--aht', /--aht is required/],
    [['--aht', '300', '--agents', '5'], '--arrivals-per-hour', /is required/],
    [['--arrivals-per-hour', '100', '--aht', '300', '--agents', '-5'], '--agents', /not a whole number ≥ 1/],
    [['--arrivals-per-hour', '100', '--aht', '300', '--agents', '2.5'], '--agents', /not a whole number ≥ 1/],
    [['--arrivals-per-hour', '-100', '--aht', '300', '--agents', '5'], '--arrivals-per-hour', /not a number > 0/],
    [['--arrivals-per-hour', '100', '--aht', '-3', '--agents', '5'], '--aht', /not a duration > 0/],
    [['--arrivals-per-hour', '100', '--aht', 'soon', '--agents', '5'], '--aht', /not a duration > 0/],
    [['--model', 'c', '--patience', '60', '--arrivals-per-hour', '100', '--aht', '300', '--agents', '12'], '--patience', /no abandonment/],
    [['--model', 'a', '--arrivals-per-hour', '100', '--aht', '300', '--agents', '12'], '--patience', /needs the mean patience/],
    [['--model', 'x', '--arrivals-per-hour', '100', '--aht', '300', '--agents', '12'], '--model', /unknown model 'x'/],
    [['--arrivals-per-hour', '100', '--aht', '300', '--target-sl', '1.5'], '--target-sl', /not a share strictly between 0 % and 100 %/],
    [['--arrivals-per-hour', '100', '--aht', '300', '--target-sl', '80'], '--target-sl', /not a share strictly between 0 % and 100 %.*80%/],
    [['--arrivals-per-hour', '100', '--aht', '300', '--target-sl', '180%'], '--target-sl', /'180%' is not a share/],
    [['--arrivals-per-hour', '100', '--aht', '300', '--patience', '60', '--max-abandon', '0%'], '--max-abandon', /'0%' is not a share/],
    [['--arrivals-per-hour', '100', '--aht', '300', '--max-abandon', '0.05'], '--max-abandon', /needs a patience/],
    [['--arrivals-per-hour', '100', '--aht', '300'], '--agents', /number of agents is missing/],
    [['--model', 'b', '--arrivals-per-hour', '100', '--aht', '300', '--target-sl', '0.8'], '--target-sl', /Erlang C or A/],
    [['--arrivals-per-hour', '100', '--aht', '300', '--agents', '12', '--capacity', '10'], '--capacity', /below the 12 agents/],
  ])('%j → exit 2 naming %s', async (args, flag, what) => {
    const r = await erlang(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.startsWith(`ccsim: ${flag}: `)).toBe(true);
    expect(r.err).toMatch(what);
    expect(r.err).toMatch(/Fix: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when no staffing up to --max-agents meets the target', async () => {
    const r = await erlang('--arrivals-per-hour', '3600', '--aht', '300', '--target-sl', '0.8', '--max-agents', '50');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ccsim: --target-sl: no staffing up to 50 agents meets the target/);
  });

  it('checks a target against given --agents: exit 0 when met, 1 when missed', async () => {
    const met = await erlang('--arrivals-per-hour', '200', '--aht', '180', '--agents', '14', '--target-sl', '0.8', '--json');
    expect(met).toMatchObject({ code: 0, err: '' });
    const missed = await erlang('--arrivals-per-hour', '200', '--aht', '180', '--agents', '13', '--target-sl', '0.8', '--json');
    expect(missed.code).toBe(1);
    expect(JSON.parse(missed.out).agents).toBe(13);
    expect(missed.err).toMatch(/target missed at 13 agents: service level ≥ 80\.0 % within 20 s/);
  });
});
