// Delivery guarantees between two nodes, with real processes: the receiver is down while 100
// messages are sent; the receiver is SIGKILLed again and again while it processes; the sender is
// SIGKILLed after committing but before delivering. Every time: all messages arrive, each is
// processed exactly once, in order within its conversation, and the audit trails stay intact.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type TestBackend, testBackends } from '@comity/db/testing';
import { type FederatedTestNode, startFederatedNode, waitFor } from '@comity/server/federation/federation-testing';
import { type ApiClient, makeUser } from '@comity/server/testing/test-node';
import { ChildNode } from './support/federation-child.ts';

const root = resolve(new URL('..', import.meta.url).pathname);

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function authorityOrg(admin: ApiClient): Promise<string> {
  const orgs = await admin.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  return orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
}

async function trustEachOther(a: { admin: ApiClient }, b: { admin: ApiClient }): Promise<void> {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const card = (await to.admin.call('GET', '/federation/v1/card', undefined, 200)).body;
    const preview = await from.admin.call<{ signingFingerprint: string }>('POST', '/api/v1/peers/preview', { card }, 200);
    await from.admin.call('POST', '/api/v1/peers', { card, confirmFingerprint: preview.body.signingFingerprint }, 201);
  }
}

interface Received {
  messageId: string;
  conversationId: string;
  seq: number;
}

/** What the receiver processed, in processing order, from its audit trail (one entry per processing). */
async function processed(admin: ApiClient): Promise<Received[]> {
  const out: Received[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await admin.call<{ items: { seq: number; target: string; change: { conversationId: string } }[]; nextBefore: number | null }>(
      'GET',
      `/api/v1/audit?action=federation.message.receive&limit=500${before ? `&before=${before}` : ''}`,
      undefined,
      200,
    );
    for (const e of page.body.items) out.push({ messageId: e.target.replace(/^message:/, ''), conversationId: e.change.conversationId, seq: e.seq });
    if (!page.body.nextBefore) break;
    before = page.body.nextBefore;
  }
  return out.sort((a, b) => a.seq - b.seq);
}

/** Sends `perConversation` notes in each conversation, interleaved; returns the ids in sending order per conversation. */
async function sendNotes(client: ApiClient, peerNodeId: string, conversations: string[], perConversation: number): Promise<Map<string, string[]>> {
  const sent = new Map<string, string[]>(conversations.map((c) => [c, []]));
  for (let i = 0; i < perConversation; i++) {
    for (const c of conversations) {
      const res = await client.call<{ messageId: string }>('POST', '/api/v1/federation/notes', { peerNodeId, conversationId: c, text: `${c} #${i}` }, 201);
      sent.get(c)!.push(res.body.messageId);
    }
  }
  return sent;
}

function assertExactlyOnceInOrder(sent: Map<string, string[]>, got: Received[]): void {
  const expected = [...sent.values()].flat();
  const counts = new Map<string, number>();
  for (const r of got) counts.set(r.messageId, (counts.get(r.messageId) ?? 0) + 1);
  const relevant = got.filter((r) => sent.has(r.conversationId));
  assert.equal(relevant.length, expected.length, 'every message processed, none twice');
  for (const id of expected) assert.equal(counts.get(id), 1, `${id} processed exactly once`);
  for (const [conversation, ids] of sent) {
    assert.deepEqual(
      relevant.filter((r) => r.conversationId === conversation).map((r) => r.messageId),
      ids,
      `conversation ${conversation} processed in the order it was sent`,
    );
  }
}

