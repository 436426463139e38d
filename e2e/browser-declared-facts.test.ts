// The declared-facts page in a real browser: the administrator adds a France–Brazil treaty and a
// central authority to the draft and submits it, cannot approve it herself, a supervisor approves
// it; the country profile then shows what France's own node declares next to the depositary
// files, and the finder puts the treaty first. Screenshots in English and Arabic, 1366 and 390 px.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { htmlDirection, nodeAndBrowser, watchPage } from './support/browser.ts';

async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  // Through the page, so the session cookie and CSRF token of the signed-in user are used.
  return page.evaluate(
    `(async () => {
      const s = await (await fetch('/api/v1/session')).json();
      const r = await fetch(${JSON.stringify(path)}, { method: ${JSON.stringify(method)}, headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken }, body: ${body === undefined ? 'undefined' : JSON.stringify(JSON.stringify(body))} });
      return { status: r.status, json: await r.json().catch(() => ({})) };
    })()`,
  );
}

async function shots(page: Page, name: string, section?: string): Promise<void> {
  const dir = join(import.meta.dirname, 'artifacts', 'declared-facts');
  mkdirSync(dir, { recursive: true });
  for (const lang of ['en', 'ar']) {
    await page.selectOption('#language', lang);
    await page.waitForFunction(`document.documentElement.lang === ${JSON.stringify(lang)}`);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(dir, `${name}-${lang}-${width}.png`), fullPage: true });
      // The part this test is about, for a person to look at without scrolling a long page.
      if (section) await page.locator(section).screenshot({ path: join(dir, `${name}-section-${lang}-${width}.png`) });
    }
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.selectOption('#language', 'en');
}

