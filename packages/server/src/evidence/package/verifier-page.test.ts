// The verifier page shipped inside a court package, in Chromium, opened from file:// with every
// network request blocked: the expert chooses the ZIP and the page says VERIFIED for the package
// the node built, and NOT VERIFIED with the precise problem for a copy with one byte changed.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readZipToc } from '@comity/core';
import { testBackends } from '@comity/db/testing';
import { type Browser, chromium } from 'playwright-core';
import { buildPackageForTest, type TestPackage } from './package-testing.ts';

const CHROMIUM = process.env.COMITY_CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const tmp = mkdtempSync(join(tmpdir(), 'comity-verifier-page-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const [backend] = testBackends();

describe('the offline verifier page', { skip: !existsSync(CHROMIUM) && 'no Chromium' }, () => {
  let pkg: TestPackage;
  let browser: Browser;
  let pagePath: string;
  before(async () => {
    pkg = await buildPackageForTest(backend!);
    const toc = await readZipToc({ size: pkg.zip.length, read: async (o, n) => pkg.zip.subarray(o, o + n) });
    const e = toc.entries.find((x) => x.name === 'verifier.html');
    assert.ok(e, 'the package ships verifier.html');
    pagePath = join(tmp, 'verifier.html');
    writeFileSync(pagePath, pkg.zip.subarray(e.dataOffset, e.dataOffset + e.size));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  after(async () => {
    await browser?.close();
    await pkg?.close();
  });

  async function check(zip: Buffer, name: string, opts: { locale?: string; switchTo?: string } = {}) {
    const file = join(tmp, name);
    writeFileSync(file, zip);
    const context = await browser.newContext({ offline: true, locale: opts.locale ?? 'en-GB' });
    const attempts: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      attempts.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${pagePath}`);
    await page.setInputFiles('#package', file);
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor({ timeout: 60_000 });
    const before = { lang: await page.locator('html').getAttribute('lang'), dir: await page.locator('html').getAttribute('dir'), text: (await verdict.textContent()) ?? '' };
    if (opts.switchTo) await page.selectOption('#lang', opts.switchTo);
    const result = {
      before,
      lang: await page.locator('html').getAttribute('lang'),
      dir: await page.locator('html').getAttribute('dir'),
      heading: (await page.locator('h1').textContent()) ?? '',
      ok: await verdict.getAttribute('data-ok'),
      text: (await verdict.textContent()) ?? '',
      codes: await page.locator('[data-testid=problems] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code'))),
      body: (await page.locator('body').textContent()) ?? '',
    };
    await context.close();
    assert.deepEqual(errors, []);
    assert.deepEqual(attempts, [], 'the page asks for nothing over the network');
    return result;
  }

  test('the package as built: VERIFIED, with its items, signature and fingerprint', async () => {
    const r = await check(pkg.zip, 'good.zip');
    assert.equal(r.ok, 'true', r.body);
    assert.match(r.text, /^VERIFIED/);
    assert.match(r.body, /Manifest signature\s*valid/);
    assert.match(r.body, /Screenshot of the seller page/);
    assert.match(r.body, /Signing key fingerprint\s*[0-9a-f]{4} [0-9a-f]{4}/);
    assert.match(r.body, /2 timestamp tokens/);
  });

  test('one byte of an evidence file changed: NOT VERIFIED, naming the file', async () => {
    const toc = await readZipToc({ size: pkg.zip.length, read: async (o, n) => pkg.zip.subarray(o, o + n) });
    const e = toc.entries.find((x) => x.name === pkg.contentPath)!;
    const z = Buffer.from(pkg.zip);
    z[e.dataOffset + 20] = (z[e.dataOffset + 20]! ^ 0x04) & 0xff;
    const r = await check(z, 'tampered.zip');
    assert.equal(r.ok, 'false');
    assert.match(r.text, /^NOT VERIFIED .*1 problem found/);
    assert.deepEqual(r.codes, ['file_hash_mismatch']);
    assert.match(r.body, new RegExp(pkg.contentPath.replace(/[.]/g, '\\.')));
  });

  test('in Arabic from the browser language, right to left, then in French from the switcher', async () => {
    const r = await check(pkg.zip, 'good-ar.zip', { locale: 'ar-EG', switchTo: 'fr' });
    assert.deepEqual([r.before.lang, r.before.dir], ['ar', 'rtl']);
    assert.match(r.before.text, /^تم التحقق — good-ar\.zip/);
    assert.deepEqual([r.lang, r.dir], ['fr', 'ltr']);
    assert.equal(r.heading, 'Vérificateur de paquet de preuves');
    assert.match(r.text, /^VÉRIFIÉ — good-ar\.zip/);
    assert.match(r.body, /Signature du manifeste\s*valide/);
    assert.match(r.body, /2 jetons d'horodatage/);
  });

  test('a tampered package in Chinese: the verdict in Chinese, the problem code unchanged', async () => {
    const toc = await readZipToc({ size: pkg.zip.length, read: async (o, n) => pkg.zip.subarray(o, o + n) });
    const e = toc.entries.find((x) => x.name === pkg.contentPath)!;
    const z = Buffer.from(pkg.zip);
    z[e.dataOffset + 7] = (z[e.dataOffset + 7]! ^ 0x10) & 0xff;
    const r = await check(z, 'tampered-zh.zip', { locale: 'zh-CN' });
    assert.equal(r.ok, 'false');
    assert.equal(r.lang, 'zh');
    assert.match(r.text, /^未通过验证 — tampered-zh\.zip：发现 1 个问题/);
    assert.deepEqual(r.codes, ['file_hash_mismatch']);
  });

  test('a file that is not a package: NOT VERIFIED, not a ZIP', async () => {
    const r = await check(Buffer.from('just some text, not a zip'), 'text.zip');
    assert.equal(r.ok, 'false');
    assert.deepEqual(r.codes, ['not_a_zip']);
  });
});
