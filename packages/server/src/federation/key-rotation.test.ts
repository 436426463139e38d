// Key rotation keeps the node's identity and persists the new keys, for both kinds of key storage:
// files in the data folder and the sealed record in the database (COMITY_MASTER_KEY). The audit
// trail still verifies, and the old keys are kept to endorse the new card and open late messages.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assessCard } from '@comity/core/federation/index';
import { testBackends } from '@comity/db/testing';
import { verifyTrail } from '../audit/audit-service.ts';
import { configFromEnv } from '../config.ts';
import { openNodeStore } from '../node-store.ts';
import { createOrganisation } from '../accounts/accounts-service.ts';
import { rawPublicKey, verifyWithRawKey } from './envelope-crypto.ts';
import { federationSettings } from './federation-config.ts';
import { rotateNodeKeys } from './key-rotation.ts';
import { ownSignedCard } from './node-card-service.ts';

for (const backend of testBackends()) {
  describe(`key rotation on ${backend.name}`, () => {
    for (const masterKey of [undefined, 'a-long-master-key-for-tests']) {
      test(`keys stored ${masterKey ? 'in the database, sealed' : 'as files'}: same node id, new keys, old ones kept, trail intact`, async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'comity-rotate-'));
        const schema = await backend.newSchema();
        const config = { ...configFromEnv({}), dataDir, databaseUrl: backend.databaseUrl, databaseSchema: schema, masterKey, nodeName: 'Ministry of Justice (Chile)', port: 18999 };
        const open = () => openNodeStore({ dataDir, databaseUrl: backend.databaseUrl, databaseSchema: schema, masterKey, purpose: 'test' });
        try {
          let store = await open();
          await createOrganisation(store.deps, { actor: null, requestId: 'test' }, { name: 'Ministry of Justice (Chile)', country: 'CHL', kind: 'central-authority' });
          const before = store.keys;
          assert.equal(before.storage, masterKey ? 'database-encrypted' : 'files');
          const report = await rotateNodeKeys(store, config, {});
          await store.close();

          store = await open();
          assert.equal(store.keys.nodeId, before.nodeId, 'the node keeps its id');
          assert.notEqual(store.keys.signingFingerprint, before.signingFingerprint);
          assert.notEqual(store.keys.encryptionFingerprint, before.encryptionFingerprint);
          assert.equal(report.after.signing, store.keys.signingFingerprint);
          assert.equal(rawPublicKey(store.keys.previous![0]!.signingPublic), rawPublicKey(before.signingPublic), 'the old key is kept');
          assert.deepEqual(await verifyTrail(store.deps), { ok: true, entries: 2 });
          // The new card is endorsed by the old key: a peer that trusted the old key follows.
          const card = await ownSignedCard({ ...store.deps, config }, federationSettings(undefined, {}));
          const seen = assessCard(card, { verify: verifyWithRawKey, now: new Date(), known: { nodeId: before.nodeId, signingKey: rawPublicKey(before.signingPublic) } });
          assert.equal(seen.kind, 'rotation');

          // A second rotation keeps both earlier keys, newest first.
          await rotateNodeKeys(store, config, {});
          await store.close();
          store = await open();
          assert.equal(store.keys.nodeId, before.nodeId);
          assert.equal(store.keys.previous!.length, 2);
          assert.equal(rawPublicKey(store.keys.previous![1]!.signingPublic), rawPublicKey(before.signingPublic));
          assert.deepEqual(await verifyTrail(store.deps), { ok: true, entries: 3 });
          await store.close();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
          await backend.dropSchema(schema);
        }
      });
    }
  });
}
