// Evidence transfer benchmark (not a test): one item of BENCH_TRANSFER_MIB (default 1024) MiB
// returned by the requested node to the requesting node on loopback (PGlite, then PostgreSQL when
// TEST_DATABASE_URL or DATABASE_URL is set), beside OpenSSL on the same file in the same run. Two
// layouts, measured in turn in the same run (BENCH_LAYOUTS, default "shared,separate"): `shared`, both
// nodes in this process (how the bench ran before), and `separate`, each node in a child process of
// its own (this script with `node <backend> <name> <country>`, driven over IPC), as two nodes on one
// machine really run. `openssl enc` refuses AEAD modes (GCM), so the baseline is
// `openssl enc -aes-256-ctr` (AES-GCM's cipher without its GHASH authenticator: faster than GCM,
// so the ratio is conservative) plus `openssl dgst -sha256`, each reading the file once; and
// `openssl speed -evp aes-256-gcm` in memory is reported for what GCM itself costs here.
// Usage: node --import tsx bench/evidence/transfer-bench.ts
// Settings: BENCH_TRANSFER_MIB (default 1024), BENCH_CHUNK_MIB (default 8), BENCH_RUNS (default 2),
// BENCH_LAYOUTS (default shared,separate), BENCH_CPU_PROF (a folder: in the separate layout each
// node writes a CPU profile of each timed transfer there, `<node>-<run>.cpuprofile`).
import { execFileSync, fork, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { exampleRequest } from '@comity/core/requests/examples';
import { type TestBackend, testBackends } from '@comity/db/testing';
import type { Actor } from '@comity/server/deps';
import { type FederatedTestNode, connect, startFederatedNode, waitFor } from '@comity/server/federation/federation-testing';
import { evidenceOf } from '@comity/server/evidence/evidence-capability';
import { ingestEvidence } from '@comity/server/evidence/evidence-service';
import { sendEvidence } from '@comity/server/evidence/transfer/transfer-service';
import { ADMIN_PASSWORD, ApiClient, makeUser } from '@comity/server/testing/test-node';
import { markdownTable } from '../support/load.ts';

if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_TRANSFER_MIB ?? 1024) * MiB;
const CHUNK = Number(process.env.BENCH_CHUNK_MIB ?? 8) * MiB;
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const LAYOUTS = (process.env.BENCH_LAYOUTS ?? 'shared,separate').split(',').map((l) => l.trim()) as Layout[];
const mbps = (bytes: number, ms: number) => Number((bytes / 1e6 / (ms / 1000)).toFixed(1));
type Layout = 'shared' | 'separate';

// The delivery workers poll at the production default (500 ms), not the tests' 50 ms.
const NODE_OPTS = { config: { log: false }, federation: { requestTimeoutMs: 120_000, pollMs: 500 } } as const;

/** What the bench asks of one node, whether it runs in this process or in a child. */
interface BenchNode {
  nodeId: string;
  url: string;
  adminClient: ApiClient;
  requestOf(conversationId: string): Promise<string | undefined>;
  ingest(path: string, requestId: string, actor: Actor): Promise<{ id: string; sha256: string }>;
  send(actor: Actor, requestId: string, itemId: string, chunkSize: number): Promise<{ transferId: string }>;
  transferState(transferId: string): Promise<string | undefined>;
  dropBlob(sha256: string): Promise<void>;
  /** CPU seconds (user + system) and RSS of the process the node runs in. */
  usage(): Promise<{ cpu: number; rss: number }>;
  /** Starts a CPU profile (null), or stops it and writes it to the path given (child nodes only). */
  profile(to: string | null): Promise<void>;
  close(): Promise<void>;
}

/** The operations, on a node in the current process (the child's side of the IPC, and the shared layout). */
function localOps(n: FederatedTestNode) {
  const db = n.node.deps.db;
  return {
    requestOf: async (conversationId: string) => (await db.selectFrom('requests').select('id').where('conversation_id', '=', conversationId).executeTakeFirst())?.id,
    ingest: async (path: string, requestId: string, actor: Actor) => {
      const item = await ingestEvidence(evidenceOf(n.node.deps)!, { actor, requestId: null }, { owner: { requestId }, title: 'Server image', source: { kind: 'uploaded' }, body: createReadStream(path) });
      return { id: item.id, sha256: item.sha256 };
    },
    send: (actor: Actor, requestId: string, itemId: string, chunkSize: number) => sendEvidence(n.node.deps, { actor, requestId: null }, { requestId, itemId, sentWith: 'execute', chunkSize }),
    transferState: async (transferId: string) => (await db.selectFrom('evidence_transfers').select('state').where('transfer_id', '=', transferId).executeTakeFirst())?.state,
    dropBlob: async (sha256: string) => rmSync(join(n.node.deps.config.dataDir, 'blobs', sha256.slice(0, 2), sha256), { force: true }),
    usage: async () => ({ cpu: cpuSeconds(process.cpuUsage()), rss: process.memoryUsage().rss }),
    profile: async (to: string | null) => {
      if (to === null) {
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.start');
        return;
      }
      if (!profiler) return;
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(to, JSON.stringify(profile));
      profiler.disconnect();
      profiler = undefined;
    },
  };
}
let profiler: Session | undefined;

