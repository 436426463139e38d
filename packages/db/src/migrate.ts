// Applies the numbered migrations. Our own small runner instead of Kysely's Migrator: that one
// introspects every schema of the database (has_schema_privilege over pg_namespace), which fails
// when another node or test drops its schema at the same moment, and it refuses a migration that
// is older than one already applied. Here the bookkeeping table lives in the current schema only,
// each migration runs in its own transaction, and concurrent starters on PostgreSQL take turns on
// an advisory lock.
import { type Kysely, sql } from 'kysely';
import { MIGRATIONS } from './migrations/index.ts';
import type { Database } from './schema.ts';

const LOCK_KEY = 7_361_820_415; // arbitrary, stable: "comity migrations"

async function ensureTable(db: Kysely<Database>): Promise<void> {
  const exists = await sql<{ t: string | null }>`select to_regclass('comity_migrations')::text as t`.execute(db);
  if (exists.rows[0]?.t) return;
  await sql`create table if not exists comity_migrations (name text primary key, applied_at timestamptz not null)`.execute(db);
  // Data folders made before this runner recorded their migrations in Kysely's table: carry them over.
  const legacy = await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(db);
  if (legacy.rows[0]?.t) {
    await sql`insert into comity_migrations (name, applied_at) select name, now() from kysely_migration on conflict do nothing`.execute(db);
  }
}

async function appliedNames(db: Kysely<Database>): Promise<Set<string>> {
  const exists = await sql<{ t: string | null }>`select to_regclass('comity_migrations')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return new Set();
  const rows = await sql<{ name: string }>`select name from comity_migrations`.execute(db);
  return new Set(rows.rows.map((r) => r.name));
}

export interface MigrationReport {
  applied: string[];
}

/** `before`: stop before the migration of that name (tests of a migration over older data). */
export async function migrateToLatest(db: Kysely<Database>, opts: { before?: string } = {}): Promise<MigrationReport> {
  await ensureTable(db);
  const applied: string[] = [];
  for (const name of Object.keys(MIGRATIONS).sort()) {
    if (opts.before !== undefined && name >= opts.before) break;
    const migration = MIGRATIONS[name]!;
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
      const already = await sql<{ n: number }>`select 1 as n from comity_migrations where name = ${name}`.execute(trx);
      if (already.rows.length) return false;
      await migration.up(trx);
      await sql`insert into comity_migrations (name, applied_at) values (${name}, now())`.execute(trx);
      return true;
    });
    if (done) applied.push(name);
  }
  return { applied };
}

/** Names of the migrations this code knows but the database has not applied. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const done = await appliedNames(db);
  return Object.keys(MIGRATIONS)
    .sort()
    .filter((n) => !done.has(n));
}
