/**
 * Where command output goes. Handlers write through `io` instead of `process` so that
 * tests can drive the real yargs parser in-process and capture what a user would see.
 */
export interface CliIO {
  /** Data: tables, JSON. */
  out(text: string): void;
  /** Progress, warnings, errors. */
  err(text: string): void;
  /** True when stderr is a terminal (progress bars are shown only then). */
  stderrIsTTY: boolean;
}

export const processIO: CliIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  stderrIsTTY: Boolean(process.stderr.isTTY) && Boolean(process.stdout.isTTY),
};

let current: CliIO = processIO;

/** The IO the running command writes to. */
export function io(): CliIO {
  return current;
}

/** Swap the IO for the duration of one CLI invocation (tests). */
export function withIO<T>(next: CliIO, fn: () => Promise<T>): Promise<T> {
  const prev = current;
  current = next;
  return fn().finally(() => {
    current = prev;
  });
}

/** Thrown by a handler when a check or target failed: exit code 1, message already printed. */
export class CheckFailed extends Error {
  readonly exitCode = 1;
}
