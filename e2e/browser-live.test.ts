// Live updates and execution with evidence, in a real browser against two real nodes, Paris and
// Berlin, that trust each other. A practitioner in Paris keeps her request open; when Berlin asks
// for more information, the page (state, timeline) and the header's unread badge change without a
// reload. She answers in the form made for it. Berlin records full execution in its form with a PDF
// attached; the PDF travels back over federation as an evidence item and appears in Paris's
// timeline, still without a reload, linked to the item, which downloads with the same bytes. Screenshots at 1366 and 390 px, English and Arabic.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { type ApiClient, makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import { browserUnavailable, htmlDirection, launchBrowser, signedInAdmin, signIn, watchPage } from './support/browser.ts';
import { startTestNode } from './support/test-node.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 e2e';
const artifacts = join(new URL('.', import.meta.url).pathname, 'artifacts', 'live');

async function adminOf(node: { url: string; admin: { email: string; oneTimePassword: string } }): Promise<ApiClient> {
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  return admin;
}

async function trust(a: ApiClient, b: ApiClient): Promise<void> {
  const card = (await b.call('GET', '/federation/v1/card', undefined, 200)).body;
  const preview = await a.call<{ signingFingerprint: string }>('POST', '/api/v1/peers/preview', { card }, 200);
  await a.call('POST', '/api/v1/peers', { card, confirmFingerprint: preview.body.signingFingerprint }, 201);
}

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A mark set in the page: still there later means the page was not reloaded meanwhile. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate('window.__comityNotReloaded = true');
}
async function notReloaded(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('window.__comityNotReloaded === true');
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const lang of ['en', 'ar'] as const) {
    await page.selectOption('#language', lang);
    await page.waitForFunction(`document.documentElement.lang === '${lang}'`);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(artifacts, `${name}-${lang}-${width}.png`), fullPage: true });
    }
  }
  await page.selectOption('#language', 'en');
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('live updates across two nodes, and execution returned with a PDF', async (t) => {
  const reason = browserUnavailable();
  if (reason) return t.skip(reason);
  mkdirSync(artifacts, { recursive: true });
  const paris = await startTestNode();
  const berlin = await startTestNode();
  const browser = await launchBrowser();
  const workDir = mkdtempSync(join(tmpdir(), 'comity-e2e-live-'));
  t.after(async () => {
    await browser.close();
    await paris.close();
    await berlin.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  const admin = await adminOf(paris);
  const berlinAdmin = await adminOf(berlin);
  const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const supervisor = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
  const german = await makeUser(berlinAdmin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
  await admin.call('PUT', '/api/v1/federation/profile', { organisationId: drafter.organisationId }, 200);
  await berlinAdmin.call('PUT', '/api/v1/federation/profile', { organisationId: german.organisationId }, 200);
  await trust(admin, berlinAdmin);
  await trust(berlinAdmin, admin);

  // The request is drafted, approved and transmitted through the API (the browser flow for that is
  // browser-requests.test.ts); this test is about what happens once it is with Berlin.
  const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'DEU', null);
  const created = await drafter.client.call<{ id: string; conversationId: string }>(
    'POST',
    '/api/v1/requests',
    { type: 'mla', ...content, title: 'Witness hearing in Berlin (Operation Meridian)', requestedNodeId: (await berlinAdmin.call<{ nodeId: string }>('GET', '/api/v1/node', undefined, 200)).body.nodeId, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } },
    201,
  );
  const id = created.body.id;
  await drafter.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'submit' }, 200);
  await supervisor.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'approve' }, 200);
  await drafter.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'transmit' }, 200);
  const incomingId = await waitUntil('the request at the Berlin node', async () => {
    const list = await german.client.call<{ items: { id: string; title: string }[] }>('GET', '/api/v1/requests?side=requested', undefined, 200);
    return list.body.items.find((i) => i.title.includes('Operation Meridian'))?.id;
  });
  await german.client.call('POST', `/api/v1/requests/${incomingId}/transitions`, { action: 'receive' }, 200);
  await german.client.call('POST', `/api/v1/requests/${incomingId}/transitions`, { action: 'start-execution' }, 200);

  const page = await signIn(browser, paris.url, drafter.email, drafter.password, { acceptDownloads: true });
  const watch = watchPage(page, paris.url);
  await page.goto(`${paris.url}/requests/${id}`);
  await page.locator('.badges .state-under-execution').waitFor({ timeout: 120_000 });
  // Reading the notifications so far leaves the badge empty; the next one must show up live.
  for (const n of (await drafter.client.call<{ items: { id: string }[] }>('GET', '/api/v1/notifications?unread=true', undefined, 200)).body.items) {
    await drafter.client.call('POST', `/api/v1/notifications/${n.id}/read`, undefined, 200);
  }
  await page.locator('.notification-link .unread-count').waitFor({ state: 'detached' });
  await markPage(page);

  await t.test("Berlin's request for more information appears on the open page and in the badge without a reload", async () => {
    await german.client.call('POST', `/api/v1/requests/${incomingId}/transitions`, { action: 'request-more-info', reason: 'Please give the witness’s current address.' }, 200);
    await page.locator('.badges .state-more-information-requested').waitFor({ timeout: 120_000 });
    await page.locator('.timeline-event.origin-counterpart', { hasText: 'current address' }).waitFor();
    await page.locator('.notification-link .unread-count', { hasText: '1' }).waitFor();
    assert.ok(await notReloaded(page), 'the page was not reloaded');
  });

  await t.test('the answer form says what it is for, and the answer goes back', async () => {
    await page.locator('.request-actions').getByRole('button', { name: 'Provide more information', exact: true }).click();
    assert.match((await page.locator('label[for=action-reason]').textContent()) ?? '', /The information you provide\s*\(required\)/);
    assert.match((await page.locator('#action-reason-hint').textContent()) ?? '', /Execution resumes/);
    await page.locator('#answer-files').waitFor();
    await page.fill('#action-reason', 'Hauptstraße 12, 10827 Berlin.');
    await page.getByRole('button', { name: 'Confirm: Provide more information' }).click();
    await page.locator('.badges .state-under-execution').waitFor();
  });

  // Berlin's practitioner records full execution in the browser, with the hearing's record as a PDF
  // (a real one, printed by Chromium).
  const maker = await browser.newPage();
  await maker.setContent('<h1>Vernehmungsprotokoll</h1><p>Zeugin gehört am 3. März 2025 in Berlin.</p>');
  const pdf = await maker.pdf({ format: 'A4' });
  await maker.close();
  const pdfPath = join(workDir, 'Vernehmungsprotokoll.pdf');
  writeFileSync(pdfPath, pdf);
  const other = await signIn(browser, berlin.url, german.email, german.password);
  const otherWatch = watchPage(other, berlin.url);

  await t.test('Berlin records full execution with the PDF attached; its form says what it is for', async () => {
    await other.goto(`${berlin.url}/requests/${incomingId}`);
    await other.locator('.badges .state-under-execution').waitFor({ timeout: 120_000 });
    const actions = other.locator('.request-actions');
    // Full and partial execution are two different actions.
    await actions.getByRole('button', { name: 'Record partial execution', exact: true }).waitFor();
    await actions.getByRole('button', { name: 'Record full execution', exact: true }).click();
    assert.match((await other.locator('#action-form .hint').first().textContent()) ?? '', /executed in full and returns the documents/);
    assert.match((await other.locator('label[for=action-reason]').textContent()) ?? '', /What was done, and what you return\s*\(optional\)/);
    assert.match((await other.locator('.answer-files legend').textContent()) ?? '', /Documents and evidence returned/);
    await other.fill('#action-reason', 'The witness was heard on 3 March 2025; the record is attached.');
    await other.setInputFiles('#answer-files', pdfPath);
    await other.locator('.chosen-files li', { hasText: 'Vernehmungsprotokoll.pdf' }).waitFor();
    await shoot(other, 'answer-form');
    await other.getByRole('button', { name: 'Confirm: Record full execution' }).click();
    await other.locator('.badges .state-executed').waitFor();
    const own = other.locator('.timeline-event', { hasText: 'Record full execution' });
    assert.match((await own.locator('.timeline-files').textContent()) ?? '', /Vernehmungsprotokoll\.pdf/);
  });

  await t.test('Paris sees the returned PDF in its timeline without a reload, and downloads the same bytes', async () => {
    const event = page.locator('.timeline-event.origin-counterpart', { hasText: 'Record full execution' });
    await event.waitFor({ timeout: 120_000 });
    await page.locator('.badges .state-executed').waitFor();
    assert.ok(await notReloaded(page), 'the page was not reloaded');
    assert.match((await event.textContent()) ?? '', /reported by the other side/);
    // Returned to another node, the file arrives as an evidence item of the request, linked from the answer.
    const returned = event.locator('.timeline-evidence');
    assert.match((await returned.textContent()) ?? '', /Vernehmungsprotokoll\.pdf/);
    await shoot(page, 'request-page');
    // The link opens the item page (its PDF preview is Chromium's viewer, which this test's
    // no-foreign-request watch would count); the bytes are read as that page's Download reads them.
    const href = (await returned.getByRole('link', { name: 'Vernehmungsprotokoll.pdf' }).getAttribute('href')) ?? '';
    const itemId = /\/evidence\/items\/([0-9a-f-]{36})$/.exec(href)?.[1];
    assert.ok(itemId, `the answer links to the evidence item (${href})`);
    const bytes = await page.evaluate(async (u) => {
      const r = await fetch(u, { credentials: 'same-origin' });
      return Array.from(new Uint8Array(await r.arrayBuffer()));
    }, `/api/v1/evidence/${itemId}/content?disposition=attachment`);
    const saved = join(workDir, 'downloaded.pdf');
    writeFileSync(saved, Buffer.from(bytes));
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    assert.equal(sha(readFileSync(saved)), sha(pdf), 'the same bytes as Berlin attached');
    assert.ok(readFileSync(saved).subarray(0, 5).toString() === '%PDF-');
    assert.deepEqual(await htmlDirection(page), { dir: 'ltr', lang: 'en' });
  });

  await t.test('in Arabic the page stays right-to-left and keeps following live', async () => {
    await page.selectOption('#language', 'ar');
    assert.deepEqual(await htmlDirection(page), { dir: 'rtl', lang: 'ar' });
    assert.match((await page.locator('.timeline-evidence .label').first().textContent()) ?? '', /عناصر الأدلة/);
    await page.selectOption('#language', 'en');
  });

  assert.deepEqual(watch.errors, [], 'uncaught errors in the Paris page');
  assert.deepEqual(otherWatch.errors, [], 'uncaught errors in the Berlin page');
  assert.deepEqual(watch.foreignRequests, [], 'the UI must not request anything outside the node');
});
