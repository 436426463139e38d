// Statistics shared between two real nodes in the browser: Kenya's supervisor fills in the share
// form on the statistics page (peer, months, marking) and sees it sent; Mozambique's analyst opens
// the statistics page and finds Kenya's counts under "Statistics shared by other nodes" with the
// node, the period, the months and the TLP:GREEN marking. In Arabic the page is right to left and
// the ICCS titles (English in the taxonomy) carry lang="en" and the visible fallback mark.
// Screenshots in English and Arabic at 1366 and 390 px in e2e/artifacts/statistics-shares/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { connect, startFederatedNode, waitFor } from '@comity/server/federation/federation-testing';
import { refreshStatistics } from '@comity/server/statistics/statistics-service';
import { makeUser } from '@comity/server/testing/test-node';
import { browserUnavailable, htmlDirection, launchBrowser, signIn, useLanguage, watchPage } from './support/browser.ts';
import { ensureWebBuild, webDir } from './support/test-node.ts';

const shots = new URL('./artifacts/statistics-shares/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

const BASE = {
  country: 'KEN',
  locationKind: 'seaport',
  locationPoint: 'Mombasa',
  authority: 'Kenya Revenue Authority — Customs',
  detectionMethod: 'x-ray',
  conveyanceType: 'container',
  conveyance: { vesselName: 'KOTA HARUM', vesselImo: '9074729' },
};

test('a supervisor shares statistics with a peer from the statistics page; the peer shows them with origin, period and marking', async (t) => {
  const unavailable = browserUnavailable();
  if (unavailable) return t.skip(unavailable);
  await ensureWebBuild();
  const backend = testBackends().find((b) => b.name === 'pglite')!;
  const ken = await startFederatedNode(backend, { name: 'Kenya Revenue Authority (Kenya)', country: 'KEN', config: { webDir } });
  const moz = await startFederatedNode(backend, { name: 'Autoridade Tributária (Mozambique)', country: 'MOZ', config: { webDir } });
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await ken.close();
    await moz.close();
  });
  await connect([ken, moz]);
  const orgOf = async (n: typeof ken) =>
    (await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200)).body.items.find((o) => o.kind === 'central-authority')!.id;
  const kenOrg = await orgOf(ken);
  const officer = await makeUser(ken.adminClient, { role: 'practitioner', organisationId: kenOrg });
  const supervisor = await makeUser(ken.adminClient, { role: 'supervisor', organisationId: kenOrg });
  const analyst = await makeUser(moz.adminClient, { role: 'analyst', organisationId: await orgOf(moz) });
  const create = (body: Record<string, unknown>) => officer.client.call('POST', '/api/v1/seizures', body, 201);
  await create({ ...BASE, reference: 'KRA-W-1', occurredAt: '2026-02-02', items: [{ domain: 'wildlife', species: 'Manis javanica', specimenType: 'scales', quantity: 3200, unit: 'kg' }], iccsCode: '1003' });
  await create({ ...BASE, reference: 'KRA-W-2', occurredAt: '2026-03-12', items: [{ domain: 'wildlife', species: 'Manis javanica', specimenType: 'scales', quantity: 800, unit: 'kg' }], iccsCode: '1003' });
  await create({ ...BASE, reference: 'KRA-D-3', occurredAt: '2026-05-20', items: [{ domain: 'drugs', substance: 'cocaine', quantity: 35, unit: 'kg' }], iccsCode: '06011' });
  await refreshStatistics(ken.node.deps);

  // Kenya's supervisor shares the first half of 2026 per quarter under TLP:GREEN.
  const page = await signIn(browser, ken.url, supervisor.email, supervisor.password);
  const watched = watchPage(page, ken.url);
  await page.goto(`${ken.url}/statistics`);
  const form = page.getByTestId('statistics-share-form');
  await form.locator('#share-peer option', { hasText: 'Autoridade Tributária (Mozambique)' }).waitFor({ state: 'attached' });
  await form.locator('#share-peer').selectOption(moz.nodeId);
  await form.locator('#share-period').selectOption('quarter');
  await form.locator('#share-from').fill('2026-01');
  await form.locator('#share-to').fill('2026-06');
  await form.locator('#share-tlp').selectOption('GREEN');
  await form.locator('#share-note').fill('First half of 2026');
  await form.getByRole('button', { name: 'Share' }).click();
  await page.getByText('Sent to Autoridade Tributária (Mozambique): 2 rows of counts.').waitFor();
  await page.getByTestId('statistics-shared').locator('tr', { hasText: 'Autoridade Tributária (Mozambique)' }).waitFor();

  // Mozambique's analyst finds the counts with their origin, period and marking.
  const peer = await signIn(browser, moz.url, analyst.email, analyst.password);
  const watchedPeer = watchPage(peer, moz.url);
  const share = peer.getByTestId('statistics-received').locator('article.received-share').first();
  await waitFor('the share on the Mozambican page', async () => {
    await peer.goto(`${moz.url}/statistics`);
    await peer.getByTestId('statistics-received').locator('p, article').first().waitFor();
    return (await share.count()) > 0;
  });
  await share.getByRole('heading', { name: /Kenya Revenue Authority \(Kenya\) \(KEN\)/ }).waitFor();
  await share.getByText('TLP:GREEN').waitFor();
  await share.getByText('2026-01 – 2026-06').waitFor();
  await share.getByText('First half of 2026').waitFor();
  const wildlife = share.locator('tr', { hasText: '1003' });
  assert.match((await wildlife.textContent()) ?? '', /^2026-Q1KENSeizures1003.*2$/);
  // In English the ICCS title is plain text, without the fallback mark.
  assert.equal(await wildlife.locator('.fallback').count(), 0);

  for (const [lng, dir] of [
    ['en', 'ltr'],
    ['ar', 'rtl'],
  ] as const) {
    await useLanguage(peer, lng, dir);
    await share.waitFor();
    assert.equal((await htmlDirection(peer)).dir, dir);
    if (lng === 'ar') {
      await peer.getByRole('heading', { name: 'إحصاءات شاركتها عُقد أخرى' }).waitFor();
      // The ICCS title is English text inside an Arabic page: marked as such, visibly.
      const title = share.locator('tr', { hasText: '1003' }).locator('span.fallback[lang="en"]');
      assert.equal(await title.count(), 1);
      assert.equal(await title.getAttribute('dir'), 'ltr');
    }
    for (const width of [1366, 390]) {
      await peer.setViewportSize({ width, height: 900 });
      await peer.screenshot({ path: `${shots}received-${lng}-${width}.png`, fullPage: true });
    }
    await peer.setViewportSize({ width: 1366, height: 900 });
  }
  await useLanguage(page, 'ar', 'rtl');
  await page.getByTestId('statistics-share-form').waitFor();
  await page.screenshot({ path: `${shots}share-form-ar-1366.png`, fullPage: true });
  for (const w of [watched, watchedPeer]) {
    assert.deepEqual(w.errors, []);
    assert.deepEqual(w.foreignRequests, []);
  }
});