function auditVerify(node: ChildNode): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(root, 'packages/cli/bin/comity.js'), 'audit', 'verify'], { cwd: root, env: node.env(), encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

for (const backend of testBackends()) {
  describe(`federation delivery guarantees with real processes on ${backend.name}`, () => {
    const work = mkdtempSync(join(tmpdir(), 'comity-fed-e2e-'));
    let receiver: ChildNode;
    let receiverSchema: string | undefined;
    let sender: FederatedTestNode;
    let practitioner: ApiClient;

    before(async () => {
      receiverSchema = await backend.newSchema();
      receiver = new ChildNode({ name: 'Attorney-General’s Department (Australia)', country: 'AUS', dataDir: join(work, 'receiver'), port: await freePort(), backend, schema: receiverSchema });
      await receiver.start();
      await receiver.bootstrap();
      sender = await startFederatedNode(backend as TestBackend, { name: 'Ministry of Justice (Japan)', country: 'JPN' });
      await trustEachOther({ admin: sender.adminClient }, receiver);
      practitioner = (await makeUser(sender.adminClient, { role: 'practitioner', organisationId: await authorityOrg(sender.adminClient) })).client;
    });
    after(async () => {
      await receiver?.stop('SIGTERM');
      await sender?.close();
      await backend.dropSchema(receiverSchema);
      rmSync(work, { recursive: true, force: true });
    });

    test('the receiver is down while 100 messages are sent; when it is back all 100 arrive once, in order', async () => {
      await receiver.stop('SIGTERM');
      const conversations = ['down-a', 'down-b', 'down-c', 'down-d'];
      const sent = await sendNotes(practitioner, receiver.nodeId, conversations, 25);
      // The sender keeps trying meanwhile.
      await waitFor('failed attempts at the sender', async () => {
        const list = await practitioner.call<{ items: { attempts: number; lastError: string | null }[] }>('GET', '/api/v1/federation/messages?state=pending&limit=500', undefined, 200);
        return list.body.items.some((m) => m.attempts >= 2 && /could not be reached/.test(m.lastError ?? ''));
      });
      await receiver.start();
      await waitFor('all 100 at the receiver', async () => (await processed(receiver.admin)).filter((r) => sent.has(r.conversationId)).length >= 100, 120_000, 250);
      await sleep(500);
      assertExactlyOnceInOrder(sent, await processed(receiver.admin));
      const outbound = await practitioner.call<{ items: { state: string; conversationId: string }[] }>('GET', '/api/v1/federation/messages?direction=outbound&limit=500', undefined, 200);
      assert.equal(outbound.body.items.filter((m) => sent.has(m.conversationId) && m.state === 'delivered').length, 100);
    });

    test('the receiver is killed with SIGKILL during processing, repeatedly: nothing lost, nothing twice', async (t) => {
      const conversations = ['kill-a', 'kill-b', 'kill-c'];
      const total = 3 * 60;
      // A backlog first (sent while the receiver is stopped), so that there is processing to interrupt.
      await receiver.stop('SIGTERM');
      const sent = await sendNotes(practitioner, receiver.nodeId, conversations, total / 3);
      await receiver.start();
      let kills = 0;
      let lastCount = -1;
      for (let round = 0; round < 5; round++) {
        // Let it get some of the way, then kill it mid-stream.
        await waitFor('progress before the kill', async () => {
          const n = (await processed(receiver.admin)).filter((r) => sent.has(r.conversationId)).length;
          return n > lastCount || n === total;
        }, 60_000, 20);
        await sleep(20 + round * 30);
        lastCount = (await processed(receiver.admin)).filter((r) => sent.has(r.conversationId)).length;
        if (lastCount === total) break;
        await receiver.stop('SIGKILL');
        kills++;
        t.diagnostic(`SIGKILL ${kills} after ${lastCount} of ${total} processed`);
        await receiver.start();
      }
      assert.ok(kills >= 2, `the receiver was killed ${kills} times while messages were flowing`);
      await waitFor(`all ${total} at the receiver`, async () => (await processed(receiver.admin)).filter((r) => sent.has(r.conversationId)).length >= total, 120_000, 250);
      await sleep(500);
      assertExactlyOnceInOrder(sent, await processed(receiver.admin));
      await receiver.stop('SIGTERM');
      const verify = auditVerify(receiver);
      assert.equal(verify.status, 0, `the receiver's audit trail is intact after the kills: ${verify.out}`);
      await receiver.start();
    });
  });

  describe(`a sender killed between commit and delivery on ${backend.name}`, () => {
    const work = mkdtempSync(join(tmpdir(), 'comity-fed-e2e-s-'));
    let senderNode: ChildNode;
    let senderSchema: string | undefined;
    let receiverNode: FederatedTestNode;
    let receiverPort: number;
    let receiverDir: string;
    let receiverSchema: string | undefined;
    const startReceiver = () =>
      startFederatedNode(backend as TestBackend, { name: 'Ministry of Justice (Brazil)', country: 'BRA', config: { dataDir: receiverDir, databaseSchema: receiverSchema, port: receiverPort } });

    before(async () => {
      senderSchema = await backend.newSchema();
      receiverSchema = await backend.newSchema();
      receiverDir = join(work, 'receiver');
      receiverPort = await freePort();
      senderNode = new ChildNode({ name: 'Ministry of Justice (India)', country: 'IND', dataDir: join(work, 'sender'), port: await freePort(), backend, schema: senderSchema });
      await senderNode.start();
      await senderNode.bootstrap();
      receiverNode = await startReceiver();
      await trustEachOther(senderNode, { admin: receiverNode.adminClient });
    });
    after(async () => {
      await senderNode?.stop('SIGTERM');
      await receiverNode?.close();
      await backend.dropSchema(senderSchema);
      await backend.dropSchema(receiverSchema);
      rmSync(work, { recursive: true, force: true });
    });

    test('after the sender restarts, its outbox delivers what it had committed', async () => {
      await receiverNode.close();
      const user = await makeUser(senderNode.admin, { role: 'practitioner', organisationId: await authorityOrg(senderNode.admin) });
      const sent = await sendNotes(user.client, receiverNode.nodeId, ['commit-a', 'commit-b'], 10);
      // Committed (the API answered 201) but not delivered: the receiver is down. Kill the sender hard.
      await senderNode.stop('SIGKILL');
      receiverNode = await startReceiver();
      await sleep(1000);
      assert.equal((await processed(receiverNode.adminClient)).filter((r) => sent.has(r.conversationId)).length, 0, 'nothing can arrive while the sender is dead');
      await senderNode.start();
      await waitFor('the 20 committed notes at the receiver', async () => (await processed(receiverNode.adminClient)).filter((r) => sent.has(r.conversationId)).length >= 20, 60_000, 200);
      await sleep(300);
      assertExactlyOnceInOrder(sent, await processed(receiverNode.adminClient));
    });
  });
}
