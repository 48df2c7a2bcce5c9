/**
 * A progress bar on stderr, shown only on a terminal, only once a job has taken more
 * than a second, and never with --json (so pipes and CI logs stay clean).
 */
import { io } from './io.js';

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const NONE: Progress = { update() {}, done() {} };

/** A progress reporter for `label`; a no-op when not on a TTY or when `quiet`. */
export function progress(label: string, quiet: boolean): Progress {
  const out = io();
  if (quiet || !out.stderrIsTTY) return NONE;
  const started = Date.now();
  let shown = false;
  return {
    update(done, total) {
      if (Date.now() - started < 1000) return;
      shown = true;
      const width = 30;
      const filled = Math.round((done / total) * width);
      out.err(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      if (shown) out.err('\r\x1b[K');
    },
  };
}
