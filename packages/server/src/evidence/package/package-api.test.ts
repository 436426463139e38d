import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import type { ApiClient } from '../../testing/test-node.ts';
import { makeUser } from '../../testing/test-node.ts';
import { listCustody, openEvidenceContent } from '../evidence-service.ts';
import { packageDepsOf } from './package-deps.ts';
import { buildCourtPackage } from './package-service.ts';
import { type PackageNode, REPO_ROOT, actorOf, startPackageNode, testPng } from './package-testing.ts';
import { verifyPackageFile } from './verify-node.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;

const tmp = mkdtempSync(join(tmpdir(), 'comity-package-api-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'packages/cli/src/main.ts'), ...args], { encoding: 'utf8', cwd: REPO_ROOT });
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
    let n: PackageNode;
    let drafter: { client: ApiClient; email: string };
    let viewer: Awaited<ReturnType<typeof makeUser>>;
    let outsider: Awaited<ReturnType<typeof makeUser>>;
    let requestId: string;
    let t: PackageNode['t'];
    const items: Json[] = [];

    before(async () => {
      n = await startPackageNode(backend);
      t = n.t;
      drafter = n.drafter;
      requestId = n.requestId;
      viewer = await makeUser(n.admin, { role: 'viewer', organisationId: n.drafter.organisationId });
      outsider = await makeUser(n.admin, { role: 'practitioner', country: 'ITA', orgName: 'Ministero della Giustizia' });
      items.push(await n.addItem('Screenshot of the seller page', testPng(), 'seller.png'));
      items.push(await n.addItem('Chat export', Buffer.from('2026-03-01 10:02 alice: the shipment leaves Thursday\n'.repeat(2000)), 'chat.txt'));
    });
    after(() => n.close());

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
      assert.equal(report.checked.timestamps, 2, 'each item carries its token');
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

    test('a package whose report fails to render records no export; one whose log grows while it is built is built again on the new log', async () => {
      // The node's own package deps, built the way the capability builds them (the TSA roots come from the environment).
      const real = await packageDepsOf(t.node.deps, { ...process.env, COMITY_TSA_ROOTS: n.pki.rootPem });
      const who = { actor: actorOf(n.drafter, 'practitioner'), requestId: 'test' };
      const subject = { kind: 'request' as const, id: requestId };
      const logs = async () => Promise.all(items.map(async (i) => listCustody(t.node.deps.db, i.id as string)));
      const packageAudits = async () =>
        (await t.node.deps.db.selectFrom('audit_entries').select('action').where('action', 'in', ['evidence.package', 'evidence.custody.exported']).execute()).length;
      try {
        const before = await logs();
        const auditsBefore = await packageAudits();
        let renders = 0;
        const failing = {
          ...real,
          pdf: {
            async render() {
              renders++;
              throw new Error('forced render failure');
            },
            close: async () => {},
          },
        };
        await assert.rejects(buildCourtPackage(failing, who, subject), /forced render failure/);
        assert.equal(renders, 1, 'the build reached the report');
        assert.deepEqual(await logs(), before, 'no custody event for a package that was not built');
        assert.equal(await packageAudits(), auditsBefore, 'no export in the audit trail either');

        // A viewing recorded while the first build renders its report moves the item's log: the
        // export linked to the old head is not stored, and the package is built again.
        let viewed = false;
        const racing = {
          ...real,
          pdf: {
            async render(html: string, opts: { marking: string }) {
              if (!viewed) {
                viewed = true;
                const { stream } = await openEvidenceContent(real, who, items[0]!.id as string, 'inline');
                stream.destroy();
              }
              return real.pdf.render(html, opts);
            },
            close: async () => {},
          },
        };
        const built = await buildCourtPackage(racing, who, subject);
        const file = join(tmp, 'rebuilt.zip');
        await pipeline(built.stream, createWriteStream(file));
        const report = await verifyPackageFile(file);
        assert.deepEqual(report.problems, []);
        const after = await logs();
        assert.deepEqual(
          after[0]!.slice(before[0]!.length).map((e) => e.kind),
          ['viewed', 'exported'],
          'the viewing, then one export (none linked to the old head)',
        );
        assert.deepEqual(
          after[1]!.slice(before[1]!.length).map((e) => e.kind),
          ['exported'],
        );
        for (const events of after) assert.equal(events.at(-1)!.details.packageId, built.packageId);
        // The package carries each log up to and including its own export, exactly as stored.
        for (const [i, item] of items.entries()) assert.equal(report.items.find((r) => r.id === item.id)?.custodyEvents, after[i]!.length);
      } finally {
        await real.pdf.close();
      }
    });

    test('an item received under confidentiality refuses the whole package (403 policy_denied), and nothing is recorded', async () => {
      const received = await n.addItem('Bank statements returned by the requested State', Buffer.from('IBAN DE89 3704 0044 0532 0130 00\n'.repeat(100)), 'statements.txt', {
        marking: {
          tlp: 'AMBER',
          handling: 'H0',
          handlingNotes: [],
          originators: [{ nodeId: 'node-bundesamt', organisationId: null, name: 'Bundesamt für Justiz', state: 'DEU' }],
          limitations: { speciality: null, confidential: true, permittedUses: null, reviewOn: null, notes: [] },
        },
      });
      const counts = async () => Promise.all([...items, received].map(async (i) => (await listCustody(t.node.deps.db, i.id as string)).length));
      const before = await counts();
      const res = await drafter.client.call<Json>('GET', `/api/v1/evidence/packages/request/${requestId}`);
      assert.equal(res.status, 403);
      assert.equal(res.body.code, 'policy_denied');
      assert.equal(res.body.itemId, received.id);
      assert.match(res.body.detail, /Bundesamt für Justiz asked for confidentiality/);
      assert.deepEqual(await counts(), before, 'no item got an exported event');
      // The item alone is refused the same way; the others still package.
      assert.equal((await drafter.client.call<Json>('GET', `/api/v1/evidence/packages/item/${received.id}/contents`)).status, 403);
      assert.equal((await drafter.client.call<Json>('GET', `/api/v1/evidence/packages/item/${items[1]!.id}/contents`)).status, 200);
    });
  });
}
