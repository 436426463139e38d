// Two real nodes witness each other's audit log over federation: every envelope carries the
// sender's latest signed checkpoint, the receiver verifies and co-signs it, and the sender keeps the
// co-signature. A log emptied, or rewritten and re-signed with the node's own key (the anchor file
// rewritten too), verifies locally — nothing inside the node can tell — but not against the heads
// its peer witnessed; and the next envelope makes the peer answer "inconsistent", which raises the
// alarm on the rewritten node.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { appendAudit, latestCheckpoint } from '@comity/db';
import { testBackends } from '@comity/db/testing';
import { sql } from 'kysely';
import { type FederatedTestNode, connect, startFederatedNode, waitFor } from '../federation/federation-testing.ts';
import { type ApiClient, makeUser } from '../testing/test-node.ts';
import { sequencePending } from './sequencer.ts';

type Verification = { ok: boolean; entries: number; problems?: { seq: number; kind: string; reason: string }[] };
type CheckpointItem = { size: number; root: string; cosignatures: { peerNodeId: string; line: string }[] };

const senders = new Map<FederatedTestNode, ApiClient>();

/** A practitioner of the node's central authority sends a note; resolves once the peer's receipt is in. */
async function sendNote(from: FederatedTestNode, to: FederatedTestNode, text: string): Promise<string> {
  let client = senders.get(from);
  if (!client) {
    const orgs = await from.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
    const organisationId = orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
    client = (await makeUser(from.adminClient, { role: 'practitioner', organisationId })).client;
    senders.set(from, client);
  }
  const sent = await client.call<{ messageId: string }>('POST', '/api/v1/federation/notes', { peerNodeId: to.nodeId, text }, 201);
  await waitFor(`note ${text} delivered`, async () => {
    const list = await from.adminClient.call<{ items: { messageId: string; state: string }[] }>('GET', '/api/v1/federation/messages?direction=outbound&limit=500', undefined, 200);
    return list.body.items.find((m) => m.messageId === sent.body.messageId)?.state === 'delivered';
  });
  return sent.body.messageId;
}

