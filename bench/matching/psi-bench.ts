// bench/matching, PSI scale (issue 13 part 3, "Benchmarks"): a DH-PSI of N against N exact identifiers
// between two nodes A (querier) and B (answerer) with a planted overlap, exchanged as the real `hits.*`
// payloads of protocol §8.3 (interop/federation/README.md) through real envelopes (X25519 + HKDF +
// AES-256-GCM sealing, Ed25519 signature; opened, verified and zod-checked by the receiver), in pages
// of at most 20,000 elements (MAX_HIT_ITEMS): the query in ⌈N/20,000⌉ pages under one scalar a, the
// answer in as many pages (each the re-blinded query page and one page of B's offered set, shuffled once,
// under one scalar b), the matches in pages. Suite curve25519-ell2-x25519-v1 (psi.ts): each identifier
// is hashed to curve25519 once (RFC 9380 Elligator 2, bigint JS) and raised by Node's native X25519
// ladder: 2N hashes and 4N X25519 in all. Beside it, in the same run, a baseline: the same identifiers
// hashed with plain SHA-256 and matched in the clear over the same envelopes. In one process, one
// thread, the two sides one after the other (CPU charged to the side that does the work); no database
// (the node's hit_queries/hits rows and audit entries are not counted).
//
//   BENCH_PSI_N=20000 [BENCH_PSI_OVERLAP=2000] node --import tsx bench/matching/psi-bench.ts
import { createHash, createPublicKey, diffieHellman, generateKeyPairSync, randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type Envelope, type EnvelopeHeader, buildEnvelope, envelopeAad, envelopeSigningText, uuidv7 } from '@comity/core/federation/index';
import { HitsAnswerPayload, HitsMatchedPayload, HitsQueryPayload, MAX_HIT_ITEMS, MAX_HIT_PAGES, PSI_SUITES } from '@comity/contract/hits';
import { ed25519SignerFor, openSealedPayload, rawPublicKey, verifyWithRawKey, x25519Sealer } from '@comity/server/federation/envelope-crypto';
import { blindIdentifiers, hashToGroup, intersect, randomScalar, reblind, shuffledIndices } from '@comity/server/hits/psi';

const N = Number(process.env.BENCH_PSI_N ?? 20_000);
const OVERLAP = Number(process.env.BENCH_PSI_OVERLAP ?? Math.round(N / 10));
const CHUNK = Number(process.env.BENCH_PSI_CHUNK ?? MAX_HIT_ITEMS);
if (!(N >= 1 && OVERLAP >= 0 && OVERLAP <= N && CHUNK >= 1 && CHUNK <= MAX_HIT_ITEMS && N <= CHUNK * MAX_HIT_PAGES)) throw new Error('BENCH_PSI_N ≥ 1, 0 ≤ BENCH_PSI_OVERLAP ≤ N, 1 ≤ BENCH_PSI_CHUNK ≤ 20000, N ≤ CHUNK × 100');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`bench/matching PSI — node ${process.version}, N = ${N.toLocaleString('en')} × ${N.toLocaleString('en')}, planted overlap ${OVERLAP.toLocaleString('en')}, chunk ${CHUNK.toLocaleString('en')}; load average at start: ${load()}`);

// ---- the two nodes and their identifiers --------------------------------------------------------------
interface Node {
  id: string;
  signing: ReturnType<typeof generateKeyPairSync>['privateKey'];
  encryption: ReturnType<typeof generateKeyPairSync>['privateKey'];
  signingRaw: string;
  encryptionRaw: string;
  cpuMs: number;
}
function node(id: string): Node {
  const signing = generateKeyPairSync('ed25519').privateKey;
  const encryption = generateKeyPairSync('x25519').privateKey;
  return { id, signing, encryption, signingRaw: rawPublicKey(signing), encryptionRaw: rawPublicKey(encryption), cpuMs: 0 };
}
const A = node('node-a.bench.example');
const B = node('node-b.bench.example');

// Normalised, prefixed identifiers as the service builds them (E.164 phones, IBAN-like, IMO-like);
// A's last OVERLAP are B's first OVERLAP (B's set is shuffled anyway before it is offered).
const kinds = [(i: number) => `phone:+4915${String(i).padStart(9, '0')}`, (i: number) => `iban:XX00BENCH${String(i).padStart(12, '0')}`, (i: number) => `wallet:0x${i.toString(16).padStart(40, '0')}`];
const ident = (i: number) => (kinds[i % kinds.length] as (i: number) => string)(i);
const aIds = Array.from({ length: N }, (_, i) => ident(i));
const bIds = Array.from({ length: N }, (_, i) => ident(i + N - OVERLAP));
const planted = new Set(aIds.slice(N - OVERLAP));

/** Runs `f` as `side`: its process CPU time (user + system) is charged to that side. */
function as<T>(side: Node, f: () => T): T {
  const c0 = process.cpuUsage();
  try {
    return f();
  } finally {
    const c = process.cpuUsage(c0);
    side.cpuMs += (c.user + c.system) / 1000;
  }
}

