// API benchmark (not a test): requests per second and p50/p99 latency of an authenticated read and
// an audited write under 32 concurrent keep-alive connections, each next to a baseline from the
// same run — GET /healthz on the same server, and a plain INSERT loop on the same database.
// Usage: npm run bench:api   (PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL is set)
// Settings: BENCH_SECONDS (measured seconds per phase, default 5), BENCH_WARMUP (default 1).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Database, openDatabase } from '@comity/db';
import { type RunningNode, startNode } from '@comity/server';
import { ApiClient } from '@comity/server/testing/test-node';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { LoadResult, LoadSpec } from './load-worker.ts';

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const PASSWORD = 'benchmark-password-2024';

interface Figures {
  label: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  note?: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function figures(label: string, latencies: number[], seconds: number, errors: number, note?: string): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { label, requests: sorted.length, perSecond: sorted.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), errors, ...(note ? { note } : {}) };
}

/** Runs the load generator in its own thread, so it does not share the node's event loop. */
function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // Worker threads on Node 20 do not inherit `--import tsx`; the worker registers tsx itself.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(new URL('./load-worker.ts', import.meta.url).href)}); });`;
    const worker = new Worker(boot, { eval: true, workerData: spec });
    worker.once('message', (r: LoadResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
  });
}

async function httpPhase(label: string, spec: Omit<LoadSpec, 'connections' | 'warmupSeconds' | 'seconds'>): Promise<Figures> {
  const r = await load({ ...spec, connections: CONNECTIONS, warmupSeconds: WARMUP, seconds: SECONDS });
  if (r.errors) console.error(`  ${label}: ${r.errors} errors, first: ${r.firstError}`);
  return figures(label, r.latenciesMs, r.seconds, r.errors);
}

/** Plain single-row INSERTs (autocommit) into a scratch table: `concurrency` loops on `db`. */
async function insertPhase(db: Kysely<Database>, concurrency: number): Promise<Figures> {
  await sql`create table if not exists bench_scratch (id uuid primary key, name text not null, created_at timestamptz not null)`.execute(db);
  const insert = () => sql`insert into bench_scratch (id, name, created_at) values (${randomUUID()}, ${`row ${randomBytes(4).toString('hex')}`}, ${new Date()})`.execute(db);
  const start = performance.now();
  const measureFrom = start + WARMUP * 1000;
  const end = measureFrom + SECONDS * 1000;
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const t0 = performance.now();
        if (t0 >= end) return;
        try {
          await insert();
          if (t0 >= measureFrom) latencies.push(performance.now() - t0);
        } catch {
          if (t0 >= measureFrom) errors++;
        }
      }
    }),
  );
  await sql`drop table bench_scratch`.execute(db);
  return figures('plain INSERT (baseline)', latencies, SECONDS, errors, `${concurrency} concurrent`);
}

/** The bootstrap administrator, signed in, with a personal API token for Bearer requests. */
async function adminToken(node: RunningNode): Promise<string> {
  const c = new ApiClient(node.url);
  await c.signIn(node.admin!.email, node.admin!.oneTimePassword);
  await c.call('POST', '/api/v1/account/password', { currentPassword: node.admin!.oneTimePassword, newPassword: PASSWORD }, 204);
  const token = await c.call<{ token: string }>('POST', '/api/v1/account/tokens', { name: 'benchmark' }, 201);
  // A realistic list to read: a few organisations with users.
  for (let i = 0; i < 5; i++) {
    const org = await c.call<{ id: string }>('POST', '/api/v1/organisations', { name: `Seed authority ${i}`, country: 'FRA', kind: 'police' }, 201);
    for (let j = 0; j < 4; j++) {
      await c.call('POST', '/api/v1/users', { email: `seed-${i}-${j}@example.org`, name: `Seed ${i}.${j}`, role: 'practitioner', organisationId: org.body.id, password: PASSWORD }, 201);
    }
  }
  return token.body.token;
}

async function benchBackend(kind: 'pglite' | 'postgres', databaseUrl?: string): Promise<{ rows: Figures[]; version: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'comity-bench-'));
  const schema = databaseUrl ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  const node = await startNode({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl,
    databaseSchema: schema,
    log: false,
    announce: () => {},
    webDir: join(dataDir, 'no-web'),
  });
  try {
    const version = (await sql<{ v: string }>`select version() as v`.execute(node.deps.db)).rows[0]!.v;
    const token = await adminToken(node);
    const auth = { authorization: `Bearer ${token}` };
    const runId = randomBytes(3).toString('hex');
    console.error(`${kind}: measuring (${WARMUP} s warm-up + ${SECONDS} s per phase, ${CONNECTIONS} connections)…`);
    const health = await httpPhase('GET /healthz (baseline)', { url: node.url, method: 'GET', path: '/healthz', headers: {}, expectStatus: 200 });
    const read = await httpPhase('GET /api/v1/users (Bearer)', { url: node.url, method: 'GET', path: '/api/v1/users', headers: auth, expectStatus: 200 });
    const write = await httpPhase('POST /api/v1/organisations (audited)', {
      url: node.url,
      method: 'POST',
      path: '/api/v1/organisations',
      headers: auth,
      bodyTemplate: JSON.stringify({ name: `Bench ${runId} {n}`, country: 'FRA', kind: 'police' }),
      expectStatus: 201,
    });
    let insert: Figures;
    if (databaseUrl) {
      // Its own pool of 32, so that every loop has a connection, in the node's schema.
      const own = await openDatabase({ databaseUrl, schema, poolSize: CONNECTIONS });
      try {
        insert = await insertPhase(own.db, CONNECTIONS);
      } finally {
        await own.close();
      }
    } else {
      // PGlite is one connection in the node's process: the loop runs serially on that connection.
      insert = await insertPhase(node.deps.db, 1);
    }
    const verified = await new ApiClient(node.url).raw('GET', '/api/v1/audit/verify', { headers: auth });
    if (!(verified.body as { ok: boolean }).ok) throw new Error(`audit chain broken after the run: ${verified.text}`);
    read.note = `${(read.perSecond / health.perSecond).toFixed(2)}× healthz req/s`;
    write.note = `${(write.perSecond / insert.perSecond).toFixed(2)}× INSERT rows/s`;
    health.note = '';
    return { rows: [health, read, insert, write], version };
  } finally {
    await node.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (schema && databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  }
}

function table(kind: string, rows: Figures[]): string {
  const head = ['backend', 'phase', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs baseline'];
  const body = rows.map((r) => [kind, r.label, r.perSecond.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), String(r.errors), r.note ?? '']);
  const lines = [head, head.map(() => '---'), ...body];
  return lines.map((l) => `| ${l.join(' | ')} |`).join('\n');
}

const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const cpu = cpus();
console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`);
// Other work on the machine skews every figure; the 1-minute load average says how much there was.
console.log(`load average before: ${loadavg()[0]!.toFixed(2)}`);
console.log(`load: ${CONNECTIONS} keep-alive connections from a separate thread, ${WARMUP} s warm-up, ${SECONDS} s measured per phase\n`);
const results: { kind: string; rows: Figures[]; version: string }[] = [];
results.push({ kind: 'pglite', ...(await benchBackend('pglite')) });
if (databaseUrl) results.push({ kind: 'postgres', ...(await benchBackend('postgres', databaseUrl)) });
console.log(`load average after: ${loadavg()[0]!.toFixed(2)}\n`);
for (const r of results) {
  console.log(`${r.kind}: ${r.version.split(' on ')[0]}`);
  console.log(table(r.kind, r.rows));
  console.log('');
}
