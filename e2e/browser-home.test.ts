// The signed-in home page in a real browser: each role sees what waits for it (a practitioner her
// drafts, a supervisor the requests awaiting his approval, the requested authority the incoming
// request to acknowledge, a viewer nothing to do, an administrator the administration section),
// with counts and links that lead to the list concerned; the counts follow live changes; the
// header's links are grouped in labelled sections. Screenshots at 1366 and 390 px, English and Arabic.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { type ApiClient, makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import { browserUnavailable, htmlDirection, launchBrowser, signedInAdmin, signIn, watchPage } from './support/browser.ts';
import { startTestNode } from './support/test-node.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 e2e';
const artifacts = join(new URL('.', import.meta.url).pathname, 'artifacts', 'home');

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

/** The worklist as the page shows it: label → count. */
async function shown(page: Page): Promise<Record<string, number>> {
  await page.locator('#worklist-title').waitFor();
  const groups = page.locator('.worklist-group');
  const out: Record<string, number> = {};
  for (let i = 0; i < (await groups.count()); i++) {
    const g = groups.nth(i);
    out[((await g.locator('.worklist-label').textContent()) ?? '').trim()] = Number(await g.locator('.worklist-count').textContent());
  }
  return out;
}

async function headerGroups(page: Page): Promise<string[]> {
  return (await page.locator('.main-nav .nav-group-label').allTextContents()).map((s) => s.trim());
}

test('the home page shows each role what waits for it', async (t) => {
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
  const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const supervisor = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
  const viewer = await makeUser(admin, { role: 'viewer', organisationId: drafter.organisationId });
  const german = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });

  const { type: _t, ...content } = exampleRequest('mla', 'DEU', german.organisationId);
  const draft = (title: string) =>
    drafter.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, title, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201).then((r) => r.body.id);
  const move = (u: { client: ApiClient }, id: string, action: string) => u.client.call('POST', `/api/v1/requests/${id}/transitions`, { action }, 200);
  const sent = await draft('Bank records of Meridian GmbH');
  await move(drafter, sent, 'submit');
  await move(supervisor, sent, 'approve');
  await move(drafter, sent, 'transmit');
  const waiting = await draft('Witness hearing in Berlin');
  await move(drafter, waiting, 'submit');
  const mine = await draft('Search of the Meridian offices');

  await t.test('a practitioner sees her draft and goes to it', async () => {
    const page = await signIn(browser, node.url, drafter.email, drafter.password);
    const watch = watchPage(page, node.url);
    await page.goto(node.url);
    await page.locator('.worklist-drafts').waitFor();
    assert.deepEqual(await shown(page), { 'Your drafts': 1 });
    assert.match((await page.locator('.worklist-nothing').textContent()) ?? '', /Nothing waiting in: Incoming requests to acknowledge/);
    assert.deepEqual(await headerGroups(page), ['Treaties', 'Cooperation']);
    await shoot(page, 'home-practitioner');
    await page.locator('.worklist-drafts').getByRole('link', { name: /Search of the Meridian offices/ }).click();
    await page.waitForURL(`${node.url}/requests/${mine}`);
    assert.deepEqual(watch.errors, []);
    await page.close();
  });

  await t.test('a supervisor sees what awaits his approval, and the count follows live', async () => {
    const page = await signIn(browser, node.url, supervisor.email, supervisor.password);
    await page.goto(node.url);
    await page.locator('.worklist-awaiting-my-approval').waitFor();
    assert.deepEqual(await shown(page), { 'Awaiting your approval': 1 });
    assert.match((await page.locator('.worklist-awaiting-my-approval').textContent()) ?? '', /Witness hearing in Berlin/);
    await page.evaluate('window.__comityNotReloaded = true');
    // The practitioner submits her other draft: it joins the queue on the open page.
    await move(drafter, mine, 'submit');
    await page.locator('.worklist-awaiting-my-approval .worklist-count', { hasText: '2' }).waitFor();
    assert.equal(await page.evaluate<boolean>('window.__comityNotReloaded === true'), true, 'no reload');
    await shoot(page, 'home-supervisor');
    await page.locator('.worklist-awaiting-my-approval h3').getByRole('link').click();
    await page.waitForURL(`${node.url}/requests/approvals`);
    await page.locator('tbody tr', { hasText: 'Search of the Meridian offices' }).waitFor();
    assert.equal(await page.locator('tbody tr').count(), 2);
    await page.close();
  });

  await t.test('the requested authority sees the incoming request to acknowledge', async () => {
    const page = await signIn(browser, node.url, german.email, german.password);
    await page.goto(node.url);
    await page.locator('.worklist-to-acknowledge').waitFor();
    assert.deepEqual(await shown(page), { 'Incoming requests to acknowledge': 1 });
    await shoot(page, 'home-requested');
    await page.locator('.worklist-to-acknowledge h3').getByRole('link').click();
    await page.waitForURL(/\/requests\?side=requested&state=transmitted$/);
    await page.locator('tbody tr', { hasText: 'Bank records of Meridian GmbH' }).waitFor();
    await page.close();
  });

  await t.test('a viewer has nothing to do', async () => {
    const page = await signIn(browser, node.url, viewer.email, viewer.password);
    await page.goto(node.url);
    await page.getByText('Nothing waits for you at the moment.').waitFor();
    assert.equal(await page.locator('.worklist-group').count(), 0);
    await shoot(page, 'home-viewer');
    await page.close();
  });

  await t.test('an administrator finds the administration links in their own labelled group', async () => {
    const page = await signIn(browser, node.url, node.admin.email, ADMIN_PASSWORD);
    await page.goto(node.url);
    await page.getByText('Nothing waits for you at the moment.').waitFor();
    // Twenty-one header links for an administrator (cases, the cultural property records, the seizure
    // and incident registries, the hit inbox and the person search among them, and the public check of
    // cultural objects next to Home) in labelled groups rather than one flat row.
    assert.deepEqual(await headerGroups(page), ['Treaties', 'Cooperation', 'Administration']);
    const adminGroup = page.getByRole('list', { name: 'Administration' });
    assert.deepEqual(await adminGroup.getByRole('link').allTextContents(), ['Organisations', 'Users', 'Audit log', 'Knowledge base', 'Declared facts', 'Peers', 'Authorities without a node']);
    assert.equal(await page.locator('.main-nav a').count(), 21);
    await shoot(page, 'home-admin');
    await adminGroup.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(`${node.url}/admin/users`);
    await page.close();
  });
});
