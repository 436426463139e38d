// Sessions and limits on every backend: the sign-in rate limit behind an appending reverse proxy
// cannot be dodged with a forged X-Forwarded-For; /metrics only for loopback or its token; signing
// in again while holding a session replaces it; API tokens show their last use and can all be
// revoked at once, also as part of a password change.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { configFromEnv } from '../config.ts';
import { ADMIN_PASSWORD, ApiClient, type TestNode, makeUser, startTestNode } from '../testing/test-node.ts';

/** A reverse proxy that appends the address it saw to X-Forwarded-For, as nginx does. */
async function appendingProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const seen = req.socket.remoteAddress ?? '';
    const prior = req.headers['x-forwarded-for'];
    const headers = { ...req.headers, 'x-forwarded-for': prior ? `${prior}, ${seen}` : seen };
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Signs in through `url` from the local address `from` (127.0.0.x), sending `forwardedFor` as given. */
function signInFrom(url: string, from: string, forwardedFor: string): Promise<number> {
  const target = new URL(`${url}/api/v1/session`);
  const body = JSON.stringify({ email: 'nobody@example.org', password: 'whatever-password' });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': forwardedFor },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('COMITY_TRUST_PROXY takes a hop count or a list of proxy addresses/CIDRs, nothing else', () => {
  assert.equal(configFromEnv({}).trustProxy, undefined);
  assert.equal(configFromEnv({ COMITY_TRUST_PROXY: '0' }).trustProxy, undefined);
  assert.equal(configFromEnv({ COMITY_TRUST_PROXY: '2' }).trustProxy, 2);
  assert.deepEqual(configFromEnv({ COMITY_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).trustProxy, ['10.0.0.5', '10.1.0.0/16', '::1']);
  for (const bad of ['true', 'yes', '10.0.0.0/33', '10.0.0.5/8/1', 'proxy.example.org', '-1']) {
    assert.throws(() => configFromEnv({ COMITY_TRUST_PROXY: bad }), /COMITY_TRUST_PROXY/, bad);
  }
});

const METRICS_TOKEN = 'metrics-secret-0123456789';

