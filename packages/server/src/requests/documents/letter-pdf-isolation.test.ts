// The PDF renderer treats the letter as hostile: with markup in every text field, or with raw
// unescaped HTML handed to it directly (as if escaping had a bug), Chromium fetches nothing from a
// local server and runs no script, and the PDF shows what the user typed as text.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { REQUEST_TYPES } from '@comity/core/requests/request';
import { buildLetter, type LetterLookups, type LetterSource } from './letter.ts';
import { renderLetterHtml } from './render-html.ts';
import { chromiumPdfRenderer, type PdfRenderer } from './render-pdf.ts';

const CHROMIUM = process.env.COMITY_CHROMIUM_PATH ?? '/usr/bin/chromium';

function unavailable(): string | null {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    return 'pdftotext not installed: apt-get install poppler-utils';
  }
  try {
    execFileSync(CHROMIUM, ['--version'], { stdio: 'ignore' });
  } catch {
    return `no Chromium at ${CHROMIUM}`;
  }
  return null;
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'comity-letter-'));
  try {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, pdf);
    const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Keys whose values are codes the letter looks up (enums, ids, State codes, dates), not free text.
const CODE_KEYS = new Set(['type', 'requestedState', 'requestedOrganisationId', 'kind', 'category', 'iccs', 'instrument', 'articles', 'stage', 'id', 'role', 'nationality', 'consent', 'personIds', 'dateOfBirth', 'urgency', 'marking', 'language', 'languages']);

/** Every free-text string in `value`, however deep, replaced by `text`; returns how many. */
function fillText(value: unknown, text: string): number {
  let count = 0;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (typeof v === 'string') {
        value[i] = text;
        count++;
      } else count += fillText(v, text);
    });
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(record)) {
      if (CODE_KEYS.has(k)) continue;
      if (typeof v === 'string') {
        record[k] = text;
        count++;
      } else count += fillText(v, text);
    }
  }
  return count;
}

const lookups: LetterLookups = { stateName: (code) => code, instrumentTitle: (id) => id, supplements: () => null };

describe('the PDF renderer loads nothing and runs nothing', { skip: unavailable() ?? false }, () => {
  let server: Server;
  let port = 0;
  const hits: string[] = [];
  let renderer: PdfRenderer;

  before(async () => {
    server = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': req.url === '/css' ? 'text/css' : 'text/html' });
      res.end(req.url === '/css' ? 'body { background: red }' : 'hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    renderer = chromiumPdfRenderer(CHROMIUM);
  });
  after(async () => {
    await renderer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  // The script writes its mark only when it runs; its source shows 'SCRIPT'+'-RAN', never SCRIPT-RAN.
  const hostile = () =>
    `<img src="http://127.0.0.1:${port}/img"><link rel=stylesheet href="http://127.0.0.1:${port}/css">` +
    `<iframe src="http://127.0.0.1:${port}/frame"></iframe>` +
    `<script>fetch('http://127.0.0.1:${port}/js');document.documentElement.append('SCRIPT'+'-RAN')</script>`;

  test('a letter with markup in every text field: no request, no script, the text printed as typed', async () => {
    const payload = hostile();
    for (const type of REQUEST_TYPES) {
      const content = exampleRequest(type, 'DEU', null);
      const filled = fillText(content, payload);
      assert.ok(filled >= 8, `${type}: only ${filled} text fields filled`);
      const source: LetterSource = {
        type,
        reference: payload,
        counterpartReference: payload,
        requesting: { name: payload, state: 'FRA' },
        requested: { name: payload, state: 'DEU' },
        content,
        approvedBy: payload,
        approvedAt: new Date('2025-03-02T10:00:00Z'),
        transmittedAt: new Date('2025-03-03T10:00:00Z'),
        attachments: [{ filename: payload, size: 10, sha256: 'a'.repeat(64) }],
        date: new Date('2025-03-03T10:00:00Z'),
      };
      const letter = buildLetter(source, 'en', lookups);
      const pdf = await renderer.render(renderLetterHtml(letter), { marking: 'TLP:AMBER' });
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      assert.ok(text.includes(`<img src="http://127.0.0.1:${port}/img">`), `${type}: the markup is printed as text`);
      assert.ok(text.includes("fetch('http://127.0.0.1:"), `${type}: the script is printed as text`);
      assert.doesNotMatch(text, /SCRIPT-RAN/, `${type}: a script ran`);
    }
    assert.deepEqual(hits, [], 'the local server was contacted');
  });

  test('raw unescaped HTML, as if escaping had failed: still nothing is fetched or run', async () => {
    const html = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0;url=http://127.0.0.1:${port}/refresh">
<link rel=stylesheet href="http://127.0.0.1:${port}/css"><link rel=icon href="http://127.0.0.1:${port}/icon">
<style>@import url("http://127.0.0.1:${port}/import"); @font-face { font-family: X; src: url("http://127.0.0.1:${port}/font"); } p { font-family: X }</style>
</head><body><p>Letter body كتاب 信函</p>${hostile()}
<img src="file:///etc/hostname"><object data="http://127.0.0.1:${port}/object"></object>
<video poster="http://127.0.0.1:${port}/poster"></video>
<form action="http://127.0.0.1:${port}/form"><input type=submit></form>
<script src="http://127.0.0.1:${port}/script.js"></script>
<noscript>JS-OFF</noscript>
</body></html>`;
    const pdf = await renderer.render(html, { marking: 'TLP:RED' });
    // Give a late request (refresh, lazy image) the time to arrive before asserting none did.
    await new Promise((r) => setTimeout(r, 300));
    const text = pdfText(pdf);
    assert.match(text, /Letter body/);
    // Arabic shaping and Chinese glyphs still come from the local system fonts.
    assert.match(text, /كتاب/);
    assert.match(text, /信函/);
    assert.doesNotMatch(text, /SCRIPT-RAN/, 'an inline script ran');
    assert.match(text, /JS-OFF/, 'the page was rendered with JavaScript off');
    assert.deepEqual(hits, [], 'the local server was contacted');
  });
});
