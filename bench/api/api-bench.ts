// API benchmark (not a test): requests per second and p50/p99 latency of an authenticated read and
// an audited write under 32 concurrent keep-alive connections, each next to a baseline from the
// same run — GET /healthz on the same server, and a plain INSERT loop on the same database.
// Usage: npm run bench:api   (PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL is set)
// Settings: BENCH_SECONDS (measured seconds per phase, default 5), BENCH_WARMUP (default 1),
// BENCH_BACKENDS (default pglite,postgres).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateOrganisationBody } from '@comity/contract';
import { type RunningNode, buildApp, startNode } from '@comity/server';
import type { RoutePlugin } from '@comity/server/app';
import { requirePermission } from '@comity/server/auth/authenticate';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiClient } from '@comity/server/testing/test-node';
import { sql } from 'kysely';
import { type Figures, type HttpStep, dropSchema, figures, httpLoad, insertBaseline, loadAverage, machine, mainThreadCpuMs, markdownTable, percentile } from '../support/load.ts';

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const TIMING = { warmupSeconds: WARMUP, seconds: SECONDS };
const PASSWORD = 'benchmark-password-2024';

/** Main-thread CPU ms per request (or row) of each phase, by label. */
const cpuPer = new Map<string, number>();
let measuring = ''; // the backend being measured, the first part of cpuPer's keys

/** Requests the node has answered on a route (any status), from its own metrics. */
function served(node: RunningNode, method: string, route: string): number {
  const prefix = `comity_http_requests_total{method="${method}",route="${route}",`;
  let n = 0;
  for (const line of node.deps.metrics.render().split('\n')) if (line.startsWith(prefix)) n += Number(line.slice(line.lastIndexOf(' ') + 1));
  return n;
}

async function httpPhase(node: RunningNode, label: string, headers: Record<string, string>, step: HttpStep, route = step.paths[0]!): Promise<Figures> {
  // With BENCH_MARKS set, each phase's monotonic start and end (µs, the clock of --cpu-prof's
  // profiles) go to stderr, so a profile can be cut into phases.
  if (process.env.BENCH_MARKS) console.error(`mark start ${label} ${process.hrtime.bigint() / 1000n}`);
  const cpu0 = mainThreadCpuMs();
  const n0 = served(node, step.method, route);
  const r = await httpLoad({ url: node.url, headers, connections: CONNECTIONS, steps: [step], timing: TIMING });
  // Warm-up included on both sides: every request the node answered, and all the CPU it took.
  cpuPer.set(`${measuring}:${label}`, (mainThreadCpuMs() - cpu0) / (served(node, step.method, route) - n0));
  if (process.env.BENCH_MARKS) console.error(`mark end ${label} ${process.hrtime.bigint() / 1000n}`);
  if (r.errors) console.error(`  ${label}: ${r.errors} errors, first: ${r.firstError}`);
  return figures(label, r);
}

/**
 * Two baselines behind the node's own HTTP stack. For reads: one plain `select 1` round trip to the
 * database (no list, no rows to present), so the authenticated read divided by it is what the user
 * list itself costs, and it divided by healthz is the floor any authenticated read meets here.
 * For writes, the second write baseline: a plain INSERT (into the scratch table of the INSERT baseline, no audit
 * entry, no name check) behind the node's own HTTP stack — the app is built by the product's
 * buildApp on the running node's dependencies, so every hook runs as for a real route (security
 * headers, token check, access, text rule, zod body and answer, metrics). It exists only in this
 * process, on its own port; the product has no unaudited route. The audited write divided by it is
 * what the audit trail itself costs.
 */
const benchBaselineRoutes: RoutePlugin = async (app, deps) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/bench-plain-select',
    { config: { permission: 'user:read' }, schema: { hide: true, response: { 200: z.object({ one: z.number() }) } } },
    async (request) => {
      requirePermission(request, 'user:read');
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(deps.db);
      return { one: rows[0]!.one };
    },
  );
  await sql`create table if not exists bench_http_scratch (id uuid primary key, name text not null, country text not null, kind text not null, created_at timestamptz not null)`.execute(deps.db);
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/bench-plain-insert',
    {
      config: { permission: 'organisation:manage' },
      schema: { hide: true, body: CreateOrganisationBody, response: { 201: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }) } },
    },
    async (request, reply) => {
      requirePermission(request, 'organisation:manage');
      const id = randomUUID();
      const at = deps.now();
      await sql`insert into bench_http_scratch (id, name, country, kind, created_at) values (${id}, ${request.body.name.trim()}, ${request.body.country}, ${request.body.kind}, ${at})`.execute(deps.db);
      return reply.code(201).send({ id, name: request.body.name.trim(), createdAt: at.toISOString() });
    },
  );
};

