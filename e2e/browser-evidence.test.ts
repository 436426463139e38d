// Evidence in the browser: a practitioner uploads a picture to a request from its page — in 8 MiB
// tus chunks (the web client's CHUNK_BYTES) with a progress bar, a chunk lost on the network, then resumed from the node's offset —
// sees it listed with its type, size and SHA-256, is told plainly when a file is over the node's
// limit (nothing stored), opens the item (the picture shown, full SHA-256, custody timeline with the
// chain verified); a supervisor seals it; the practitioner's download is refused until another
// supervisor approves it (the practitioner picks that supervisor, who is notified), then served
// with the same SHA-256; a text item is shown as text and a
// working copy of it is made.
// Screenshots at 1366 and 390 px in English and Arabic go to e2e/artifacts/evidence/.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { makeUser } from '@comity/server/testing/test-node';
import { nodeAndBrowser, signedInAdmin, signIn, useLanguage, watchPage } from './support/browser.ts';
import { pngImage, uploadEvidence } from './support/evidence.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 evidence';
const LIMIT = 24 * 1024 * 1024;
// Read by the node when it starts, in this test's own process.
process.env.COMITY_EVIDENCE_MAX_BYTES = String(LIMIT);
const shots = new URL('./artifacts/evidence/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

test('evidence: upload with progress and resume, the item page, seal and four-eyes download', async (t) => {
  const opened = await nodeAndBrowser(t);
  if (!opened) return;
  const { node, browser } = opened;
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const practitioner = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Office central anticorruption' });
  const supervisor = await makeUser(admin, { role: 'supervisor', organisationId: practitioner.organisationId });
  const supervisor2 = await makeUser(admin, { role: 'supervisor', organisationId: practitioner.organisationId });
  const { type: _type, ...content } = exampleRequest('mla', 'DEU');
  const request = await practitioner.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
  const requestId = request.body.id;

  // A real picture followed by padding (ignored by decoders): 20 MiB, so three chunks of 8 MiB.
  const picture = pngImage(320, 200);
  const bytes = Buffer.concat([picture, randomBytes(20 * 1024 * 1024 - picture.length)]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const page = await signIn(browser, node.url, practitioner.email, practitioner.password, { acceptDownloads: true });
  const watch = watchPage(page, node.url);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${node.url}/requests/${requestId}`);
  const section = page.locator('section[aria-labelledby="request-evidence-title"]');
  await section.getByText('No evidence items yet.').waitFor();

  // The progress bar as each chunk leaves; the second chunk is lost once on the network.
  const seen: number[] = [];
  let patches = 0;
  await page.route('**/api/v1/evidence/uploads/*', async (route) => {
    if (route.request().method() !== 'PATCH') return route.continue();
    patches++;
    seen.push(Number(await page.locator('#request-evidence-progress').getAttribute('value')));
    if (patches === 2) return route.abort('connectionreset');
    return route.continue();
  });
  await page.setInputFiles('#request-evidence-file', { name: 'scene.png', mimeType: 'image/png', buffer: bytes });
  await page.fill('#request-evidence-item-title', 'Photograph of the ledger');
  await section.getByRole('button', { name: 'Upload', exact: true }).click();
  const resume = section.getByRole('button', { name: 'Resume the upload' });
  await resume.waitFor();
  assert.equal(await page.locator('#request-evidence-progress').getAttribute('value'), '40', 'the bar stays where the node is: 8 MiB of 20');
  assert.ok(await section.getByText('What the node already received is kept').isVisible());
  await page.screenshot({ path: `${shots}upload-interrupted-en-1366.png`, fullPage: true });
  await resume.click();
  await section.getByText('The item is stored and its custody log has begun.').waitFor();
  assert.deepEqual(seen, [0, 40, 40, 80], 'one chunk at a time, from the offset the node reported');
  assert.equal(await page.locator('#request-evidence-progress').getAttribute('value'), '100');
  await page.unroute('**/api/v1/evidence/uploads/*');

  // Listed with its detected type, size, short hash, marking and custody count.
  const row = section.locator('tbody tr', { hasText: 'Photograph of the ledger' });
  await row.waitFor();
  const cells = await row.locator('td').allInnerTexts();
  assert.equal(cells[1], 'image/png');
  assert.equal(cells[2], '20 MB');
  assert.equal(cells[3], `${sha256.slice(0, 12)}…`);
  assert.ok(Number(cells[6]) >= 2, `acquired and hashed at least: ${cells[6]}`);

  // Over the node's limit: said in words, and nothing new in the list.
  await page.setInputFiles('#request-evidence-file', { name: 'too-big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(LIMIT + 1) });
  await page.fill('#request-evidence-item-title', 'Disk image');
  await section.getByRole('button', { name: 'Upload', exact: true }).click();
  await section.getByText('This file is larger than the node accepts (at most 24 MB). Nothing was stored.').waitFor();
  assert.equal(await section.locator('tbody tr').count(), 1);
  await page.screenshot({ path: `${shots}request-evidence-en-1366.png`, fullPage: true });

  // The item page: the picture, the full hash, the custody timeline and its verdict.
  await row.getByRole('link', { name: 'Photograph of the ledger' }).click();
  await page.locator('main h1', { hasText: 'Photograph of the ledger' }).waitFor();
  const itemUrl = page.url();
  const img = page.locator('img.evidence-preview-image');
  await img.waitFor();
  const decodedWidth = () => page.evaluate<number>("document.querySelector('img.evidence-preview-image').naturalWidth");
  for (let i = 0; i < 50 && (await decodedWidth()) === 0; i++) await page.waitForTimeout(100);
  assert.equal(await decodedWidth(), 320, 'the browser decoded the picture served by the node');
  assert.ok(await page.getByText(sha256, { exact: true }).isVisible());
  await page.getByText('Chain verified').waitFor();
  const kinds = await page.locator('.custody-timeline .custody-kind').allInnerTexts();
  assert.deepEqual(kinds.slice(0, 2), ['Acquired', 'Hashed']);
  await page.screenshot({ path: `${shots}item-en-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}item-en-390.png`, fullPage: true });
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  assert.ok(width <= 390, `nothing pushed off a phone screen (${width})`);
  await useLanguage(page, 'ar', 'rtl');
  await page.getByText('تم التحقق من السلسلة').waitFor();
  await page.screenshot({ path: `${shots}item-ar-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `${shots}item-ar-1366.png`, fullPage: true });
  await page.goto(`${node.url}/requests/${requestId}`);
  await section.locator('tbody tr').first().waitFor();
  await page.screenshot({ path: `${shots}request-evidence-ar-1366.png`, fullPage: true });
  await useLanguage(page, 'en', 'ltr');

  // A supervisor seals it.
  const sup = await signIn(browser, node.url, supervisor.email, supervisor.password);
  await sup.goto(itemUrl);
  await sup.getByRole('button', { name: 'Seal', exact: true }).click();
  await sup.getByText('The item is sealed.').waitFor();
  await sup.locator('.custody-timeline .custody-kind', { hasText: 'Sealed' }).waitFor();
  assert.ok(await sup.getByRole('button', { name: 'Lift the seal' }).isVisible());

  // The practitioner's download waits for a supervisor's approval.
  await page.goto(itemUrl);
  await page.getByText('This item is sealed: each download needs').waitFor();
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await page.getByText('This item is sealed: ask a supervisor below to approve your download.').waitFor();

  // The practitioner picks who approves (the organisation's two supervisors are offered, never
  // the practitioner) and says why.
  const options = await page.locator('#evidence-ask-approver option').allTextContents();
  assert.equal(options.length, 3, options.join(' | '));
  assert.ok(options.some((o) => o.includes(supervisor2.email)) && options.some((o) => o.includes(supervisor.email)));
  assert.ok(!options.some((o) => o.includes(practitioner.email)));
  await page.selectOption('#evidence-ask-approver', supervisor2.userId);
  await page.fill('#evidence-ask-reason', 'Expert report on the ledger');
  await page.getByRole('button', { name: 'Ask for approval' }).click();
  await page.getByText(/Your request was sent to/).waitFor();
  await page.getByTestId('download-request-pending').waitFor();
  await page.screenshot({ path: `${shots}item-sealed-requested-en-1366.png`, fullPage: true });

  // The other supervisor was not asked: the request shows as waiting, with nothing to approve.
  await sup.reload();
  await sup.getByTestId('download-request-pending').waitFor();
  assert.equal(await sup.getByTestId('download-request-for-me').count(), 0);

  // The chosen supervisor is notified, opens the item from the notification and approves.
  const sup2 = await signIn(browser, node.url, supervisor2.email, supervisor2.password);
  await sup2.goto(`${node.url}/notifications`);
  const note = sup2.locator('.notifications li', { hasText: 'asks you to approve a download of the sealed evidence item' });
  await note.waitFor();
  assert.match((await note.textContent()) ?? '', new RegExp(`${practitioner.email.replace(/[.]/g, '\\.')}.*Reason: .?Expert report on the ledger`));
  await note.getByRole('link', { name: 'Open the evidence item' }).click();
  await sup2.waitForURL(itemUrl);
  const asked = sup2.getByTestId('download-request-for-me');
  await asked.getByText('asks you to approve one download').waitFor();
  assert.equal((await asked.locator('p').first().textContent())?.replace(/[\u2068\u2069]/g, '').startsWith(`${practitioner.email} asks you to approve one download: Expert report on the ledger`), true);
  await asked.getByLabel('Your reason for approving').fill('Expert named by the court');
  await asked.getByRole('button', { name: 'Approve one download' }).click();
  await sup2.getByText('The download is approved once for that user.').waitFor();
  // Answered: no longer waiting for anyone.
  await sup2.getByTestId('download-request-for-me').waitFor({ state: 'detached' });
  await sup2.screenshot({ path: `${shots}item-approved-en-1366.png`, fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'scene.png');
  const got = readFileSync(await download.path());
  assert.equal(createHash('sha256').update(got).digest('hex'), sha256, 'the same bytes as uploaded');
  await page.getByText('Downloaded; the custody log records it.').waitFor();
  await page.reload();
  await page.locator('.custody-timeline .custody-kind', { hasText: 'Download approved' }).waitFor();
  const after = await page.locator('.custody-timeline .custody-kind').allInnerTexts();
  for (const kind of ['Sealed', 'Download requested', 'Download approved', 'Downloaded']) assert.ok(after.includes(kind), `${kind} in ${after.join(', ')}`);

  // A text item is shown as text.
  const textId = await uploadEvidence(practitioner.client, { title: 'Chat export', requestId, filename: 'chat.txt' }, Buffer.from('12:01 A: the money is in the second account\n12:02 B: ok\n', 'utf8'));
  await page.goto(`${node.url}/evidence/items/${textId}`);
  await page.locator('pre.evidence-preview-text', { hasText: 'the money is in the second account' }).waitFor();

  // A working copy of it: a new item pointing at its original, which is left as it was.
  await page.getByRole('button', { name: 'Make a working copy' }).click();
  await page.getByText('The working copy is made; the original is unchanged.').waitFor();
  await page.getByRole('link', { name: 'Open it' }).click();
  await page.getByRole('link', { name: 'The original item' }).waitFor();
  assert.ok(await page.locator('main .badge', { hasText: 'Working copy' }).isVisible());
  assert.notEqual(page.url(), `${node.url}/evidence/items/${textId}`);
  await page.locator('pre.evidence-preview-text', { hasText: 'the money is in the second account' }).waitFor();

  // Another organisation's reader meets a not-found page, not the item.
  const outsider = await makeUser(admin, { role: 'supervisor', country: 'ITA', orgName: 'Procura della Repubblica' });
  const other = await signIn(browser, node.url, outsider.email, outsider.password);
  await other.goto(itemUrl);
  await other.locator('main [role="alert"]').waitFor();
  assert.equal(await other.locator('img.evidence-preview-image').count(), 0);

  assert.deepEqual(watch.errors, []);
  assert.deepEqual(watch.foreignRequests, []);
});
