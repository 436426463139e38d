// The release-policy matrix through the routes on a real database: every marking case × every role
// × where the record came from (the holder's own, another organisation on this node, a peer node) ×
// the actions a route performs (read, export as DOCX and as a file download, attach into another
// request, transmit to a third party), each against the expectation table of core/policy/matrix.ts.
// PDF export decides exactly as DOCX (same rule, same route) and bulk exports (ZIP, CSV) have no
// route yet; remarking a received request is refused before any policy (it is not editable), so
// those cells are covered by the pure matrix only.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type ActionCase, MARKINGS, type MarkingCase, type Relation, expectedOutsider, expectedRule } from '@comity/core/policy/matrix';
import type { Role } from '@comity/core';
import { exampleRequest } from '@comity/core/requests/examples';
import type { RequestTransmitPayload } from '@comity/contract/requests';
import { testBackends } from '@comity/db/testing';
import type { RequestRow } from '@comity/db/repos/requests-repo';
import { auditedTransaction } from '../deps.ts';
import { type FederatedTestNode, startFederatedNode } from '../federation/federation-testing.ts';
import { applyTransmit } from '../requests/request-messages.ts';
import { requestsOf } from '../requests/requests-capability.ts';
import { type ApiClient, makeUser } from '../testing/test-node.ts';
import { ownMarkingOf, requestKey } from './policy-service.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

const CASES = Object.keys(MARKINGS) as MarkingCase[];
const ROUTE_ACTIONS = ['read', 'export:docx', 'export:api-download', 'attach', 'transmit:third'] as const satisfies readonly ActionCase[];
const PERMISSION_OF: Record<(typeof ROUTE_ACTIONS)[number], readonly Role[]> = {
  read: ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'],
  'export:docx': ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'],
  'export:api-download': ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'],
  attach: ['supervisor', 'practitioner'],
  'transmit:third': ['supervisor', 'practitioner'],
};

/** The request fields that make each marking case. */
function fieldsFor(c: MarkingCase): Json {
  const spec = MARKINGS[c] as { tlp: string; handling?: string; handlingNotes?: string[]; limitations?: Json };
  const l = spec.limitations ?? {};
  return {
    marking: spec.tlp,
    ...(spec.handling ? { handling: spec.handling } : {}),
    ...(spec.handlingNotes ? { handlingNote: spec.handlingNotes[0] } : {}),
    caseReference: 'Case 1',
    confidentiality: { confidential: l.confidential === true },
    useLimitations: {
      ...(l.speciality ? { speciality: true } : {}),
      ...(l.permittedUses ? { permittedUses: l.permittedUses } : {}),
      ...(l.reviewOn ? { reviewOn: l.reviewOn } : {}),
    },
  };
}

