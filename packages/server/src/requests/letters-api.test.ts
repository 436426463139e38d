// Letters over HTTP: the profile (name, title, signature block) is audited and is what an approved
// letter prints as its signatory; the pre-export check names free text in another language than
// the letter; bad input gets problem+json and changes nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, type TestNode, makeUser, startTestNode } from '../testing/test-node.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

const tmp = mkdtempSync(join(tmpdir(), 'comity-letters-api-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const FRENCH_FACTS =
  'Entre janvier 2022 et mars 2024, le suspect a transféré le produit de la fraude sur des comptes ouverts au nom de sociétés écrans en Allemagne.';
const ENGLISH_PURPOSE = 'The records are needed to trace the proceeds of the fraud and to identify the persons who control the accounts.';

function pdfText(bytes: Buffer): string {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.equal(out.status, 0, `pdftotext failed: ${out.stderr} (install poppler-utils)`);
  return out.stdout.replace(/\s+/g, ' ');
}

const chromium = existsSync(process.env.COMITY_CHROMIUM_PATH ?? '/usr/bin/chromium');

for (const backend of testBackends()) {
  describe(`letters API on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let drafter: User;
    let sup: User;
    let exec: User;
    let outsider: User;

    before(async () => {
      t = await startTestNode(backend, { loginRateLimit: 1000 });
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
      sup = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
      exec = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
      outsider = await makeUser(admin, { role: 'practitioner', country: 'ITA', orgName: 'Ministero della Giustizia' });
    });
    after(() => t.close());

    async function draft(): Promise<string> {
      const { type: _t, ...content } = exampleRequest('mla', 'DEU', exec.organisationId);
      const created = await drafter.client.call<Json>(
        'POST',
        '/api/v1/requests',
        { type: 'mla', ...content, facts: FRENCH_FACTS, purpose: ENGLISH_PURPOSE, legalBasis: { kind: 'treaty', instrument: 'UNCAC' } },
        201,
      );
      return created.body.id as string;
    }

    test('the profile: read, change (audited), and bad input refused with problem+json without changing it', async () => {
      const before = await sup.client.call<Json>('GET', '/api/v1/account/profile', undefined, 200);
      assert.equal(before.body.email, sup.email);
      assert.equal(before.body.title, null);
      assert.equal(before.body.signatureBlock, null);
      assert.equal(before.body.organisation.name, 'Parquet national financier');

      const changed = await sup.client.call<Json>(
        'PATCH',
        '/api/v1/account/profile',
        { name: 'Paul Durand', title: 'Procureur de la République financier', signatureBlock: 'Pôle international\r\n75017 Paris\n' },
        200,
      );
      assert.equal(changed.body.name, 'Paul Durand');
      assert.equal(changed.body.signatureBlock, 'Pôle international\n75017 Paris', 'line ends normalised, trailing blank dropped');
      const audit = await admin.call<{ items: Json[] }>('GET', `/api/v1/audit?action=user.profile-update&actor=${encodeURIComponent(sup.email)}&limit=5`, undefined, 200);
      const entry = audit.body.items[0];
      assert.equal(entry?.target, `user:${sup.userId}`);
      assert.equal(entry?.change.before.title, null);
      assert.equal(entry?.change.after.title, 'Procureur de la République financier');

      for (const bad of [{}, { title: 'x'.repeat(201) }, { signatureBlock: Array.from({ length: 9 }, (_, i) => `line ${i}`).join('\n') }, { name: '' }, { email: 'x@y.z' }, { title: 5 }]) {
        const res = await sup.client.raw('PATCH', '/api/v1/account/profile', { body: JSON.stringify(bad), headers: { 'content-type': 'application/json' } });
        assert.equal(res.status, 400, JSON.stringify(bad));
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        assert.equal((res.body as Json).code, 'validation_failed');
      }
      const after = await sup.client.call<Json>('GET', '/api/v1/account/profile', undefined, 200);
      assert.deepEqual(after.body, changed.body, 'nothing changed by refused input');
      // Clearing a field with an empty string.
      const cleared = await sup.client.call<Json>('PATCH', '/api/v1/account/profile', { signatureBlock: '  ' }, 200);
      assert.equal(cleared.body.signatureBlock, null);
      await sup.client.call<Json>('PATCH', '/api/v1/account/profile', { signatureBlock: 'Pôle international\n75017 Paris' }, 200);
      const anonymous = await new ApiClient(t.url).raw('GET', '/api/v1/account/profile');
      assert.equal(anonymous.status, 401);
    });

    test('the pre-export check names free text written in another language than the letter', async () => {
      const id = await draft();
      const fr = await drafter.client.call<Json>('GET', `/api/v1/requests/${id}/document/check?lang=fr`, undefined, 200);
      assert.equal(fr.body.lang, 'fr');
      const frPaths = fr.body.warnings.filter((w: Json) => w.code === 'free-text-language').map((w: Json) => w.path);
      assert.ok(frPaths.includes('purpose'), 'English purpose in a French letter');
      assert.ok(!frPaths.includes('facts'), 'French facts fit a French letter');
      const purpose = fr.body.warnings.find((w: Json) => w.path === 'purpose');
      assert.equal(purpose.detected, 'en');
      assert.equal(purpose.expected, 'fr');
      assert.equal(purpose.field, 'purpose');
      assert.match(purpose.excerpt, /^The records are needed/);

      const en = await drafter.client.call<Json>('GET', `/api/v1/requests/${id}/document/check?lang=en`, undefined, 200);
      const enPaths = en.body.warnings.filter((w: Json) => w.code === 'free-text-language').map((w: Json) => w.path);
      assert.ok(enPaths.includes('facts') && !enPaths.includes('purpose'));
      const zh = await drafter.client.call<Json>('GET', `/api/v1/requests/${id}/document/check?lang=zh`, undefined, 200);
      assert.ok(zh.body.warnings.some((w: Json) => w.path === 'facts' && w.detected === 'fr'));

      // Bad input: problem+json, never a 500; another organisation's request answers 404.
      for (const [path, status] of [
        [`/api/v1/requests/${id}/document/check?lang=xx`, 400],
        [`/api/v1/requests/${id}/document/check?format=pdf`, 400],
        ['/api/v1/requests/not-a-uuid/document/check', 400],
        ['/api/v1/requests/00000000-0000-4000-8000-000000000000/document/check', 404],
      ] as const) {
        const res = await drafter.client.raw('GET', path);
        assert.equal(res.status, status, `${path}: ${res.text.slice(0, 200)}`);
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      }
      assert.equal((await outsider.client.raw('GET', `/api/v1/requests/${id}/document/check`)).status, 404);
      assert.equal((await new ApiClient(t.url).raw('GET', `/api/v1/requests/${id}/document/check`)).status, 401);
    });

    test('an approved letter is signed with the approver’s name, title and block; the export records the warnings', { skip: chromium ? false : 'no Chromium' }, async () => {
      const id = await draft();
      await drafter.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'submit' }, 200);
      await sup.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'approve', reason: 'Checked' }, 200);
      const check = await drafter.client.call<Json>('GET', `/api/v1/requests/${id}/document/check?lang=fr`, undefined, 200);
      assert.ok(!check.body.warnings.some((w: Json) => w.code === 'signatory-without-title'), 'the approver has a title');

      const res = await fetch(`${t.url}/api/v1/requests/${id}/document?format=pdf&lang=fr`, { headers: { cookie: drafter.client.cookie ?? '' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('x-letter-warnings'), String(check.body.warnings.length));
      const text = pdfText(Buffer.from(await res.arrayBuffer()));
      for (const s of [
        'Destinataire Bundesamt für Justiz',
        'fondée sur la Convention des Nations Unies contre la corruption',
        'Je vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.',
        'Paul Durand Procureur de la République financier Parquet national financier Pôle international 75017 Paris',
      ]) {
        assert.ok(text.includes(s), `the letter says: ${s}`);
      }
      assert.ok(!text.includes(sup.email), 'the approver’s e-mail is not printed as a signature');
      assert.ok(!text.includes('Approuvé par'));
      const audit = await admin.call<{ items: Json[] }>('GET', '/api/v1/audit?action=request.document&limit=20', undefined, 200);
      const entry = audit.body.items.find((e) => e.target === `request:${id}`);
      assert.ok(entry?.change.warnings.includes('free-text-language:purpose'), 'the export records what it was warned of');
    });
  });
}
