// The API fuzz suite, registered by http/api-fuzz.test.ts (PGlite) and
// http/api-fuzz-postgres.test.ts (PostgreSQL, when TEST_DATABASE_URL is set).
// Walks every operation of the node's own OpenAPI document with generated valid and broken inputs,
// as an anonymous caller, as a signed-in administrator (cookie + CSRF, and Bearer token) and as a
// practitioner, and fails on any 5xx, any error that is not problem+json, and any protected
// operation that answers an anonymous caller with something other than 401. Afterwards the audit
// trail must still verify. Fixed seed and a bounded number of cases here; `npm run fuzz:api --
// --runs N --seed S` runs longer (COMITY_FUZZ_RUNS, COMITY_FUZZ_SEED).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestBackend } from '@comity/db/testing';
import fc from 'fast-check';
import { type FuzzOperation, type FuzzRequest, operationsOf, requestFor } from './openapi-fuzz.ts';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode, type TestNode } from './test-node.ts';

const RUNS = Number(process.env.COMITY_FUZZ_RUNS ?? 4);
const SEED = Number(process.env.COMITY_FUZZ_SEED ?? 20_261_129);

/**
 * Left out of the sweep, each for a reason:
 * - the federation inbox is being reworked in parallel (per-sender limits, rejections counted
 *   instead of audited); it authenticates envelopes itself and is covered by its own tests;
 * - signing out would end the session the sweep runs with (tested anonymously below).
 */
const SKIP: { method: string; path: string; actors?: string[] }[] = [
  { method: 'POST', path: '/federation/v1/inbox' },
  { method: 'DELETE', path: '/api/v1/session', actors: ['admin-cookie', 'practitioner'] },
  // The live event stream stays open by design (tested in events/live-events.test.ts); anonymous callers still get 401.
  { method: 'GET', path: '/api/v1/events', actors: ['admin-cookie', 'admin-bearer', 'practitioner'] },
];

interface Actor {
  name: string;
  headers: Record<string, string>;
  signedIn: boolean;
}

async function send(base: string, actor: Actor, req: FuzzRequest) {
  const headers: Record<string, string> = { ...req.headers, ...actor.headers };
  const res = await fetch(base + req.url, { method: req.method, headers, ...(req.body !== undefined ? { body: req.body } : {}) });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text };
}

function describeCase(actor: Actor, req: FuzzRequest, status: number, text: string): string {
  const body = req.body === undefined ? '' : ` body=${JSON.stringify(req.body.slice(0, 300))}`;
  return `${actor.name} ${req.method} ${req.url.slice(0, 300)} [${req.note}]${body} → ${status} ${text.slice(0, 300)}`;
}

/**
 * The sweep on one backend. Each backend has its own test file (this one for PGlite,
 * api-fuzz-postgres.test.ts for PostgreSQL), so each gets the runner's whole per-file timeout.
 */
export function apiFuzzSuite(backend: TestBackend): void {
  describe(`API fuzz on ${backend.name}`, () => {
    let t: TestNode;
    let doc: Record<string, unknown>;
    let actors: Actor[];
    let admin: ApiClient;
    let knownIds: Record<string, string[]>;

    before(async () => {
      t = await startTestNode(backend, { loginRateLimit: 100_000 });
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      const token = await admin.call<{ token: string }>('POST', '/api/v1/account/tokens', { name: 'fuzz' }, 201);
      const practitioner = await makeUser(admin, { role: 'practitioner', country: 'FRA' });
      // A draft with a file, so that some generated requests reach real records.
      const draft = await practitioner.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', title: 'Fuzz draft' }, 201);
      const file = await practitioner.client.raw('POST', `/api/v1/requests/${draft.body.id}/attachments?filename=a.txt`, {
        body: 'hello',
        headers: { 'content-type': 'application/octet-stream' },
      });
      assert.equal(file.status, 201, file.text);
      knownIds = {
        id: [draft.body.id, practitioner.organisationId],
        attachmentId: [(file.body as { id: string }).id],
      };
      actors = [
        { name: 'anonymous', headers: {}, signedIn: false },
        { name: 'admin-cookie', headers: { cookie: admin.cookie as string, 'x-csrf-token': admin.csrf as string }, signedIn: true },
        { name: 'admin-bearer', headers: { authorization: `Bearer ${token.body.token}` }, signedIn: true },
        {
          name: 'practitioner',
          headers: { cookie: practitioner.client.cookie as string, 'x-csrf-token': practitioner.client.csrf as string },
          signedIn: true,
        },
      ];
      doc = (await new ApiClient(t.url).call<Record<string, unknown>>('GET', '/api/openapi.json', undefined, 200)).body;
    });
    after(() => t.close());

    test('every operation, every caller: no 5xx, errors are problem+json, anonymous gets 401 before validation', async () => {
      const ops = operationsOf(doc);
      assert.ok(ops.length >= 60, `the document lists ${ops.length} operations`);
      let cases = 0;
      for (const [i, op] of ops.entries()) {
        for (const actor of actors) {
          if (SKIP.some((s) => s.method === op.method && s.path === op.path && (!s.actors || s.actors.includes(actor.name)))) continue;
          // The letter renderer starts Chromium; real ids there would make the sweep slow, not better.
          const ids = op.path.endsWith('/document') ? {} : knownIds;
          await fc.assert(
            fc.asyncProperty(requestFor(doc, op, { knownIds: ids }), async (req) => {
              cases++;
              const res = await send(t.url, actor, req);
              const what = describeCase(actor, req, res.status, res.text);
              assert.ok(res.status < 500, `5xx: ${what}`);
              if (res.status >= 400) {
                assert.match(res.contentType, /^application\/problem\+json/, `not problem+json: ${what}`);
                const problem = JSON.parse(res.text) as { status: number; code: string };
                assert.equal(problem.status, res.status, what);
                assert.equal(typeof problem.code, 'string', what);
              }
              if (!actor.signedIn && needsSignIn(op)) {
                // Routing errors come before any route (and so before access); everything else is 401.
                const routing = (res.status === 400 && /"code":"bad_url"/.test(res.text)) || res.status === 414;
                assert.ok(res.status === 401 || routing, `anonymous caller not refused first: ${what}`);
              }
            }),
            { seed: SEED + i, numRuns: RUNS, endOnFailure: true },
          );
        }
      }
      assert.ok(cases > ops.length * RUNS, `${cases} cases ran`);

      // The sweep's sessions are still valid, and the trail still verifies after all of it.
      const verify = await admin.call<{ ok: boolean; entries: number }>('GET', '/api/v1/audit/verify', undefined, 200);
      assert.equal(verify.body.ok, true, JSON.stringify(verify.body));
    });
  });
}

function needsSignIn(op: FuzzOperation): boolean {
  return !op.public && op.path.startsWith('/api/v1/');
}
