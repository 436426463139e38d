// Sessions in a real browser: a sign-in page left open in a second tab signs in over the live
// session (the new session replaces the old one, no csrf_failed), a sign-in page opened while
// signed in just shows the signed-in shell, and the account page revokes API tokens,
// all at once or together with a password change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nodeAndBrowser, watchPage } from './support/browser.ts';

test('a second tab signs in over a live session; the account page revokes tokens', async (t) => {
  const opened = await nodeAndBrowser(t);
  if (!opened) return;
  const { node, browser } = opened;
  const context = await browser.newContext({ locale: 'en-GB' });
  t.after(() => context.close());
  const password = 'a long new password 4 tabs';

  const signIn = async (page: import('playwright-core').Page, pw: string) => {
    await page.fill('#email', node.admin.email);
    await page.fill('#password', pw);
    await page.click('form button[type=submit]');
  };
  const sessionStatus = (page: import('playwright-core').Page) =>
    page.evaluate(async () => (await fetch('/api/v1/session', { credentials: 'same-origin' })).status);

  // Tab B shows the sign-in page before tab A signs in, so it holds no CSRF token.
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  const watchA = watchPage(tabA, node.url);
  const watchB = watchPage(tabB, node.url);
  await tabA.goto(`${node.url}/sign-in`);
  await tabB.goto(`${node.url}/sign-in`);

  await t.test('tab A signs in and changes the one-time password', async () => {
    await signIn(tabA, node.admin.oneTimePassword);
    await tabA.locator('#change-title').waitFor();
    await tabA.fill('#first-new', password);
    await tabA.fill('#first-confirm', password);
    await tabA.click('form button[type=submit]');
    await tabA.locator('a[href="/admin/users"]').waitFor();
  });

  await t.test('tab B, opened earlier, signs in with the cookie already set: signed in, no error', async () => {
    await signIn(tabB, password);
    await tabB.locator('a[href="/admin/users"]').waitFor();
    assert.equal(new URL(tabB.url()).pathname, '/');
    assert.equal(await tabB.getByRole('alert').count(), 0);
    assert.equal(await sessionStatus(tabB), 200);
  });

  await t.test('tab C opens the sign-in page while signed in: it is simply signed in', async () => {
    const tabC = await context.newPage();
    const watchC = watchPage(tabC, node.url);
    await tabC.goto(`${node.url}/sign-in`);
    await tabC.locator('a[href="/admin/users"]').waitFor();
    assert.equal(new URL(tabC.url()).pathname, '/');
    assert.equal(await tabC.getByRole('alert').count(), 0);
    assert.equal(await sessionStatus(tabC), 200);
    assert.deepEqual(watchC.errors, []);
    // Tab A, reloaded, goes on with the browser's one session.
    await tabA.reload();
    await tabA.locator('a[href="/admin/users"]').waitFor();
    assert.equal(await sessionStatus(tabA), 200);
  });

  await t.test('the account page revokes all tokens at once, and with a password change', async () => {
    const page = tabA;
    await page.goto(`${node.url}/account`);
    const createToken = async (name: string) => {
      await page.fill('#token-name', name);
      await page.getByRole('button', { name: 'Create token' }).click();
      await page.getByRole('cell', { name, exact: true }).waitFor();
    };
    await createToken('script one');
    await createToken('script two');
    await page.getByRole('button', { name: 'Revoke all tokens' }).click();
    await page.getByText('All your API tokens have been revoked.').waitFor();
    await page.getByText('You have no tokens.').waitFor();

    await createToken('script three');
    const newPassword = 'yet another long password';
    await page.fill('#account-pw-current', password);
    await page.fill('#account-pw-new', newPassword);
    await page.fill('#account-pw-confirm', newPassword);
    await page.check('#account-pw-revoke-tokens');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed.').waitFor();
    await page.getByText('You have no tokens.').waitFor();
  });

  assert.deepEqual(watchA.errors, [], 'uncaught errors in tab A');
  assert.deepEqual(watchB.errors, [], 'uncaught errors in tab B');
  assert.deepEqual([...watchA.foreignRequests, ...watchB.foreignRequests], []);
});
