// Messages a person understands, in a real browser against a real node, in English, French and
// Arabic: a locked-out user is told sign-in is paused; the forced password change (after a reload
// too) names the one-time password and lists the rules first; an empty draft's refusal appears in
// the sticky save bar and focus goes to the field; the completeness panel, the notifications and
// the incoming request speak in words, not internal names or codes; the country picker takes a
// typed exact name or code with Tab or Enter; chosen dates are written in the interface's language.
// Expected texts come from the locale files, so a changed translation does not break the test but a
// missing or bypassed one does. Screenshots go to e2e/artifacts/plain-language/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_LOCKOUT } from '@comity/core/accounts/accounts';
import { exampleRequest } from '@comity/core/requests/examples';
import { ApiClient, makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import { htmlDirection, nodeAndBrowser, signedInAdmin, signIn, watchPage } from './support/browser.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 e2e';
const shots = new URL('./artifacts/plain-language/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

type Tree = { [key: string]: string | Tree };
const locales = new Map<string, Tree>();
function locale(lng: string): Tree {
  let tree = locales.get(lng);
  if (!tree) {
    tree = JSON.parse(readFileSync(new URL(`../packages/web/src/i18n/${lng}.json`, import.meta.url), 'utf8')) as Tree;
    locales.set(lng, tree);
  }
  return tree;
}
/** The text the UI should show for a key, as i18next interpolates it. */
function tr(lng: string, key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = locale(lng);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  assert.equal(typeof node, 'string', `${lng}:${key} exists`);
  return (node as string).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

async function useLanguage(page: Page, lng: string): Promise<void> {
  await page.selectOption('#language', lng);
  assert.equal((await htmlDirection(page)).lang, lng);
}

async function shot(page: Page, name: string, width = 1366): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.screenshot({ path: `${shots}${name}-${width}.png`, fullPage: false });
}

/** Whether an element is inside the visible viewport (what the person is looking at). */
function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(
    `(() => { const r = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect(); return !!r && r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; })()`,
  );
}

test('messages a person understands, in English, French and Arabic', async (t) => {
  const opened = await nodeAndBrowser(t);
  if (!opened) return;
  const { node, browser } = opened;

  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const supervisor = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
  const executor = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });

  let failed: string | null = null;
  const step = (name: string, fn: () => Promise<void>) =>
    t.test(name, { skip: failed ? `an earlier step failed: ${failed}` : false }, async () => {
      try {
        await fn();
      } catch (error) {
        failed = name;
        throw error;
      }
    });

  await step('a locked-out user is told that sign-in is paused, even with the right password', async () => {
    const email = 'locked.user@example.org';
    const password = 'the right password 4 lockout';
    await admin.call('POST', '/api/v1/users', { email, name: 'Locked', role: 'viewer', organisationId: drafter.organisationId, password }, 201);
    const attacker = new ApiClient(node.url);
    for (let i = 0; i < DEFAULT_LOCKOUT.maxFailures; i++) assert.equal((await attacker.signIn(email, 'a wrong password')).status, 401);
    for (const lng of ['en', 'fr', 'ar']) {
      const page = await browser.newPage({ locale: 'en-GB' });
      await page.addInitScript(`window.localStorage.setItem('comity.language', '${lng}')`);
      await page.goto(`${node.url}/sign-in`);
      await page.fill('#email', email);
      await page.fill('#password', password);
      await page.click('form button[type=submit]');
      const alert = page.locator('form [role=alert]');
      await alert.waitFor();
      const expected = tr(lng, 'signIn.failed', { attempts: DEFAULT_LOCKOUT.maxFailures, minutes: DEFAULT_LOCKOUT.lockMs / 60_000 });
      assert.equal((await alert.textContent())?.trim(), expected);
      assert.equal(new URL(page.url()).pathname, '/sign-in', 'the locked user stays signed out');
      await shot(page, `lockout-${lng}`);
      if (lng === 'ar') await shot(page, `lockout-${lng}`, 390);
      await page.close();
    }
  });

  await step('the forced password change names the one-time password after a reload and shows the rules before typing', async () => {
    for (const lng of ['en', 'fr', 'ar']) {
      const email = `newcomer.${lng}@example.org`;
      const oneTime = `one-time password ${lng} 2026`;
      await admin.call('POST', '/api/v1/users', { email, name: 'Newcomer', role: 'practitioner', organisationId: drafter.organisationId, password: oneTime }, 201);
      const page = await browser.newPage({ locale: 'en-GB' });
      await page.addInitScript(`window.localStorage.setItem('comity.language', '${lng}')`);
      await page.goto(`${node.url}/sign-in`);
      await page.fill('#email', email);
      await page.fill('#password', oneTime);
      await page.click('form button[type=submit]');
      await page.locator('#change-title').waitFor();
      // After a reload the one-time password is no longer in memory: it is asked for by its name.
      await page.reload();
      await page.locator('#first-current').waitFor();
      assert.equal((await page.locator('label[for=first-current]').textContent())?.trim(), tr(lng, 'password.oneTime'));
      assert.equal((await page.locator('#first-current-hint').textContent())?.trim(), tr(lng, 'password.oneTimeHint'));
      // The rules are on screen before anything is typed, including the account name to avoid.
      const rules = page.locator('#first-rules li');
      assert.equal(await rules.count(), 3);
      assert.equal(
        (await page.locator('#first-rules li[data-rule=contains-account-name]').textContent())?.replace(/^•\s*/, '').trim(),
        tr(lng, 'password.rule.contains-account-name', { name: `newcomer.${lng}` }),
      );
      await shot(page, `password-rules-${lng}`);
      // An empty one-time password gets a sentence, not a schema error.
      await page.click('form button[type=submit]');
      assert.equal((await page.locator('form [role=alert]').textContent())?.trim(), tr(lng, 'password.oneTimeMissing'));
      // The rules tick off as the person types.
      await page.fill('#first-current', oneTime);
      await page.fill('#first-new', `my newcomer.${lng} password`);
      assert.equal(await page.locator('#first-rules li[data-rule=contains-account-name]').getAttribute('class'), 'unmet');
      assert.equal(await page.locator('#first-rules li[data-rule=too-short]').getAttribute('class'), 'met');
      const good = `a different secret ${lng} phrase`;
      await page.fill('#first-new', good);
      assert.equal(await page.locator('#first-rules li.met').count(), 3);
      await page.fill('#first-confirm', good);
      await page.click('form button[type=submit]');
      await page.locator('.user-name').waitFor();
      await page.close();
    }
  });

  // A request from France to the German authority on this node, answered with a request for more information.
  const { type: _type, ...content } = exampleRequest('mla', 'DEU', executor.organisationId);
  const created = await drafter.client.call<{ id: string; conversationId: string; reference: string }>(
    'POST',
    '/api/v1/requests',
    { type: 'mla', ...content, caseReference: 'PNF-2026-0042', legalBasis: { kind: 'treaty', instrument: 'UNTOC' } },
    201,
  );
  const transition = (client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) =>
    client.call('POST', `/api/v1/requests/${id}/transitions`, { action, ...extra }, 200);
  await transition(drafter.client, created.body.id, 'submit');
  await transition(supervisor.client, created.body.id, 'approve');
  await transition(drafter.client, created.body.id, 'transmit');
  const incoming = await executor.client.call<{ items: { id: string }[] }>('GET', '/api/v1/requests?side=requested', undefined, 200);
  const incomingId = incoming.body.items[0]?.id as string;
  assert.ok(incomingId, 'the German authority received the request');
  await transition(executor.client, incomingId, 'receive');
  await transition(executor.client, incomingId, 'start-execution');
  await transition(executor.client, incomingId, 'request-more-info', { reason: 'Date of birth of the account holder.' });

  const practitioner = await signIn(browser, node.url, drafter.email, drafter.password);
  const watch = watchPage(practitioner, node.url);

  await step('saving an empty draft says what is missing in the save bar and takes the person to the State', async () => {
    for (const lng of ['en', 'fr', 'ar']) {
      await practitioner.goto(`${node.url}/requests/new`);
      await useLanguage(practitioner, lng);
      await practitioner.setViewportSize({ width: 1366, height: 800 });
      await practitioner.locator('.editor-bar button[type=submit]').click();
      const alert = practitioner.locator('.editor-bar [role=alert]');
      await alert.waitFor();
      assert.equal((await alert.textContent())?.trim(), tr(lng, 'problem.requested_state_required'));
      assert.ok(await inViewport(practitioner, '.editor-bar [role=alert]'), 'the message is on screen');
      assert.equal(await practitioner.evaluate('document.activeElement?.id'), 'f-requestedState', 'focus is on the requested State');
      assert.doesNotMatch((await alert.textContent()) ?? '', /requestedState|requestedOrganisationId/);
      await shot(practitioner, `empty-draft-${lng}`);
      if (lng === 'ar') await shot(practitioner, `empty-draft-${lng}`, 390);
    }
  });

  await step('the completeness panel names fields and reasons in words, in the reader’s language', async () => {
    // A draft that knows its State but nothing else: the full check runs and has much to say.
    const draft = await drafter.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', title: 'Bribery of officials' }, 201);
    for (const lng of ['en', 'fr', 'ar']) {
      await practitioner.goto(`${node.url}/requests/${draft.body.id}/edit`);
      await useLanguage(practitioner, lng);
      const panel = practitioner.locator('.editor-side .completeness');
      await panel.locator('#completeness-essential li').first().waitFor();
      const text = (await panel.textContent()) ?? '';
      for (const raw of ['requestedOrganisationId', 'legalBasis', 'proceedings.authority', 'requestedState']) assert.ok(!text.includes(raw), `${lng}: no internal name ${raw}`);
      assert.ok(text.includes(tr(lng, 'requests.rule.legal-basis')), `${lng}: the legal-basis rule in words`);
      assert.ok(text.includes(tr(lng, 'requests.field.legalBasis')), `${lng}: the field's label`);
      assert.equal(await panel.locator('.fallback').count(), 0, `${lng}: no English fallback in the panel`);
      await shot(practitioner, `completeness-${lng}`);
    }
  });

  await step('a notification says what the other side did, in words and in the reader’s language', async () => {
    for (const lng of ['en', 'fr', 'ar']) {
      await practitioner.goto(`${node.url}/notifications`);
      await useLanguage(practitioner, lng);
      const message = practitioner.locator('.notification-message').first();
      await message.waitFor();
      const text = (await message.textContent()) ?? '';
      assert.ok(text.includes(tr(lng, 'requests.action.request-more-info')), `${lng}: the action in words: ${text}`);
      assert.ok(text.includes(tr(lng, 'requests.state.more-information-requested')), `${lng}: the new state in words: ${text}`);
      assert.ok(text.includes(created.body.reference), `${lng}: the reference`);
      for (const code of ['request-more-info', 'more-information-requested', '(now ']) assert.ok(!text.includes(code), `${lng}: no code ${code}`);
      assert.equal(await practitioner.locator('.notifications .fallback').count(), 0);
      await shot(practitioner, `notifications-${lng}`);
      if (lng === 'ar') await shot(practitioner, `notifications-${lng}`, 390);
    }
  });

  await step('the incoming request shows the requesting side’s file number under its own name', async () => {
    const page = await signIn(browser, node.url, executor.email, executor.password);
    for (const lng of ['en', 'fr', 'ar']) {
      await page.goto(`${node.url}/requests/${incomingId}`);
      await useLanguage(page, lng);
      const row = page.locator('dl.facts dt', { hasText: tr(lng, 'requests.view.theirCaseReference') });
      await row.waitFor();
      assert.equal((await row.locator('xpath=following-sibling::dd[1]').textContent())?.trim(), 'PNF-2026-0042');
      assert.equal(await page.locator('dl.facts dt', { hasText: tr(lng, 'requests.field.caseReference') }).count(), 0, 'not "Your file number"');
      await shot(page, `incoming-${lng}`);
    }
    await page.close();
  });

  await step('the country picker takes a typed exact name or code with Tab or Enter', async () => {
    const adminPage = await signIn(browser, node.url, node.admin.email, ADMIN_PASSWORD);
    const cases = [
      { lng: 'en', typed: 'Brazil', key: 'Tab', name: 'Brazil' },
      { lng: 'fr', typed: 'Brésil', key: 'Enter', name: 'Brésil' },
      { lng: 'fr', typed: 'Japan', key: 'Tab', name: 'Japon' }, // the English name works in any language
      { lng: 'ar', typed: 'BRA', key: 'Enter', name: null },
      { lng: 'ar', typed: 'jp', key: 'Tab', name: null },
    ];
    for (const c of cases) {
      await adminPage.goto(`${node.url}/legal-basis`);
      await useLanguage(adminPage, c.lng);
      await adminPage.locator('#requesting').fill(c.typed);
      await adminPage.locator('#requesting').press(c.key);
      const value = await adminPage.locator('#requesting').inputValue();
      if (c.name) assert.equal(value, c.name, `${c.lng}: "${c.typed}" + ${c.key}`);
      else assert.ok(value !== c.typed && /[\u0600-\u06FF]/.test(value), `${c.lng}: "${c.typed}" + ${c.key} became the Arabic name (${value})`);
    }
    // The organisation form asks for one State, and says so.
    await adminPage.goto(`${node.url}/admin/organisations`);
    await useLanguage(adminPage, 'fr');
    await adminPage.fill('#org-name', 'Ministério da Justiça');
    await adminPage.locator('#org-country').fill('Bré');
    await adminPage.locator('form button[type=submit]').click();
    assert.equal((await adminPage.locator('section[aria-labelledby=org-create] [role=alert]').textContent())?.trim(), tr('fr', 'finder.pickOneCountry'));
    await adminPage.locator('#org-country').fill('BRA');
    await adminPage.locator('#org-country').press('Tab');
    await adminPage.locator('form button[type=submit]').click();
    await adminPage.getByRole('cell', { name: 'Ministério da Justiça' }).waitFor();
    await shot(adminPage, 'organisation-fr');
    await adminPage.close();
  });

  await step('a chosen date is written in the interface’s language next to the browser’s date input', async () => {
    for (const lng of ['en', 'fr', 'ar']) {
      await practitioner.goto(`${node.url}/requests/${created.body.id}`);
      await useLanguage(practitioner, lng);
      await practitioner.goto(`${node.url}/legal-basis`);
      await practitioner.fill('#date', '2026-03-12');
      const echo = practitioner.locator('#date-date');
      const written = await practitioner.evaluate<string>(
        `new Intl.DateTimeFormat('${lng}', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-03-12T00:00:00Z'))`,
      );
      assert.equal((await echo.textContent())?.trim(), tr(lng, 'common.dateChosen', { date: written }));
      if (lng === 'ar') assert.doesNotMatch(written, /03\/12\/2026|3\/12\/2026/);
      if (lng === 'fr') assert.match(written, /mars/);
      await shot(practitioner, `date-${lng}`);
    }
  });

  assert.deepEqual(watch.errors, [], 'no uncaught page errors');
});
