// The node's job queue: pg-boss on the node's own database. On PostgreSQL pg-boss opens its own
// small pool; on PGlite it runs through the node's single queued connection via an adapter,
// because a second PGlite client on the same files would lose writes.
import type { Database, DatabaseKind } from '@comity/db';
import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';

export interface JobQueueOptions {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  databaseUrl?: string | undefined;
  /** PostgreSQL schema of the node's tables; pg-boss keeps its tables there too, so that a node's
   * data (and a test's schema) stays in one place. Default: pg-boss's own "pgboss" schema. */
  databaseSchema?: string | undefined;
  onError?: (err: Error) => void;
}

/**
 * Splits a script of several SQL statements at top-level semicolons, honouring quotes, dollar
 * quoting ($$ … $$, $tag$ … $tag$) and comments. pg-boss sends its migrations as one script, which
 * PostgreSQL's simple protocol accepts but PGlite's parameterised `query` does not.
 */
export function splitSqlStatements(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  while (i < n) {
    const c = script[i];
    if (c === "'" || c === '"') {
      i++;
      while (i < n) {
        if (script[i] === c) {
          if (script[i + 1] === c) i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (c === '-' && script[i + 1] === '-') {
      while (i < n && script[i] !== '\n') i++;
    } else if (c === '/' && script[i + 1] === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '$') {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i, i + 64));
      if (m) {
        const tag = m[0];
        const end = script.indexOf(tag, i + tag.length);
        i = end < 0 ? n : end + tag.length;
      } else i++;
    } else if (c === ';') {
      const stmt = script.slice(start, i).trim();
      if (stmt) out.push(stmt);
      i++;
      start = i;
    } else i++;
  }
  const last = script.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** pg-boss's `db` option over the node's Kysely connection (used on PGlite). */
export function kyselyPgBossDb(db: Kysely<Database>): { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) {
        const result = await db.executeQuery(CompiledQuery.raw(text, values));
        return { rows: [...result.rows] };
      }
      const statements = splitSqlStatements(text);
      if (statements.length === 1) {
        const result = await db.executeQuery(CompiledQuery.raw(statements[0] as string, []));
        return { rows: [...result.rows] };
      }
      // A script (BEGIN; …; COMMIT): run it on one held connection so nothing interleaves, and
      // roll back if a statement fails, as PostgreSQL does for a failed simple-protocol script.
      return db.connection().execute(async (conn) => {
        let rows: unknown[] = [];
        let inTransaction = false;
        try {
          for (const stmt of statements) {
            const result = await conn.executeQuery(CompiledQuery.raw(stmt, []));
            if (/^begin\b/i.test(stmt)) inTransaction = true;
            if (/^(commit|rollback)\b/i.test(stmt)) inTransaction = false;
            rows = [...result.rows];
          }
          return { rows };
        } catch (err) {
          if (inTransaction) await conn.executeQuery(CompiledQuery.raw('ROLLBACK', [])).catch(() => {});
          throw err;
        }
      });
    },
  };
}

export interface JobQueue {
  boss: PgBoss;
  schema: string;
  stop(): Promise<void>;
}

export async function startJobQueue(opts: JobQueueOptions): Promise<JobQueue> {
  const schema = opts.databaseSchema ?? 'pgboss';
  const common = {
    schema,
    // Deadlines are scanned by a self-rescheduling job, so the cron clock is not needed.
    schedule: false,
    supervise: true,
    migrate: true,
  };
  const boss =
    opts.dbKind === 'postgres' && opts.databaseUrl
      ? new PgBoss({ ...common, connectionString: opts.databaseUrl, max: 3, application_name: 'comity-jobs' })
      : new PgBoss({ ...common, db: kyselyPgBossDb(opts.db) as PgBoss.Db });
  boss.on('error', (err: Error) => opts.onError?.(err));
  await boss.start();
  return {
    boss,
    schema,
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
