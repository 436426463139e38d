// The pool's timestamptz parser gives the same Date as pg's own parser for every text, the shapes
// it reads itself and the ones it hands back to pg's parser; on PostgreSQL (when TEST_DATABASE_URL
// is set), for values as the server writes them, read through the node's own pool.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from './connection.ts';
import { TIMESTAMPTZ_OID, parseTimestamptz } from './timestamp-parser.ts';

const pgParse = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date | number | null;

function same(text: string): void {
  const want = pgParse(text);
  const got = parseTimestamptz(text);
  if (want instanceof Date && got instanceof Date) assert.equal(got.getTime(), want.getTime(), text);
  else assert.deepEqual(got, want, text);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

describe('timestamptz parser', () => {
  test('the server’s usual shape: every fraction length, both offset signs, leap days and year ends', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      const year = 100 + next(9900);
      const fraction = next(7); // 0: none, else 1–6 digits
      const digits = Array.from({ length: fraction }, () => next(10)).join('');
      const offset = next(15);
      const text = `${pad(year, 4)}-${pad(1 + next(12), 2)}-${pad(1 + next(28), 2)} ${pad(next(24), 2)}:${pad(next(60), 2)}:${pad(next(60), 2)}${fraction ? `.${digits}` : ''}${next(2) ? '+' : '-'}${pad(offset, 2)}`;
      same(text);
    }
    for (const text of ['2024-02-29 23:59:59.999999+00', '1999-12-31 23:59:59.9995+00', '2000-01-01 00:00:00+14', '2026-11-30 19:47:28.097364+00', '2026-03-29 01:30:00-12']) same(text);
  });

  test('other shapes are read as pg reads them', () => {
    for (const text of [
      '2026-11-30 19:47:28.097364+05:30',
      '2026-11-30 19:47:28+05:45:10',
      '0050-01-02 03:04:05.0005+00',
      '0099-12-31 23:59:59+00',
      '2026-11-30 19:47:28 BC',
      '0044-03-15 12:00:00+00 BC',
      '12026-11-30 19:47:28+00',
      '2026-11-30 19:47:28.1234567+00',
      '2026-11-30 19:47:28.+00',
      '2026-11-30T19:47:28+00',
      'infinity',
      '-infinity',
      '2026-11-30',
    ]) {
      same(text);
    }
  });

  test('on PostgreSQL, through the node’s pool: the values the server writes', { skip: !process.env.TEST_DATABASE_URL }, async () => {
    const opened = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL });
    try {
      const { rows } = await sql<{ at: Date; text: string }>`select at, at::text as text from (
          select now() as at
          union all select timestamptz '2024-02-29 23:59:59.999999+00'
          union all select timestamptz '0050-06-01 12:00:00+00'
          union all select timestamptz '2026-11-30 19:47:28+00'
          union all select timestamptz '2026-11-30 19:47:28.1+00'
          union all select timestamptz '0044-03-15 12:00:00+00 BC'
          union all select timestamptz 'infinity'
          union all select g from generate_series(timestamptz '2026-01-01 00:00:00.123456+00', timestamptz '2026-12-31', interval '7 days 3 hours 17 minutes 0.000731 seconds') as g
        ) as t`.execute(opened.db);
      assert.ok(rows.length > 50);
      for (const row of rows) {
        const want = pgParse(row.text);
        if (want instanceof Date) assert.equal((row.at as Date).getTime(), want.getTime(), row.text);
        else assert.deepEqual(row.at, want, row.text);
      }
    } finally {
      await opened.close();
    }
  });
});
