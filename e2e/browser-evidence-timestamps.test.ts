// An investigator opens the time-stamps of an item in the browser: the local TSA's token is shown
// with its time, serial and "verified"; the second authority, unreachable, is "timestamp pending"
// with its next attempt. In English and Arabic (right to left) at 1366 and 390 px, and in French,
// Spanish, Russian and Chinese with no English fallback. Screenshots in e2e/artifacts/evidence-timestamps/.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { exampleRequest } from '@comity/core/requests/examples';
import { evidenceOf } from '@comity/server/evidence/evidence-capability';
import { ingestEvidence } from '@comity/server/evidence/evidence-service';
import { startNode } from '@comity/server';
import { makeTestPki, startLocalTsa, unreachableUrl } from '@comity/server/testing/local-tsa';
import { makeUser } from '@comity/server/testing/test-node';
import { browserUnavailable, launchBrowser, signedInAdmin, signIn, useLanguage } from './support/browser.ts';
import { ensureWebBuild, webDir } from './support/test-node.ts';

const shots = new URL('./artifacts/evidence-timestamps/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });
const text = async (l: Locator): Promise<string> => (await l.textContent()) ?? '';
const catalogue = (lng: string) => JSON.parse(readFileSync(new URL(`../packages/web/src/i18n/${lng}.json`, import.meta.url), 'utf8')).timestamps as Record<string, string | Record<string, string>>;

test('the time-stamps of an item: verified token and pending authority, six languages', async (t) => {
  const unavailable = browserUnavailable();
  if (unavailable) return t.skip(unavailable);
  await ensureWebBuild();
  const pki = await makeTestPki();
  const tsa = await startLocalTsa(pki, pki.tsa);
  const down = await unreachableUrl();
  const dataDir = mkdtempSync(join(tmpdir(), 'comity-e2e-tsa-'));
  const env = { COMITY_TSA_URLS: `${tsa.url},${down}`, COMITY_TSA_ROOTS: pki.rootPem, COMITY_TSA_RETRY_SECONDS: '600', COMITY_TSA_SCAN_SECONDS: '1' };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const node = await startNode({ port: 0, host: '127.0.0.1', dataDir, webDir, log: false, announce: () => {} }).finally(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await node.close();
    await tsa.close();
    pki.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const admin = await signedInAdmin({ url: node.url, admin: node.admin as { email: string; oneTimePassword: string } }, 'correct horse battery node 4 e2e');
  const investigator = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Office anti-cybercriminalité' });
  const { type: _type, ...content } = exampleRequest('mla', 'DEU');
  const request = await investigator.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
  const ev = evidenceOf(node.deps);
  assert.ok(ev);
  const item = await ingestEvidence(
    ev,
    { actor: { userId: investigator.userId, email: investigator.email, role: 'practitioner', organisationId: investigator.organisationId, mustChangePassword: false, via: 'session' }, requestId: null },
    { owner: { requestId: request.body.id }, title: 'Forum post, 12 March', source: { kind: 'uploaded' }, body: Readable.from([Buffer.from('the post as seized')]) },
  );
  // The job asks both authorities: one grants, the other cannot be reached.
  for (let i = 0; i < 200; i++) {
    const list = await investigator.client.call<{ timestamps: { status: string; attempts: number }[] }>('GET', `/api/v1/evidence/${item.id}/timestamps`, undefined, 200);
    if (list.body.timestamps.length === 2 && list.body.timestamps.every((x) => x.attempts > 0)) break;
    await new Promise((r) => setTimeout(r, 150));
  }

  const page = await signIn(browser, node.url, investigator.email, investigator.password);
  const en = catalogue('en');
  await page.goto(`${node.url}/evidence/items/${item.id}/timestamps`);
  await page.locator('table.timestamps tbody tr').nth(1).waitFor();
  const rows = page.locator('table.timestamps tbody tr');
  const granted = rows.filter({ has: page.locator('.badge.timestamp-granted') });
  const pending = rows.filter({ has: page.locator('.badge.timestamp-pending') });
  assert.equal(await granted.count(), 1);
  assert.equal(await pending.count(), 1);
  assert.match(await text(granted), new RegExp(new URL(tsa.url).host.replaceAll('.', '\\.')));
  assert.match(await text(granted), /Test TSA/);
  assert.equal(await text(granted.locator('.badge.timestamp-verified')), (en.verifiedOk as string));
  assert.match(await text(granted.locator('time')), /\d/);
  assert.match(await text(pending), /Attempt 1; next attempt/);
  assert.match(await text(pending), new RegExp(((en.reason as Record<string, string>).unavailable ?? '').slice(0, 30).replace(/[.;]/g, '.')));
  // The heading's summary: some authority granted.
  assert.equal(await text(page.locator('#timestamps-title .badge')), (en.summary as Record<string, string>).granted);

  for (const [lng, dir] of [['en', 'ltr'], ['ar', 'rtl']] as const) {
    await useLanguage(page, lng, dir);
    await page.locator('#timestamps-title').waitFor();
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${shots}timestamps-${lng}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  assert.equal(await text(page.locator('h1')), catalogue('ar').pageTitle);

  for (const lng of ['fr', 'es', 'ru', 'zh']) {
    await useLanguage(page, lng, 'ltr');
    const c = catalogue(lng);
    await page.locator('h1', { hasText: c.pageTitle as string }).waitFor();
    assert.equal(await page.locator('main .fallback').count(), 0, `${lng}: no English fallback`);
    assert.equal(await text(page.locator('#timestamps-title .badge')), (c.summary as Record<string, string>).granted, lng);
    assert.equal(await text(page.locator('.badge.timestamp-verified')), c.verifiedOk, lng);
    const shown = await text(page.locator('main'));
    for (const english of [en.intro, en.title, (en.reason as Record<string, string>).unavailable] as string[]) assert.ok(!shown.includes(english), `${lng}: "${english}" is English`);
  }
});
