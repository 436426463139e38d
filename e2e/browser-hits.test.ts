// Hit/no-hit in the browser: two real nodes (France, Germany) holding the same bank account. An
// investigator in France clicks "Check with peers" on the case and watches the query go from
// "waiting for the peer" to "1 hit"; the hit inbox says only "your record … may match a record of
// Bundeskriminalamt (Germany)" with the contact reference; revealing sends the case reference and
// contact, and Germany's inbox shows them only then; Germany declines and France's card says so.
// An administrator sets France's offer to Germany on /admin/hit-offers. Screenshots of the inbox and the offers page in English and Arabic (right to left) at 1366 and 390 px in
// e2e/artifacts/hits/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { connect, startFederatedNode, waitFor } from '@comity/server/federation/federation-testing';
import { ADMIN_PASSWORD, makeUser } from '@comity/server/testing/test-node';
import { browserUnavailable, htmlDirection, launchBrowser, signIn, useLanguage, watchPage } from './support/browser.ts';
import { ensureWebBuild, webDir } from './support/test-node.ts';

const shots = new URL('./artifacts/hits/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

test('checking a case with a peer, and revealing or declining a hit from the inbox', async (t) => {
  const unavailable = browserUnavailable();
  if (unavailable) return t.skip(unavailable);
  await ensureWebBuild();
  const backend = testBackends().find((b) => b.name === 'pglite')!;
  const fr = await startFederatedNode(backend, { name: 'Parquet national financier (France)', country: 'FRA', config: { webDir } });
  const de = await startFederatedNode(backend, { name: 'Bundeskriminalamt (Germany)', country: 'DEU', config: { webDir } });
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await fr.close();
    await de.close();
  });
  await connect([fr, de]);
  const orgOf = async (n: typeof fr) =>
    (await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200)).body.items.find((o) => o.kind === 'central-authority')!.id;
  const frLead = await makeUser(fr.adminClient, { role: 'supervisor', organisationId: await orgOf(fr) });
  const deLead = await makeUser(de.adminClient, { role: 'supervisor', organisationId: await orgOf(de) });
  const frCase = (await frLead.client.call<{ id: string }>('POST', '/api/v1/cases', { title: 'Opération Lagune', reference: 'PNF-2026-0042', marking: 'AMBER' }, 201)).body;
  await frLead.client.call('POST', `/api/v1/cases/${frCase.id}/entities`, { schema: 'BankAccount', properties: { iban: ['DE89 3704 0044 0532 0130 00'] } }, 201);
  const deCase = (await deLead.client.call<{ id: string }>('POST', '/api/v1/cases', { title: 'Verfahren Nord', reference: 'BKA-SO-17', marking: 'AMBER' }, 201)).body;
  await deLead.client.call('POST', `/api/v1/cases/${deCase.id}/entities`, { schema: 'BankAccount', properties: { iban: ['DE89370400440532013000'] } }, 201);
  await de.adminClient.call('PUT', `/api/v1/hits/offers/${fr.nodeId}`, { schemas: ['BankAccount'], maxTlp: 'AMBER' }, 200);

  // France's administrator sets what France offers Germany on the offers page (labels, keyboard).
  const adminPage = await signIn(browser, fr.url, fr.admin.email, ADMIN_PASSWORD);
  const adminWatched = watchPage(adminPage, fr.url);
  await adminPage.goto(`${fr.url}/admin/hit-offers`);
  const offer = adminPage.locator(`section.hit-offer[data-peer="${de.nodeId}"]`);
  await offer.getByText('Nothing is offered to this peer yet.').waitFor();
  await offer.getByLabel('Bank accounts (IBAN)').check();
  await offer.getByLabel('Vessels (IMO number)').focus();
  await adminPage.keyboard.press('Space');
  await offer.getByLabel('Cases marked at most').selectOption('GREEN');
  await offer.getByLabel('Queries per hour at most').fill('30');
  await offer.getByRole('button', { name: 'Save the offer' }).click();
  await offer.getByText('Offer saved.').waitFor();
  const saved = (await fr.adminClient.call<{ items: { peerNodeId: string; schemas: string[]; maxTlp: string; maxQueriesPerHour: number }[] }>('GET', '/api/v1/hits/offers', undefined, 200)).body.items.find((o) => o.peerNodeId === de.nodeId);
  assert.deepEqual(saved && { schemas: [...saved.schemas].sort(), maxTlp: saved.maxTlp, q: saved.maxQueriesPerHour }, { schemas: ['BankAccount', 'Vessel'], maxTlp: 'GREEN', q: 30 });
  for (const [lng, dir] of [
    ['en', 'ltr'],
    ['ar', 'rtl'],
  ] as const) {
    await useLanguage(adminPage, lng, dir);
    await adminPage.locator('section.hit-offer').first().waitFor();
    for (const width of [1366, 390]) {
      await adminPage.setViewportSize({ width, height: 900 });
      await adminPage.screenshot({ path: `${shots}offers-${lng}-${width}.png`, fullPage: true });
    }
  }
  assert.deepEqual(adminWatched.errors, []);

  const page = await signIn(browser, fr.url, frLead.email, frLead.password);
  const watched = watchPage(page, fr.url);
  await page.goto(`${fr.url}/cases/${frCase.id}`);
  const section = page.locator('section[aria-labelledby="case-hits-title"]');
  await section.getByRole('button', { name: 'Check with peers' }).click();
  // Progress: the query appears, then its answer with one hit.
  await section.locator('li.hit-query').first().waitFor();
  await section.locator('li.hit-query-answered', { hasText: '1 hit' }).waitFor({ timeout: 60_000 });
  await section.getByRole('link', { name: 'Open the hits' }).click();

  const card = page.locator('li.hit').first();
  await card.getByText('may match a record of').waitFor();
  await card.getByText('Bundeskriminalamt (Germany)').waitFor();
  await card.getByText('The other authority has not decided yet.').waitFor();
  const reference = (await card.getAttribute('data-hit')) ?? '';
  assert.match(reference, /^[A-Za-z0-9_-]{16,64}$/);
  await card.locator('code.reference', { hasText: reference }).waitFor();

  // Germany has its hit with the same reference and, before France's consent, no French case reference.
  const deHit = await waitFor('the hit in Germany', async () => (await deLead.client.call<{ items: { id: string; contactReference: string; peerDisclosure: unknown }[] }>('GET', '/api/v1/hits', undefined, 200)).body.items[0]);
  assert.equal(deHit.contactReference, reference);
  assert.equal(deHit.peerDisclosure, null);

  for (const [lng, dir] of [
    ['en', 'ltr'],
    ['ar', 'rtl'],
  ] as const) {
    await useLanguage(page, lng, dir);
    await page.locator('li.hit').first().waitFor();
    assert.equal((await htmlDirection(page)).dir, dir);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${shots}inbox-${lng}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  await page.getByRole('heading', { name: 'التطابقات من الأقران' }).waitFor();
  await useLanguage(page, 'en', 'ltr');

  await card.getByRole('button', { name: 'Reveal…' }).click();
  await card.getByLabel('Your case reference').fill('PNF-2026-0042');
  await card.getByLabel('Contact (name, telephone, e-mail)').fill('Bureau 3, +33 1 00 00 00 00');
  await card.getByRole('button', { name: 'Reveal to this authority' }).click();
  await page.getByText('Revealed to the other authority.').waitFor();
  await card.locator('.hit-state-revealed').waitFor();
  await waitFor('the reveal in Germany', async () => {
    const h = (await deLead.client.call<{ items: { peerDisclosure: { caseReference?: string } | null }[] }>('GET', '/api/v1/hits', undefined, 200)).body.items[0];
    return h?.peerDisclosure?.caseReference === 'PNF-2026-0042';
  });

  await deLead.client.call('POST', `/api/v1/hits/${deHit.id}/decline`, {}, 200);
  // France's card says so once the decline arrives (reloaded until then).
  await waitFor('the decline on the French inbox', async () => {
    await page.reload();
    return page
      .getByText('The other authority declined to reveal anything.')
      .waitFor({ timeout: 2000 })
      .then(() => true)
      .catch(() => false);
  });
  assert.deepEqual(watched.errors, []);
});