// ---- the wire: sealed, signed envelopes, opened and verified by the receiver ----------------------------
let bytes = 0;
let payloadBytes = 0;
let messages = 0;
let largest = 0;
function send(from: Node, to: Node, type: EnvelopeHeader['type'], conversationId: string, payload: unknown): string {
  const header: EnvelopeHeader = {
    v: 1,
    messageId: uuidv7(Date.now(), randomBytes(10)),
    sender: from.id,
    recipient: to.id,
    type,
    createdAt: new Date().toISOString(),
    inReplyTo: null,
    conversationId,
    marking: 'AMBER',
  };
  const env = as(from, () => buildEnvelope({ sealer: x25519Sealer(), signer: ed25519SignerFor(from.signing) }, { header, payload: payload as never, recipientEncryptionKey: to.encryptionRaw }));
  const wire = as(from, () => JSON.stringify(env));
  bytes += Buffer.byteLength(wire);
  largest = Math.max(largest, Buffer.byteLength(wire));
  payloadBytes += Buffer.byteLength(JSON.stringify(payload));
  messages++;
  return wire;
}
function receive(to: Node, from: Node, wire: string): unknown {
  return as(to, () => {
    const env = JSON.parse(wire) as Envelope;
    if (!verifyWithRawKey(from.signingRaw, envelopeSigningText(env.header, env.encrypted), env.signature.value)) throw new Error('signature');
    return JSON.parse(openSealedPayload(env.encrypted, envelopeAad(env.header), [to.encryption]).toString('utf8'));
  });
}
function resetWire() {
  bytes = 0;
  payloadBytes = 0;
  messages = 0;
  largest = 0;
  A.cpuMs = 0;
  B.cpuMs = 0;
}

const chunks = <T>(xs: T[]): T[][] => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// ---- per-operation rates (for the linear estimate) ------------------------------------------------------
const SAMPLE = Math.min(2000, N);
const cpuS = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
let c0 = process.cpuUsage();
const sampleK = randomScalar();
const hashed = aIds.slice(0, SAMPLE).map((x) => hashToGroup(x));
const hashPerS = SAMPLE / cpuS(c0);
c0 = process.cpuUsage();
for (const u of hashed) diffieHellman({ privateKey: sampleK.key, publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: u.toString('base64url') }, format: 'jwk' }) });
const mulPerS = SAMPLE / cpuS(c0);
console.log(`rates per CPU second (load ${load()}): hash to curve25519 (RFC 9380 ELL2_RO, bigint JS) ${Math.round(hashPerS).toLocaleString('en')}/s, X25519 with a JWK public key (native) ${Math.round(mulPerS).toLocaleString('en')}/s (one core)`);

// ---- PSI over hits.query / hits.answer / hits.matched, in pages ---------------------------------------
resetWire();
const psiT0 = performance.now();
const psiFoundA = new Set<string>();
const psiFoundB = new Set<string>();
const aPages = chunks(aIds);
const queryId = crypto.randomUUID();
const conv = `hits:${queryId}`;
const [suite] = PSI_SUITES;
// A's one scalar for the whole query; B's one scalar for its whole answer, and one random order of its offered set.
const a = as(A, () => randomScalar());
let b: ReturnType<typeof randomScalar> | undefined;
let bOrder: number[] = [];
const doubledA: string[][] = [];
const offeredA: string[][] = [];
let answerPages = 0;
let received = 0;
const deliverAnswer = (page: number, pages: number, doubled: string[], offered: string[]) => {
  const wire = send(B, A, 'hits.answer', conv, { queryId, page, pages, doubled, offered, offeredTotal: bOrder.length });
  const ans = as(A, () => HitsAnswerPayload.parse(receive(A, B, wire)));
  doubledA[ans.page] = ans.doubled;
  offeredA[ans.page] = ans.offered;
  answerPages = ans.pages;
  received++;
};
const offeredPage = (i: number) => as(B, () => blindIdentifiers(bOrder.slice(i * CHUNK, (i + 1) * CHUNK).map((j) => bIds[j] as string), b as NonNullable<typeof b>));
for (const [i, page] of aPages.entries()) {
  // 1. A → B: hits.query page i, H(x)^a.
  const qWire = send(A, B, 'hits.query', conv, { queryId, kind: 'identifiers', suite, page: i, pages: aPages.length, total: aIds.length, items: as(A, () => blindIdentifiers(page, a)) });
  // 2. B → A: hits.answer page i: the page re-blinded, and page i of B's offered set H(y)^b.
  const q = as(B, () => HitsQueryPayload.parse(receive(B, A, qWire)));
  if (q.kind !== 'identifiers') throw new Error('kind');
  if (q.page === 0) {
    b = as(B, () => randomScalar());
    bOrder = as(B, () => shuffledIndices(bIds.length));
  }
  const pages = Math.max(q.pages, Math.ceil(bOrder.length / CHUNK), 1);
  const doubled = as(B, () => reblind(q.items, b as NonNullable<typeof b>, 'items', q.page * CHUNK));
  deliverAnswer(q.page, pages, doubled, offeredPage(q.page));
  if (q.page === q.pages - 1) for (let k = q.pages; k < pages; k++) deliverAnswer(k, pages, [], offeredPage(k));
  if (aPages.length > 1 && (i + 1) % 10 === 0) console.log(`  PSI: query page ${i + 1}/${aPages.length} answered after ${s(performance.now() - psiT0)} (load ${load()})`);
}
if (received !== answerPages) throw new Error('answer pages missing');
// 3. A: every answer page in, raise the offered set to a and compare; hits.matched in pages.
const { pairs } = as(A, () => intersect(doubledA.flat(), offeredA.flat(), a));
const matches = as(A, () =>
  pairs.map(([i, j]) => {
    psiFoundA.add(aIds[i] as string);
    return { index: j, contactReference: randomBytes(16).toString('base64url') };
  }),
);
const mPages = chunks(matches);
for (const [i, page] of (mPages.length ? mPages : [[]]).entries()) {
  const mWire = send(A, B, 'hits.matched', conv, { queryId, page: i, pages: Math.max(mPages.length, 1), matches: page });
  const m = as(B, () => HitsMatchedPayload.parse(receive(B, A, mWire)));
  as(B, () => {
    for (const x of m.matches) psiFoundB.add(bIds[bOrder[x.index] as number] as string);
  });
}
const psi = { wallMs: performance.now() - psiT0, aCpu: A.cpuMs, bCpu: B.cpuMs, bytes, payloadBytes, messages, largest };
const same = (x: Set<string>) => x.size === planted.size && [...x].every((v) => planted.has(v));
if (!same(psiFoundA) || !same(psiFoundB)) throw new Error(`PSI found ${psiFoundA.size} (A) / ${psiFoundB.size} (B), planted ${planted.size}`);

