// The legal-basis finder in a real browser, without signing in: pick two States in French, see a card
// with an article citation, then switch to Arabic and check the page is right-to-left.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlDirection, nodeAndBrowser, watchPage } from './support/browser.ts';

test('finder: France → Brazil, MLA, corruption, in French then Arabic', async (t) => {
  const opened = await nodeAndBrowser(t);
  if (!opened) return;
  const { node, browser } = opened;
  // Say plainly when the node lacks the knowledge API, rather than timing out in the page.
  const probe = await fetch(`${node.url}/api/v1/countries`);
  assert.equal(probe.status, 200, 'GET /api/v1/countries must answer for the finder to work');

  const page = await browser.newPage({ locale: 'en-GB' });
  const watch = watchPage(page, node.url);

  await page.goto(`${node.url}/legal-basis`);
  await page.selectOption('#language', 'fr');
  assert.deepEqual(await htmlDirection(page), { dir: 'ltr', lang: 'fr' });
  assert.equal((await page.locator('h1').textContent()) ?? '', 'Recherche de base juridique');

  // Type-ahead searches names in the user's language: "Brés" only finds Brazil by its French name.
  await page.fill('#requesting', 'Fran');
  await page.getByRole('option', { name: /^France/ }).click();
  await page.fill('#requested', 'Brés');
  await page.getByRole('option', { name: /^Brésil/ }).click();
  assert.equal(await page.inputValue('#requested'), 'Brésil');

  await page.selectOption('#type', 'mla');
  await page.selectOption('#offence', 'corruption');
  assert.equal((await page.locator('#offence option:checked').textContent()) ?? '', 'Corruption');
  await page.click('.finder-form button[type=submit]');

  const url = new URL(page.url());
  assert.equal(url.searchParams.get('requesting'), 'FRA');
  assert.equal(url.searchParams.get('requested'), 'BRA');

  const uncac = page.locator('article.basis-card[data-instrument="UNCAC"]');
  await uncac.waitFor({ timeout: 30_000 });
  const citations = await uncac.locator('.citation').allTextContents();
  assert.ok(citations.includes('Art. 46'), `UNCAC card cites ${citations.join(', ')}`);
  // Status of both States is stated, with the data's as-of date for the whole answer.
  assert.equal(await uncac.locator('.status').count(), 2);
  assert.match((await page.locator('.results > p.meta').textContent()) ?? '', /Données à jour au/);

  // The article text opens in place.
  await uncac.locator('details.article summary').first().click();
  await uncac.locator('.article-text, .article .muted').first().waitFor();

  await page.selectOption('#language', 'ar');
  assert.deepEqual(await htmlDirection(page), { dir: 'rtl', lang: 'ar' });
  assert.equal(await page.inputValue('#requested'), 'البرازيل');
  assert.ok(await uncac.isVisible(), 'the answer stays on screen after switching language');

  assert.deepEqual(watch.errors, [], 'uncaught errors in the page');
  assert.deepEqual(watch.foreignRequests, [], 'the UI must not request anything outside the node');
});
