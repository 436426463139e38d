// Hit/no-hit between two nodes that hold overlapping persons (phones), accounts (IBANs) and vessels
// (IMO numbers), and people with names in two scripts and dates of birth: after "check with peers" both nodes hold exactly the overlap as hits, with the same
// contact references; a RED case is not offered; no identifier, name or case reference crosses in any
// envelope payload before its owner consents; the reveal reaches the peer only after it, a decline
// says nothing more; everything is audited on both sides; a peer's malformed encodings are refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { type FederatedTestNode, connect, craftEnvelope, startFederatedNode, waitFor } from '../federation/federation-testing.ts';
import { makeUser } from '../testing/test-node.ts';
import { MAX_HIT_ITEMS, PSI_SUITES } from '@comity/contract/hits';
import { findPeer } from '@comity/db/repos/federation-repo';
import { blindIdentifiers, randomScalar, scalarToHex } from './psi.ts';
import { encodePerson, epochOf, pairSecret } from './clk-pair.ts';
import { expireStalledQueries } from './hits-expiry.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

async function authorityOrg(n: FederatedTestNode): Promise<string> {
  const orgs = await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  return orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
}

/**
 * Every payload this node queued to a peer since the test began (what was sealed into envelopes), as
 * JSON text with each opaque encoding (a blinded element or a name encoding: base64 of 32 bytes or
 * more) replaced by "<opaque>". With padding a page holds a thousand random encodings, in which a
 * short secret such as "NWBK" turns up by chance now and then; cleartext that leaks is never one.
 */
async function sentPayloads(n: FederatedTestNode): Promise<{ type: string; text: string }[]> {
  const rows = await n.node.deps.db.selectFrom('outbox').select(['type', 'payload']).where('recipient_node_id', 'is not', null).execute();
  const opaque = (_key: string, v: unknown) => (typeof v === 'string' && /^[A-Za-z0-9+/_-]{43,}={0,2}$/.test(v) ? '<opaque>' : v);
  return rows.map((r) => ({ type: r.type, text: JSON.stringify(r.payload, opaque) }));
}

const SHARED = {
  phone: '+33 6 12 34 56 78',
  iban: 'DE89 3704 0044 0532 0130 00',
  imo: '9074729',
};
/** Cleartext that must never cross: identifiers in every form, names. */
const SECRETS = ['612345678', '33612345678', 'DE89', '370400440532013000', '9074729', '9176187', '9345673', 'GB29', 'NWBK', '4915112345678', 'Petrov', 'Müller', 'Lagune'];