// ---- baseline: SHA-256 of the identifiers, matched in the clear over the same envelopes --------------------
resetWire();
const baseT0 = performance.now();
const baseFoundA = new Set<string>();
const baseFoundB = new Set<string>();
const sha = (x: string) => createHash('sha256').update(x).digest('base64url');
const bIndex = as(B, () => new Map(bIds.map((y, i) => [sha(y), i])));
for (const aChunk of aPages) {
  const queryId = crypto.randomUUID();
  const conv = `hits:${queryId}`;
  const qWire = send(A, B, 'hits.query', conv, { queryId, kind: 'sha256', items: as(A, () => aChunk.map(sha)) });
  const q = receive(B, A, qWire) as { items: string[] };
  const found = as(B, () =>
    q.items.flatMap((h, index) => {
      const j = bIndex.get(h);
      if (j === undefined) return [];
      baseFoundB.add(bIds[j] as string);
      return [{ index, contactReference: randomBytes(16).toString('base64url') }];
    }),
  );
  const mWire = send(B, A, 'hits.matched', conv, { queryId, matches: found });
  const m = receive(A, B, mWire) as { matches: { index: number }[] };
  as(A, () => {
    for (const x of m.matches) baseFoundA.add(aChunk[x.index] as string);
  });
}
const base = { wallMs: performance.now() - baseT0, aCpu: A.cpuMs, bCpu: B.cpuMs, bytes, payloadBytes, messages, largest };
if (!same(baseFoundA) || !same(baseFoundB)) throw new Error('baseline intersection differs from the planted overlap');

// ---- report ---------------------------------------------------------------------------------------------
console.log(`\nmethod | wall | CPU A (querier) | CPU B (answerer) | messages | bytes on the wire (envelopes) | largest envelope | payload JSON | intersection`);
console.log(
  `DH-PSI curve25519 (Elligator 2 + native X25519), hits.* in sealed envelopes, one paged query | ${s(psi.wallMs)} | ${s(psi.aCpu)} | ${s(psi.bCpu)} | ${psi.messages} | ${mb(psi.bytes)} | ${mb(psi.largest)} | ${mb(psi.payloadBytes)} | ${psiFoundA.size} = planted ${planted.size} (both sides)`,
);
console.log(`baseline SHA-256 in the clear, same envelopes | ${s(base.wallMs)} | ${s(base.aCpu)} | ${s(base.bCpu)} | ${base.messages} | ${mb(base.bytes)} | ${mb(base.largest)} | ${mb(base.payloadBytes)} | ${baseFoundA.size} = planted ${planted.size} (both sides)`);
console.log(`ratio PSI / baseline: wall ${(psi.wallMs / base.wallMs).toFixed(1)}×, bytes ${(psi.bytes / base.bytes).toFixed(2)}×`);
// The cost is linear: 2N hashes and 4N X25519 in all; from this run's per-operation rates, and from its CPU per identifier.
const linear = (n: number) => (2 * n) / hashPerS + (4 * n) / mulPerS;
console.log(
  `CPU of both sides for ${N.toLocaleString('en')}: measured ${((psi.aCpu + psi.bCpu) / 1000).toFixed(0)} s, from the per-operation rates ${linear(N).toFixed(0)} s; extrapolated to 1,000,000 × 1,000,000 at this run's CPU per identifier: ${(((psi.aCpu + psi.bCpu) / 1000 / N) * 1e6 / 60).toFixed(1)} min`,
);
console.log(`load average at end: ${load()}`);
