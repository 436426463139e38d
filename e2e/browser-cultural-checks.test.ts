// The log of public checks in a real browser (issue 15 part 4): a visitor checks an object with a
// photo they agree to leave; the investigator of the organisation whose record matched opens the
// log from the records page, sees the kept photo's thumbnail and who asked, filters "matched only",
// and follows the link to the record. Screenshots at 1366 and 390 px in English and Arabic, each
// checked to fit a phone.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ApiClient, makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { browserUnavailable, htmlDirection, launchBrowser, signIn, signedInAdmin, watchPage } from './support/browser.ts';
import { startTestNode } from './support/test-node.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 e2e';
const artifacts = join(new URL('.', import.meta.url).pathname, 'artifacts', 'cultural-checks');
const sampleDir = new URL('../data/cultural-property/samples/', import.meta.url).pathname;

async function shoot(page: Page, name: string): Promise<void> {
  for (const lang of ['en', 'ar'] as const) {
    await page.selectOption('#language', lang);
    await page.waitForFunction(`document.documentElement.lang === '${lang}'`);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(artifacts, `${name}-${lang}-${width}.png`), fullPage: true });
      if (width === 390) {
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth');
        assert.ok(overflow <= 390, `${name} (${lang}) fits a phone: ${overflow} px`);
      }
    }
  }
  assert.deepEqual(await htmlDirection(page), { dir: 'rtl', lang: 'ar' });
  await page.selectOption('#language', 'en');
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('an investigator reads the log of public checks that matched their records', async (t) => {
  const reason = browserUnavailable();
  if (reason) return t.skip(reason);
  mkdirSync(artifacts, { recursive: true });
  const node = await startTestNode();
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await node.close();
  });
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const investigator = await makeUser(admin, { role: 'practitioner', country: 'GRC', orgName: 'Hellenic Police' });
  const record = (
    await investigator.client.call<{ id: string; reference: string }>(
      'POST',
      '/api/v1/cultural-property',
      { title: 'Funerary mask', objectType: 'mask', objectId: { materials: 'painted wood' }, reportingAuthority: 'Hellenic Police', legalStatus: 'stolen', marking: 'CLEAR' },
      201,
    )
  ).body;
  const anon = new ApiClient(node.url);
  const photo = await sharp(readFileSync(join(sampleDir, 'mask-01.jpg'))).resize(400).jpeg({ quality: 60 }).toBuffer();
  await anon.call('POST', '/api/v1/cultural-property/check', { text: { title: 'funerary mask' }, image: photo.toString('base64'), keepPhoto: true, requester: { name: 'Eleni Papadopoulou', contact: 'eleni@example.org' } }, 200);
  await anon.call('POST', '/api/v1/cultural-property/check', { text: { title: 'nothing like it' } }, 200);

  const page = await signIn(browser, node.url, investigator.email, investigator.password);
  const watch = watchPage(page, node.url);
  await page.goto(`${node.url}/cultural-property`);
  await page.getByRole('link', { name: 'Log of public checks' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log of public checks' }).waitFor();
  await page.getByText('1 check', { exact: true }).waitFor();
  // The check that matched this organisation's record only; the other check is not shown.
  const table = page.locator('table');
  assert.match((await table.textContent()) ?? '', /Eleni Papadopoulou/);
  assert.equal(await table.locator('tbody tr').count(), 1);
  const thumb = page.getByRole('img', { name: 'Photo left with the check' });
  await thumb.waitFor();
  await page.waitForFunction(`[...document.images].every((i) => i.complete && i.naturalWidth > 0)`);
  await page.getByLabel('Only checks with a possible match').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/matched=true/);
  await page.getByText('1 check', { exact: true }).waitFor();
  await shoot(page, 'log');
  await page.getByRole('link', { name: record.reference }).click();
  await page.waitForURL(new RegExp(`/cultural-property/${record.id}$`));
  assert.deepEqual(watch.errors, []);
});