for (const backend of testBackends()) {
  describe(`hit/no-hit between nodes on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let de: FederatedTestNode;
    let frLead: User;
    let deLead: User;
    let deStranger: User;
    const frIds: Record<string, string> = {};
    const deIds: Record<string, string> = {};
    let frCase: Json;
    let deCase: Json;

    const add = async (u: User, caseId: string, body: Json) => (await u.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, body, 201)).body.id as string;
    const hitsOf = async (u: User) => (await u.client.call<{ items: Json[] }>('GET', '/api/v1/hits', undefined, 200)).body.items;
    const actions = async (n: FederatedTestNode, prefix: string) =>
      (await n.node.deps.db.selectFrom('audit_entries').select(['action']).where('action', 'like', `${prefix}%`).execute()).map((e) => e.action);

    before(async () => {
      fr = await startFederatedNode(backend, { name: 'Parquet national financier (France)', country: 'FRA' });
      de = await startFederatedNode(backend, { name: 'Bundeskriminalamt (Germany)', country: 'DEU' });
      await connect([fr, de]);
      frLead = await makeUser(fr.adminClient, { role: 'supervisor', organisationId: await authorityOrg(fr) });
      deLead = await makeUser(de.adminClient, { role: 'supervisor', organisationId: await authorityOrg(de) });
      deStranger = await makeUser(de.adminClient, { role: 'supervisor', orgName: 'Zoll (Germany)', country: 'DEU' });

      frCase = (await frLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Opération Lagune', reference: 'PNF-2026-0042', marking: 'AMBER' }, 201)).body;
      frIds.person = await add(frLead, frCase.id, { schema: 'Person', properties: { name: ['Ivan Petrov'], phone: [SHARED.phone] } });
      frIds.account = await add(frLead, frCase.id, { schema: 'BankAccount', properties: { iban: [SHARED.iban] } });
      frIds.vessel = await add(frLead, frCase.id, { schema: 'Vessel', properties: { name: ['Lagune Star'], imoNumber: [SHARED.imo] } });
      frIds.ownAccount = await add(frLead, frCase.id, { schema: 'BankAccount', properties: { iban: ['GB29 NWBK 6016 1331 9268 19'] } });
      frIds.ownVessel = await add(frLead, frCase.id, { schema: 'Vessel', properties: { name: ['Sirocco'], imoNumber: ['9176187'] } });

      deCase = (await deLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Verfahren Müller', reference: 'BKA-SO-17', marking: 'AMBER' }, 201)).body;
      deIds.person = await add(deLead, deCase.id, { schema: 'Person', properties: { name: ['Hans Müller'], phone: ['0033612345678'] } });
      deIds.account = await add(deLead, deCase.id, { schema: 'BankAccount', properties: { iban: ['de89370400440532013000'] } });
      deIds.vessel = await add(deLead, deCase.id, { schema: 'Vessel', properties: { name: ['Nordwind'], imoNumber: ['IMO 9074729'] } });
      deIds.ownPerson = await add(deLead, deCase.id, { schema: 'Person', properties: { name: ['Karl Schmidt'], phone: ['+49 151 12345678'] } });
      deIds.ownVessel = await add(deLead, deCase.id, { schema: 'Vessel', properties: { name: ['Elbe'], imoNumber: ['9345673'] } });
      // A RED case holding France's other account: not offered to any peer.
      const red = (await deLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Geheim', marking: 'RED' }, 201)).body;
      deIds.red = await add(deLead, red.id, { schema: 'BankAccount', properties: { iban: ['GB29NWBK60161331926819'] } });

      const offer = { schemas: ['Person', 'BankAccount', 'Vessel'], maxTlp: 'AMBER' };
      await fr.adminClient.call('PUT', `/api/v1/hits/offers/${de.nodeId}`, offer, 200);
      await de.adminClient.call('PUT', `/api/v1/hits/offers/${fr.nodeId}`, offer, 200);
    });
    after(async () => {
      await fr?.close();
      await de?.close();
    });

    test('both nodes get exactly the overlap as hits, with the same contact references, and nothing in clear crosses', async () => {
      const started = await frLead.client.call<Json>('POST', '/api/v1/hits/queries', { caseId: frCase.id }, 202);
      assert.equal(started.body.queries.length, 1);
      const frHits = await waitFor('three hits on the querying node', async () => {
        const h = await hitsOf(frLead);
        return h.length >= 3 && h;
      });
      const deHits = await waitFor('three hits on the answering node', async () => {
        const h = await hitsOf(deLead);
        return h.length >= 3 && h;
      });
      assert.deepEqual(frHits.map((h) => h.entityId).sort(), [frIds.person, frIds.account, frIds.vessel].sort());
      assert.deepEqual(deHits.map((h) => h.entityId).sort(), [deIds.person, deIds.account, deIds.vessel].sort());
      const refOf = (hits: Json[], id: string) => hits.find((h) => h.entityId === id)?.contactReference;
      for (const k of ['person', 'account', 'vessel']) assert.equal(refOf(frHits, frIds[k]!), refOf(deHits, deIds[k]!), `the ${k} hit carries the same contact reference on both nodes`);
      for (const h of frHits) {
        assert.equal(h.authority, 'Bundeskriminalamt (Germany)');
        assert.equal(h.state, 'pending');
        assert.equal(h.peerDisclosure, null);
        assert.equal(h.direction, 'sent');
      }
      for (const h of deHits) assert.equal(h.authority, 'Parquet national financier (France)');
      // The query's progress on the asking node.
      const queries = (await frLead.client.call<{ items: Json[] }>('GET', `/api/v1/hits/queries?caseId=${frCase.id}`, undefined, 200)).body.items;
      assert.equal(queries[0]!.state, 'answered');
      assert.equal(queries[0]!.hits, 3);
      assert.equal(queries[0]!.items, 5);
      assert.equal(queries[0]!.offered, 1000, 'Germany offered its five AMBER identifiers (not the RED one), padded to one bucket: France learns only the bucket');
      // Padding on both sides: France sent its five identifiers among 995 dummies, Germany offered five among 995; the hits are still exactly the overlap (above).
      const frQuery = (await sentPayloads(fr)).find((p) => p.type === 'hits.query' && p.text.includes('"kind":"identifiers"'));
      assert.match(frQuery?.text ?? '', /"total":1000\b/);
      const deAnswer = (await sentPayloads(de)).find((p) => p.type === 'hits.answer');
      assert.match(deAnswer?.text ?? '', /"offeredTotal":1000\b/);
      const deReceived = await de.node.deps.db.selectFrom('hit_queries').selectAll().where('id', '=', queries[0]!.id as string).executeTakeFirstOrThrow();
      assert.equal(deReceived.item_count, 1000, 'the answerer counts the padded size against its limits');
      assert.equal(deReceived.offered_count, 5, 'and keeps its own real count');
      assert.equal((deReceived.entity_ids as (string | null)[]).filter((e) => e === null).length, 995, 'its padding positions hold no record');
      // Another organisation on the German node sees none of these hits.
      assert.deepEqual(await hitsOf(deStranger), []);

      for (const n of [fr, de]) {
        const payloads = (await sentPayloads(n)).filter((p) => p.type.startsWith('hits.'));
        assert.ok(payloads.length >= 1);
        for (const p of payloads) {
          for (const s of SECRETS) assert.ok(!p.text.toLowerCase().includes(s.toLowerCase()), `${p.type} from ${n.nodeId} contains ${s}`);
          for (const ref of ['PNF-2026-0042', 'BKA-SO-17', 'Opération', 'Verfahren']) assert.ok(!p.text.includes(ref), `${p.type} contains the case ${ref} before any consent`);
        }
      }
      assert.deepEqual((await actions(fr, 'hits.')).filter((a) => a !== 'hits.offer.set').sort(), ['hits.hit.record', 'hits.hit.record', 'hits.hit.record', 'hits.query.answered', 'hits.query.send']);
      assert.deepEqual((await actions(de, 'hits.')).filter((a) => a !== 'hits.offer.set').sort(), ['hits.hit.record', 'hits.hit.record', 'hits.hit.record', 'hits.query.matched', 'hits.query.receive']);
    });

    test('the case reference and contact reach the peer only after the owner reveals them; a decline says nothing more', async () => {
      const frHits = await hitsOf(frLead);
      const deHits = await hitsOf(deLead);
      const frAccount = frHits.find((h) => h.entityId === frIds.account)!;
      const deVessel = deHits.find((h) => h.entityId === deIds.vessel)!;
      // A viewer-level outsider cannot decide on another organisation's hit.
      await deStranger.client.call('POST', `/api/v1/hits/${deVessel.id}/decline`, {}, 404);

      const revealed = await frLead.client.call<Json>('POST', `/api/v1/hits/${frAccount.id}/reveal`, { caseReference: 'PNF-2026-0042', contact: 'Bureau 3, +33 1 00 00 00 00' }, 200);
      assert.equal(revealed.body.state, 'revealed');
      await frLead.client.call('POST', `/api/v1/hits/${frAccount.id}/decline`, {}, 409);
      const seen = await waitFor('the reveal on the German node', async () => (await hitsOf(deLead)).find((h) => h.contactReference === frAccount.contactReference && h.peerDisclosure));
      assert.deepEqual(seen.peerDisclosure, { decision: 'revealed', caseReference: 'PNF-2026-0042', contact: 'Bureau 3, +33 1 00 00 00 00' });
      // Germany has not revealed its side of that hit: France still knows nothing of it.
      assert.equal((await hitsOf(frLead)).find((h) => h.id === frAccount.id)!.peerDisclosure, null);

      await deLead.client.call('POST', `/api/v1/hits/${deVessel.id}/decline`, {}, 200);
      const declined = await waitFor('the decline on the French node', async () => (await hitsOf(frLead)).find((h) => h.contactReference === deVessel.contactReference && h.peerDisclosure));
      assert.deepEqual(declined.peerDisclosure, { decision: 'declined' });

      // Only the consented disclosure carries a case reference; Germany's never left.
      const frDisclosures = (await sentPayloads(fr)).filter((p) => p.type === 'hits.disclosure');
      assert.equal(frDisclosures.length, 1);
      assert.ok(frDisclosures[0]!.text.includes('PNF-2026-0042'));
      for (const p of await sentPayloads(de)) assert.ok(!p.text.includes('BKA-SO-17'));
      assert.ok((await actions(fr, 'hits.hit.reveal')).length === 1);
      assert.ok((await actions(de, 'hits.peer.revealed')).length === 1);
      assert.ok((await actions(de, 'hits.hit.decline')).length === 1);
      assert.ok((await actions(fr, 'hits.peer.declined')).length === 1);
    });

    test('names with dates of birth match across scripts by keyed encodings, and no name or date crosses', async () => {
      const olga = await add(frLead, frCase.id, { schema: 'Person', properties: { name: ['Ольга Смирнова'], birthDate: ['1985-07-12'] } });
      await add(frLead, frCase.id, { schema: 'Person', properties: { name: ['Jean Dupont'], birthDate: ['1960-01-01'] } });
      const olgaDe = await add(deLead, deCase.id, { schema: 'Person', properties: { name: ['Olga Smirnova'], birthDate: ['1985-07-12'] } });
      await add(deLead, deCase.id, { schema: 'Person', properties: { name: ['Pierre Martin'], birthDate: ['1975-05-05'] } });
      const before = { fr: (await hitsOf(frLead)).length, de: (await hitsOf(deLead)).length };
      const started = await frLead.client.call<Json>('POST', '/api/v1/hits/queries', { caseId: frCase.id, kinds: ['names'] }, 202);
      assert.equal(started.body.queries.length, 1);
      const frNew = await waitFor('the name hit on the asking node', async () => {
        const h = (await hitsOf(frLead)).filter((x) => !x.ownDisclosure && !x.peerDisclosure && x.entityId === olga);
        return h.length > 0 && h;
      });
      const deNew = (await hitsOf(deLead)).filter((x) => x.entityId === olgaDe);
      assert.equal(frNew.length, 1);
      assert.equal(deNew.length, 1);
      assert.equal(frNew[0]!.contactReference, deNew[0]!.contactReference);
      assert.equal((await hitsOf(frLead)).length, before.fr + 1, 'Jean Dupont matched no one');
      assert.equal((await hitsOf(deLead)).length, before.de + 1, 'Pierre Martin matched no one');
      for (const n of [fr, de]) {
        for (const p of (await sentPayloads(n)).filter((x) => x.type.startsWith('hits.'))) {
          for (const secret of ['Ольга', 'Смирнова', 'Olga', 'Smirnova', 'Dupont', 'Martin', '1985', '07-12', '1960', '1975']) assert.ok(!p.text.includes(secret), `${p.type} contains ${secret}`);
        }
      }
      const q = (await frLead.client.call<{ items: Json[] }>('GET', `/api/v1/hits/queries?caseId=${frCase.id}`, undefined, 200)).body.items.find((x) => x.kind === 'names')!;
      assert.equal(q.state, 'answered');
      assert.equal(q.items, 2);
      assert.equal(q.hits, 1);
    });

    test('a peer’s malformed encodings are refused as problem+json and nothing is stored', async () => {
      const before = Number((await de.node.deps.db.selectFrom('hit_queries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const q1 = (items: string[], extra: Json = {}) => ({ queryId: crypto.randomUUID(), kind: 'identifiers', suite: PSI_SUITES[0], page: 0, pages: 1, total: items.length, items, ...extra });
      const good = blindIdentifiers(['iban:DE89370400440532013000'], randomScalar());
      const bad = [
        q1(['A'.repeat(43)]), // u = 0, of small order
        q1([Buffer.alloc(32, 0xff).toString('base64url')]), // top bit set, not canonical
        q1(['not-a-point']),
        q1(['iban:DE89370400440532013000']),
        q1(good, { suite: 'ristretto255-v1' }), // a suite this node does not speak
        q1(good, { total: 2 }), // a total the pages do not give
        q1(good, { page: 1 }), // a page beyond the pages
        q1(good, { total: 20_001, pages: 2 }), // a first page short of a full page
      ];
      for (const payload of bad) {
        const env = craftEnvelope(fr, de, { type: 'hits.query', conversationId: `hits:${payload.queryId}` }, payload);
        const res = await fetch(`${de.url}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env) });
        assert.equal(res.status, 422, JSON.stringify(payload).slice(0, 300));
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        const body = (await res.json()) as Json;
        assert.ok(['payload_rejected', 'payload_invalid'].includes(body.code), body.code);
      }
      const afterCount = Number((await de.node.deps.db.selectFrom('hit_queries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      assert.equal(afterCount, before);
    });

    // A query over two pages (MAX_HIT_ITEMS + 1 elements; the first page repeats one blinded identifier
    // that Germany does not hold, the second carries France's IBAN), all under one scalar a: Germany
    // answers page by page under one b, France intersects when every answer page is in, and both
    // nodes record the one hit. The query row on France is seeded as checkWithPeers writes it.
    test('a query travels in pages under one scalar; the hit is found across pages and recorded on both nodes', async () => {
      await de.adminClient.call('PUT', `/api/v1/hits/offers/${fr.nodeId}`, { schemas: ['Person', 'BankAccount', 'Vessel'], maxTlp: 'AMBER', maxItemsPerHour: 100_000 }, 200);
      const a = randomScalar();
      const queryId = crypto.randomUUID();
      const total = MAX_HIT_ITEMS + 1;
      const filler = blindIdentifiers(['iban:FR7630006000011234567890189'], a)[0] as string;
      const entityIds = [...Array.from({ length: MAX_HIT_ITEMS }, () => crypto.randomUUID()), frIds.account];
      const now = new Date();
      await fr.node.deps.db
        .insertInto('hit_queries')
        .values({
          id: queryId,
          direction: 'sent',
          peer_node_id: de.nodeId,
          organisation_id: await authorityOrg(fr),
          case_id: frCase.id,
          kind: 'identifiers',
          state: 'waiting',
          item_count: total,
          offered_count: null,
          hit_count: null,
          secret: scalarToHex(a),
          entity_ids: JSON.stringify(entityIds),
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const pages = [Array.from({ length: MAX_HIT_ITEMS }, () => filler), blindIdentifiers(['iban:DE89370400440532013000'], a)];
      const post = async (page: number) => {
        const payload = { queryId, kind: 'identifiers', suite: PSI_SUITES[0], page, pages: 2, total, items: pages[page] };
        const env = craftEnvelope(fr, de, { type: 'hits.query', conversationId: `hits:${queryId}` }, payload);
        return fetch(`${de.url}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env) });
      };
      assert.equal((await post(0)).status, 202);
      const mid = await de.node.deps.db.selectFrom('hit_queries').selectAll().where('id', '=', queryId).executeTakeFirstOrThrow();
      assert.equal(mid.state, 'answering');
      assert.ok(mid.secret, 'Germany keeps its scalar until the last page');
      assert.equal(mid.item_count, total, 'the whole declared total counts against the hourly limit at once');
      // The same page again (a new message) is refused.
      const again = await post(0);
      assert.equal(again.status, 422);
      assert.equal(((await again.json()) as Json).cause, 'page_received');
      assert.equal((await post(1)).status, 202);
      const frHit = await waitFor('the hit across pages on the querying node', async () => {
        const rows = await fr.node.deps.db.selectFrom('hits').selectAll().where('query_id', '=', queryId).execute();
        return rows.length === 1 && rows[0];
      });
      assert.equal(frHit.entity_id, frIds.account);
      const deRow = await waitFor('the matches on the answering node', async () => {
        const r = await de.node.deps.db.selectFrom('hit_queries').selectAll().where('id', '=', queryId).executeTakeFirstOrThrow();
        return r.state === 'matched' && r;
      });
      assert.equal(deRow.hit_count, 1);
      assert.equal(deRow.secret, null, 'Germany forgot b');
      assert.equal(deRow.pending_identifiers, null, 'and its offered identifiers');
      const deHit = await de.node.deps.db.selectFrom('hits').selectAll().where('query_id', '=', queryId).executeTakeFirstOrThrow();
      assert.equal(deHit.entity_id, deIds.account);
      assert.equal(deHit.contact_reference, frHit.contact_reference);
      const frRow = await fr.node.deps.db.selectFrom('hit_queries').selectAll().where('id', '=', queryId).executeTakeFirstOrThrow();
      assert.equal(frRow.secret, null, 'France forgot a');
      assert.equal(frRow.offered_count, 1000, 'the offered set travels padded to a bucket');
      assert.equal((await fr.node.deps.db.selectFrom('hit_query_pages').select('page').where('query_id', '=', queryId).execute()).length, 0, 'the answer pages are deleted');
      const pageAudit = await de.node.deps.db.selectFrom('audit_entries').select(['action']).where('action', '=', 'hits.query.page').where('target', '=', `hit-query:${queryId}`).execute();
      assert.equal(pageAudit.length, 2, 'each query page is audited on the answering node');
    });

    /** A sent query row on France as checkWithPeers writes it (the tests then post its pages by hand). */
    const seedSent = async (kind: 'identifiers' | 'names', entityIds: string[], secret: string | null) => {
      const id = crypto.randomUUID();
      const now = new Date();
      await fr.node.deps.db
        .insertInto('hit_queries')
        .values({
          id,
          direction: 'sent',
          peer_node_id: de.nodeId,
          organisation_id: await authorityOrg(fr),
          case_id: frCase.id,
          kind,
          state: 'waiting',
          item_count: entityIds.length,
          offered_count: null,
          hit_count: null,
          secret,
          entity_ids: JSON.stringify(entityIds),
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return id;
    };
    const postQuery = (payload: Json) => {
      const env = craftEnvelope(fr, de, { type: 'hits.query', conversationId: `hits:${payload.queryId}` }, payload);
      return fetch(`${de.url}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env) });
    };
    const rowOf = (n: FederatedTestNode, id: string) => n.node.deps.db.selectFrom('hit_queries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const auditOf = async (n: FederatedTestNode, action: string, id: string) =>
      n.node.deps.db.selectFrom('audit_entries').select(['action', 'change']).where('action', '=', action).where('target', '=', `hit-query:${id}`).execute();
    /** A names query of MAX_HIT_ITEMS + 1 people under the pair secret of this month: page 0 full of one person Germany does not hold, page 1 the one it does. */
    const namesPages = async (last: { name: string; birthDate: string }) => {
      const epoch = epochOf(new Date());
      const secret = pairSecret(fr.node.deps.keys, (await findPeer(fr.node.deps.db, de.nodeId))!, epoch);
      const filler = encodePerson({ name: 'Aurélien Vasseur-Lindqvist', birthDate: '2001-11-23' }, secret);
      return { epoch, pages: [Array.from({ length: MAX_HIT_ITEMS }, () => filler), [encodePerson(last, secret)]] };
    };

    // Names over 20,000 people travel in pages like identifiers: one epoch for all pages, the declared
    // total counted at the first, a page sent twice refused, every page audited; Germany compares each
    // page as it comes and answers with the matches page of the same number; France records the hit
    // when the page holding its person is in and the query is answered when every matches page is.
    test('a names query over 20,000 people travels in pages; the hit on the last page is recorded on both nodes', async () => {
      await de.adminClient.call('PUT', `/api/v1/hits/offers/${fr.nodeId}`, { schemas: ['Person', 'BankAccount', 'Vessel'], maxTlp: 'AMBER', maxItemsPerHour: 500_000 }, 200);
      const nadia = { name: 'Nadia Haddad', birthDate: '1990-03-04' };
      const frNadia = await add(frLead, frCase.id, { schema: 'Person', properties: { name: [nadia.name], birthDate: [nadia.birthDate] } });
      const deNadia = await add(deLead, deCase.id, { schema: 'Person', properties: { name: ['Nadia Haddad'], birthDate: [nadia.birthDate] } });
      const total = MAX_HIT_ITEMS + 1;
      const queryId = await seedSent('names', [...Array.from({ length: MAX_HIT_ITEMS }, () => crypto.randomUUID()), frNadia], null);
      const { epoch, pages } = await namesPages(nadia);
      const page = (p: number, extra: Json = {}) => ({ queryId, kind: 'names', epoch, page: p, pages: 2, total, encodings: pages[p], ...extra });
      // Malformed pagings are refused before anything is stored.
      for (const bad of [page(0, { total: 2 }), page(1, { page: 2 }), page(1, { pages: 1 })]) assert.equal((await postQuery(bad)).status, 422, JSON.stringify({ ...bad, encodings: bad.encodings?.length }));
      assert.equal((await postQuery(page(0))).status, 202);
      const mid = await rowOf(de, queryId);
      assert.equal(mid.state, 'answering');
      assert.equal(mid.item_count, total, 'the whole declared total counts against the hourly limit at the first page');
      assert.equal(mid.epoch, epoch);
      const again = await postQuery(page(0));
      assert.equal(again.status, 422);
      assert.equal(((await again.json()) as Json).cause, 'page_received');
      // Every page carries the first page's epoch.
      const otherEpoch = await postQuery(page(1, { epoch: epoch === '2026-01' ? '2025-12' : '2026-01' }));
      assert.equal(otherEpoch.status, 422);
      assert.equal((await postQuery(page(1))).status, 202);
      const frHit = await waitFor('the name hit on the querying node', async () => {
        const rows = await fr.node.deps.db.selectFrom('hits').selectAll().where('query_id', '=', queryId).execute();
        return rows.length === 1 && rows[0];
      });
      assert.equal(frHit.entity_id, frNadia);
      const deHit = await de.node.deps.db.selectFrom('hits').selectAll().where('query_id', '=', queryId).executeTakeFirstOrThrow();
      assert.equal(deHit.entity_id, deNadia);
      assert.equal(deHit.contact_reference, frHit.contact_reference);
      const frRow = await waitFor('the query answered on France', async () => {
        const r = await rowOf(fr, queryId);
        return r.state === 'answered' && r;
      });
      assert.equal(frRow.hit_count, 1);
      const deRow = await rowOf(de, queryId);
      assert.equal(deRow.state, 'matched');
      assert.equal(deRow.hit_count, 1);
      assert.equal((await auditOf(de, 'hits.query.page', queryId)).length, 2, 'each query page is audited on the answering node');
      assert.equal((await auditOf(fr, 'hits.query.page', queryId)).length, 2, 'each matches page is audited on the querying node');
      const matched = (await sentPayloads(de)).filter((p) => p.type === 'hits.matched' && p.text.includes(queryId));
      assert.equal(matched.length, 2, 'one matches page per query page');
      for (const s of ['Nadia', 'Haddad', '1990']) for (const p of matched) assert.ok(!p.text.includes(s));
    });

    // The same through "check with peers": a case of MAX_HIT_ITEMS + 1 people (written straight into
    // the database, as an import would) goes out as two pages under one epoch, and the one person
    // Germany holds is the one hit.
    test('check with peers sends a case of more than 20,000 people in pages', async () => {
      const bulk = (await frLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Opération Volume', marking: 'AMBER' }, 201)).body;
      const model = await fr.node.deps.db.selectFrom('entities').selectAll().where('case_id', '=', frCase.id).where('schema', '=', 'Person').executeTakeFirstOrThrow();
      const now = new Date();
      const row = (name: string, birthDate: string) => ({
        id: crypto.randomUUID(),
        organisation_id: model.organisation_id,
        case_id: bulk.id as string,
        ftm_id: crypto.randomUUID().replaceAll('-', ''),
        schema: 'Person',
        is_link: false,
        caption: name,
        caption_key: name.toLowerCase(),
        properties: JSON.stringify({ name: [name], birthDate: [birthDate] }),
        marking: JSON.stringify(model.marking),
        sources: JSON.stringify([]),
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      const rows = Array.from({ length: MAX_HIT_ITEMS }, (_, i) => row(`Zbigniew Kowalczyk-Nowak ${i}`, '1931-02-03'));
      const yusuf = row('Yusuf Demir', '1979-09-21');
      rows.push(yusuf);
      for (let i = 0; i < rows.length; i += 1000) await fr.node.deps.db.insertInto('entities').values(rows.slice(i, i + 1000)).execute();
      const deYusuf = await add(deLead, deCase.id, { schema: 'Person', properties: { name: ['Yusuf Demir'], birthDate: ['1979-09-21'] } });
      const started = await frLead.client.call<Json>('POST', '/api/v1/hits/queries', { caseId: bulk.id, kinds: ['names'] }, 202);
      const queryId = started.body.queries[0] as string;
      const sent = (await fr.node.deps.db.selectFrom('outbox').select(['payload']).where('type', '=', 'hits.query').where('conversation_id', '=', `hits:${queryId}`).execute()).map((r) => r.payload as Json);
      assert.deepEqual(sent.map((p) => [p.page, p.pages, p.total, p.encodings.length]).sort(), [[0, 2, MAX_HIT_ITEMS + 1, MAX_HIT_ITEMS], [1, 2, MAX_HIT_ITEMS + 1, 1]]);
      assert.equal(new Set(sent.map((p) => p.epoch)).size, 1, 'one epoch for every page');
      const q = await waitFor('the paged names query answered', async () => {
        const r = await rowOf(fr, queryId);
        return r.state === 'answered' && r;
      }, 60_000);
      assert.equal(q.hit_count, 1);
      const frHit = await fr.node.deps.db.selectFrom('hits').selectAll().where('query_id', '=', queryId).executeTakeFirstOrThrow();
      assert.equal(frHit.entity_id, yusuf.id);
      const deHit = await de.node.deps.db.selectFrom('hits').selectAll().where('query_id', '=', queryId).executeTakeFirstOrThrow();
      assert.equal(deHit.entity_id, deYusuf);
      assert.equal(deHit.contact_reference, frHit.contact_reference);
    });

    // Half-received on the answering node: France's names query stops after page 0 of 2. After the
    // timeout Germany's sweep gives it up (audited) and tells France, whose view shows it expired; a
    // late page is refused.
    test('a names query whose pages stop coming expires on the answering node, and the querier sees it expired', async () => {
      const total = MAX_HIT_ITEMS + 1;
      const queryId = await seedSent('names', Array.from({ length: total }, () => crypto.randomUUID()), null);
      const { epoch, pages } = await namesPages({ name: 'Nobody Known', birthDate: '1950-06-06' });
      assert.equal((await postQuery({ queryId, kind: 'names', epoch, page: 0, pages: 2, total, encodings: pages[0] })).status, 202);
      await waitFor('the first matches page on France', async () => ((await rowOf(fr, queryId)).pages_seen as number[] | null)?.length === 1);
      // Before the timeout nothing expires.
      assert.deepEqual(await expireStalledQueries(de.node.deps, 3600), []);
      // With a timeout of zero (the node's own clock, so that hits.expired is sent at once) it does.
      assert.deepEqual(await expireStalledQueries(de.node.deps, 0), [queryId]);
      const deRow = await rowOf(de, queryId);
      assert.equal(deRow.state, 'expired');
      assert.equal(deRow.pages_seen, null);
      const expiredAudit = await auditOf(de, 'hits.query.expire', queryId);
      assert.equal(expiredAudit.length, 1);
      assert.equal((expiredAudit[0]!.change as Json).pagesSeen, 1);
      const frRow = await waitFor('the expiry on the querying node', async () => {
        const r = await rowOf(fr, queryId);
        return r.state === 'expired' && r;
      });
      assert.equal(frRow.pages_seen, null);
      assert.equal((await auditOf(fr, 'hits.peer.expired', queryId)).length, 1);
      const seen = (await frLead.client.call<{ items: Json[] }>('GET', `/api/v1/hits/queries?caseId=${frCase.id}`, undefined, 200)).body.items.find((q) => q.id === queryId);
      assert.equal(seen?.state, 'expired', 'the case’s query list shows it expired');
      const late = await postQuery({ queryId, kind: 'names', epoch, page: 1, pages: 2, total, encodings: pages[1] });
      assert.equal(late.status, 422);
      assert.equal(((await late.json()) as Json).cause, 'query_expired');
    });

    // Half-received on the querying node: France sends page 0 of a two-page identifiers query, so
    // Germany's answer stops after answer page 0. France's sweep drops the answer page it kept and
    // its scalar a, audits it and tells Germany, which drops b and the identifiers it offered.
    test('an identifiers answer that stops halfway expires on the querying node, and the peer drops its side', async () => {
      const a = randomScalar();
      const total = MAX_HIT_ITEMS + 1;
      const queryId = await seedSent('identifiers', Array.from({ length: total }, () => crypto.randomUUID()), scalarToHex(a));
      const filler = blindIdentifiers(['iban:FR7630006000011234567890189'], a)[0] as string;
      assert.equal((await postQuery({ queryId, kind: 'identifiers', suite: PSI_SUITES[0], page: 0, pages: 2, total, items: Array.from({ length: MAX_HIT_ITEMS }, () => filler) })).status, 202);
      await waitFor('answer page 0 kept on France', async () => ((await rowOf(fr, queryId)).pages_seen as number[] | null)?.length === 1);
      assert.equal((await fr.node.deps.db.selectFrom('hit_query_pages').select('page').where('query_id', '=', queryId).execute()).length, 1);
      assert.ok((await rowOf(de, queryId)).secret, 'Germany holds b while the query is half-received');
      assert.deepEqual(await expireStalledQueries(fr.node.deps, 3600), []);
      assert.deepEqual(await expireStalledQueries(fr.node.deps, 0), [queryId]);
      const frRow = await rowOf(fr, queryId);
      assert.equal(frRow.state, 'expired');
      assert.equal(frRow.secret, null, 'France forgot a');
      assert.equal((await fr.node.deps.db.selectFrom('hit_query_pages').select('page').where('query_id', '=', queryId).execute()).length, 0, 'the answer page kept is deleted');
      assert.equal((await auditOf(fr, 'hits.query.expire', queryId)).length, 1);
      const deRow = await waitFor('the expiry on the answering node', async () => {
        const r = await rowOf(de, queryId);
        return r.state === 'expired' && r;
      });
      assert.equal(deRow.secret, null, 'Germany forgot b');
      assert.equal(deRow.pending_identifiers, null, 'and its offered identifiers');
      assert.equal((await auditOf(de, 'hits.peer.expired', queryId)).length, 1);
      const seen = (await frLead.client.call<{ items: Json[] }>('GET', `/api/v1/hits/queries?caseId=${frCase.id}`, undefined, 200)).body.items.find((q) => q.id === queryId);
      assert.equal(seen?.state, 'expired');
    });

    test('a case without checked identifiers cannot be sent; a peer over its hourly limit is refused', async () => {
      const empty = (await frLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Vide', marking: 'AMBER' }, 201)).body;
      await add(frLead, empty.id, { schema: 'BankAccount', properties: { iban: ['DE00 0000 0000 0000 0000 00'] } }).catch(() => undefined);
      const refused = await frLead.client.call<Json>('POST', '/api/v1/hits/queries', { caseId: empty.id }, 400);
      assert.equal(refused.body.code, 'too_few_fields');
      // Germany allows France one query an hour: France's first query used it.
      await de.adminClient.call('PUT', `/api/v1/hits/offers/${fr.nodeId}`, { schemas: ['BankAccount'], maxTlp: 'AMBER', maxQueriesPerHour: 1 }, 200);
      const items = blindIdentifiers(['iban:DE89370400440532013000'], randomScalar());
      const payload = { queryId: crypto.randomUUID(), kind: 'identifiers', suite: PSI_SUITES[0], page: 0, pages: 1, total: 1, items };
      const env = craftEnvelope(fr, de, { type: 'hits.query', conversationId: `hits:${payload.queryId}` }, payload);
      const res = await fetch(`${de.url}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env) });
      assert.equal(res.status, 422);
      assert.match(((await res.json()) as Json).detail ?? '', /At most 1 queries/);
      const rejected = await de.node.deps.db.selectFrom('audit_entries').select(['action']).where('action', '=', 'federation.inbox.reject').where('target', 'like', `%${env.header.messageId}%`).execute();
      assert.equal(rejected.length, 1, 'the refusal is audited on the answering node');
    });
  });
}
