/**
 * The working-day benchmark: one week of the 3-channel help desk (scenarios/helpdesk-week.yaml:
 * calls, chats with concurrency, blended email, ~200 agent shifts a weekday with breaks and
 * shrinkage). Each measurement is a fresh process running R replications back to back:
 * the median seconds per replication is the speed, and peak RSS with 1 and with 10
 * 10 and 50 replications shows that memory does not grow with the replication count (each
 * replication's log is measured and dropped).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { simulate } from '../../src/model/simulation.js';
import { measure } from '../../src/metrics/index.js';
import { measureOptionsOf } from '../../src/plan/study.js';
import { loadScenario } from '../../src/scenario/index.js';

export const HELPDESK_FILE = 'scenarios/helpdesk-week.yaml';
const TARGET_SEC_PER_REP = 2;

export interface HelpdeskRun {
  replications: number;
  contactsPerReplication: number;
  secondsPerReplication: number[];
  peakRssMiB: number;
}

/** In the child: run R replications, timing each (simulate + measure). */
export function helpdeskChild(replications: number): HelpdeskRun {
  const s = loadScenario(HELPDESK_FILE);
  const mo = measureOptionsOf(s);
  const secondsPerReplication: number[] = [];
  let contacts = 0;
  for (let r = 0; r < replications; r++) {
    const t0 = process.hrtime.bigint();
    const log = simulate(s, r);
    measure(log, mo);
    secondsPerReplication.push(Number(process.hrtime.bigint() - t0) / 1e9);
    contacts += log.legs.length;
  }
  return { replications, contactsPerReplication: contacts / replications, secondsPerReplication, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

/** In the parent: processes with 1, 10 and 50 replications. */
export function measureHelpdesk(self: string = fileURLToPath(new URL('./run.js', import.meta.url))) {
  const child = (reps: number): HelpdeskRun => {
    const r = spawnSync(process.execPath, [self, '--child', 'helpdesk', '--replications', String(reps)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`helpdesk child failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as HelpdeskRun;
  };
  const one = child(1);
  const ten = child(10);
  const fifty = child(50);
  const times = [...ten.secondsPerReplication].sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return { one, ten, fifty, medianSecPerReplication: median, met: median < TARGET_SEC_PER_REP };
}

/** Lines for the bench table. */
export function renderHelpdesk(h: ReturnType<typeof measureHelpdesk>): string {
  return [
    '',
    `Help desk week (${HELPDESK_FILE}: 3 channels, shifts, one week; ≈${Math.round(h.ten.contactsPerReplication).toLocaleString('en-US')} contacts a replication):`,
    `  median ${h.medianSecPerReplication.toFixed(2)} s per replication over 10 (first, with JIT warm-up: ${h.ten.secondsPerReplication[0].toFixed(2)} s)   target < ${TARGET_SEC_PER_REP} s: ${h.met ? 'met' : 'MISSED'}`,
    `  peak RSS ${h.one.peakRssMiB.toFixed(0)} MiB with 1 replication, ${h.ten.peakRssMiB.toFixed(0)} MiB with 10, ${h.fifty.peakRssMiB.toFixed(0)} MiB with 50`,
    `  (each log is measured and dropped; V8 lets garbage reach a plateau before collecting, so the peak settles after a few replications and then stays flat)`,
  ].join('\n');
}
