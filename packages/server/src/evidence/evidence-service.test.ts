// The vault's foundation on a running node: an item streamed in is hashed while it arrives, stored
// once by content, typed from its bytes, and starts its custody log (acquired, hashed) signed by
// the node and mirrored in the audit trail; over the limit nothing is kept; another
// organisation's item is a 404.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { type Role, TooLargeError, NotFoundError } from '@comity/core';
import { verifyCustodyChain } from '@comity/core/evidence/custody';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import type { Actor } from '../deps.ts';
import { ADMIN_PASSWORD, ApiClient, makeUser } from '../testing/test-node.ts';
import { type StoreTestNode, startStoreNode, storeMatrix } from '../testing/test-stores.ts';
import { createCase } from '../cases/case-service.ts';
import { evidenceOf } from './evidence-capability.ts';
import { type EvidenceDeps, appendCustody, ingestEvidence, listCustody, readEvidenceItem } from './evidence-service.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

function actorOf(u: User, role: Role): Actor {
  return { userId: u.userId, email: u.email, role, organisationId: u.organisationId, mustChangePassword: false, via: 'session' };
}

/** `chunks` pieces of 1 MiB of pseudo-random bytes, produced one at a time (never all in memory). */
function generated(chunks: number, seed: Buffer): { stream: Readable; sha256: () => string } {
  const h = createHash('sha256');
  let i = 0;
  const stream = new Readable({
    read() {
      if (i === chunks) return this.push(null);
      const chunk = createHash('sha512').update(seed).update(String(i++)).digest();
      const piece = Buffer.alloc(1024 * 1024);
      for (let o = 0; o < piece.length; o += chunk.length) chunk.copy(piece, o);
      h.update(piece);
      this.push(piece);
    },
  });
  return { stream, sha256: () => h.digest('hex') };
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000a49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');

for (const { backend, store } of storeMatrix(testBackends())) {
  describe(`evidence items and custody on ${backend.name}, blobs on ${store.name}`, () => {
    let t: StoreTestNode;
    let ev: EvidenceDeps;
    let investigator: User;
    let outsider: User;
    let requestId: string;

    before(async () => {
      t = await startStoreNode(backend, store, { loginRateLimit: 1000 });
      const admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      investigator = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Office anti-cybercriminalité' });
      outsider = await makeUser(admin, { role: 'practitioner', country: 'BEL', orgName: 'Police fédérale' });
      const { type: _t, ...content } = exampleRequest('mla', 'DEU');
      const created = await investigator.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
      requestId = created.body.id;
      const found = evidenceOf(t.node.deps);
      assert.ok(found, 'the evidence capability is loaded');
      ev = found;
    });
    after(() => t.close());

    test('a streamed file is hashed as it arrives, stored under its SHA-256 and starts a signed custody log', async () => {
      const who = { actor: actorOf(investigator, 'practitioner'), requestId: null };
      const src = generated(5, randomBytes(16));
      let progress = 0;
      const item = await ingestEvidence(ev, who, {
        owner: { requestId },
        title: 'Seized server image (part)',
        source: { kind: 'uploaded' },
        filename: 'image.bin',
        body: src.stream,
        onBytes: (n) => {
          progress = n;
        },
      });
      const expected = src.sha256();
      assert.equal(item.sha256, expected);
      assert.equal(Number(item.size_bytes), 5 * 1024 * 1024);
      assert.equal(progress, 5 * 1024 * 1024);
      assert.equal(item.role, 'original');
      assert.equal(item.captured_by, investigator.userId);
      // The stored bytes are the uploaded ones.
      const stream = await ev.blobs.openRead(item.sha256);
      assert.ok(stream);
      const h = createHash('sha256');
      for await (const c of stream) h.update(c as Buffer);
      assert.equal(h.digest('hex'), expected);

      // A background job adds the item's SHA-512 as a further 'hashed' event, and on a quick machine it
      // may already have run: this test is about what the ingest itself wrote, up to the item's head then.
      const all = await listCustody(t.node.deps.db, item.id);
      const events = all.filter((e) => e.seq <= Number(item.custody_seq));
      assert.deepEqual(
        events.map((e) => e.kind),
        ['acquired', 'hashed'],
      );
      assert.ok(
        all.slice(events.length).every((e) => e.kind === 'hashed' && e.details.algorithm === 'sha-512'),
        `after the ingest, only the background SHA-512 event: ${JSON.stringify(all.slice(events.length))}`,
      );
      assert.equal(events[1]?.details.sha256, expected);
      assert.equal(events[0]?.actorEmail, investigator.email);
      const deps = t.node.deps;
      const check = verifyCustodyChain(deps.hasher, (k) => (k === deps.signer.keyId ? (text, sig) => deps.verifier.verify(text, sig) : null), item.id, events, {
        seq: item.custody_seq,
        hash: item.custody_head,
      });
      assert.deepEqual(check.problems, []);
      const audit = await deps.db.selectFrom('audit_entries').select(['action']).where('target', '=', `evidence:${item.id}`).orderBy('seq').execute();
      assert.deepEqual(
        audit.slice(0, 3).map((a) => a.action),
        ['evidence.add', 'evidence.custody.acquired', 'evidence.custody.hashed'],
      );
      // At most one more entry: the background SHA-512 event's, if it was written by now.
      const rest = audit.slice(3).map((a) => a.action);
      assert.ok(rest.length === 0 || (rest.length === 1 && rest[0] === 'evidence.custody.hashed'), `unexpected audit entries: ${rest.join(', ')}`);
    });

    test('the media type comes from the bytes, not the name or the claim; the same bytes are stored once', async () => {
      const who = { actor: actorOf(investigator, 'practitioner'), requestId: null };
      const a = await ingestEvidence(ev, who, { owner: { requestId }, title: 'Photo', source: { kind: 'uploaded' }, filename: 'notes.txt', mediaTypeHint: 'text/plain', body: Readable.from([PNG]) });
      const b = await ingestEvidence(ev, who, { owner: { requestId }, title: 'Same photo again', source: { kind: 'uploaded' }, filename: 'again.png', body: Readable.from([PNG]) });
      assert.equal(a.media_type, 'image/png');
      assert.equal(a.media_type_hint, 'text/plain');
      assert.notEqual(a.id, b.id);
      assert.equal(a.sha256, b.sha256);
      assert.deepEqual(
        (await t.blobs.contents()).filter((f) => f === a.sha256),
        [a.sha256],
      );
      const html = await ingestEvidence(ev, who, { owner: { requestId }, title: 'Page', source: { kind: 'uploaded' }, filename: 'photo.jpg', body: Readable.from([Buffer.from('<!DOCTYPE html><script>alert(1)</script>')]) });
      assert.equal(html.media_type, 'text/html');
    });

    test('an item over the node limit is refused with nothing left behind', async () => {
      const who = { actor: actorOf(investigator, 'practitioner'), requestId: null };
      const before = await t.node.deps.db.selectFrom('evidence_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const limit = ev.settings.maxBytes;
      ev.settings.maxBytes = 3 * 1024 * 1024;
      try {
        const src = generated(4, randomBytes(16));
        await assert.rejects(
          ingestEvidence(ev, who, { owner: { requestId }, title: 'Too big', source: { kind: 'uploaded' }, body: src.stream }),
          (err: unknown) => err instanceof TooLargeError && err.code === 'evidence_too_large',
        );
      } finally {
        ev.settings.maxBytes = limit;
      }
      const afterCount = await t.node.deps.db.selectFrom('evidence_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(afterCount.n), Number(before.n));
      assert.deepEqual(await t.blobs.temporaries(), []);
    });

    test("another organisation's item is not found, and nobody adds items to another organisation's request", async () => {
      const mine = await ingestEvidence(
        ev,
        { actor: actorOf(investigator, 'practitioner'), requestId: null },
        { owner: { requestId }, title: 'Chat export', source: { kind: 'uploaded' }, body: Readable.from([Buffer.from('hello')]) },
      );
      const theirs = { actor: actorOf(outsider, 'practitioner'), requestId: null };
      await assert.rejects(readEvidenceItem(ev, theirs, mine.id), NotFoundError);
      await assert.rejects(
        ingestEvidence(ev, theirs, { owner: { requestId }, title: 'Planted', source: { kind: 'uploaded' }, body: Readable.from([Buffer.from('x')]) }),
        NotFoundError,
      );
      const own = await readEvidenceItem(ev, { actor: actorOf(investigator, 'practitioner'), requestId: null }, mine.id);
      assert.equal(own.item.id, mine.id);
      // The item takes the request's marking by default, and the request's limitations are its sources.
      const tlp = (await t.node.deps.db.selectFrom('requests').select('marking').where('id', '=', requestId).executeTakeFirstOrThrow()).marking;
      assert.equal((own.item.marking as { tlp: string }).tlp, tlp);
      assert.equal(own.record.sources.length >= 2, true);
    });

    test("a case's items are for its team: a colleague outside the team neither sees nor adds them", async () => {
      const admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      const colleague = await makeUser(admin, { role: 'practitioner', organisationId: investigator.organisationId });
      const lead = { actor: actorOf(investigator, 'practitioner'), requestId: null };
      const c = await createCase(t.node.deps, lead, { title: 'Opération Lagune', marking: 'RED' });
      const item = await ingestEvidence(ev, lead, { owner: { caseId: c.id }, title: 'Ledger scan', source: { kind: 'uploaded' }, body: Readable.from([Buffer.from('ledger')]) });
      assert.equal(item.case_id, c.id);
      assert.equal((item.marking as { tlp: string }).tlp, 'RED');
      const outside = { actor: actorOf(colleague, 'practitioner'), requestId: null };
      await assert.rejects(readEvidenceItem(ev, outside, item.id), NotFoundError);
      await assert.rejects(
        ingestEvidence(ev, outside, { owner: { caseId: c.id }, title: 'Not mine', source: { kind: 'uploaded' }, body: Readable.from([Buffer.from('x')]) }),
        NotFoundError,
      );
      assert.equal((await readEvidenceItem(ev, lead, item.id)).item.title, 'Ledger scan');
    });

    test('later custody events link to the last one, even when appended concurrently', async () => {
      const who = { actor: actorOf(investigator, 'practitioner'), requestId: null };
      const item = await ingestEvidence(ev, who, { owner: { requestId }, title: 'Log', source: { kind: 'uploaded' }, body: Readable.from([Buffer.from('log')]) });
      const deps = t.node.deps;
      await Promise.all(
        [1, 2, 3, 4].map((i) =>
          deps.db.transaction().execute((trx) => appendCustody(trx, ev, item.id, { kind: 'viewed', actorUserId: investigator.userId, details: { n: i } })),
        ),
      );
      const events = await listCustody(deps.db, item.id);
      assert.deepEqual(
        events.map((e) => e.seq),
        [1, 2, 3, 4, 5, 6],
      );
      const head = await deps.db.selectFrom('evidence_items').select(['custody_seq', 'custody_head']).where('id', '=', item.id).executeTakeFirstOrThrow();
      const check = verifyCustodyChain(deps.hasher, (k) => (k === deps.signer.keyId ? (text, sig) => deps.verifier.verify(text, sig) : null), item.id, events, {
        seq: head.custody_seq,
        hash: head.custody_head,
      });
      assert.deepEqual(check.problems, []);
      // Every event is also in the audit trail, and the trail still verifies.
      const viewed = await deps.db.selectFrom('audit_entries').select('action').where('target', '=', `evidence:${item.id}`).where('action', '=', 'evidence.custody.viewed').execute();
      assert.equal(viewed.length, 4);
    });
  });
}
