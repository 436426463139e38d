// Every place that reads, exports, sends, attaches or re-marks a marked record declares it in its
// route config, and the node refuses to answer with success from a route that declared an action
// but never asked `decide`. The list below is the route table of a running node: a new route under
// the requests or consents API fails this test until it says what it does.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { buildApp } from '../app.ts';
import { type TestNode, startTestNode } from '../testing/test-node.ts';
import { ROUTE_TABLES } from './policy-routes-check.ts';

/** What each route touching marked records performs. 'none': it touches none (or only its own new record). */
const EXPECTED: Record<string, readonly string[] | 'none'> = {
  'POST /api/v1/requests': 'none',
  'GET /api/v1/requests': ['read'],
  'GET /api/v1/requests/statistics': 'none',
  'GET /api/v1/requests/refusal-grounds': 'none',
  'POST /api/v1/requests/check': 'none',
  'GET /api/v1/requests/:id': ['read'],
  'PATCH /api/v1/requests/:id': ['read', 'remark'],
  'GET /api/v1/requests/:id/completeness': ['read'],
  'POST /api/v1/requests/:id/transitions': ['read', 'transmit'],
  'POST /api/v1/requests/:id/attachments': ['read'],
  'POST /api/v1/requests/:id/attachments/copy': ['attach'],
  'GET /api/v1/requests/:id/attachments/:attachmentId': ['export'],
  'GET /api/v1/requests/:id/document': ['export'],
  'GET /api/v1/requests/:id/document/check': ['read'],
  'POST /api/v1/requests/:id/answers': ['read'],
  'POST /api/v1/requests/:id/link': ['read', 'transmit'],
  'POST /api/v1/consents': ['read'],
  'GET /api/v1/consents': 'none',
  'GET /api/v1/consents/:id': 'none',
  'POST /api/v1/consents/:id/answer': 'none',
  'POST /api/v1/consents/:id/approve': 'none',
  'GET /api/v1/policy/denials': 'none',
  // Cases (issue 12 part 0): a case is a marked record; reading it asks `decide`.
  'PUT /api/v1/requests/:id/case': ['read'],
  'POST /api/v1/cases': 'none',
  'GET /api/v1/cases': ['read'],
  'GET /api/v1/cases/:id': ['read'],
  'PATCH /api/v1/cases/:id': ['read', 'remark'],
  'GET /api/v1/cases/:id/member-candidates': ['read'],
  'POST /api/v1/cases/:id/members': ['read'],
  'DELETE /api/v1/cases/:id/members/:userId': ['read'],
  'POST /api/v1/cases/:id/requests': ['read'],
  'DELETE /api/v1/cases/:id/requests/:requestId': ['read'],
  // Evidence vault (issue 12): items inherit the marking of their case or request.
  'GET /api/v1/evidence': ['read'],
  'GET /api/v1/evidence/:id': ['read'],
  'GET /api/v1/evidence/:id/custody': ['read'],
  'GET /api/v1/evidence/:id/content': ['read', 'export'],
  'POST /api/v1/evidence/uploads': ['read'],
  'GET /api/v1/evidence/uploads/:id': 'none',
  'PATCH /api/v1/evidence/uploads/:id': 'none',
  'DELETE /api/v1/evidence/uploads/:id': 'none',
  'POST /api/v1/evidence/:id/seal': ['read'],
  'POST /api/v1/evidence/:id/release': ['read'],
  'POST /api/v1/evidence/:id/download-approvals': ['read'],
  'GET /api/v1/evidence/:id/approvers': ['read'],
  'POST /api/v1/evidence/:id/download-requests': ['read'],
  'GET /api/v1/evidence/:id/download-requests': ['read'],
  'POST /api/v1/evidence/:id/working-copies': ['read'],
  'GET /api/v1/evidence/:id/timestamps': ['read'],
  // evidence transfer (evidence/transfer): sending reads the item and decides its transmission to the peer
  'POST /api/v1/evidence/:id/transfers': ['read', 'transmit'],
  'GET /api/v1/evidence/:id/transfers': ['read'],
  // web capture (evidence/capture): each reads the case or request the captures belong to
  'POST /api/v1/evidence/captures': ['read'],
  'GET /api/v1/evidence/captures': ['read'],
  'GET /api/v1/evidence/captures/:id': ['read'],
  'POST /api/v1/evidence/captures/:id/urls/:urlId/retry': ['read'],
  'GET /api/v1/evidence/capture-allowlist': 'none',
  'PUT /api/v1/evidence/capture-allowlist': 'none',
  // court package (evidence/package): every item is read and its export decided before anything is written
  'GET /api/v1/evidence/packages/:kind/:id/contents': ['read', 'export'],
  'GET /api/v1/evidence/packages/:kind/:id': ['read', 'export'],
  // Entities (issue 13 part 1): each reads the case the entity belongs to and the entity's own marking.
  'GET /api/v1/cases/:id/entities': ['read'],
  'POST /api/v1/cases/:id/entities': ['read'],
  'POST /api/v1/cases/:id/entities/import': ['read'],
  'GET /api/v1/cases/:id/entities/export': ['read', 'export'],
  'GET /api/v1/cases/:id/entities/graph': ['read'],
  'POST /api/v1/entities/person-search': ['read'],
  'GET /api/v1/entities/:id': ['read'],
  'PATCH /api/v1/entities/:id': ['read'],
  'DELETE /api/v1/entities/:id': ['read'],
  'GET /api/v1/entities/:id/links': ['read'],
  'GET /api/v1/entities/:id/graph': ['read'],
  'POST /api/v1/entities/:id/mentions': ['read'],
  'DELETE /api/v1/entities/:id/mentions/:mentionId': ['read'],
  // Stolen cultural property (issue 15): a record is marked (TLP:CLEAR = shown to the public check).
  'POST /api/v1/cultural-property': ['transmit'],
  'GET /api/v1/cultural-property': ['read'],
  'GET /api/v1/cultural-property/:id': ['read'],
  'PATCH /api/v1/cultural-property/:id': ['read', 'transmit'],
  'GET /api/v1/cultural-property/:id/images/:imageId': ['read'],
  'POST /api/v1/cultural-property/:id/images': ['read', 'transmit'],
  'POST /api/v1/cultural-property/search/image': ['read'],
  'POST /api/v1/cultural-property/import': ['transmit'],
  'GET /api/v1/cultural-property/federation/peers': 'none',
  'PUT /api/v1/cultural-property/federation/peers/:nodeId': ['transmit'],
  'POST /api/v1/cultural-property/check': 'none',
  // A photo a person left with a public check: not a marked record; shown to node administrators and to
  // the organisations holding a record the check matched (their own records), 404 to others.
  'GET /api/v1/cultural-property/checks/:checkId/photo': 'none',
  // The check log: the same scope as the photo (checksVisibleTo), not a marked record.
  'GET /api/v1/cultural-property/checks': 'none',
  // Seizure and maritime-incident registries (issue 14): marked records (own marking + the case's).
  'GET /api/v1/seizures/reference': 'none',
  'POST /api/v1/seizures': 'none',
  'GET /api/v1/seizures': ['read'],
  'GET /api/v1/seizures/:id': ['read'],
  'PATCH /api/v1/seizures/:id': ['read'],
  'POST /api/v1/seizures/import': 'none',
  'GET /api/v1/seizures/map': ['read'],
  'GET /api/v1/incidents/map': ['read'],
  'POST /api/v1/incidents': 'none',
  'POST /api/v1/incidents/import': 'none',
  'GET /api/v1/incidents': ['read'],
  'GET /api/v1/incidents/:id': ['read'],
  'PATCH /api/v1/incidents/:id': ['read'],
  // Backtracking: reads the record it starts from; the related ones are scoped and decided.
  'GET /api/v1/seizures/:id/related': ['read'],
  // Backtracking across nodes (issue 14 part 4): reads the record, then hit/no-hit of its case's entities.
  'POST /api/v1/seizures/:id/peer-check': ['read'],
  'GET /api/v1/seizures/:id/peer-hits': ['read'],
  'POST /api/v1/incidents/:id/peer-check': ['read'],
  'GET /api/v1/incidents/:id/peer-hits': ['read'],
  'GET /api/v1/incidents/:id/related': ['read'],
  'GET /api/v1/cultural-property/public/images/:imageId': 'none',
  'POST /api/v1/cultural-property/receipts/verify': 'none',
};

