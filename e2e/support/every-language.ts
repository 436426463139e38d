// Every page in every non-English language, as an administrator and as a practitioner: no text
// falls back to English. Two checks per page: no marked fallback (i18n keys and node texts without
// a translation are wrapped in .fallback), and none of the English interface sentences of en.json
// appears in the visible text outside elements marked lang="en" (treaty titles, article texts and
// other data that has no translation in the data). The legal-basis engine's reasons and conditions
// to confirm are not excused: they are worded from their codes, and one without a key is a marked
// fallback. Screenshots in e2e/artifacts/plain-language/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { type ApiClient, makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import { nodeAndBrowser, signedInAdmin, signIn, watchPage } from './browser.ts';
import { pngImage, uploadEvidence } from './evidence.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 e2e';
export const SWEPT_LANGUAGES = ['fr', 'es', 'ar', 'ru', 'zh'] as const;
const shots = new URL('../artifacts/plain-language/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}
const load = (lng: string) => flatten(JSON.parse(readFileSync(new URL(`../../packages/web/src/i18n/${lng}.json`, import.meta.url), 'utf8')) as Tree);
const en = load('en');

/** English interface sentences that would betray an untranslated string: long enough to be
 * unambiguous, without placeholders, and different from the language's own text for that key. */
function englishTells(lng: string): string[] {
  const other = load(lng);
  return [...en]
    .filter(([key, text]) => text.length >= 18 && !text.includes('{{') && other.get(key) !== text)
    .map(([, text]) => text);
}

/** The page's visible text without the parts marked as English data (lang="en"). */
function textOutsideEnglishData(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const clone = document.body.cloneNode(true);
    for (const el of clone.querySelectorAll('[lang="en"]:not(.fallback), script, style, option')) el.remove();
    return clone.textContent ?? '';
  })()`);
}

async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  // Wait for the loading notices to go (the page's CSP forbids waitForFunction's eval).
  for (let i = 0; i < 300 && (await page.locator('.loading').count()) > 0; i++) await page.waitForTimeout(100);
}

/**
 * Visits every page as an administrator and as a practitioner in the given languages and fails on
 * any English fallback. One test file per language calls it (the sweep of all five in one file
 * outgrew the 15-minute limit of a test file on a loaded machine), so files run side by side.
 */
export async function sweepEveryPage(t: TestContext, languages: readonly (typeof SWEPT_LANGUAGES)[number][]): Promise<void> {
  const opened = await nodeAndBrowser(t);
  if (!opened) return;
  const { node, browser } = opened;

  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const supervisor = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
  const executor = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });

  // Some work on the node, so that lists, the request page, the timeline and notifications have content.
  const { type: _type, ...content } = exampleRequest('mla', 'DEU', executor.organisationId);
  const sent = await drafter.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
  const go = (client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) =>
    client.call('POST', `/api/v1/requests/${id}/transitions`, { action, ...extra }, 200);
  await go(drafter.client, sent.body.id, 'submit');
  await go(supervisor.client, sent.body.id, 'approve');
  await go(drafter.client, sent.body.id, 'transmit');
  const incoming = await executor.client.call<{ items: { id: string }[] }>('GET', '/api/v1/requests?side=requested', undefined, 200);
  const incomingId = incoming.body.items[0]?.id as string;
  await go(executor.client, incomingId, 'receive');
  await go(executor.client, incomingId, 'start-execution');
  await go(executor.client, incomingId, 'request-more-info', { reason: 'Date of birth of the account holder.' });
  const draft = await drafter.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', title: 'Bribery of officials' }, 201);
  // A case with its team and the sent request, for the case pages.
  const theCase = await drafter.client.call<{ id: string }>('POST', '/api/v1/cases', { title: 'Harbour works', offences: ['corruption'], description: 'Kickbacks' }, 201);
  await drafter.client.call('POST', `/api/v1/cases/${theCase.body.id}/members`, { userId: supervisor.userId }, 200);
  await drafter.client.call('POST', `/api/v1/cases/${theCase.body.id}/requests`, { requestId: sent.body.id }, 200);
  const evidenceItem = await uploadEvidence(drafter.client, { title: 'Photograph of the ledger', requestId: sent.body.id, filename: 'ledger.png' }, pngImage(64, 48));

  // With the instruments that do not apply, so that their reasons are on the page too.
  const finder = '/legal-basis?requesting=FRA&requested=BRA&type=mla&offence=corruption&all=true';
  const common = ['/', finder, '/instruments', '/instruments/UNTOC', '/countries/BRA', '/account', '/directory', '/notifications', '/requests'];
  const roles = [
    {
      name: 'admin',
      email: node.admin.email,
      password: ADMIN_PASSWORD,
      pages: [
        ...common,
        '/admin/organisations',
        '/admin/users',
        '/admin/audit',
        '/admin/knowledge',
        '/admin/facts',
        '/admin/peers',
        '/admin/cultural-federation',
        '/admin/hit-offers',
        '/admin/authorities',
      ],
    },
    {
      name: 'practitioner',
      email: drafter.email,
      password: drafter.password,
      pages: [
        ...common,
        `/requests/${sent.body.id}`,
        `/requests/${draft.body.id}/edit`,
        '/requests/new',
        '/requests/approvals',
        '/requests/statistics',
        '/cases',
        '/cases/new',
        `/cases/${theCase.body.id}`,
        // web capture form (evidence/capture)
        `/evidence/capture?requestId=${sent.body.id}`,
        // an evidence item's page (evidence/vault)
        `/evidence/items/${evidenceItem}`,
        '/statistics',
        '/consents',
        '/hits',
        '/entities/search',
        '/policy/denials',
        '/seizures',
        '/seizures/import',
        '/seizures/map',
        '/incidents',
        '/cultural-property',
        '/cultural-property/new',
        '/cultural-property/checks',
        '/cultural-property/check',
      ],
    },
  ];

  for (const role of roles) {
    await t.test(`as ${role.name}`, async () => {
      const page = await signIn(browser, node.url, role.email, role.password);
      const watch = watchPage(page, node.url);
      const problems: string[] = [];
      for (const lng of languages) {
        const tells = englishTells(lng);
        await page.evaluate(`window.localStorage.setItem('comity.language', '${lng}')`);
        for (const path of role.pages) {
          await page.goto(`${node.url}${path}`);
          await settle(page);
          const lang = await page.evaluate<string>('document.documentElement.lang');
          if (lang !== lng) problems.push(`${lng} ${path}: the page is in ${lang}`);
          for (const fallback of await page.locator('.fallback').allTextContents()) problems.push(`${lng} ${path}: fallback "${fallback.slice(0, 100)}"`);
          if (path === finder) {
            // The engine's sentences are on the page and none of them is English data.
            const worded = await page.locator('.basis-card .reasons li, .basis-card .questions li').count();
            const english = await page.locator('.basis-card .reasons [lang="en"], .basis-card .questions [lang="en"], .basis-card .why-unknown [lang="en"]').count();
            if (worded < 10 || english > 0) problems.push(`${lng} ${path}: ${worded} reasons and conditions, ${english} of them in English`);
          }
          const text = await textOutsideEnglishData(page);
          for (const english of tells) if (text.includes(english)) problems.push(`${lng} ${path}: English "${english.slice(0, 100)}"`);
        }
        await page.goto(`${node.url}${role.name === 'admin' ? finder : `/requests/${sent.body.id}`}`);
        await settle(page);
        await page.setViewportSize({ width: 1366, height: 900 });
        await page.screenshot({ path: `${shots}sweep-${role.name}-${lng}-1366.png` });
      }
      await page.close();
      assert.deepEqual(problems, [], `untranslated text:\n${problems.join('\n')}`);
      assert.deepEqual(watch.errors, []);
    });
  }
}
