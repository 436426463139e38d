// Requests benchmark (not a test): throughput and p50/p99 latency of "create a request, then
// submit it" (two API calls: an insert with its audit entry, then an audited transition that runs
// the completeness check against the legal-basis engine) under 32 concurrent keep-alive
// connections, next to a plain-INSERT baseline on the same database in the same run; then seconds
// per formal letter of request as PDF (system Chromium) and DOCX.
// Usage: npm run bench:requests   (PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL is set)
// Settings: BENCH_SECONDS (measured seconds, default 5), BENCH_WARMUP (default 1), BENCH_DOCS (default 10).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleRequest } from '@comity/core/requests/examples';
import { type RunningNode, startNode } from '@comity/server';
import { ApiClient, makeUser } from '@comity/server/testing/test-node';
import { sql } from 'kysely';
import { type Figures, dropSchema, figures, httpLoad, insertBaseline, loadAverage, machine, markdownTable } from '../support/load.ts';

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const TIMING = { warmupSeconds: WARMUP, seconds: SECONDS };
const DOCS = Number(process.env.BENCH_DOCS ?? 10);
const PASSWORD = 'benchmark-password-2024';

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
    const f = figures(`${format.toUpperCase()} letter (6 languages in turn)`, { latenciesMs: times, seconds: 1, errors }, `first (cold) ${(first / 1000).toFixed(2)} s`);
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
    // Each of the 32 connections creates a request, then submits it, one pair after the other.
    const r = await httpLoad({
      url: node.url,
      headers: { authorization: `Bearer ${token.body.token}` },
      connections: CONNECTIONS,
      steps: [
        { name: 'create', method: 'POST', paths: ['/api/v1/requests'], body: createBody, expectStatus: 201 },
        { name: 'submit', method: 'POST', paths: ['/api/v1/requests/{id}/transitions'], body: JSON.stringify({ action: 'submit' }), expectStatus: 200 },
      ],
      timing: TIMING,
    });
    if (r.errors) console.error(`  ${r.errors} errors, first: ${r.firstError}`);
    const pair = figures('create + submit (audited transition)', r);
    const insert = await insertBaseline(node.deps.db, { url: databaseUrl, schema }, CONNECTIONS, TIMING);
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
    await dropSchema(databaseUrl, schema);
  }
}

const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
console.log(`machine: ${machine()}`);
console.log(`load average before: ${loadAverage()}`);
console.log(`load: ${CONNECTIONS} keep-alive connections from a separate thread, ${WARMUP} s warm-up, ${SECONDS} s measured; ${DOCS} documents per format\n`);
const results = [{ kind: 'pglite', ...(await benchBackend('pglite')) }];
if (databaseUrl) results.push({ kind: 'postgres', ...(await benchBackend('postgres', databaseUrl)) });
console.log(`load average after: ${loadAverage()}\n`);
console.log(
  markdownTable(
    ['backend', 'phase', 'per second', 'p50 ms', 'p99 ms', 'errors', 'note'],
    results.flatMap((r) => r.rows.map((f) => [r.kind, f.label, f.perSecond.toFixed(1), f.p50.toFixed(1), f.p99.toFixed(1), f.errors, f.note])),
  ),
);
console.log(
  `\n${markdownTable(
    ['backend', 'document', 'seconds per document (p50)', 'p99 s', 'errors', 'note'],
    results.flatMap((r) => r.docs.map((f) => [r.kind, f.label, (f.p50 / 1000).toFixed(2), (f.p99 / 1000).toFixed(2), f.errors, f.note])),
  )}`,
);
for (const r of results) console.log(`\n${r.kind}: ${r.version.split(' on ')[0]}; audit chain verified (${r.audit} entries)`);
