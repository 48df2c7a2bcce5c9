/** Failed writes: the user's errno codes become one exit-2 message; anything else stays an internal error. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../src/logs/outputs.js';
import { writeFailure } from '../../src/logs/writeErrors.js';
import { InputError } from '../../src/messages.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-writeerr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const errno = (code: string) => Object.assign(new Error(`${code}: system text`), { code });

describe('writeFailure', () => {
  it.each([
    ['EACCES', /permission denied/],
    ['EPERM', /not permitted/],
    ['EROFS', /read-only/],
    ['ENOTDIR', /a part of the path is a file/],
    ['EISDIR', /it is a folder/],
    ['ENOSPC', /no space is left/],
  ])('%s → exit 2 naming the path, the flag, the reason and a fix', (code, reason) => {
    const e = writeFailure(errno(code), 'out/report', '--report');
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(2);
    expect((e as InputError).message).toMatch(new RegExp(`^--report: cannot write 'out/report': .*${reason.source}.*\\. Fix: \\w`));
  });

  it('leaves any other error as it is (a bug is an internal error, not bad input)', () => {
    const other = new TypeError('x is undefined');
    expect(writeFailure(other, 'out', '--report')).toBe(other);
    expect(writeFailure(errno('EWEIRD'), 'out', '--report')).toBeInstanceOf(Error);
    expect(writeFailure(errno('EWEIRD'), 'out', '--report')).not.toBeInstanceOf(InputError);
  });

  it('a real write under a regular file (ENOTDIR, which fails even for root) is exit 2', () => {
    const file = join(dir, 'file.txt');
    writeFileSync(file, 'x');
    expect(() => writeOutputFile(join(file, 'sub', 'out.json'), '{}', '--out')).toThrow(/--out: cannot write .*: a part of the path is a file, not a folder/);
  });
});
