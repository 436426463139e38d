// The public check of the stolen cultural property registry in a real browser, without signing
// in: an investigator's public record with a photo; a visitor describes the object, uploads a
// cropped, recompressed photo of it, sees the match with the authority to contact, downloads the
// receipt, and verifies the downloaded file on the same page (and a changed copy fails). The photo
// is kept only once the visitor ticks "leave my photo" (with the keyboard): then the investigators see it.
// Keyboard reachable, labelled; screenshots at 1366 and 390 px in English and Arabic.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { browserUnavailable, htmlDirection, launchBrowser, signedInAdmin, watchPage } from './support/browser.ts';
import { startTestNode } from './support/test-node.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 e2e';
const artifacts = join(new URL('.', import.meta.url).pathname, 'artifacts', 'cultural-check');
const sampleDir = new URL('../data/cultural-property/samples/', import.meta.url).pathname;

async function shoot(page: Page, name: string): Promise<void> {
  for (const lang of ['en', 'ar'] as const) {
    await page.selectOption('#language', lang);
    await page.waitForFunction(`document.documentElement.lang === '${lang}'`);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(artifacts, `${name}-${lang}-${width}.png`), fullPage: true });
    }
  }
  assert.deepEqual(await htmlDirection(page), { dir: 'rtl', lang: 'ar' });
  await page.selectOption('#language', 'en');
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('a visitor checks an object by photo and text without signing in, downloads and verifies the receipt', async (t) => {
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
    await investigator.client.call<{ id: string }>(
      'POST',
      '/api/v1/cultural-property',
      { title: 'Funerary mask', objectType: 'mask', objectId: { materials: 'painted wood' }, reportingAuthority: 'Hellenic Police, Cultural Heritage Department', legalStatus: 'stolen', marking: 'CLEAR' },
      201,
    )
  ).body;
  const upload = await fetch(`${node.url}/api/v1/cultural-property/${record.id}/images`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', cookie: investigator.client.cookie ?? '', 'x-csrf-token': investigator.client.csrf ?? '' },
    body: readFileSync(join(sampleDir, 'mask-01.jpg')),
  });
  assert.equal(upload.status, 201);
  const photoPath = join(artifacts, 'photo.jpg');
  const meta = await sharp(join(sampleDir, 'mask-01.jpg')).metadata();
  writeFileSync(photoPath, await sharp(join(sampleDir, 'mask-01.jpg')).extract({ left: 0, top: 0, width: Math.round((meta.width as number) * 0.9), height: Math.round((meta.height as number) * 0.9) }).jpeg({ quality: 55 }).toBuffer());

  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const watch = watchPage(page, node.url);
  await page.goto(`${node.url}/cultural-property/check`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // Labelled fields, reachable by keyboard.
  await page.getByLabel('Title or name of the object').focus();
  await page.keyboard.type('mask');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'cc-type');
  await page.getByLabel('Photo of the object').setInputFiles(photoPath);
  const keep = page.getByLabel('Leave my photo with the registry\u2019s investigators');
  assert.equal(await keep.isChecked(), false, 'the photo is not left unless the visitor ticks the box');
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByText('1 possible match').waitFor();
  assert.match(await page.locator('.cultural-matches').innerText(), /Hellenic Police, Cultural Heritage Department/);
  assert.match(await page.locator('.cultural-check-answer').innerText(), /No match does not mean not stolen/);
  // The public thumbnail loads (an image loads after the answer is drawn: wait for it, up to the default timeout).
  await page.waitForFunction("(() => { const img = document.querySelector('.cultural-matches img'); return !!img && img.complete && img.naturalWidth > 0; })()");
  await shoot(page, 'answer');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the signed receipt' }).click()]);
  const saved = join(artifacts, 'receipt.json');
  await download.saveAs(saved);
  const receipt = JSON.parse(readFileSync(saved, 'utf8'));
  assert.equal(receipt.result.outcome, 'possible-matches');
  await page.getByLabel('Receipt file').setInputFiles(saved);
  await page.getByText('The receipt is valid and was signed by this registry.').waitFor();
  const changed = join(artifacts, 'receipt-changed.json');
  writeFileSync(changed, readFileSync(saved, 'utf8').replace('"possible-matches"', '"no-match"'));
  await page.getByLabel('Receipt file').setInputFiles(changed);
  await page.getByText(/The receipt is not valid/).waitFor();
  // Not ticked: nothing kept, nothing for the investigators to see.
  assert.equal(receipt.query.photoKept, undefined);
  const photoOf = (checkId: string) => fetch(`${node.url}/api/v1/cultural-property/checks/${checkId}/photo`, { headers: { cookie: investigator.client.cookie ?? '' } });
  assert.equal((await photoOf(receipt.checkId)).status, 404);

  // Ticked with the keyboard: the photo is left, the answer and the receipt say so, the investigators see it.
  await keep.focus();
  await page.keyboard.press('Space');
  assert.equal(await keep.isChecked(), true);
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByText('Your photo was left with the registry\u2019s investigators; your receipt says so.').waitFor();
  await shoot(page, 'kept');
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the signed receipt' }).click()]);
  const keptPath = join(artifacts, 'receipt-kept.json');
  await again.saveAs(keptPath);
  const kept = JSON.parse(readFileSync(keptPath, 'utf8'));
  assert.equal(kept.query.photoKept, true);
  const seen = await photoOf(kept.checkId);
  assert.equal(seen.status, 200);
  assert.deepEqual(Buffer.from(await seen.arrayBuffer()), readFileSync(photoPath));
  assert.deepEqual(watch.errors, []);
});
