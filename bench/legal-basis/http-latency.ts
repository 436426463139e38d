// Legal-basis benchmark, part 2 (not a test): latency of GET /api/v1/legal-basis under 32
// concurrent keep-alive connections, next to GET /healthz on the same node in the same run.
// A real node (PGlite in a temporary folder, or PostgreSQL when DATABASE_URL is set) serves
// anonymous requests; the load generator runs in a worker thread with a bounded request count.
// Run:  node --import tsx bench/legal-basis/http-latency.ts
// Settings: BENCH_REQUESTS (measured requests per phase, default 20000), BENCH_WARMUP (default 2000).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { COOPERATION_TYPES, OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { startNode } from '@comity/server';
import { legalBasisJsonStats } from '@comity/server/knowledge/legal-basis-json';
import { dropSchema, figures, httpLoad, mainThreadCpuMs, markdownTable } from '../support/load.ts';

const CONNECTIONS = 32;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2_000);

/** A deterministic pseudo-random sequence, so that every run asks the same questions. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function phase(label: string, url: string, paths: string[]) {
  // The node's main thread only (the load generator is another thread): warm-up included, per request.
  const cpu0 = mainThreadCpuMs();
  const r = await httpLoad({ url, headers: {}, connections: CONNECTIONS, steps: [{ method: 'GET', paths, expectStatus: 200 }], timing: { warmupRequests: WARMUP, requests: REQUESTS } });
  if (r.errors) console.error(`${label}: ${r.errors} errors, first: ${r.firstError}`);
  const cpuMsPerRequest = (mainThreadCpuMs() - cpu0) / (WARMUP + REQUESTS);
  const f = figures(label, r);
  return {
    endpoint: label,
    requests: f.count,
    perSecond: Math.round(f.perSecond),
    p50Ms: Number(f.p50.toFixed(2)),
    p99Ms: Number(f.p99.toFixed(2)),
    maxMs: Number(f.max.toFixed(2)),
    errors: r.errors,
    cpuMsPerRequest: Number(cpuMsPerRequest.toFixed(3)),
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'comity-bench-lb-'));
const node = await startNode({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  databaseUrl: process.env.DATABASE_URL || undefined,
  databaseSchema: process.env.DATABASE_URL ? `bench_lb_${process.pid}` : undefined,
  log: false,
  announce: () => {},
  webDir: join(dataDir, 'no-web'),
});
try {
  const countries = (await (await fetch(`${node.url}/api/v1/countries`)).json()) as { items: { code: string }[] };
  const codes = countries.items.map((c) => c.code);
  const random = seeded(20240101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  // 4,000 different questions between random pairs, in a fixed order; the date defaults to today.
  const questions = Array.from({ length: 4_000 }, () => {
    const requesting = pick(codes);
    let requested = pick(codes);
    while (requested === requesting) requested = pick(codes);
    return `/api/v1/legal-basis?requesting=${requesting}&requested=${requested}&type=${pick(COOPERATION_TYPES)}&offence=${pick(OFFENCE_IDS)}`;
  });
  const healthz = await phase('GET /healthz', node.url, ['/healthz']);
  const before = { ...legalBasisJsonStats };
  const legalBasis = await phase('GET /api/v1/legal-basis', node.url, questions);
  // The answer's JSON keeps the JSON of the parts that answers share (legal-basis-json.ts): how
  // often a part's JSON was reused, and how often it was made, in this phase.
  const sharedParts = { reused: legalBasisJsonStats.hits - before.hits, made: legalBasisJsonStats.misses - before.misses };
  const result = {
    connections: CONNECTIONS,
    requestsPerPhase: REQUESTS,
    warmupPerPhase: WARMUP,
    database: node.deps.dbKind,
    phases: [healthz, legalBasis],
    sharedParts,
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, loadAverage1m: Number(loadavg()[0]?.toFixed(2)), node: process.version },
  };
  console.log(JSON.stringify(result, null, 1));
  const head = ['endpoint', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'main-thread CPU ms/req'];
  console.log(`\n${markdownTable(head, result.phases.map((p) => [p.endpoint, p.requests, p.perSecond, p.p50Ms, p.p99Ms, p.maxMs, p.errors, p.cpuMsPerRequest]))}`);
  console.log(`\np99 ratio ${(legalBasis.p99Ms / healthz.p99Ms).toFixed(2)}×, CPU ratio ${(legalBasis.cpuMsPerRequest / healthz.cpuMsPerRequest).toFixed(2)}×; shared parts reused ${sharedParts.reused}, made ${sharedParts.made}; load ${result.machine.loadAverage1m}`);
} finally {
  await node.close();
  rmSync(dataDir, { recursive: true, force: true });
  await dropSchema(process.env.DATABASE_URL || undefined, `bench_lb_${process.pid}`);
}
