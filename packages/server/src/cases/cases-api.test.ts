// Cases through the HTTP API on a real node and database: open a case, find it with the filters,
// build its team, link requests from the case and from the request, see the case on the request
// only when you may read the case, keep other organisations and colleagues outside the team out
// (404), refuse bad input with problem documents, and audit every change.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { ApiClient, makeUser, startTestNode, type TestNode } from '../testing/test-node.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

for (const backend of testBackends()) {
  describe(`cases API on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let lead: User;
    let colleague: User;
    let supervisor: User;
    let viewer: User;
    let stranger: User;

    const newRequest = async (u: User, title: string) => (await u.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', title }, 201)).body;
    const auditOf = async (caseId: string) =>
      (await t.node.deps.db.selectFrom('audit_entries').select(['action', 'actor_email', 'change']).where('target', '=', `case:${caseId}`).orderBy('seq').execute()).map((e) => e.action);

    before(async () => {
      t = await startTestNode(backend);
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, t.admin.password);
      lead = await makeUser(admin, { role: 'practitioner', orgName: 'Parquet national financier', country: 'FRA' });
      colleague = await makeUser(admin, { role: 'analyst', organisationId: lead.organisationId });
      supervisor = await makeUser(admin, { role: 'supervisor', organisationId: lead.organisationId });
      viewer = await makeUser(admin, { role: 'viewer', organisationId: lead.organisationId });
      stranger = await makeUser(admin, { role: 'supervisor', orgName: 'Staatsanwaltschaft Köln', country: 'DEU' });
    });
    after(async () => {
      await t?.close();
    });

    test('a case is opened, found with the filters and search, and kept from those outside its team', async () => {
      const created = await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Opération Lagune', offences: ['corruption', 'money-laundering'], marking: 'AMBER', description: 'Kickbacks on harbour works' }, 201);
      const c = created.body;
      assert.match(c.reference, /^CASE-\d{4}-\d{4}$/);
      assert.equal(c.status, 'open');
      assert.deepEqual(
        c.team.map((m: Json) => [m.email, m.teamRole]),
        [[lead.email, 'lead']],
      );
      assert.deepEqual(c.may, { edit: true, team: true, link: true });
      assert.equal(c.effectiveMarking.tlp, 'AMBER');
      assert.equal(c.effectiveMarking.originators[0].name, 'Parquet national financier');
      const other = (await lead.client.call<Json>('POST', '/api/v1/cases', { reference: 'PNF 2026/44', title: 'Drug route', offences: ['drug-trafficking'] }, 201)).body;

      // Filters and search.
      const ids = async (u: User, query: string) => ((await u.client.call<Json>('GET', `/api/v1/cases${query}`, undefined, 200)).body.items as Json[]).map((i) => i.id);
      assert.deepEqual(await ids(lead, '?offence=corruption'), [c.id]);
      assert.deepEqual(await ids(lead, '?q=pnf%202026'), [other.id]);
      assert.deepEqual(await ids(lead, '?q=lagune'), [c.id]);
      assert.equal((await ids(lead, '?status=closed')).length, 0);
      assert.deepEqual(new Set(await ids(lead, '?mine=true')), new Set([c.id, other.id]));
      // The supervisor sees the organisation's cases; a colleague outside the team sees none, and reads none.
      assert.deepEqual(new Set(await ids(supervisor, '')), new Set([c.id, other.id]));
      assert.deepEqual(await ids(supervisor, '?mine=true'), []);
      assert.deepEqual(await ids(colleague, ''), []);
      const hidden = await colleague.client.call<Json>('GET', `/api/v1/cases/${c.id}`);
      assert.equal(hidden.status, 404);
      assert.match(hidden.headers.get('content-type') ?? '', /application\/problem\+json/);
      // Another organisation: 404 on reading and on every change, and its list is empty.
      assert.equal((await stranger.client.call('GET', `/api/v1/cases/${c.id}`)).status, 404);
      assert.equal((await stranger.client.call('PATCH', `/api/v1/cases/${c.id}`, { version: c.version, title: 'Mine now' })).status, 404);
      assert.equal((await stranger.client.call('POST', `/api/v1/cases/${c.id}/members`, { userId: stranger.userId })).status, 404);
      assert.deepEqual(await ids(stranger, ''), []);
      const supView = (await supervisor.client.call<Json>('GET', `/api/v1/cases/${c.id}`, undefined, 200)).body;
      assert.equal(supView.myTeamRole, null);
      assert.deepEqual(supView.may, { edit: true, team: true, link: true });
    });

    test('the team: members read and link, only the lead and supervisors edit; a case keeps a lead', async () => {
      const c = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Team case' }, 201)).body;
      const candidates = (await lead.client.call<Json>('GET', `/api/v1/cases/${c.id}/member-candidates`, undefined, 200)).body.items as Json[];
      assert.ok(candidates.some((u) => u.userId === colleague.userId));
      assert.ok(!candidates.some((u) => u.userId === stranger.userId), 'users of other organisations are not offered');
      // A user of another organisation cannot be added, and is not confirmed to exist.
      assert.equal((await lead.client.call('POST', `/api/v1/cases/${c.id}/members`, { userId: stranger.userId })).status, 404);

      const added = (await lead.client.call<Json>('POST', `/api/v1/cases/${c.id}/members`, { userId: colleague.userId }, 200)).body;
      assert.deepEqual(
        added.team.map((m: Json) => [m.email, m.teamRole]),
        [
          [lead.email, 'lead'],
          [colleague.email, 'member'],
        ],
      );
      const asMember = (await colleague.client.call<Json>('GET', `/api/v1/cases/${c.id}`, undefined, 200)).body;
      assert.equal(asMember.myTeamRole, 'member');
      assert.deepEqual(asMember.may, { edit: false, team: false, link: true });
      const refused = await colleague.client.call<Json>('PATCH', `/api/v1/cases/${c.id}`, { version: asMember.version, title: 'Renamed by a member' });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, 'not_case_team');
      // A viewer on the team reads but changes nothing (the role has no case:edit).
      await lead.client.call('POST', `/api/v1/cases/${c.id}/members`, { userId: viewer.userId }, 200);
      assert.deepEqual((await viewer.client.call<Json>('GET', `/api/v1/cases/${c.id}`, undefined, 200)).body.may, { edit: false, team: false, link: false });

      // The only lead cannot step down or leave.
      const alone = await lead.client.call<Json>('DELETE', `/api/v1/cases/${c.id}/members/${lead.userId}`);
      assert.equal(alone.status, 409);
      assert.equal(alone.body.code, 'case_needs_lead');
      await lead.client.call('POST', `/api/v1/cases/${c.id}/members`, { userId: colleague.userId, teamRole: 'lead' }, 200);
      await lead.client.call('DELETE', `/api/v1/cases/${c.id}/members/${lead.userId}`, undefined, 204);
      assert.equal((await lead.client.call('GET', `/api/v1/cases/${c.id}`)).status, 404, 'a member removed from the team no longer reads the case');
      assert.deepEqual(await auditOf(c.id), ['case.create', 'case.member.add', 'case.member.add', 'case.member.update', 'case.member.remove']);
    });

    test('requests are linked from the case and from the request; the request shows the case only to its readers', async () => {
      const c = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Linked case' }, 201)).body;
      const r1 = await newRequest(lead, 'Bank records in Frankfurt');
      const r2 = await newRequest(lead, 'Witness hearing in Köln');
      const linked = (await lead.client.call<Json>('POST', `/api/v1/cases/${c.id}/requests`, { requestId: r1.id }, 200)).body;
      assert.deepEqual(
        linked.requests.map((r: Json) => [r.reference, r.side, r.title]),
        [[r1.reference, 'requesting', 'Bank records in Frankfurt']],
      );
      // From the request's side.
      const put = (await lead.client.call<Json>('PUT', `/api/v1/requests/${r2.id}/case`, { caseId: c.id }, 200)).body;
      assert.equal(put.case.reference, c.reference);
      const view = (await lead.client.call<Json>('GET', `/api/v1/requests/${r2.id}`, undefined, 200)).body;
      assert.deepEqual(view.case, { id: c.id, reference: c.reference, title: 'Linked case', status: 'open' });
      const list = (await lead.client.call<Json>('GET', '/api/v1/requests?q=Frankfurt', undefined, 200)).body.items as Json[];
      assert.equal(list.length, 1);
      assert.equal((list[0] as Json).case.reference, c.reference);

      // A colleague of the organisation reads the request but not the case: nothing is said about it.
      assert.equal((await colleague.client.call<Json>('GET', `/api/v1/requests/${r2.id}`, undefined, 200)).body.case, null);
      const colleagueList = (await colleague.client.call<Json>('GET', '/api/v1/requests?q=Frankfurt', undefined, 200)).body.items as Json[];
      assert.equal((colleagueList[0] as Json).case, null);
      // ... and cannot move it into a case of theirs: the refusal does not name the case.
      const theirs = (await colleague.client.call<Json>('POST', '/api/v1/cases', { title: 'Colleague case' }, 201)).body;
      const moved = await colleague.client.call<Json>('PUT', `/api/v1/requests/${r2.id}/case`, { caseId: theirs.id });
      assert.equal(moved.status, 409);
      assert.equal(moved.body.code, 'request_already_linked');
      assert.doesNotMatch(moved.text, new RegExp(c.reference));
      // Another organisation's request cannot be linked (404), nor can the stranger touch ours.
      const foreign = await newRequest(stranger, 'Their own request');
      assert.equal((await lead.client.call('POST', `/api/v1/cases/${c.id}/requests`, { requestId: foreign.id })).status, 404);
      assert.equal((await stranger.client.call('PUT', `/api/v1/requests/${r1.id}/case`, { caseId: null })).status, 404);
      // Linking a request that is in another case is refused from the case's side too.
      const second = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Second case' }, 201)).body;
      const again = await lead.client.call<Json>('POST', `/api/v1/cases/${second.id}/requests`, { requestId: r1.id });
      assert.equal(again.status, 409);
      assert.match(again.body.detail, new RegExp(c.reference));
      // Moving it from the request's side, as a member of both, is one step.
      await lead.client.call('PUT', `/api/v1/requests/${r1.id}/case`, { caseId: second.id }, 200);
      assert.deepEqual(
        (await lead.client.call<Json>('GET', `/api/v1/cases/${c.id}`, undefined, 200)).body.requests.map((r: Json) => r.id),
        [r2.id],
      );
      // Unlinking from either side.
      await lead.client.call('DELETE', `/api/v1/cases/${second.id}/requests/${r1.id}`, undefined, 200);
      assert.equal((await lead.client.call<Json>('PUT', `/api/v1/requests/${r2.id}/case`, { caseId: null }, 200)).body.case, null);
      assert.equal((await lead.client.call<Json>('GET', `/api/v1/requests/${r2.id}`, undefined, 200)).body.case, null);
      assert.deepEqual(await auditOf(c.id), ['case.create', 'case.request.link', 'case.request.link', 'case.request.unlink', 'case.request.unlink']);
      assert.deepEqual(await auditOf(second.id), ['case.create', 'case.request.link', 'case.request.unlink']);
    });

    test('editing: optimistic locking, closing with its date, no links into a closed case, bad input refused', async () => {
      const c = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'To close', openedOn: '2026-03-02' }, 201)).body;
      const edited = (await lead.client.call<Json>('PATCH', `/api/v1/cases/${c.id}`, { version: c.version, title: 'To close soon', offences: ['fraud'], marking: 'RED', handling: 'H2' }, 200)).body;
      assert.equal(edited.version, c.version + 1);
      assert.equal(edited.effectiveMarking.tlp, 'RED');
      assert.equal(edited.handling, 'H2');
      const stale = await supervisor.client.call<Json>('PATCH', `/api/v1/cases/${c.id}`, { version: c.version, title: 'Stale edit' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'version_conflict');
      assert.equal((await lead.client.call<Json>('GET', `/api/v1/cases/${c.id}`, undefined, 200)).body.title, 'To close soon');

      const early = await lead.client.call<Json>('PATCH', `/api/v1/cases/${c.id}`, { version: edited.version, status: 'closed', closedOn: '2026-01-01' });
      assert.equal(early.status, 400);
      assert.equal(early.body.code, 'closed_before_opened');
      const closed = (await lead.client.call<Json>('PATCH', `/api/v1/cases/${c.id}`, { version: edited.version, status: 'closed', closedOn: '2026-11-20', closingNote: 'Judgment given' }, 200)).body;
      assert.equal(closed.status, 'closed');
      assert.equal(closed.closedOn, '2026-11-20');
      assert.deepEqual(closed.may, { edit: true, team: false, link: false });
      const r = await newRequest(lead, 'Too late');
      const refused = await lead.client.call<Json>('POST', `/api/v1/cases/${c.id}/requests`, { requestId: r.id });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.code, 'case_closed');
      const reopened = (await lead.client.call<Json>('PATCH', `/api/v1/cases/${c.id}`, { version: closed.version, status: 'open' }, 200)).body;
      assert.equal(reopened.closedOn, null);
      assert.deepEqual(await auditOf(c.id), ['case.create', 'case.update', 'case.close', 'case.reopen']);

      // Bad input: problem documents, nothing stored.
      const before = (await lead.client.call<Json>('GET', '/api/v1/cases?limit=200', undefined, 200)).body.total;
      for (const body of [{ title: '' }, { title: 'x', offences: ['jaywalking'] }, { title: 'x', colour: 'blue' }, { title: 'x', reference: '../etc' }, { title: 'x', marking: 'PURPLE' }]) {
        const res = await lead.client.call<Json>('POST', '/api/v1/cases', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      }
      const dup = await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Same reference', reference: c.reference });
      assert.equal(dup.status, 409);
      assert.equal(dup.body.code, 'case_reference_taken');
      assert.equal((await lead.client.call<Json>('GET', '/api/v1/cases?limit=200', undefined, 200)).body.total, before);
      assert.equal((await lead.client.call('GET', '/api/v1/cases/not-a-uuid')).status, 400);
    });

    test('a node administrator sees cases as the marking allows: an AMBER+STRICT case is withheld', async () => {
      const open = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Amber for admins', marking: 'AMBER' }, 201)).body;
      const strict = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Strict secret', marking: 'AMBER+STRICT' }, 201)).body;
      const items = (await admin.call<Json>('GET', '/api/v1/cases?limit=200', undefined, 200)).body.items as Json[];
      const row = (id: string) => items.find((i) => i.id === id) as Json;
      assert.equal(row(open.id).title, 'Amber for admins');
      assert.equal(row(open.id).withheld, null);
      assert.equal(row(strict.id).title, '');
      assert.equal(row(strict.id).withheld.rule, 'tlp-audience');
      assert.equal((await admin.call<Json>('GET', `/api/v1/cases/${open.id}`, undefined, 200)).body.may.edit, false);
      const denied = await admin.call<Json>('GET', `/api/v1/cases/${strict.id}`);
      assert.equal(denied.status, 403);
      assert.equal(denied.body.code, 'policy_denied');
      assert.deepEqual(await auditOf(strict.id), ['case.create', 'policy.deny']);
      // The administrator cannot create or change cases (no case:create / case:edit).
      assert.equal((await admin.call('POST', '/api/v1/cases', { title: 'Admin case' })).status, 403);
    });
  });
}