async function inProcess(backend: TestBackend, name: string, country: string): Promise<BenchNode> {
  const n = await startFederatedNode(backend, { name, country, ...NODE_OPTS });
  return { nodeId: n.nodeId, url: n.url, adminClient: n.adminClient, ...localOps(n), profile: async () => {}, close: () => n.close() };
}

/** A node in a child process of its own: this script with `node <backend> <name> <country>`. */
async function inChild(backend: TestBackend, name: string, country: string): Promise<BenchNode> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['node', backend.name, name, country], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  type Ready = { nodeId: string; url: string; adminEmail: string };
  let ready: (v: Ready) => void;
  let failed: (e: Error) => void;
  const started = new Promise<Ready>((res, rej) => {
    ready = res;
    failed = rej;
  });
  child.on('message', (m: { id?: number; ok?: boolean; value?: unknown; error?: string; ready?: Ready }) => {
    if (m.ready) return ready(m.ready);
    const w = waiting.get(m.id!);
    waiting.delete(m.id!);
    if (m.ok) w?.resolve(m.value);
    else w?.reject(new Error(m.error));
  });
  child.on('exit', (code) => {
    failed(new Error(`the ${name} node exited with ${code}`));
    for (const w of waiting.values()) w.reject(new Error(`the ${name} node exited with ${code}`));
  });
  const call = <T>(op: string, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, op, args });
    });
  const { nodeId, url, adminEmail } = await started;
  const adminClient = new ApiClient(url);
  await adminClient.signIn(adminEmail, ADMIN_PASSWORD);
  return {
    nodeId,
    url,
    adminClient,
    requestOf: (c) => call('requestOf', c),
    ingest: (p, r, a) => call('ingest', p, r, a),
    send: (a, r, i, c) => call('send', a, r, i, c),
    transferState: (t) => call('transferState', t),
    dropBlob: (s) => call('dropBlob', s),
    usage: () => call('usage'),
    profile: (to) => call('profile', to),
    close: async () => {
      await call('close');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    },
  };
}

