// An investigator sends evidence of a case to the other node from the case page, and follows it in
// the transfers panel: two real nodes (France requesting, Germany requested) with the web build, a
// request of the case transmitted to Germany, an item of the case in France's vault. The panel
// shows the route (the case's request and the authority on the other side), the transfer moves from
// offered / sending to "Delivered and accepted", the item arrives in Germany's vault with the same
// SHA-256, and the item page lists the same transfer. Screenshots of the case page's panel in
// English and Arabic (right to left) at 1366 and 390 px in e2e/artifacts/evidence-transfers/.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { evidenceOf } from '@comity/server/evidence/evidence-capability';
import { ingestEvidence } from '@comity/server/evidence/evidence-service';
import { connect, startFederatedNode, waitFor } from '@comity/server/federation/federation-testing';
import { makeUser } from '@comity/server/testing/test-node';
import { browserUnavailable, htmlDirection, launchBrowser, signIn, useLanguage, watchPage } from './support/browser.ts';
import { ensureWebBuild, webDir } from './support/test-node.ts';

const shots = new URL('./artifacts/evidence-transfers/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });
const text = async (l: Locator): Promise<string> => (await l.textContent()) ?? '';

test('sending an item of a case to the other node from the case page, and following the transfer', async (t) => {
  const unavailable = browserUnavailable();
  if (unavailable) return t.skip(unavailable);
  await ensureWebBuild();
  const backend = testBackends().find((b) => b.name === 'pglite')!;
  const fr = await startFederatedNode(backend, { name: 'Ministère de la Justice (France)', country: 'FRA', config: { webDir } });
  const de = await startFederatedNode(backend, { name: 'Bundesamt für Justiz (Germany)', country: 'DEU', config: { webDir } });
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await fr.close();
    await de.close();
  });
  await connect([fr, de]);
  const orgOf = async (n: typeof fr) =>
    (await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200)).body.items.find((o) => o.kind === 'central-authority')!.id;
  const investigator = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: await orgOf(fr) });
  const supervisor = await makeUser(fr.adminClient, { role: 'supervisor', organisationId: investigator.organisationId });

  // A case, and a request of it transmitted to Germany.
  const caseView = (await investigator.client.call<{ id: string }>('POST', '/api/v1/cases', { title: 'Opération Lagune' }, 201)).body;
  const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'DEU', null);
  const request = (
    await investigator.client.call<{ id: string; reference: string; conversationId: string }>(
      'POST',
      '/api/v1/requests',
      { type: 'mla', ...content, requestedNodeId: de.nodeId, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } },
      201,
    )
  ).body;
  await investigator.client.call('POST', `/api/v1/cases/${caseView.id}/requests`, { requestId: request.id }, 200);
  await investigator.client.call('POST', `/api/v1/requests/${request.id}/transitions`, { action: 'submit' }, 200);
  await supervisor.client.call('POST', `/api/v1/requests/${request.id}/transitions`, { action: 'approve', reason: 'Checked' }, 200);
  await investigator.client.call('POST', `/api/v1/requests/${request.id}/transitions`, { action: 'transmit' }, 200);
  await waitFor('the request in Germany', async () => (await de.node.deps.db.selectFrom('requests').select('id').where('conversation_id', '=', request.conversationId).executeTakeFirst())?.id, 60_000);

  // An item of the case (not of the request): 20 MiB, three chunks of 8 MiB.
  const bytes = randomBytes(20 * 1024 * 1024);
  const item = await ingestEvidence(
    evidenceOf(fr.node.deps)!,
    { actor: { userId: investigator.userId, email: investigator.email, role: 'practitioner', organisationId: investigator.organisationId, mustChangePassword: false, via: 'session' }, requestId: null },
    { owner: { caseId: caseView.id }, title: 'Relevés bancaires 2024', source: { kind: 'uploaded' }, mediaTypeHint: 'application/octet-stream', body: Readable.from([bytes]) },
  );

  const page = await signIn(browser, fr.url, investigator.email, investigator.password);
  const watched = watchPage(page, fr.url);
  await page.goto(`${fr.url}/cases/${caseView.id}`);
  const panel = page.locator('section[aria-labelledby="case-evidence-send-title"]');
  await panel.locator('#case-evidence-send-item').waitFor();
  assert.equal(await text(panel.locator('#case-evidence-send-title')), 'Send evidence to another node');
  await panel.locator('#case-evidence-send-item option').first().waitFor({ state: 'attached' });
  assert.equal(await panel.locator('#case-evidence-send-item option').count(), 1);
  // The route: the case's request and the authority on the other side.
  await panel.getByText(/, to Bundesamt für Justiz \(Germany\)/).first().waitFor();
  assert.match(await text(panel), new RegExp(`${request.reference.replace(/[/.]/g, '\\$&')}, to Bundesamt für Justiz \\(Germany\\)`));
  const send = panel.getByRole('button', { name: 'Send to Bundesamt für Justiz (Germany)' });
  await send.click();
  await panel.locator('[role="status"]').first().waitFor();
  // The panel follows the transfer (it polls while it is offered or sending) until it is accepted.
  const row = panel.locator('ul.transfer-list li').first();
  await row.waitFor();
  const seen = new Set<string>();
  await waitFor(
    'the transfer accepted on the page',
    async () => {
      const state = await row.getAttribute('data-state');
      if (state) seen.add(state);
      return state === 'accepted' || state === 'refused';
    },
    180_000,
    100,
  );
  assert.equal(await row.getAttribute('data-state'), 'accepted', [...seen].join(','));
  assert.equal(await text(row.locator('.badge')), 'Delivered and accepted');
  assert.match(await text(row), /Sent to Bundesamt für Justiz \(Germany\)/);
  assert.ok(seen.size >= 1);

  // Germany holds the item, with the same content, on its copy of the request.
  const sha = createHash('sha256').update(bytes).digest('hex');
  const received = await de.node.deps.db.selectFrom('evidence_items').select(['sha256', 'request_id', 'source_kind']).where('sha256', '=', sha).executeTakeFirstOrThrow();
  assert.equal(received.source_kind, 'received');
  // The item page shows the same transfer.
  await page.goto(`${fr.url}/evidence/items/${item.id}`);
  const itemPanel = page.locator('section.evidence-transfers');
  await itemPanel.locator('ul.transfer-list li[data-state="accepted"]').waitFor();

  await page.goto(`${fr.url}/cases/${caseView.id}`);
  for (const [lng, dir] of [
    ['en', 'ltr'],
    ['ar', 'rtl'],
  ] as const) {
    await useLanguage(page, lng, dir);
    await panel.locator('ul.transfer-list li[data-state="accepted"]').waitFor();
    assert.equal((await htmlDirection(page)).dir, dir);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `${shots}case-send-${lng}-${width}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  assert.equal(await text(panel.locator('#case-evidence-send-title')), 'إرسال الأدلة إلى عقدة أخرى');
  assert.deepEqual(watched.errors, []);
});
