/** A log or mapping file that cannot be read; `where` is "line N, column 'x'", "line N" or a field. */
export class LogFormatError extends Error {
  constructor(
    readonly what: string,
    readonly where?: string,
    readonly file?: string,
    /** What to do about it; without one the CLI gives the general advice for log files. */
    readonly fix?: string,
  ) {
    super(what);
    this.name = 'LogFormatError';
  }
}

/** A LogFormatError from a catalogue entry ({what, fix}, src/messages.ts). */
export function logError(entry: { what: string; fix: string }, where: string | undefined, file: string | undefined): LogFormatError {
  return new LogFormatError(entry.what, where, file, entry.fix);
}
