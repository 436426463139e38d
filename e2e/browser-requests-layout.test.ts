// The request page and the lists read well at a desktop width, a small laptop width and a phone
// width, left-to-right and right-to-left: each value of the request's facts gets a readable column
// (or sits under its label on a phone), nothing runs under the completeness panel, a 200-character
// subject without a space pushes nothing off screen, and status pills and references stay on one
// line. Measured on element boxes in the real Chromium; screenshots go to e2e/artifacts/layout/
// (git-ignored, kept by CI) so a person can look at them.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { makeUser } from '@comity/server/testing/test-node';

import type { Page } from 'playwright-core';
import { nodeAndBrowser, signedInAdmin, signIn, useLanguage, watchPage } from './support/browser.ts';

const ADMIN_PASSWORD = 'correct horse battery node 4 layout';
type User = Awaited<ReturnType<typeof makeUser>>;
const artifacts = resolve(new URL('.', import.meta.url).pathname, 'artifacts/layout');

const WIDTHS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'laptop', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const LANGUAGES = [
  { code: 'en', dir: 'ltr' },
  { code: 'ar', dir: 'rtl' },
] as const;

// A subject pasted from a file name or a hash: 200 characters and no place to break.
const SUBJECT = 'OPERATIONMERIDIAN'.repeat(12).slice(0, 200);
const LONG = (topic: string) =>
  `${topic}: between March 2019 and June 2024 the suspects moved the proceeds of bribes paid for public works contracts ` +
  'through shell companies registered in three jurisdictions, using nominee directors and back-to-back loans. ' +
  'The transfers were split below reporting thresholds and passed through correspondent accounts before reaching ' +
  'real estate and luxury goods. Account IBAN DE89370400440532013000 and wallet ' +
  'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlhbc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh received part of the funds.';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Measured {
  scrollWidth: number;
  innerWidth: number;
  /** Each label of a facts list with its value. */
  pairs: { list: number; listWidth: number; label: string; dt: Box; dd: Box }[];
  /** The completeness panel, and every element of the content section, in page coordinates. */
  side: Box | null;
  content: { tag: string; text: string; box: Box }[];
  /** Pills and references: how many line boxes each takes and its height against one line. */
  oneLiners: { text: string; lines: number; height: number; lineHeight: number }[];
}

// A string: the test files are type-checked without the DOM library.
const MEASURE = `(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height }; };
  const pairs = [];
  document.querySelectorAll('dl.facts').forEach((dl, list) => {
    for (const dt of dl.querySelectorAll(':scope > dt')) {
      const dd = dt.nextElementSibling;
      if (dd && dd.tagName === 'DD') pairs.push({ list, listWidth: dl.getBoundingClientRect().width, label: dt.textContent, dt: box(dt), dd: box(dd) });
    }
  });
  const sideEl = document.querySelector('.request-side');
  const section = document.querySelector('section[aria-labelledby="content-title"]');
  const content = section ? [...section.querySelectorAll('*')].filter((el) => el.getClientRects().length > 0)
    .map((el) => ({ tag: el.tagName, text: (el.textContent || '').slice(0, 40), box: box(el) })) : [];
  const oneLiners = [...document.querySelectorAll('main .badge, main .reference')].filter((el) => el.getClientRects().length > 0).map((el) => {
    const style = getComputedStyle(el);
    const lineHeight = style.lineHeight === 'normal' ? parseFloat(style.fontSize) * 1.5 : parseFloat(style.lineHeight);
    return { text: el.textContent, lines: el.getClientRects().length, height: el.getBoundingClientRect().height, lineHeight };
  });
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth, pairs, side: sideEl ? box(sideEl) : null, content, oneLiners };
})()`;

function overlaps(a: Box, b: Box): boolean {
  const eps = 0.5;
  return a.x < b.x + b.width - eps && b.x < a.x + a.width - eps && a.y < b.y + b.height - eps && b.y < a.y + a.height - eps;
}

async function measure(page: Page): Promise<Measured> {
  return page.evaluate<Measured>(MEASURE);
}

function assertNoHorizontalOverflow(m: Measured, where: string): void {
  assert.ok(m.scrollWidth <= m.innerWidth, `${where}: the page is ${m.scrollWidth} px wide in a ${m.innerWidth} px window`);
}

function assertOneLine(m: Measured, where: string): void {
  assert.ok(m.oneLiners.length > 0, `${where}: no pill or reference found`);
  for (const o of m.oneLiners) {
    assert.equal(o.lines, 1, `${where}: "${o.text}" wraps onto ${o.lines} lines`);
    assert.ok(o.height < o.lineHeight * 1.6, `${where}: "${o.text}" is ${o.height} px high for a ${o.lineHeight} px line`);
  }
}

/** The whole page, and what the window shows (easier to read at a phone's width). */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage });
}


const nextFrame = (page: Page) => page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');

/** A node with a drafter, a supervisor and one long request awaiting approval. */
async function setUp(node: { url: string; admin: { email: string; oneTimePassword: string } }): Promise<{ id: string; drafter: User; supervisor: User }> {
  const admin = await signedInAdmin(node, ADMIN_PASSWORD);
  const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const supervisor = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
  const requested = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });

  // A complete MLA request with long text in every free field, submitted so that it waits for the
  // supervisor's approval (and the completeness panel still shows beside it).
  const { type: _type, ...content } = exampleRequest('mla', 'DEU', requested.organisationId);
  const created = await drafter.client.call<{ id: string }>(
    'POST',
    '/api/v1/requests',
    {
      type: 'mla',
      ...content,
      title: SUBJECT,
      caseReference: 'PNF-2025-0042/ECOFIN/MERIDIAN-BIS',
      facts: `${LONG('Facts')}\n\n${LONG('Further facts')}`,
      applicableLaw: LONG('Applicable law'),
      purpose: LONG('Purpose'),
      procedure: LONG('Procedure'),
      legalBasis: { kind: 'treaty', instrument: 'UNTOC' },
    },
    201,
  );
  await drafter.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'submit' }, 200);
  return { id: created.body.id, drafter, supervisor };
}