/** Routes that carry marked records: every one must declare; those with a record id must declare an action. */
const MARKED = /^\/api\/v1\/(requests|consents|policy|cases|evidence|entities|cultural-property|seizures|incidents)(\/|$)/;

for (const backend of testBackends()) {
  describe(`the route table declares every release-policy action on ${backend.name}`, () => {
    let node: TestNode;
    before(async () => {
      node = await startTestNode(backend);
    });
    after(async () => node?.close());

    test('every route over marked records is listed, with what it declares', () => {
      const table = ROUTE_TABLES.get(node.node.deps);
      assert.ok(table && table.length > 50, 'the route table was collected');
      const marked = table.filter((r) => MARKED.test(r.url));
      const seen = new Set<string>();
      for (const r of marked) {
        const key = `${r.method} ${r.url}`;
        seen.add(key);
        assert.ok(r.policy !== undefined, `${key} does not declare config.policy`);
        assert.ok(key in EXPECTED, `${key} is new: add it to this list with the policy actions it performs`);
        assert.deepEqual(r.policy, EXPECTED[key], `${key} declares ${JSON.stringify(r.policy)}`);
        if (/:id\b/.test(r.url) && r.url.startsWith('/api/v1/requests/')) assert.notEqual(r.policy, 'none', `${key} works on one request and must decide`);
      }
      for (const key of Object.keys(EXPECTED)) assert.ok(seen.has(key), `${key} is listed here but not registered`);
      // Federation carries records too: its inbox applies what peers send (their own marking) and
      // its worker sends only what a decided transition wrote to the outbox.
      assert.ok(table.some((r) => r.url === '/federation/v1/inbox'));
    });

    test('a route that declares an action and answers without a decision is refused (fail closed)', async () => {
      const app = await buildApp(node.node.deps, [
        async (a) => {
          a.get('/api/v1/test-policy/forgot', { config: { access: 'public', policy: ['read'] } }, async () => ({ secret: 'marked content' }));
          a.get('/api/v1/test-policy/decided', { config: { access: 'public', policy: ['read'] } }, async (request) => {
            request.policyTrail = { decisions: 1 };
            return { ok: true };
          });
          a.get('/api/v1/test-policy/none', { config: { access: 'public', policy: 'none' } }, async () => ({ ok: true }));
        },
      ]);
      try {
        const forgot = await app.inject({ method: 'GET', url: '/api/v1/test-policy/forgot' });
        assert.equal(forgot.statusCode, 500);
        assert.doesNotMatch(forgot.body, /marked content/);
        assert.equal((await app.inject({ method: 'GET', url: '/api/v1/test-policy/decided' })).statusCode, 200);
        assert.equal((await app.inject({ method: 'GET', url: '/api/v1/test-policy/none' })).statusCode, 200);
      } finally {
        await app.close();
      }
    });
  });
}
