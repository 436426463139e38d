// The federation commands as an operator uses them on a stopped node: export the card, import a
// peer's card after confirming its fingerprint, list, suspend, resume, revoke, and rotate the
// node's keys — after which the peer follows the rotation by itself and traffic flows both ways.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildEnvelope, uuidv7 } from '@comity/core/federation/index';
import { testBackends } from '@comity/db/testing';
import { ed25519SignerFor, x25519Sealer } from '@comity/server/federation/envelope-crypto';
import { type FederatedTestNode, startFederatedNode, waitFor } from '@comity/server/federation/federation-testing';
import { makeUser } from '@comity/server/testing/test-node';
import type { CliIo } from '../cli-io.ts';
import { runCli } from '../program.ts';

async function run(argv: string[], env: Record<string, string | undefined>, stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => {
      out += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      err += t.endsWith('\n') ? t : `${t}\n`;
    },
    readStdin: async () => {
      if (stdin === undefined) throw new Error('this command was not expected to read standard input');
      return stdin;
    },
    env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

for (const backend of testBackends()) {
  describe(`comity node card / peer / rotate-keys on ${backend.name}`, () => {
    const X_NAME = 'Procuraduría General (Mexico)';
    let xDir: string;
    let xSchema: string | undefined;
    let xPort: number;
    let x: FederatedTestNode | undefined;
    let y: FederatedTestNode;
    let env: Record<string, string | undefined>;
    const work = mkdtempSync(join(tmpdir(), 'comity-cli-fed-'));
    const startX = () => startFederatedNode(backend, { name: X_NAME, country: 'MEX', config: { dataDir: xDir, databaseSchema: xSchema, port: xPort } });
    const stopX = async () => {
      await x?.close();
      x = undefined;
    };

    before(async () => {
      xDir = join(work, 'x');
      xSchema = await backend.newSchema();
      xPort = await freePort();
      env = { COMITY_DATA_DIR: xDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: xSchema, PORT: String(xPort), COMITY_LOG: '0' };
      x = await startX();
      y = await startFederatedNode(backend, { name: 'Ministry of Justice (Canada)', country: 'CAN' });
      await stopX();
    });
    after(async () => {
      await stopX();
      await y?.close();
      rmSync(work, { recursive: true, force: true });
      await backend.dropSchema(xSchema);
    });

    test('node card prints the signed card; peer add asks for the fingerprint and refuses a wrong one', async () => {
      const card = await run(['node', 'card'], env);
      assert.equal(card.code, 0, card.err);
      const signed = JSON.parse(card.out) as { card: { nodeId: string; endpoint: string; authority: { name: string; state: string } } };
      assert.equal(signed.card.endpoint, `http://127.0.0.1:${xPort}`);
      assert.deepEqual([signed.card.authority.name, signed.card.authority.state], [X_NAME, 'MEX']);
      const fingerprint = /Signing-key fingerprint: ([0-9a-f ]+)/.exec(card.err)?.[1];
      assert.ok(fingerprint, card.err);
      // The Canadian administrator imports it, confirming the fingerprint read out over the phone.
      await y.adminClient.call('POST', '/api/v1/peers', { card: signed, confirmFingerprint: fingerprint }, 201);

      const yCard = await run(['node', 'card', '--url', y.url], {});
      assert.equal(yCard.code, 0, yCard.err);
      const yFile = join(work, 'canada.json');
      writeFileSync(yFile, yCard.out);
      const yFingerprint = /Signing-key fingerprint: ([0-9a-f ]+)/.exec(yCard.err)![1]!;

      const declined = await run(['peer', 'add', yFile], env, 'n\n');
      assert.equal(declined.code, 1);
      assert.match(declined.out, new RegExp(`Fingerprint: +${yFingerprint}`));
      assert.match(declined.err, /Not trusted/);
      const wrong = await run(['peer', 'add', yFile, '--fingerprint', '0000 1111 2222 3333 4444 5555 6666 7777 8888 9999'], env);
      assert.equal(wrong.code, 1);
      assert.match(wrong.err, /fingerprint_mismatch/);
      const notACard = join(work, 'junk.json');
      writeFileSync(notACard, '{"card":{}}');
      assert.equal((await run(['peer', 'add', notACard, '--yes'], env)).code, 1);
      // The contract other tools use: `comity peer add card.json --yes` once the fingerprint was confirmed.
      const ok = await run(['peer', 'add', yFile, '--yes'], env);
      assert.equal(ok.code, 0, ok.err);
      assert.match(ok.out, /Trusted Ministry of Justice \(Canada\)/);

      const list = await run(['peer', 'list', '--json'], env);
      const peers = JSON.parse(list.out) as { nodeId: string; status: string; signingFingerprint: string }[];
      assert.deepEqual(
        peers.map((p) => [p.nodeId, p.status, p.signingFingerprint]),
        [[y.nodeId, 'active', yFingerprint]],
      );
      assert.equal((await run(['peer', 'suspend', y.nodeId, '--reason', 'audit of the link'], env)).code, 0);
      assert.match((await run(['peer', 'list'], env)).out, /suspended .*audit of the link/);
      assert.equal((await run(['peer', 'resume', y.nodeId, '--reason', 'done'], env)).code, 0);
      const twice = await run(['peer', 'resume', y.nodeId, '--reason', 'again'], env);
      assert.equal(twice.code, 1);
      assert.match(twice.err, /illegal_peer_transition/);
      assert.equal((await run(['peer', 'suspend', y.nodeId], env)).code, 2, 'a reason is required');
    });

    test('after rotate-keys the peer follows the new card and messages flow both ways', async () => {
      x = await startX();
      const before = (await y.adminClient.call<{ signingFingerprint: string; encryptionFingerprint: string }>('GET', `/api/v1/peers/${x.nodeId}`, undefined, 200)).body;
      const oldEncryptionKey = (x.card as { card: { keys: { encryption: { publicKey: string } } } }).card.keys.encryption.publicKey;
      await stopX();

      const rotated = await run(['node', 'rotate-keys', '--yes'], env);
      assert.equal(rotated.code, 0, rotated.err);
      assert.match(rotated.out, /queued for 1 peer/);
      const verify = await run(['audit', 'verify'], env);
      assert.equal(verify.code, 0, `${verify.out}${verify.err}`);

      x = await startX();
      const xNow = x;
      assert.notEqual((x.card as { card: { keys: { encryption: { publicKey: string } } } }).card.keys.encryption.publicKey, oldEncryptionKey);
      const after = await waitFor('Canada to take the rotated card', async () => {
        const p = (await y.adminClient.call<{ signingFingerprint: string; encryptionFingerprint: string }>('GET', `/api/v1/peers/${xNow.nodeId}`, undefined, 200)).body;
        return p.signingFingerprint !== before.signingFingerprint ? p : undefined;
      });
      assert.equal(after.signingFingerprint, xNow.node.deps.keys.signingFingerprint);
      assert.notEqual(after.encryptionFingerprint, before.encryptionFingerprint);
      const rotations = await y.adminClient.call<{ items: { target: string }[] }>('GET', '/api/v1/audit?action=federation.peer.rotate', undefined, 200);
      assert.ok(rotations.body.items.some((e) => e.target === `peer:${xNow.nodeId}`));

      const orgs = async (n: FederatedTestNode) =>
        (await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200)).body.items.find((o) => o.kind === 'central-authority')!.id;
      const mx = await makeUser(xNow.adminClient, { role: 'practitioner', organisationId: await orgs(xNow) });
      const ca = await makeUser(y.adminClient, { role: 'practitioner', organisationId: await orgs(y) });
      const toCanada = await mx.client.call<{ messageId: string }>('POST', '/api/v1/federation/notes', { peerNodeId: y.nodeId, text: 'signed with the new key' }, 201);
      const toMexico = await ca.client.call<{ messageId: string }>('POST', '/api/v1/federation/notes', { peerNodeId: xNow.nodeId, text: 'sealed to the new key' }, 201);
      const delivered = async (n: FederatedTestNode, id: string) =>
        (await n.adminClient.call<{ items: { messageId: string }[] }>('GET', '/api/v1/federation/messages?direction=inbound', undefined, 200)).body.items.some((m) => m.messageId === id);
      await waitFor('the note at Canada', () => delivered(y, toCanada.body.messageId));
      await waitFor('the note at Mexico', () => delivered(xNow, toMexico.body.messageId));

      // A message a peer sealed to the old key before it heard of the rotation still opens.
      const late = buildEnvelope(
        { sealer: x25519Sealer(), signer: ed25519SignerFor(y.node.deps.keys.signingPrivate) },
        {
          header: {
            v: 1,
            messageId: uuidv7(Date.now(), randomBytes(10)),
            sender: y.nodeId,
            recipient: xNow.nodeId,
            type: 'message.note',
            createdAt: new Date().toISOString(),
            inReplyTo: null,
            conversationId: 'late',
            marking: 'GREEN',
          },
          payload: { text: 'sealed to your old key' },
          recipientEncryptionKey: oldEncryptionKey,
        },
      );
      const res = await fetch(`${xNow.url}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(late) });
      assert.equal(res.status, 202, await res.text());
      await stopX();

      const revoked = await run(['peer', 'revoke', y.nodeId, '--reason', 'agreement ended'], env);
      assert.equal(revoked.code, 0, revoked.err);
      assert.match(revoked.out, /is now revoked/);
    });
  });
}