async function benchApp(node: RunningNode): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp(node.deps, [benchBaselineRoutes]);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
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
  measuring = kind;
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
    const health = await httpPhase(node, 'GET /healthz (baseline)', {}, { method: 'GET', paths: ['/healthz'], expectStatus: 200 });
    const read = await httpPhase(node, 'GET /api/v1/users (Bearer)', auth, { method: 'GET', paths: ['/api/v1/users'], expectStatus: 200 });
    const write = await httpPhase(node, 'POST /api/v1/organisations (audited)', auth, {
      method: 'POST',
      paths: ['/api/v1/organisations'],
      body: JSON.stringify({ name: `Bench ${runId} {n}`, country: 'FRA', kind: 'police' }),
      expectStatus: 201,
    });
    const bench = await benchApp(node);
    let httpInsert: Figures;
    let httpSelect: Figures;
    try {
      httpSelect = await httpPhase({ ...node, url: bench.url } as RunningNode, 'GET plain SELECT, same HTTP stack (baseline)', auth, {
        method: 'GET',
        paths: ['/api/v1/bench-plain-select'],
        expectStatus: 200,
      });
      httpInsert = await httpPhase({ ...node, url: bench.url } as RunningNode, 'POST plain INSERT, same HTTP stack (baseline)', auth, {
        method: 'POST',
        paths: ['/api/v1/bench-plain-insert'],
        body: JSON.stringify({ name: `Bench ${runId} plain {n}`, country: 'FRA', kind: 'police' }),
        expectStatus: 201,
      });
    } finally {
      await bench.app.close();
      await sql`drop table if exists bench_http_scratch`.execute(node.deps.db);
    }
    // How long each audited write waited to be in the tree under a signed checkpoint: from the
    // entry's time (written before its commit) to the signing time of the first checkpoint holding it.
    await node.deps.auditSequencer?.flush();
    const rows = await sql<{ at: string; cp_at: string }>`select e.at, (select min(c.at) from audit_checkpoints c where c.size > e.leaf_index) as cp_at
      from audit_entries e where e.action = 'organisation.create' and e.target like 'organisation:%' and e.change->>'name' like ${`Bench ${runId} %`}`.execute(node.deps.db);
    const delays = rows.rows.map((r) => Date.parse(r.cp_at) - Date.parse(r.at)).sort((a, b) => a - b);
    const checkpoints = (await sql<{ n: number }>`select count(*)::int as n from audit_checkpoints`.execute(node.deps.db)).rows[0]!.n;
    const sequencing: Figures = {
      label: 'audit sequencing delay (entry → signed checkpoint)',
      count: delays.length,
      perSecond: Number.NaN,
      p50: percentile(delays, 50),
      p99: percentile(delays, 99),
      max: delays.at(-1) ?? Number.NaN,
      errors: 0,
      note: `${delays.length} entries, ${checkpoints} checkpoints in the whole run`,
    };
    const cpu0 = mainThreadCpuMs();
    const insert = await insertBaseline(node.deps.db, { url: databaseUrl, schema }, CONNECTIONS, TIMING);
    // Rows of the warm-up are not counted; assume it ran at the measured rate.
    cpuPer.set(`${measuring}:${insert.label}`, (mainThreadCpuMs() - cpu0) / (insert.count * ((WARMUP + SECONDS) / SECONDS)));
    const verified = await new ApiClient(node.url).raw('GET', '/api/v1/audit/verify', { headers: auth });
    if (!(verified.body as { ok: boolean }).ok) throw new Error(`audit log broken after the run: ${verified.text}`);
    read.note = `${(read.perSecond / health.perSecond).toFixed(2)}× healthz req/s, ${(read.perSecond / httpSelect.perSecond).toFixed(2)}× HTTP SELECT`;
    httpSelect.note = `${(httpSelect.perSecond / health.perSecond).toFixed(2)}× healthz req/s`;
    write.note = `${(write.perSecond / insert.perSecond).toFixed(2)}× INSERT rows/s, ${(write.perSecond / httpInsert.perSecond).toFixed(2)}× HTTP INSERT`;
    httpInsert.note = `${(httpInsert.perSecond / insert.perSecond).toFixed(2)}× INSERT rows/s`;
    health.note = '';
    return { rows: [health, httpSelect, read, insert, httpInsert, write, sequencing], version };
  } finally {
    await node.close();
    rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(databaseUrl, schema);
  }
}

function table(kind: string, rows: Figures[]): string {
  const head = ['backend', 'phase', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs baseline', 'main-thread CPU ms per req'];
  return markdownTable(
    head,
    rows.map((r) => {
      const cpu = cpuPer.get(`${kind}:${r.label}`);
      return [kind, r.label, Number.isNaN(r.perSecond) ? '' : r.perSecond.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), r.errors, r.note, cpu === undefined ? '' : cpu.toFixed(3)];
    }),
  );
}

const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
console.log(`machine: ${machine()}`);
// Other work on the machine skews every figure; the 1-minute load average says how much there was.
console.log(`load average before: ${loadAverage()}`);
console.log(`load: ${CONNECTIONS} keep-alive connections from a separate thread, ${WARMUP} s warm-up, ${SECONDS} s measured per phase\n`);
const results: { kind: string; rows: Figures[]; version: string }[] = [];
// BENCH_BACKENDS=postgres (or pglite) measures one backend only, e.g. under --cpu-prof.
const backends = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',');
if (backends.includes('pglite')) results.push({ kind: 'pglite', ...(await benchBackend('pglite')) });
if (databaseUrl && backends.includes('postgres')) results.push({ kind: 'postgres', ...(await benchBackend('postgres', databaseUrl)) });
console.log(`load average after: ${loadAverage()}\n`);
for (const r of results) {
  console.log(`${r.kind}: ${r.version.split(' on ')[0]}`);
  console.log(table(r.kind, r.rows));
  console.log('');
}