async function firstSignIn(browser: Browser, url: string, email: string, oneTime: string, password: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'en-GB' });
  await page.goto(`${url}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', oneTime);
  await page.click('form button[type=submit]');
  await page.locator('#change-title').waitFor();
  await page.fill('#first-new', password);
  await page.fill('#first-confirm', password);
  await page.click('form button[type=submit]');
  // Administrators and supervisors both get the link once the new password is set.
  await page
    .locator('a[href="/admin/facts"]')
    .waitFor()
    .catch(async (err) => {
      throw new Error(`${(err as Error).message}\n${await page.locator('main').textContent()}`);
    });
  return page;
}

test('declared facts: drafted by an administrator, approved by a supervisor, shown on the country profile', async (t) => {
  const opened = await nodeAndBrowser(t);
  if (!opened) return;
  const { node, browser } = opened;
  const admin = await firstSignIn(browser, node.url, node.admin.email, node.admin.oneTimePassword, 'a long new password 4 facts');
  const watch = watchPage(admin, node.url);

  // The node speaks for France: its organisation's State.
  const orgs = await api(admin, 'GET', '/api/v1/organisations');
  assert.equal(orgs.status, 200, JSON.stringify(orgs));
  const org = (orgs.json.items as { id: string }[])[0]!;
  assert.equal((await api(admin, 'PATCH', `/api/v1/organisations/${org.id}`, { country: 'FRA', kind: 'central-authority', name: 'Ministère de la Justice' })).status, 200);
  const supervisorEmail = 'supervisor@justice.example';
  assert.equal((await api(admin, 'POST', '/api/v1/users', { email: supervisorEmail, name: 'Claire Superviseure', role: 'supervisor', organisationId: org.id, password: 'first-password-123' })).status, 201);

  await admin.locator('a[href="/admin/facts"]').click();
  await admin.locator('h1', { hasText: 'Facts this node declares' }).waitFor();
  await admin.locator('section[aria-labelledby="facts-status"]', { hasText: 'Nothing published yet.' }).waitFor();

  // A treaty, refused at first because its other party is missing, then a central authority.
  await admin.fill('#ft-parties', 'BRA');
  await admin.fill('#ft-title', 'Accord d’entraide judiciaire en matière pénale entre la France et le Brésil');
  await admin.fill('#ft-id', 'FRA-BRA-MLA-1996');
  await admin.fill('#ft-signed', '1996-05-28');
  await admin.fill('#ft-eif', '2000-09-01');
  await admin.check('#ft-type-mla');
  await admin.fill('#ft-articles-mla', '1');
  await admin.fill('#ft-articles', '1 | Obligation d’accorder l’entraide');
  await admin.click('form[aria-labelledby="facts-add-treaty"] button[type=submit]');
  await admin.locator('section[aria-labelledby="facts-draft"] li', { hasText: 'FRA-BRA-MLA-1996' }).waitFor();
  await admin.fill('#fa-instrument', 'FRA-BRA-MLA-1996');
  await admin.fill('#fa-name', 'Bureau de l’entraide pénale internationale');
  await admin.fill('#fa-address', '13 place Vendôme, 75001 Paris');
  await admin.fill('#fa-channels', 'central-authority, email');
  await admin.fill('#fa-languages', 'fr, pt');
  await admin.click('form[aria-labelledby="facts-add-authority"] button[type=submit]');
  await admin.fill('#facts-languages', 'fr, en');
  await admin.click('text=Save draft');
  await admin.locator('[role=status]', { hasText: 'Draft saved.' }).waitFor();
  await admin.click('text=Submit for approval');
  await admin.locator('[role=status]', { hasText: 'a second person must now approve' }).waitFor();
  await shots(admin, 'admin-submitted');

  // Four eyes: the administrator who prepared it cannot approve it.
  await admin.click('text=Approve and publish');
  const refused = admin.locator('section[aria-labelledby="facts-status"] [role=alert]');
  await refused.waitFor();
  assert.match((await refused.textContent()) ?? '', /Someone other than the person who edited or submitted/);

  // The supervisor approves.
  const sup = await firstSignIn(browser, node.url, supervisorEmail, 'first-password-123', 'a long password for claire 456');
  await sup.locator('a[href="/admin/facts"]').click();
  await sup.locator('h2', { hasText: 'What you are asked to approve' }).waitFor();
  assert.match((await sup.locator('section[aria-labelledby="facts-summary"]').textContent()) ?? '', /FRA-BRA-MLA-1996.*Bureau de l’entraide/s);
  await sup.click('text=Approve and publish');
  await sup.locator('[role=status]', { hasText: 'Published and sent to the trusted peers.' }).waitFor();
  const status = (await sup.locator('section[aria-labelledby="facts-status"]').textContent()) ?? '';
  assert.match(status, /Version 1, published/);
  assert.match(status, /declared by Ministère de la Justice \(FRA\), node node-[0-9a-f]+, signed on \d{4}-\d{2}-\d{2}/);
  assert.match(status, new RegExp(`approved by ${supervisorEmail.replace('.', '\\.')}`));
  await sup.close();

  // The country profile: the depositary lists, and what France's own node declares.
  await admin.goto(`${node.url}/countries/FRA`);
  const declared = admin.locator('section[aria-labelledby="declared-title"]');
  await declared.locator('li', { hasText: 'FRA-BRA-MLA-1996' }).first().waitFor();
  assert.match((await declared.textContent()) ?? '', /Bureau de l’entraide pénale internationale/);
  assert.match((await declared.textContent()) ?? '', /declared by Ministère de la Justice \(FRA\)/);
  await shots(admin, 'country', 'section[aria-labelledby="declared-title"]');

  // The finder puts the declared treaty first.
  await admin.goto(`${node.url}/legal-basis?requesting=FRA&requested=BRA&type=mla&offence=corruption`);
  const first = admin.locator('article.basis-card').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-instrument'), 'FRA-BRA-MLA-1996');

  await admin.goto(`${node.url}/admin/facts`);
  await admin.selectOption('#language', 'ar');
  await admin.locator('h1', { hasText: 'الوقائع التي تعلنها هذه العقدة' }).waitFor();
  assert.deepEqual(await htmlDirection(admin), { dir: 'rtl', lang: 'ar' });
  await shots(admin, 'admin-published');
  assert.deepEqual(watch.errors, []);
  assert.deepEqual(watch.foreignRequests, []);
});
