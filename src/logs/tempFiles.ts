/**
 * The one register of temporary files. Every write goes to a temporary name and is renamed
 * into place when complete; if the user presses Ctrl-C (SIGINT) or the job is stopped
 * (SIGTERM) in between, the handler installed here deletes the temporary files and exits
 * 130 or 143, the shell's codes for those signals. The handlers are installed only while a
 * temporary file exists, so the process's default signal behaviour is otherwise untouched.
 */
import { rmSync } from 'node:fs';

const live = new Set<string>();

const onSigint = () => exitAfterCleanup(130);
const onSigterm = () => exitAfterCleanup(143);

/** Record a temporary file before it is created. */
export function trackTemp(path: string): void {
  if (live.size === 0) {
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
  }
  live.add(path);
}

/** Forget a temporary file once it was renamed into place or deleted. */
export function untrackTemp(path: string): void {
  if (!live.delete(path) || live.size > 0) return;
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigterm);
}

/** The temporary files now registered (tests). */
export function liveTemps(): string[] {
  return [...live];
}

/** Delete every registered temporary file; returns the paths deleted. */
export function removeTemps(): string[] {
  const removed = [...live];
  for (const p of removed) {
    try {
      rmSync(p, { force: true });
    } catch {
      // Best effort: the process is exiting anyway.
    }
    untrackTemp(p);
  }
  return removed;
}

function exitAfterCleanup(code: number): void {
  removeTemps();
  process.exit(code);
}
