// The knowledge administration page in a real browser: import a UN Treaty Collection file as a new
// version, see a malformed file refused with its file name and line, add a bilateral treaty with
// its source and note, find it first in the finder, and read the page in Arabic (right-to-left).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { htmlDirection, nodeAndBrowser, watchPage } from './support/browser.ts';

const root = new URL('..', import.meta.url).pathname;

test('knowledge administration: import, refuse a malformed file, add a bilateral treaty, use it in the finder', async (t) => {
  const opened = await nodeAndBrowser(t);
  if (!opened) return;
  const { node, browser } = opened;
  const page = await browser.newPage({ locale: 'en-GB' });
  const watch = watchPage(page, node.url);

  // First sign-in: the one-time password must be replaced before anything else.
  await page.goto(`${node.url}/sign-in`);
  await page.fill('#email', node.admin.email);
  await page.fill('#password', node.admin.oneTimePassword);
  await page.click('form button[type=submit]');
  await page.locator('#change-title').waitFor();
  const password = 'a long new password 4 knowledge';
  await page.fill('#first-new', password);
  await page.fill('#first-confirm', password);
  await page.click('form button[type=submit]');
  await page.locator('a[href="/admin/knowledge"]').click();
  await page.locator('h1', { hasText: 'Knowledge base' }).waitFor();
  await page.locator('section[aria-labelledby="kn-versions"] tbody tr').first().waitFor();
  assert.match((await page.locator('section[aria-labelledby="kn-versions"] tbody').textContent()) ?? '', /shipped snapshot/);

  // Import the 2018 MTDSG file of the Trafficking in Persons Protocol.
  await page.setInputFiles('#kn-file', join(root, 'data/untc-2018/xml/XVIII-12-a.en.xml'));
  await page.fill('#kn-asof', '2018-01-15');
  await page.click('section[aria-labelledby="kn-import"] button[type=submit]');
  const notice = page.locator('section[aria-labelledby="kn-import"] [role=status]');
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? '', /Imported as version 2\. UNTOC-TIP: 175 participations, 173 with consent/);
  await page.locator('section[aria-labelledby="kn-versions"] tbody tr').nth(1).waitFor();

  // A malformed file is refused, naming the file and the line.
  await page.setInputFiles('#kn-file', {
    name: 'broken.en.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from('<?xml version="1.0"?>\n<Document>\n  <Treaty>\n    <Header></Treaty>\n</Document>\n'),
  });
  await page.click('section[aria-labelledby="kn-import"] button[type=submit]');
  const refused = page.locator('section[aria-labelledby="kn-import"] [role=alert]');
  await refused.waitFor();
  assert.match((await refused.textContent()) ?? '', /broken\.en\.xml:4/);
  assert.equal(await page.locator('section[aria-labelledby="kn-versions"] tbody tr').count(), 2, 'no version was made');

  // A bilateral treaty, with its source and note.
  await page.fill('#bt-state-a', 'France');
  await page.getByRole('option', { name: /^France/ }).click();
  await page.fill('#bt-state-b', 'Brazil');
  await page.getByRole('option', { name: /^Brazil/ }).click();
  await page.fill('#bt-title', 'Agreement between France and Brazil on mutual legal assistance in criminal matters');
  await page.fill('#bt-adopted', '1996-05-28');
  await page.fill('#bt-eif', '1998-09-01');
  await page.check('#bt-type-mla');
  await page.fill('#bt-articles-mla', '1');
  await page.fill('#bt-articles', '1 | Obligation to assist');
  await page.fill('#bt-source', 'Decree 3.324 of 1999-12-30');
  await page.fill('#bt-note', 'in force, not in the shipped data');
  await page.click('section[aria-labelledby="kn-bilateral"] button[type=submit]');
  await page.locator('section[aria-labelledby="kn-bilateral"] [role=status]').waitFor();
  await page.locator('section[aria-labelledby="kn-curations"] tbody tr', { hasText: 'FRA-BRA-MLA-1996' }).waitFor();

  // The finder puts the bilateral treaty first, with its article.
  await page.goto(`${node.url}/legal-basis?requesting=FRA&requested=BRA&type=mla&offence=corruption&date=2024-01-01`);
  const first = page.locator('article.basis-card').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-instrument'), 'FRA-BRA-MLA-1996');
  assert.deepEqual(await first.locator('.citation').allTextContents(), ['Art. 1']);
  assert.match((await first.locator('.badge').textContent()) ?? '', /Applicable/i);

  await page.goto(`${node.url}/admin/knowledge`);
  await page.selectOption('#language', 'ar');
  assert.deepEqual(await htmlDirection(page), { dir: 'rtl', lang: 'ar' });
  assert.equal((await page.locator('h1').textContent()) ?? '', 'قاعدة المعارف');

  assert.deepEqual(watch.errors, [], 'uncaught errors in the page');
  assert.deepEqual(watch.foreignRequests, [], 'the UI must not request anything outside the node');
});
