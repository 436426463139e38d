// `comity request list|show|check|export` on every backend, run in-process on the store a node
// used: the same completeness answer as the API (exit 1 while essential items are missing), the
// letter of request written to a file with its SHA-256 in the audit trail, usage errors exit 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { openDatabase } from '@comity/db';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode } from '@comity/server/testing/test-node';
import type { CliIo } from '../cli-io.ts';
import { runCli } from '../program.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;

async function run(argv: string[], env: Record<string, string | undefined>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => {
      out += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      err += t.endsWith('\n') ? t : `${t}\n`;
    },
    readStdin: async () => '',
    env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

for (const backend of testBackends()) {
  describe(`comity request on ${backend.name}`, () => {
    let dataDir: string;
    let schema: string | undefined;
    let env: Record<string, string | undefined>;
    let complete: Json;
    let incomplete: Json;
    let incomingRef: string;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'comity-cli-requests-'));
      schema = await backend.newSchema();
      env = { COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema, COMITY_LOG: '0' };
      const node = await startTestNode(backend, { dataDir, databaseSchema: schema });
      try {
        const admin = new ApiClient(node.url);
        await admin.signIn(node.admin.email, ADMIN_PASSWORD);
        const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
        const sup = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
        const exec = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
        const { type, ...content } = exampleRequest('mla', 'DEU', exec.organisationId);
        complete = (await drafter.client.call<Json>('POST', '/api/v1/requests', { type, ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201)).body;
        await drafter.client.call('POST', `/api/v1/requests/${complete.id}/transitions`, { action: 'submit' }, 200);
        await sup.client.call('POST', `/api/v1/requests/${complete.id}/transitions`, { action: 'approve' }, 200);
        await drafter.client.call('POST', `/api/v1/requests/${complete.id}/transitions`, { action: 'transmit' }, 200);
        incomplete = (await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', title: 'Phone records' }, 201)).body;
        const incoming = await exec.client.call<{ items: Json[] }>('GET', '/api/v1/requests?side=requested', undefined, 200);
        incomingRef = incoming.body.items[0]?.reference;
      } finally {
        await node.close();
      }
    });
    after(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await backend.dropSchema(schema);
    });

    test('list and show', async () => {
      const list = await run(['request', 'list', '--json'], env);
      assert.equal(list.code, 0, list.err);
      const items = (JSON.parse(list.out) as { items: Json[] }).items;
      assert.deepEqual(items.map((i) => i.reference).sort(), [complete.reference, incomplete.reference, incomingRef].sort());
      const table = await run(['request', 'list', '--org', 'Parquet national financier'], env);
      assert.match(table.out, /^REFERENCE\s+SIDE\s+TYPE\s+STATE/);
      assert.match(table.out, new RegExp(`${complete.reference}\\s+out\\s+mla\\s+transmitted\\s+Bundesamt für Justiz \\(DEU\\)`));
      const incoming = await run(['request', 'list', '--side', 'requested', '--json'], env);
      assert.deepEqual((JSON.parse(incoming.out) as { items: Json[] }).items.map((i) => i.reference), [incomingRef]);
      const show = await run(['request', 'show', complete.reference], env);
      assert.equal(show.code, 0, show.err);
      assert.match(show.out, /legal basis: UNTOC art\. 18/);
      assert.match(show.out, /approve\s+→ approved/);
      assert.match(show.out, /transmit\s+→ transmitted/);
      const json = JSON.parse((await run(['request', 'show', complete.id, '--json'], env)).out) as Json;
      assert.equal(json.conversationId, complete.conversationId);
      assert.equal((await run(['request', 'show', 'OUT-1999-00042'], env)).code, 1);
      assert.equal((await run(['request', 'list', '--state', 'sent'], env)).code, 2);
    });

    test('check: the API’s answer; exit 1 while essential items are missing', async () => {
      const bad = await run(['request', 'check', incomplete.reference], env);
      assert.equal(bad.code, 1);
      assert.match(bad.out, /^NOT READY: \d+ essential item\(s\) missing\./);
      assert.match(bad.out, /facts: Give a summary of the relevant facts .*\(UNTOC art\. 18\(15\)\(c\)/);
      const good = await run(['request', 'check', complete.reference, '--json'], env);
      assert.equal(good.code, 0, good.out);
      assert.deepEqual((JSON.parse(good.out) as Json).essentialMissing, []);

      const file = join(dataDir, 'request.json');
      const { type, ...content } = exampleRequest('extradition', 'DEU', null);
      writeFileSync(file, JSON.stringify({ type, ...content, legalBasis: { kind: 'treaty', instrument: 'ETS-024' } }));
      const fromFile = await run(['request', 'check', '--file', file, '--from', 'FRA'], env);
      assert.equal(fromFile.code, 1, 'no requested authority chosen yet');
      assert.match(fromFile.out, /requestedOrganisationId: .*\(ETS-024 art\. 12\(1\)\)/);
      assert.doesNotMatch(fromFile.out, /facts:/);
      assert.equal((await run(['request', 'check'], env)).code, 2);
      assert.equal((await run(['request', 'check', '--file', file], env)).code, 2, '--from is needed with --file');
      writeFileSync(file, '{"type":"mla","marking":"PURPLE"}');
      const invalid = await run(['request', 'check', '--file', file, '--from', 'FRA'], env);
      assert.equal(invalid.code, 2);
      assert.match(invalid.err, /marking/);
    });

    test('export writes the letter; its SHA-256 is in the audit trail', async () => {
      const pdfFile = join(dataDir, 'letter.pdf');
      const res = await run(['request', 'export', complete.reference, '--out', pdfFile], env);
      assert.equal(res.code, 0, res.err);
      const bytes = readFileSync(pdfFile);
      const sha = createHash('sha256').update(bytes).digest('hex');
      assert.match(res.out, new RegExp(`SHA-256 ${sha}`));
      const text = spawnSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
      assert.match(text.stdout, /UNTOC art\. 18/);
      const docxFile = join(dataDir, 'letter.docx');
      const es = await run(['request', 'export', complete.reference, '--format', 'docx', '--lang', 'es', '--out', docxFile], env);
      assert.equal(es.code, 0);
      // The example's English free text in a Spanish letter: said on stderr, the file is written anyway.
      assert.match(es.err, /warning: The text in facts seems to be written in English, but the letter is in Spanish/);
      const xml = spawnSync('unzip', ['-p', docxFile, 'word/document.xml'], { encoding: 'utf8' }).stdout;
      assert.match(xml, /Solicitud de asistencia judicial recíproca en materia penal/);
      assert.match(xml, /UNTOC art\. 18/);
      assert.equal((await run(['request', 'export', complete.reference, '--format', 'odt', '--out', docxFile], env)).code, 2);

      const db = await openDatabase(backend.databaseUrl ? { databaseUrl: backend.databaseUrl, schema } : { pgliteDir: join(dataDir, 'pgdata') });
      try {
        const entries = await db.db.selectFrom('audit_entries').select(['action', 'change', 'request_id']).where('action', '=', 'request.document').execute();
        const change = entries.map((e) => (typeof e.change === 'string' ? JSON.parse(e.change) : e.change) as Json);
        assert.ok(change.some((c) => c.sha256 === sha && c.format === 'pdf'), 'PDF hash audited');
        assert.ok(entries.every((e) => e.request_id === 'cli'));
      } finally {
        await db.close();
      }
      assert.equal((await run(['audit', 'verify'], env)).code, 0);
    });
  });
}
