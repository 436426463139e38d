// The registries' map in the browser: a practitioner opens the map of seizures and incidents
// (MapLibre on WebGL: this test's Chromium runs with SwiftShader, the software WebGL Debian's
// Chromium ships, instead of the other tests' --disable-gpu), reads the count in the status line
// and the table under the map, filters by species and sees the count change, opens the seizure
// from the point's popup on the map; without WebGL the page says so and keeps the table. English
// and Arabic (right to left) at 1366 and 390 px; screenshots in e2e/artifacts/seizure-map/. No
// request leaves the node (the basemap is shipped).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { makeUser } from '@comity/server/testing/test-node';
import { chromium, type Page } from 'playwright-core';
import { browserUnavailable, chromiumPath, signIn, signedInAdmin, useLanguage, watchPage } from './support/browser.ts';
import { startTestNode } from './support/test-node.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 the map';
const artifacts = resolve(new URL('.', import.meta.url).pathname, 'artifacts/seizure-map');

async function shootBoth(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  const idle = page.locator('.map-canvas[data-idle="true"], .map-unavailable');
  await page.setViewportSize({ width: 1366, height: 900 });
  await idle.first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(artifacts, `${name}-1366.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300); // the map hears the resize a frame later, then frames the points again
  await idle.first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(artifacts, `${name}-390.png`), fullPage: true });
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  assert.ok(width <= 390, `${name} fits a phone (${width} px)`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

const BASE = { locationKind: 'seaport', authority: 'Kenya Revenue Authority — Customs', detectionMethod: 'x-ray', conveyanceType: 'container', iccsCode: '1003' };
const SEIZURES = [
  {
    ...BASE,
    reference: 'MAP-PANGOLIN',
    occurredAt: '2026-03-02',
    country: 'KEN',
    place: 'Kilindini Harbour',
    latitude: -4.05,
    longitude: 39.67,
    route: [
      { stage: 'origin', country: 'NGA' },
      { stage: 'transit', country: 'KEN' },
      { stage: 'destination', country: 'VNM' },
    ],
    items: [{ domain: 'wildlife', species: 'Manis javanica', specimenType: 'scales', quantity: 3200, unit: 'kg' }],
  },
  { ...BASE, reference: 'MAP-COCAINE', occurredAt: '2026-04-10', country: 'NLD', place: 'Rotterdam', latitude: 51.95, longitude: 4.05, items: [{ domain: 'drugs', substance: 'cocaine', quantity: 120, unit: 'kg' }] },
  { ...BASE, reference: 'MAP-CIGARETTES', occurredAt: '2026-05-20', country: 'VNM', items: [{ domain: 'tobacco', productType: 'cigarettes', brand: 'Manchester', quantity: 2_000_000, unit: 'sticks', taxStamps: 'none' }] },
];
const INCIDENT = {
  occurredAt: '2026-05-01T02:10:00+08:00',
  latitude: 1.21,
  longitude: 103.95,
  area: 'Singapore Strait',
  vessel: { name: 'OCEAN PEARL', imo: '9074729', flag: 'PAN', type: 'bulk carrier' },
  vesselStatus: 'underway',
  kind: 'armed-robbery',
  narrative: 'Robbers boarded and stole engine spares.',
  reportingSource: 'ReCAAP ISC',
};

test('the map of seizures and incidents: counts, species filter, a seizure opened from the map, no WebGL fallback', async (t) => {
  const reason = browserUnavailable();
  if (reason) return t.skip(reason);
  const node = await startTestNode();
  // WebGL for MapLibre in headless Chromium: SwiftShader (software), for this test only.
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  t.after(async () => {
    await browser.close();
    await node.close();
  });
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const officer = await makeUser(admin, { role: 'practitioner', country: 'KEN', orgName: 'Kenya Revenue Authority' });
  for (const s of SEIZURES) await officer.client.call('POST', '/api/v1/seizures', s, 201);
  await officer.client.call('POST', '/api/v1/incidents', INCIDENT, 201);

  const page = await signIn(browser, node.url, officer.email, officer.password);
  const watched = watchPage(page, node.url);
  await page.goto(`${node.url}/seizures`);
  await page.getByRole('link', { name: 'Map', exact: true }).first().click();
  await page.locator('h1', { hasText: 'Map of seizures and incidents' }).waitFor();
  const status = page.getByRole('status').filter({ hasText: 'On the map' });
  await status.filter({ hasText: 'On the map: 3 seizures and 1 maritime incidents.' }).waitFor();
  const rows = page.locator('.map-table tbody tr');
  await rows.nth(3).waitFor();
  assert.equal(await rows.count(), 4);
  // The map drew (WebGL) all four points; the legend names every domain in words.
  const canvas = page.locator('.map-canvas[data-idle="true"][data-points="4"]');
  await canvas.waitFor();
  assert.equal(await page.locator('.map-canvas canvas').count(), 1);
  for (const word of ['Wildlife', 'Drugs', 'Tobacco', 'Maritime incident', 'Route of a seizure']) await page.locator('.map-legend li', { hasText: word }).first().waitFor();
  await rows.filter({ hasText: 'MAP-CIGARETTES' }).filter({ hasText: 'placed at the country' }).waitFor();
  await shootBoth(page, 'map-en');

  // Filter by species: one seizure left, in the status line, the table and on the map.
  await page.fill('#map-filter-name', 'manis javanica');
  await page.getByRole('button', { name: 'Show' }).click();
  await status.filter({ hasText: 'On the map: 1 seizures and 0 maritime incidents.' }).waitFor();
  await page.locator('.map-canvas[data-idle="true"][data-points="1"]').waitFor();
  assert.equal(await rows.count(), 1);
  await rows.filter({ hasText: 'MAP-PANGOLIN' }).filter({ hasText: 'Manis javanica' }).waitFor();

  await useLanguage(page, 'ar', 'rtl');
  await page.getByRole('status').filter({ hasText: 'على الخريطة' }).waitFor();
  await shootBoth(page, 'map-species-ar');
  await page.selectOption('#map-filter-domain', '');
  await page.fill('#map-filter-name', '');
  await page.locator('form button[type=submit]', { hasText: 'عرض' }).click();
  await page.locator('.map-canvas[data-idle="true"][data-points="4"]').waitFor();
  await shootBoth(page, 'map-ar');
  await useLanguage(page, 'en', 'ltr');

  // Open the seizure from the map: the only point sits in the middle of the map; its popup links to the record.
  await page.fill('#map-filter-name', 'Manis javanica');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('.map-canvas[data-idle="true"][data-points="1"]').waitFor();
  await page.locator('.map-canvas').scrollIntoViewIfNeeded();
  const box = await page.locator('.map-canvas').boundingBox();
  assert.ok(box);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const open = page.locator('.maplibregl-popup a', { hasText: 'Open MAP-PANGOLIN' });
  await open.waitFor();
  await open.click();
  await page.locator('h1', { hasText: 'MAP-PANGOLIN' }).waitFor();
  assert.match(page.url(), /\/seizures\/[0-9a-f-]{36}$/);

  assert.deepEqual(watched.errors, []);
  assert.deepEqual(watched.foreignRequests, [], 'the basemap and MapLibre come from the node');

  // Without WebGL: a clear message, and the table still lists the records.
  const noGl = await signIn(browser, node.url, officer.email, officer.password);
  await noGl.addInitScript(`{
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return /webgl/.test(String(kind)) ? null : get.call(this, kind, ...rest); };
  }`);
  await noGl.goto(`${node.url}/seizures/map`);
  await noGl.getByText('The map cannot be drawn: this browser has WebGL turned off or unavailable.').waitFor();
  await noGl.getByRole('status').filter({ hasText: 'On the map: 3 seizures and 1 maritime incidents.' }).waitFor();
  assert.equal(await noGl.locator('.map-table tbody tr').count(), 4);
  await shootBoth(noGl, 'map-no-webgl-en');
});
