// Entities in the browser: a practitioner opens a case, adds a person and a company from the
// Entities section, links them (owns), imports more from an FtM JSON-lines file, and sees the link
// graph drawn (cytoscape canvas with the case's nodes and edges); the entity page shows the
// properties and the neighbourhood graph. A case of a thousand entities draws its graph too.
// Properties read by their FtM labels in the reader's language (English, Arabic, French).
// English and Arabic (right to left), at 1366 and 390 px; screenshots in e2e/artifacts/entities/.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import { nodeAndBrowser, signedInAdmin, signIn, useLanguage, watchPage } from './support/browser.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 entities';
const artifacts = resolve(new URL('.', import.meta.url).pathname, 'artifacts/entities');

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

/** The label the entity page shows for an FtM property (the row says which property it is). */
async function propertyLabel(page: Page, property: string): Promise<string> {
  return (await page.locator(`.entity-properties [data-property="${property}"] dt`).innerText()).trim();
}

/** The graph drawn: cytoscape's canvases are in the box, which says how many nodes and edges it holds. */
async function graphDrawn(page: Page, nodes: number, edges: number): Promise<void> {
  // Waits for the counts (the graph may first draw what it had before the last change arrived).
  const box = page.locator(`.entity-graph[data-nodes="${nodes}"][data-edges="${edges}"]`).first();
  await box.locator('canvas').first().waitFor();
  assert.equal(await box.getAttribute('data-nodes'), String(nodes));
  assert.equal(await box.getAttribute('data-edges'), String(edges));
}

