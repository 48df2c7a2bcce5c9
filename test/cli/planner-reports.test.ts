/** `--report` of compare and sweep, and the report staff writes beside its tables. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-planrep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const offline = (html: string) => expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);

describe('planner reports', () => {
  it('compare --report writes an offline page, its charts and the result', async () => {
    const out = join(dir, 'cmp');
    const r = await cli('compare', 'scenarios/single-queue-erlang-a.yaml', 'scenarios/single-queue-26-agents.yaml', '-r', '2', '--report', out);
    expect(r.code).toBe(0);
    for (const f of ['index.html', 'compare-kpis.svg', 'compare-differences.svg', 'summary.json', 'kpis.csv']) expect(existsSync(join(out, f)), f).toBe(true);
    offline(readFileSync(join(out, 'index.html'), 'utf8'));
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).scenarios).toHaveLength(2);
  });

  it('sweep --report writes the curve with the Erlang A overlay', async () => {
    const out = join(dir, 'sw');
    const r = await cli('sweep', 'scenarios/single-queue-erlang-a.yaml', '--set', 'groups.team.agents=24..26', '-r', '2', '--report', out);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'sweep.svg'), 'utf8')).toContain('<svg');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).points).toHaveLength(3);
  });

  it('staff writes the staffed scenario’s report next to its tables', async () => {
    const out = join(dir, 'st');
    const r = await cli('staff', 'scenarios/retail-bank-day.yaml', '-r', '3', '--out', out);
    expect([0, 1]).toContain(r.code);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'staffing.csv'))).toBe(true);
  });
});