/** The child's side: start the node, answer the parent's calls until `close`. */
async function serveChild(backendName: string, name: string, country: string): Promise<void> {
  const backend = testBackends().find((b) => b.name === backendName);
  if (!backend) throw new Error(`no backend ${backendName}`);
  const n = await startFederatedNode(backend, { name, country, ...NODE_OPTS });
  const ops = localOps(n) as Record<string, (...a: unknown[]) => Promise<unknown>>;
  process.on('message', async (m: { id: number; op: string; args: unknown[] }) => {
    try {
      if (m.op === 'close') {
        await n.close();
        process.send!({ id: m.id, ok: true, value: null }, () => process.disconnect());
        return;
      }
      process.send!({ id: m.id, ok: true, value: (await ops[m.op]!(...m.args)) ?? null });
    } catch (err) {
      process.send!({ id: m.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
  process.send!({ ready: { nodeId: n.nodeId, url: n.url, adminEmail: n.admin.email } });
}

const work = process.argv[2] === 'node' ? '' : mkdtempSync(join(tmpdir(), 'comity-transfer-bench-'));
const file = join(work, 'item.bin');

function makeFile(): string {
  // 16 MiB of random bytes repeated: AES and SHA-256 cost the same on any content.
  const block = randomBytes(16 * MiB);
  const fd = openSync(file, 'w');
  for (let done = 0; done < SIZE; done += block.length) writeSync(fd, block, 0, Math.min(block.length, SIZE - done));
  closeSync(fd);
  const h = createHash('sha256');
  for (let done = 0; done < SIZE; done += block.length) h.update(block.subarray(0, Math.min(block.length, SIZE - done)));
  return h.digest('hex');
}

/** Wall-clock ms and CPU seconds (user + system, from bash's `time`) of one command. */
function timed(cmd: string, args: string[]): { ms: number; cpu: number } {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', 'TIMEFORMAT="%U %S"; time "$@" > /dev/null', 'bash', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr.toString()}`);
  const [user, sys] = r.stderr.toString().trim().split('\n').at(-1)!.split(' ').map(Number);
  return { ms, cpu: (user ?? 0) + (sys ?? 0) };
}

function opensslBaseline(): { enc: { ms: number; cpu: number }; dgst: { ms: number; cpu: number } } {
  const key = randomBytes(32).toString('hex');
  const iv = randomBytes(16).toString('hex');
  const enc = timed('openssl', ['enc', '-aes-256-ctr', '-K', key, '-iv', iv, '-in', file, '-out', '/dev/null']);
  const dgst = timed('openssl', ['dgst', '-sha256', file]);
  return { enc, dgst };
}

function cpuSeconds(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1e6;
}
const perGiB = (cpu: number) => (cpu / (SIZE / 2 ** 30)).toFixed(1);

function gcmSpeed(): string {
  const out = execFileSync('openssl', ['speed', '-evp', 'aes-256-gcm', '-bytes', String(CHUNK), '-seconds', '2'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const line = out.split('\n').find((l) => l.startsWith('AES-256-GCM') || l.startsWith('aes-256-gcm'));
  const k = Number(line?.trim().split(/\s+/).at(-1)?.replace(/k$/, ''));
  return Number.isFinite(k) ? `${(k / 1000).toFixed(0)} MB/s` : 'n/a';
}

async function authorityOrg(n: BenchNode): Promise<string> {
  const orgs = await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  return orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
}

interface Row {
  backend: string;
  phase: string;
  seconds: string;
  mbps: number | string;
  ratio: string;
  note: string;
}
const rows: Row[] = [];

/** Both nodes' CPU seconds and largest RSS (the shared layout counts its one process once). */
async function usageOf(layout: Layout, nodes: BenchNode[]): Promise<{ cpu: number; rss: number }> {
  const all = await Promise.all((layout === 'shared' ? nodes.slice(0, 1) : nodes).map((n) => n.usage()));
  return { cpu: all.reduce((a, u) => a + u.cpu, 0), rss: all.reduce((a, u) => a + u.rss, 0) };
}

async function benchLayout(backend: TestBackend, layout: Layout, sha256: string, gcm: string): Promise<void> {
  const start = layout === 'shared' ? inProcess : inChild;
  const fr = await start(backend, 'Ministère de la Justice (France)', 'FRA');
  const de = await start(backend, 'Bundesamt für Justiz (Germany)', 'DEU');
  try {
    await connect([fr, de] as unknown as FederatedTestNode[]);
    const drafter = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: await authorityOrg(fr) });
    const supervisor = await makeUser(fr.adminClient, { role: 'supervisor', organisationId: drafter.organisationId });
    const executor = await makeUser(de.adminClient, { role: 'practitioner', organisationId: await authorityOrg(de) });
    const actor: Actor = { userId: executor.userId, email: executor.email, role: 'practitioner', organisationId: executor.organisationId, mustChangePassword: false, via: 'token' };
    const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'DEU', null);
    const created = await drafter.client.call<{ id: string; conversationId: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, requestedNodeId: de.nodeId, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
    for (const [c, action] of [[drafter, 'submit'], [supervisor, 'approve'], [drafter, 'transmit']] as const) {
      await c.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action, ...(action === 'approve' ? { reason: 'ok' } : {}) }, 200);
    }
    const requestedId = await waitFor('the request in Germany', () => de.requestOf(created.body.conversationId));
    // The item is in Germany's vault, on the request (ingested once, not timed here).
    const item = await de.ingest(file, requestedId, actor);
    if (item.sha256 !== sha256) throw new Error('ingest changed the content');
    for (let run = 1; run <= RUNS; run++) {
      const base = opensslBaseline();
      const baseMs = base.enc.ms + base.dgst.ms;
      // France must receive it anew each run: a fresh item, and the content out of its store.
      await fr.dropBlob(sha256);
      // What the two idle nodes cost (delivery workers, job queues polling) over 5 s, to tell the
      // transfer's CPU from the background's.
      const idle0 = await usageOf(layout, [fr, de]);
      const idleT0 = performance.now();
      await new Promise((r) => setTimeout(r, 5000));
      const idleRate = ((await usageOf(layout, [fr, de])).cpu - idle0.cpu) / ((performance.now() - idleT0) / 1000);
      const prof = layout === 'separate' ? process.env.BENCH_CPU_PROF : undefined;
      if (prof) await Promise.all([fr.profile(null), de.profile(null)]);
      const u0 = await usageOf(layout, [fr, de]);
      const t0 = performance.now();
      const { transferId } = await de.send(actor, requestedId, item.id, CHUNK);
      const tOffer = performance.now();
      let peakRss = u0.rss;
      let polls = 0;
      await waitFor(
        'the item accepted in France',
        async () => {
          if (++polls % 10 === 0) peakRss = Math.max(peakRss, (await usageOf(layout, [fr, de])).rss);
          const state = await fr.transferState(transferId);
          if (state === 'refused') throw new Error('refused');
          return state === 'accepted';
        },
        900_000,
        100,
      );
      const total = performance.now() - t0;
      const u1 = await usageOf(layout, [fr, de]);
      if (prof) await Promise.all([fr.profile(join(prof, `${backend.name}-receiver-${run}.cpuprofile`)), de.profile(join(prof, `${backend.name}-sender-${run}.cpuprofile`))]);
      const cpu = u1.cpu - u0.cpu;
      const cpuNet = Math.max(0, cpu - idleRate * (total / 1000));
      const ours = mbps(SIZE, total);
      const baseline = mbps(SIZE, baseMs);
      const baseCpu = base.enc.cpu + base.dgst.cpu;
      rows.push(
        { backend: '—', phase: `openssl enc -aes-256-ctr (${layout}, run ${run})`, seconds: (base.enc.ms / 1000).toFixed(2), mbps: mbps(SIZE, base.enc.ms), ratio: '', note: `file → /dev/null; CPU ${perGiB(base.enc.cpu)} s/GiB` },
        { backend: '—', phase: `openssl dgst -sha256 (${layout}, run ${run})`, seconds: (base.dgst.ms / 1000).toFixed(2), mbps: mbps(SIZE, base.dgst.ms), ratio: '', note: `CPU ${perGiB(base.dgst.cpu)} s/GiB` },
        { backend: '—', phase: `baseline: enc + dgst (${layout}, run ${run})`, seconds: (baseMs / 1000).toFixed(2), mbps: baseline, ratio: '1.00×', note: `CPU ${perGiB(baseCpu)} s/GiB; openssl speed aes-256-gcm: ${gcm}` },
        {
          backend: backend.name,
          phase: `transfer, nodes ${layout === 'shared' ? 'in one process' : 'in two processes'} (run ${run})`,
          seconds: (total / 1000).toFixed(2),
          mbps: ours,
          ratio: `${(ours / baseline).toFixed(2)}×`,
          note: `CPU (both nodes) ${perGiB(cpu)} s/GiB, ${perGiB(cpuNet)} s/GiB net of idle polling (${idleRate.toFixed(2)} CPU s/s), CPU ratio ${(baseCpu / cpu).toFixed(2)}×${cpuNet > 0 ? ` (net ${(baseCpu / cpuNet).toFixed(2)}×)` : ''}; offer ${((tOffer - t0) / 1000).toFixed(2)} s; peak RSS ${(peakRss / MiB).toFixed(0)} MiB (start ${(u0.rss / MiB).toFixed(0)} MiB)`,
        },
      );
      process.stdout.write(`${backend.name} ${layout} run ${run}: ${ours} MB/s, baseline ${baseline} MB/s (${(ours / baseline).toFixed(2)}×); CPU ${perGiB(cpu)} s/GiB (net ${perGiB(cpuNet)}) vs ${perGiB(baseCpu)} s/GiB; load ${loadavg()[0]!.toFixed(1)}\n`);
    }
  } finally {
    await fr.close();
    await de.close();
  }
}

async function main(): Promise<void> {
  const load0 = loadavg()[0]!.toFixed(1);
  const sha256 = makeFile();
  process.stdout.write(`file: ${SIZE / MiB} MiB, chunks of ${CHUNK / MiB} MiB; ${cpus().length} CPUs (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${load0}\n`);
  const gcm = gcmSpeed();
  for (const backend of testBackends()) for (const layout of LAYOUTS) await benchLayout(backend, layout, sha256, gcm);
  process.stdout.write(`\nload average before ${load0}, after ${loadavg()[0]!.toFixed(1)}\n\n`);
  process.stdout.write(
    markdownTable(
      ['backend', 'phase', 's', 'MB/s', 'ratio', 'note'],
      rows.map((r) => [r.backend, r.phase, r.seconds, String(r.mbps), r.ratio, r.note]),
    ),
  );
}

if (process.argv[2] === 'node') {
  serveChild(process.argv[3]!, process.argv[4]!, process.argv[5]!).catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
} else {
  main()
    .catch((err) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    })
    .finally(() => rmSync(work, { recursive: true, force: true }));
}