test('add entities to a case, link them, import FtM lines and see the link graph', async (t) => {
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const lead = await makeUser(admin, { role: 'practitioner', country: 'ITA', orgName: 'Guardia di Finanza' });
  const caseId = (await lead.client.call<{ id: string }>('POST', '/api/v1/cases', { reference: 'GDF 2026/3', title: 'Nave fantasma', marking: 'AMBER' }, 201)).body.id;

  const page = await signIn(browser, node.url, lead.email, lead.password);
  const watched = watchPage(page, node.url);
  await page.goto(`${node.url}/cases/${caseId}`);
  const section = page.locator('.case-entities');
  // The list loads after the section is drawn ("Loading…" first).
  await section.getByText('No entities in this case yet').waitFor();
  assert.match(await section.innerText(), /No entities in this case yet/);

  // Add a person and a company.
  await page.selectOption('#entity-schema', 'Person');
  await page.fill('#entity-name', 'Marco Rossi');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await section.locator('tbody tr', { hasText: 'Marco Rossi' }).waitFor();
  await page.selectOption('#entity-schema', 'Company');
  await page.fill('#entity-name', 'Blue Water Shipping Ltd');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await section.locator('tbody tr', { hasText: 'Blue Water Shipping Ltd' }).waitFor();

  // Link them: Marco Rossi owns the company.
  await page.selectOption('#link-schema', 'Ownership');
  await page.selectOption('#link-from', { label: 'Marco Rossi (Person)' });
  await page.selectOption('#link-to', { label: 'Blue Water Shipping Ltd (Company)' });
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  // The link is stored before the import below names the company.
  for (let tries = 0; ; tries++) {
    const links = await lead.client.call<{ items: unknown[] }>('GET', `/api/v1/cases/${caseId}/entities?schema=Ownership`, undefined, 200);
    if (links.body.items.length === 1) break;
    assert.ok(tries < 100, 'the Ownership link was not stored');
    await page.waitForTimeout(100);
  }

  // Import a vessel owned by the company, from an FtM JSON-lines file.
  const companyFtmId = ((await lead.client.call<{ items: { ftmId: string; caption: string }[] }>('GET', `/api/v1/cases/${caseId}/entities?schema=Company`, undefined, 200)).body.items[0] as { ftmId: string }).ftmId;
  const file = join(artifacts, 'vessel.ftm.json');
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(
    file,
    `${[JSON.stringify({ id: 'v-sea-breeze', schema: 'Vessel', properties: { name: ['Sea Breeze'], imoNumber: ['IMO 9074729'], flag: ['pa'] } }), JSON.stringify({ id: 'own-v', schema: 'Ownership', properties: { owner: [companyFtmId], asset: ['v-sea-breeze'] } })].join('\n')}\n`,
  );
  await page.setInputFiles('#entity-import-file', file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await section.locator('.alert-ok, [role=status]', { hasText: 'Created: 2' }).first().waitFor();
  await section.locator('tbody tr', { hasText: 'Sea Breeze' }).waitFor();

  // The graph: three entities, two "owns" links.
  await page.getByRole('button', { name: 'Show the link graph' }).click();
  await graphDrawn(page, 3, 2);
  await shootBoth(page, 'case-en');

  // The entity page: properties and the neighbourhood.
  await section.getByRole('link', { name: 'Sea Breeze' }).click();
  await page.locator('h1', { hasText: 'Sea Breeze' }).waitFor();
  await page.locator('.entity-properties', { hasText: 'IMO 9074729' }).waitFor();
  // Properties read by their FtM labels, not their internal names.
  assert.equal(await propertyLabel(page, 'imoNumber'), 'IMO Number');
  assert.equal(await propertyLabel(page, 'flag'), 'Flag');
  assert.doesNotMatch(await page.locator('.entity-properties').innerText(), /imoNumber/);
  await graphDrawn(page, 3, 2);
  await shootBoth(page, 'entity-en');
  const entityUrl = page.url();

  // Arabic, right to left.
  await useLanguage(page, 'ar', 'rtl');
  await page.goto(`${node.url}/cases/${caseId}`);
  await page.locator('#case-entities-title', { hasText: 'الكيانات' }).waitFor();
  await page.getByRole('button', { name: 'عرض مخطط الروابط' }).click();
  await graphDrawn(page, 3, 2);
  await shootBoth(page, 'case-ar');
  await page.locator('.case-entities').getByRole('link', { name: 'Sea Breeze' }).click();
  await page.locator('h1', { hasText: 'Sea Breeze' }).waitFor();
  await page.locator('.entity-properties dt', { hasText: 'رقم المنظمة البحرية الدولية' }).waitFor();
  assert.equal(await propertyLabel(page, 'imoNumber'), 'رقم المنظمة البحرية الدولية');
  assert.equal(await propertyLabel(page, 'flag'), 'دولة العلم');
  assert.equal((await page.locator('.entity-properties [data-property="flag"] dd').innerText()).trim(), 'بنما (PA)');
  assert.equal(await page.locator('.entity-page .flag').first().innerText(), 'سفينة');
  // All translated: nothing shown as marked English fallback.
  assert.equal(await page.locator('.entity-properties .fallback').count(), 0);
  await graphDrawn(page, 3, 2);
  await shootBoth(page, 'entity-ar');

  // French: the same page, labels in French.
  await useLanguage(page, 'fr', 'ltr');
  await page.goto(entityUrl);
  await page.locator('.entity-properties dt', { hasText: 'Numéro OMI' }).waitFor();
  assert.equal(await propertyLabel(page, 'imoNumber'), 'Numéro OMI');
  assert.equal(await propertyLabel(page, 'flag'), 'Pavillon');
  // A country code reads as the country's name.
  assert.equal((await page.locator('.entity-properties [data-property="flag"] dd').innerText()).trim(), 'Panama (PA)');
  assert.equal(await propertyLabel(page, 'name'), 'Nom');
  assert.equal(await page.locator('.entity-page .flag').first().innerText(), 'Navire');
  assert.equal(await page.locator('.entity-properties .fallback').count(), 0);
  await graphDrawn(page, 3, 2);
  await shootBoth(page, 'entity-fr');

  // A thousand entities and links: the graph still draws (grid layout) and the page answers.
  const big = (await lead.client.call<{ id: string }>('POST', '/api/v1/cases', { title: 'Big network' }, 201)).body.id;
  const lines: string[] = [];
  for (let i = 0; i < 1000; i++) lines.push(JSON.stringify({ id: `p${i}`, schema: 'Person', properties: { name: [`Person ${i}`] } }));
  for (let i = 1; i < 1000; i++) lines.push(JSON.stringify({ id: `a${i}`, schema: 'Associate', properties: { person: [`p${i}`], associate: [`p${Math.floor(i / 3)}`] } }));
  await lead.client.call('POST', `/api/v1/cases/${big}/entities/import`, { format: 'ftm', content: lines.join('\n') }, 200);
  await useLanguage(page, 'en', 'ltr');
  await page.goto(`${node.url}/cases/${big}`);
  await page.getByRole('button', { name: 'Show the link graph' }).click();
  await graphDrawn(page, 1000, 999);
  // The table shows the first hundred and says how many more there are.
  await page.locator('.case-entities').getByText('… and 900 more').waitFor();
  assert.equal(await page.locator('.case-entities tbody tr').count(), 100);
  assert.match(await page.locator('.case-entities').innerText(), /… and 900 more/);
  await shootBoth(page, 'big-en');

  assert.deepEqual(watched.errors, []);
  assert.deepEqual(watched.foreignRequests, []);
});
