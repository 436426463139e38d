// The release policy in the browser: a request received under speciality shows its marking and
// limitations; putting its file into another case is refused with the reason and the rule, and the
// page offers to ask the originator for consent; the question then waits for a supervisor on the
// consents page, who approves it, and the originator sees it to answer. English and Arabic, at 1366
// and 390 px; screenshots in e2e/artifacts/policy/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import { nodeAndBrowser, signedInAdmin, signIn, useLanguage, watchPage } from './support/browser.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 policy';
const artifacts = resolve(new URL('.', import.meta.url).pathname, 'artifacts/policy');

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

test('a denied use says why and offers to ask the originator; the question waits for a supervisor', async (t) => {
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const originator = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const originatorSupervisor = await makeUser(admin, { role: 'supervisor', organisationId: originator.organisationId });
  const holder = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
  const holderSupervisor = await makeUser(admin, { role: 'supervisor', organisationId: holder.organisationId });

  // France sends a request under speciality with a bank statement; Germany receives it.
  const { type: _t, ...content } = exampleRequest('mla', 'DEU', holder.organisationId);
  const sent = await originator.client.call<{ id: string; conversationId: string }>(
    'POST',
    '/api/v1/requests',
    { type: 'mla', ...content, caseReference: 'PNF 21/001', useLimitations: { speciality: true, limits: 'Not for tax proceedings.' }, confidentiality: { confidential: true }, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } },
    201,
  );
  const up = await originator.client.raw('POST', `/api/v1/requests/${sent.body.id}/attachments?filename=releve-bancaire.txt`, {
    body: 'FR76 3000 6000 0112 3456 7890 189',
    headers: { 'content-type': 'application/octet-stream' },
  });
  assert.equal(up.status, 201, up.text);
  await originator.client.call('POST', `/api/v1/requests/${sent.body.id}/transitions`, { action: 'submit' }, 200);
  await originatorSupervisor.client.call('POST', `/api/v1/requests/${sent.body.id}/transitions`, { action: 'approve' }, 200);
  await originator.client.call('POST', `/api/v1/requests/${sent.body.id}/transitions`, { action: 'transmit' }, 200);
  const incoming = await holder.client.call<{ items: { id: string }[] }>('GET', '/api/v1/requests?side=requested', undefined, 200);
  const receivedId = incoming.body.items[0]!.id;
  // Germany's own case, into which someone would like to put the French file.
  const { type: _t2, ...own } = exampleRequest('mla', 'ITA', null);
  await holder.client.call('POST', '/api/v1/requests', { type: 'mla', ...own, requestedOrganisationId: undefined, title: 'Fraude à la TVA — BKA', caseReference: 'BKA 22/777' }, 201);

  const page = await signIn(browser, node.url, holder.email, holder.password);
  const watched = watchPage(page, node.url);
  for (const lang of [
    { code: 'en', dir: 'ltr' },
    { code: 'ar', dir: 'rtl' },
  ] as const) {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${node.url}/requests/${receivedId}`);
    await useLanguage(page, lang.code, lang.dir);
    const panel = page.locator('.marking-panel');
    await panel.waitFor();
    const panelText = await panel.innerText();
    assert.match(panelText, /PNF 21\/001/, 'speciality names the proceedings');
    assert.match(panelText, /Parquet national financier/, 'the originator is named');
    assert.match(panelText, /Not for tax proceedings\./, 'the originator’s own words');
    await shoot(page, `marking-${lang.code}-1366`);

    // Try to use the file in Germany's own case: refused, with the reason and the rule.
    await page.locator('.attachments button.secondary').first().click();
    await page.locator('#use-elsewhere-target option').first().waitFor({ state: 'attached' });
    await page.locator('.use-elsewhere form button[type=submit]').click();
    const denial = page.locator('.policy-denial');
    await denial.waitFor();
    const denialText = await denial.innerText();
    assert.match(denialText, /UNTOC art\. 18\(19\)/, 'the rule is cited');
    if (lang.code === 'en') assert.match(denialText, /only for the proceedings named in the request/);
    else assert.match(denialText, /التخصيص/, 'the reason is in Arabic');
    await denial.locator('button').click();
    assert.equal(await page.locator('#consent-proceedings').inputValue(), 'BKA 22/777', 'the proceedings are filled in');
    await page.fill('#consent-purpose', lang.code === 'en' ? 'The account belongs to a suspect in our VAT fraud case.' : 'الحساب يخص مشتبهًا به في قضيتنا.');
    await shoot(page, `denial-${lang.code}-1366`);
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, `denial-${lang.code}-390`);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= 390, `the denial fits a phone (${width} px)`);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.locator('.policy-denial form button[type=submit]').click();
    await page.locator('.policy-denial .alert-ok, .policy-denial form .alert-error').first().waitFor();
    assert.equal(await page.locator('.policy-denial form .alert-error').count(), 0, await page.locator('.policy-denial').innerText());
  }

  // Two questions wait for a supervisor other than the asker.
  const asked = await holder.client.call<{ items: { id: string; state: string }[] }>('GET', '/api/v1/consents?direction=asked', undefined, 200);
  assert.equal(asked.body.items.length, 2);
  assert.ok(asked.body.items.every((c) => c.state === 'awaiting-approval'));
  await page.goto(`${node.url}/consents`);
  await page.locator('table.consents').first().waitFor();
  assert.equal(await page.locator('table.consents button').count(), 0, 'the asker cannot approve');
  await shoot(page, 'consents-asker-ar-1366');

  const supervisorPage = await signIn(browser, node.url, holderSupervisor.email, holderSupervisor.password);
  await supervisorPage.goto(`${node.url}/consents`);
  const approve = supervisorPage.locator('table.consents button').first();
  await approve.waitFor();
  await shoot(supervisorPage, 'consents-supervisor-en-1366');
  await approve.click();
  await supervisorPage.locator('.alert-ok').waitFor();
  await supervisorPage.setViewportSize({ width: 390, height: 844 });
  await shoot(supervisorPage, 'consents-supervisor-en-390');

  // The originator has a question to answer.
  const originatorPage = await signIn(browser, node.url, originator.email, originator.password);
  await originatorPage.goto(`${node.url}/consents`);
  await originatorPage.locator('table.consents select').first().waitFor();
  await shoot(originatorPage, 'consents-originator-en-1366');

  // The supervisor's report of denied attempts names the practitioner.
  await supervisorPage.setViewportSize({ width: 1366, height: 900 });
  await supervisorPage.goto(`${node.url}/policy/denials`);
  await supervisorPage.getByText(holder.email).first().waitFor();
  await shoot(supervisorPage, 'denials-en-1366');

  // The list row shows the limitations.
  await page.goto(`${node.url}/requests`);
  await page.locator('.badge-limit').first().waitFor();
  await shoot(page, 'list-ar-1366');
  assert.deepEqual(watched.errors, [], 'no page errors');
});
