// `comity authorities list` on every backend, on the store a node used: the treaty designations
// with instrument and article, an administrator's entry, JSON like the API, usage errors exit 2.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, startTestNode } from '@comity/server/testing/test-node';
import { runCliForTest as run } from '../testing/run-cli.ts';


for (const backend of testBackends()) {
  describe(`comity authorities on ${backend.name}`, () => {
    let dataDir: string;
    let schema: string | undefined;
    let env: Record<string, string | undefined>;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'comity-cli-authorities-'));
      schema = await backend.newSchema();
      env = { COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema, COMITY_LOG: '0' };
      const node = await startTestNode(backend, { dataDir, databaseSchema: schema });
      try {
        const admin = new ApiClient(node.url);
        await admin.signIn(node.admin.email, ADMIN_PASSWORD);
        await admin.call('POST', '/api/v1/authorities', { name: 'Ministério da Justiça (DRCI)', state: 'BRA', channel: 'diplomatic', languages: ['pt'] }, 201);
      } finally {
        await node.close();
      }
    });
    after(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await backend.dropSchema(schema);
    });

    test('lists the directory for a State, with sources', async () => {
      const bra = await run(['authorities', 'list', '--state', 'bra'], env);
      assert.equal(bra.code, 0, bra.err);
      assert.match(bra.out, /^BRA {2}Ministério da Justiça \(DRCI\) {2}\[administrator, no node\]/m);
      const swe = await run(['authorities', 'list', '--state', 'SWE'], env);
      assert.match(swe.out, /SWE {2}Ministry of Justice {2}\[treaty-designation, no node\] — UNTOC-SOM art\. 8\(6\)/);
      assert.match(swe.out, /source: UNTC MTDSG XVIII-12-b .*as of 2018-01-15/);
      const gtm = await run(['authorities', 'list', '--state', 'GTM'], env);
      assert.match(gtm.out, /\(not named plainly in the declaration\)/);
      assert.match(gtm.out, /cannot be chosen: read the declaration/);
      const json = JSON.parse((await run(['authorities', 'list', '--source', 'administrator', '--json'], env)).out) as { items: { state: string; channel: string }[] };
      assert.deepEqual(
        json.items.map((i) => [i.state, i.channel]),
        [['BRA', 'diplomatic']],
      );
    });

    test('bad input is a usage error (exit 2) with a readable message', async () => {
      const bad = await run(['authorities', 'list', '--state', 'BR'], env);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /--state must be an ISO 3166 alpha-3 code/);
      const source = await run(['authorities', 'list', '--source', 'rumour'], env);
      assert.equal(source.code, 2);
      assert.match(source.err, /--source must be one of/);
    });
  });
}
