// Receipts with proofs (issue 16, part 4) between two real nodes: the receiver answers a note with
// the inclusion proof of its audit entry for it; the sender checks and keeps it, and shows it again
// (API and CLI) checked against the receiver's key. The proof leads to a checkpoint the receiver
// really signed (its own API lists it with the same root); a stored proof edited afterwards, in any
// of its parts, no longer verifies. The public audit routes for witnesses are rate limited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { sql } from 'kysely';
import { type FederatedTestNode, connect, startFederatedNode, waitFor } from '../federation/federation-testing.ts';
import { makeUser } from '../testing/test-node.ts';
import { checkReceiptProof } from './receipt-proof-service.ts';
import type { ReceiptProof } from '@comity/core';

type ProofView = { verified: boolean; problems: string[]; checkedOnReceipt: string | null; peer: string; proof: ReceiptProof | null; receipt: { receipt: { payloadSha256: string } } };

async function sendNote(from: FederatedTestNode, to: FederatedTestNode, text: string): Promise<string> {
  const orgs = await from.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  const organisationId = orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
  const { client } = await makeUser(from.adminClient, { role: 'practitioner', organisationId });
  const sent = await client.call<{ messageId: string }>('POST', '/api/v1/federation/notes', { peerNodeId: to.nodeId, text }, 201);
  await waitFor(`note ${text} delivered`, async () => {
    const list = await from.adminClient.call<{ items: { messageId: string; state: string }[] }>('GET', '/api/v1/federation/messages?direction=outbound&limit=500', undefined, 200);
    return list.body.items.find((m) => m.messageId === sent.body.messageId)?.state === 'delivered';
  });
  return sent.body.messageId;
}

