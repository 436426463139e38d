// The investigators' pages of the stolen cultural property registry in a real browser: a
// practitioner records an object with a photo, finds it by its filters (legal status, country,
// words) and by a cropped, recompressed copy of the photo (with the distance), changes it while a
// colleague changed it too (the editor says so and reloads), imports an XLSX with a bad row (the
// report names row and column, nothing stored) and then a good CSV. The public check's match list
// draws no browser bullet. English and Arabic (right to left), at 1366 and 390 px; screenshots in
// e2e/artifacts/cultural-records/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { makeUser } from '@comity/server/testing/test-node';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { htmlDirection, nodeAndBrowser, signedInAdmin, signIn, watchPage } from './support/browser.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 cultural records';
const artifacts = resolve(new URL('.', import.meta.url).pathname, 'artifacts/cultural-records');
const sampleDir = new URL('../data/cultural-property/samples/', import.meta.url).pathname;

async function shoot(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  for (const lang of ['en', 'ar'] as const) {
    await page.selectOption('#language', lang);
    await page.waitForFunction(`document.documentElement.lang === '${lang}'`);
    await ready();
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
  await page.waitForFunction("document.documentElement.lang === 'en'");
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** Waits until every image in the selector has loaded (they load after the page is drawn). */
async function imagesLoaded(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(`(() => { const imgs = [...document.querySelectorAll(${JSON.stringify(selector)})]; return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0); })()`);
}

test('investigators record, find (by filters and by photo), change and import cultural property', async (t) => {
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  mkdirSync(artifacts, { recursive: true });
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const lead = await makeUser(admin, { role: 'practitioner', country: 'GRC', orgName: 'Hellenic Police' });
  const colleague = await makeUser(admin, { role: 'analyst', organisationId: lead.organisationId });

  const page = await signIn(browser, node.url, lead.email, lead.password);
  const watched = watchPage(page, node.url);
  await page.goto(`${node.url}/cultural-property`);
  await page.getByRole('heading', { level: 1, name: 'Stolen cultural property' }).waitFor();
  await page.getByText('No record matches.').waitFor();

  // A new record with a photo.
  await page.getByRole('link', { name: 'New record' }).click();
  await page.getByRole('heading', { level: 1, name: 'New cultural property record' }).waitFor();
  await page.getByLabel('Title or name').fill('Funerary mask of painted wood');
  await page.getByLabel('Type of object').fill('mask');
  await page.getByLabel('Materials').fill('painted wood');
  await page.getByLabel('Distinguishing features').fill('A crack across the left cheek');
  await page.getByLabel('What happened').selectOption('theft');
  // The country is chosen by its name in the interface language (a typed code is taken too).
  await page.getByLabel('Country of theft or excavation').fill('grc');
  await page.getByLabel('Place', { exact: true }).fill('Archaeological Museum of Olympia');
  await page.getByLabel('Reporting authority (to contact)').fill('Hellenic Police, Cultural Heritage Department');
  await page.getByLabel('Legal status').selectOption('stolen');
  await page.getByLabel('Marking (TLP)').selectOption('CLEAR');
  await page.getByText('TLP:CLEAR: the public check shows this record').waitFor();
  await page.getByLabel('Photos to add').setInputFiles(join(sampleDir, 'mask-01.jpg'));
  await page.getByRole('button', { name: 'Create the record' }).click();
  await page.waitForURL(/\/cultural-property\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop() as string;
  await page.getByRole('heading', { level: 1, name: /Funerary mask of painted wood/ }).waitFor();
  await page.getByRole('heading', { name: 'Photos (1)' }).waitFor();
  await imagesLoaded(page, '.cultural-gallery img');
  const details = page.locator('dl.facts');
  await details.getByText('A crack across the left cheek').waitFor();
  await details.getByText('Archaeological Museum of Olympia, Greece').waitFor();
  await page.locator('.badges').getByText('Shown to the public check').waitFor();
  await shoot(page, 'record', () => imagesLoaded(page, '.cultural-gallery img'));

  // A colleague changes the record while the investigator edits it: the editor says so.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Change the record' }).waitFor();
  const opened = (await colleague.client.call<{ version: number }>('GET', `/api/v1/cultural-property/${id}`, undefined, 200)).body.version;
  await colleague.client.call('PATCH', `/api/v1/cultural-property/${id}`, { version: opened, objectId: { materials: 'painted wood', distinguishingFeatures: 'A crack across the left cheek', measurements: 'height 24 cm' } }, 200);
  await page.getByLabel('Legal status').selectOption('recovered');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Someone changed this record after you opened it.').waitFor();
  await shoot(page, 'editor-conflict', async () => {
    await page.getByRole('alert').first().waitFor();
  });
  await page.getByRole('button', { name: 'Reload the record' }).click();
  // The reloaded form holds the colleague's change.
  for (let tries = 0; (await page.getByLabel('Measurements').inputValue()) !== 'height 24 cm'; tries++) {
    assert.ok(tries < 200, 'the reloaded form shows the colleague\'s change');
    await page.waitForTimeout(50);
  }
  await page.getByLabel('Legal status').selectOption('recovered');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(`${node.url}/cultural-property/${id}`);
  await page.locator('.badges').getByText('Recovered').waitFor();
  await details.getByText('height 24 cm').waitFor();
  await details.getByText(`version ${opened + 2}`).waitFor();

  // Filters, kept in the address: legal status and country find it; another status does not.
  await page.goto(`${node.url}/cultural-property`);
  await page.getByLabel('Legal status').selectOption('recovered');
  await page.getByLabel('Country of theft or excavation').fill('Greece');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/country=GRC/);
  await page.waitForURL(/legalStatus=recovered/);
  const rows = page.locator('.cultural-table tbody tr');
  await rows.filter({ hasText: 'Funerary mask of painted wood' }).waitFor();
  assert.equal(await rows.count(), 1);
  await page.getByText('1 record', { exact: true }).waitFor();
  await imagesLoaded(page, '.cultural-table img');
  // The filter boxes line up: boxes on one row start at the same height (a hint under one of
  // them pushed it up by a line), whatever the rows.
  const tops = await page.evaluate<number[]>("[...document.querySelectorAll('form.grid input, form.grid select')].map((e) => Math.round(e.getBoundingClientRect().top))");
  const rowsAt = [...new Set(tops)].sort((a, b) => a - b);
  assert.ok(rowsAt.every((top, i) => i === 0 || top - rowsAt[i - 1]! >= 40), `filter inputs at ${tops.join(', ')} px`);
  await shoot(page, 'list', () => imagesLoaded(page, '.cultural-table img'));
  await page.getByLabel('Legal status').selectOption('stolen');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('No record matches.').waitFor();
  await page.getByRole('button', { name: 'Reset' }).click();
  await rows.filter({ hasText: 'Funerary mask of painted wood' }).waitFor();

  // Search by a cropped, recompressed copy of the photo: found, with its distance.
  const meta = await sharp(join(sampleDir, 'mask-01.jpg')).metadata();
  const photo = join(artifacts, 'query.jpg');
  writeFileSync(
    photo,
    await sharp(join(sampleDir, 'mask-01.jpg'))
      .extract({ left: Math.round((meta.width as number) * 0.05), top: 0, width: Math.round((meta.width as number) * 0.9), height: Math.round((meta.height as number) * 0.9) })
      .resize({ width: 500 })
      .jpeg({ quality: 50 })
      .toBuffer(),
  );
  await page.getByLabel('Photo to compare').setInputFiles(photo);
  await page.getByRole('button', { name: 'Find similar photos' }).click();
  await page.getByRole('heading', { name: '1 record with a similar photo' }).waitFor();
  const distance = Number(await page.locator('.cultural-table td.cultural-distance').first().innerText());
  assert.ok(distance >= 0 && distance <= 10, `distance ${distance}`);
  // An unrelated photo finds nothing.
  await page.getByLabel('Photo to compare').setInputFiles(join(sampleDir, 'amphora-01.jpg'));
  await page.getByRole('button', { name: 'Find similar photos' }).click();
  await page.getByRole('heading', { name: '0 records with a similar photo' }).waitFor();

  // Import: an XLSX with a bad row is refused as a whole, with its row and column.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Register');
  ws.addRow(['reference', 'title', 'object_type', 'theft_country', 'reporting_authority', 'legal_status', 'marking']);
  ws.addRow(['HP-1', 'Icon of St George', 'icon', 'GRC', 'Hellenic Police', 'stolen', 'AMBER']);
  ws.addRow(['HP-2', 'Bronze helmet', 'helmet', 'GRC', 'Hellenic Police', 'misplaced', 'AMBER']);
  const xlsx = join(artifacts, 'register.xlsx');
  writeFileSync(xlsx, new Uint8Array(await wb.xlsx.writeBuffer()));
  await page.getByLabel('CSV or XLSX file').setInputFiles(xlsx);
  await page.getByRole('button', { name: 'Check and import' }).click();
  const report = page.locator('.cultural-import-report');
  await report.getByText('1 problem in 2 rows: nothing was imported.').waitFor();
  await report.locator('tbody tr', { hasText: 'legal_status' }).first().waitFor();
  assert.equal((await report.locator('tbody tr td').first().innerText()).trim(), '3');
  await shoot(page, 'import-report', () => report.waitFor());
  // At 390 px the problems wrap: the report's table does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 900 });
  const scroll = await page.evaluate<number[]>("(() => { const s = document.querySelector('.cultural-import-report .table-scroll'); return [s.scrollWidth, s.clientWidth]; })()");
  assert.ok(scroll[0]! <= scroll[1]!, `the report table is ${scroll[0]} px in ${scroll[1]} px`);
  await page.setViewportSize({ width: 1366, height: 900 });
  const csv = join(artifacts, 'register.csv');
  writeFileSync(csv, 'reference,title,object_type,theft_country,reporting_authority,legal_status,marking\nHP-1,Icon of St George,icon,GRC,Hellenic Police,stolen,AMBER\n');
  await page.getByLabel('CSV or XLSX file').setInputFiles(csv);
  await page.getByRole('button', { name: 'Check and import' }).click();
  await page.getByText('1 record imported.').waitFor();
  await rows.filter({ hasText: 'Icon of St George' }).waitFor();

  // The public check lists the record without a browser bullet (it stood apart in RTL).
  const visitor = await browser.newPage();
  await visitor.goto(`${node.url}/cultural-property/check`);
  await visitor.getByLabel('Title or name of the object').fill('funerary mask');
  await visitor.getByRole('button', { name: 'Check' }).click();
  await visitor.getByText('1 possible match').waitFor();
  assert.equal(await visitor.evaluate<string>("getComputedStyle(document.querySelector('.cultural-matches')).listStyleType"), 'none');
  await visitor.selectOption('#language', 'ar');
  await visitor.waitForFunction("document.documentElement.dir === 'rtl'");
  assert.equal(await visitor.evaluate<string>("getComputedStyle(document.querySelector('.cultural-matches')).paddingInlineStart"), '0px');
  await visitor.screenshot({ path: join(artifacts, 'public-check-ar-1366.png'), fullPage: true });
  await visitor.close();

  assert.deepEqual(watched.errors, []);
  assert.deepEqual(watched.foreignRequests, []);
  // The investigators' pages need a session: signed out, the list sends to sign-in.
  const anonymous = await browser.newPage();
  await anonymous.goto(`${node.url}/cultural-property`);
  await anonymous.waitForURL(/\/sign-in\?next=/);
  await anonymous.close();
  assert.ok(readFileSync(join(artifacts, 'record-ar-390.png')).length > 0);
});
