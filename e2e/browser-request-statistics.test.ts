// Request statistics in the browser: a French prosecutor with one request in preparation and one
// sent to Germany (which Germany has received) opens /requests/statistics and finds both charts
// drawn by Chart.js — requests by state as stacked bars, days to acknowledge and execute as grouped
// bars — each series with its own hatching, the figures in a table under each chart; in Arabic the
// charts are mirrored. Screenshots in e2e/artifacts/request-statistics/ at 1366 and 390 px.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { type ApiClient, makeUser } from '@comity/server/testing/test-node';
import type { Page } from 'playwright-core';
import { chartDrawn, nodeAndBrowser, signIn, signedInAdmin, useLanguage, watchPage } from './support/browser.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 request charts';
const artifacts = resolve(new URL('.', import.meta.url).pathname, 'artifacts/request-statistics');

test('request statistics: state and duration charts drawn with hatching, their figures in tables, mirrored in Arabic', async (t) => {
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const supervisor = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
  const executor = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
  const { type: _type, ...content } = exampleRequest('mla', 'DEU', executor.organisationId);
  const go = (client: ApiClient, id: string, action: string) => client.call('POST', `/api/v1/requests/${id}/transitions`, { action }, 200);
  const sent = await drafter.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
  await go(drafter.client, sent.body.id, 'submit');
  await go(supervisor.client, sent.body.id, 'approve');
  await go(drafter.client, sent.body.id, 'transmit');
  const incoming = await executor.client.call<{ items: { id: string }[] }>('GET', '/api/v1/requests?side=requested', undefined, 200);
  await go(executor.client, incoming.body.items[0]?.id as string, 'receive');
  await drafter.client.call('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', title: 'Bribery of officials' }, 201);

  const page = await signIn(browser, node.url, drafter.email, drafter.password);
  const watched = watchPage(page, node.url);
  await page.goto(`${node.url}/requests/statistics`);
  const states = page.getByTestId('state-chart');
  await states.locator('canvas[role="img"]').waitFor();
  await chartDrawn(page, 'state-chart');
  assert.equal(await states.getAttribute('data-kind'), 'bar');
  assert.equal(await states.getAttribute('data-series'), '5');
  const hatches = (JSON.parse((await states.getAttribute('data-styles')) ?? '[]') as { hatch: string }[]).map((s) => s.hatch);
  assert.equal(new Set(hatches).size, 5, 'each state has its own hatching');
  const stateTable = page.getByTestId('state-chart-table');
  assert.deepEqual(await stateTable.locator('thead th').allTextContents(), ['Counterpart State and type', 'In preparation', 'With the requested authority', 'Executed', 'Refused', 'Withdrawn']);
  assert.deepEqual(await stateTable.locator('tbody tr').first().locator('th, td').allTextContents(), ['Germany · MLA', '1', '1', '0', '0', '0']);
  assert.match((await states.locator('canvas').getAttribute('aria-label')) ?? '', /^Requests by state, per counterpart State and type: In preparation, With the requested authority/);

  const durations = page.getByTestId('duration-chart');
  await durations.locator('canvas[role="img"]').waitFor();
  await chartDrawn(page, 'duration-chart');
  assert.equal(await durations.getAttribute('data-series'), '4');
  assert.deepEqual(await page.getByTestId('duration-chart-table').locator('thead th').allTextContents(), [
    'Counterpart State and type',
    'Acknowledge: median',
    'Acknowledge: 90th percentile',
    'Execute: median',
    'Execute: 90th percentile',
  ]);
  mkdirSync(artifacts, { recursive: true });
  await shoot(page, 'en');

  await useLanguage(page, 'ar', 'rtl');
  await page.locator('[data-testid="state-chart"][data-rtl="true"]').waitFor();
  await chartDrawn(page, 'state-chart');
  assert.deepEqual((await stateTable.locator('thead th').allTextContents()).slice(1), ['قيد الإعداد', 'لدى السلطة المتلقية', 'منفّذة', 'مرفوضة', 'مسحوبة']);
  assert.equal(await durations.getAttribute('data-rtl'), 'true');
  await shoot(page, 'ar');
  assert.deepEqual(watched.errors, []);
  assert.deepEqual(watched.foreignRequests, []);
});

async function shoot(page: Page, lng: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await chartDrawn(page, 'state-chart');
    await page.screenshot({ path: join(artifacts, `statistics-${lng}-${width}.png`), fullPage: true });
    for (const id of ['state-chart', 'duration-chart']) {
      await page.getByTestId(id).screenshot({ path: join(artifacts, `${id}-${lng}-${width}.png`) });
    }
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}
