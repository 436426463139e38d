// The legal-basis finder in a real browser, without signing in: pick two States in French, read the
// headline, see the UNCAC card open with an article citation and the unknown answers folded under
// one line, then switch to Arabic and check the page is right-to-left with the same headline.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
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
  // The headline is read first: the best basis, both States with the year they became bound.
  assert.equal(
    (await page.locator('.results p.headline').textContent()) ?? '',
    'Meilleure base : UNCAC art. 46 — les deux États sont parties (France depuis 2005, Brésil depuis 2005)',
  );
  // UNCAC is the first card; the answers of unknown status are folded under one line.
  assert.equal(await page.locator('.results article.basis-card').first().getAttribute('data-instrument'), 'UNCAC');
  const group = page.locator('details.unknown-group');
  const summary = (await group.locator(':scope > summary').textContent()) ?? '';
  const folded = await group.locator('article.basis-card').count();
  assert.ok(folded >= 2, `${folded} folded cards`);
  assert.equal(summary, `${folded} autres au statut inconnu`);
  assert.equal(await group.locator('article.basis-card').first().isVisible(), false, 'unknown cards start collapsed');
  await group.locator(':scope > summary').click();
  const why = (await group.locator('.why-unknown').first().textContent()) ?? '';
  assert.match(why, /^Pourquoi inconnu : \S/);
  // The engine's reasons are worded in French from their codes, not shown in English.
  assert.doesNotMatch(why, /\b(is|the|party list|unknown)\b/, `why unknown: ${why}`);
  await uncac.locator('details.reasons > summary').click();
  const reasons = await uncac.locator('details.reasons li').allTextContents();
  assert.ok(reasons.some((r) => /^France est partie à \u2068?UNCAC/.test(r)), `UNCAC reasons: ${reasons.join(' | ')}`);
  assert.equal(await uncac.locator('details.reasons [lang="en"]').count(), 0, 'no reason left in English');
  // Status of both States is stated, with the data's as-of date for the whole answer.
  assert.equal(await uncac.locator('.status').count(), 2);
  assert.match((await page.locator('.results > p.meta').textContent()) ?? '', /Données à jour au/);

  // The article text opens in place.
  await uncac.locator('details.article summary').first().click();
  await uncac.locator('.article-text, .article .muted').first().waitFor();

  await shoot(page, 'fr');

  await page.selectOption('#language', 'ar');
  assert.deepEqual(await htmlDirection(page), { dir: 'rtl', lang: 'ar' });
  assert.equal(await page.inputValue('#requested'), 'البرازيل');
  assert.ok(await uncac.isVisible(), 'the answer stays on screen after switching language');
  const headlineAr = (await page.locator('.results p.headline').textContent()) ?? '';
  // The citation is in Arabic too (المادة, not the English art.).
  assert.equal(headlineAr, 'أفضل أساس: UNCAC المادة 46 — الدولتان طرفان (فرنسا منذ 2005، البرازيل منذ 2005)');
  // Arabic has six plural forms; the folded count uses the one its grammar needs (3–10: "few").
  const summaryAr = (await page.locator('details.unknown-group > summary').textContent()) ?? '';
  const expected = folded >= 3 && folded <= 10 ? `${folded} صكوك أخرى وضعها غير معروف` : undefined;
  if (expected) assert.equal(summaryAr, expected);
  else assert.match(summaryAr, /غير معروف/);

  const reasonsAr = await uncac.locator('details.reasons li').allTextContents();
  assert.ok(reasonsAr.length > 0 && reasonsAr.every((r) => /[\u0600-\u06FF]/.test(r)), `UNCAC reasons in Arabic: ${reasonsAr.join(' | ')}`);

  await shoot(page, 'ar');

  assert.deepEqual(watch.errors, [], 'uncaught errors in the page');
  assert.deepEqual(watch.foreignRequests, [], 'the UI must not request anything outside the node');
});

/** Screenshots for a person to look at (e2e/artifacts/finder/), at 1366 px and at phone width. */
async function shoot(page: Page, lang: string): Promise<void> {
  const dir = join(import.meta.dirname, 'artifacts', 'finder');
  mkdirSync(dir, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(dir, `finder-${lang}-${width}.png`), fullPage: true });
    // What the window shows at the results, easier to read than the whole (long) page.
    await page.locator('.results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(dir, `finder-${lang}-${width}-window.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}
