/**
 * Output folders ccsim regenerates (a report, a `staff` result). ccsim keeps a manifest in
 * each, listing the files it wrote and the command, so running the command again may replace
 * them while anything else stays protected:
 *
 *   missing or empty folder ─────────────────────────────▶ write
 *   manifest of this command ─▶ a file to write that the manifest does not list? ─▶ refuse (--force: write)
 *   no manifest but files, or another command's manifest ─▶ refuse (--force: write)
 *   an input (or another output) among the files ────────▶ refuse, even with --force
 *
 * Files are written atomically one by one. The manifest is written first with the old and
 * new names (so an interrupted write leaves no unlisted file of ours) and last with the new
 * names only, after files the previous run wrote and this one does not were removed.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MSG, inputError } from '../messages.js';
import { assertNotInput, assertParentWritable, pathKind, samePath, writeOutputFile, type OutputGuard } from './outputs.js';
import { guardWrite } from './writeErrors.js';

/** The manifest's file name, inside each output folder. */
export const MANIFEST = '.ccsim-manifest.json';

/** One file of an output folder, rendered in memory. */
export interface OutputFile {
  name: string;
  text: string;
}

interface Manifest {
  format: 'ccsim-output';
  version: 1;
  command: string;
  files: string[];
}

/**
 * Check `dir` before the work: missing, empty, or written by this command; no input (or
 * other output) inside it under a name for which `mayWrite` is true. Returns its manifest.
 */
export function prepareFolder(dir: string, guard: OutputGuard, mayWrite: (name: string) => boolean = () => false): Manifest | undefined {
  const protectedPaths = [...guard.inputs, ...(guard.others ?? []).map((o) => o.path)];
  assertNotInput(dir, guard);
  const kind = pathKind(dir, guard.flag);
  if (kind !== 'missing' && kind !== 'folder') throw inputError(MSG.notAFolder(dir, kind === 'file' ? 'a file' : kind), { path: guard.flag });
  assertParentWritable(join(dir, MANIFEST), guard.flag);
  const manifest = kind === 'folder' ? readManifest(dir) : undefined;
  // An input (or another output, which may not exist yet) in the folder under a name the folder's files take.
  for (const p of protectedPaths) {
    const name = basename(p);
    if (samePath(dirname(p), dir) && (name === MANIFEST || mayWrite(name) || manifest?.files.includes(name))) assertNotInput(join(dir, name), guard);
  }
  if (kind === 'missing' || guard.force) return manifest;
  if (manifest && manifest.command !== guard.command) throw inputError(MSG.folderOfOtherCommand(dir, manifest.command, guard.command), { path: guard.flag });
  if (!manifest && readdirSync(dir).length > 0) throw inputError(MSG.folderNotOurs(dir, MANIFEST), { path: guard.flag });
  return manifest;
}

/** Write `files` into `dir` under the rules above; returns the paths written, in the order given. */
export function writeFolder(dir: string, files: readonly OutputFile[], guard: OutputGuard): string[] {
  const names = files.map((f) => f.name);
  const bad = names.find((n) => !isPlainName(n) || n === MANIFEST);
  if (bad !== undefined) throw new Error(`output file name '${bad}' is not a plain file name`);
  const old = prepareFolder(dir, guard, (n) => names.includes(n));
  for (const f of files) {
    const path = join(dir, f.name);
    assertNotInput(path, guard);
    const kind = pathKind(path, guard.flag);
    if (kind === 'missing') continue;
    if (kind !== 'file') throw inputError(MSG.notARegularFile(path, kind === 'folder' ? 'a folder' : kind), { path: guard.flag });
    if (!guard.force && !old?.files.includes(f.name)) throw inputError(MSG.foreignFileInFolder(path, MANIFEST), { path: guard.flag });
  }
  const manifestPath = join(dir, MANIFEST);
  writeOutputFile(manifestPath, manifestText(guard.command, [...new Set([...(old?.files ?? []), ...names])]), guard.flag);
  const written = files.map((f) => {
    const path = join(dir, f.name);
    writeOutputFile(path, f.text, guard.flag);
    return path;
  });
  for (const stale of old?.files ?? []) {
    const path = join(dir, stale);
    if (names.includes(stale) || guard.inputs.some((i) => samePath(i, path)) || pathKind(path, guard.flag) !== 'file') continue;
    guardWrite(path, guard.flag, () => rmSync(path, { force: true }));
  }
  writeOutputFile(manifestPath, manifestText(guard.command, names), guard.flag);
  return written;
}

/** A manifest's bytes: no time stamp, so the same run writes the same folder. */
function manifestText(command: string, files: string[]): string {
  const m: Manifest = { format: 'ccsim-output', version: 1, command, files: [...files].sort() };
  return JSON.stringify(m, null, 2) + '\n';
}

/** The folder's manifest, or undefined when there is none or it is not ours; names with separators are dropped, so a forged manifest cannot point outside. */
function readManifest(dir: string): Manifest | undefined {
  let m: Partial<Manifest>;
  try {
    m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Partial<Manifest>;
  } catch {
    return undefined;
  }
  if (m?.format !== 'ccsim-output' || typeof m.command !== 'string' || !Array.isArray(m.files)) return undefined;
  return { format: 'ccsim-output', version: 1, command: m.command, files: m.files.filter((f): f is string => typeof f === 'string' && isPlainName(f)) };
}

/** One file name: no separator, not `.` or `..`, no NUL. */
function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}
