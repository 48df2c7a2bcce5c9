/** Docs are part of the product: every command, metric and bundled scenario is in the README. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/commands/index.js';
import { CONTACT_METRICS, GROUP_INTERVAL_METRICS, GROUP_METRICS } from '../src/metrics/definitions.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('leads with the two set-up commands', () => {
    const first = readme.slice(0, 1500);
    expect(first).toContain('npm ci && npm start');
    expect(first).toContain('npm ci && npm test');
  });

  it('documents every command', () => {
    for (const c of commands) {
      const name = String(c.command).split(' ')[0];
      expect(readme, `ccsim ${name}`).toContain(`ccsim ${name}`);
    }
  });

  it('documents every metric', () => {
    for (const m of [...CONTACT_METRICS, ...GROUP_METRICS, ...GROUP_INTERVAL_METRICS]) expect(readme, m.key).toContain(`\`${m.key}\``);
  });

  it('lists every bundled scenario and has no unfilled placeholder', () => {
    for (const f of readdirSync('scenarios').filter((f) => /\.(ya?ml|json)$/.test(f))) expect(readme).toContain(f);
    expect(readme).not.toMatch(/EXAMPLE_[A-Z_]+|METRICS_TABLE|BENCH_FIGURES/);
  });
});
