// Federation of the stolen cultural property registry with two real nodes (each its own database):
// Greece publishes its public records to Italy; a public check on Italy's node finds a Greek record
// by text and by a transformed photo and names the originating node and authority; its receipt
// counts the Greek records and says so; a status change propagates; a re-marked record and a
// publication turned off disappear on the peer; a restricted record never leaves.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { testBackends } from '@comity/db/testing';
import sharp from 'sharp';
import { type FederatedTestNode, connect, startFederatedNode, waitFor } from '../federation/federation-testing.ts';
import { ApiClient, makeUser } from '../testing/test-node.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
const SAMPLES = fileURLToPath(new URL('../../../../data/cultural-property/samples/', import.meta.url));

const MASK = {
  reference: 'HP-2026-7',
  title: 'Funerary mask of painted wood',
  objectType: 'mask',
  objectId: { materials: 'painted wood', distinguishingFeatures: 'crack across the left cheek' },
  theft: { kind: 'theft', country: 'GRC', place: 'Museum of Olympia', date: '2025-10-02' },
  reportingAuthority: 'Hellenic Police, Cultural Heritage Department',
  legalStatus: 'stolen',
  marking: 'CLEAR',
};

for (const backend of testBackends()) {
  describe(`cultural property federation on ${backend.name}`, () => {
    let gr: FederatedTestNode;
    let it: FederatedTestNode;
    let investigator: Awaited<ReturnType<typeof makeUser>>;
    const saved = process.env.COMITY_CULTURAL_CHECK_RATE;

    before(async () => {
      process.env.COMITY_CULTURAL_CHECK_RATE = '1000';
      gr = await startFederatedNode(backend, { name: 'Hellenic Police (Greece)', country: 'GRC' });
      it = await startFederatedNode(backend, { name: 'Carabinieri TPC (Italy)', country: 'ITA' });
      await connect([gr, it]);
      investigator = await makeUser(gr.adminClient, { role: 'practitioner', orgName: 'Hellenic Police', country: 'GRC' });
    });
    after(async () => {
      await gr?.close();
      await it?.close();
      if (saved === undefined) delete process.env.COMITY_CULTURAL_CHECK_RATE;
      else process.env.COMITY_CULTURAL_CHECK_RATE = saved;
    });

    const check = async (node: FederatedTestNode, body: Json) => (await new ApiClient(node.url).call<Json>('POST', '/api/v1/cultural-property/check', body, 200)).body;

    test('a record published by one node is found by a public check on the other, with its origin; updates and withdrawals follow', async () => {
      const record = (await investigator.client.call<Json>('POST', '/api/v1/cultural-property', MASK, 201)).body;
      const upload = await fetch(`${gr.url}/api/v1/cultural-property/${record.id}/images`, {
        method: 'POST',
        headers: { 'content-type': 'image/jpeg', cookie: investigator.client.cookie ?? '', 'x-csrf-token': investigator.client.csrf ?? '' },
        body: readFileSync(`${SAMPLES}mask-01.jpg`),
      });
      assert.equal(upload.status, 201);
      const restricted = (await investigator.client.call<Json>('POST', '/api/v1/cultural-property', { ...MASK, reference: 'HP-2026-8', title: 'Bronze votive helmet', objectType: 'helmet', marking: 'AMBER' }, 201)).body;

      // Nothing goes anywhere until the administrator chooses the peer; only an administrator may.
      assert.equal((await check(it, { text: { title: 'funerary mask' } })).matches.length, 0);
      assert.equal((await investigator.client.call('PUT', `/api/v1/cultural-property/federation/peers/${it.nodeId}`, { publish: true })).status, 403);
      const turnedOn = (await gr.adminClient.call<Json>('PUT', `/api/v1/cultural-property/federation/peers/${it.nodeId}`, { publish: true }, 200)).body;
      assert.deepEqual(turnedOn, { nodeId: it.nodeId, publish: true, messages: 1 });

      // Found on Italy's node by text, naming Greece's node and authority.
      const byText = await waitFor('the Greek record on the Italian node', async () => {
        const a = await check(it, { text: { title: 'funerary mask' } });
        return a.matches.length ? a : null;
      });
      const m = byText.matches[0];
      assert.equal(m.recordId, record.id);
      assert.equal(m.reportingAuthority, MASK.reportingAuthority);
      assert.deepEqual(m.origin, { nodeId: gr.nodeId, authority: 'Hellenic Police (Greece)', country: 'GRC' });
      assert.equal(m.legalStatus, 'stolen');
      // The receipt says what it covered: Italy's public records (none) and the one Greece published.
      assert.deepEqual(byText.receipt.registry.peers, [{ nodeId: gr.nodeId, records: 1 }]);
      assert.equal(byText.receipt.registry.publicRecords, 1);
      assert.deepEqual(byText.receipt.result.matches[0].origin, { nodeId: gr.nodeId, authority: 'Hellenic Police (Greece)' });
      const verified = (await new ApiClient(it.url).call<Json>('POST', '/api/v1/cultural-property/receipts/verify', { receipt: byText.receiptText }, 200)).body;
      assert.equal(verified.ok, true);
      assert.equal(verified.signedByThisNode, true);
      // Its thumbnail is served by Italy's node without sign-in.
      const thumb = await fetch(`${it.url}/api/v1/cultural-property/public/images/${m.imageIds[0]}`);
      assert.equal(thumb.status, 200);
      assert.equal(thumb.headers.get('content-type'), 'image/jpeg');

      // Found by a cropped, recompressed photo too.
      const photo = await sharp(`${SAMPLES}mask-01.jpg`).extract({ left: 0, top: 0, width: 576, height: 432 }).jpeg({ quality: 55 }).toBuffer();
      const byPhoto = await check(it, { image: photo.toString('base64') });
      assert.equal(byPhoto.matches[0]?.recordId, record.id);
      assert.ok(byPhoto.matches[0].imageDistance <= 10);
      // The restricted record never left Greece.
      assert.equal((await check(it, { text: { title: 'bronze votive helmet' } })).matches.length, 0);
      const held = await it.node.deps.db.selectFrom('cultural_federated_records').select('record_id').execute();
      assert.deepEqual(held.map((h) => h.record_id), [record.id]);
      assert.ok(!held.some((h) => h.record_id === restricted.id));

      // A status change propagates.
      const current = (await investigator.client.call<Json>('GET', `/api/v1/cultural-property/${record.id}`, undefined, 200)).body;
      await investigator.client.call('PATCH', `/api/v1/cultural-property/${record.id}`, { version: current.version, legalStatus: 'recovered' }, 200);
      await waitFor('the recovered status on the Italian node', async () => (await check(it, { text: { title: 'funerary mask' } })).matches[0]?.legalStatus === 'recovered');

      // Re-marked AMBER: withdrawn, gone from the peer's checks and thumbnails.
      const v2 = (await investigator.client.call<Json>('GET', `/api/v1/cultural-property/${record.id}`, undefined, 200)).body.version;
      await investigator.client.call('PATCH', `/api/v1/cultural-property/${record.id}`, { version: v2, marking: 'AMBER' }, 200);
      // Once the withdrawal is stored on Italy's node, its very next check leaves the record out
      // (the node's registry index reads the change before answering; nothing to wait for).
      await waitFor('the withdrawal stored on the Italian node', async () => (await it.node.deps.db.selectFrom('cultural_federated_records').select('record_id').execute()).length === 0);
      const gone = await check(it, { text: { title: 'funerary mask' } });
      assert.equal(gone.matches.length, 0);
      assert.equal((await check(it, { image: photo.toString('base64') })).matches.length, 0);
      assert.equal(gone.receipt.registry.publicRecords, 0);
      assert.equal(gone.receipt.registry.peers, undefined);
      assert.equal((await fetch(`${it.url}/api/v1/cultural-property/public/images/${m.imageIds[0]}`)).status, 404);

      // Public again, then the publication to Italy turned off: withdrawn once more.
      const v3 = (await investigator.client.call<Json>('GET', `/api/v1/cultural-property/${record.id}`, undefined, 200)).body.version;
      await investigator.client.call('PATCH', `/api/v1/cultural-property/${record.id}`, { version: v3, marking: 'CLEAR' }, 200);
      await waitFor('the record back on the Italian node', async () => (await check(it, { text: { title: 'funerary mask' } })).matches.length === 1);
      // Greece suspended on Italy's node (here in SQL, as another process would): its records are
      // out of the next check at once, by text and by photo; active again, they are back.
      await it.node.deps.db.updateTable('federation_peers').set({ status: 'suspended' }).where('node_id', '=', gr.nodeId).execute();
      const suspended = await check(it, { text: { title: 'funerary mask' } });
      assert.equal(suspended.matches.length, 0);
      assert.equal(suspended.receipt.registry.publicRecords, 0);
      assert.equal((await check(it, { image: photo.toString('base64') })).matches.length, 0);
      await it.node.deps.db.updateTable('federation_peers').set({ status: 'active' }).where('node_id', '=', gr.nodeId).execute();
      assert.equal((await check(it, { text: { title: 'funerary mask' } })).matches.length, 1);
      const listed = (await gr.adminClient.call<Json>('GET', '/api/v1/cultural-property/federation/peers', undefined, 200)).body.items;
      assert.deepEqual(
        listed.map((p: Json) => [p.nodeId, p.publish, p.publishedRecords]),
        [[it.nodeId, true, 1]],
      );
      await gr.adminClient.call('PUT', `/api/v1/cultural-property/federation/peers/${it.nodeId}`, { publish: false }, 200);
      await waitFor('the withdrawal after the publication was turned off', async () => (await check(it, { text: { title: 'funerary mask' } })).matches.length === 0);

      // Every step is in the audit trail of both nodes: four sends (published, recovered, withdrawn,
      // published again; turning the peer off is audited as one peer change) and five receptions.
      const sent = await gr.node.deps.db.selectFrom('audit_entries').select('action').where('action', '=', 'cultural.federation.send').execute();
      assert.equal(sent.length, 4, `${sent.length} sends audited`);
      const received = await it.node.deps.db.selectFrom('audit_entries').select('action').where('action', '=', 'cultural.federation.receive').execute();
      assert.equal(received.length, 5, `${received.length} receptions audited`);
    });
  });
}
