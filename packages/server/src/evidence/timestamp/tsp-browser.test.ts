// The verifier runs offline in a browser: tsp.ts bundled for the browser (esbuild, platform
// browser: a node:* import would fail the build) and loaded into Chromium with every network
// request refused, it accepts a good token and names the reason for a bad one, as it does in Node.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { makeTestPki, replyWithOpenssl, type TestPki } from '../../testing/local-tsa.ts';
import { buildTimestampRequest, parseTimestampResponse, pemCertificates, verifyTimestampToken } from './tsp.ts';

const CHROMIUM = '/usr/bin/chromium';

describe('the time-stamp verifier in a browser, offline', { skip: existsSync(CHROMIUM) ? false : 'chromium not installed' }, () => {
  let pki: TestPki;
  let browser: Browser;
  let bundle: string;
  before(async () => {
    pki = await makeTestPki();
    const out = await build({
      entryPoints: [new URL('./tsp.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'ComityTsp',
      write: false,
      logLevel: 'silent',
    });
    bundle = out.outputFiles[0]?.text ?? '';
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });
  after(async () => {
    await browser?.close();
    pki?.close();
  });

  test('a good token verifies, a changed one fails with the same reason as in Node', async () => {
    const hash = 'c0ffee'.repeat(10).slice(0, 64).padEnd(64, '0');
    const req = buildTimestampRequest(hash);
    const token = parseTimestampResponse(await replyWithOpenssl(pki, pki.tsa, req.der)).token as Uint8Array;
    const tampered = token.slice();
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] as number) ^ 0x01;

    // As a court package's verifier page is opened: a file on disk, no server.
    const dir = mkdtempSync(join(tmpdir(), 'comity-tsp-page-'));
    writeFileSync(join(dir, 'verifier.html'), `<!doctype html><meta charset="utf-8"><title>verifier</title><script>${bundle.replaceAll('</script', '<\\/script')}</script>`);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.route(/^https?:/, (route) => route.abort());
    await page.goto(pathToFileURL(join(dir, 'verifier.html')).href);
    const judge = (tokenBytes: Uint8Array, sha256Hex: string) =>
      page.evaluate(
        async ({ t, h, pem }) => {
          const tsp = (globalThis as unknown as { ComityTsp: typeof import('./tsp.ts') }).ComityTsp;
          const v = await tsp.verifyTimestampToken(new Uint8Array(t), { sha256Hex: h, roots: tsp.pemCertificates(pem) });
          return v.ok ? { ok: true, genTime: v.facts.genTime } : { ok: false, reason: v.reason };
        },
        { t: [...tokenBytes], h: sha256Hex, pem: pki.rootPem },
      );
    const good = await judge(token, hash);
    const nodeGood = await verifyTimestampToken(token, { sha256Hex: hash, roots: pemCertificates(pki.rootPem) });
    assert.ok(nodeGood.ok);
    assert.deepEqual(good, { ok: true, genTime: nodeGood.facts.genTime });
    assert.deepEqual(await judge(tampered, hash), { ok: false, reason: 'signature_invalid' });
    assert.deepEqual(await judge(token, 'ab'.repeat(32)), { ok: false, reason: 'imprint_mismatch' });
    assert.deepEqual(requests, [], 'the verifier made no network request');
    // A page that is not a secure context has no WebCrypto: the verifier says so instead of guessing.
    await page.goto('about:blank');
    await page.addScriptTag({ content: bundle });
    const insecure = await judge(token, hash);
    assert.equal(insecure.reason, 'crypto_unavailable');
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
