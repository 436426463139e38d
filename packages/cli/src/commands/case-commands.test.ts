// `comity case …` on every backend, on the store a node used: create a case for a user, add a
// member, link and unlink a request, close it, list and show it (as the operator and as users),
// and the errors a user meets: usage mistakes exit 2, refusals exit 1 with the reason, nothing is
// stored by a refused command.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode } from '@comity/server/testing/test-node';
import { runCliForTest as run } from '../testing/run-cli.ts';


for (const backend of testBackends()) {
  describe(`comity case on ${backend.name}`, () => {
    let dataDir: string;
    let schema: string | undefined;
    let env: Record<string, string | undefined>;
    const emails = { lead: 'lead@pnf.example', member: 'analyst@pnf.example', stranger: 'stranger@koeln.example' };
    let requestRef: string;

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'comity-cli-cases-'));
      schema = await backend.newSchema();
      env = { COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema, COMITY_LOG: '0' };
      const node = await startTestNode(backend, { dataDir, databaseSchema: schema });
      try {
        const admin = new ApiClient(node.url);
        await admin.signIn(node.admin.email, ADMIN_PASSWORD);
        const lead = await makeUser(admin, { role: 'practitioner', orgName: 'Parquet national financier', email: emails.lead });
        await makeUser(admin, { role: 'analyst', organisationId: lead.organisationId, email: emails.member });
        await makeUser(admin, { role: 'supervisor', orgName: 'Staatsanwaltschaft Köln', country: 'DEU', email: emails.stranger });
        requestRef = (await lead.client.call<{ reference: string }>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', title: 'Bank records' }, 201)).body.reference;
      } finally {
        await node.close();
      }
    });
    after(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await backend.dropSchema(schema);
    });

    test('create, team, link, close, list and show', async () => {
      const created = await run(['case', 'create', '--as', emails.lead, '--title', 'Opération Lagune', '--reference', 'PNF-44', '--opened-on', '2026-01-05', '--offence', 'corruption,money-laundering', '--marking', 'amber'], env);
      assert.equal(created.code, 0, created.err);
      assert.match(created.out, /^created case PNF-44 /);
      const member = await run(['case', 'member', 'PNF-44', emails.member, '--as', emails.lead], env);
      assert.equal(member.code, 0, member.err);
      const linked = await run(['case', 'link', 'PNF-44', requestRef, '--as', emails.member], env);
      assert.equal(linked.code, 0, linked.err);
      assert.match(linked.out, new RegExp(`linked ${requestRef} to case PNF-44`));

      const shown = await run(['case', 'show', 'PNF-44', '--as', emails.member], env);
      assert.equal(shown.code, 0, shown.err);
      assert.match(shown.out, /^PNF-44 {2}open {2}TLP:AMBER {2}Parquet national financier/m);
      assert.match(shown.out, /lead {4}lead@pnf\.example/);
      assert.match(shown.out, /member {2}analyst@pnf\.example/);
      assert.match(shown.out, new RegExp(`${requestRef} {2}out {2}draft {2}Bank records`));
      const json = JSON.parse((await run(['case', 'show', 'PNF-44', '--json'], env)).out);
      assert.deepEqual(json.offences, ['corruption', 'money-laundering']);
      assert.equal(json.requests.length, 1);

      // A member may not close the case; the lead may.
      const refused = await run(['case', 'update', 'PNF-44', '--status', 'closed', '--as', emails.member], env);
      assert.equal(refused.code, 1);
      assert.match(refused.err, /Only the lead of the case and the supervisors/);
      const closed = await run(['case', 'update', 'PNF-44', '--status', 'closed', '--closed-on', '2026-11-20', '--note', 'Judgment', '--as', emails.lead], env);
      assert.equal(closed.code, 0, closed.err);
      assert.match(closed.out, /case PNF-44: closed, version 2/);

      const listed = await run(['case', 'list', '--status', 'closed'], env);
      assert.equal(listed.code, 0, listed.err);
      assert.match(listed.out, /^PNF-44 +closed +AMBER +2 +1 +Parquet national financier +Opération Lagune$/m);
      const mine = await run(['case', 'list', '--mine', '--as', emails.member, '--json'], env);
      assert.deepEqual(
        JSON.parse(mine.out).items.map((i: { reference: string }) => i.reference),
        ['PNF-44'],
      );
      assert.equal(JSON.parse((await run(['case', 'list', '--as', emails.stranger, '--json'], env)).out).total, 0);
    });

    test('mistakes and refusals: exit 2 for usage, 1 with the reason, nothing stored', async () => {
      await run(['case', 'create', '--as', emails.lead, '--title', 'Kept', '--reference', 'PNF-50'], env);
      const noAs = await run(['case', 'create', '--title', 'Who?'], env);
      assert.equal(noAs.code, 2);
      assert.match(noAs.err, /--as <email>/);
      const badMarking = await run(['case', 'create', '--as', emails.lead, '--title', 'x', '--marking', 'purple'], env);
      assert.equal(badMarking.code, 2);
      assert.match(badMarking.err, /--marking/);
      const badOffence = await run(['case', 'create', '--as', emails.lead, '--title', 'x', '--offence', 'jaywalking'], env);
      assert.equal(badOffence.code, 2);
      const dup = await run(['case', 'create', '--as', emails.lead, '--title', 'Again', '--reference', 'PNF-50'], env);
      assert.equal(dup.code, 1);
      assert.match(dup.err, /already has a case with the reference PNF-50\. \(case_reference_taken\)/);
      const unknown = await run(['case', 'show', 'NOPE-1'], env);
      assert.equal(unknown.code, 1);
      assert.match(unknown.err, /no case NOPE-1/);
      // Another organisation's user learns nothing: the same answer as a case that does not exist.
      const stranger = await run(['case', 'show', 'PNF-50', '--as', emails.stranger], env);
      assert.equal(stranger.code, 1);
      assert.match(stranger.err, /No such case\. \(not_found\)/);
      const strangerMember = await run(['case', 'member', 'PNF-50', emails.stranger, '--as', emails.lead], env);
      assert.equal(strangerMember.code, 1);
      assert.match(strangerMember.err, /no user stranger@koeln\.example in the organisation/);
      const stale = await run(['case', 'update', 'PNF-50', '--title', 'Stale', '--expect-version', '7', '--as', emails.lead], env);
      assert.equal(stale.code, 1);
      assert.match(stale.err, /version_conflict/);
      const all = JSON.parse((await run(['case', 'list', '--json'], env)).out);
      assert.deepEqual(all.items.map((i: { reference: string }) => i.reference).sort(), ['PNF-44', 'PNF-50']);
      assert.equal(all.items.find((i: { reference: string }) => i.reference === 'PNF-50').title, 'Kept');
    });
  });
}
