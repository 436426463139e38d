// Opens the node's database: file-backed PGlite in the data folder by default, PostgreSQL when a
// URL is given. Both speak the same SQL; every query in this package runs unchanged on either.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { QueuedPGliteDialect } from './pglite-dialect.ts';
import { poolTypes } from './timestamp-parser.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenedDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for messages: a folder or a URL without its password. */
  location: string;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  readonly code = 'database_unavailable';
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; `undefined` with no URL gives an in-memory database (tests). */
  pgliteDir?: string | undefined;
  /** PostgreSQL schema to use (tests isolate themselves in one schema per file). */
  schema?: string | undefined;
  connectTimeoutMs?: number;
  poolSize?: number;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<OpenedDatabase> {
  if (opts.databaseUrl) {
    const location = redactUrl(opts.databaseUrl);
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      // timestamptz read without pg's regular expressions (timestamp-parser.ts), same Dates.
      types: poolTypes,
      // 4 s: with process start-up, an unreachable server is reported well within the 10 s promised.
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 4000,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        if (opts.schema) await client.query(`create schema if not exists "${opts.schema.replace(/"/g, '')}"`);
        await client.query('select 1');
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end().catch(() => {});
      throw new DatabaseUnavailableError(`Cannot reach PostgreSQL at ${location}: ${(err as Error).message}`);
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', location, close: () => db.destroy() };
  }
  let client: PGlite;
  if (opts.pgliteDir) {
    const dir = join(opts.pgliteDir);
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir, { extensions: { pg_trgm } });
  } else {
    client = new PGlite({ extensions: { pg_trgm } });
  }
  await client.waitReady;
  const db = new Kysely<Database>({ dialect: new QueuedPGliteDialect(client) });
  return { db, kind: 'pglite', location: opts.pgliteDir ?? 'memory', close: () => db.destroy() };
}

export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
