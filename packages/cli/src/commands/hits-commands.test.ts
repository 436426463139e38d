// `comity hits …` on every backend, on the store of a node that got a hit from a peer: the case's
// lead lists and shows it, a colleague outside the case team sees none and gets "No such hit"
// (exit 1), the lead declines it (and cannot reveal it afterwards), `hits check` queues a query
// for the case, and usage mistakes exit 2 with a readable message.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { type FederatedTestNode, connect, startFederatedNode, waitFor } from '@comity/server/federation/federation-testing';
import { makeUser } from '@comity/server/testing/test-node';
import { runCliForTest as run } from '../testing/run-cli.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely.
type Json = Record<string, any>;

for (const backend of testBackends()) {
  describe(`comity hits on ${backend.name}`, () => {
    let dataDir: string;
    let schema: string | undefined;
    let env: Record<string, string | undefined>;
    let hitId = '';
    const emails = { lead: 'lead@pnf.example', colleague: 'colleague@pnf.example' };

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'comity-cli-hits-'));
      schema = await backend.newSchema();
      env = { COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema, COMITY_LOG: '0' };
      let fr: FederatedTestNode | undefined;
      let de: FederatedTestNode | undefined;
      try {
        fr = await startFederatedNode(backend, { name: 'Parquet national financier (France)', country: 'FRA', config: { dataDir, databaseSchema: schema } });
        de = await startFederatedNode(backend, { name: 'Bundeskriminalamt (Germany)', country: 'DEU' });
        await connect([fr, de]);
        const orgOf = async (n: FederatedTestNode) =>
          (await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200)).body.items.find((o) => o.kind === 'central-authority')!.id;
        const frOrg = await orgOf(fr);
        const lead = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: frOrg, email: emails.lead });
        await makeUser(fr.adminClient, { role: 'practitioner', organisationId: frOrg, email: emails.colleague });
        const deLead = await makeUser(de.adminClient, { role: 'supervisor', organisationId: await orgOf(de) });
        const frCase = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Opération Lagune', reference: 'PNF-9', marking: 'AMBER' }, 201)).body;
        await lead.client.call('POST', `/api/v1/cases/${frCase.id}/entities`, { schema: 'BankAccount', properties: { iban: ['DE89 3704 0044 0532 0130 00'] } }, 201);
        const deCase = (await deLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Verfahren', marking: 'AMBER' }, 201)).body;
        await deLead.client.call('POST', `/api/v1/cases/${deCase.id}/entities`, { schema: 'BankAccount', properties: { iban: ['DE89370400440532013000'] } }, 201);
        await de.adminClient.call('PUT', `/api/v1/hits/offers/${fr.nodeId}`, { schemas: ['BankAccount'], maxTlp: 'AMBER' }, 200);
        await lead.client.call('POST', '/api/v1/hits/queries', { caseId: frCase.id }, 202);
        const hits = await waitFor('the hit on the French node', async () => {
          const h = (await lead.client.call<{ items: Json[] }>('GET', '/api/v1/hits', undefined, 200)).body.items;
          return h.length > 0 && h;
        });
        hitId = hits[0]!.id;
      } finally {
        await fr?.close();
        await de?.close();
      }
    });
    after(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await backend.dropSchema(schema);
    });

    test('the case team lists and shows the hit; a colleague outside the team sees none and is told there is no such hit', async () => {
      const list = await run(['hits', 'list', '--as', emails.lead], env);
      assert.equal(list.code, 0, list.err);
      assert.match(list.out, new RegExp(`${hitId}\\tpending\\tBundeskriminalamt \\(Germany\\)`));
      const shown = await run(['hits', 'show', hitId, '--as', emails.lead], env);
      assert.equal(shown.code, 0, shown.err);
      assert.match(shown.out, /may match: +a record of Bundeskriminalamt \(Germany\)/);
      assert.match(shown.out, /peer: +has not decided/);
      const json = JSON.parse((await run(['hits', 'list', '--as', emails.lead, '--json', '--case', 'PNF-9'], env)).out) as { items: Json[] };
      assert.equal(json.items.length, 1);

      const theirs = await run(['hits', 'list', '--as', emails.colleague], env);
      assert.equal(theirs.code, 0, theirs.err);
      assert.equal(theirs.out.trim(), 'no hits');
      const refused = await run(['hits', 'show', hitId, '--as', emails.colleague], env);
      assert.equal(refused.code, 1);
      assert.match(refused.err, /error: No such hit\. \(hit_not_found\)/);
      assert.equal((await run(['hits', 'decline', hitId, '--as', emails.colleague], env)).code, 1);
    });

    test('the lead declines the hit; a reveal afterwards is refused; check queues a query', async () => {
      const declined = await run(['hits', 'decline', hitId, '--as', emails.lead], env);
      assert.equal(declined.code, 0, declined.err);
      assert.match(declined.out, /declined; Bundeskriminalamt \(Germany\) is told/);
      assert.match((await run(['hits', 'show', hitId, '--as', emails.lead], env)).out, /state: +declined/);
      const again = await run(['hits', 'reveal', hitId, '--as', emails.lead, '--case-reference', 'PNF-9', '--contact', 'Bureau 3'], env);
      assert.equal(again.code, 1);
      assert.match(again.err, /\(hit_decided\)/);
      const check = await run(['hits', 'check', '--case', 'PNF-9', '--as', emails.lead, '--identifiers-only'], env);
      assert.equal(check.code, 0, check.err);
      assert.match(check.out, /1 query queued for PNF-9/);
    });

    test('usage mistakes exit 2 with a readable message', async () => {
      const noUser = await run(['hits', 'list'], env);
      assert.equal(noUser.code, 2);
      assert.match(noUser.err, /--as <email>/);
      const badId = await run(['hits', 'show', 'not-a-hit', '--as', emails.lead], env);
      assert.equal(badId.code, 2);
      assert.match(badId.err, /"not-a-hit" is not a hit id/);
      assert.equal((await run(['hits', 'list', '--as', emails.lead, '--state', 'maybe'], env)).code, 2);
      assert.equal((await run(['hits', 'reveal', hitId, '--as', emails.lead], env)).code, 2, 'reveal without --case-reference');
    });
  });
}
