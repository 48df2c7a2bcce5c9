/**
 * The one place where a failed write becomes a message. A full disk, a read-only mount or a
 * path through a regular file is the user's to fix, so it is exit 2 with the reason, never
 * an internal error.
 */
import { MSG, inputError } from '../messages.js';

/** errno code → what went wrong and what to do, in the user's terms. */
const REASONS: Record<string, [reason: string, fix: string]> = {
  EACCES: ['permission denied', 'choose a folder you may write to, or change its permissions'],
  EPERM: ['the operation is not permitted', 'choose a folder you may write to, or change its permissions'],
  EROFS: ['the file system is read-only', 'choose a folder on a writable disk'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'choose a path whose folders are folders (or move the file that is in the way)'],
  EISDIR: ['it is a folder', 'name a file, not a folder'],
  EEXIST: ['a file is in the way of a folder the path needs', 'choose another path, or move that file away'],
  ENOSPC: ['no space is left on the disk', 'free some space, or choose a folder on another disk'],
  EDQUOT: ['the disk quota is used up', 'free some space, or choose a folder on another disk'],
  ENAMETOOLONG: ['the path is too long', 'choose a shorter path'],
  ENOENT: ['a folder on the path does not exist', 'create the folder, or choose another path'],
  ELOOP: ['the path has a symbolic-link loop', 'choose another path, or fix the link'],
};

/** The error to throw for a failed write of `path` (named by `flag`): an InputError for the user's errno codes, else `e` itself. */
export function writeFailure(e: unknown, path: string, flag: string): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : REASONS[code];
  if (!known) return e;
  return inputError(MSG.writeFailed(path, known[0], known[1]), { path: flag });
}

/** Run `write`; a failure with one of the user's errno codes becomes exit 2 naming `path` and `flag`. */
export function guardWrite<T>(path: string, flag: string, write: () => T): T {
  try {
    return write();
  } catch (e) {
    throw writeFailure(e, path, flag);
  }
}
