// Every ingested item is time-stamped by a job on a running node, against real local TSAs (openssl
// ts behind HTTP): both configured authorities grant a token that the API shows verified and the
// custody log records; with no authority reachable the item is "timestamp pending", said once in
// the custody log, retried with back-off until the authority comes up; an authority that answers
// with a replayed token is failed with its reason; another organisation gets 404.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Role } from '@comity/core';
import { verifyCustodyChain } from '@comity/core/evidence/custody';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import type { Actor } from '../../deps.ts';
import { type LocalTsa, makeTestPki, startLocalTsa, type TestPki, unreachableUrl } from '../../testing/local-tsa.ts';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode, type TestNode } from '../../testing/test-node.ts';
import { evidenceOf } from '../evidence-capability.ts';
import { type EvidenceDeps, ingestEvidence, listCustody } from '../evidence-service.ts';
import { pemCertificates, verifyTimestampToken } from './tsp.ts';

type User = Awaited<ReturnType<typeof makeUser>>;
type TimestampList = {
  summary: string;
  timestamps: { tsaUrl: string; status: string; attempts: number; genTime: string | null; serial: string | null; errorReason: string | null; error: string | null; nextAttemptAt: string | null; verified: { ok: boolean; reason?: string } | null; token: string | null; signer: string | null }[];
};

function actorOf(u: User, role: Role): Actor {
  return { userId: u.userId, email: u.email, role, organisationId: u.organisationId, mustChangePassword: false, via: 'session' };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, seconds = 30): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Runs `fn` with the node's time-stamp settings in the environment (read when the node starts). */
async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
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

