// A phone number and an e-mail address known on their own (a seized handset's number, an address
// in a note) added to a case from the Entities section: FtM holds each as a UserAccount, the list
// names it "Phone or e-mail account" with the number or address as its caption; a number that is
// not one is refused with a readable message and nothing is added. English and Arabic (right to
// left), at 1366 and 390 px; screenshots in e2e/artifacts/entities/.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { makeUser } from '@comity/server/testing/test-node';
import { nodeAndBrowser, shootWidths, signedInAdmin, signIn, useLanguage, watchPage } from './support/browser.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 contacts';
const artifacts = resolve(new URL('.', import.meta.url).pathname, 'artifacts/entities');

test('add a phone number and an e-mail address to a case; a bad number is refused', async (t) => {
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const lead = await makeUser(admin, { role: 'practitioner', country: 'ESP', orgName: 'Guardia Civil' });
  const caseId = (await lead.client.call<{ id: string }>('POST', '/api/v1/cases', { reference: 'GC 2026/88', title: 'Operación Faro', marking: 'AMBER' }, 201)).body.id;

  const page = await signIn(browser, node.url, lead.email, lead.password);
  const watched = watchPage(page, node.url);
  await page.goto(`${node.url}/cases/${caseId}`);
  const section = page.locator('.case-entities');
  await section.getByText('No entities in this case yet').waitFor();

  await page.selectOption('#entity-schema', 'phone');
  assert.match(await page.locator('label[for="entity-name"]').innerText(), /Phone number/);
  await page.fill('#entity-name', 'call me maybe');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await section.locator('[role=alert]', { hasText: 'not a phone number' }).waitFor();
  assert.match(await section.innerText(), /No entities in this case yet/, 'nothing was added');

  await page.fill('#entity-name', '+34 612 345 678');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await section.locator('tbody tr', { hasText: '+34 612 345 678' }).waitFor();
  await page.selectOption('#entity-schema', 'email');
  await page.fill('#entity-name', 'faro.contacto@example.es');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await section.locator('tbody tr', { hasText: 'faro.contacto@example.es' }).waitFor();
  for (const caption of ['+34 612 345 678', 'faro.contacto@example.es']) {
    assert.match(await section.locator('tbody tr', { hasText: caption }).innerText(), /Phone or e-mail account/);
  }
  const stored = await lead.client.call<{ items: { schema: string; caption: string }[] }>('GET', `/api/v1/cases/${caseId}/entities?schema=UserAccount`, undefined, 200);
  assert.deepEqual(stored.body.items.map((e) => e.caption).sort(), ['+34 612 345 678', 'faro.contacto@example.es']);
  await shootWidths(page, artifacts, 'contacts-en');

  await useLanguage(page, 'ar', 'rtl');
  await page.goto(`${node.url}/cases/${caseId}`);
  await section.locator('tbody tr', { hasText: 'faro.contacto@example.es' }).waitFor();
  assert.match(await section.innerText(), /حساب هاتف أو بريد إلكتروني/);
  await page.selectOption('#entity-schema', 'email');
  assert.match(await page.locator('label[for="entity-name"]').innerText(), /عنوان البريد الإلكتروني/);
  await shootWidths(page, artifacts, 'contacts-ar');
  assert.deepEqual(watched.errors, []);
  assert.deepEqual(watched.foreignRequests, []);
});
