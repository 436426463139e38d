// A first visit is quiet: an anonymous visitor's browser logs no error on the sign-in page or the
// home page (the UI asks who is signed in without provoking a 401), and the built UI is split so
// that no script chunk reaches Vite's 500 kB warning.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
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

// MapLibre GL ships as one prebuilt, minified bundle (about 1.1 MB, 300 kB gzipped) that a bundler
// cannot split. It is the one chunk allowed over 500 kB, only because it is loaded on the map page
// alone: neither the page shell nor the entry chunk may refer to it, and it has a ceiling of its own.
const MAP_CHUNK = /^maplibre-[\w-]+\.js$/;

test('no script chunk of the built UI is over 500 kB, except the map library loaded on the map page only', async () => {
  await ensureWebBuild();
  const assets = join(webDir, 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  assert.ok(scripts.length > 2, `the UI is split into chunks (found ${scripts.join(', ')})`);
  const shell = readFileSync(join(webDir, 'index.html'), 'utf8');
  // The chunks the page shell loads or preloads, and the chunk names their code refers to.
  const firstLoad = scripts.filter((f) => shell.includes(f));
  assert.ok(firstLoad.length > 0, 'index.html loads the entry chunk');
  const firstLoadText = firstLoad.map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
  for (const f of scripts) {
    const size = statSync(join(assets, f)).size;
    if (MAP_CHUNK.test(f)) {
      assert.ok(size <= 1200 * 1000, `${f} is ${Math.round(size / 1000)} kB`);
      assert.ok(!shell.includes(f) && !firstLoadText.includes(f), `${f} is loaded with the first page`);
    } else {
      assert.ok(size <= 500 * 1000, `${f} is ${Math.round(size / 1000)} kB`);
    }
  }
});
