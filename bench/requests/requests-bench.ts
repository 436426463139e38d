// Requests benchmark (not a test): throughput and p50/p99 latency of "create a request, then
// submit it" (two API calls: an insert with its audit entry, then an audited transition that runs
// the completeness check against the legal-basis engine) under 32 concurrent keep-alive
// connections, next to a plain-INSERT baseline on the same database in the same run; then seconds
// per formal letter of request as PDF (system Chromium) and DOCX.
// Usage: npm run bench:requests   (PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL is set)
// Settings: BENCH_SECONDS (measured seconds, default 5), BENCH_WARMUP (default 1), BENCH_DOCS (default 10).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { exampleRequest } from '@comity/core/requests/examples';
import { type Database, openDatabase } from '@comity/db';
import { type RunningNode, startNode } from '@comity/server';
import { ApiClient, makeUser } from '@comity/server/testing/test-node';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { RequestLoadResult, RequestLoadSpec } from './load-worker.ts';

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const DOCS = Number(process.env.BENCH_DOCS ?? 10);
const PASSWORD = 'benchmark-password-2024';

interface Figures {
  label: string;
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  note: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function figures(label: string, latencies: number[], seconds: number, errors: number, note = ''): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { label, count: sorted.length, perSecond: sorted.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), errors, note };
}

function load(spec: RequestLoadSpec): Promise<RequestLoadResult> {
  return new Promise((resolve, reject) => {
    // Worker threads on Node 20 do not inherit `--import tsx`; the worker registers tsx itself.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(new URL('./load-worker.ts', import.meta.url).href)}); });`;
    const worker = new Worker(boot, { eval: true, workerData: spec });
    worker.once('message', (r: RequestLoadResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
  });
}

async function insertPhase(db: Kysely<Database>, concurrency: number): Promise<Figures> {
  await sql`create table if not exists bench_scratch (id uuid primary key, name text not null, created_at timestamptz not null)`.execute(db);
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
          await sql`insert into bench_scratch (id, name, created_at) values (${randomUUID()}, ${`row ${randomBytes(4).toString('hex')}`}, ${new Date()})`.execute(db);
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

async function documents(node: RunningNode, client: ApiClient, id: string): Promise<Figures[]> {
  const out: Figures[] = [];
  for (const format of ['pdf', 'docx'] as const) {
    const times: number[] = [];
    let errors = 0;
    let first = 0;
    for (let i = 0; i <= DOCS; i++) {
      const lang = (['en', 'ar', 'zh', 'fr', 'ru', 'es'] as const)[i % 6];
      const t0 = performance.now();
      const res = await fetch(`${node.url}/api/v1/requests/${id}/document?format=${format}&lang=${lang}`, { headers: { authorization: `Bearer ${client.bearer}` } });
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (res.status !== 200) errors++;
      // The first PDF starts the browser; it is reported apart.
      if (i === 0) first = ms;
      else times.push(ms);
    }
    const f = figures(`${format.toUpperCase()} letter (6 languages in turn)`, times, 1, errors, `first (cold) ${(first / 1000).toFixed(2)} s`);
    out.push(f);
  }
  return out;
}

async function benchBackend(kind: 'pglite' | 'postgres', databaseUrl?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'comity-bench-req-'));
  const schema = databaseUrl ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  const node = await startNode({ port: 0, host: '127.0.0.1', dataDir, databaseUrl, databaseSchema: schema, log: false, announce: () => {}, webDir: join(dataDir, 'no-web'), loginRateLimit: 1000 });
  try {
    const version = (await sql<{ v: string }>`select version() as v`.execute(node.deps.db)).rows[0]!.v;
    const admin = new ApiClient(node.url);
    await admin.signIn(node.admin!.email, node.admin!.oneTimePassword);
    await admin.call('POST', '/api/v1/account/password', { currentPassword: node.admin!.oneTimePassword, newPassword: PASSWORD }, 204);
    const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
    const exec = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
    const token = await drafter.client.call<{ token: string }>('POST', '/api/v1/account/tokens', { name: 'benchmark' }, 201);
    const { type, ...content } = exampleRequest('mla', 'DEU', exec.organisationId);
    const createBody = JSON.stringify({ type, ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } });

    console.error(`${kind}: measuring (${WARMUP} s warm-up + ${SECONDS} s, ${CONNECTIONS} connections)…`);
    const r = await load({ url: node.url, token: token.body.token, createBody, connections: CONNECTIONS, warmupSeconds: WARMUP, seconds: SECONDS });
    if (r.errors) console.error(`  ${r.errors} errors, first: ${r.firstError}`);
    const pair = figures('create + submit (audited transition)', r.latenciesMs, r.seconds, r.errors);
    let insert: Figures;
    if (databaseUrl) {
      const own = await openDatabase({ databaseUrl, schema, poolSize: CONNECTIONS });
      try {
        insert = await insertPhase(own.db, CONNECTIONS);
      } finally {
        await own.close();
      }
    } else insert = await insertPhase(node.deps.db, 1);
    pair.note = `${(pair.perSecond / insert.perSecond).toFixed(3)}× INSERT rows/s; ${(pair.perSecond * 2).toFixed(0)} API calls/s`;

    const api = new ApiClient(node.url);
    api.bearer = token.body.token;
    const sample = await api.call<{ id: string }>('POST', '/api/v1/requests', JSON.parse(createBody), 201);
    const docs = await documents(node, api, sample.body.id);

    const verified = await admin.call<{ ok: boolean; entries: number }>('GET', '/api/v1/audit/verify', undefined, 200);
    if (!verified.body.ok) throw new Error('audit chain broken after the run');
    return { rows: [insert, pair], docs, version, audit: verified.body.entries };
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

const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const cpu = cpus();
console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`);
console.log(`load average before: ${loadavg()[0]!.toFixed(2)}`);
console.log(`load: ${CONNECTIONS} keep-alive connections from a separate thread, ${WARMUP} s warm-up, ${SECONDS} s measured; ${DOCS} documents per format\n`);
const results = [{ kind: 'pglite', ...(await benchBackend('pglite')) }];
if (databaseUrl) results.push({ kind: 'postgres', ...(await benchBackend('postgres', databaseUrl)) });
console.log(`load average after: ${loadavg()[0]!.toFixed(2)}\n`);
console.log('| backend | phase | per second | p50 ms | p99 ms | errors | note |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  for (const f of r.rows) console.log(`| ${r.kind} | ${f.label} | ${f.perSecond.toFixed(1)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.errors} | ${f.note} |`);
}
console.log('\n| backend | document | seconds per document (p50) | p99 s | errors | note |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  for (const f of r.docs) console.log(`| ${r.kind} | ${f.label} | ${(f.p50 / 1000).toFixed(2)} | ${(f.p99 / 1000).toFixed(2)} | ${f.errors} | ${f.note} |`);
}
for (const r of results) console.log(`\n${r.kind}: ${r.version.split(' on ')[0]}; audit chain verified (${r.audit} entries)`);
