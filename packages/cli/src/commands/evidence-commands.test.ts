// `comity evidence add|list|show` on the store a node used: a file streamed in with its SHA-256,
// the list, the item with its verified custody log; bad input exits non-zero with a message.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { type TestBackend, testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode } from '@comity/server/testing/test-node';
import { testStores } from '@comity/server/testing/test-stores';
import { runCliForTest as run } from '../testing/run-cli.ts';


for (const backend of testBackends()) {
  describe(`comity evidence on ${backend.name}`, () => {
    let dataDir: string;
    let schema: string | undefined;
    let env: Record<string, string | undefined>;
    let requestId: string;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'comity-cli-evidence-'));
      schema = await backend.newSchema();
      env = { COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema, COMITY_LOG: '0' };
      const node = await startTestNode(backend, { dataDir, databaseSchema: schema });
      try {
        const admin = new ApiClient(node.url);
        await admin.signIn(node.admin.email, ADMIN_PASSWORD);
        const u = await makeUser(admin, { role: 'practitioner', country: 'FRA' });
        const { type: _t, ...content } = exampleRequest('mla', 'DEU');
        requestId = (await u.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201)).body.id;
      } finally {
        await node.close();
      }
    });
    after(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await backend.dropSchema(schema);
    });

    test('adds a file, lists it and shows it with a verified custody log', async () => {
      const file = join(dataDir, 'chat-export.bin');
      const bytes = randomBytes(200_000);
      writeFileSync(file, bytes);
      const added = await run(['evidence', 'add', file, '--title', 'Chat export', '--request', requestId, '--json'], env);
      assert.equal(added.code, 0, added.err);
      const item = JSON.parse(added.out) as { id: string; sha256: string; size: number; filename: string };
      assert.equal(item.sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.equal(item.size, bytes.length);
      assert.equal(item.filename, 'chat-export.bin');
      const list = await run(['evidence', 'list', '--request', requestId], env);
      assert.equal(list.code, 0, list.err);
      assert.match(list.out, new RegExp(`^${item.id} .*Chat export$`, 'm'));
      const show = await run(['evidence', 'show', item.id], env);
      assert.equal(show.code, 0, show.err);
      assert.match(show.out, /1\. \S+ {2}acquired/);
      assert.match(show.out, /2\. \S+ {2}hashed/);
      assert.match(show.out, /custody log: verified/);
    });

    test('bad input exits non-zero and says why', async () => {
      const missing = await run(['evidence', 'add', join(dataDir, 'nope.bin'), '--title', 'x', '--request', requestId], env);
      assert.notEqual(missing.code, 0);
      assert.match(missing.err, /cannot read/);
      const both = await run(['evidence', 'list'], env);
      assert.equal(both.code, 2);
      assert.match(both.err, /--case <id> or --request <id>/);
      const unknown = await run(['evidence', 'show', '00000000-0000-4000-8000-000000000000'], env);
      assert.notEqual(unknown.code, 0);
      assert.match(unknown.err, /No such evidence item/);
    });
  });
}

describe('comity evidence with blobs on S3 (COMITY_BLOB_URL)', () => {
  const backend = testBackends()[0] as TestBackend;
  const s3 = testStores().find((s) => s.name === 's3');
  let dataDir: string;
  let env: Record<string, string | undefined>;
  let requestId: string;
  let store: Awaited<ReturnType<NonNullable<typeof s3>['start']>>;
  before(async () => {
    assert.ok(s3);
    store = await s3.start();
    dataDir = mkdtempSync(join(tmpdir(), 'comity-cli-evidence-s3-'));
    env = { COMITY_DATA_DIR: dataDir, COMITY_LOG: '0', COMITY_BLOB_URL: store.blobUrl, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };
    const node = await startTestNode(backend, { dataDir, blobUrl: store.blobUrl });
    try {
      const admin = new ApiClient(node.url);
      await admin.signIn(node.admin.email, ADMIN_PASSWORD);
      const u = await makeUser(admin, { role: 'practitioner', country: 'FRA' });
      const { type: _t, ...content } = exampleRequest('mla', 'DEU');
      requestId = (await u.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201)).body.id;
    } finally {
      await node.close();
    }
  });
  after(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await store.close();
  });

  test('the file goes to the object store, not the data folder, and its custody verifies', async () => {
    const file = join(dataDir, 'ledger.bin');
    const bytes = randomBytes(150_000);
    writeFileSync(file, bytes);
    const added = await run(['evidence', 'add', file, '--title', 'Ledger', '--request', requestId, '--json'], env);
    assert.equal(added.code, 0, added.err);
    const item = JSON.parse(added.out) as { id: string; sha256: string };
    assert.equal(item.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.ok((await store.contents()).includes(item.sha256));
    assert.deepEqual(await store.store.get(item.sha256), bytes);
    assert.equal(existsSync(join(dataDir, 'blobs', item.sha256.slice(0, 2), item.sha256)), false);
    const show = await run(['evidence', 'show', item.id], env);
    assert.equal(show.code, 0, show.err);
    assert.match(show.out, /custody log: verified/);
  });

  test('a malformed COMITY_BLOB_URL exits non-zero naming the fault, and nothing is added', async () => {
    const file = join(dataDir, 'note.txt');
    writeFileSync(file, 'note');
    const bad = await run(['evidence', 'add', file, '--title', 'Note', '--request', requestId], { ...env, COMITY_BLOB_URL: 's3://bucket-a/x?endpiont=http://127.0.0.1:1' });
    assert.notEqual(bad.code, 0);
    assert.match(bad.err, /unknown parameter "endpiont"/);
    const list = await run(['evidence', 'list', '--request', requestId], env);
    assert.doesNotMatch(list.out, /Note$/m);
  });
});
