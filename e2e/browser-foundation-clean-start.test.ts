// A first visit is quiet: an anonymous visitor's browser logs no error on the sign-in page or the
// home page (the UI asks who is signed in without provoking a 401), and the built UI is split so
// that no script chunk reaches Vite's 500 kB warning.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { nodeAndBrowser, watchPage } from './support/browser.ts';
import { ensureWebBuild, webDir } from './support/test-node.ts';

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}

test('an anonymous visitor sees the sign-in and home pages without a console error', async (t) => {
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  const page = await browser.newPage({ locale: 'en-GB' });
  const errors = consoleErrors(page);
  const watch = watchPage(page, node.url);

  await page.goto(`${node.url}/sign-in`);
  await page.locator('#sign-in-title').waitFor();
  await page.goto(`${node.url}/`);
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  // The session question was asked and answered: the header offers to sign in.
  assert.equal(await page.locator('.user-name').count(), 0);

  assert.deepEqual(errors, [], 'console errors or failed requests on anonymous pages');
  assert.deepEqual(watch.errors, [], 'uncaught errors in the page');
});

test('no script chunk of the built UI is over 500 kB', async () => {
  await ensureWebBuild();
  const assets = join(webDir, 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  assert.ok(scripts.length > 2, `the UI is split into chunks (found ${scripts.join(', ')})`);
  for (const f of scripts) {
    const size = statSync(join(assets, f)).size;
    assert.ok(size <= 500 * 1000, `${f} is ${Math.round(size / 1000)} kB`);
  }
});
