// Who may read and work on a case, through the service the other capabilities call (readCase,
// assertCaseMember), on a real node and database: the team and the organisation's supervisors
// read it; a colleague outside the team and another organisation get 404; a node administrator
// reads what the marking allows; every change is audited and editing is optimistically locked.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '@comity/core';
import { testBackends } from '@comity/db/testing';
import type { Actor } from '../deps.ts';
import { ApiClient, makeUser, startTestNode, type TestNode } from '../testing/test-node.ts';
import { assertCaseMember, createCase, readCase, setCaseMember, updateCase } from './case-service.ts';

function actorOf(u: { userId: string; organisationId: string; email: string }, role: Role): Actor {
  return { userId: u.userId, organisationId: u.organisationId, email: u.email, role, mustChangePassword: false, via: 'session' };
}
const who = (actor: Actor) => ({ actor, requestId: null });

async function rejects(p: Promise<unknown>, code: string, name: string): Promise<void> {
  await assert.rejects(p, (err: Error & { code?: string }) => {
    assert.equal(err.name, name);
    assert.equal(err.code, code);
    return true;
  });
}

for (const backend of testBackends()) {
  describe(`case access through the service on ${backend.name}`, () => {
    let t: TestNode;
    let lead: Actor;
    let colleague: Actor;
    let supervisor: Actor;
    let stranger: Actor;
    let admin: Actor;

    before(async () => {
      t = await startTestNode(backend);
      const adminClient = new ApiClient(t.url);
      await adminClient.signIn(t.admin.email, t.admin.password);
      const p = await makeUser(adminClient, { role: 'practitioner', orgName: 'Parquet de Lyon' });
      lead = actorOf(p, 'practitioner');
      colleague = actorOf(await makeUser(adminClient, { role: 'practitioner', organisationId: p.organisationId }), 'practitioner');
      supervisor = actorOf(await makeUser(adminClient, { role: 'supervisor', organisationId: p.organisationId }), 'supervisor');
      stranger = actorOf(await makeUser(adminClient, { role: 'supervisor', orgName: 'Fiscalía de Madrid', country: 'ESP' }), 'supervisor');
      const me = await adminClient.call<{ user: { id: string; organisationId: string; email: string } }>('GET', '/api/v1/session', undefined, 200);
      admin = actorOf({ userId: me.body.user.id, organisationId: me.body.user.organisationId, email: me.body.user.email }, 'admin');
    });
    after(async () => {
      await t?.close();
    });

    test('the team and the supervisors read a case; a colleague outside the team and another organisation get 404', async () => {
      const deps = t.node.deps;
      const c = await createCase(deps, who(lead), { title: 'Opération Tamise', offences: ['money-laundering'], marking: 'AMBER' });
      assert.match(c.reference, /^CASE-\d{4}-\d{4}$/);
      assert.equal((await readCase(deps, who(lead), c.id)).title, 'Opération Tamise');
      assert.equal((await readCase(deps, who(supervisor), c.id)).id, c.id);
      await rejects(readCase(deps, who(colleague), c.id), 'not_found', 'NotFoundError');
      await rejects(readCase(deps, who(stranger), c.id), 'not_found', 'NotFoundError');
      await rejects(assertCaseMember(deps, who(colleague), c.id), 'not_found', 'NotFoundError');

      await setCaseMember(deps, who(lead), c.id, colleague.userId, 'member');
      assert.equal((await readCase(deps, who(colleague), c.id)).id, c.id);
      assert.equal((await assertCaseMember(deps, who(colleague), c.id, 'link')).access.kind, 'team');
      await rejects(assertCaseMember(deps, who(colleague), c.id, 'edit'), 'not_case_team', 'ForbiddenError');
      // Someone of another organisation cannot be put on the team, and is not told they exist.
      await rejects(setCaseMember(deps, who(lead), c.id, stranger.userId, 'member'), 'user_not_found', 'NotFoundError');

      const actions = await deps.db.selectFrom('audit_entries').select(['action', 'target']).where('target', '=', `case:${c.id}`).orderBy('seq').execute();
      assert.deepEqual(
        actions.map((a) => a.action),
        ['case.create', 'case.member.add'],
      );
    });

    test('a node administrator reads what the marking allows: AMBER yes, AMBER+STRICT no (audited denial)', async () => {
      const deps = t.node.deps;
      const amber = await createCase(deps, who(lead), { title: 'Amber file', marking: 'AMBER' });
      const strict = await createCase(deps, who(lead), { title: 'Strict file', marking: 'AMBER+STRICT' });
      assert.equal((await readCase(deps, who(admin), amber.id)).id, amber.id);
      await rejects(readCase(deps, who(admin), strict.id), 'policy_denied', 'PolicyDeniedError');
      const denial = await deps.db.selectFrom('audit_entries').select('action').where('target', '=', `case:${strict.id}`).where('action', '=', 'policy.deny').execute();
      assert.equal(denial.length, 1);
    });

    test('the reference is unique in the organisation and editing is optimistically locked', async () => {
      const deps = t.node.deps;
      const c = await createCase(deps, who(lead), { reference: 'LYON-2026-17', title: 'First' });
      await rejects(createCase(deps, who(supervisor), { reference: 'LYON-2026-17', title: 'Second' }), 'case_reference_taken', 'ConflictError');
      // Another organisation may use the same reference.
      const theirs = await createCase(deps, who(stranger), { reference: 'LYON-2026-17', title: 'Theirs' });
      assert.equal(theirs.reference, 'LYON-2026-17');
      const edited = await updateCase(deps, who(lead), c.id, { version: c.version, title: 'First, renamed' });
      assert.equal(edited.version, c.version + 1);
      await rejects(updateCase(deps, who(supervisor), c.id, { version: c.version, title: 'Stale' }), 'version_conflict', 'ConflictError');
      assert.equal((await readCase(deps, who(lead), c.id)).title, 'First, renamed');
    });
  });
}
