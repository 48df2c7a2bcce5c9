/**
 * Output safety for single files: a command never writes over one of its inputs (compared
 * after resolving `./x`, symbolic links and hard links), never over a device or a folder,
 * and replaces an existing file only when it is a result ccsim regenerates or `--force` says
 * so. Every check runs before the work, so a refusal costs nothing; folders are in
 * outputFolder.ts, errno codes in writeErrors.ts, temporary files in tempFiles.ts.
 */
import { accessSync, closeSync, constants, mkdirSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MSG, inputError } from '../messages.js';
import { writeFileAtomic } from './files.js';
import { guardWrite, writeFailure } from './writeErrors.js';

/** What one output of a command may not touch, and whether `--force` was given. */
export interface OutputGuard {
  /** The command writing (`run`, `staff`, `check` …), as messages and manifests name it. */
  command: string;
  /** The flag naming this output (`--report`), for messages. */
  flag: string;
  /** `--force`: replace what is in the way; never an input. */
  force: boolean;
  /** Every file the command reads. */
  inputs: readonly string[];
  /** Files the command's other outputs write, with their flags. */
  others?: readonly { path: string; flag: string }[];
}

/** What is at a path: nothing, a regular file, a folder, or something else (described). */
export type PathKind = 'missing' | 'file' | 'folder' | 'a device' | 'a named pipe' | 'a socket' | 'not a regular file';

/** The absolute path with every symbolic link resolved, as far as the path exists. */
export function canonicalPath(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync.native(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(canonicalPath(parent), basename(abs));
  }
}

/** True when both paths name the same file: the same canonical path, or (both existing) the same inode. */
export function samePath(a: string, b: string): boolean {
  if (canonicalPath(a) === canonicalPath(b)) return true;
  const sa = statOrUndefined(a);
  const sb = statOrUndefined(b);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Refuse when `output` is one of the command's inputs or the file of another of its outputs. */
export function assertNotInput(output: string, guard: OutputGuard): void {
  if (guard.inputs.some((i) => samePath(i, output))) throw inputError(MSG.outputIsInput(output), { path: guard.flag });
  const other = guard.others?.find((o) => samePath(o.path, output));
  if (other) throw inputError(MSG.outputsCollide(output, other.flag), { path: guard.flag });
}

/** What is at `path`; a path that cannot even be looked at (through a file, say) is exit 2. */
export function pathKind(path: string, flag: string): PathKind {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw writeFailure(e, path, flag);
  }
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'folder';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The nearest existing folder above `path` must be a folder we may write into. */
export function assertParentWritable(path: string, flag: string): void {
  let dir = dirname(resolve(path));
  for (;;) {
    const kind = pathKind(dir, flag);
    if (kind === 'folder') break;
    if (kind !== 'missing') throw writeFailure(Object.assign(new Error(), { code: 'ENOTDIR' }), path, flag);
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw writeFailure(e, path, flag);
  }
}

/**
 * Check the files of a data output (a contact log and its side files): none is an input,
 * none is a folder or device, and an existing one is replaced only with `--force`.
 */
export function prepareDataFiles(paths: readonly string[], guard: OutputGuard, why: string): void {
  for (const path of paths) {
    assertNotInput(path, guard);
    const kind = pathKind(path, guard.flag);
    if (kind === 'missing') assertParentWritable(path, guard.flag);
    else if (kind !== 'file') throw inputError(MSG.notARegularFile(path, kind === 'folder' ? 'a folder' : kind), { path: guard.flag });
    else if (!guard.force) throw inputError(MSG.outputExists(path, why), { path: guard.flag });
  }
}

/**
 * Check a single-file output that ccsim regenerates (a JUnit file, a what-if page): not an
 * input, not a folder or device; an existing file is replaced when `isOurs` recognises its
 * first bytes as ccsim's, or with `--force`.
 */
export function prepareRegeneratedFile(path: string, guard: OutputGuard, isOurs: (head: string) => boolean): void {
  assertNotInput(path, guard);
  const kind = pathKind(path, guard.flag);
  if (kind === 'missing') return assertParentWritable(path, guard.flag);
  if (kind !== 'file') throw inputError(MSG.notARegularFile(path, kind === 'folder' ? 'a folder' : kind), { path: guard.flag });
  if (!guard.force && !isOurs(readHead(path))) throw inputError(MSG.notOurFile(path, guard.command), { path: guard.flag });
}

/** Write one output file atomically, creating its folder; errno failures are exit 2 naming `flag`. */
export function writeOutputFile(path: string, text: string, flag: string): void {
  guardWrite(path, flag, () => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, text);
  });
}

/** The first 16 KB of a file as text ('' when unreadable): enough for a marker. */
function readHead(path: string): string {
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(16384);
      return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