for (const backend of testBackends()) {
  describe(`receipts with audit proofs on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let de: FederatedTestNode;
    let messageId: string;
    before(async () => {
      fr = await startFederatedNode(backend, { name: 'Ministère de la Justice (France)', country: 'FRA' });
      de = await startFederatedNode(backend, { name: 'Bundesamt für Justiz (Germany)', country: 'DEU', federation: { auditRatePerAddress: 5 } });
      await connect([fr, de]);
      messageId = await sendNote(fr, de, 'Demande d’entraide : pièces jointes à suivre.');
    });
    after(async () => {
      await fr?.close();
      await de?.close();
    });

    test('the sender holds the receiver’s proof, verified, against a checkpoint the receiver signed', async () => {
      const shown = await fr.adminClient.call<ProofView>('GET', `/api/v1/audit/receipts/${messageId}`, undefined, 200);
      assert.equal(shown.body.peer, de.nodeId);
      assert.equal(shown.body.checkedOnReceipt, 'verified');
      assert.deepEqual(shown.body.problems, []);
      assert.equal(shown.body.verified, true);
      const proof = shown.body.proof!;
      const entry = JSON.parse(proof.entryText) as { action: string; target: string; seq: number };
      assert.equal(entry.action, 'federation.message.receive');
      assert.equal(entry.target, `message:${messageId}`);
      assert.equal(proof.change.payloadSha256, shown.body.receipt.receipt.payloadSha256);
      // The receiver's own view: that entry is at that leaf, and it signed a checkpoint of that size and root.
      const own = await de.adminClient.call<{ leafIndex: number; rootHash: string; treeSize: number }>('GET', `/api/v1/audit/proofs/inclusion?seq=${entry.seq}&size=${proof.treeSize}`, undefined, 200);
      assert.equal(own.body.leafIndex, proof.leafIndex);
      assert.equal(own.body.treeSize, proof.treeSize);
      assert.ok(proof.checkpoint.split('\n')[2] !== undefined && proof.checkpoint.startsWith(`comity.audit/${de.nodeId}\n${proof.treeSize}\n`));
      const cps = await de.adminClient.call<{ items: { size: number; root: string }[] }>('GET', '/api/v1/audit/checkpoints?limit=500', undefined, 200);
      assert.equal(cps.body.items.find((c) => c.size === proof.treeSize)?.root, own.body.rootHash);
    });

    test('a proof edited in any part is detected, on the spot and when shown again from the store', async () => {
      const shown = (await fr.adminClient.call<ProofView>('GET', `/api/v1/audit/receipts/${messageId}`, undefined, 200)).body;
      const proof = shown.proof!;
      const peer = (await fr.node.deps.db.selectFrom('federation_peers').select(['node_id', 'signing_key']).where('node_id', '=', de.nodeId).executeTakeFirstOrThrow());
      const check = (p: ReceiptProof) => checkReceiptProof(fr.node.deps, peer, p, { messageId, payloadSha256: shown.receipt.receipt.payloadSha256 });
      assert.deepEqual(check(proof), []);
      const flip = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
      const tampered: [string, ReceiptProof, RegExp][] = [
        ['path', { ...proof, path: proof.path.length ? [flip(proof.path[0]!), ...proof.path.slice(1)] : [flip('0'.repeat(64))] }, /inclusion path/],
        ['leaf index', { ...proof, leafIndex: proof.leafIndex + 1 }, /inclusion path/],
        ['entry text', { ...proof, entryText: proof.entryText.replace(messageId, '00000000-0000-4000-8000-000000000000') }, /not message:|inclusion path/],
        ['change', { ...proof, change: { ...proof.change, payloadSha256: flip(String(proof.change.payloadSha256)) } }, /digest/],
        ['checkpoint root', { ...proof, checkpoint: proof.checkpoint.replace(/^(.*\n.*\n)(.)/, (_m, head: string, c: string) => head + (c === 'A' ? 'B' : 'A')) }, /not signed|malformed|inclusion path/],
      ];
      for (const [what, p, reason] of tampered) {
        const problems = check(p);
        assert.ok(problems.length > 0, `an edited ${what} is detected`);
        assert.match(problems.join('; '), reason, what);
      }
      // Edited where it is kept: the API checks it again and says so.
      const bad = { ...proof, path: tampered[0]![1].path };
      await sql`update federation_receipts set audit_proof = ${JSON.stringify(bad)}::jsonb where message_id = ${messageId}`.execute(fr.node.deps.db);
      const again = await fr.adminClient.call<ProofView>('GET', `/api/v1/audit/receipts/${messageId}`, undefined, 200);
      assert.equal(again.body.verified, false);
      assert.equal(again.body.checkedOnReceipt, 'verified', 'what the check found on receipt is kept');
      assert.match(again.body.problems.join('; '), /inclusion path/);
      await sql`update federation_receipts set audit_proof = ${JSON.stringify(proof)}::jsonb where message_id = ${messageId}`.execute(fr.node.deps.db);
      assert.equal((await fr.adminClient.call<ProofView>('GET', `/api/v1/audit/receipts/${messageId}`, undefined, 200)).body.verified, true);
      await fr.adminClient.call('GET', '/api/v1/audit/receipts/no-such-message', undefined, 404);
    });

    test('the public audit routes for witnesses are rate limited per client address', async () => {
      const url = `${de.url}/federation/v1/audit/witnessed/${fr.nodeId}`;
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      let problem: { code?: string } = {};
      for (let i = 0; i < 8; i++) {
        const res = await fetch(i % 2 ? url : `${de.url}/federation/v1/audit/consistency?from=1&to=1`);
        statuses.push(res.status);
        if (res.status === 429) {
          retryAfter = res.headers.get('retry-after');
          problem = (await res.json()) as { code?: string };
        } else await res.arrayBuffer();
      }
      // The peer's witnessing may already have used some of the five this minute; at most five pass.
      assert.ok(statuses.includes(429), `statuses ${statuses.join(',')}`);
      assert.ok(statuses.indexOf(429) <= 5, `statuses ${statuses.join(',')}`);
      assert.ok(Number(retryAfter) >= 1);
      assert.equal(problem.code, 'rate_limited');
    });
  });
}
