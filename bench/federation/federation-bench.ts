// Federation benchmark (not a test): messages per second and p50/p99 end-to-end latency between
// two real nodes on loopback (PGlite, then PostgreSQL when DATABASE_URL or TEST_DATABASE_URL is
// set), next to the raw cost of sign + encrypt + verify + decrypt in one process — the limit — for
// 1 KiB and 1 MiB payloads.
// Usage: node --import tsx bench/federation/federation-bench.ts
// Settings: BENCH_SMALL_N (default 300), BENCH_LARGE_N (default 20), BENCH_LATENCY_SMALL (default 50),
// BENCH_LATENCY_LARGE (default 8), BENCH_CONVERSATIONS (default 16).
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type EnvelopeHeader, buildEnvelope, checkIncomingEnvelope, envelopeAad, uuidv7 } from '@comity/core/federation/index';
import { type TestBackend, testBackends } from '@comity/db/testing';
import { auditedTransaction } from '@comity/server/deps';
import { federationOf } from '@comity/server/federation/capability';
import { ed25519SignerFor, keyId, openSealedPayload, rawPublicKey, verifyWithRawKey, x25519Sealer } from '@comity/server/federation/envelope-crypto';
import { type FederatedTestNode, connect, startFederatedNode } from '@comity/server/federation/federation-testing';
import { enqueuePeerMessage } from '@comity/server/federation/outbox-service';
import { markdownTable, percentile } from '../support/load.ts';

if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;

const KiB = 1024;
const MiB = 1024 * 1024;
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SIZES = [
  { label: '1 KiB', bytes: KiB, n: env('BENCH_SMALL_N', 300), latency: env('BENCH_LATENCY_SMALL', 50), raw: 2000 },
  { label: '1 MiB', bytes: MiB, n: env('BENCH_LARGE_N', 20), latency: env('BENCH_LATENCY_LARGE', 8), raw: 20 },
];
const CONVERSATIONS = env('BENCH_CONVERSATIONS', 16);

const ms = (x: number) => Number(x.toFixed(x < 10 ? 2 : 1));
const text = (bytes: number) => 'Kontoauszug DE89 3704 0044 0532 0130 00 — relevé — 账户 '.repeat(Math.ceil(bytes / 40)).slice(0, bytes);

interface Row {
  backend: string;
  size: string;
  phase: string;
  perSecond: number | null;
  p50: number;
  p99: number;
  note: string;
}
const rows: Row[] = [];

// ---- the limit: the cryptography alone, in this process -------------------------------------------

function rawPhase(fr: FederatedTestNode, de: FederatedTestNode): void {
  const signer = ed25519SignerFor(fr.node.deps.keys.signingPrivate);
  const sealer = x25519Sealer();
  const recipientKey = rawPublicKey(de.node.deps.keys.encryptionPublic);
  const peer = { nodeId: fr.nodeId, status: 'active' as const, signingKey: rawPublicKey(fr.node.deps.keys.signingPublic), signingKeyId: keyId(rawPublicKey(fr.node.deps.keys.signingPublic)), validUntil: '2999-01-01T00:00:00Z' };
  for (const size of SIZES) {
    const payload = { text: text(size.bytes) };
    const seal: number[] = [];
    const open: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < size.raw + Math.ceil(size.raw / 10); i++) {
      const header: EnvelopeHeader = {
        v: 1,
        messageId: uuidv7(Date.now(), randomBytes(10)),
        sender: fr.nodeId,
        recipient: de.nodeId,
        type: 'message.note',
        createdAt: new Date().toISOString(),
        inReplyTo: null,
        conversationId: 'bench',
        marking: 'AMBER',
      };
      const t0 = performance.now();
      const env = buildEnvelope({ sealer, signer }, { header, payload, recipientEncryptionKey: recipientKey });
      const t1 = performance.now();
      checkIncomingEnvelope({ envelope: env, selfNodeId: de.nodeId, peer, verify: verifyWithRawKey, now: new Date(), windowMs: 60_000 });
      JSON.parse(openSealedPayload(env.encrypted, envelopeAad(header), [de.node.deps.keys.encryptionPrivate]).toString('utf8'));
      const t2 = performance.now();
      if (i < Math.ceil(size.raw / 10)) continue; // warm-up
      seal.push(t1 - t0);
      open.push(t2 - t1);
      total.push(t2 - t0);
    }
    for (const [phase, values] of [
      ['sign + encrypt + verify + decrypt (in process)', total],
      ['  of which sign + encrypt', seal],
      ['  of which verify + decrypt', open],
    ] as const) {
      const sorted = [...values].sort((a, b) => a - b);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      rows.push({ backend: '—', size: size.label, phase, perSecond: Math.round(1000 / mean), p50: ms(percentile(sorted, 50)), p99: ms(percentile(sorted, 99)), note: `${values.length} envelopes, one core` });
    }
  }
}

// ---- between two nodes -------------------------------------------------------------------------

