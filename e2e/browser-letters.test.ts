// Letters ready for signature, in the browser: a supervisor fills in the signature on the account
// page; after approval, exporting the letter in English, French or Arabic first lists the free text
// written in another language than the letter and asks for a confirmation; going back downloads
// nothing, "Export anyway" downloads a letter signed with that name and title. Screenshots (1366
// and 390 px) go to e2e/artifacts/letters/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import { nodeAndBrowser, signedInAdmin, signIn, useLanguage, watchPage } from './support/browser.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 letters';
const artifacts = resolve(new URL('.', import.meta.url).pathname, 'artifacts/letters');

const FRENCH_FACTS =
  'Entre janvier 2022 et mars 2024, le suspect a transféré le produit de la fraude sur des comptes ouverts au nom de sociétés écrans en Allemagne.';
const ENGLISH_PURPOSE = 'The records are needed to trace the proceeds of the fraud and to identify the persons who control the accounts.';
const TITLE = 'Procureur de la République financier';

const LANGUAGES = [
  { code: 'en', dir: 'ltr', flagged: 'Entre janvier 2022', notFlagged: 'The records are needed' },
  { code: 'fr', dir: 'ltr', flagged: 'The records are needed', notFlagged: 'Entre janvier 2022' },
  // Latin-script text in an Arabic letter: both are flagged.
  { code: 'ar', dir: 'rtl', flagged: 'The records are needed', notFlagged: null },
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width > 1000 ? 900 : 844 });
    await page.screenshot({ path: join(artifacts, `${name}-${width}.png`), fullPage: false });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('the signature on the account page, and the warning before exporting a letter with text in another language (en, fr, ar)', async (t) => {
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const supervisor = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
  const requested = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });

  // The supervisor writes the signature on the account page.
  const supPage = await signIn(browser, node.url, supervisor.email, supervisor.password);
  const watchSup = watchPage(supPage, node.url);
  await supPage.goto(`${node.url}/account`);
  await supPage.locator('#signature-name').waitFor();
  await supPage.fill('#signature-name', 'Paul Durand');
  await supPage.fill('#signature-job-title', TITLE);
  await supPage.fill('#signature-block', 'Pôle international\n75017 Paris');
  await supPage.click('section[aria-labelledby="signature-title"] button[type=submit]');
  await supPage.locator('section[aria-labelledby="signature-title"] .alert-ok').waitFor();
  await supPage.locator('.user-name', { hasText: 'Paul Durand' }).waitFor();
  await shoot(supPage, 'account-signature-en');
  await useLanguage(supPage, 'ar', 'rtl');
  await supPage.locator('#signature-title').waitFor();
  assert.equal(await supPage.inputValue('#signature-job-title'), TITLE, 'the saved title is shown again');
  await supPage.locator('#signature-title').scrollIntoViewIfNeeded();
  await shoot(supPage, 'account-signature-ar');
  const profile = await supervisor.client.call<{ name: string; title: string; signatureBlock: string }>('GET', '/api/v1/account/profile', undefined, 200);
  assert.deepEqual([profile.body.name, profile.body.title, profile.body.signatureBlock], ['Paul Durand', TITLE, 'Pôle international\n75017 Paris']);

  // A request with French facts and an English purpose, approved by the supervisor.
  const { type: _type, ...content } = exampleRequest('mla', 'DEU', requested.organisationId);
  const created = await drafter.client.call<{ id: string; reference: string }>(
    'POST',
    '/api/v1/requests',
    { type: 'mla', ...content, facts: FRENCH_FACTS, purpose: ENGLISH_PURPOSE, legalBasis: { kind: 'treaty', instrument: 'UNCAC' } },
    201,
  );
  const id = created.body.id;
  await drafter.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'submit' }, 200);
  await supervisor.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'approve', reason: 'Checked' }, 200);

  const page = await signIn(browser, node.url, drafter.email, drafter.password, { acceptDownloads: true });
  const watch = watchPage(page, node.url);
  await page.setViewportSize({ width: 1366, height: 900 });
  const panel = page.locator('section[aria-labelledby="document-title"]');
  const warnings = panel.locator('[role=alertdialog]');
  for (const lang of LANGUAGES) {
    await t.test(`${lang.code}: the export lists the text in another language and waits for a confirmation`, async () => {
      await page.goto(`${node.url}/requests/${id}`);
      await useLanguage(page, lang.code, lang.dir);
      await panel.waitFor();
      await page.selectOption('#document-lang', lang.code);
      let downloads = 0;
      const onDownload = () => downloads++;
      page.on('download', onDownload);
      await panel.locator('button[type=submit]').click();
      await warnings.waitFor();
      const text = (await warnings.textContent()) ?? '';
      assert.ok(text.includes(lang.flagged.slice(0, 20)), `${lang.code}: the flagged text is quoted: ${text}`);
      if (lang.notFlagged) assert.ok(!text.includes(lang.notFlagged.slice(0, 20)), `${lang.code}: text in the letter's language is not flagged`);
      assert.ok(!/free-text-language|signatory-without-title|requests\.field|\w+\.\d+\.\w+/.test(text), `${lang.code}: no internal names: ${text}`);
      await warnings.scrollIntoViewIfNeeded();
      await shoot(page, `export-warning-${lang.code}`);

      // Going back downloads nothing.
      await warnings.locator('button:not(.primary)').click();
      await warnings.waitFor({ state: 'detached' });
      assert.equal(downloads, 0, 'nothing downloaded without a confirmation');
      page.off('download', onDownload);

      // Confirming downloads the letter, signed with the profile's name and title.
      await panel.locator('button[type=submit]').click();
      await warnings.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), warnings.locator('button.primary').click()]);
      assert.equal(download.suggestedFilename(), `${created.body.reference}-${lang.code}.pdf`);
      const file = join(artifacts, `letter-${lang.code}.pdf`);
      mkdirSync(artifacts, { recursive: true });
      await download.saveAs(file);
      const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      assert.equal(out.status, 0, out.stderr);
      assert.ok(out.stdout.includes('Paul Durand') && out.stdout.includes(TITLE), `${lang.code}: signed with the profile`);
      assert.ok(!out.stdout.includes(supervisor.email), 'no e-mail as signature');
      assert.ok(readFileSync(file).subarray(0, 5).toString() === '%PDF-');
      await warnings.waitFor({ state: 'detached' });
    });
  }
  assert.deepEqual([...watch.errors, ...watchSup.errors], [], 'no page errors');
  assert.deepEqual([...watch.foreignRequests, ...watchSup.foreignRequests], [], 'no request leaves the node');
});
