// The evidence vault from end to end, in a real browser against a real node: from a case, an
// investigator captures two pages of a local web server, follows the live progress to "Finished",
// opens a captured item from the result links, builds the item's court package and then the
// case's with the package buttons, and `comity evidence verify --json` (the real CLI, in its own
// process) says VERIFIED with the item count; the same ZIP with one byte of an evidence file
// changed is NOT VERIFIED, naming the file. Screenshots of the item and case pages at 1366 and
// 390 px in English and Arabic go to e2e/artifacts/evidence-flow/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readZipToc } from '@comity/core';
import { makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import { nodeAndBrowser, signedInAdmin, signIn, useLanguage, watchPage } from './support/browser.ts';
import { pngImage } from './support/evidence.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 e2e';
const REPO = new URL('..', import.meta.url).pathname;
const shots = new URL('./artifacts/evidence-flow/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

interface Report {
  ok: boolean;
  items: { id: string; title: string; ok: boolean }[];
  problems: { code: string; path?: string }[];
}

/** `comity evidence verify <zip> --json` as a shell runs it: exit code and the parsed report. */
function verify(zip: string): { code: number; report: Report; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'packages/cli/src/main.ts'), 'evidence', 'verify', zip, '--json'], {
    encoding: 'utf8',
    cwd: REPO,
    env: { ...process.env, COMITY_DATA_DIR: undefined },
  });
  return { code: r.status ?? -1, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

/** Clicks a package button and saves the ZIP the node streams. */
async function buildPackage(page: Page, path: string): Promise<void> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('evidence-package-button').click()]);
  await download.saveAs(path);
  await page.getByTestId('evidence-package-started').waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `${shots}${name}-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok((await page.evaluate<number>('document.documentElement.scrollWidth')) <= 390, `${name}: no horizontal scrolling at 390 px`);
  await page.screenshot({ path: `${shots}${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('capture two pages from a case, open an item, build its court package and the case’s, verify them with the CLI, and catch one changed byte', async (t) => {
  const opened = await nodeAndBrowser(t);
  if (!opened) return;
  const { node, browser } = opened;
  const tmp = mkdtempSync(join(tmpdir(), 'comity-evidence-flow-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));

  const photo = pngImage(40, 30);
  const site = createServer((req, res) => {
    if (req.url === '/listing') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><html><head><meta charset="utf-8"><title>Listing 204</title></head><body><h1>Counterfeit watches, lot 204</h1><img src="/photo.png" width="40" height="30"></body></html>');
    }
    if (req.url === '/photo.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(photo);
    if (req.url === '/seller') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><html><head><meta charset="utf-8"><title>Seller profile</title></head><body><h1>Seller “timekeeper88”</h1><p>Member since 2024.</p></body></html>');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => site.close(() => r())));
  const base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  await admin.call('PUT', '/api/v1/evidence/capture-allowlist', { hosts: ['127.0.0.1'] }, 200);
  const investigator = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Office anti-cybercriminalité' });
  const created = await investigator.client.call<{ id: string }>('POST', '/api/v1/cases', { title: 'Counterfeit watches sold online' }, 201);
  const caseId = created.body.id;

  const page = await signIn(browser, node.url, investigator.email, investigator.password, { acceptDownloads: true });
  const watch = watchPage(page, node.url);
  await page.goto(`${node.url}/cases/${caseId}`);
  await page.getByRole('link', { name: 'Capture web pages' }).click();
  await page.getByRole('heading', { level: 1, name: 'Capture web pages' }).waitFor();
  await page.fill('#capture-urls', `${base}/listing\n${base}/seller`);
  await page.getByRole('button', { name: 'Capture', exact: true }).click();
  // The progress appears, then live events carry it to the end (no reload).
  await page.locator('.capture-progress').waitFor();
  await page.getByText('Finished: 2 captured, 0 failed.').waitFor({ timeout: 180_000 });
  const rows = page.locator('.capture-url');
  assert.equal(await rows.count(), 2);
  for (const i of [0, 1]) assert.equal(await rows.nth(i).locator('.badge').textContent(), 'Captured');
  await shoot(page, 'capture-en');

  // Open the screenshot of the first page from its result link.
  await rows.nth(0).locator('.capture-items a', { hasText: 'Screenshot' }).click();
  await page.waitForURL(/\/evidence\/items\/[0-9a-f-]{36}$/);
  const itemId = page.url().split('/').at(-1) as string;
  await page.getByRole('heading', { level: 2, name: 'Court package' }).waitFor();
  await page.locator('.custody-timeline li').first().waitFor();
  await shoot(page, 'item-en');

  const itemZip = join(tmp, 'item.zip');
  await buildPackage(page, itemZip);
  const item = verify(itemZip);
  assert.equal(item.code, 0, item.stderr + JSON.stringify(item.report.problems));
  assert.equal(item.report.ok, true);
  assert.deepEqual(
    item.report.items.map((i) => [i.id, i.ok]),
    [[itemId, true]],
  );

  // The case's package: the five items of each of the two captured pages.
  await page.getByRole('link', { name: 'Back to the case' }).click();
  await page.getByRole('heading', { level: 2, name: 'Court package' }).waitFor();
  await page.locator('.evidence-list a').first().waitFor();
  await shoot(page, 'case-en');
  const caseZip = join(tmp, 'case.zip');
  await buildPackage(page, caseZip);
  assert.match((await page.getByTestId('evidence-package-started').textContent()) ?? '', /items: 10,/);
  const whole = verify(caseZip);
  assert.equal(whole.code, 0, whole.stderr + JSON.stringify(whole.report.problems));
  assert.equal(whole.report.ok, true);
  assert.equal(whole.report.items.length, 10);
  assert.ok(whole.report.items.every((i) => i.ok));
  assert.ok(whole.report.items.some((i) => i.id === itemId));

  // One byte of the screenshot changed inside the item's ZIP: NOT VERIFIED, naming that file.
  const bytes = readFileSync(itemZip);
  const toc = await readZipToc({ size: bytes.length, read: async (o, n) => bytes.subarray(o, o + n) });
  const file = toc.entries.find((e) => e.name.startsWith(`items/${itemId}/`) && e.name.endsWith('.png'));
  assert.ok(file, `the package holds the screenshot: ${toc.entries.map((e) => e.name).join(', ')}`);
  const at = file.dataOffset + Math.floor(file.size / 2);
  bytes[at] = (bytes[at] as number) ^ 0x01;
  const tamperedZip = join(tmp, 'item-tampered.zip');
  writeFileSync(tamperedZip, bytes);
  const tampered = verify(tamperedZip);
  assert.equal(tampered.code, 1);
  assert.equal(tampered.report.ok, false);
  assert.deepEqual(
    tampered.report.problems.map((p) => [p.code, p.path]),
    [['file_hash_mismatch', file.name]],
  );

  // The same pages in Arabic, right to left.
  await useLanguage(page, 'ar', 'rtl');
  await page.getByRole('heading', { level: 2, name: 'حزمة الأدلة للمحكمة' }).waitFor();
  await shoot(page, 'case-ar');
  await page.goto(`${node.url}/evidence/items/${itemId}`);
  await page.getByRole('heading', { level: 2, name: 'حزمة الأدلة للمحكمة' }).waitFor();
  await page.locator('.custody-timeline li').first().waitFor();
  await shoot(page, 'item-ar');
  await page.goto(`${node.url}/evidence/capture?caseId=${caseId}`);
  await page.locator('.capture-progress').waitFor();
  await shoot(page, 'capture-ar');

  assert.deepEqual(watch.errors, []);
  assert.deepEqual(watch.foreignRequests, []);
});