describe('time-stamping of evidence items', () => {
  let pki: TestPki;
  before(async () => {
    pki = await makeTestPki();
  });
  after(() => pki?.close());

  for (const backend of testBackends()) {
    describe(`on ${backend.name}`, () => {
      const nodes: TestNode[] = [];
      const tsas: LocalTsa[] = [];
      after(async () => {
        for (const n of nodes) await n.close();
        for (const x of tsas) await x.close();
      });

      async function nodeWith(urls: string[]) {
        const t = await withEnv({ COMITY_TSA_URLS: urls.join(','), COMITY_TSA_ROOTS: pki.rootPem, COMITY_TSA_RETRY_SECONDS: '1', COMITY_TSA_SCAN_SECONDS: '1', COMITY_TSA_TIMEOUT_SECONDS: '5' }, () =>
          startTestNode(backend, { loginRateLimit: 1000 }),
        );
        nodes.push(t);
        const admin = new ApiClient(t.url);
        await admin.signIn(t.admin.email, ADMIN_PASSWORD);
        const investigator = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Office anti-cybercriminalité' });
        const outsider = await makeUser(admin, { role: 'practitioner', country: 'BEL', orgName: 'Police fédérale' });
        const { type: _t, ...content } = exampleRequest('mla', 'DEU');
        const created = await investigator.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
        const ev = evidenceOf(t.node.deps) as EvidenceDeps;
        assert.ok(ev);
        const ingest = async (title: string) => {
          const bytes = randomBytes(4096);
          const item = await ingestEvidence(ev, { actor: actorOf(investigator, 'practitioner'), requestId: null }, { owner: { requestId: created.body.id }, title, source: { kind: 'uploaded' }, body: Readable.from([bytes]) });
          assert.equal(item.sha256, createHash('sha256').update(bytes).digest('hex'));
          return item;
        };
        const timestamps = async (itemId: string, who = investigator) => (await who.client.call<TimestampList>('GET', `/api/v1/evidence/${itemId}/timestamps`, undefined, 200)).body;
        return { t, ev, investigator, outsider, ingest, timestamps };
      }

      test('each configured TSA grants a token: verified in the API, recorded in the custody log', async () => {
        const a = await startLocalTsa(pki, pki.tsa);
        const b = await startLocalTsa(pki, pki.tsa2);
        tsas.push(a, b);
        const n = await nodeWith([a.url, b.url]);
        const item = await n.ingest('Chat export, phone A');
        // Ingest returned before any authority was asked: the job does it.
        const list = await until('two granted time-stamps', async () => {
          const l = await n.timestamps(item.id);
          return l.timestamps.length === 2 && l.timestamps.every((x) => x.status === 'granted') && l;
        });
        assert.equal(list.summary, 'granted');
        assert.deepEqual(list.timestamps.map((x) => x.tsaUrl).sort(), [a.url, b.url].sort());
        for (const x of list.timestamps) {
          assert.deepEqual(x.verified, { ok: true });
          assert.ok(x.genTime && Math.abs(Date.parse(x.genTime) - Date.now()) < 120_000);
          assert.ok(x.serial);
          // The stored token checks offline on its own, with the item's hash and the root only.
          const token = new Uint8Array(Buffer.from(x.token as string, 'base64'));
          assert.equal((await verifyTimestampToken(token, { sha256Hex: item.sha256, roots: pemCertificates(pki.rootPem) })).ok, true);
        }
        assert.match(list.timestamps.find((x) => x.tsaUrl === b.url)?.signer ?? '', /Second TSA/);
        const custody = await listCustody(n.t.node.deps.db, item.id);
        const stamped = custody.filter((e) => e.kind === 'timestamped');
        assert.deepEqual(stamped.map((e) => e.details.tsaUrl).sort(), [a.url, b.url].sort());
        assert.equal(custody.filter((e) => e.kind === 'timestamp-pending').length, 0);
        const deps = n.t.node.deps;
        const row = await deps.db.selectFrom('evidence_items').select(['timestamp_state', 'custody_seq', 'custody_head']).where('id', '=', item.id).executeTakeFirstOrThrow();
        const chain = verifyCustodyChain(deps.hasher, (k) => (k === deps.signer.keyId ? (text, sig) => deps.verifier.verify(text, sig) : null), item.id, custody, { seq: row.custody_seq, hash: row.custody_head });
        assert.deepEqual(chain.problems, []);
        assert.equal(row.timestamp_state, 'stamped');
        // Audited, by the job.
        const audits = await n.t.node.deps.db.selectFrom('audit_entries').select(['action', 'request_id']).where('target', '=', `evidence:${item.id}`).where('action', '=', 'evidence.timestamp').execute();
        assert.equal(audits.length, 2);
        assert.ok(audits.every((x) => x.request_id === 'job:timestamps'));
        // Another organisation's item answers 404, as the item itself does.
        const outsider = await n.outsider.client.call('GET', `/api/v1/evidence/${item.id}/timestamps`, undefined);
        assert.equal(outsider.status, 404);
      });

      test('no TSA reachable: "timestamp pending", said once in custody, retried with back-off until the TSA answers', async () => {
        const url = await unreachableUrl();
        const n = await nodeWith([url]);
        const item = await n.ingest('Seized ledger, photo 3');
        const pending = await until('two failed attempts', async () => {
          const l = await n.timestamps(item.id);
          return (l.timestamps[0]?.attempts ?? 0) >= 2 && l;
        });
        assert.equal(pending.summary, 'pending');
        const p = pending.timestamps[0];
        assert.equal(p?.status, 'pending');
        assert.equal(p?.errorReason, 'unavailable');
        assert.match(p?.error ?? '', /could not be reached/);
        assert.ok(p?.nextAttemptAt && Date.parse(p.nextAttemptAt) > Date.now() - 1000);
        const custodyPending = (await listCustody(n.t.node.deps.db, item.id)).filter((e) => e.kind === 'timestamp-pending');
        assert.equal(custodyPending.length, 1, 'the custody log says it once, not at every retry');
        assert.equal(custodyPending[0]?.details.tsaUrl, url);
        const state = await n.t.node.deps.db.selectFrom('evidence_items').select('timestamp_state').where('id', '=', item.id).executeTakeFirstOrThrow();
        assert.equal(state.timestamp_state, 'pending');

        // The authority comes up on that address: the next retry gets the token.
        const port = Number(new URL(url).port);
        const tsa = await startLocalTsa(pki, pki.tsa, 'ok', port);
        tsas.push(tsa);
        const granted = await until('the retried time-stamp', async () => {
          const l = await n.timestamps(item.id);
          return l.summary === 'granted' && l;
        });
        assert.deepEqual(granted.timestamps[0]?.verified, { ok: true });
        assert.ok((granted.timestamps[0]?.attempts ?? 0) >= 3);
        const kinds = (await listCustody(n.t.node.deps.db, item.id)).map((e) => e.kind);
        assert.deepEqual(
          kinds.filter((k) => k.startsWith('timestamp')),
          ['timestamp-pending', 'timestamped'],
        );
      });

      test('a TSA that answers with a token for another nonce is failed with that reason, not retried', async () => {
        const bad = await startLocalTsa(pki, pki.tsa, 'wrong-nonce');
        tsas.push(bad);
        const n = await nodeWith([bad.url]);
        const item = await n.ingest('Bank statement');
        const failed = await until('the failed time-stamp', async () => {
          const l = await n.timestamps(item.id);
          return l.summary === 'failed' && l;
        });
        const f = failed.timestamps[0];
        assert.equal(f?.errorReason, 'nonce_mismatch');
        assert.equal(f?.token, null);
        const asked = bad.queries.length;
        await new Promise((r) => setTimeout(r, 2500));
        assert.equal(bad.queries.length, asked, 'a failed row is not asked again');
        const custody = (await listCustody(n.t.node.deps.db, item.id)).filter((e) => e.kind.startsWith('timestamp'));
        assert.deepEqual(
          custody.map((e) => [e.kind, e.details.reason]),
          [['timestamp-failed', 'nonce_mismatch']],
        );
      });
    });
  }
});
