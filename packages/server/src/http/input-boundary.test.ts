// Regression tests for what an outside probe found (issue 8, section 2): text that is not
// well-formed Unicode or holds NUL, dates that do not exist, odd file names and content types, long
// path parameters and malformed HTTP all get a 400-class problem+json (never a 500), and a caller
// who may not use a route is refused before its body is looked at.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, type ApiResponse, makeUser, startTestNode, type TestNode } from '../testing/test-node.ts';

const JSON_TYPE = { 'content-type': 'application/json' };

interface Problem {
  code: string;
  status: number;
  detail?: string;
  pointer?: string;
  errors?: { path: string; message: string }[];
}

function assertProblem(res: ApiResponse, status: number, code: string, what: string): Problem {
  assert.equal(res.status, status, `${what}: ${res.text.slice(0, 300)}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
  const problem = res.body as Problem;
  assert.equal(problem.code, code, what);
  assert.equal(problem.status, status, what);
  return problem;
}

/** One request written by hand on a socket, for what fetch refuses to send. */
function rawHttp(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let text = '';
    socket.on('data', (d) => {
      text += d.toString('latin1');
    });
    socket.on('error', () => resolve(text));
    socket.on('close', () => resolve(text));
    socket.setTimeout(10_000, () => reject(new Error('no answer')));
  });
}

for (const backend of testBackends()) {
  describe(`input boundary on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let drafter: Awaited<ReturnType<typeof makeUser>>;
    let draftId: string;
    before(async () => {
      t = await startTestNode(backend, { loginRateLimit: 1000 });
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA' });
      draftId = (await drafter.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', title: 'Draft' }, 201)).body.id;
    });
    after(() => t.close());

    test('NUL and lone surrogates in any JSON string are 400 invalid_text naming the field, and nothing is stored', async () => {
      const anon = new ApiClient(t.url);
      const cases: [ApiClient, string, string, string, string][] = [
        [anon, 'POST', '/api/v1/session', '{"email":"a\\u0000@example.org","password":"whatever-long"}', '/body/email'],
        [anon, 'POST', '/api/v1/session', '{"email":"a@example.org","password":"x\\ud800"}', '/body/password'],
        [drafter.client, 'POST', '/api/v1/requests', '{"type":"mla","requestedState":"DEU","title":"T\\u0000"}', '/body/title'],
        [drafter.client, 'PATCH', `/api/v1/requests/${draftId}`, '{"version":1,"title":"\\udfff"}', '/body/title'],
        [drafter.client, 'POST', `/api/v1/requests/${draftId}/transitions`, '{"action":"withdraw","reason":"no\\ud800"}', '/body/reason'],
        [admin, 'POST', '/api/v1/account/tokens', '{"name":"x\\udfff"}', '/body/name'],
        [admin, 'POST', '/api/v1/organisations', '{"name":"Null\\u0000 Authority","country":"FRA","kind":"court"}', '/body/name'],
        [admin, 'PATCH', `/api/v1/organisations/${drafter.organisationId}`, '{"name":"\\ud800"}', '/body/name'],
        [
          drafter.client,
          'POST',
          `/api/v1/requests/${draftId}/attachments`,
          '{"filename":"a\\u0000.txt","mediaType":"text/plain","contentBase64":"aGVsbG8="}',
          '/body/filename',
        ],
        [admin, 'POST', '/api/v1/organisations', '{"name":"Keyed","country":"FRA","kind":"court","bad\\u0000key":1}', '/body/bad\u0000key'],
      ];
      for (const [client, method, path, body, pointer] of cases) {
        const res = await client.raw(method, path, { body, headers: JSON_TYPE });
        const problem = assertProblem(res, 400, 'invalid_text', `${method} ${path} ${body}`);
        assert.equal(problem.pointer, pointer);
        assert.equal(problem.errors?.[0]?.path, pointer.slice(1).replace(/\//g, '.'));
        assert.match(problem.detail ?? '', /well-formed Unicode without NUL/);
      }
      const orgs = await admin.call<{ items: { name: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
      assert.ok(!orgs.body.items.some((o) => o.name.startsWith('Null') || o.name === 'Keyed'), 'no organisation was created');
      const draft = await drafter.client.call<{ title: string; state: string; attachments: unknown[] }>('GET', `/api/v1/requests/${draftId}`, undefined, 200);
      assert.equal(draft.body.title, 'Draft');
      assert.equal(draft.body.state, 'draft');
      assert.equal(draft.body.attachments.length, 0);
      const verify = await admin.call<{ ok: boolean }>('GET', '/api/v1/audit/verify', undefined, 200);
      assert.equal(verify.body.ok, true);
    });

    test('query and path parameters obey the same rule; a right-to-left override alone is fine', async () => {
      const q = assertProblem(await drafter.client.raw('GET', '/api/v1/requests?q=%E2%80%AE%00'), 400, 'invalid_text', 'q with NUL');
      assert.equal(q.pointer, '/query/q');
      assert.equal((await drafter.client.raw('GET', '/api/v1/requests?q=%E2%80%AE')).status, 200);
      const p = assertProblem(await admin.raw('GET', '/api/v1/organisations/%00'), 400, 'invalid_text', 'path with NUL');
      assert.equal(p.pointer, '/params/id');
    });

    test('dates in a query must exist: 2020-13-45 is 400, not 500', async () => {
      const stats = assertProblem(await drafter.client.raw('GET', '/api/v1/requests/statistics?from=2020-13-45'), 400, 'validation_failed', 'statistics from');
      assert.ok(stats.errors?.some((e) => e.path.startsWith('querystring') && /from/.test(e.path)), JSON.stringify(stats.errors));
      assertProblem(await drafter.client.raw('GET', '/api/v1/requests/statistics?to=2021-02-29'), 400, 'validation_failed', 'statistics to');
      assert.equal((await drafter.client.raw('GET', '/api/v1/requests/statistics?from=2024-02-29&to=2024-12-31')).status, 200);
      assertProblem(await admin.raw('GET', '/api/v1/audit?from=yesterday'), 400, 'validation_failed', 'audit from');
      assertProblem(await admin.raw('GET', '/api/v1/audit?to=0000-01-01'), 400, 'validation_failed', 'audit year 0');
      assert.equal((await admin.raw('GET', '/api/v1/audit?from=2024-01-01&to=2030-01-01T00:00:00Z')).status, 200);
      const draft = await drafter.client.call('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', deadline: '2020-13-45' });
      assertProblem(draft, 400, 'validation_failed', 'deadline in a body');
    });

    test('raw uploads: X-Filename must be percent-encoded UTF-8; any Content-Type is a file', async () => {
      const upload = (headers: Record<string, string>, query = '') =>
        drafter.client.raw('POST', `/api/v1/requests/${draftId}/attachments${query}`, { body: 'hello, file', headers });
      assertProblem(await upload({ 'content-type': 'application/octet-stream', 'x-filename': '%ZZ' }), 400, 'invalid_filename', 'X-Filename %ZZ');
      assertProblem(await upload({ 'content-type': 'application/octet-stream', 'x-filename': '%ED%A0%80' }), 400, 'invalid_filename', 'encoded surrogate');
      assertProblem(await upload({ 'content-type': 'application/octet-stream', 'x-filename': 'a%00b' }), 400, 'invalid_text', 'encoded NUL');
      assertProblem(await upload({ 'content-type': 'application/octet-stream' }, '?filename=a%00.txt'), 400, 'invalid_text', '?filename NUL');
      const plain = await upload({ 'content-type': 'text/plain; charset=utf-8', 'x-filename': 'r%C3%A9sum%C3%A9.txt' });
      assert.equal(plain.status, 201, plain.text);
      const stored = plain.body as { id: string; filename: string; mediaType: string; size: number };
      assert.equal(stored.filename, 'résumé.txt');
      assert.equal(stored.mediaType, 'text/plain');
      const back = await drafter.client.raw('GET', `/api/v1/requests/${draftId}/attachments/${stored.id}`);
      assert.equal(back.text, 'hello, file');
      const json = await drafter.client.call('POST', `/api/v1/requests/${draftId}/attachments`, { filename: 'b.txt', mediaType: 'text/plain', contentBase64: 'aGk=' });
      assert.equal(json.status, 201, 'JSON uploads still work');
    });

    test('errors Fastify raises before a route runs are problem+json too', async () => {
      assertProblem(await admin.raw('GET', `/api/v1/requests/${'a'.repeat(5_000)}`), 414, 'uri_too_long', '5,000-character path parameter');
      assertProblem(await admin.raw('GET', '/api/v1/requests/%E0%A4%A'), 400, 'bad_url', 'malformed percent-encoding');
      assertProblem(await admin.raw('POST', '/api/v1/organisations', { body: '', headers: JSON_TYPE }), 400, 'malformed_json', 'empty JSON body');
      assertProblem(await admin.raw('POST', '/api/v1/organisations', { body: '{"name":', headers: JSON_TYPE }), 400, 'malformed_json', 'broken JSON');
      assertProblem(await admin.raw('POST', '/api/v1/organisations', { body: 'name=x', headers: { 'content-type': 'text/csv' } }), 415, 'unsupported_media_type', 'CSV');
      assertProblem(await admin.raw('GET', '/api/v1/nothing-here'), 404, 'not_found', 'no route');
      const malformed = await rawHttp(t.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n');
      assert.match(malformed, /^HTTP\/1\.1 400 /);
      assert.match(malformed, /Content-Type: application\/problem\+json/i);
      assert.match(malformed, /"code":"malformed_http"/);
      const huge = await rawHttp(t.url, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      assert.match(huge, /^HTTP\/1\.1 431 /);
      assert.match(huge, /"code":"headers_too_large"/);
    });

    test('access is decided before the body is read: anonymous 401, a missing permission 403', async () => {
      const anon = new ApiClient(t.url);
      const junk = JSON.stringify({ unexpected: ['x'] });
      for (const [method, path, body] of [
        ['POST', '/api/v1/organisations', junk],
        ['POST', '/api/v1/organisations', '{broken'],
        ['POST', '/api/v1/requests', junk],
        ['PATCH', `/api/v1/requests/${draftId}`, junk],
        ['POST', `/api/v1/requests/${draftId}/transitions`, junk],
        ['GET', '/api/v1/requests/statistics?from=2020-13-45', undefined],
        ['POST', '/api/v1/account/tokens', '{"name":"\\u0000"}'],
      ] as const) {
        const res = await anon.raw(method, path, body === undefined ? {} : { body, headers: JSON_TYPE });
        assertProblem(res, 401, 'unauthenticated', `anonymous ${method} ${path} ${body}`);
      }
      const viewer = await makeUser(admin, { role: 'viewer', organisationId: drafter.organisationId });
      assertProblem(await viewer.client.raw('POST', '/api/v1/organisations', { body: junk, headers: JSON_TYPE }), 403, 'forbidden', 'viewer creates an organisation');
      assertProblem(await viewer.client.raw('POST', '/api/v1/requests', { body: junk, headers: JSON_TYPE }), 403, 'forbidden', 'viewer drafts');
      assertProblem(
        await viewer.client.raw('POST', `/api/v1/requests/${draftId}/transitions`, { body: junk, headers: JSON_TYPE }),
        403,
        'forbidden',
        'viewer moves a request',
      );
      // With the permission, the same body gets the schema's answer.
      assertProblem(await admin.raw('POST', '/api/v1/organisations', { body: junk, headers: JSON_TYPE }), 400, 'validation_failed', 'admin, bad body');

      // Knowledge is public until the administrator requires signing in; then 401 comes first too.
      const bad = '/api/v1/legal-basis?requesting=FRA&requested=BRA&type=mla&offence=corruption&date=2024-02-30';
      assert.equal((await anon.raw('GET', bad)).status, 400);
      await admin.call('PUT', '/api/v1/settings/public', { requireSignInForKnowledge: true }, 200);
      try {
        assertProblem(await anon.raw('GET', bad), 401, 'unauthenticated', 'knowledge with sign-in required');
        assert.equal((await drafter.client.raw('GET', bad)).status, 400);
      } finally {
        await admin.call('PUT', '/api/v1/settings/public', { requireSignInForKnowledge: false }, 200);
      }
    });
  });
}
