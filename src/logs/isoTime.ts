/**
 * ISO 8601 date-times of real exports, read without the machine's time zone: `Date.parse`
 * reads a time without an offset as local time, so the same export would give other KPIs
 * under another TZ. Here a time carries its offset (`Z`, `+01:00`), or the mapping names
 * the zone of those that do not; otherwise it is refused.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ZONE = /^(?:UTC|Z|([+-])(\d{2})(?::?(\d{2}))?)$/i;

/** Seconds east of UTC of `UTC`, `Z`, `+01:00`, `-0530`, `+02`; undefined if not one of those. */
export function parseZoneOffset(text: string): number | undefined {
  const m = ZONE.exec(text.trim());
  if (!m) return undefined;
  if (m[1] === undefined) return 0;
  const h = Number(m[2]);
  const min = Number(m[3] ?? 0);
  if (h > 14 || min > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (h * 3600 + min * 60);
}

/**
 * Seconds since 1970-01-01T00:00:00Z of an ISO date-time; 'no zone' when it has no offset
 * and no default zone is given; 'bad' when it is not a valid date and time of day.
 */
export function parseIsoSeconds(text: string, defaultOffsetSec?: number): number | 'no zone' | 'bad' {
  const m = ISO.exec(text.trim());
  if (!m) return 'bad';
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 31 April over to 1 May: a round trip catches impossible dates and times.
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi || back.getUTCSeconds() !== s) {
    return 'bad';
  }
  let offset: number | undefined;
  if (m[8] !== undefined) {
    offset = parseZoneOffset(m[8]);
    if (offset === undefined) return 'bad';
  } else if (defaultOffsetSec !== undefined) offset = defaultOffsetSec;
  else return 'no zone';
  const fraction = m[7] !== undefined ? Number(`0.${m[7]}`) : 0;
  return utc / 1000 + fraction - offset;
}
