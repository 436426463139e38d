// A request to an authority that runs no node, through the web UI in a real browser on one node.
// An administrator adds the Brazilian central authority to the directory; a practitioner in France
// drafts an MLA request to it, picked from the directory (which satisfies "choose the requested
// authority", UNCAC art. 46(13)); a supervisor approves it; the letter is downloaded (transmission
// is refused before); the practitioner records the channel and the day it was sent, then the
// answers received (acknowledged; executed with the bank records attached). The timeline marks each
// such step "recorded by the requesting side", in English, French and Arabic. Screenshots at 1366
// and 390 px in English and Arabic are kept in e2e/artifacts/authorities/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import { browserUnavailable, htmlDirection, launchBrowser, signedInAdmin, signIn, watchPage } from './support/browser.ts';
import { startTestNode } from './support/test-node.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 e2e';
const AUTHORITY = 'Ministério da Justiça e Segurança Pública (DRCI)';
const artifacts = join(import.meta.dirname, 'artifacts', 'authorities');

function pdftotextUnavailable(): string | null {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'pdftotext not installed: apt-get install poppler-utils';
  }
}

const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** Screenshots for a person to look at, whole page and the window at `anchor`, at 1366 and 390 px. */
async function shoot(page: Page, name: string, anchor?: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // Nothing wider than the window, in either direction of writing.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 1, `${name} at ${width} px is ${overflow} px wider than the window`);
    await page.screenshot({ path: join(artifacts, `${name}-${width}.png`), fullPage: true });
    if (anchor) {
      await page.locator(anchor).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifacts, `${name}-${width}-window.png`) });
    }
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('a request to an authority without a node: picked from the directory, approved, sent by a recorded channel, answered', async (t) => {
  const reason = browserUnavailable() ?? pdftotextUnavailable();
  if (reason) return t.skip(reason);

  const node = await startTestNode();
  const browser = await launchBrowser();
  const workDir = mkdtempSync(join(tmpdir(), 'comity-e2e-authorities-'));
  t.after(async () => {
    await browser.close();
    await node.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Ministère de la Justice (France)' });
  const supervisor = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });

  let failed: string | null = null;
  const step = (name: string, fn: () => Promise<void>) =>
    t.test(name, { skip: failed ? `an earlier step failed: ${failed}` : false }, async () => {
      try {
        await fn();
      } catch (error) {
        failed = name;
        throw error;
      }
    });
  let requestPath = '';

  await step('an administrator adds the Brazilian central authority, which has no node, to the directory', async () => {
    const page = await signIn(browser, node.url, node.admin.email, ADMIN_PASSWORD);
    const watch = watchPage(page, node.url);
    await page.click('a[href="/admin/authorities"]');
    await page.locator('h1', { hasText: 'Requested authorities without a node' }).waitFor();
    await page.fill('#authority-name', AUTHORITY);
    await page.fill('#authority-state', 'Braz');
    await page.getByRole('option', { name: /^Brazil/ }).click();
    await page.fill('#authority-address', 'Esplanada dos Ministérios, Bloco T, Brasília-DF');
    await page.selectOption('#authority-channel', 'central-authority-post');
    await page.fill('#authority-languages', 'pt, en');
    await page.fill('#authority-email', 'cooperacao@example.gov.br');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('.alert-ok', { hasText: 'added to the directory' }).waitFor();
    const row = page.locator('.authorities-table tbody tr', { hasText: AUTHORITY });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Brazil.*by post.*pt, en/);
    await shoot(page, 'admin-en', '.authorities-table');
    await page.selectOption('#language', 'ar');
    await page.locator('h1', { hasText: 'السلطات المطلوب إليها التي ليست لها عقدة' }).waitFor();
    assert.equal((await htmlDirection(page)).dir, 'rtl');
    await shoot(page, 'admin-ar', '.authorities-table');
    assert.deepEqual(watch.errors, []);
    await page.close();
  });

  const page = await signIn(browser, node.url, drafter.email, drafter.password, { acceptDownloads: true });
  const watch = watchPage(page, node.url);

  await step('the practitioner picks it from the directory, which satisfies "choose the requested authority"', async () => {
    await page.click('a[href="/requests"]');
    await page.getByRole('link', { name: 'New request' }).click();
    await page.locator('#completeness-essential li .field-name', { hasText: 'Requested authority' }).first().waitFor();
    await page.fill('#f-title', 'Bribery of public officials: bank records in Brazil (Operation Ipê)');
    await page.fill('#f-caseReference', 'PNF-2026-0117');
    await page.check('#authority-where-directory');
    // Designations read from treaty declarations show their instrument and article; one that does
    // not name its authority plainly shows its text and cannot be chosen.
    await page.fill('#authority-directory-search', 'central authorit');
    const sweden = page.locator('.directory-pick .choice', { hasText: 'Sweden' });
    await sweden.waitFor();
    assert.match((await sweden.textContent()) ?? '', /Ministry of Justice.*Designated in a treaty declaration.*UNTOC-SOM art\. 8\(6\)/);
    const guatemala = page.locator('.directory-pick .choice', { hasText: 'Guatemala' });
    assert.ok(await guatemala.locator('input[type=radio]').isDisabled());
    await guatemala.locator('summary').click();
    await guatemala.locator('details p', { hasText: 'judiciary and the Public Prosecutor' }).waitFor();
    await guatemala.scrollIntoViewIfNeeded();
    await shoot(page, 'picker-designations-en', '.directory-pick');
    await page.fill('#authority-directory-search', 'DRCI');
    const choice = page.getByRole('radio', { name: /DRCI/ });
    await choice.waitFor();
    assert.match((await page.locator('.directory-pick .choice', { hasText: 'DRCI' }).textContent()) ?? '', /Added by an administrator.*no node/);
    await choice.check();
    assert.equal(await page.inputValue('#f-requestedState'), 'Brazil');
    await page.locator('#completeness-essential li .field-name', { hasText: /^Legal basis$/ }).waitFor();
    const fields = await page.locator('#completeness-essential li .field-name').allTextContents();
    assert.ok(!fields.includes('Requested authority'), `the authority is chosen: ${fields.join(', ')}`);
    await page.locator('.directory-pick').scrollIntoViewIfNeeded();
    await shoot(page, 'picker-en', '.directory-pick');
  });

  await step('the request is completed, saved and submitted', async () => {
    await page.getByRole('button', { name: 'Add an offence' }).click();
    await page.selectOption('#f-offences-0-category', 'corruption');
    await page.fill('#f-offences-0-provisions', 'Code pénal, art. 435-1');
    const uncac = page.locator('#basis-UNCAC');
    await uncac.waitFor({ timeout: 30_000 });
    await uncac.check();
    await page.fill('#f-facts', 'In 2024 the suspect paid bribes to officials and moved BRL 9 million through accounts in São Paulo.');
    await page.selectOption('#f-proceedings-stage', 'investigation');
    await page.fill('#f-proceedings-authority', 'Parquet national financier, Paris');
    await page.fill('#f-purpose', 'To trace the funds as evidence for trial in France.');
    await page.selectOption('#add-measure-kind', 'bank-records');
    await page.getByRole('button', { name: 'Add the measure' }).click();
    await page.fill('#f-measures-0-description', 'Statements and transfer records');
    await page.fill('#f-measures-0-custodian', 'Banco Exemplo S.A., São Paulo');
    await page.fill('#f-measures-0-accounts', 'BR15 0000 0000 0000 1093 2840 814 P2');
    await page.fill('#f-measures-0-period', 'January to December 2024');
    await page.locator('.completeness-summary.ready').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('.alert-ok', { hasText: /created/ }).waitFor();
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    requestPath = new URL(page.url()).pathname;
    await page.locator('.badges .state-awaiting-approval').waitFor();
    // The request page says how it will travel.
    await page.locator('.recorded-panel', { hasText: 'has no node' }).waitFor();
  });

  await step('a supervisor approves it', async () => {
    const boss = await signIn(browser, node.url, supervisor.email, supervisor.password);
    await boss.goto(node.url + requestPath);
    await boss.locator('.request-actions').getByRole('button', { name: 'Approve', exact: true }).click();
    await boss.getByRole('button', { name: 'Confirm: Approve' }).click();
    await boss.locator('.badges .state-approved').waitFor();
    await boss.close();
  });

  await step('transmitting asks for the letter first; the letter is downloaded; the channel and day are recorded', async () => {
    await page.reload();
    await page.locator('.badges .state-approved').waitFor();
    await page.locator('.request-actions').getByRole('button', { name: 'Transmit', exact: true }).click();
    await page.locator('.recorded-transmission').waitFor();
    await page.selectOption('#transmission-channel', 'central-authority-post');
    await page.fill('#transmission-sent-on', isoDay(2));
    await page.getByRole('button', { name: 'Confirm: Transmit' }).click();
    await page.locator('#action-form .alert-error', { hasText: /letter/i }).waitFor();
    assert.equal(await page.locator('.badges .state-approved').count(), 1, 'not transmitted without a letter');

    await page.check('#document-format-pdf');
    await page.selectOption('#document-lang', 'en');
    const downloading = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    // The approving supervisor has no official title on their profile: the export says so and
    // waits for a confirmation.
    const warnings = page.getByRole('alertdialog');
    await warnings.getByText('has no official title').waitFor();
    await warnings.getByRole('button', { name: 'Export anyway' }).click();
    const download = await downloading;
    const file = join(workDir, download.suggestedFilename() || 'letter.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    assert.match(text, /DRCI/, 'the letter is addressed to the authority from the directory');
    assert.match(text, /Esplanada dos Minist/, 'with the address the administrator gave');
    assert.match(text, /Banco Exemplo/);

    await page.getByRole('button', { name: 'Confirm: Transmit' }).click();
    await page.locator('.badges .state-transmitted').waitFor();
    const sent = page.locator('.timeline-event', { hasText: 'recorded by the requesting side' }).last();
    assert.match((await sent.textContent()) ?? '', /Transmit.*Sent by Central authority to central authority, by post/);
  });

  await step('the answers received are recorded: acknowledged, then executed with the bank records attached', async () => {
    const panel = page.locator('.recorded-panel');
    await panel.locator('#answer-kind').selectOption('acknowledged');
    await panel.locator('#answer-received-on').fill(isoDay(1));
    await panel.getByRole('button', { name: 'Record the answer' }).click();
    await page.locator('.badges .state-received').waitFor();

    await panel.locator('#answer-kind').selectOption('executed');
    await panel.locator('#answer-received-on').fill(isoDay(0));
    await panel.locator('#answer-documents').setInputFiles({ name: 'extrato-bancario.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 extrato') });
    await panel.locator('#answer-reason').fill('Bank records returned by the DRCI under cover letter 2026/331.');
    await panel.getByRole('button', { name: 'Record the answer' }).click();
    await page.locator('.badges .state-executed').waitFor();
    const events = page.locator('.timeline-event.origin-recorded');
    assert.equal(await events.count(), 2);
    const executed = await events.last().textContent();
    assert.match(executed ?? '', /Record full execution/);
    assert.match(executed ?? '', /recorded by the requesting side/);
    assert.match(executed ?? '', /extrato-bancario\.pdf/);
    assert.match(executed ?? '', new RegExp(drafter.email.replace(/[.+]/g, '\\$&')), 'names who recorded it');
    // The file is among the request's attachments, for download.
    await page.locator('section[aria-labelledby="attachments-title"] td', { hasText: 'extrato-bancario.pdf' }).waitFor();
    await shoot(page, 'request-en', '.timeline');
  });

  await step('the timeline says "recorded by the requesting side" in French and in Arabic (right to left)', async () => {
    await page.selectOption('#language', 'fr');
    await page.locator('.timeline .flag-recorded', { hasText: 'enregistré par la partie requérante' }).first().waitFor();
    await shoot(page, 'request-fr', '.timeline');
    await page.selectOption('#language', 'ar');
    await page.locator('.timeline .flag-recorded', { hasText: 'سجّلته الجهة الطالبة' }).first().waitFor();
    assert.equal((await htmlDirection(page)).dir, 'rtl');
    await shoot(page, 'request-ar', '.timeline');
    await page.selectOption('#language', 'en');
  });

  assert.deepEqual(watch.errors, [], 'uncaught errors in the page');
  assert.deepEqual(watch.foreignRequests, [], 'the UI must not request anything outside the node');
});
