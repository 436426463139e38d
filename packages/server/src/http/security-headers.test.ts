// The security headers are computed once (security-headers.ts): every kind of answer still carries
// them — a bare route, an API answer read with a token, a problem+json error, the SPA fallback —
// and a route that sets its own Content-Security-Policy (the evidence viewer) keeps its own.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { securityHeaders } from './security-headers.ts';
import { ApiClient, type TestNode, startTestNode } from '../testing/test-node.ts';

const CSP =
  "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'";

test('helmet runs once and its header list is what every answer gets', () => {
  const { set, remove } = securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } }, strictTransportSecurity: false });
  const names = set.map(([n]) => n.toLowerCase());
  for (const n of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy']) assert.ok(names.includes(n), n);
  assert.ok(!names.includes('strict-transport-security'), 'HSTS is left to the TLS proxy');
  assert.deepEqual(remove, ['X-Powered-By']);
  assert.throws(() => securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ['self'] } } }), /self/, 'a bad directive fails when the app is built, not per request');
});

for (const backend of testBackends()) {
  describe(`security headers on ${backend.name}`, () => {
    let t: TestNode;
    before(async () => {
      t = await startTestNode(backend);
    });
    after(async () => t.close());

    test('a bare route, a token-authenticated read, an error and the SPA fallback all carry them', async () => {
      const admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, t.admin.password);
      const token = (await admin.call<{ token: string }>('POST', '/api/v1/account/tokens', { name: 'headers' }, 201)).body.token;
      const answers = [
        await fetch(`${t.url}/healthz`),
        await fetch(`${t.url}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } }),
        await fetch(`${t.url}/api/v1/users`),
        await fetch(`${t.url}/api/v1/no-such-route`),
        await fetch(`${t.url}/requests/some-page`),
      ];
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200, 401, 404, 200],
      );
      for (const a of answers) {
        assert.equal(a.headers.get('content-security-policy'), CSP, a.url);
        assert.equal(a.headers.get('x-content-type-options'), 'nosniff', a.url);
        assert.equal(a.headers.get('x-frame-options'), 'SAMEORIGIN', a.url);
        assert.equal(a.headers.get('referrer-policy'), 'no-referrer', a.url);
        assert.equal(a.headers.get('cross-origin-opener-policy'), 'same-origin', a.url);
        assert.equal(a.headers.get('strict-transport-security'), null, a.url);
        assert.equal(a.headers.get('x-powered-by'), null, a.url);
        await a.arrayBuffer();
      }
    });
  });
}
