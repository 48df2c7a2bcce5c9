/**
 * Contact, issue and customer ids are strings in a log file (`C1`, `T-2026-0042`, `17`);
 * the typed leg table holds them as Int32 codes. One table serves all three columns, so
 * equal strings get equal codes wherever they appear (an issue id equal to its contact
 * id means "its own issue", as our own logs write it).
 *
 * A canonical whole number below 2^30 (`0`, `17`, not `017`) is its own code, so our own
 * logs read back with the very ids they were written with, in the same numeric order;
 * every other string gets a code from 2^30 up, in order of first appearance. Codes
 * never collide, so no id is ever dropped or merged with another.
 */
const OWN_MAX = 2 ** 30;
const CANONICAL = /^(0|[1-9]\d{0,9})$/;

export class IdCodes {
  private readonly codes = new Map<string, number>();
  /** Names of the codes from 2^30 up; null for a row that had no id. */
  private readonly names: (string | null)[] = [];

  /** The code of an id. */
  code(id: string): number {
    if (CANONICAL.test(id)) {
      const n = Number(id);
      if (n < OWN_MAX) return n;
    }
    let c = this.codes.get(id);
    if (c === undefined) {
      c = this.next(id);
      this.codes.set(id, c);
    }
    return c;
  }

  /** A code no id has, for a row without one (its own contact). */
  fresh(): number {
    return this.next(null);
  }

  /** The id a code stands for: a number is its own code; null for a row that had none. */
  name(code: number): string | number | null {
    return code < OWN_MAX ? code : this.names[code - OWN_MAX];
  }

  private next(name: string | null): number {
    if (this.names.length >= 2 ** 31 - 1 - OWN_MAX) throw new RangeError('more than 2^30 distinct non-numeric ids');
    this.names.push(name);
    return OWN_MAX + this.names.length - 1;
  }
}
