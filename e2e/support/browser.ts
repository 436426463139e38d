// The system Chromium driven by playwright-core; never a downloaded browser.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '@comity/server/testing/test-node';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startTestNode, type TestNode } from './test-node.ts';

export const chromiumPath = '/usr/bin/chromium';

/** Why browser tests cannot run here, or null when they can. With COMITY_REQUIRE_BROWSER=1 a missing browser fails. */
export function browserUnavailable(): string | null {
  if (existsSync(chromiumPath)) return null;
  if (process.env.COMITY_REQUIRE_BROWSER) {
    throw new Error(`COMITY_REQUIRE_BROWSER is set but ${chromiumPath} is missing: apt-get install chromium`);
  }
  return 'chromium not installed: apt-get install chromium';
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Records uncaught page errors and any request that leaves the node (the UI must make none). */
export function watchPage(page: Page, origin: string): { errors: string[]; foreignRequests: string[] } {
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreignRequests.push(url);
  });
  return { errors, foreignRequests };
}

export function htmlDirection(page: Page): Promise<{ dir: string; lang: string }> {
  // A string expression: this file is type-checked without the DOM library.
  return page.evaluate<{ dir: string; lang: string }>(
    '({ dir: document.documentElement.dir, lang: document.documentElement.lang })',
  );
}

/**
 * One node and one browser for a test, both stopped after it; null when the test was skipped
 * because Chromium is missing (see browserUnavailable).
 */
export async function nodeAndBrowser(t: TestContext): Promise<{ node: TestNode; browser: Browser } | null> {
  const reason = browserUnavailable();
  if (reason) {
    t.skip(reason);
    return null;
  }
  const node = await startTestNode();
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await node.close();
  });
  return { node, browser };
}

/** A new page signed in through the sign-in form (English UI unless the page changes it). */
export async function signIn(browser: Browser, url: string, email: string, password: string, opts: { acceptDownloads?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ locale: 'en-GB', acceptDownloads: opts.acceptDownloads ?? false });
  await page.goto(`${url}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('form button[type=submit]');
  await page.locator('.user-name').waitFor();
  return page;
}

/** The node's first administrator, signed in through the API after changing the one-time password to `password`. */
export async function signedInAdmin(node: Pick<TestNode, 'url' | 'admin'>, password: string): Promise<ApiClient> {
  const admin = new ApiClient(node.url);
  await admin.signIn(node.admin.email, node.admin.oneTimePassword);
  await admin.call('POST', '/api/v1/account/password', { currentPassword: node.admin.oneTimePassword, newPassword: password }, 204);
  await admin.signIn(node.admin.email, password);
  return admin;
}

/** Switches the interface language (unless it is already on) and checks the page's direction. */
export async function useLanguage(page: Page, code: string, dir: string): Promise<void> {
  if ((await htmlDirection(page)).lang !== code) await page.selectOption('#language', code);
  assert.equal((await htmlDirection(page)).dir, dir);
}

/** Waits until Chart.js has drawn on a chart's canvas (some pixels no longer blank). Polled from
 * here: the page's CSP forbids the string evaluation Playwright's in-page polling would need. */
export async function chartDrawn(page: Page, testId: string): Promise<void> {
  type Canvas2d = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null };
  for (let i = 0; ; i++) {
    const painted = await page
      .getByTestId(testId)
      .locator('canvas')
      .evaluate((el) => {
        const canvas = el as unknown as Canvas2d;
        const ctx = canvas.width > 0 ? canvas.getContext('2d') : null;
        if (!ctx) return false;
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let p = 3; p < pixels.length; p += 4) if (pixels[p] !== 0) return true;
        return false;
      });
    if (painted) return;
    assert.ok(i < 100, `the chart ${testId} was never drawn`);
    await page.waitForTimeout(100);
  }
}

/**
 * Full-page screenshots at a desktop (1366 px) and a phone (390 px) width into `dir` as
 * `<name>-<width>.png`; each asserts that nothing makes the page wider than the window.
 */
export async function shootWidths(page: Page, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
    const scroll = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(scroll <= width, `${name} fits ${width} px (${scroll} px)`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}