// One node for both languages (starting one is the slow part); each page is loaded once per
// language and then measured at each width.
test('the request page and the request lists keep a readable layout at three widths in English and Arabic', async (t) => {
  const started = await nodeAndBrowser(t);
  if (!started) return;
  const { node, browser } = started;
  const { id, drafter, supervisor } = await setUp(node);
  const drafterPage = await signIn(browser, node.url, drafter.email, drafter.password);
  const supervisorPage = await signIn(browser, node.url, supervisor.email, supervisor.password);
  const watch = [watchPage(drafterPage, node.url), watchPage(supervisorPage, node.url)];
  for (const lang of LANGUAGES) {
    await useLanguage(drafterPage, lang.code, lang.dir);
    await useLanguage(supervisorPage, lang.code, lang.dir);

    /** Opens the page at the first width, then resizes the window for the others. */
    async function atEachWidth(page: Page, path: string, ready: string, check: (label: string, width: number) => Promise<void>): Promise<void> {
      for (const [i, size] of WIDTHS.entries()) {
        const label = `${lang.code} ${size.width}px ${path}`;
        await t.test(label, async () => {
          await page.setViewportSize({ width: size.width, height: size.height });
          if (i === 0) await page.goto(`${node.url}${path}`);
          await page.locator(ready).first().waitFor();
          await page.evaluate('window.scrollTo(0, 0)');
          await nextFrame(page);
          await check(label, size.width);
        });
      }
    }

    await atEachWidth(drafterPage, `/requests/${id}`, '.request-side .completeness-summary', async (label, width) => {
      const page = drafterPage;
      await page.locator('section[aria-labelledby="content-title"] dd.prose').first().waitFor();
      await shoot(page, `request-${lang.code}-${width}`);
      const m = await measure(page);
      assertNoHorizontalOverflow(m, label);
      // (a) every value has room to be read: at least 40 % of its list, or the whole line under its label.
      assert.ok(m.pairs.length >= 8, `${label}: only ${m.pairs.length} label/value pairs found`);
      for (const p of m.pairs) {
        const wide = p.dd.width >= 0.4 * p.listWidth;
        const below = p.dd.y >= p.dt.y + p.dt.height - 1 && p.dd.width >= 0.9 * p.listWidth;
        assert.ok(
          wide || below,
          `${label}: the value of "${p.label}" is ${Math.round(p.dd.width)} px of a ${Math.round(p.listWidth)} px list (label ${Math.round(p.dt.width)} px)`,
        );
      }
      // (b) nothing of the content runs under the completeness panel, wherever the page is scrolled to.
      assert.ok(m.side, `${label}: the completeness panel is missing`);
      assert.ok(m.content.length > 20, `${label}: the content section is empty`);
      for (const scroll of ['top', 'content'] as const) {
        if (scroll === 'content') {
          const scrolled = await page.evaluate<number>(`(() => { document.getElementById('content-title').scrollIntoView(); return scrollY; })()`);
          assert.ok(scrolled > 0, `${label}: the page did not scroll to the content`);
          await nextFrame(page);
        }
        await shoot(page, `request-${lang.code}-${width}-window-${scroll}`, false);
        const now = await measure(page);
        for (const c of now.content) {
          assert.ok(!now.side || !overlaps(c.box, now.side), `${label} (${scroll}): <${c.tag}> "${c.text}" lies under the completeness panel`);
        }
      }
      // (d) the state pill, the marking and the reference each stay on one line.
      assertOneLine(m, label);
    });

    await atEachWidth(drafterPage, '/requests', 'table.requests-table tbody tr', async (label, width) => {
      await shoot(drafterPage, `list-${lang.code}-${width}`);
      const m = await measure(drafterPage);
      assertNoHorizontalOverflow(m, label);
      await assertTableFits(drafterPage, label);
      assertOneLine(m, label);
    });

    await atEachWidth(supervisorPage, '/requests/approvals', 'table.requests-table tbody tr', async (label, width) => {
      await shoot(supervisorPage, `approvals-${lang.code}-${width}`);
      const m = await measure(supervisorPage);
      assertNoHorizontalOverflow(m, label);
      await assertTableFits(supervisorPage, label);
      assertOneLine(m, label);
    });

    await atEachWidth(supervisorPage, '/notifications', 'ul.notifications li', async (label, width) => {
      await shoot(supervisorPage, `notifications-${lang.code}-${width}`);
      assertNoHorizontalOverflow(await measure(supervisorPage), label);
    });

  }
  for (const w of watch) assert.deepEqual(w.errors, [], 'uncaught errors in the page');
});

/** Every column of the request table is inside its scroll box: nothing to scroll sideways to. */
async function assertTableFits(page: Page, where: string): Promise<void> {
  const fit = await page.evaluate<{ table: number; box: number }>(
    `(() => { const s = document.querySelector('.table-scroll'); return { table: s.scrollWidth, box: s.clientWidth }; })()`,
  );
  assert.ok(fit.table <= fit.box, `${where}: the table is ${fit.table} px wide in a ${fit.box} px box; columns are off screen`);
}