for (const backend of testBackends()) {
  describe(`audit log witnessed by peers on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let de: FederatedTestNode;
    before(async () => {
      fr = await startFederatedNode(backend, { name: 'Ministère de la Justice (France)', country: 'FRA', config: { auditSequenceDelayMs: 200 } });
      de = await startFederatedNode(backend, { name: 'Bundesamt für Justiz (Germany)', country: 'DEU', config: { auditSequenceDelayMs: 200 } });
      await connect([fr, de]);
    });
    after(async () => {
      await fr?.close();
      await de?.close();
    });

    test('each node co-signs the other’s checkpoints and keeps what it witnessed; both logs verify against their peer', async () => {
      await fr.node.deps.auditSequencer?.flush();
      await de.node.deps.auditSequencer?.flush();
      await sendNote(fr, de, 'Bonjour — les relevés bancaires suivent.');
      await sendNote(de, fr, 'Danke, erhalten.');
      for (const [n, peer] of [
        [fr, de],
        [de, fr],
      ] as const) {
        const cosigned = await waitFor(`a checkpoint of ${n.nodeId} co-signed by ${peer.nodeId}`, async () => {
          const list = await n.adminClient.call<{ items: CheckpointItem[] }>('GET', '/api/v1/audit/checkpoints?limit=500', undefined, 200);
          return list.body.items.find((c) => c.cosignatures.some((s) => s.peerNodeId === peer.nodeId));
        });
        assert.match(cosigned.cosignatures[0]!.line, new RegExp(`^\u2014 comity\\.witness/${peer.nodeId} `));
        const witnessed = await peer.adminClient.call<{ items: { size: number; root: string }[] }>('GET', `/federation/v1/audit/witnessed/${n.nodeId}`, undefined, 200);
        assert.ok(witnessed.body.items.some((w) => w.size === cosigned.size && w.root === cosigned.root), 'the witness keeps the checkpoint it co-signed');
        const v = await n.adminClient.call<Verification>('GET', '/api/v1/audit/verify?peers=true', undefined, 200);
        assert.equal(v.body.ok, true, JSON.stringify(v.body.problems));
      }
    });

    test('emptied, then rewritten and re-signed with the node’s own key: only the peer’s witnessed heads tell, and the peer’s answer raises the alarm', async () => {
      const db = fr.node.deps.db;
      const witnessed = (await de.adminClient.call<{ items: { size: number }[] }>('GET', `/federation/v1/audit/witnessed/${fr.nodeId}`, undefined, 200)).body.items;
      assert.ok(witnessed.length > 0, 'the German node witnessed the French log');
      const highest = Math.max(...witnessed.map((w) => w.size));
      await fr.node.deps.auditSequencer?.flush();

      // Emptied: the audit tables and the anchor file.
      for (const t of ['audit_cosignatures', 'audit_checkpoints', 'audit_tree_nodes', 'audit_log_state', 'audit_entries']) await sql`delete from ${sql.table(t)}`.execute(db);
      writeFileSync(fr.node.deps.auditAnchor.location, '{}\n');
      let v = (await fr.adminClient.call<Verification>('GET', '/api/v1/audit/verify?peers=true', undefined, 200)).body;
      assert.equal(v.ok, false);
      assert.ok(v.problems?.some((p) => p.kind === 'witness_truncated' && p.reason.includes(de.nodeId)), JSON.stringify(v.problems));

      // Rewritten: a longer, different history, sequenced and signed with the node's real key, anchor rewritten to match.
      for (const t of ['audit_cosignatures', 'audit_checkpoints', 'audit_tree_nodes', 'audit_log_state', 'audit_entries']) await sql`delete from ${sql.table(t)}`.execute(db);
      await db.transaction().execute(async (trx) => {
        const forged = Array.from({ length: highest + 3 }, (_, i) => ({
          actorId: null,
          actorEmail: null,
          organisationId: null,
          action: 'nothing.happened',
          target: `quiet:${i}`,
          requestId: null,
          change: { i },
        }));
        await appendAudit(trx, { hasher: fr.node.deps.hasher, now: fr.node.deps.now }, forged);
      });
      await sequencePending({ db, logKeys: fr.node.deps.logKeys, now: fr.node.deps.now });
      const cp = await latestCheckpoint(db);
      writeFileSync(fr.node.deps.auditAnchor.location, `${JSON.stringify({ seq: cp!.size, hash: cp!.root, kind: 'checkpoint' })}\n`);
      const local = (await fr.adminClient.call<Verification>('GET', '/api/v1/audit/verify', undefined, 200)).body;
      assert.equal(local.ok, true, 'nothing inside the node can tell a log rewritten with its own key');
      v = (await fr.adminClient.call<Verification>('GET', '/api/v1/audit/verify?peers=true', undefined, 200)).body;
      assert.equal(v.ok, false);
      assert.ok(v.problems?.some((p) => p.kind === 'witness_fork' && p.reason.includes(de.nodeId)), JSON.stringify(v.problems));

      // The next envelope carries the forged head: the peer refuses to co-sign and says why; the node raises the alarm.
      await sendNote(fr, de, 'Tout va bien.');
      const alarm = await waitFor('the alarm on the French node', async () => {
        const list = await fr.adminClient.call<{ items: { action: string; target: string }[] }>('GET', '/api/v1/audit?action=audit.witness.alarm', undefined, 200);
        return list.body.items[0];
      });
      assert.equal(alarm.target, `peer:${de.nodeId}`);
      const latest = await latestCheckpoint(db);
      const list = await fr.adminClient.call<{ items: CheckpointItem[] }>('GET', '/api/v1/audit/checkpoints?limit=5', undefined, 200);
      assert.ok(!list.body.items.some((c) => c.size >= (latest?.size ?? 0) - 2 && c.cosignatures.length > 0), 'no co-signature for the forged history');
    });
  });
}
