/**
 * Temporary files: registered while they exist, deleted on SIGINT/SIGTERM. The signal test
 * runs the built CLI in a child process (a signal would end the test runner itself).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/logs/files.js';
import { liveTemps, removeTemps, trackTemp, untrackTemp } from '../../src/logs/tempFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-temps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MAIN = 'dist/src/cli/main.js';

describe('the temporary-file register', () => {
  it('holds a file while it is written, installs the signal handlers only meanwhile, and removeTemps deletes what is left', () => {
    const before = process.listenerCount('SIGINT');
    const tmp = join(dir, 'a.tmp-1');
    trackTemp(tmp);
    writeFileSync(tmp, 'half');
    expect(liveTemps()).toEqual([tmp]);
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    expect(process.listenerCount('SIGTERM')).toBeGreaterThan(0);
    expect(removeTemps()).toEqual([tmp]);
    expect(existsSync(tmp)).toBe(false);
    expect(liveTemps()).toEqual([]);
    expect(process.listenerCount('SIGINT')).toBe(before);
    untrackTemp(tmp); // forgetting twice is harmless
  });

  it('writeFileAtomic leaves nothing registered and no temporary file, also when the write fails', () => {
    writeFileAtomic(join(dir, 'ok.txt'), 'x');
    expect(() => writeFileAtomic(join(dir, 'missing', 'no.txt'), 'x')).toThrow();
    expect(liveTemps()).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s during `run --log` deletes the temporary log files and exits %i', async (signal, code) => {
    expect(existsSync(MAIN), `${MAIN} is missing: run npm run build`).toBe(true);
    const out = mkdtempSync(join(dir, `${signal}-`));
    const log = join(out, 'calls.csv');
    const child = spawn(process.execPath, [MAIN, 'run', 'scenarios/single-queue-erlang-a.yaml', '-r', '50', '--log', log], { stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    // Wait until the log is being written (its temporary files exist), then interrupt.
    const deadline = Date.now() + 30_000;
    while (!readdirSync(out).some((f) => f.includes('.tmp-')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(out).some((f) => f.includes('.tmp-')), 'the run never started writing its log').toBe(true);
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(readdirSync(out)).toEqual([]);
  });
});
