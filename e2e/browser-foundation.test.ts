// The web shell in a real browser against a real node: first sign-in with the one-time password, the
// forced password change, the admin pages, Arabic right-to-left, and sign-out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlDirection, nodeAndBrowser, watchPage } from './support/browser.ts';

test('sign in, change the one-time password, see the shell, switch to Arabic, sign out', async (t) => {
  const opened = await nodeAndBrowser(t);
  if (!opened) return;
  const { node, browser } = opened;
  const page = await browser.newPage({ locale: 'en-GB' });
  const watch = watchPage(page, node.url);
  const newPassword = 'a long new password 4 tests';

  await t.test('a wrong password is refused and announced', async () => {
    await page.goto(`${node.url}/sign-in`);
    await page.fill('#email', node.admin.email);
    await page.fill('#password', 'not the password at all');
    await page.click('form button[type=submit]');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    // The node answers a locked account like a wrong password; the message says both.
    assert.match((await alert.textContent()) ?? '', /Sign-in failed.*paused for 15 minutes/);
  });

  await t.test('the one-time password leads to the forced password change', async () => {
    await page.fill('#password', node.admin.oneTimePassword);
    await page.click('form button[type=submit]');
    await page.locator('#change-title').waitFor();
    // The shell does not offer the account or admin pages until the password is changed.
    assert.equal(await page.locator('a[href="/admin/users"]').count(), 0);

    await page.fill('#first-new', 'short');
    await page.fill('#first-confirm', 'short');
    await page.click('form button[type=submit]');
    assert.match((await page.getByRole('alert').textContent()) ?? '', /rules listed under it/);
    assert.equal(await page.locator('#first-rules li[data-rule="too-short"]').getAttribute('class'), 'unmet');

    await page.fill('#first-new', newPassword);
    await page.fill('#first-confirm', newPassword);
    await page.click('form button[type=submit]');
    await page.locator('a[href="/admin/users"]').waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    assert.match((await page.locator('.user-name').textContent()) ?? '', /Administrator/);
  });

  await t.test('the admin pages list the administrator and verify the audit chain', async () => {
    await page.click('a[href="/admin/users"]');
    await page.getByRole('cell', { name: node.admin.email, exact: true }).waitFor();
    await page.click('a[href="/admin/audit"]');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const status = page.locator('.toolbar [role=status]');
    await status.waitFor();
    assert.match((await status.textContent()) ?? '', /Chain verified/);
    // The password change is itself audited, so the log is not empty.
    assert.ok((await page.locator('tbody tr').count()) > 0);
  });

  await t.test('Arabic switches the page to right-to-left and is remembered', async () => {
    await page.selectOption('#language', 'ar');
    assert.deepEqual(await htmlDirection(page), { dir: 'rtl', lang: 'ar' });
    assert.equal(await page.locator('nav[aria-label="التنقل الرئيسي"]').count(), 1);
    await page.reload();
    await page.locator('a[href="/admin/users"]').waitFor();
    assert.deepEqual(await htmlDirection(page), { dir: 'rtl', lang: 'ar' });
    // The header's start edge is on the right in RTL.
    const box = await page.locator('.product').boundingBox();
    const width = page.viewportSize()?.width ?? 0;
    assert.ok(box && box.x > width / 2, 'the product name should sit on the right in Arabic');
  });

  await t.test('sign-out ends the session', async () => {
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await page.locator('#sign-in-title').waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/v1/session', { credentials: 'same-origin' })).status);
    assert.equal(status, 401);
    await page.goto(`${node.url}/admin/users`);
    await page.locator('#sign-in-title').waitFor();
    assert.equal(new URL(page.url()).pathname, '/sign-in');
  });

  assert.deepEqual(watch.errors, [], 'uncaught errors in the page');
  assert.deepEqual(watch.foreignRequests, [], 'the UI must not request anything outside the node');
});
