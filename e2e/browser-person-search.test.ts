// "Do we already hold this person?" (/entities/search): a practitioner searches a name written in Latin
// letters with day and month swapped and finds the person its case holds in Cyrillic, with the case and
// what matched; a name nobody holds finds nothing; another organisation's person never shows. English and
// Arabic (right to left), at 1366 and 390 px; screenshots in e2e/artifacts/entities/.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { makeUser } from '@comity/server/testing/test-node';
import { nodeAndBrowser, shootWidths, signedInAdmin, signIn, useLanguage, watchPage } from './support/browser.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 person search';
const artifacts = resolve(new URL('.', import.meta.url).pathname, 'artifacts/entities');

test('search a person across scripts and find the case that holds them, with what matched', async (t) => {
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const lead = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const stranger = await makeUser(admin, { role: 'supervisor', country: 'DEU', orgName: 'Staatsanwaltschaft Köln' });
  const caseId = (await lead.client.call<{ id: string }>('POST', '/api/v1/cases', { reference: 'PNF 2026/13', title: 'Opération Lagune', marking: 'AMBER' }, 201)).body.id;
  await lead.client.call('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Person', properties: { name: ['Иван Сидоров'], birthDate: ['1970-03-04'] } }, 201);
  const foreign = (await stranger.client.call<{ id: string }>('POST', '/api/v1/cases', { reference: 'KÖ 7', title: 'Verfahren', marking: 'AMBER' }, 201)).body.id;
  await stranger.client.call('POST', `/api/v1/cases/${foreign}/entities`, { schema: 'Person', properties: { name: ['Ivan Sidorov'], birthDate: ['1970-03-04'] } }, 201);

  const page = await signIn(browser, node.url, lead.email, lead.password);
  const watched = watchPage(page, node.url);
  await page.goto(`${node.url}/entities/search`);
  await page.getByRole('heading', { name: 'Do we already hold this person?' }).waitFor();
  await page.fill('#ps-name', 'Sidorov Ivan');
  await page.fill('#ps-dob', '1970-04-03');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const rows = page.locator('table.person-hits tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1, 'only the own case’s person, not the other organisation’s');
  const row = await rows.first().innerText();
  assert.match(row, /Иван Сидоров/);
  assert.match(row, /PNF 2026\/13/);
  assert.match(row, /Date of birth: 85 %/);
  assert.match(row, /day-month-swapped/);
  await shootWidths(page, artifacts, 'person-search-en');

  await page.fill('#ps-name', 'Pedro Alvarez');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByText('No person of your cases matches.').waitFor();

  await useLanguage(page, 'ar', 'rtl');
  await page.goto(`${node.url}/entities/search`);
  await page.getByRole('heading', { name: 'هل لدينا هذا الشخص من قبل؟' }).waitFor();
  await page.fill('#ps-name', 'Ivan Sidorov');
  await page.fill('#ps-dob', '04/03/1970');
  await page.getByRole('button', { name: 'بحث', exact: true }).click();
  await rows.first().waitFor();
  assert.match(await rows.first().innerText(), /Иван Сидоров/);
  assert.match(await rows.first().innerText(), /الاسم/);
  await shootWidths(page, artifacts, 'person-search-ar');
  assert.deepEqual(watched.errors, []);
  assert.deepEqual(watched.foreignRequests, []);
});
