// Backtracking and statistics in the browser: a practitioner opens a wildlife seizure, sees under
// "Related" the tobacco seizure carried by the same ship with the vessel named (and not the
// unrelated drugs seizure), and follows the link to that seizure of another domain, whose own
// Related section leads back. A supervisor opens the statistics page: the chart and the table show
// the counts once the job queue has recomputed them (the trend chart drawn by Chart.js, its lines
// told apart by dash and point shape, its figures in a table); in Arabic the page and the chart are
// right to left.
// Screenshots in e2e/artifacts/registry-analysis/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeUser } from '@comity/server/testing/test-node';
import { chartDrawn, nodeAndBrowser, signIn, signedInAdmin, useLanguage, watchPage } from './support/browser.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 backtracking';
const artifacts = resolve(new URL('.', import.meta.url).pathname, 'artifacts/registry-analysis');

const BASE = {
  occurredAt: '2026-03-02',
  country: 'KEN',
  locationKind: 'seaport',
  locationPoint: 'Mombasa',
  authority: 'Kenya Revenue Authority — Customs',
  detectionMethod: 'x-ray',
  conveyanceType: 'container',
};

test('follow a backtracking link from a wildlife seizure to a tobacco seizure of the same ship; statistics show chart and table', async (t) => {
  const saved = process.env.COMITY_STATISTICS_REFRESH_SECONDS;
  process.env.COMITY_STATISTICS_REFRESH_SECONDS = '1';
  t.after(() => {
    if (saved === undefined) delete process.env.COMITY_STATISTICS_REFRESH_SECONDS;
    else process.env.COMITY_STATISTICS_REFRESH_SECONDS = saved;
  });
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const officer = await makeUser(admin, { role: 'practitioner', country: 'KEN', orgName: 'Kenya Revenue Authority' });
  const supervisor = await makeUser(admin, { role: 'supervisor', organisationId: officer.organisationId });
  const create = async (body: Record<string, unknown>) => (await officer.client.call<{ id: string; reference: string }>('POST', '/api/v1/seizures', body, 201)).body;
  const wildlife = await create({ ...BASE, reference: 'KRA-W-1', conveyance: { vesselName: 'KOTA HARUM', vesselImo: '9074729' }, items: [{ domain: 'wildlife', species: 'Manis javanica', specimenType: 'scales', quantity: 3200, unit: 'kg' }], iccsCode: '1003' });
  const tobacco = await create({ ...BASE, reference: 'KRA-T-7', occurredAt: '2026-05-10', locationPoint: 'Lamu', conveyance: { vesselName: 'KOTA HARUM', vesselImo: '9074729' }, items: [{ domain: 'tobacco', productType: 'cigarettes', brand: 'Manchester', quantity: 2_000_000, unit: 'sticks', taxStamps: 'none' }], iccsCode: '09029' });
  await create({ ...BASE, reference: 'KRA-D-3', locationPoint: 'Nairobi JKIA', locationKind: 'airport', conveyanceType: 'air-cargo', conveyance: {}, items: [{ domain: 'drugs', substance: 'cocaine', quantity: 35, unit: 'kg' }], iccsCode: '06011' });

  const page = await signIn(browser, node.url, officer.email, officer.password);
  const watched = watchPage(page, node.url);
  await page.goto(`${node.url}/seizures/${wildlife.id}`);
  const related = page.getByTestId('related-records');
  const link = related.getByRole('link', { name: tobacco.reference });
  await link.waitFor();
  const item = related.locator('[data-testid=related-list] > li', { hasText: tobacco.reference });
  await item.getByText('Vessel: 9074729').waitFor();
  await item.getByText('Tobacco').waitFor();
  assert.equal(await related.getByRole('link', { name: 'KRA-D-3' }).count(), 0, 'the unrelated drugs seizure is not listed');
  await related.getByTestId('related-graph').locator('canvas').first().waitFor();
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'related-en.png'), fullPage: true });

  await link.click();
  await page.waitForURL(`**/seizures/${tobacco.id}`);
  await page.getByTestId('related-records').getByRole('link', { name: wildlife.reference }).waitFor();
  await page.locator('h1', { hasText: tobacco.reference }).waitFor();

  // Statistics: the supervisor's page once the rollup holds the three seizures.
  const boss = await signIn(browser, node.url, supervisor.email, supervisor.password);
  const watchedBoss = watchPage(boss, node.url);
  const seizuresRow = boss.getByTestId('statistics-table').locator('tr', { hasText: '1003' });
  for (let i = 0; ; i++) {
    await boss.goto(`${node.url}/statistics`);
    await boss.getByTestId('statistics-refreshed').waitFor();
    if ((await seizuresRow.count()) > 0) break;
    assert.ok(i < 60, 'the statistics were never recomputed with the new seizures');
    await boss.waitForTimeout(1000);
  }
  assert.match((await seizuresRow.textContent()) ?? '', /2026KENSeizures1003.*1$/);
  // The trend chart: drawn by Chart.js on a canvas with a spoken summary, one line per kind of
  // record, each with its own dash and point shape; its figures in a table under it.
  const chart = boss.getByTestId('statistics-chart');
  const canvas = chart.locator('canvas[role="img"]');
  await canvas.waitFor();
  await chartDrawn(boss, 'statistics-chart');
  assert.equal(await chart.getAttribute('data-kind'), 'line');
  assert.equal(await chart.getAttribute('data-series'), '3');
  assert.equal(await chart.getAttribute('data-rtl'), 'false');
  const styles = JSON.parse((await chart.getAttribute('data-styles')) ?? '[]') as { id: string; dash: number[]; point: string }[];
  assert.deepEqual(
    styles.map((s) => s.id),
    ['seizure', 'incident', 'request'],
  );
  assert.equal(new Set(styles.map((s) => JSON.stringify(s.dash))).size, 3, 'each line has its own dash pattern');
  assert.equal(new Set(styles.map((s) => s.point)).size, 3, 'each line has its own point shape');
  assert.match((await canvas.getAttribute('aria-label')) ?? '', /the highest 3 \(Seizures, 2026\)/);
  const figures = boss.getByTestId('statistics-chart-table');
  assert.deepEqual(await figures.locator('thead th').allTextContents(), ['Period', 'Seizures', 'Incidents', 'Requests']);
  assert.deepEqual(await figures.locator('tbody tr').first().locator('th, td').allTextContents(), ['2026', '3', '0', '0']);
  // One line per country instead: Kenya's.
  await boss.locator('#registry-stats-by').selectOption('country');
  await chart.locator('[data-series-id="KEN"]').waitFor({ state: 'attached' });
  assert.equal(await chart.getAttribute('data-series'), '1');
  assert.deepEqual(await figures.locator('thead th').allTextContents(), ['Period', 'Kenya']);
  await boss.locator('#registry-stats-by').selectOption('source');
  await chart.locator('[data-series-id="seizure"]').waitFor({ state: 'attached' });
  // Per month: every month from the first to the last, April (no seizure) drawn as zero, not skipped.
  await boss.locator('#registry-stats-period').selectOption('month');
  await boss.getByRole('button', { name: 'Show' }).click();
  await figures.locator('tbody tr', { hasText: 'Apr 2026' }).waitFor({ state: 'attached' });
  const months = await figures.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent));
  assert.deepEqual(months, ['Mar 2026200', 'Apr 2026000', 'May 2026100']);
  mkdirSync(artifacts, { recursive: true });
  await shoot(boss, 'statistics-en');

  await useLanguage(boss, 'ar', 'rtl');
  await boss.getByRole('heading', { name: 'إحصاءات السجلات (التصنيف الدولي للجريمة)' }).waitFor();
  await boss.locator('[data-testid="statistics-chart"][data-rtl="true"]').waitFor();
  await chartDrawn(boss, 'statistics-chart');
  assert.deepEqual(await figures.locator('thead th').allTextContents(), ['الفترة', 'المضبوطات', 'الحوادث', 'الطلبات']);
  assert.match((await canvas.getAttribute('aria-label')) ?? '', /المضبوطات/);
  await shoot(boss, 'statistics-ar');
  for (const w of [watched, watchedBoss]) {
    assert.deepEqual(w.errors, []);
    assert.deepEqual(w.foreignRequests, []);
  }
});

/** The statistics page at a desktop and a phone width. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await chartDrawn(page, 'statistics-chart');
    await page.screenshot({ path: join(artifacts, `${name}-${width}.png`), fullPage: true });
    await page.getByTestId('statistics-chart').screenshot({ path: join(artifacts, `${name}-${width}-chart.png`) });
    const figure = await page.getByTestId('statistics-chart').boundingBox();
    const canvas = await page.getByTestId('statistics-chart').locator('canvas').boundingBox();
    assert.ok(figure && canvas && canvas.x >= figure.x - 0.5 && canvas.x + canvas.width <= figure.x + figure.width + 0.5, `the chart stays inside its figure at ${width} px`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}
