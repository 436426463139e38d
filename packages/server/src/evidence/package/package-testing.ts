// Test fixture for court packages: a real node whose items are time-stamped by a real local TSA
// (openssl ts behind HTTP, the tsa capability's fixture), users, a request with evidence, and a
// package downloaded over HTTP as a user would.
import { Readable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import type { Role } from '@comity/core';
import { exampleRequest } from '@comity/core/requests/examples';
import type { TestBackend } from '@comity/db/testing';
import type { Actor } from '../../deps.ts';
import { type LocalTsa, type TestPki, makeTestPki, startLocalTsa } from '../../testing/local-tsa.ts';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode, type TestNode } from '../../testing/test-node.ts';
import { evidenceOf } from '../evidence-capability.ts';
import { type EvidenceItemRow, ingestEvidence } from '../evidence-service.ts';

/** A real PNG (a 64×48 gradient), made here so the test needs no image file. */
export function testPng(seed = 0): Buffer {
  const w = 64;
  const h = 48;
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(h * (1 + w * 3));
  for (let y = 0; y < h; y++) {
    raw[y * (1 + w * 3)] = 0;
    for (let x = 0; x < w; x++) raw.set([(x * 4 + seed) & 0xff, (y * 5) & 0xff, 128], y * (1 + w * 3) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export type TestUser = Awaited<ReturnType<typeof makeUser>>;

export const REPO_ROOT = new URL('../../../../../', import.meta.url).pathname;

export function actorOf(u: TestUser, role: Role): Actor {
  return { userId: u.userId, email: u.email, role, organisationId: u.organisationId, mustChangePassword: false, via: 'session' };
}

/** Runs `fn` with these variables in the environment (the node reads them when it starts). */
export async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, seconds = 60): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface PackageNode {
  t: TestNode;
  pki: TestPki;
  tsa: LocalTsa;
  admin: ApiClient;
  drafter: TestUser;
  requestId: string;
  /** Ingests a file into the request as the drafter and waits until the TSA's token is granted. */
  addItem(title: string, body: Buffer, filename: string, opts?: { marking?: unknown }): Promise<EvidenceItemRow>;
  close(): Promise<void>;
}

export async function startPackageNode(backend: TestBackend, overrides: { dataDir?: string } = {}): Promise<PackageNode> {
  const pki = await makeTestPki();
  const tsa = await startLocalTsa(pki);
  const t = await withEnv({ COMITY_TSA_URLS: tsa.url, COMITY_TSA_ROOTS: pki.rootPem, COMITY_TSA_RETRY_SECONDS: '1', COMITY_TSA_SCAN_SECONDS: '1', COMITY_TSA_TIMEOUT_SECONDS: '10' }, () =>
    startTestNode(backend, { loginRateLimit: 1000, ...overrides }),
  );
  const admin = new ApiClient(t.url);
  await admin.signIn(t.admin.email, ADMIN_PASSWORD);
  const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const requested = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
  const { type: _t, ...content } = exampleRequest('mla', 'DEU', requested.organisationId);
  const requestId = (await drafter.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content }, 201)).body.id;
  const edeps = evidenceOf(t.node.deps);
  if (!edeps) throw new Error('the evidence capability is not loaded');
  return {
    t,
    pki,
    tsa,
    admin,
    drafter,
    requestId,
    async addItem(title, body, filename, opts = {}) {
      const item = await ingestEvidence(
        edeps,
        { actor: actorOf(drafter, 'practitioner'), requestId: 'test' },
        { owner: { requestId }, title, source: { kind: 'uploaded' }, filename, body: Readable.from([body]), ...(opts.marking ? { marking: opts.marking as never } : {}) },
      );
      await until(`a token for ${title}`, async () => {
        const row = await t.node.deps.db.selectFrom('evidence_timestamps').select('status').where('item_id', '=', item.id).executeTakeFirst();
        return row?.status === 'granted';
      });
      return item;
    },
    async close() {
      await t.close();
      await tsa.close();
      await pki.close();
    },
  };
}

/** Downloads a package over HTTP as `client`; throws with the problem document unless 200. */
export async function downloadPackage(t: TestNode, client: ApiClient, kind: string, id: string): Promise<{ zip: Buffer; headers: Headers }> {
  const res = await fetch(`${t.url}/api/v1/evidence/packages/${kind}/${id}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
  if (res.status !== 200) throw new Error(`package: ${res.status} ${await res.text()}`);
  return { zip: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

export interface TestPackage {
  zip: Buffer;
  itemId: string;
  contentPath: string;
  contentSha256: string;
  custodyPath: string;
  tokenPath: string;
  close(): Promise<void>;
}

/** A real package of a request with one stamped picture (and a second text item). */
export async function buildPackageForTest(backend: TestBackend): Promise<TestPackage> {
  const n = await startPackageNode(backend);
  try {
    const item = await n.addItem('Screenshot of the seller page', testPng(), 'seller.png');
    await n.addItem('Chat export', Buffer.from('2026-03-01 10:02 alice: the shipment leaves Thursday\n'.repeat(50)), 'chat.txt');
    const { zip } = await downloadPackage(n.t, n.drafter.client, 'request', n.requestId);
    return {
      zip,
      itemId: item.id,
      contentPath: `items/${item.id}/seller.png`,
      contentSha256: item.sha256,
      custodyPath: `items/${item.id}/custody.json`,
      tokenPath: `items/${item.id}/timestamp-1.tsr`,
      close: () => n.close(),
    };
  } catch (err) {
    await n.close();
    throw err;
  }
}
