// The stolen cultural property registry between two real nodes, in the browser (issue 15 parts 5
// and 6). Greece's administrator turns on, by keyboard, "publish our public records" for Italy
// (the screen says how many records were queued); an Italian investigator finds the Greek record in
// the list, labelled with its origin, read-only, and filters "peers'"; Italy's administrator turns
// "accept" off and the record is gone. Screenshots in English and Arabic (right to left) at 1366
// and 390 px in e2e/artifacts/cultural-federation/, each checked to fit a phone.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { connect, startFederatedNode, waitFor } from '@comity/server/federation/federation-testing';
import { ADMIN_PASSWORD, makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import { browserUnavailable, htmlDirection, launchBrowser, signIn, watchPage } from './support/browser.ts';
import { ensureWebBuild, webDir } from './support/test-node.ts';

const artifacts = new URL('./artifacts/cultural-federation/', import.meta.url).pathname;
const sampleDir = new URL('../data/cultural-property/samples/', import.meta.url).pathname;

async function shoot(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  for (const lang of ['en', 'ar'] as const) {
    await page.selectOption('#language', lang);
    await page.waitForFunction(`document.documentElement.lang === '${lang}'`);
    await ready();
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(artifacts, `${name}-${lang}-${width}.png`), fullPage: true });
      if (width === 390) {
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth');
        assert.ok(overflow <= 390, `${name} (${lang}) fits a phone: ${overflow} px`);
      }
    }
  }
  assert.deepEqual(await htmlDirection(page), { dir: 'rtl', lang: 'ar' });
  await page.selectOption('#language', 'en');
  await page.waitForFunction("document.documentElement.lang === 'en'");
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('an administrator publishes to a peer and stops accepting its records; investigators see peers\u2019 records labelled', async (t) => {
  const unavailable = browserUnavailable();
  if (unavailable) return t.skip(unavailable);
  await ensureWebBuild();
  mkdirSync(artifacts, { recursive: true });
  const backend = testBackends().find((b) => b.name === 'pglite')!;
  const gr = await startFederatedNode(backend, { name: 'Hellenic Police (Greece)', country: 'GRC', config: { webDir } });
  const it = await startFederatedNode(backend, { name: 'Carabinieri TPC (Italy)', country: 'ITA', config: { webDir } });
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await gr.close();
    await it.close();
  });
  await connect([gr, it]);
  const greek = await makeUser(gr.adminClient, { role: 'practitioner', orgName: 'Hellenic Police', country: 'GRC' });
  const record = (
    await greek.client.call<{ id: string }>(
      'POST',
      '/api/v1/cultural-property',
      {
        reference: 'HP-2026-7',
        title: 'Funerary mask of painted wood',
        objectType: 'mask',
        theft: { kind: 'theft', country: 'GRC', place: 'Museum of Olympia' },
        reportingAuthority: 'Hellenic Police, Cultural Heritage Department',
        legalStatus: 'stolen',
        marking: 'CLEAR',
      },
      201,
    )
  ).body;
  const upload = await fetch(`${gr.url}/api/v1/cultural-property/${record.id}/images`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', cookie: greek.client.cookie ?? '', 'x-csrf-token': greek.client.csrf ?? '' },
    body: readFileSync(join(sampleDir, 'mask-01.jpg')),
  });
  assert.equal(upload.status, 201);

  // Greece's administrator: the peers page links to the screen; the switch is reached and turned by keyboard.
  const grAdmin = await signIn(browser, gr.url, gr.admin.email, ADMIN_PASSWORD);
  const grWatch = watchPage(grAdmin, gr.url);
  await grAdmin.goto(`${gr.url}/admin/peers`);
  await grAdmin.getByRole('link', { name: 'Stolen cultural property: exchange with peers' }).click();
  await grAdmin.getByRole('heading', { level: 1, name: 'Stolen cultural property: exchange with peers' }).waitFor();
  const card = grAdmin.locator('li.cultural-peer', { hasText: 'Carabinieri TPC (Italy)' });
  await card.getByText('Italy').first().waitFor();
  const publish = card.getByRole('switch', { name: 'Publish our public records to this node' });
  const accept = card.getByRole('switch', { name: 'Accept the records this node publishes' });
  assert.equal(await publish.isChecked(), false);
  assert.equal(await accept.isChecked(), true, 'accepting is on by default');
  await publish.focus();
  await grAdmin.keyboard.press('Space');
  await card.getByText('Publishing is on. Records queued: 1.').waitFor();
  await card.getByText(/Records sent and not withdrawn: 1\. Last sent: (?!never)/).waitFor();
  assert.equal(await publish.isChecked(), true);
  await shoot(grAdmin, 'admin-publishing', () => card.getByRole('switch').first().waitFor());

  // An Italian investigator finds the Greek record among peers' records, labelled and not a link.
  const carabiniere = await makeUser(it.adminClient, { role: 'practitioner', orgName: 'Carabinieri TPC', country: 'ITA' });
  await carabiniere.client.call('POST', '/api/v1/cultural-property', { title: 'Etruscan funerary urn', objectType: 'urn', reportingAuthority: 'Carabinieri TPC', legalStatus: 'stolen', marking: 'AMBER' }, 201);
  await waitFor('the Greek record on the Italian node', async () => (await carabiniere.client.call<{ total: number }>('GET', '/api/v1/cultural-property?origin=peers', undefined, 200)).body.total === 1);
  const inv = await signIn(browser, it.url, carabiniere.email, carabiniere.password);
  const invWatch = watchPage(inv, it.url);
  await inv.goto(`${it.url}/cultural-property`);
  const rows = inv.locator('.cultural-table tbody tr');
  const greekRow = rows.filter({ hasText: 'Funerary mask of painted wood' });
  await greekRow.getByText('Published by').waitFor();
  await greekRow.getByText('Hellenic Police (Greece)').waitFor();
  assert.equal(await greekRow.getByRole('link').count(), 0, 'a peer\u2019s record is not opened here');
  await rows.filter({ hasText: 'Etruscan funerary urn' }).getByText('This node').waitFor();
  await inv.waitForFunction("(() => { const imgs = [...document.querySelectorAll('.cultural-table img')]; return imgs.length === 1 && imgs.every((i) => i.complete && i.naturalWidth > 0); })()");
  await inv.getByLabel('Whose records').selectOption('peers');
  await inv.getByLabel('Country of theft or excavation').fill('Greece');
  await inv.getByRole('button', { name: 'Apply' }).click();
  await inv.waitForURL(/origin=peers/);
  assert.match(inv.url(), /country=GRC/);
  await rows.first().waitFor();
  await inv.getByText('1 record', { exact: true }).waitFor();
  assert.equal(await rows.count(), 1);
  await shoot(inv, 'list-peers', () => rows.first().waitFor());

  // Italy's administrator stops accepting Greece's records: removed, and the screen says how many.
  const itAdmin = await signIn(browser, it.url, it.admin.email, ADMIN_PASSWORD);
  const itWatch = watchPage(itAdmin, it.url);
  await itAdmin.goto(`${it.url}/admin/cultural-federation`);
  const grCard = itAdmin.locator('li.cultural-peer', { hasText: 'Hellenic Police (Greece)' });
  await grCard.getByText(/Records held from this node: 1\./).waitFor();
  await grCard.getByRole('switch', { name: 'Accept the records this node publishes' }).click();
  await grCard.getByText('Not accepting. Records removed: 1.').waitFor();
  await grCard.getByText(/Records held from this node: 0\. Last received: never\./).waitFor();
  await shoot(itAdmin, 'admin-not-accepting', () => grCard.getByRole('switch').first().waitFor());
  const audited = await it.node.deps.db.selectFrom('audit_entries').select(['action', 'target']).where('action', '=', 'cultural.federation.peer').execute();
  assert.deepEqual(audited, [{ action: 'cultural.federation.peer', target: `peer:${gr.nodeId}` }]);
  await inv.reload();
  await inv.getByText('No record matches.').waitFor();

  for (const w of [grWatch, invWatch, itWatch]) {
    assert.deepEqual(w.errors, []);
    assert.deepEqual(w.foreignRequests, []);
  }
});
