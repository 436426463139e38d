// The node's HTTP contract on every backend: health, OpenAPI, problem+json, sessions, CSRF,
// tokens, roles and organisation scoping, lockout and rate limits.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, type TestNode, makeUser, startTestNode } from '../testing/test-node.ts';

for (const backend of testBackends()) {
  describe(`foundation API on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    before(async () => {
      t = await startTestNode(backend, { loginRateLimit: 1000 });
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
    });
    after(() => t.close());

    test('health, readiness, metrics and the OpenAPI 3.1 document', async () => {
      const c = new ApiClient(t.url);
      assert.deepEqual((await c.call('GET', '/healthz')).body, { status: 'ok' });
      const ready = await c.call<{ status: string }>('GET', '/readyz');
      assert.equal(ready.status, 200);
      assert.equal(ready.body.status, 'ready');
      const doc = await c.call<{ openapi: string; paths: Record<string, unknown> }>('GET', '/api/openapi.json');
      assert.equal(doc.body.openapi, '3.1.0');
      assert.ok(doc.body.paths['/api/v1/session'], 'session route documented');
      assert.ok(doc.body.paths['/api/v1/users'], 'users route documented');
      assert.equal((await c.raw('GET', '/api/docs')).status, 200);
      const metrics = await c.raw('GET', '/metrics');
      assert.match(metrics.text, /comity_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    });

    test('bad input gets problem+json, never a 500', async () => {
      const c = new ApiClient(t.url);
      const cases: [string, string, string | undefined, Record<string, string>, number, string][] = [
        ['POST', '/api/v1/session', '{not json', { 'content-type': 'application/json' }, 400, 'malformed_json'],
        ['POST', '/api/v1/session', JSON.stringify({ email: 5, password: [] }), { 'content-type': 'application/json' }, 400, 'validation_failed'],
        ['POST', '/api/v1/session', JSON.stringify({ email: 'a@b.c', password: 'x', admin: true }), { 'content-type': 'application/json' }, 400, 'validation_failed'],
        ['POST', '/api/v1/session', JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }), { 'content-type': 'application/json' }, 413, 'body_too_large'],
        ['POST', '/api/v1/session', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
        ['GET', '/api/v1/no-such-thing', undefined, {}, 404, 'not_found'],
        ['GET', '/api/v1/users', undefined, {}, 401, 'unauthenticated'],
      ];
      for (const [method, path, body, headers, status, code] of cases) {
        const res = await c.raw(method, path, { ...(body !== undefined ? { body } : {}), headers });
        assert.equal(res.status, status, `${method} ${path} ${body?.slice(0, 40)} → ${res.text.slice(0, 200)}`);
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        const problem = res.body as { code: string; correlationId: string; status: number; title: string };
        assert.equal(problem.code, code);
        assert.equal(problem.status, status);
        assert.ok(problem.correlationId.length >= 8);
        assert.equal(res.headers.get('x-request-id'), problem.correlationId);
      }
    });

    test('sign-in sets an httpOnly SameSite=Strict cookie; wrong passwords say nothing useful', async () => {
      const c = new ApiClient(t.url);
      const wrong = await c.call<{ detail: string; code: string }>('POST', '/api/v1/session', { email: t.admin.email, password: 'wrong-password-x' });
      const unknown = await c.call<{ detail: string; code: string }>('POST', '/api/v1/session', { email: 'nobody@nowhere.org', password: 'wrong-password-x' });
      assert.equal(wrong.status, 401);
      assert.equal(unknown.status, 401);
      assert.equal(wrong.body.detail, unknown.body.detail, 'unknown and known accounts answer alike');
      const ok = await c.raw('POST', '/api/v1/session', {
        body: JSON.stringify({ email: t.admin.email, password: ADMIN_PASSWORD }),
        headers: { 'content-type': 'application/json' },
      });
      const cookie = ok.headers.get('set-cookie') ?? '';
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      const me = await c.call<{ user: { email: string; role: string } }>('GET', '/api/v1/session');
      assert.equal(me.body.user.role, 'admin');
    });

    test('cookie-authenticated changes need the CSRF token; API tokens do not', async () => {
      const noCsrf = await admin.raw('POST', '/api/v1/account/tokens', {
        body: JSON.stringify({ name: 'script' }),
        headers: { 'content-type': 'application/json', 'x-csrf-token': 'wrong' },
      });
      assert.equal(noCsrf.status, 403);
      assert.equal((noCsrf.body as { code: string }).code, 'csrf_failed');
      const created = await admin.call<{ token: string; id: string }>('POST', '/api/v1/account/tokens', { name: 'script' }, 201);
      const script = new ApiClient(t.url);
      script.bearer = created.body.token;
      assert.equal((await script.call('GET', '/api/v1/users')).status, 200);
      const org = await script.call('POST', '/api/v1/organisations', { name: 'Scripted Authority', country: 'bra', kind: 'police' }, 201);
      assert.equal((org.body as { country: string }).country, 'BRA');
      const listed = await admin.call<{ items: { id: string; lastUsedAt: string | null }[] }>('GET', '/api/v1/account/tokens');
      assert.ok(listed.body.items.find((i) => i.id === created.body.id)?.lastUsedAt, 'last use recorded');
      await admin.call('DELETE', `/api/v1/account/tokens/${created.body.id}`, undefined, 204);
      assert.equal((await script.call('GET', '/api/v1/users')).status, 401);
    });

    test('a new user must change the one-time password before anything else', async () => {
      const org = await admin.call<{ id: string }>('POST', '/api/v1/organisations', { name: 'Fiscalía General', country: 'ESP', kind: 'prosecution-service' }, 201);
      await admin.call('POST', '/api/v1/users', { email: 'fiscal@example.es', name: 'Fiscal', role: 'practitioner', organisationId: org.body.id, password: 'temporary-pass-1' }, 201);
      const c = new ApiClient(t.url);
      const s = await c.signIn('fiscal@example.es', 'temporary-pass-1');
      assert.equal(s.body.user.mustChangePassword, true);
      const blocked = await c.call<{ code: string }>('GET', '/api/v1/organisations');
      assert.equal(blocked.status, 403);
      assert.equal(blocked.body.code, 'password_change_required');
      const weak = await c.call<{ code: string }>('POST', '/api/v1/account/password', { currentPassword: 'temporary-pass-1', newPassword: 'aaaaaaaaaaaaaaa' });
      assert.equal(weak.status, 400);
      await c.call('POST', '/api/v1/account/password', { currentPassword: 'temporary-pass-1', newPassword: 'a better passphrase' }, 204);
      assert.equal((await c.call('GET', '/api/v1/organisations')).status, 200);
    });

    test('roles are checked on every route and records are scoped to the organisation', async () => {
      const sup = await makeUser(admin, { role: 'supervisor', country: 'DEU' });
      const viewer = await makeUser(admin, { role: 'viewer', organisationId: sup.organisationId });
      const other = await makeUser(admin, { role: 'practitioner', country: 'ITA' });
      // A viewer cannot manage users or read the audit trail.
      assert.equal((await viewer.client.call('POST', '/api/v1/users', { email: 'x@y.org', name: 'x', role: 'admin', organisationId: sup.organisationId, password: 'long-enough-pass' })).status, 403);
      assert.equal((await viewer.client.call('GET', '/api/v1/audit')).status, 403);
      // A supervisor lists the users of their own organisation only.
      const users = await sup.client.call<{ items: { organisationId: string }[] }>('GET', '/api/v1/users');
      assert.ok(users.body.items.length >= 2);
      assert.ok(users.body.items.every((u) => u.organisationId === sup.organisationId));
      // Another organisation's record is a 404, not a 403.
      assert.equal((await other.client.call('GET', `/api/v1/organisations/${sup.organisationId}`)).status, 404);
      assert.equal((await other.client.call('GET', `/api/v1/organisations/${other.organisationId}`)).status, 200);
      const orgs = await other.client.call<{ items: { id: string }[] }>('GET', '/api/v1/organisations');
      assert.deepEqual(orgs.body.items.map((o) => o.id), [other.organisationId]);
    });

    test('admins disable and re-enable users; a disabled user loses the session', async () => {
      const p = await makeUser(admin, { role: 'practitioner' });
      assert.equal((await p.client.call('GET', '/api/v1/session')).status, 200);
      await admin.call('POST', `/api/v1/users/${p.userId}/disable`, undefined, 200);
      assert.equal((await p.client.call('GET', '/api/v1/session')).status, 401);
      assert.equal((await new ApiClient(t.url).signIn(p.email, p.password)).status, 401);
      await admin.call('POST', `/api/v1/users/${p.userId}/enable`, undefined, 200);
      assert.equal((await new ApiClient(t.url).signIn(p.email, p.password)).status, 200);
      const self = await admin.call<{ code: string }>('POST', `/api/v1/users/${(await admin.call<{ user: { id: string } }>('GET', '/api/v1/session')).body.user.id}/disable`);
      assert.equal(self.status, 409);
    });

    test('five wrong passwords lock the account even for the right password', async () => {
      const p = await makeUser(admin, { role: 'analyst' });
      const c = new ApiClient(t.url);
      for (let i = 0; i < 5; i++) assert.equal((await c.signIn(p.email, `wrong-password-${i}`)).status, 401);
      assert.equal((await c.signIn(p.email, p.password)).status, 401);
      const audit = await admin.call<{ items: { action: string; change: { reason: string } }[] }>('GET', `/api/v1/audit?action=session.sign-in-failed&actor=${encodeURIComponent(p.email)}&limit=10`);
      assert.ok(audit.body.items.some((e) => e.change.reason === 'locked'));
    });

    test('every change is in the audit trail, which verifies', async () => {
      const before = await admin.call<{ entries: number }>('GET', '/api/v1/audit/verify');
      await admin.call('POST', '/api/v1/organisations', { name: 'Audit Probe Authority', country: 'NLD', kind: 'court' }, 201);
      const after = await admin.call<{ ok: boolean; entries: number }>('GET', '/api/v1/audit/verify');
      assert.equal(after.body.ok, true);
      assert.equal(after.body.entries, before.body.entries + 1);
      const page = await admin.call<{ items: { action: string; target: string; actorEmail: string; requestId: string }[] }>('GET', '/api/v1/audit?action=organisation.create&limit=1');
      assert.equal(page.body.items[0]?.action, 'organisation.create');
      assert.equal(page.body.items[0]?.actorEmail, t.admin.email);
      assert.ok(page.body.items[0]?.requestId);
      const dup = await admin.call<{ code: string }>('POST', '/api/v1/organisations', { name: 'audit probe authority', country: 'NLD', kind: 'court' });
      assert.equal(dup.status, 409);
      const badCountry = await admin.call<{ code: string }>('POST', '/api/v1/organisations', { name: 'Nowhere', country: 'QQQ', kind: 'court' });
      assert.equal(badCountry.status, 400);
      assert.equal((await admin.call<{ entries: number }>('GET', '/api/v1/audit/verify')).body.entries, after.body.entries, 'refused changes leave no entry');
    });

    test('sign-out ends the session', async () => {
      const p = await makeUser(admin, { role: 'viewer' });
      const before = await p.client.call<{ session: { user: { email: string }; csrfToken: string } | null }>('GET', '/api/v1/session/current', undefined, 200);
      assert.equal(before.body.session?.user.email, p.email);
      assert.ok(before.body.session?.csrfToken);
      await p.client.call('DELETE', '/api/v1/session', undefined, 204);
      assert.equal((await p.client.call('GET', '/api/v1/session')).status, 401);
      // The web UI's question "who is here?" gets an answer, not an error, once signed out and for
      // someone who never signed in.
      assert.deepEqual((await p.client.call('GET', '/api/v1/session/current', undefined, 200)).body, { session: null });
      assert.deepEqual((await new ApiClient(t.url).call('GET', '/api/v1/session/current', undefined, 200)).body, { session: null });
    });
  });

  describe(`login rate limit on ${backend.name}`, () => {
    test('too many sign-in attempts from one address get 429', async () => {
      const t = await startTestNode(backend, { loginRateLimit: 3 }, { changeAdminPassword: false });
      try {
        const c = new ApiClient(t.url);
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) statuses.push((await c.signIn('nobody@example.org', 'whatever-password')).status);
        assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
      } finally {
        await t.close();
      }
    });
  });
}
