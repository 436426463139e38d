// Cases in the browser: a practitioner opens a case from the form, adds a colleague to its team,
// finds and links a request, and sees the case from the request page; the colleague finds it under
// "my cases"; someone of another organisation who opens the case's address is told there is no
// such case (and the API answers 404). English and Arabic (right to left), at 1366 and 390 px;
// screenshots in e2e/artifacts/cases/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import { nodeAndBrowser, signedInAdmin, signIn, useLanguage, watchPage } from './support/browser.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 cases';
const artifacts = resolve(new URL('.', import.meta.url).pathname, 'artifacts/cases');

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Screenshots at 1366 and 390 px; at 390 nothing is wider than the phone. */
async function shootBoth(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 900 });
  await shoot(page, `${name}-1366`);
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, `${name}-390`);
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  assert.ok(width <= 390, `${name} fits a phone (${width} px)`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('open a case, build its team, link a request and see the case from the request; another organisation gets 404', async (t) => {
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const lead = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const colleague = await makeUser(admin, { role: 'analyst', organisationId: lead.organisationId, email: 'analyste@pnf.example' });
  const stranger = await makeUser(admin, { role: 'supervisor', country: 'DEU', orgName: 'Bundesamt für Justiz' });
  const request = (await lead.client.call<{ id: string; reference: string }>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'MCO', title: 'Comptes bancaires à Monaco' }, 201)).body;

  const page = await signIn(browser, node.url, lead.email, lead.password);
  const watched = watchPage(page, node.url);

  // The form: a case with its reference, an offence and a marking.
  await page.goto(`${node.url}/cases`);
  await page.getByRole('link', { name: 'New case' }).click();
  await page.locator('#case-title').waitFor();
  await page.fill('#case-title', 'Opération Lagune');
  await page.fill('#case-reference', 'PNF 2026/12');
  await page.check('#case-offence-corruption');
  await page.selectOption('#case-marking', 'AMBER');
  await shootBoth(page, 'new-case-en');
  await page.locator('form.panel button[type=submit]').click();
  await page.locator('h1 .reference').waitFor();
  assert.equal(await page.locator('h1 .reference').innerText(), 'PNF 2026/12');
  const caseUrl = page.url();
  const caseId = caseUrl.split('/').at(-1) as string;
  assert.match(await page.locator('.case-team').innerText(), new RegExp(`${lead.email}[\\s\\S]*Lead`));
  assert.match(await page.locator('.marking-panel').innerText(), /Parquet national financier/);

  // The team: add the colleague.
  await page.selectOption('#case-add-member', { label: `analyst (${colleague.email})` });
  await page.getByRole('button', { name: 'Add to the team' }).click();
  await page.locator('.case-team li', { hasText: colleague.email }).waitFor();
  assert.match(await page.locator('.alert-ok').innerText(), /The team was changed/);

  // Link the request found by a word of its title.
  await page.fill('#case-link-search', 'Monaco');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: `Link ${request.reference} to this case` }).click();
  await page.locator('.case-requests li', { hasText: request.reference }).waitFor();
  assert.match(await page.locator('.case-requests').innerText(), /Comptes bancaires à Monaco/);
  await shootBoth(page, 'case-en');

  // The request page names the case and leads back to it.
  await page.goto(`${node.url}/requests/${request.id}`);
  const field = page.locator('.request-case');
  await field.waitFor();
  assert.match(await field.innerText(), /PNF 2026\/12\s+Opération Lagune/);
  await shootBoth(page, 'request-case-en');
  await field.getByRole('link', { name: 'PNF 2026/12' }).click();
  await page.locator('h1 .reference').waitFor();
  assert.equal(page.url(), caseUrl);

  // The list, in English and in Arabic (right to left).
  await page.goto(`${node.url}/cases`);
  await page.locator('table.cases-table').waitFor();
  assert.match(await page.locator('table.cases-table').innerText(), /PNF 2026\/12[\s\S]*Opération Lagune/);
  await shootBoth(page, 'cases-en');
  await useLanguage(page, 'ar', 'rtl');
  await page.locator('h1', { hasText: 'القضايا' }).waitFor();
  await shootBoth(page, 'cases-ar');
  await page.goto(caseUrl);
  await page.locator('h2#case-team', { hasText: 'الفريق' }).waitFor();
  await shootBoth(page, 'case-ar');
  await page.goto(`${node.url}/cases/new`);
  await page.locator('#case-title').waitFor();
  await shootBoth(page, 'new-case-ar');
  await page.goto(`${node.url}/requests/${request.id}`);
  await page.locator('.request-case h2', { hasText: 'القضية' }).waitFor();
  await shootBoth(page, 'request-case-ar');
  assert.deepEqual(watched.errors, []);

  // The colleague finds it among "my cases".
  const colleaguePage = await signIn(browser, node.url, colleague.email, colleague.password);
  await colleaguePage.goto(`${node.url}/cases?mine=true`);
  await colleaguePage.locator('table.cases-table a', { hasText: 'PNF 2026/12' }).waitFor();

  // Another organisation: the page says there is no such case, and the API answers 404.
  const strangerPage = await signIn(browser, node.url, stranger.email, stranger.password);
  await strangerPage.goto(caseUrl);
  await strangerPage.locator('.alert-error', { hasText: 'There is no such case, or you are not on its team.' }).waitFor();
  assert.equal(await strangerPage.locator('.case-team').count(), 0);
  assert.equal((await stranger.client.call('GET', `/api/v1/cases/${caseId}`)).status, 404);
  await strangerPage.goto(`${node.url}/cases`);
  await strangerPage.locator('table.cases-table, main p', { hasText: 'No case matches.' }).first().waitFor();
  await shoot(strangerPage, 'stranger-en-1366');
});
