/**
 * A scenario `name` becomes part of default output paths (`reports/<name>-staff/`). A name
 * is free text, so it is turned into one safe path segment first: whatever it holds, the
 * result names a single file or folder inside the parent, on Linux, macOS and Windows.
 */
import { createHash } from 'node:crypto';

/** Longest segment in UTF-8 bytes: leaves room for suffixes (`-staffed.yaml`) under the usual 255-byte limit. */
const MAX_BYTES = 100;
/** Windows device names, which no file may be called, with or without an extension. */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * One safe path segment for `name`: letters, digits, `.`, `_` and `-` are kept, every other
 * run of characters (separators, spaces, control characters, Windows-reserved `<>:"|?*`)
 * becomes one `-`; leading and trailing dots and dashes go (so `..`, `.hidden` and `-rf`
 * cannot escape, hide or pose as flags); an empty result is `scenario`. A long name is
 * shortened to 100 bytes ending in a hash of the whole name, so distinct names stay distinct.
 */
export function safeSegment(name: string): string {
  let s = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-');
  s = trimEdges(s);
  if (s === '') s = 'scenario';
  if (WINDOWS_DEVICES.test(s)) s = `_${s}`;
  if (Buffer.byteLength(s, 'utf8') > MAX_BYTES) {
    const hash = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8);
    s = `${trimEdges(truncateBytes(s, MAX_BYTES - hash.length - 1))}-${hash}`;
  }
  return s;
}

function trimEdges(s: string): string {
  return s.replace(/^[.-]+/, '').replace(/[.-]+$/, '');
}

/** The longest prefix of whole code points that fits in `max` UTF-8 bytes. */
function truncateBytes(s: string, max: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > max) break;
    out += ch;
  }
  return out;
}
