// Evidence transfer benchmark (not a test): one item of BENCH_TRANSFER_MIB (default 1024) MiB
// returned by the requested node to the requesting node, two real nodes in this process on
// loopback (PGlite, then PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set), beside OpenSSL
// on the same file in the same run. `openssl enc` refuses AEAD modes (GCM), so the baseline is
// `openssl enc -aes-256-ctr` (AES-GCM's cipher without its GHASH authenticator: faster than GCM,
// so the ratio is conservative) plus `openssl dgst -sha256`, each reading the file once; and
// `openssl speed -evp aes-256-gcm` in memory is reported for what GCM itself costs here.
// Usage: node --import tsx bench/evidence/transfer-bench.ts
// Settings: BENCH_TRANSFER_MIB (default 1024), BENCH_CHUNK_MIB (default 8), BENCH_RUNS (default 2).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import type { Actor } from '@comity/server/deps';
import { type FederatedTestNode, connect, startFederatedNode, waitFor } from '@comity/server/federation/federation-testing';
import { evidenceOf } from '@comity/server/evidence/evidence-capability';
import { ingestEvidence } from '@comity/server/evidence/evidence-service';
import { createReadStream } from 'node:fs';
import { sendEvidence } from '@comity/server/evidence/transfer/transfer-service';
import { makeUser } from '@comity/server/testing/test-node';
import { markdownTable } from '../support/load.ts';

if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_TRANSFER_MIB ?? 1024) * MiB;
const CHUNK = Number(process.env.BENCH_CHUNK_MIB ?? 8) * MiB;
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const mbps = (bytes: number, ms: number) => Number((bytes / 1e6 / (ms / 1000)).toFixed(1));

const work = mkdtempSync(join(tmpdir(), 'comity-transfer-bench-'));
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

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const perGiB = (cpu: number) => (cpu / (SIZE / 2 ** 30)).toFixed(1);

