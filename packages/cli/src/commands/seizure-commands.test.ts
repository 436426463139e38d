// `comity seizures …` on every backend, on the store a node used: generate the demo CSV (the same
// for the same seed), import it for a user, a file with bad rows refused with every row and reason
// (exit 1, nothing stored), a dry run, listing by species, the import of maritime incidents
// (`--kind incident`), and usage mistakes (exit 2).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode } from '@comity/server/testing/test-node';
import { runCliForTest as run } from '../testing/run-cli.ts';

for (const backend of testBackends()) {
  describe(`comity seizures on ${backend.name}`, () => {
    let dataDir: string;
    let schema: string | undefined;
    let env: Record<string, string | undefined>;
    const email = 'officer@kra.example';

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'comity-cli-seizures-'));
      schema = await backend.newSchema();
      env = { COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema, COMITY_LOG: '0' };
      const node = await startTestNode(backend, { dataDir, databaseSchema: schema });
      try {
        const admin = new ApiClient(node.url);
        await admin.signIn(node.admin.email, ADMIN_PASSWORD);
        await makeUser(admin, { role: 'practitioner', orgName: 'Kenya Revenue Authority', country: 'KEN', email });
      } finally {
        await node.close();
      }
    });
    after(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await backend.dropSchema(schema);
    });

    test('generate, import, list; bad rows refused with their reasons and nothing stored', async () => {
      const a = join(dataDir, 'a.csv');
      const b = join(dataDir, 'b.csv');
      assert.equal((await run(['seizures', 'generate', '--seed', '42', '--count', '30', '--until', '2026-06-30', '--out', a], env)).code, 0);
      await run(['seizures', 'generate', '--seed', '42', '--count', '30', '--until', '2026-06-30', '--out', b], env);
      assert.equal(readFileSync(a, 'utf8'), readFileSync(b, 'utf8'), 'the same seed gives the same file');

      const bad = join(dataDir, 'bad.csv');
      writeFileSync(bad, 'reference,occurredAt,country,authority,domain,itemName,quantity,unit,latitude,longitude\nB-1,2026-02-30,KEN,KRA,wildlife,Panthera tigris,2,specimens,1,1\nB-2,2026-01-01,KEN,KRA,wildlife,Panthera tigre,2,specimens,1,1\nB-3,2026-01-01,KEN,KRA,drugs,cocaine,1,kg,-91,1\n');
      const refused = await run(['seizures', 'import', bad, '--as', email], env);
      assert.equal(refused.code, 1);
      assert.match(refused.err, /row 2, column "occurredAt": the date "2026-02-30" does not exist/);
      assert.match(refused.err, /row 3, column "itemName": unknown species "Panthera tigre" \(did you mean Panthera tigris/);
      assert.match(refused.err, /row 4, column "latitude": latitude "-91" is not between -90 and 90/);
      assert.match(refused.err, /Nothing was imported/);

      const dry = await run(['seizures', 'import', a, '--as', email, '--dry-run'], env);
      assert.equal(dry.code, 0, dry.err);
      assert.match(dry.out, /itemName → itemName/);
      assert.match(dry.out, /nothing stored \(dry run\)/);
      const none = await run(['seizures', 'list', '--as', email], env);
      assert.match(none.out, /\(no seizures\)/);

      const ok = await run(['seizures', 'import', a, '--as', email], env);
      assert.equal(ok.code, 0, ok.err);
      assert.match(ok.out, /imported 30 seizure\(s\)/);
      const listed = JSON.parse((await run(['seizures', 'list', '--as', email, '--json', '--limit', '500'], env)).out);
      assert.equal(listed.total, 30);
      const wildlife = JSON.parse((await run(['seizures', 'list', '--as', email, '--json', '--domain', 'wildlife'], env)).out);
      assert.ok(wildlife.total > 0 && wildlife.total < 30);
      assert.ok(wildlife.items.every((s: { domains: string[] }) => s.domains.includes('wildlife')));
    });

    test('import --kind incident: bad rows refused with their column and the accepted values, the generator’s incidents stored whole', async () => {
      const bad = join(dataDir, 'incidents-bad.csv');
      writeFileSync(bad, 'reference,occurredAt,latitude,longitude,vesselName,vesselImo,vesselType,vesselStatus,incidentKind,narrative,reportingSource\nI-1,2026-01-05,1.2,104,OCEAN PEARL,9074720,bulk carrier,anchored,armed-robbery,Robbers boarded.,ReCAAP ISC\nI-2,2026-01-06,1.2,104,OCEAN PEARL,9074729,bulk carrier,adrift,armed-robbery,Robbers boarded.,ReCAAP ISC\n');
      const refused = await run(['seizures', 'import', '--kind', 'incident', bad, '--as', email], env);
      assert.equal(refused.code, 1);
      assert.match(refused.err, /row 2, column "vesselImo": the IMO number "9074720" is not 7 digits with a valid check digit/);
      assert.match(refused.err, /row 3, column "vesselStatus": vesselStatus: "adrift" is not accepted \(one of: underway, anchored, berthed\)/);
      assert.match(refused.err, /Nothing was imported/);

      const csv = join(dataDir, 'incidents.csv');
      assert.equal((await run(['seizures', 'generate', '--seed', '5', '--count', '10', '--incidents', '6', '--until', '2026-06-30', '--incidents-out', csv], env)).code, 0);
      const ok = await run(['seizures', 'import', '--kind', 'incident', csv, '--as', email], env);
      assert.equal(ok.code, 0, ok.err);
      assert.match(ok.out, /imported 6 maritime incident\(s\) from 6 row\(s\)/);
      const again = await run(['seizures', 'import', '--kind', 'incident', csv, '--as', email], env);
      assert.equal(again.code, 1, 'the same references again are refused whole');
      assert.equal((await run(['seizures', 'import', '--kind', 'vessel', csv, '--as', email], env)).code, 2);
    });

    test('usage mistakes exit 2', async () => {
      assert.equal((await run(['seizures', 'import', 'x.csv'], env)).code, 2);
      assert.equal((await run(['seizures', 'import', 'x.txt', '--as', email], env)).code, 2);
      assert.equal((await run(['seizures', 'generate', '--count', 'many', '--out', 'x.csv'], env)).code, 2);
    });
  });
}