for (const backend of testBackends()) {
  describe(`the release-policy matrix through the routes on ${backend.name}`, () => {
    let n: FederatedTestNode;
    const users = {} as Record<Role, ApiClient>;
    let holder: User;
    let other: User;
    let otherSupervisor: User;
    let third: User;
    /** The record held by the holder for each case and origin, with one attachment, and a derived draft. */
    const records = new Map<string, { id: string; attachmentId: string; derivedDraftId: string }>();
    let targetDraftId: string;

    const rowOf = async (id: string) => (await n.node.deps.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as RequestRow;

    async function upload(client: ApiClient, id: string, text: string): Promise<string> {
      const res = await client.raw('POST', `/api/v1/requests/${id}/attachments?filename=file.txt`, { body: text, headers: { 'content-type': 'application/octet-stream' } });
      assert.equal(res.status, 201, res.text);
      return (JSON.parse(res.text) as Json).id;
    }

    /** A draft of the holder, addressed to the third organisation, made from `source` (as a copy would make it). */
    async function derivedDraft(source: RequestRow): Promise<string> {
      const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'ESP', third.organisationId);
      const d = await holder.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content, marking: 'GREEN', requestedOrganisationId: third.organisationId }, 201);
      const key = requestKey(source);
      const own = requestKey(await rowOf(d.body.id));
      if (key !== own) {
        await n.node.deps.db
          .updateTable('requests')
          .set({ marking_sources: JSON.stringify([{ key, marking: ownMarkingOf(source) }]) })
          .where('id', '=', d.body.id)
          .execute();
      }
      return d.body.id;
    }

    before(async () => {
      n = await startFederatedNode(backend, { name: 'Node operator', country: 'FRA' });
      holder = await makeUser(n.adminClient, { role: 'practitioner', orgName: 'Holder authority', country: 'FRA' });
      other = await makeUser(n.adminClient, { role: 'practitioner', orgName: 'Other authority', country: 'FRA' });
      otherSupervisor = await makeUser(n.adminClient, { role: 'supervisor', organisationId: other.organisationId });
      third = await makeUser(n.adminClient, { role: 'viewer', orgName: 'Third authority', country: 'ESP' });
      users.practitioner = holder.client;
      for (const role of ['supervisor', 'analyst', 'viewer'] as const) users[role] = (await makeUser(n.adminClient, { role, organisationId: holder.organisationId })).client;
      users.admin = n.adminClient; // a node administrator, in another organisation than the holder
      const rdeps = requestsOf(n.node.deps)!;
      for (const c of CASES) {
        // The holder's own record.
        const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'ESP', third.organisationId);
        const own = await holder.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content, ...fieldsFor(c), requestedOrganisationId: third.organisationId }, 201);
        const ownAtt = await upload(holder.client, own.body.id, `own ${c}`);
        records.set(`${c}/same-org`, { id: own.body.id, attachmentId: ownAtt, derivedDraftId: await derivedDraft(await rowOf(own.body.id)) });

        // Another organisation on this node sends one to the holder.
        const { type: _t2, requestedOrganisationId: _o2, ...toHolder } = exampleRequest('mla', 'FRA', holder.organisationId);
        const sent = await other.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...toHolder, ...fieldsFor(c), requestedOrganisationId: holder.organisationId, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
        await upload(other.client, sent.body.id, `other ${c}`);
        await other.client.call('POST', `/api/v1/requests/${sent.body.id}/transitions`, { action: 'submit' }, 200);
        await otherSupervisor.client.call('POST', `/api/v1/requests/${sent.body.id}/transitions`, { action: 'approve' }, 200);
        await other.client.call('POST', `/api/v1/requests/${sent.body.id}/transitions`, { action: 'transmit' }, 200);
        const received = await n.node.deps.db
          .selectFrom('requests')
          .selectAll()
          .where('conversation_id', '=', sent.body.conversationId)
          .where('organisation_id', '=', holder.organisationId)
          .executeTakeFirstOrThrow();
        const receivedAtt = await n.node.deps.db.selectFrom('request_attachments').select('id').where('request_id', '=', received.id).executeTakeFirstOrThrow();
        records.set(`${c}/other-org`, { id: received.id, attachmentId: receivedAtt.id, derivedDraftId: await derivedDraft(received as RequestRow) });

        // A peer node's request arrives (the inbox's own use case, as federation calls it).
        const bytes = Buffer.from(`peer ${c}`);
        const blob = await rdeps.blobs.put(bytes);
        const peerContent = { ...toHolder, ...fieldsFor(c) } as Json;
        delete peerContent.requestedOrganisationId;
        const payload = {
          v: 1,
          conversationId: randomUUID(),
          reference: `DEU-${c}`,
          type: 'mla',
          requesting: { organisationId: null, name: 'Peer authority', state: 'DEU' },
          requested: { organisationId: holder.organisationId, name: 'Holder authority', state: 'FRA' },
          content: peerContent,
          submittedAt: null,
          approvedAt: null,
          transmittedAt: new Date().toISOString(),
          attachments: [{ sha256: blob.sha256, filename: 'peer.txt', mediaType: 'text/plain', size: blob.size }],
        } as RequestTransmitPayload;
        const peerRow = await auditedTransaction(n.node.deps, { actor: null, requestId: 'test' }, (trx, audit) =>
          applyTransmit(trx, rdeps, audit, { messageId: randomUUID(), recipientOrganisationId: holder.organisationId, senderNodeId: 'node-peer-test', payload }),
        );
        const peerAtt = await n.node.deps.db.selectFrom('request_attachments').select('id').where('request_id', '=', peerRow.id).executeTakeFirstOrThrow();
        records.set(`${c}/peer-node`, { id: peerRow.id, attachmentId: peerAtt.id, derivedDraftId: await derivedDraft(peerRow) });
      }
      const { type: _t, requestedOrganisationId: _o, ...target } = exampleRequest('mla', 'ESP', third.organisationId);
      targetDraftId = (
        await holder.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...target, caseReference: 'Case 2', proceedings: { stage: 'prosecution' }, requestedOrganisationId: third.organisationId }, 201)
      ).body.id;
    });
    after(async () => n?.close());

    test('every marking × role × origin × route action answers as the table says', async () => {
      let denials = 0;
      let cells = 0;
      const before = await n.node.deps.db.selectFrom('audit_entries').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'policy.deny').executeTakeFirstOrThrow();
      for (const c of CASES) {
        for (const rel of ['same-org', 'other-org', 'peer-node'] as Relation[]) {
          const rec = records.get(`${c}/${rel}`)!;
          for (const role of ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'] as Role[]) {
            const client = users[role];
            for (const a of ROUTE_ACTIONS) {
              const where = `${c} × ${rel} × ${role} × ${a}`;
              let res: { status: number; text: string };
              if (a === 'read') res = await client.raw('GET', `/api/v1/requests/${rec.id}`);
              else if (a === 'export:docx') res = await client.raw('GET', `/api/v1/requests/${rec.id}/document?format=docx`);
              else if (a === 'export:api-download') res = await client.raw('GET', `/api/v1/requests/${rec.id}/attachments/${rec.attachmentId}`);
              else if (a === 'attach')
                res = await client.raw('POST', `/api/v1/requests/${targetDraftId}/attachments/copy`, {
                  body: JSON.stringify({ requestId: rec.id, attachmentId: rec.attachmentId }),
                  headers: { 'content-type': 'application/json' },
                });
              else res = await client.raw('POST', `/api/v1/requests/${rec.derivedDraftId}/transitions`, { body: JSON.stringify({ action: 'transmit' }), headers: { 'content-type': 'application/json' } });
              cells++;
              const body = (() => {
                try {
                  return JSON.parse(res.text) as Json;
                } catch {
                  return {};
                }
              })();
              if (!PERMISSION_OF[a].includes(role)) {
                assert.equal(res.status, 403, where);
                assert.equal(body.code, 'forbidden', `${where}: the role's permission answers before the policy`);
                continue;
              }
              // The holder's own record seen by an outsider is not "same-org" for them.
              const want = role === 'admin' ? expectedOutsider(c, a, rel) : expectedRule(c, a, role, rel);
              if (want === null) {
                assert.notEqual(body.code, 'policy_denied', `${where}: expected allowed, got ${res.text.slice(0, 300)}`);
                if (a === 'transmit:third') assert.equal(res.status, 409, `${where}: the policy let it through to the lifecycle (a draft is not approved): ${res.text.slice(0, 200)}`);
                else assert.ok(res.status < 300, `${where}: ${res.status} ${res.text.slice(0, 300)}`);
              } else {
                assert.equal(res.status, 403, `${where}: expected ${want}, got ${res.status} ${res.text.slice(0, 200)}`);
                assert.equal(body.code, 'policy_denied', where);
                assert.equal(body.rule, want, where);
                assert.ok(body.citation && body.detail, where);
                denials++;
              }
            }
          }
        }
      }
      assert.equal(cells, CASES.length * 3 * 5 * ROUTE_ACTIONS.length);
      assert.ok(denials > 100, `denials: ${denials}`);
      const afterCount = await n.node.deps.db.selectFrom('audit_entries').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'policy.deny').executeTakeFirstOrThrow();
      assert.equal(Number(afterCount.n) - Number(before.n), denials, 'every denial is in the audit trail');
    });

    test('the list asks the policy for every row: a RED request from elsewhere is withheld from an analyst, not from a practitioner', async () => {
      const red = records.get('RED/peer-node')!;
      const forAnalyst = await users.analyst.call<{ items: Json[] }>('GET', '/api/v1/requests?limit=200', undefined, 200);
      const row = forAnalyst.body.items.find((i) => i.id === red.id);
      assert.ok(row, 'the row is listed (its existence and marking are not secret to the holder)');
      assert.equal(row.title, '');
      assert.equal(row.withheld.rule, 'tlp-red-recipients');
      assert.equal(row.marking, 'RED');
      const forPractitioner = await users.practitioner.call<{ items: Json[] }>('GET', '/api/v1/requests?limit=200', undefined, 200);
      const seen = forPractitioner.body.items.find((i) => i.id === red.id)!;
      assert.ok(seen.title.length > 0);
      assert.equal(seen.withheld, null);
      const spec = forPractitioner.body.items.find((i) => i.id === records.get('speciality/other-org')!.id)!;
      assert.deepEqual(spec.limitations, ['speciality']);
      const derived = forPractitioner.body.items.find((i) => i.id === records.get('RED/other-org')!.derivedDraftId)!;
      assert.equal(derived.marking, 'RED', 'a draft made from RED material shows RED');
      assert.ok(derived.limitations.includes('derived'));
      // And the audit trail still verifies after hundreds of denials.
      assert.equal((await n.adminClient.call<Json>('GET', '/api/v1/audit/verify', undefined, 200)).body.ok, true);
    });
  });
}
