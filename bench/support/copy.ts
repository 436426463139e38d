// PostgreSQL COPY … FROM STDIN in text format, for benchmarks that fill tables fast.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One field in COPY's text format: \N for null, dates in ISO 8601, backslash and control characters escaped. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = v instanceof Date ? v.toISOString() : String(v);
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Runs `statement` (a COPY … FROM STDIN) with `chunks` of text joined into writes of about 1 MB. */
export async function copyText(client: pg.Client, statement: string, chunks: readonly string[]): Promise<void> {
  const joined: string[] = [];
  let buf = '';
  for (const c of chunks) {
    buf += c;
    if (buf.length > 1 << 20) {
      joined.push(buf);
      buf = '';
    }
  }
  if (buf) joined.push(buf);
  await pipeline(Readable.from(joined), client.query(copyFrom(statement)));
}
