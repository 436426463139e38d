// Requests through the web UI in a real browser against real nodes. Two nodes, Paris and Berlin,
// trust each other: a practitioner in Paris drafts an MLA request to the German central authority
// picked from the directory, sees what blocks it, completes it; a supervisor (another user)
// approves it; it is transmitted and travels to Berlin; the letter of request is downloaded as PDF
// and its text cites the legal basis; Berlin acknowledges and refuses on a structured ground, and
// Paris's timeline shows both; the request page stays right-to-left in Arabic. Also: an
// administrator trusts a peer node by card and fingerprint, and it shows in the directory.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type ApiClient, makeUser } from '@comity/server/testing/test-node';
import { browserUnavailable, htmlDirection, launchBrowser, nodeAndBrowser, signedInAdmin, signIn, watchPage } from './support/browser.ts';
import { startTestNode } from './support/test-node.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 e2e';

function pdftotextUnavailable(): string | null {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'pdftotext not installed: apt-get install poppler-utils';
  }
}


test('an MLA request from draft to transmission, with its letter as PDF', async (t) => {
  const reason = browserUnavailable() ?? pdftotextUnavailable();
  if (reason) return t.skip(reason);

  const paris = await startTestNode();
  const berlin = await startTestNode();
  const browser = await launchBrowser();
  const workDir = mkdtempSync(join(tmpdir(), 'comity-e2e-requests-'));
  t.after(async () => {
    await browser.close();
    await paris.close();
    await berlin.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  // What the two administrators set up: each node speaks for its central authority, the nodes
  // trust each other (card and fingerprint; the UI for that is the last test), and the users.
  const admin = await adminOf(paris);
  const berlinAdmin = await adminOf(berlin);
  const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const supervisor = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
  const german = await makeUser(berlinAdmin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
  await admin.call('PUT', '/api/v1/federation/profile', { organisationId: drafter.organisationId }, 200);
  await berlinAdmin.call('PUT', '/api/v1/federation/profile', { organisationId: german.organisationId, languages: ['de', 'en'] }, 200);
  await trust(admin, berlinAdmin);
  await trust(berlinAdmin, admin);

  const page = await signIn(browser, paris.url, drafter.email, drafter.password, { acceptDownloads: true });
  // Stop at the first failing step: the later ones build on it.
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
  const watch = watchPage(page, paris.url);
  let requestUrl = '';

  await step('a new MLA draft for a German authority shows what blocks it, with the articles that ask for it', async () => {
    await page.click('a[href="/requests"]');
    await page.getByRole('link', { name: 'New request' }).click();
    assert.equal(new URL(page.url()).pathname, '/requests/new');
    // Until the requested authority is known, that is what the panel asks for.
    await page.locator('#completeness-essential li .field-name', { hasText: 'Requested authority' }).first().waitFor();
    assert.ok(await page.getByRole('button', { name: 'Submit for approval' }).isDisabled());

    await page.fill('#f-title', 'Laundering of bribes through shell companies (Operation Meridian)');
    await page.fill('#f-caseReference', 'PNF-2025-0042');
    // The German central authority is on a peer node: it is picked from the directory.
    await page.check('#authority-where-peer');
    await page.fill('#authority-search', 'justiz');
    const bfj = page.getByRole('radio', { name: /Bundesamt für Justiz/ });
    await bfj.waitFor();
    await bfj.check();
    assert.equal(await page.inputValue('#f-requestedState'), 'Germany');

    const essential = page.locator('#completeness-essential li');
    // Fields are named by their labels, not by internal paths (legalBasis, requestedOrganisationId).
    await essential.locator('.field-name', { hasText: /^Legal basis$/ }).waitFor();
    const fields = await essential.locator('.field-name').allTextContents();
    for (const f of ['Legal basis', 'Offences', 'Summary of the facts', 'Measures']) assert.ok(fields.includes(f), `blocking list lacks ${f}: ${fields.join(', ')}`);
    assert.ok(!fields.includes('Requested authority'), 'the authority is chosen');
    // Each blocking item cites the article that asks for it.
    const citations = await essential.locator('cite').allTextContents();
    assert.equal(citations.length, fields.length);
    assert.ok(citations.some((c) => /art\. 46\(/.test(c) || /art\. 18\(/.test(c)), `citations: ${citations.join(' | ')}`);
    assert.match((await page.locator('.completeness-summary').textContent()) ?? '', /essential item/);
    assert.ok(await page.getByRole('button', { name: 'Submit for approval' }).isDisabled());
    // "Go to field" takes a keyboard user to the input concerned.
    await essential.getByRole('button', { name: 'Go to the field Summary of the facts', exact: true }).click();
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'f-facts');
  });

  await step('the practitioner completes the request until nothing essential is missing', async () => {
    await page.getByRole('button', { name: 'Add an offence' }).click();
    await page.selectOption('#f-offences-0-category', 'corruption');
    await page.fill('#f-offences-0-provisions', 'Code pénal, art. 435-1 (bribery of foreign public officials)');

    // The legal basis comes from the finder's answer for France → Germany, MLA, corruption.
    const uncac = page.locator('#basis-UNCAC');
    await uncac.waitFor({ timeout: 30_000 });
    await uncac.check();
    assert.match((await page.locator('.chosen-basis').textContent()) ?? '', /UNCAC.*46/);

    await page.fill('#f-facts', 'Between 2022 and 2024 the suspect paid bribes to officials and moved EUR 4.2 million through shell companies in Germany.');
    await page.selectOption('#f-proceedings-stage', 'investigation');
    await page.fill('#f-proceedings-authority', 'Parquet national financier, Paris');
    await page.fill('#f-purpose', 'To trace the funds and identify the beneficial owners, as evidence for trial in France.');

    await page.selectOption('#add-measure-kind', 'bank-records');
    await page.getByRole('button', { name: 'Add the measure' }).click();
    await page.fill('#f-measures-0-description', 'Account opening documents, statements and transfer records');
    await page.fill('#f-measures-0-custodian', 'Musterbank AG, Berlin');
    await page.fill('#f-measures-0-accounts', 'DE89 3704 0044 0532 0130 00');
    await page.fill('#f-measures-0-period', 'January 2022 to March 2024');
    await page.check('#f-useLimitations-speciality');
    await page.fill('#f-useLimitations-limits', 'For the proceedings stated in this request only (UNCAC art. 46(19)).');

    await page.locator('.completeness-summary.ready').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('#completeness-essential li').count(), 0);
  });

  await step('it is saved as a draft and submitted for approval', async () => {
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('.alert-ok', { hasText: /created/ }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/requests\/[0-9a-f-]{36}\/edit$/);
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    requestUrl = page.url();
    await page.locator('.badges .state-awaiting-approval').waitFor();
    // Four eyes: the drafter is not offered approval.
    assert.equal(await page.locator('.request-actions').getByRole('button', { name: 'Approve', exact: true }).count(), 0);
    assert.match((await page.locator('.request-actions').textContent()) ?? '', /supervisor who did not draft/);
  });

  await step('a supervisor is notified and approves it from the approval queue', async () => {
    const boss = await signIn(browser, paris.url, supervisor.email, supervisor.password, { acceptDownloads: true });
    // The header counts the unread notification; the inbox says what it is about.
    await boss.locator('.notification-link .unread-count').waitFor();
    await boss.click('a[href="/notifications"]');
    await boss.locator('.notifications li.unread', { hasText: 'Approval requested' }).waitFor();
    await boss.click('a[href="/requests/approvals"]');
    const queued = boss.locator(`a[href="${new URL(requestUrl).pathname}"]`);
    await queued.waitFor();
    assert.equal(await boss.locator('.requests-table tbody tr').count(), 1);
    await queued.click();
    await boss.locator('.request-actions').getByRole('button', { name: 'Approve', exact: true }).click();
    await boss.getByRole('button', { name: 'Confirm: Approve' }).click();
    await boss.locator('.badges .state-approved').waitFor();
    await boss.close();
  });

  await step('the practitioner transmits it; the timeline shows every step with who took it', async () => {
    await page.reload();
    await page.locator('.badges .state-approved').waitFor();
    await page.locator('.request-actions').getByRole('button', { name: 'Transmit', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm: Transmit' }).click();
    await page.locator('.badges .state-transmitted').waitFor();
    const timeline = await page.locator('.timeline').textContent();
    for (const step of ['Submit for approval', 'Approve', 'Transmit']) assert.ok(timeline?.includes(step), `timeline lacks ${step}`);
    assert.ok(timeline?.includes(supervisor.email), 'the approval names the supervisor');
    // Transmitted: no more editing.
    assert.equal(await page.getByRole('link', { name: 'Edit the draft' }).count(), 0);
  });

  await step('the letter of request downloads as PDF and cites the legal basis', async () => {
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
    assert.match(download.suggestedFilename(), /\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    assert.match(text, /UNCAC/);
    assert.match(text, /46/);
    assert.match(text, /Musterbank AG/);
    await page.locator('.alert-ok', { hasText: 'downloaded' }).waitFor();
  });

  await step('the German authority, on its own node, is notified, acknowledges receipt and refuses on a structured ground', async () => {
    const other = await signIn(browser, berlin.url, german.email, german.password, { acceptDownloads: true });
    await other.click('a[href="/notifications"]');
    // Carried by federation, signed and encrypted. It usually arrives within seconds; on a loaded
    // machine a delivery attempt can time out and be retried, so the wait is generous, and if it
    // still has not arrived the failure says what both nodes know about it.
    await waitUntil(
      'the request at the Berlin node',
      async () => {
        await other.reload();
        // The list is fetched after the page loads: count only once it has arrived.
        await other.locator('.toolbar [role=status]').waitFor();
        return (await other.locator('.notifications li.unread', { hasText: 'Incoming request' }).count()) > 0;
      },
      120_000,
      async () =>
        JSON.stringify({
          sent: (await admin.call('GET', '/api/v1/federation/messages?direction=outbound&limit=20', undefined, 200)).body,
          received: (await berlinAdmin.call('GET', '/api/v1/federation/messages?direction=inbound&limit=20', undefined, 200)).body,
          requestsAtBerlin: (await berlinAdmin.call('GET', '/api/v1/requests', undefined, 200)).body,
        }),
    );
    const notice = other.locator('.notifications li.unread', { hasText: 'Incoming request' });
    await notice.getByRole('button', { name: /^Mark as read/ }).click();
    await other.locator('.notifications li.read', { hasText: 'Incoming request' }).waitFor();
    assert.equal(await other.locator('.notification-link .unread-count').count(), 0, 'the header count follows');
    await other.click('a[href="/requests"]');
    const row = other.locator('tbody tr', { hasText: 'Operation Meridian' });
    await row.waitFor({ timeout: 15_000 });
    assert.match((await row.textContent()) ?? '', /Incoming/);

    // The requested side acknowledges receipt, then refuses on a structured ground with its article.
    await row.getByRole('link').first().click();
    await other.locator('.request-actions').getByRole('button', { name: 'Acknowledge receipt', exact: true }).click();
    await other.getByRole('button', { name: 'Confirm: Acknowledge receipt' }).click();
    await other.locator('.badges .state-received').waitFor();
    await other.locator('.request-actions').getByRole('button', { name: 'Refuse', exact: true }).click();
    await other.getByRole('button', { name: 'Confirm: Refuse' }).click();
    await other.locator('#action-form [role=alert]', { hasText: 'reason' }).waitFor();
    await other.check('#ground-mla-essential-interests');
    await other.fill('#ground-mla-essential-interests-note', 'Execution would prejudice an ongoing domestic investigation');
    await other.fill('#action-reason', 'The accounts are part of a German investigation that would be compromised.');
    await other.getByRole('button', { name: 'Confirm: Refuse' }).click();
    await other.locator('.badges .state-refused').waitFor();
    await other.close();
  });

  await step("the requesting side's timeline shows the other side's steps, with the refusal ground's article", async () => {
    await waitUntil(
      'the refusal back in Paris',
      async () => {
        await page.goto(requestUrl);
        await page.locator('.badges .state').waitFor();
        return (await page.locator('.badges .state-refused').count()) > 0;
      },
      120_000,
      async () => JSON.stringify((await berlinAdmin.call('GET', '/api/v1/federation/messages?direction=outbound&limit=20', undefined, 200)).body),
    );
    const reported = page.locator('.timeline-event.origin-counterpart');
    assert.equal(await reported.count(), 2, 'receipt and refusal, reported by the other side');
    const refusal = reported.filter({ hasText: 'Refuse' });
    assert.match((await refusal.textContent()) ?? '', /reported by the other side/);
    assert.match((await refusal.textContent()) ?? '', /UNTOC art\. 18\(21\)\(b\); UNCAC art\. 46\(21\)\(b\)/);
    assert.match((await page.locator('.facts').first().textContent()) ?? '', /would be compromised/);
  });

  await step('two people edit the same draft: the later save loses nothing and re-applies its edits', async () => {
    const colleague = await makeUser(admin, { role: 'practitioner', organisationId: drafter.organisationId });
    const created = await drafter.client.call<{ id: string; version: number }>(
      'POST',
      '/api/v1/requests',
      { type: 'mla', requestedState: 'DEU', title: 'Second request', facts: 'Facts as first written.' },
      201,
    );
    const id = created.body.id;
    await page.goto(`${paris.url}/requests/${id}/edit`);
    assert.equal(await page.inputValue('#f-title'), 'Second request');
    // Meanwhile a colleague saves a change to the facts.
    await colleague.client.call('PATCH', `/api/v1/requests/${id}`, { version: created.body.version, facts: 'Facts corrected by a colleague.' }, 200);

    await page.fill('#f-title', 'Second request, subject rewritten');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const conflict = page.locator('.conflict');
    await conflict.waitFor();
    assert.equal(await conflict.getAttribute('role'), 'alert');
    const text = (await conflict.textContent()) ?? '';
    assert.ok(text.includes(colleague.email), `the conflict names who saved: ${text}`);
    assert.match(text, /Changed in the new version\s*Summary of the facts/);
    assert.match(text, /Changed by you\s*Subject/);
    // Nothing typed is lost while the user decides.
    assert.equal(await page.inputValue('#f-title'), 'Second request, subject rewritten');

    await page.getByRole('button', { name: 'Re-apply my changes to the new version' }).click();
    assert.equal(await page.inputValue('#f-facts'), 'Facts corrected by a colleague.');
    assert.equal(await page.inputValue('#f-title'), 'Second request, subject rewritten');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('.alert-ok', { hasText: /version 3/ }).waitFor();
    const saved = await drafter.client.call<{ title: string; facts: string; version: number }>('GET', `/api/v1/requests/${id}`, undefined, 200);
    assert.equal(saved.body.title, 'Second request, subject rewritten');
    assert.equal(saved.body.facts, 'Facts corrected by a colleague.');
    assert.equal(saved.body.version, 3);
  });

  await step('in Arabic the request page is right-to-left', async () => {
    await page.goto(requestUrl);
    await page.locator('.badges .state-refused').waitFor();
    await page.selectOption('#language', 'ar');
    assert.deepEqual(await htmlDirection(page), { dir: 'rtl', lang: 'ar' });
    assert.equal((await page.locator('.badges .state-refused').textContent()) ?? '', 'مرفوض');
    assert.equal((await page.locator('#timeline-title').textContent()) ?? '', 'السجل الزمني');
    await page.reload();
    await page.locator('.badges .state-refused').waitFor();
    assert.deepEqual(await htmlDirection(page), { dir: 'rtl', lang: 'ar' });
    // The start edge is on the right: the timeline's line runs along the right side.
    const borders = await page.evaluate<{ right: string; left: string }>(
      "(() => { const s = getComputedStyle(document.querySelector('.timeline')); return { right: s.borderRightWidth, left: s.borderLeftWidth }; })()",
    );
    assert.deepEqual(borders, { right: '3px', left: '0px' });
  });

  assert.deepEqual(watch.errors, [], 'uncaught errors in the page');
  assert.deepEqual(watch.foreignRequests, [], 'the UI must not request anything outside the node');
});

/** `a` trusts `b`: b's card, previewed for its fingerprint, imported with that fingerprint confirmed. */
async function trust(a: ApiClient, b: ApiClient): Promise<void> {
  const card = (await b.call('GET', '/federation/v1/card', undefined, 200)).body;
  const preview = await a.call<{ signingFingerprint: string }>('POST', '/api/v1/peers/preview', { card }, 200);
  await a.call('POST', '/api/v1/peers', { card, confirmFingerprint: preview.body.signingFingerprint }, 201);
}

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000, explain?: () => Promise<string>): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${explain ? `; ${await explain()}` : ''}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The fingerprint an operator reads out: SHA-256 of the raw signing key, ten groups of four hex digits. */
function fingerprintOf(card: { card: { keys: { signing: { publicKey: string } } } }): string {
  const hex = createHash('sha256').update(Buffer.from(card.card.keys.signing.publicKey, 'base64url')).digest('hex');
  return (hex.slice(0, 40).match(/.{4}/g) ?? []).join(' ');
}

async function adminOf(node: { url: string; admin: { email: string; oneTimePassword: string } }): Promise<ApiClient> {
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  return admin;
}

test('an administrator trusts a peer node by its card and fingerprint; its authority shows in the directory', async (t) => {
  const reason = browserUnavailable();
  if (reason) return t.skip(reason);

  const paris = await startTestNode();
  const berlin = await startTestNode();
  const browser = await launchBrowser();
  const workDir = mkdtempSync(join(tmpdir(), 'comity-e2e-peers-'));
  t.after(async () => {
    await browser.close();
    await paris.close();
    await berlin.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  // Berlin's operator names the authority its node speaks for and hands over its card.
  const berlinAdmin = await adminOf(berlin);
  const bfj = await berlinAdmin.call<{ id: string }>('POST', '/api/v1/organisations', { name: 'Bundesamt für Justiz', country: 'DEU', kind: 'central-authority' }, 201);
  await berlinAdmin.call('PUT', '/api/v1/federation/profile', { organisationId: bfj.body.id, languages: ['de', 'en'] }, 200);
  const berlinCard = (await berlinAdmin.call<{ card: { nodeId: string; keys: { signing: { publicKey: string } } } }>('GET', '/federation/v1/card', undefined, 200)).body;

  const parisAdmin = await adminOf(paris);
  await parisAdmin.call('POST', '/api/v1/organisations', { name: 'Ministère de la Justice — BEPI', country: 'FRA', kind: 'central-authority' }, 201);
  const page = await signIn(browser, paris.url, paris.admin.email, ADMIN_PASSWORD, { acceptDownloads: true });
  const watch = watchPage(page, paris.url);

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

  await step("this node's card names the chosen authority, shows its fingerprint and downloads", async () => {
    await page.click('a[href="/admin/peers"]');
    await page.locator('#own-card-title').waitFor();
    await page.locator('details.more summary', { hasText: 'What the card says' }).click();
    await page.selectOption('#profile-org', { label: 'Ministère de la Justice — BEPI (FRA)' });
    await page.getByRole('button', { name: 'Save and publish the card' }).click();
    await page.locator('.alert-ok', { hasText: 'Saved' }).waitFor();
    const own = (await parisAdmin.call<{ card: { nodeId: string; keys: { signing: { publicKey: string } } } }>('GET', '/federation/v1/card', undefined, 200)).body;
    await page.locator('[data-testid=own-fingerprint]', { hasText: fingerprintOf(own) }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the card' }).click()]);
    const file = join(workDir, download.suggestedFilename());
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { card: { nodeId: string; authority: { name: string; state: string } } };
    assert.equal(saved.card.nodeId, own.card.nodeId);
    assert.deepEqual({ name: saved.card.authority.name, state: saved.card.authority.state }, { name: 'Ministère de la Justice — BEPI', state: 'FRA' });
  });

  await step("a peer's card shows its fingerprint, and is trusted only once the fingerprint read out matches", async () => {
    await page.fill('#peer-card', JSON.stringify(berlinCard));
    await page.getByRole('button', { name: 'Check the card' }).click();
    const shown = page.locator('[data-testid=preview-fingerprint]');
    await shown.waitFor();
    assert.equal(await shown.textContent(), fingerprintOf(berlinCard));
    const trust = page.getByRole('button', { name: 'Trust this peer' });
    assert.ok(await trust.isDisabled());
    await page.fill('#confirm-fingerprint', '0000 1111 2222 3333 4444 5555 6666 7777 8888 9999');
    assert.match((await page.locator('#confirm-state').textContent()) ?? '', /differ/);
    assert.ok(await trust.isDisabled());
    // Read out by Berlin's operator, typed without spaces: case and spacing do not matter.
    await page.fill('#confirm-fingerprint', fingerprintOf(berlinCard).replace(/ /g, '').toUpperCase());
    assert.match((await page.locator('#confirm-state').textContent()) ?? '', /match/);
    await trust.click();
    await page.locator('.alert-ok', { hasText: 'Bundesamt für Justiz is now a trusted peer' }).waitFor();
    const row = page.locator('tbody tr', { hasText: 'Bundesamt für Justiz' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Active/);
  });

  await step('the peer is suspended with a reason, then resumed', async () => {
    const row = page.locator('tbody tr', { hasText: 'Bundesamt für Justiz' });
    await row.getByRole('button', { name: 'Suspend Bundesamt für Justiz' }).click();
    const confirm = page.locator('form.action-form').getByRole('button', { name: 'Suspend' });
    assert.ok(await confirm.isDisabled(), 'a reason is required');
    await page.fill('#peer-action-reason', 'Key compromise suspected; checking with the operator');
    await confirm.click();
    await row.locator('.peer-suspended').waitFor();
    assert.match((await row.textContent()) ?? '', /Key compromise suspected/);
    await row.getByRole('button', { name: 'Resume Bundesamt für Justiz' }).click();
    await page.fill('#peer-action-reason', 'Operator confirmed the key by telephone');
    await page.locator('form.action-form').getByRole('button', { name: 'Resume' }).click();
    await row.locator('.peer-active').waitFor();
  });

  await step('the directory lists the peer authority and finds it by name', async () => {
    await page.click('a[href="/directory"]');
    const row = page.locator('tbody tr', { hasText: 'Bundesamt für Justiz' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Germany/);
    assert.match((await row.textContent()) ?? '', /de, en/);
    await page.fill('#directory-q', 'zzz-nothing');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('text=No authority matches').waitFor();
    await page.fill('#directory-q', 'bundes');
    await page.getByRole('button', { name: 'Apply' }).click();
    await row.waitFor();
  });

  assert.deepEqual(watch.errors, [], 'uncaught errors in the page');
  assert.deepEqual(watch.foreignRequests, [], 'the UI must not request anything outside the node');
});

test(
  'a practitioner can address a request to another organisation on the same node',
  async (t) => {
    const opened = await nodeAndBrowser(t);
    if (!opened) return;
    const { node, browser } = opened;
    const admin = await adminOf(node);
    const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
    await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
    const page = await signIn(browser, node.url, drafter.email, drafter.password, { acceptDownloads: true });
    await page.goto(`${node.url}/requests/new`);
    await page.locator('#requested-organisation').waitFor();
    await page.waitForLoadState('networkidle');
    const option = page.locator('#requested-organisation option', { hasText: 'Bundesamt für Justiz' });
    assert.equal(await option.count(), 1, 'the German authority on this node is offered');
    await page.selectOption('#requested-organisation', { label: (await option.textContent()) ?? '' });
    assert.equal(await page.inputValue('#f-requestedState'), 'Germany');
  },
);
