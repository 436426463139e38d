// Seizures in the browser: a practitioner imports a small XLSX file — the column mapping is
// guessed from the headers and shown, a bad row is reported in the reader's language with the
// close species names, the corrected file goes in whole — then filters the list by species and
// opens a seizure with its items, route and parties. English and Arabic (right to left), at 1366
// and 390 px; screenshots in e2e/artifacts/seizures/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { makeUser } from '@comity/server/testing/test-node';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { nodeAndBrowser, signIn, signedInAdmin, useLanguage, watchPage } from './support/browser.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 seizures';
const artifacts = resolve(new URL('.', import.meta.url).pathname, 'artifacts/seizures');

async function shootBoth(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(artifacts, `${name}-1366.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(artifacts, `${name}-390.png`), fullPage: true });
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  assert.ok(width <= 390, `${name} fits a phone (${width} px)`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function xlsx(path: string, rows: (string | number)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Saisies');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

const HEADER = ['Reference', 'Date', 'Country', 'Port', 'Agency', 'Domain', 'Species', 'Quantity', 'Unit', 'Vessel', 'IMO', 'Origin', 'Destination', 'Consignor'];
const row = (ref: string, species: string, domain = 'wildlife', qty = 420) => [ref, '2026-03-02', 'KEN', 'Mombasa', 'Kenya Revenue Authority', domain, species, qty, 'kg', 'KOTA HARUM', '9074729', 'NGA', 'VNM', 'Blue Ocean Trading Ltd'];

test('import an XLSX file with its mapping and report, filter by species, open a seizure', async (t) => {
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const officer = await makeUser(admin, { role: 'practitioner', country: 'KEN', orgName: 'Kenya Revenue Authority' });
  mkdirSync(artifacts, { recursive: true });
  const bad = join(artifacts, 'seizures-bad.xlsx');
  const good = join(artifacts, 'seizures.xlsx');
  await xlsx(bad, [HEADER, row('KRA-1', 'Manis javanica'), row('KRA-2', 'Manis javanicus')]);
  await xlsx(good, [HEADER, row('KRA-1', 'Manis javanica'), row('KRA-2', 'Loxodonta africana', 'wildlife', 96), row('KRA-3', 'cocaine', 'drugs', 35)]);

  const page = await signIn(browser, node.url, officer.email, officer.password);
  const watched = watchPage(page, node.url);
  await page.goto(`${node.url}/seizures/import`);
  await page.setInputFiles('#seizure-import-file', bad);
  // The mapping guessed from the headers, and the report of the bad row with the close name.
  const mapping = page.locator('.import-mapping');
  await mapping.locator('select').first().waitFor();
  assert.equal(await page.getByLabel('Species', { exact: true }).inputValue(), 'itemName');
  const report = page.locator('.import-report tbody tr');
  await report.first().waitFor();
  assert.equal(await report.count(), 1);
  const problem = await report.first().innerText();
  assert.match(problem, /3/);
  assert.match(problem, /Unknown species "Manis javanicus"\. Did you mean: Manis javanica\?/);
  assert.equal(await page.getByRole('button', { name: /^Import 2 row/ }).isDisabled(), true, 'a file with a bad row cannot be imported');

  await useLanguage(page, 'ar', 'rtl');
  await page.locator('.import-report tbody tr', { hasText: 'نوع غير معروف' }).waitFor();
  await shootBoth(page, 'import-report-ar');
  await useLanguage(page, 'en', 'ltr');
  await shootBoth(page, 'import-report-en');

  // The corrected file goes in whole.
  await page.setInputFiles('#seizure-import-file', good);
  await page.locator('.alert-ok', { hasText: 'All 3 row(s) are correct.' }).waitFor();
  await page.getByRole('button', { name: 'Import 3 row(s)' }).click();
  await page.getByText('3 seizure(s) imported from 3 row(s).').waitFor();

  // The list, filtered by species.
  await page.getByRole('link', { name: 'See the seizures' }).click();
  await page.locator('.seizures-table tbody tr').first().waitFor();
  await page.getByText('3 seizure(s)').waitFor();
  await page.fill('#seizure-filter-name', 'Loxodonta africana');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('1 seizure(s)').waitFor();
  assert.equal(await page.locator('.seizures-table tbody tr').count(), 1);
  await shootBoth(page, 'list-en');
  await page.getByRole('link', { name: 'KRA-2' }).click();

  // The seizure: item, route, parties.
  await page.locator('h1', { hasText: 'KRA-2' }).waitFor();
  const items = page.locator('.seizure-items');
  await items.getByText('Loxodonta africana').waitFor();
  assert.match(await items.innerText(), /CITES Appendix I\/II/);
  assert.match(await page.locator('.seizure-route').innerText(), /Origin: NGA[\s\S]*Destination: VNM/);
  assert.match(await page.locator('.seizure-facts').innerText(), /KOTA HARUM · 9074729|IMO 9074729/);
  await shootBoth(page, 'seizure-en');
  await useLanguage(page, 'ar', 'rtl');
  await page.locator('.seizure-route', { hasText: 'المنشأ' }).waitFor();
  await shootBoth(page, 'seizure-ar');
  await page.goto(`${node.url}/seizures`);
  await page.locator('.seizures-table tbody tr').first().waitFor();
  await page.getByText('عدد المضبوطات: 3').waitFor();
  await shootBoth(page, 'list-ar');
  await useLanguage(page, 'en', 'ltr');

  // From a case page: a file imported there belongs to the case, and the case lists it.
  const caseId = (await officer.client.call<{ id: string }>('POST', '/api/v1/cases', { title: 'Operation Scales', marking: 'AMBER' }, 201)).body.id;
  await page.goto(`${node.url}/cases/${caseId}`);
  await page.locator('.case-seizures', { hasText: 'No seizure or incident is recorded for this case.' }).waitFor();
  await page.getByRole('link', { name: 'Import seizures into this case' }).click();
  const inCase = join(artifacts, 'seizures-case.xlsx');
  await xlsx(inCase, [HEADER, row('KRA-9', 'Smutsia gigantea', 'wildlife', 12)]);
  await page.setInputFiles('#seizure-import-file', inCase);
  await page.getByRole('button', { name: 'Import 1 row(s)' }).click();
  await page.getByText('1 seizure(s) imported from 1 row(s).').waitFor();
  await page.goto(`${node.url}/cases/${caseId}`);
  await page.locator('.case-seizures').getByRole('link', { name: 'KRA-9' }).waitFor();

  assert.deepEqual(watched.errors, []);
  assert.deepEqual(watched.foreignRequests, []);
});

test('import maritime incidents: from the incident list, the kind chosen, a bad row in the reader’s language, the sample XLSX stored whole', async (t) => {
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const officer = await makeUser(admin, { role: 'practitioner', country: 'KEN', orgName: 'Kenya Coast Guard' });
  mkdirSync(artifacts, { recursive: true });
  // The shipped sample (a reporting centre's headers, typed cells), and a copy with one impossible status.
  const sample = resolve(new URL('.', import.meta.url).pathname, '../data/registries/samples/incidents-sample.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
  const statusColumn = (sheet.getRow(1).values as unknown[]).indexOf('Ship status');
  sheet.getRow(3).getCell(statusColumn).value = 'drifting';
  const bad = join(artifacts, 'incidents-bad.xlsx');
  await wb.xlsx.writeFile(bad);

  const page = await signIn(browser, node.url, officer.email, officer.password);
  const watched = watchPage(page, node.url);
  await page.goto(`${node.url}/incidents`);
  await page.getByRole('link', { name: 'Import incidents' }).click();
  await page.locator('h1', { hasText: 'Import maritime incidents' }).waitFor();
  assert.equal(await page.getByLabel('Maritime incidents (one row per incident)').isChecked(), true);
  await page.setInputFiles('#seizure-import-file', bad);
  await page.locator('.import-mapping select').first().waitFor();
  assert.equal(await page.getByLabel('Ship status', { exact: true }).inputValue(), 'vesselStatus', 'the incident fields are guessed from the headers');
  const report = page.locator('.import-report tbody tr');
  await report.first().waitFor();
  assert.equal(await report.count(), 1);
  const problem = await report.first().innerText();
  assert.match(problem, /^3\s+Ship status\s+"drifting" is not accepted; use one of: underway, anchored, berthed\./);
  assert.equal(await page.getByRole('button', { name: /^Import 12 row/ }).isDisabled(), true);

  // Read as seizures, the same file lacks the seizure fields; back to incidents, the report returns.
  await page.getByLabel('Seizures (one row per seized item)').check();
  await page.locator('.import-report tbody tr', { hasText: 'No column is mapped to the required field' }).first().waitFor();
  await page.getByLabel('Maritime incidents (one row per incident)').check();
  await page.locator('.import-report tbody tr', { hasText: '"drifting" is not accepted' }).waitFor();

  await useLanguage(page, 'ar', 'rtl');
  await page.locator('.import-report tbody tr', { hasText: 'غير مقبولة' }).waitFor();
  await page.locator('h1', { hasText: 'استيراد الحوادث البحرية' }).waitFor();
  await shootBoth(page, 'incident-import-report-ar');
  await useLanguage(page, 'en', 'ltr');

  // The sample goes in whole and the incidents are listed.
  await page.setInputFiles('#seizure-import-file', sample);
  await page.locator('.alert-ok', { hasText: 'All 12 row(s) are correct.' }).waitFor();
  await page.getByRole('button', { name: 'Import 12 row(s)' }).click();
  await page.getByText('12 incident(s) imported from 12 row(s).').waitFor();
  await shootBoth(page, 'incident-import-done-en');
  await page.getByRole('link', { name: 'See the incidents' }).click();
  await page.getByText('12 incident(s)').waitFor();
  await page.getByRole('link', { name: 'DEMO-MI-00001' }).click();
  await page.locator('h1', { hasText: 'DEMO-MI-00001' }).waitFor();

  assert.deepEqual(watched.errors, []);
  assert.deepEqual(watched.foreignRequests, []);
});