/** GET straight to the node as the trusted proxy (loopback) would forward it for `client`. */
async function fetchAs(url: string, path: string, forwardedFor: string, headers: Record<string, string>): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(url + path, { headers: { ...headers, 'x-forwarded-for': forwardedFor } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

for (const backend of testBackends()) {
  for (const setting of ['1', '127.0.0.1/32, ::1']) {
    describe(`sign-in rate limit behind a proxy (COMITY_TRUST_PROXY=${setting}) on ${backend.name}`, () => {
      test('a forged X-Forwarded-For does not reset the limit; each real client has its own', async () => {
        const env = configFromEnv({ COMITY_TRUST_PROXY: setting, COMITY_METRICS_TOKEN: METRICS_TOKEN });
        const t = await startTestNode(backend, { loginRateLimit: 3, trustProxy: env.trustProxy, metricsToken: env.metricsToken }, { changeAdminPassword: false });
        const proxy = await appendingProxy(t.url);
        try {
          const first: number[] = [];
          for (let i = 0; i < 5; i++) first.push(await signInFrom(proxy.url, '127.0.0.2', `198.51.100.${i + 1}`));
          assert.deepEqual(first, [401, 401, 401, 429, 429], 'client 127.0.0.2 forging a new address each time');
          // Another real client is counted on its own, even when it claims to be the first one.
          assert.equal(await signInFrom(proxy.url, '127.0.0.3', '127.0.0.2'), 401);
          // And the first one cannot pose as the second.
          assert.equal(await signInFrom(proxy.url, '127.0.0.2', '127.0.0.3'), 429);

          // The same node has COMITY_METRICS_TOKEN: a remote caller needs the bearer token.
          const remote = '203.0.113.7';
          const none = await fetchAs(t.url, '/metrics', remote, {});
          assert.equal(none.status, 401);
          assert.match(none.type, /application\/problem\+json/);
          assert.equal((JSON.parse(none.body) as { code: string }).code, 'unauthenticated');
          assert.equal((await fetchAs(t.url, '/metrics', remote, { authorization: 'Bearer metrics-secret-0123456788' })).status, 401);
          const right = await fetchAs(t.url, '/metrics', remote, { authorization: `Bearer ${METRICS_TOKEN}` });
          assert.equal(right.status, 200);
          assert.match(right.body, /http_request/);
          // Claiming loopback in front of the real address does not help; loopback itself needs no token.
          assert.equal((await fetchAs(t.url, '/metrics', `127.0.0.1, ${remote}`, {})).status, 401);
          assert.equal((await fetch(`${t.url}/metrics`)).status, 200);
        } finally {
          await proxy.close();
          await t.close();
        }
      });
    });
  }

  describe(`sessions and API tokens on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    before(async () => {
      // One proxy hop, so that a request with X-Forwarded-For looks like a remote caller.
      t = await startTestNode(backend, { loginRateLimit: 1000, trustProxy: 1 });
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
    });
    after(() => t.close());

    test('/metrics without a token setting: loopback only, others get 404 problem+json', async () => {
      const local = await fetch(`${t.url}/metrics`);
      assert.equal(local.status, 200);
      assert.match(await local.text(), /http_request/);
      const remote = await fetch(`${t.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      assert.equal(remote.status, 404);
      assert.match(remote.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.doesNotMatch(await remote.text(), /http_request/);
    });

    test('signing in again while holding a session (a second tab) replaces it instead of answering csrf_failed', async () => {
      const p = await makeUser(admin, { role: 'viewer' });
      const oldCookie = p.client.cookie;
      assert.ok(oldCookie);
      // A second tab has the cookie but not yet the CSRF token.
      p.client.csrf = undefined;
      const again = await p.client.signIn(p.email, p.password);
      assert.equal(again.status, 200, again.text);
      assert.notEqual(p.client.cookie, oldCookie);
      assert.equal((await p.client.call('GET', '/api/v1/session')).status, 200);
      // The replaced session is gone.
      const stale = new ApiClient(t.url);
      stale.cookie = oldCookie;
      assert.equal((await stale.call('GET', '/api/v1/session')).status, 401);
      // Signing in as someone else from the same browser works too.
      const other = await makeUser(admin, { role: 'viewer' });
      const switched = await p.client.signIn(other.email, other.password);
      assert.equal(switched.status, 200, switched.text);
      assert.equal(switched.body.user.id, other.userId);
      const audit = await admin.call<{ items: { change: { replacedSession?: boolean } }[] }>('GET', `/api/v1/audit?action=session.sign-in&actor=${encodeURIComponent(other.email)}&limit=5`);
      assert.ok(audit.body.items.some((e) => e.change.replacedSession === true), 'the replacement is audited');
    });

    test('tokens list their last use (written at most once a minute) and can all be revoked at once', async () => {
      const p = await makeUser(admin, { role: 'viewer' });
      const a = await p.client.call<{ token: string }>('POST', '/api/v1/account/tokens', { name: 'script A' }, 201);
      await p.client.call('POST', '/api/v1/account/tokens', { name: 'script B' }, 201);
      const bearer = new ApiClient(t.url);
      bearer.bearer = a.body.token;
      assert.equal((await bearer.call('GET', '/api/v1/session')).status, 200);
      type List = { items: { name: string; lastUsedAt: string | null }[] };
      const listed = (await p.client.call<List>('GET', '/api/v1/account/tokens', undefined, 200)).body.items;
      const usedAt = listed.find((x) => x.name === 'script A')?.lastUsedAt;
      assert.ok(usedAt, 'script A shows its last use');
      assert.equal(listed.find((x) => x.name === 'script B')?.lastUsedAt, null);
      assert.equal((await bearer.call('GET', '/api/v1/session')).status, 200);
      const again = (await p.client.call<List>('GET', '/api/v1/account/tokens', undefined, 200)).body.items;
      assert.equal(again.find((x) => x.name === 'script A')?.lastUsedAt, usedAt, 'a second use within the minute writes nothing');

      const revoked = await p.client.call<{ revoked: number }>('DELETE', '/api/v1/account/tokens', undefined, 200);
      assert.equal(revoked.body.revoked, 2);
      assert.equal((await bearer.call('GET', '/api/v1/session')).status, 401);
      assert.deepEqual((await p.client.call<List>('GET', '/api/v1/account/tokens', undefined, 200)).body.items, []);
      const audit = await admin.call<{ items: { change: { tokens: string[] } }[] }>('GET', `/api/v1/audit?action=api-token.revoke-all&actor=${encodeURIComponent(p.email)}&limit=5`);
      assert.equal(audit.body.items[0]?.change.tokens.length, 2);
    });

    test('a password change keeps API tokens unless asked to revoke them (audited)', async () => {
      const p = await makeUser(admin, { role: 'viewer' });
      const made = await p.client.call<{ token: string }>('POST', '/api/v1/account/tokens', { name: 'nightly export' }, 201);
      const bearer = new ApiClient(t.url);
      bearer.bearer = made.body.token;
      await p.client.call('POST', '/api/v1/account/password', { currentPassword: p.password, newPassword: 'third-password-789' }, 204);
      assert.equal((await bearer.call('GET', '/api/v1/session')).status, 200, 'tokens survive a plain password change');
      const bad = await p.client.call<{ code: string }>('POST', '/api/v1/account/password', { currentPassword: 'third-password-789', newPassword: 'fourth-password-012', revokeApiTokens: 'yes' });
      assert.equal(bad.status, 400);
      await p.client.call('POST', '/api/v1/account/password', { currentPassword: 'third-password-789', newPassword: 'fourth-password-012', revokeApiTokens: true }, 204);
      assert.equal((await bearer.call('GET', '/api/v1/session')).status, 401, 'revoked with the change');
      const audit = await admin.call<{ items: { change: { revokedApiTokens?: string[] } }[] }>('GET', `/api/v1/audit?action=user.password-change&actor=${encodeURIComponent(p.email)}&limit=5`);
      assert.equal(audit.body.items[0]?.change.revokedApiTokens?.length, 1);
    });
  });
}
