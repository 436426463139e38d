// The court package over HTTP, on PGlite and PostgreSQL: a request's evidence (two items, one with
// RFC 3161 tokens from a local openssl TSA) is packaged, the ZIP streams and verifies offline with
// `comity evidence verify`; each item's custody ends with `exported` naming the package; the
// reports are PDFs in six languages; another organisation gets 404, a viewer 403, and an item the
// release policy does not let out refuses the whole package with nothing recorded.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Role } from '@comity/core';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { type TestNode, ADMIN_PASSWORD, ApiClient, makeUser, startTestNode } from '../../testing/test-node.ts';
import type { Actor } from '../../deps.ts';
import { evidenceOf } from '../evidence-capability.ts';
import { ingestEvidence, listCustody } from '../evidence-service.ts';
import { verifyPackageFile } from './verify-node.ts';
import { withPackageTsa, type PackageTsa } from './package-testing.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;

const tmp = mkdtempSync(join(tmpdir(), 'comity-package-api-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const root = new URL('../../../../../', import.meta.url).pathname;

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/cli/src/main.ts'), ...args], { encoding: 'utf8', cwd: tmp });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function pdfText(bytes: Buffer): string {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout.replace(/\s+/g, ' ');
}

for (const backend of testBackends()) {
  describe(`court package API on ${backend.name}`, () => {
    let t: TestNode;
    let tsa: PackageTsa;
    let admin: ApiClient;
    let drafter: Awaited<ReturnType<typeof makeUser>>;
    let viewer: Awaited<ReturnType<typeof makeUser>>;
    let outsider: Awaited<ReturnType<typeof makeUser>>;
    let requestId: string;
    const items: Json[] = [];

    before(async () => {
      tsa = await withPackageTsa();
      t = await startTestNode(backend, { loginRateLimit: 1000 });
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
      viewer = await makeUser(admin, { role: 'viewer', organisationId: drafter.organisationId });
      outsider = await makeUser(admin, { role: 'practitioner', country: 'ITA', orgName: 'Ministero della Giustizia' });
      const { type: _t, ...content } = exampleRequest('mla', 'DEU', outsider.organisationId);
      requestId = (await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content }, 201)).body.id as string;
      const edeps = evidenceOf(t.node.deps);
      assert.ok(edeps, 'the evidence capability is loaded');
      const actor: Actor = { userId: drafter.userId, email: drafter.email, role: 'practitioner' as Role, organisationId: drafter.organisationId, mustChangePassword: false, via: 'session' };
      const png = readFileSync(join(root, 'packages/web/public/favicon.png'));
      for (const [title, body, filename] of [
        ['Screenshot of the seller page', png, 'seller.png'],
        ['Chat export', Buffer.from('2026-03-01 10:02 alice: the shipment leaves Thursday\n'.repeat(2000)), 'chat.txt'],
      ] as const) {
        const item = await ingestEvidence(edeps, { actor, requestId: 'test' }, { owner: { requestId }, title, source: { kind: 'uploaded' }, filename, body: Readable.from([body]) });
        items.push(item);
      }
      await tsa.stamp(t.node.deps, items[0]!.id);
    });
    after(async () => {
      await t.close();
      await tsa.close();
    });

    test('the package of a request streams as a ZIP that verifies offline, with custody, tokens and six reports', async () => {
      const contents = await drafter.client.call<Json>('GET', `/api/v1/evidence/packages/request/${requestId}/contents`, undefined, 200);
      assert.deepEqual(contents.body.items.map((i: Json) => i.title).sort(), ['Chat export', 'Screenshot of the seller page']);

      const res = await fetch(`${t.url}/api/v1/evidence/packages/request/${requestId}`, { headers: { cookie: drafter.client.cookie! } });
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(res.headers.get('content-type'), 'application/zip');
      assert.match(res.headers.get('content-disposition') ?? '', /evidence-package-.*\.zip/);
      const packageId = res.headers.get('x-package-id');
      const zip = Buffer.from(await res.arrayBuffer());
      const file = join(tmp, 'request.zip');
      writeFileSync(file, zip);

      const report = await verifyPackageFile(file);
      assert.deepEqual(report.problems, []);
      assert.equal(report.ok, true);
      assert.equal(report.items.length, 2);
      assert.equal(report.checked.signature, true);
      assert.equal(report.checked.timestamps, 1, 'the stamped item carries its token');
      assert.equal(report.package?.node.nodeId, t.node.deps.keys.nodeId);

      const v = cli(['evidence', 'verify', file]);
      assert.equal(v.code, 0, v.stderr);
      assert.match(v.stdout, /^VERIFIED: /);
      const j = cli(['evidence', 'verify', file, '--json']);
      assert.equal(j.code, 0);
      assert.equal(JSON.parse(j.stdout).ok, true);

      // Each item's custody now ends with the export of this package, and the package carries it.
      for (const item of items) {
        const events = await listCustody(t.node.deps.db, item.id as string);
        const last = events.at(-1)!;
        assert.equal(last.kind, 'exported');
        assert.equal(last.details.packageId, packageId);
        assert.equal(last.actorEmail, drafter.email);
      }
      const unzip = spawnSync('unzip', ['-l', file], { encoding: 'utf8' });
      assert.equal(unzip.status, 0);
      for (const lang of ['en', 'fr', 'es', 'ar', 'ru', 'zh']) assert.match(unzip.stdout, new RegExp(`report/report-${lang}\\.pdf`));
      assert.match(unzip.stdout, /verifier\.html/);
      const out = join(tmp, 'x');
      assert.equal(spawnSync('unzip', ['-q', '-o', file, '-d', out]).status, 0);
      const fr = pdfText(readFileSync(join(out, 'report/report-fr.pdf')));
      assert.match(fr, /Chaîne de possession/);
      assert.match(fr, new RegExp(items[1]!.sha256 as string));
      const ar = pdfText(readFileSync(join(out, 'report/report-ar.pdf')));
      assert.match(ar, /سلسلة الحيازة/);
      const zh = pdfText(readFileSync(join(out, 'report/report-zh.pdf')));
      assert.match(zh, /保管链/);
    });

    test('another organisation gets 404, a viewer 403, bad ids problem+json, and nothing is recorded', async () => {
      const before = await listCustody(t.node.deps.db, items[0]!.id as string);
      const other = await outsider.client.call<Json>('GET', `/api/v1/evidence/packages/item/${items[0]!.id}`);
      assert.equal(other.status, 404);
      assert.match(other.headers.get('content-type') ?? '', /application\/problem\+json/);
      const v = await viewer.client.call<Json>('GET', `/api/v1/evidence/packages/request/${requestId}`);
      assert.equal(v.status, 403);
      const bad = await drafter.client.call<Json>('GET', '/api/v1/evidence/packages/folder/not-a-uuid');
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
      const after = await listCustody(t.node.deps.db, items[0]!.id as string);
      assert.equal(after.length, before.length, 'no custody event for refused packages');
    });
  });
}
