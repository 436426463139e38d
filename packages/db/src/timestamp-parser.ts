// How the PostgreSQL pool turns a `timestamptz` column into a Date. pg's own parser (postgres-date)
// runs three regular expressions and builds the Date field by field for every value; a list of
// users or requests reads one or more per row, on every request. The server sends nearly every
// value in one shape (its DateStyle ISO with a whole-hour offset: `2026-11-30 19:47:28.097364+00`),
// which is read here digit by digit; anything else (another offset, a year before 100, BC, infinity)
// goes to pg's parser, so every value gives the same Date as before (timestamp-parser.test.ts).
import pg from 'pg';

/** pg's type OID of `timestamptz`. */
export const TIMESTAMPTZ_OID = 1184;

const fallback = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date | number | null;

/** The value of `length` decimal digits at `at`, or -1 if one is not a digit. */
function digits(s: string, at: number, length: number): number {
  let v = 0;
  for (let k = at; k < at + length; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * `YYYY-MM-DD HH:MM:SS[.f{1,6}]±HH` as a Date (milliseconds truncated, as pg's parser does); any
 * other text as pg's parser reads it.
 */
export function parseTimestamptz(s: string): Date | number | null {
  const n = s.length;
  if (n < 22 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 32 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return fallback(s);
  const sign = s.charCodeAt(n - 3);
  if (sign !== 43 && sign !== 45) return fallback(s);
  let end = 19;
  let ms = 0;
  if (s.charCodeAt(19) === 46) {
    // Up to six fraction digits; only the first three count (milliseconds, truncated).
    let scale = 100;
    for (end = 20; end < n - 3; end++) {
      const c = s.charCodeAt(end) - 48;
      if (c < 0 || c > 9) return fallback(s);
      ms += c * scale;
      scale = scale >= 10 ? scale / 10 : 0;
    }
    if (end === 20 || end > 26) return fallback(s);
  }
  if (end !== n - 3) return fallback(s);
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const offset = digits(s, n - 2, 2);
  // Date.UTC reads years 0–99 as 1900–1999: those (and any malformed field) go to pg's parser.
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || offset < 0) return fallback(s);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  return new Date(sign === 43 ? utc - offset * 3_600_000 : utc + offset * 3_600_000);
}

/** The pool's type parsers: pg's, with `parseTimestamptz` for timestamptz. */
export const poolTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ_OID && format !== 'binary' ? parseTimestamptz : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};