async function enqueue(sender: FederatedTestNode, recipient: FederatedTestNode, payloads: { conversationId: string; text: string }[]): Promise<{ ids: string[]; committedAt: number }> {
  const runtime = federationOf(sender.node.deps)!;
  const ids = await auditedTransaction(sender.node.deps, { actor: null, requestId: 'bench' }, async (trx, audit) => {
    const out: string[] = [];
    for (const p of payloads) {
      const row = await enqueuePeerMessage(trx, sender.node.deps.now(), {
        peerNodeId: recipient.nodeId,
        type: 'message.note',
        conversationId: p.conversationId,
        payload: { text: p.text },
        senderOrganisationId: null,
        marking: 'AMBER',
      });
      audit('federation.note.send', `message:${row.message_id}`, { bench: true });
      out.push(row.message_id);
    }
    return out;
  });
  const committedAt = Date.now();
  runtime.wake();
  return { ids, committedAt };
}

async function timesOf(sender: FederatedTestNode, recipient: FederatedTestNode, ids: string[]) {
  const sent = await sender.node.deps.db.selectFrom('outbox').select(['message_id', 'created_at', 'delivered_at', 'state']).where('message_id', 'in', ids).execute();
  const received = await recipient.node.deps.db.selectFrom('federation_inbox').select(['message_id', 'received_at']).where('message_id', 'in', ids).execute();
  const recv = new Map(received.map((r) => [r.message_id, new Date(r.received_at).getTime()]));
  return sent.map((s) => ({
    created: new Date(s.created_at).getTime(),
    delivered: s.delivered_at ? new Date(s.delivered_at).getTime() : Number.NaN,
    received: recv.get(s.message_id) ?? Number.NaN,
    state: s.state,
  }));
}

async function waitDelivered(sender: FederatedTestNode, ids: string[], timeoutMs: number, everyMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const pending = await sender.node.deps.db.selectFrom('outbox').select('message_id').where('message_id', 'in', ids).where('state', '<>', 'delivered').limit(1).execute();
    if (pending.length === 0) return;
    if (Date.now() > until) throw new Error('messages were not delivered in time');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

async function twoNodes(backend: TestBackend): Promise<void> {
  const a = await startFederatedNode(backend, { name: 'Ministère de la Justice (France)', country: 'FRA', federation: { pollMs: 50, concurrency: 8 } });
  const b = await startFederatedNode(backend, { name: 'Bundesamt für Justiz (Germany)', country: 'DEU', federation: { pollMs: 50 } });
  try {
    await connect([a, b]);
    if (backend.name === 'pglite') rawPhase(a, b);
    for (const size of SIZES) {
      const body = text(size.bytes);
      // Throughput: N messages committed at once in C conversations; the worker drains them.
      const conversations = Math.max(1, Math.min(CONVERSATIONS, size.n));
      const batch = Array.from({ length: size.n }, (_, i) => ({ conversationId: `bench-${size.label}-${i % conversations}`, text: body }));
      const { ids, committedAt } = await enqueue(a, b, batch);
      await waitDelivered(a, ids, 600_000, 20);
      const t = await timesOf(a, b, ids);
      const lastDelivered = Math.max(...t.map((x) => x.delivered));
      const lat = t.map((x) => x.received - x.created).sort((x, y) => x - y);
      rows.push({
        backend: backend.name,
        size: size.label,
        phase: `throughput: ${size.n} messages committed at once, ${conversations} conversations`,
        perSecond: Number((size.n / ((lastDelivered - committedAt) / 1000)).toFixed(1)),
        p50: ms(percentile(lat, 50)),
        p99: ms(percentile(lat, 99)),
        note: 'latency here includes waiting in the queue',
      });
      // Latency: one message at a time, the next when the previous one's receipt is back.
      const single: ReturnType<typeof timesOf> extends Promise<infer R> ? R : never = [];
      for (let i = 0; i < size.latency + 2; i++) {
        const one = await enqueue(a, b, [{ conversationId: `latency-${size.label}`, text: body }]);
        await waitDelivered(a, one.ids, 60_000, 1);
        if (i >= 2) single.push(...(await timesOf(a, b, one.ids)));
      }
      const toReceiver = single.map((x) => x.received - x.created).sort((x, y) => x - y);
      const toReceipt = single.map((x) => x.delivered - x.created).sort((x, y) => x - y);
      rows.push({ backend: backend.name, size: size.label, phase: 'latency, one at a time: sender commit → receiver commit', perSecond: null, p50: ms(percentile(toReceiver, 50)), p99: ms(percentile(toReceiver, 99)), note: `${single.length} messages` });
      rows.push({ backend: backend.name, size: size.label, phase: 'latency, one at a time: sender commit → receipt recorded', perSecond: null, p50: ms(percentile(toReceipt, 50)), p99: ms(percentile(toReceipt, 99)), note: `${single.length} messages` });
    }
  } finally {
    await a.close();
    await b.close();
  }
}

const started = loadavg()[0]!;
for (const backend of testBackends()) {
  process.stderr.write(`federation bench on ${backend.name}…\n`);
  await twoNodes(backend);
}
const machine = `${cpus().length} vCPU (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}; load average ${started.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`;
const head = ['backend', 'payload', 'phase', 'messages/s', 'p50 ms', 'p99 ms', 'note'];
process.stdout.write(`${machine}\n\n${markdownTable(head, rows.map((r) => [r.backend, r.size, r.phase, r.perSecond ?? '', r.p50, r.p99, r.note]))}\n`);
