// `comity evidence capture` on every backend, on the store a node used: pages of a local test
// server captured as five items each (as the node's operator and as a named user), a refused
// scheme and a redirect to a private address failing with their reasons and exit 1, and usage
// errors exiting 2. The capture is then listed by the API of the node started again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode } from '@comity/server/testing/test-node';
import { runCliForTest as run } from '../testing/run-cli.ts';

const CHROMIUM = process.env.COMITY_CHROMIUM_PATH ?? '/usr/bin/chromium';

function unavailable(): string | undefined {
  try {
    execFileSync(CHROMIUM, ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return `needs Chromium at ${CHROMIUM}`;
  }
}


for (const backend of testBackends()) {
  describe(`comity evidence capture on ${backend.name}`, { skip: unavailable() }, () => {
    let dataDir: string;
    let schema: string | undefined;
    let env: Record<string, string | undefined>;
    let server: Server;
    let base = '';
    let requestId = '';
    let reference = '';
    let investigatorEmail = '';
    let investigatorPassword = '';

    before(async () => {
      server = createServer((req, res) => {
        if (req.url === '/notice') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Notice</title><h1>Public notice</h1>');
        if (req.url === '/to-private') return res.writeHead(302, { location: 'http://10.1.2.3/' }).end();
        res.writeHead(404).end();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      dataDir = mkdtempSync(join(tmpdir(), 'comity-cli-capture-'));
      schema = await backend.newSchema();
      env = { COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema, COMITY_LOG: '0' };
      const node = await startTestNode(backend, { dataDir, databaseSchema: schema });
      try {
        const admin = new ApiClient(node.url);
        await admin.signIn(node.admin.email, ADMIN_PASSWORD);
        await admin.call('PUT', '/api/v1/evidence/capture-allowlist', { hosts: ['127.0.0.1'] }, 200);
        const investigator = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Gendarmerie nationale' });
        investigatorEmail = investigator.email;
        investigatorPassword = investigator.password;
        const { type: _t, ...content } = exampleRequest('mla', 'DEU');
        const created = await investigator.client.call<{ id: string; reference: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
        requestId = created.body.id;
        reference = created.body.reference;
      } finally {
        await node.close();
      }
    });
    after(async () => {
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(dataDir, { recursive: true, force: true });
      await backend.dropSchema(schema);
    });

    test('captures a page for a request given by reference, as the operator and as a user', async () => {
      const r = await run(['evidence', 'capture', `${base}/notice`, '--request', reference], env);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, new RegExp(`^captured {2}${base}/notice {2}HTTP 200$`, 'm'));
      for (const kind of ['screenshot', 'pdf', 'html', 'wacz', 'metadata']) assert.match(r.out, new RegExp(`^ {10}${kind} +[0-9a-f-]{36}$`, 'm'));
      assert.match(r.out, /: 1 captured, 0 failed$/m);
      const json = await run(['evidence', 'capture', `${base}/notice`, '--request', requestId, '--as', investigatorEmail, '--json'], env);
      assert.equal(json.code, 0, json.err);
      const parsed = JSON.parse(json.out) as { urls: { status: string; items: unknown[] }[] };
      assert.equal(parsed.urls[0]?.status, 'captured');
      assert.equal(parsed.urls[0]?.items.length, 5);
    });

    test('a refused scheme stores nothing; a redirect to a private address fails with its reason; both exit 1', async () => {
      const refused = await run(['evidence', 'capture', 'file:///etc/passwd', '--request', requestId], env);
      assert.equal(refused.code, 1);
      assert.match(refused.err, /refused, nothing was captured:\n {2}file:\/\/\/etc\/passwd: Only http and https/);
      const redirect = await run(['evidence', 'capture', `${base}/to-private`, `${base}/notice`, '--request', requestId], env);
      assert.equal(redirect.code, 1);
      assert.match(redirect.out, /^failed {4}.*\/to-private {2}address_not_public: 10\.1\.2\.3 is private/m);
      assert.match(redirect.out, /: 1 captured, 1 failed$/m);
      assert.match(redirect.err, /1 of 2 addresses could not be captured/);
    });

    test('usage errors exit 2', async () => {
      const neither = await run(['evidence', 'capture', `${base}/notice`], env);
      assert.equal(neither.code, 2);
      assert.match(neither.err, /exactly one of --request and --case/);
      const badCase = await run(['evidence', 'capture', `${base}/notice`, '--case', 'CASE-1'], env);
      assert.equal(badCase.code, 2);
      const unknown = await run(['evidence', 'capture', `${base}/notice`, '--request', 'NOPE-1'], env);
      assert.equal(unknown.code, 1);
      assert.match(unknown.err, /no request with reference NOPE-1/);
    });

    test('the node started again lists the captures made offline, to the user', async () => {
      const node = await startTestNode(backend, { dataDir, databaseSchema: schema });
      try {
        const user = new ApiClient(node.url);
        await user.signIn(investigatorEmail, investigatorPassword);
        const list = await user.call<{ items: { counts: { captured: number; failed: number }; createdBy: string | null }[] }>('GET', `/api/v1/evidence/captures?requestId=${requestId}`, undefined, 200);
        assert.equal(list.body.items.length, 3);
        assert.deepEqual(
          list.body.items.map((c) => [c.counts.captured, c.counts.failed]),
          [
            [1, 1],
            [1, 0],
            [1, 0],
          ],
        );
        assert.equal(list.body.items.filter((c) => c.createdBy !== null).length, 1, 'one capture names its user (--as)');
      } finally {
        await node.close();
      }
    });
  });
}
