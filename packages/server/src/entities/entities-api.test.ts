// Entities through the HTTP API on a real node and database: FtM entities and links on a case,
// checked against the FtM model (problem documents naming each property), read only by those who
// may read the case (another organisation and a colleague outside the team: 404), each entity's
// marking enforced (a node administrator kept out of a RED entity, its row withheld in lists), the
// graph around an entity, mentions in a request, FtM JSON-lines export then import giving the same
// entities, and imports with bad lines refused with their line numbers and nothing stored.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { ApiClient, makeUser, startTestNode, type TestNode } from '../testing/test-node.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

/** FtM lines without order, for comparison. */
const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Json)
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));

for (const backend of testBackends()) {
  describe(`entities API on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let lead: User;
    let outsideTeam: User;
    let stranger: User;
    let caseId: string;

    const auditActions = async (prefix: string) =>
      (await t.node.deps.db.selectFrom('audit_entries').select(['action']).where('action', 'like', `${prefix}%`).orderBy('seq').execute()).map((e) => e.action);
    /** The export as text (the test client would parse x-ndjson as JSON). */
    const exportOf = async (u: User, id: string) => {
      const res = await fetch(`${t.url}/api/v1/cases/${id}/entities/export`, { headers: { cookie: u.client.cookie ?? '' } });
      return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
    };
    const countIn = async (id: string) => Number((await t.node.deps.db.selectFrom('entities').where('case_id', '=', id).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    before(async () => {
      t = await startTestNode(backend);
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, t.admin.password);
      lead = await makeUser(admin, { role: 'practitioner', orgName: 'Parquet national financier', country: 'FRA' });
      outsideTeam = await makeUser(admin, { role: 'practitioner', organisationId: lead.organisationId });
      stranger = await makeUser(admin, { role: 'supervisor', orgName: 'Staatsanwaltschaft Köln', country: 'DEU' });
      caseId = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Opération Lagune', marking: 'AMBER' }, 201)).body.id;
    });
    after(async () => {
      await t?.close();
    });

    test('entities and links are created, read, listed by schema, edited and deleted, each change audited', async () => {
      const person = (
        await lead.client.call<Json>(
          'POST',
          `/api/v1/cases/${caseId}/entities`,
          { schema: 'Person', id: 'p-ivanov', properties: { name: ['Иван Иванов', 'Ivan Ivanov'], birthDate: ['1970-03-04'], nationality: ['RU'], phone: ['+33 6 12 34 56 78'] }, sources: ['Hearing of 2026-02-01'] },
          201,
        )
      ).body;
      assert.equal(person.caption, 'Иван Иванов');
      assert.deepEqual(person.properties.nationality, ['ru'], 'country codes are written as FtM writes them');
      assert.deepEqual(person.sources, ['Hearing of 2026-02-01']);
      assert.equal(person.marking.tlp, 'AMBER', 'an entity takes its case’s marking by default');
      const company = (await lead.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Company', id: 'c-lagune', properties: { name: 'Lagune Holdings SA', jurisdiction: 'lu' } }, 201)).body;
      const account = (
        await lead.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'BankAccount', properties: { iban: 'DE89 3704 0044 0532 0130 00' } }, 201)
      ).body;
      const payee = (await lead.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Person', id: 'p-payee', properties: { name: 'Karim Haddad' } }, 201)).body;
      const owns = (
        await lead.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Ownership', properties: { owner: 'p-ivanov', asset: 'c-lagune', percentage: '60' } }, 201)
      ).body;
      assert.equal(owns.isLink, true);
      assert.deepEqual(owns.link, { source: 'owner', target: 'asset', directed: true, label: 'owns' });
      assert.deepEqual(
        owns.references.map((r: Json) => [r.property, r.id]).sort(),
        [
          ['asset', company.id],
          ['owner', person.id],
        ],
      );
      await lead.client.call('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Ownership', properties: { owner: 'c-lagune', asset: account.ftmId } }, 201);
      await lead.client.call('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Passport', id: 'pp-1', properties: { holder: 'p-ivanov', number: '72 1234567', country: 'ru' } }, 201);
      await lead.client.call('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Payment', properties: { payer: 'c-lagune', beneficiary: 'p-payee', payerAccount: account.ftmId, amount: '250000' } }, 201);

      // Listing: every kind, only entities, one schema, a name.
      const list = async (q: string) => (await lead.client.call<Json>('GET', `/api/v1/cases/${caseId}/entities${q}`, undefined, 200)).body;
      assert.equal((await list('')).total, 8);
      assert.equal((await list('?kind=entity')).total, 5);
      assert.deepEqual(
        (await list('?schema=Company')).items.map((i: Json) => i.id),
        [company.id],
      );
      assert.deepEqual(
        (await list('?q=ivan')).items.map((i: Json) => i.id),
        [person.id],
      );

      // The graph: one hop from the person reaches the company (owns) and the passport (holder); two hops the payee (paid) and the company's account (owns).
      const g1 = (await lead.client.call<Json>('GET', `/api/v1/entities/${person.id}/graph?hops=1`, undefined, 200)).body;
      assert.deepEqual(g1.nodes.map((n: Json) => n.schema).sort(), ['Company', 'Passport', 'Person']);
      assert.ok(g1.edges.some((e: Json) => e.label === 'owns' && e.source === person.id && e.target === company.id));
      assert.ok(g1.edges.some((e: Json) => e.label === 'holder' && e.target === person.id));
      const g2 = (await lead.client.call<Json>('GET', `/api/v1/entities/${person.id}/graph?hops=2`, undefined, 200)).body;
      assert.deepEqual(g2.nodes.map((n: Json) => n.schema).sort(), ['BankAccount', 'Company', 'Passport', 'Person', 'Person']);
      assert.ok(g2.edges.some((e: Json) => e.label === 'paid' && e.source === company.id && e.target === payee.id));
      assert.ok(g2.edges.some((e: Json) => e.label === 'owns' && e.source === company.id && e.target === account.id));
      const limited = (await lead.client.call<Json>('GET', `/api/v1/entities/${person.id}/graph?hops=2&limit=2`, undefined, 200)).body;
      assert.equal(limited.nodes.length, 2);
      assert.equal(limited.truncated, true);
      const whole = (await lead.client.call<Json>('GET', `/api/v1/cases/${caseId}/entities/graph`, undefined, 200)).body;
      assert.equal(whole.nodes.length, 5);
      assert.equal(whole.edges.length, 4);

      // Editing with the version read; a stale version is a conflict.
      const edited = (await lead.client.call<Json>('PATCH', `/api/v1/entities/${company.id}`, { version: 1, properties: { name: ['Lagune Holdings SA'], jurisdiction: ['lu'], registrationNumber: ['B123456'] } }, 200)).body;
      assert.equal(edited.version, 2);
      assert.deepEqual(edited.properties.registrationNumber, ['B123456']);
      const stale = await lead.client.call<Json>('PATCH', `/api/v1/entities/${company.id}`, { version: 1, properties: { name: ['Other'] } });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'stale_version');

      // The person is named by the passport: refused; the passport goes alone, then the company with its three links.
      const passport = (await list('?schema=Passport')).items[0] as Json;
      const named = await lead.client.call<Json>('DELETE', `/api/v1/entities/${person.id}`);
      assert.equal(named.status, 409);
      assert.equal(named.body.code, 'entity_referenced');
      assert.deepEqual(named.body.entities, [passport.id]);
      assert.deepEqual((await lead.client.call<Json>('DELETE', `/api/v1/entities/${passport.id}`, undefined, 200)).body.deleted, [passport.id]);
      const gone = (await lead.client.call<Json>('DELETE', `/api/v1/entities/${company.id}`, undefined, 200)).body;
      assert.equal(gone.deleted.length, 4);
      assert.ok(gone.deleted.includes(owns.id));
      assert.equal((await list('')).total, 3);
      assert.equal((await lead.client.call<Json>('GET', `/api/v1/entities/${owns.id}`)).status, 404);
      assert.deepEqual(
        [...new Set(await auditActions('entity.'))].sort(),
        ['entity.create', 'entity.delete', 'entity.update'],
      );
    });

    test('bad entities are refused with problem documents that name each property', async () => {
      const bad = await lead.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Person', properties: { name: 'X', birthDate: '04/03/1970', shoeSize: '44', email: 'not-mail' } });
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal(bad.body.code, 'invalid_entity');
      assert.deepEqual(bad.body.problems.map((p: Json) => [p.property, p.code]).sort(), [
        ['birthDate', 'bad_date'],
        ['email', 'bad_email'],
        ['shoeSize', 'unknown_property'],
      ]);
      const noName = await lead.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Company', properties: { jurisdiction: 'fr' } });
      assert.deepEqual(noName.body.problems, [{ property: 'name', code: 'required', message: 'Company needs "name".' }]);
      const dangling = await lead.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Ownership', properties: { owner: 'nobody', asset: 'nothing' } });
      assert.deepEqual(dangling.body.problems.map((p: Json) => p.code), ['unknown_entity', 'unknown_entity']);
      const badIban = await lead.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'BankAccount', properties: { iban: 'DE89 3704 0044 0532 0130 01' } });
      assert.equal(badIban.body.problems[0].code, 'bad_iban');
      const notOffered = await lead.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Thing', properties: {} });
      assert.equal(notOffered.status, 400);
    });

    test('only those who may read the case see its entities; another organisation gets 404; a RED entity keeps the node administrator out', async () => {
      const e = (await lead.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Vessel', properties: { name: 'Sea Breeze', imoNumber: 'IMO 9074729' } }, 201)).body;
      for (const u of [stranger, outsideTeam]) {
        const r = await u.client.call<Json>('GET', `/api/v1/entities/${e.id}`);
        assert.equal(r.status, 404, 'another organisation, or a colleague outside the team, learns nothing');
        assert.equal(r.body.code, 'not_found');
        assert.equal((await u.client.call<Json>('GET', `/api/v1/cases/${caseId}/entities`)).status, 404);
        assert.equal((await u.client.call<Json>('PATCH', `/api/v1/entities/${e.id}`, { version: 1, properties: { name: 'Hijacked' } })).status, 404);
        assert.equal((await u.client.call<Json>('DELETE', `/api/v1/entities/${e.id}`)).status, 404);
        assert.equal((await u.client.call<Json>('GET', `/api/v1/cases/${caseId}/entities/export`)).status, 404);
      }
      // The administrator (outside the organisation) reads an AMBER case's entities, not a RED one.
      assert.equal((await admin.call<Json>('GET', `/api/v1/entities/${e.id}`)).status, 200);
      const red = (
        await lead.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Person', properties: { name: 'Informant' }, marking: { tlp: 'RED', handling: 'H2' } }, 201)
      ).body;
      assert.equal(red.marking.tlp, 'RED');
      assert.equal(red.ownMarking.handling, 'H2');
      const denied = await admin.call<Json>('GET', `/api/v1/entities/${red.id}`);
      assert.equal(denied.status, 403);
      assert.equal(denied.body.code, 'policy_denied');
      const rows = (await admin.call<Json>('GET', `/api/v1/cases/${caseId}/entities?kind=entity`, undefined, 200)).body.items as Json[];
      const withheld = rows.find((r) => r.id === red.id) as Json;
      assert.equal(withheld.caption, null);
      assert.equal(withheld.properties, null);
      assert.ok(withheld.withheld.rule);
      assert.equal(rows.find((r) => r.id === e.id)?.caption, 'Sea Breeze');
      const graph = (await admin.call<Json>('GET', `/api/v1/cases/${caseId}/entities/graph`, undefined, 200)).body;
      assert.equal(graph.nodes.find((n: Json) => n.id === red.id)?.caption, '');
      // Exporting the case's entities would carry the RED one: refused, and the denial audited.
      const exp = await admin.call<Json>('GET', `/api/v1/cases/${caseId}/entities/export`);
      assert.equal(exp.status, 403);
      const denials = await t.node.deps.db.selectFrom('audit_entries').select('target').where('action', '=', 'policy.deny').where('target', '=', `entity:${red.id}`).execute();
      assert.ok(denials.length >= 2);
      // Viewers of the organisation may not change anything.
      const viewer = await makeUser(admin, { role: 'viewer', organisationId: lead.organisationId });
      assert.equal((await viewer.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Person', properties: { name: 'X' } })).status, 403);
    });

    test('an entity is recorded as mentioned in a request of the organisation', async () => {
      const req = (await lead.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', title: 'Bank records' }, 201)).body;
      const e = (await lead.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'CryptoWallet', properties: { publicKey: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', currency: 'BTC' } }, 201)).body;
      const m = (await lead.client.call<Json>('POST', `/api/v1/entities/${e.id}/mentions`, { requestId: req.id, note: 'Annex 2' }, 201)).body;
      assert.equal(m.requestId, req.id);
      const strangerReq = (await stranger.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'FRA', title: 'Theirs' }, 201)).body;
      assert.equal((await lead.client.call<Json>('POST', `/api/v1/entities/${e.id}/mentions`, { requestId: strangerReq.id })).status, 404);
      assert.equal((await lead.client.call<Json>('POST', `/api/v1/entities/${e.id}/mentions`, {})).status, 400);
      const read = (await lead.client.call<Json>('GET', `/api/v1/entities/${e.id}`, undefined, 200)).body;
      assert.deepEqual(
        read.mentions.map((x: Json) => [x.requestId, x.note]),
        [[req.id, 'Annex 2']],
      );
      await lead.client.call('DELETE', `/api/v1/entities/${e.id}/mentions/${m.id}`, undefined, 204);
      assert.deepEqual((await lead.client.call<Json>('GET', `/api/v1/entities/${e.id}`, undefined, 200)).body.mentions, []);
    });

    test('FtM JSON lines: an export imported into another case gives the same entities back', async () => {
      const src = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Round trip' }, 201)).body.id;
      const ftm = [
        { id: 'ent-a', schema: 'Person', properties: { name: ['Ана Петровић'], birthDate: ['1982-11-02'], nationality: ['rs'], email: ['ana@example.org'] } },
        { id: 'ent-b', schema: 'Company', properties: { name: ['Blue Water d.o.o.'], jurisdiction: ['rs'] } },
        { id: 'ent-c', schema: 'Directorship', properties: { director: ['ent-a'], organization: ['ent-b'], role: ['Managing director'] } },
        { id: 'ent-d', schema: 'Address', properties: { full: ['Knez Mihailova 1, Beograd'], country: ['rs'] } },
        { id: 'ent-e', schema: 'Family', properties: { person: ['ent-a'], relative: ['ent-f'], relationship: ['sister'] } },
        { id: 'ent-f', schema: 'Person', properties: { name: ['Мила Петровић'] } },
      ];
      // Links may come before the entities they join (ent-e names ent-f, later in the file).
      const imported = (await lead.client.call<Json>('POST', `/api/v1/cases/${src}/entities/import`, { format: 'ftm', content: ftm.map((e) => JSON.stringify(e)).join('\n') }, 200)).body;
      assert.deepEqual(imported, { created: 6, updated: 0 });
      const exported = await exportOf(lead, src);
      assert.equal(exported.status, 200);
      assert.match(exported.type, /application\/x-ndjson/);
      assert.deepEqual(lines(exported.text), lines(ftm.map((e) => JSON.stringify(e)).join('\n')));

      const dst = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Round trip, second case' }, 201)).body.id;
      await lead.client.call('POST', `/api/v1/cases/${dst}/entities/import`, { format: 'ftm', content: exported.text }, 200);
      const again = await exportOf(lead, dst);
      assert.deepEqual(lines(again.text), lines(exported.text));
      // Importing the same file again replaces, it does not duplicate.
      assert.deepEqual((await lead.client.call<Json>('POST', `/api/v1/cases/${dst}/entities/import`, { format: 'ftm', content: exported.text }, 200)).body, { created: 0, updated: 6 });
      assert.equal(await countIn(dst), 6);
      assert.ok((await auditActions('entity.import')).length >= 3);
    });

    test('an FtM file with bad lines is refused with their line numbers, and nothing is stored', async () => {
      const target = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Bad FtM' }, 201)).body.id;
      const content = [
        JSON.stringify({ id: 'ok-1', schema: 'Person', properties: { name: ['Good'] } }),
        '{not json',
        '',
        JSON.stringify({ id: 'ok-2', schema: 'Ownership', properties: { owner: ['ok-1'], asset: ['missing'] } }),
        JSON.stringify({ id: 'ok-1', schema: 'Person', properties: { name: ['Twice'] } }),
        JSON.stringify({ id: 'ok-3', schema: 'Airplane', properties: { registrationNumber: ['F-GKXA'], colour: ['red'] } }),
      ].join('\n');
      const r = await lead.client.call<Json>('POST', `/api/v1/cases/${target}/entities/import`, { format: 'ftm', content });
      assert.equal(r.status, 400);
      assert.equal(r.body.code, 'import_rejected');
      assert.deepEqual(
        r.body.lines.map((l: Json) => [l.line, l.problems.map((p: Json) => p.code)]),
        [
          [2, ['bad_json']],
          [4, ['unknown_entity']],
          [5, ['duplicate_id']],
          [6, ['unknown_property']],
        ],
      );
      assert.equal(await countIn(target), 0, 'nothing half-imported remains');
    });

    test('CSV with a column mapping: bad lines reported with their numbers and nothing stored; a clean file imports', async () => {
      const target = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'CSV' }, 201)).body.id;
      const mapping = { schema: 'Person', columns: { ref: 'id', 'full name': 'name', dob: 'birthDate', nat: 'nationality', phones: 'phone' }, separator: ';' };
      // Line 3's address spans two lines inside quotes, so the row after it starts on line 5.
      const bad = ['ref,full name,dob,nat,phones,notes', 'r1,Jean Dupont,1975-06-01,fr,+33 1 23 45 67 89;+33 6 00 00 00 00,', 'r2,Marie Curie,1867-11-07,pl,,"multi', 'line"', 'r3,,1990-01-01,xx,,', 'r4,Too many,1990-01-01,fr,,,extra'].join('\n');
      const r = await lead.client.call<Json>('POST', `/api/v1/cases/${target}/entities/import`, { format: 'csv', content: bad, mapping });
      assert.equal(r.status, 400);
      assert.deepEqual(
        r.body.lines.map((l: Json) => [l.line, l.problems.map((p: Json) => p.code).sort()]),
        [
          [5, ['bad_country', 'required']],
          [6, ['bad_columns']],
        ],
      );
      assert.equal(await countIn(target), 0);
      const unknownColumn = await lead.client.call<Json>('POST', `/api/v1/cases/${target}/entities/import`, { format: 'csv', content: bad, mapping: { schema: 'Person', columns: { nom: 'name' } } });
      assert.equal(unknownColumn.body.lines[0].problems[0].code, 'unknown_column');
      const good = ['ref,full name,dob,nat,phones,notes', 'r1,Jean Dupont,1975-06-01,fr,+33 1 23 45 67 89;+33 6 00 00 00 00,', 'r2,Marie Curie,1867-11-07,pl,,"multi', 'line"'].join('\r\n');
      assert.deepEqual((await lead.client.call<Json>('POST', `/api/v1/cases/${target}/entities/import`, { format: 'csv', content: good, mapping }, 200)).body, { created: 2, updated: 0 });
      const items = (await lead.client.call<Json>('GET', `/api/v1/cases/${target}/entities`, undefined, 200)).body.items as Json[];
      const jean = items.find((i) => i.ftmId === 'r1') as Json;
      assert.deepEqual(jean.properties.phone, ['+33 1 23 45 67 89', '+33 6 00 00 00 00']);
      assert.equal((await lead.client.call<Json>('POST', `/api/v1/cases/${target}/entities/import`, { format: 'csv', content: good })).status, 400);
    });
  });
}
