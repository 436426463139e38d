// `comity entities …` on every backend, on the store a node used: import FtM JSON lines and CSV
// for a user, list and export them (the export equals what was imported), a CSV with bad lines
// refused with their numbers (exit 1, nothing stored), usage mistakes (exit 2), and a user of
// another organisation refused.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode } from '@comity/server/testing/test-node';
import { runCliForTest as run } from '../testing/run-cli.ts';

const FTM = [
  { id: 'v-1', schema: 'Vessel', properties: { name: ['Sea Breeze'], imoNumber: ['IMO 9074729'], flag: ['pa'] } },
  { id: 'c-1', schema: 'Company', properties: { name: ['Blue Water Shipping Ltd'] } },
  { id: 'o-1', schema: 'Ownership', properties: { owner: ['c-1'], asset: ['v-1'] } },
];
const sorted = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string })
    .sort((a, b) => a.id.localeCompare(b.id));

for (const backend of testBackends()) {
  describe(`comity entities on ${backend.name}`, () => {
    let dataDir: string;
    let schema: string | undefined;
    let env: Record<string, string | undefined>;
    const emails = { lead: 'lead@gdf.example', stranger: 'stranger@koeln.example' };

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'comity-cli-entities-'));
      schema = await backend.newSchema();
      env = { COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema, COMITY_LOG: '0' };
      const node = await startTestNode(backend, { dataDir, databaseSchema: schema });
      try {
        const admin = new ApiClient(node.url);
        await admin.signIn(node.admin.email, ADMIN_PASSWORD);
        const lead = await makeUser(admin, { role: 'practitioner', orgName: 'Guardia di Finanza', country: 'ITA', email: emails.lead });
        await makeUser(admin, { role: 'supervisor', orgName: 'Staatsanwaltschaft Köln', country: 'DEU', email: emails.stranger });
        await lead.client.call('POST', '/api/v1/cases', { reference: 'GDF-7', title: 'Nave fantasma', marking: 'GREEN' }, 201);
      } finally {
        await node.close();
      }
    });
    after(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await backend.dropSchema(schema);
    });

    test('import FtM lines and CSV, list, export the same entities', async () => {
      const ftmFile = join(dataDir, 'in.ftm.json');
      writeFileSync(ftmFile, `${FTM.map((e) => JSON.stringify(e)).join('\n')}\n`);
      const imported = await run(['entities', 'import', ftmFile, '--case', 'GDF-7', '--as', emails.lead, '--source', 'Port authority register'], env);
      assert.equal(imported.code, 0, imported.err);
      assert.match(imported.out, /imported into GDF-7: 3 created, 0 updated/);

      const csvFile = join(dataDir, 'crew.csv');
      writeFileSync(csvFile, 'ref,nome,nato il\ncrew-1,Marco Rossi,1980-02-29\ncrew-2,Luca Bianchi,1979-12-01\n');
      const csv = await run(['entities', 'import', csvFile, '--case', 'GDF-7', '--as', emails.lead, '--schema', 'Person', '--map', 'ref=id,nome=name,nato il=birthDate'], env);
      assert.equal(csv.code, 0, csv.err);
      assert.match(csv.out, /2 created/);

      const list = await run(['entities', 'list', '--case', 'GDF-7', '--as', emails.lead, '--schema', 'Person'], env);
      assert.equal(list.code, 0, list.err);
      assert.match(list.out, /crew-1\s+Person\s+TLP:GREEN\s+Marco Rossi/);
      assert.doesNotMatch(list.out, /Sea Breeze/);
      const json = JSON.parse((await run(['entities', 'list', '--case', 'GDF-7', '--json'], env)).out);
      assert.equal(json.total, 5, 'the operator sees a GREEN case’s entities');

      const out = join(dataDir, 'out.ftm.json');
      const exported = await run(['entities', 'export', '--case', 'GDF-7', '--as', emails.lead, '--out', out], env);
      assert.equal(exported.code, 0, exported.err);
      const back = sorted(readFileSync(out, 'utf8'));
      assert.equal(back.length, 5);
      assert.deepEqual(
        back.filter((e) => FTM.some((f) => f.id === e.id)),
        sorted(FTM.map((e) => JSON.stringify(e)).join('\n')),
      );
    });

    test('bad lines are printed with their numbers, exit 1, nothing stored; usage mistakes exit 2; another organisation is refused', async () => {
      const before = JSON.parse((await run(['entities', 'list', '--case', 'GDF-7', '--json'], env)).out).total;
      const csvFile = join(dataDir, 'bad.csv');
      writeFileSync(csvFile, 'ref,nome,nato il\ncrew-3,Anna Verdi,1990-01-01\ncrew-4,,31/12/1990\ncrew-5,Paolo Neri,1985-05-05\n');
      const bad = await run(['entities', 'import', csvFile, '--case', 'GDF-7', '--as', emails.lead, '--schema', 'Person', '--map', 'ref=id,nome=name,nato il=birthDate'], env);
      assert.equal(bad.code, 1);
      assert.match(bad.err, /line 3 \(crew-4\): birthDate: "31\/12\/1990" is not a date/);
      assert.match(bad.err, /line 3 \(crew-4\): Person needs "name"/);
      assert.match(bad.err, /nothing was imported/);
      assert.equal(JSON.parse((await run(['entities', 'list', '--case', 'GDF-7', '--json'], env)).out).total, before);

      assert.equal((await run(['entities', 'import', csvFile, '--case', 'GDF-7', '--as', emails.lead], env)).code, 2, 'a CSV without --schema');
      assert.equal((await run(['entities', 'import', csvFile, '--case', 'GDF-7'], env)).code, 2, 'an import without --as');
      assert.equal((await run(['entities', 'list', '--case', 'GDF-7', '--schema', 'Spaceship'], env)).code, 2);
      const missing = await run(['entities', 'import', join(dataDir, 'nope.json'), '--case', 'GDF-7', '--as', emails.lead], env);
      assert.equal(missing.code, 1);
      assert.match(missing.err, /cannot read/);
      const stranger = await run(['entities', 'list', '--case', 'GDF-7', '--as', emails.stranger], env);
      assert.equal(stranger.code, 1);
      assert.match(stranger.err, /No such case/);
    });

    test('search finds a person imported earlier, explained; the other organisation sees none of it; bad options exit 2', async () => {
      const found = await run(['entities', 'search', '--name', 'ROSSI Marco', '--dob', '1980-02-29', '--as', emails.lead], env);
      assert.equal(found.code, 0, found.err);
      assert.match(found.out, /^1\.0000\s+GDF-7\s+crew-1\s+Marco Rossi/m);
      assert.match(found.out, /birth-date: 1\.00 .* exact/);
      const json = (await run(['entities', 'search', '--name', 'Марко Росси', '--dob', '1980-02-29', '--json'], env)).out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
      assert.deepEqual(
        json.map((h: { ftmId: string }) => h.ftmId),
        ['crew-1'],
        'from Cyrillic script, as the operator',
      );
      const stranger = await run(['entities', 'search', '--name', 'Marco Rossi', '--dob', '1980-02-29', '--as', emails.stranger], env);
      assert.equal(stranger.code, 0, stranger.err);
      assert.match(stranger.out, /no person above/);
      assert.equal((await run(['entities', 'search', '--name', 'Marco Rossi', '--threshold', '2'], env)).code, 2);
      assert.equal((await run(['entities', 'search', '--dob', '1980-02-29'], env)).code, 2);
    });
  });
}