function gcmSpeed(): string {
  const out = execFileSync('openssl', ['speed', '-evp', 'aes-256-gcm', '-bytes', String(CHUNK), '-seconds', '2'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const line = out.split('\n').find((l) => l.startsWith('AES-256-GCM') || l.startsWith('aes-256-gcm'));
  const k = Number(line?.trim().split(/\s+/).at(-1)?.replace(/k$/, ''));
  return Number.isFinite(k) ? `${(k / 1000).toFixed(0)} MB/s` : 'n/a';
}

async function authorityOrg(n: FederatedTestNode): Promise<string> {
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

async function main(): Promise<void> {
  const load0 = loadavg()[0]!.toFixed(1);
  const sha256 = makeFile();
  process.stdout.write(`file: ${SIZE / MiB} MiB, chunks of ${CHUNK / MiB} MiB; ${cpus().length} CPUs (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${load0}\n`);
  const gcm = gcmSpeed();
  for (const backend of testBackends()) {
    // The delivery workers poll at the production default (500 ms), not the tests' 50 ms: idle
    // polling of two nodes sharing this process would otherwise compete with the transfer.
    const fr = await startFederatedNode(backend, { name: 'Ministère de la Justice (France)', country: 'FRA', config: { log: false }, federation: { pollMs: 500 } });
    const de = await startFederatedNode(backend, { name: 'Bundesamt für Justiz (Germany)', country: 'DEU', config: { log: false }, federation: { requestTimeoutMs: 120_000, pollMs: 500 } });
    try {
      await connect([fr, de]);
      const drafter = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: await authorityOrg(fr) });
      const supervisor = await makeUser(fr.adminClient, { role: 'supervisor', organisationId: drafter.organisationId });
      const executor = await makeUser(de.adminClient, { role: 'practitioner', organisationId: await authorityOrg(de) });
      const actor: Actor = { userId: executor.userId, email: executor.email, role: 'practitioner', organisationId: executor.organisationId, mustChangePassword: false, via: 'token' };
      const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'DEU', null);
      const created = await drafter.client.call<{ id: string; conversationId: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, requestedNodeId: de.nodeId, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
      for (const [c, action] of [[drafter, 'submit'], [supervisor, 'approve'], [drafter, 'transmit']] as const) {
        await c.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action, ...(action === 'approve' ? { reason: 'ok' } : {}) }, 200);
      }
      const requestedId = await waitFor('the request in Germany', async () => (await de.node.deps.db.selectFrom('requests').select('id').where('conversation_id', '=', created.body.conversationId).executeTakeFirst())?.id);
      // The item is in Germany's vault, on the request (ingested once, not timed here).
      const item = await ingestEvidence(evidenceOf(de.node.deps)!, { actor, requestId: null }, { owner: { requestId: requestedId }, title: 'Server image', source: { kind: 'uploaded' }, body: createReadStream(file) });
      if (item.sha256 !== sha256) throw new Error('ingest changed the content');
      for (let run = 1; run <= RUNS; run++) {
        const base = opensslBaseline();
        const baseMs = base.enc.ms + base.dgst.ms;
        // France must receive it anew each run: a fresh item, and the content out of its store.
        rmSync(join(fr.node.deps.config.dataDir, 'blobs', sha256.slice(0, 2), sha256), { force: true });
        // What the two idle nodes cost (delivery workers, job queues polling) over 5 s, to tell the
        // transfer's CPU from the background's.
        const idle0 = process.cpuUsage();
        const idleT0 = performance.now();
        await new Promise((r) => setTimeout(r, 5000));
        const idleRate = cpuSeconds(process.cpuUsage(idle0)) / ((performance.now() - idleT0) / 1000);
        const rss0 = process.memoryUsage().rss;
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const { transferId } = await sendEvidence(de.node.deps, { actor, requestId: null }, { requestId: requestedId, itemId: item.id, sentWith: 'execute', chunkSize: CHUNK });
        const tOffer = performance.now();
        let peakRss = rss0;
        await waitFor(
          'the item accepted in France',
          async () => {
            peakRss = Math.max(peakRss, process.memoryUsage().rss);
            const row = await fr.node.deps.db.selectFrom('evidence_transfers').select('state').where('transfer_id', '=', transferId).executeTakeFirst();
            if (row?.state === 'refused') throw new Error('refused');
            return row?.state === 'accepted';
          },
          600_000,
          100,
        );
        const total = performance.now() - t0;
        const cpu = cpuSeconds(process.cpuUsage(cpu0));
        const cpuNet = Math.max(0, cpu - idleRate * (total / 1000));
        const ours = mbps(SIZE, total);
        const baseline = mbps(SIZE, baseMs);
        rows.push(
          { backend: '—', phase: `openssl enc -aes-256-ctr (run ${run})`, seconds: (base.enc.ms / 1000).toFixed(2), mbps: mbps(SIZE, base.enc.ms), ratio: '', note: `file → /dev/null; CPU ${perGiB(base.enc.cpu)} s/GiB` },
          { backend: '—', phase: `openssl dgst -sha256 (run ${run})`, seconds: (base.dgst.ms / 1000).toFixed(2), mbps: mbps(SIZE, base.dgst.ms), ratio: '', note: `CPU ${perGiB(base.dgst.cpu)} s/GiB` },
          {
            backend: '—',
            phase: `baseline: enc + dgst (run ${run})`,
            seconds: (baseMs / 1000).toFixed(2),
            mbps: baseline,
            ratio: '1.00×',
            note: `CPU ${perGiB(base.enc.cpu + base.dgst.cpu)} s/GiB; openssl speed aes-256-gcm: ${gcm}`,
          },
          {
            backend: backend.name,
            phase: `transfer, sender to accepted item (run ${run})`,
            seconds: (total / 1000).toFixed(2),
            mbps: ours,
            ratio: `${(ours / baseline).toFixed(2)}×`,
            note: `CPU (both nodes) ${perGiB(cpu)} s/GiB, ${perGiB(cpuNet)} s/GiB net of idle polling (${idleRate.toFixed(2)} CPU s/s), CPU ratio ${((base.enc.cpu + base.dgst.cpu) / cpu).toFixed(2)}× (net ${cpuNet > 0 ? `${((base.enc.cpu + base.dgst.cpu) / cpuNet).toFixed(2)}×` : 'n/a: idle polling ≥ the total'}); offer (chunk SHA-256s) ${((tOffer - t0) / 1000).toFixed(2)} s; peak RSS ${(peakRss / MiB).toFixed(0)} MiB (start ${(rss0 / MiB).toFixed(0)} MiB)`,
          },
        );
        process.stdout.write(`${backend.name} run ${run}: ${ours} MB/s, baseline ${baseline} MB/s; CPU ${perGiB(cpu)} s/GiB vs ${perGiB(base.enc.cpu + base.dgst.cpu)} s/GiB; load ${loadavg()[0]!.toFixed(1)}\n`);
      }
    } finally {
      await fr.close();
      await de.close();
    }
  }
  process.stdout.write(`\nload average before ${load0}, after ${loadavg()[0]!.toFixed(1)}\n\n`);
  process.stdout.write(
    markdownTable(
      ['backend', 'phase', 's', 'MB/s', 'ratio', 'note'],
      rows.map((r) => [r.backend, r.phase, r.seconds, String(r.mbps), r.ratio, r.note]),
    ),
  );
}

main()
  .catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
