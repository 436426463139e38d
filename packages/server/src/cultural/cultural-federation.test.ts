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
      assert.deepEqual(turnedOn, { nodeId: it.nodeId, publish: true, accept: true, messages: 1, removedRecords: 0 });

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

    test('peers\u2019 records in the investigators\u2019 search, labelled and filterable; the receiving switch removes them and stores no more', async () => {
      const carabiniere = await makeUser(it.adminClient, { role: 'practitioner', orgName: 'Carabinieri TPC', country: 'ITA' });
      const own = (await carabiniere.client.call<Json>('POST', '/api/v1/cultural-property', { ...MASK, reference: 'TPC-2026-1', title: 'Etruscan funerary urn', objectType: 'urn', reportingAuthority: 'Carabinieri TPC', theft: { kind: 'theft', country: 'ITA' } }, 201)).body;
      const greek = (await investigator.client.call<Json>('POST', '/api/v1/cultural-property', { ...MASK, reference: 'HP-2026-9', title: 'Funerary stele with a rider' }, 201)).body;
      const upload = await fetch(`${gr.url}/api/v1/cultural-property/${greek.id}/images`, {
        method: 'POST',
        headers: { 'content-type': 'image/jpeg', cookie: investigator.client.cookie ?? '', 'x-csrf-token': investigator.client.csrf ?? '' },
        body: readFileSync(`${SAMPLES}mask-01.jpg`),
      });
      assert.equal(upload.status, 201);
      await gr.adminClient.call('PUT', `/api/v1/cultural-property/federation/peers/${it.nodeId}`, { publish: true }, 200);
      const search = async (query: string) => (await carabiniere.client.call<Json>('GET', `/api/v1/cultural-property?${query}`, undefined, 200)).body;
      const all = await waitFor('the Greek records in the Italian search', async () => {
        const a = await search('q=funerary');
        return a.items.some((i: Json) => i.id === greek.id) ? a : null;
      });
      // Italy's own record (origin null) and Greece's public ones, each labelled with its origin.
      const mine = all.items.find((i: Json) => i.id === own.id);
      assert.equal(mine.origin, null);
      const theirs = all.items.find((i: Json) => i.id === greek.id);
      assert.deepEqual(theirs.origin, { nodeId: gr.nodeId, authority: 'Hellenic Police (Greece)', country: 'GRC' });
      assert.equal(theirs.marking, 'CLEAR');
      assert.equal(theirs.imageCount, 1);
      assert.equal((await fetch(`${it.url}/api/v1/cultural-property/public/images/${theirs.firstImageId}`)).status, 200);
      // ours / peers'
      assert.deepEqual((await search('q=funerary&origin=ours')).items.map((i: Json) => i.id), [own.id]);
      const peers = (await search('q=funerary&origin=peers')).items;
      assert.ok(peers.length >= 1 && peers.every((i: Json) => i.origin?.nodeId === gr.nodeId));
      assert.ok(peers.some((i: Json) => i.id === greek.id));
      // The other filters apply to the peers' records too.
      assert.equal((await search('q=funerary&origin=peers&country=ITA')).items.length, 0);
      assert.equal((await search('q=funerary&origin=peers&legalStatus=returned')).items.length, 0);
      assert.ok((await search('q=stele&origin=peers&country=GRC&legalStatus=stolen')).items.some((i: Json) => i.id === greek.id));
      // A read-only label: the record itself is not Italy's to open or change.
      assert.equal((await carabiniere.client.call('GET', `/api/v1/cultural-property/${greek.id}`)).status, 404);
      // By photo: the Greek record, nearest first, with its distance.
      const photo = await sharp(`${SAMPLES}mask-01.jpg`).resize(400).jpeg({ quality: 60 }).toBuffer();
      const byPhoto = await fetch(`${it.url}/api/v1/cultural-property/search/image`, {
        method: 'POST',
        headers: { 'content-type': 'image/jpeg', cookie: carabiniere.client.cookie ?? '', 'x-csrf-token': carabiniere.client.csrf ?? '' },
        body: photo,
      });
      assert.equal(byPhoto.status, 200);
      const nearest = ((await byPhoto.json()) as Json).items[0];
      assert.equal(nearest.origin?.nodeId, gr.nodeId);
      assert.ok(nearest.imageDistance <= 10);

      // Only an administrator turns the receiving switch; the listing says what came from the peer.
      assert.equal((await carabiniere.client.call('PUT', `/api/v1/cultural-property/federation/peers/${gr.nodeId}`, { accept: false })).status, 403);
      assert.equal((await it.adminClient.call('PUT', `/api/v1/cultural-property/federation/peers/${gr.nodeId}`, {})).status, 400);
      const before = (await it.adminClient.call<Json>('GET', '/api/v1/cultural-property/federation/peers', undefined, 200)).body.items[0];
      assert.equal(before.accept, true);
      assert.equal(before.publish, false);
      assert.ok(before.receivedRecords >= 2);
      assert.ok(Date.parse(before.lastReceivedAt) > 0);
      const off = (await it.adminClient.call<Json>('PUT', `/api/v1/cultural-property/federation/peers/${gr.nodeId}`, { accept: false }, 200)).body;
      assert.deepEqual(off, { nodeId: gr.nodeId, publish: false, accept: false, messages: 0, removedRecords: before.receivedRecords });
      // Gone from the search, the public check and the thumbnails; Italy's own record stays.
      assert.deepEqual((await search('q=funerary')).items.map((i: Json) => i.id), [own.id]);
      assert.equal((await check(it, { text: { title: 'funerary stele rider' } })).matches.length, 0);
      assert.equal((await fetch(`${it.url}/api/v1/cultural-property/public/images/${theirs.firstImageId}`)).status, 404);
      const audited = await it.node.deps.db.selectFrom('audit_entries').selectAll().where('action', '=', 'cultural.federation.peer').execute();
      assert.equal(audited.length, 1);
      assert.equal(audited[0]?.target, `peer:${gr.nodeId}`);
      const listed = (await it.adminClient.call<Json>('GET', '/api/v1/cultural-property/federation/peers', undefined, 200)).body.items[0];
      assert.deepEqual([listed.accept, listed.receivedRecords, listed.lastReceivedAt], [false, 0, null]);

      // What Greece sends now is acknowledged and not stored (the sender's outbox is not blocked).
      const current = (await investigator.client.call<Json>('GET', `/api/v1/cultural-property/${greek.id}`, undefined, 200)).body;
      await investigator.client.call('PATCH', `/api/v1/cultural-property/${greek.id}`, { version: current.version, legalStatus: 'recovered' }, 200);
      await waitFor('the ignored reception audited', async () => {
        const rows = await it.node.deps.db.selectFrom('audit_entries').select('change').where('action', '=', 'cultural.federation.receive').execute();
        return rows.some((r) => JSON.stringify(r.change).includes('not-accepted'));
      });
      assert.equal((await it.node.deps.db.selectFrom('cultural_federated_records').select('record_id').execute()).length, 0);

      // Accepting again: the next change Greece makes arrives.
      await it.adminClient.call('PUT', `/api/v1/cultural-property/federation/peers/${gr.nodeId}`, { accept: true }, 200);
      const v = (await investigator.client.call<Json>('GET', `/api/v1/cultural-property/${greek.id}`, undefined, 200)).body.version;
      await investigator.client.call('PATCH', `/api/v1/cultural-property/${greek.id}`, { version: v, legalStatus: 'returned' }, 200);
      await waitFor('the returned record on the Italian node', async () => (await search('q=stele&origin=peers&legalStatus=returned')).items.some((i: Json) => i.id === greek.id));
    });
  });
}
