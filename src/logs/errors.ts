/** A log or mapping file that cannot be read; `where` is "row N", "line N" or a field. */
export class LogFormatError extends Error {
  constructor(
    readonly what: string,
    readonly where?: string,
    readonly file?: string,
  ) {
    super(what);
    this.name = 'LogFormatError';
  }
}
