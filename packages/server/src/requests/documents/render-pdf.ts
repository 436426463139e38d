// HTML to PDF with the system Chromium (Debian package `chromium`) through playwright-core, which
// gets Arabic shaping and Chinese fonts right. One browser is shared by all documents and closed
// after a minute without work; no browser is ever downloaded.
//
// The page is treated as hostile even though every user text is escaped: each letter gets its own
// context with JavaScript off and service workers blocked, the document is served from a fixed
// URL that only route interception answers, and every other request (http, https, file, …) is
// aborted. The letter's own CSP (render-html.ts) also refuses data: and every other source.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { escapeHtml, tlpColour } from './render-html.ts';

export class PdfUnavailableError extends Error {
  readonly code = 'pdf_renderer_unavailable';
}

export interface PdfRenderer {
  render(html: string, opts: { marking: string }): Promise<Buffer>;
  close(): Promise<void>;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const IDLE_MS = 60_000;
/** Never resolved by DNS (.invalid, RFC 2606): only the route below answers it. */
export const LETTER_URL = 'https://letter.comity.invalid/letter.html';

export function installHint(executablePath: string): string {
  return `PDF documents need Chromium at ${executablePath}, which is not there or does not start. Install it with \`apt-get install chromium fonts-noto-core fonts-noto-cjk\` (or set COMITY_CHROMIUM_PATH); DOCX documents work without it.`;
}

export function chromiumPdfRenderer(executablePath: string): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  let busy = 0;
  let idle: NodeJS.Timeout | null = null;

  const launch = (): Promise<Browser> => {
    if (!existsSync(executablePath)) return Promise.reject(new PdfUnavailableError(installHint(executablePath)));
    browser ??= chromium
      .launch({ executablePath, args: ARGS, timeout: 30_000 })
      .then((b) => {
        b.on('disconnected', () => {
          browser = null;
        });
        return b;
      })
      .catch((err: unknown) => {
        browser = null;
        throw new PdfUnavailableError(`${installHint(executablePath)} (${(err as Error).message.split('\n')[0]})`);
      });
    return browser;
  };
  const closeBrowser = async () => {
    const b = browser;
    browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => {});
  };

  return {
    async render(html, opts) {
      busy++;
      if (idle) clearTimeout(idle);
      try {
        const b = await launch();
        const context = await b.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false });
        try {
          let served = false;
          await context.route('**/*', (route) => {
            const request = route.request();
            // The document itself, once, as the main frame's navigation; nothing else leaves.
            if (!served && request.url() === LETTER_URL && request.isNavigationRequest() && request.frame().parentFrame() === null) {
              served = true;
              return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
            }
            // Any other navigation (a frame, a meta refresh) gets 204 No Content, which Chromium
            // treats as "stay where you are": nothing is fetched and the letter stays on the page.
            if (request.isNavigationRequest()) return route.fulfill({ status: 204, body: '' });
            return route.abort('blockedbyclient');
          });
          const page = await context.newPage();
          await page.goto(LETTER_URL, { waitUntil: 'load' });
          // Fonts are local system fonts (Noto Naskh, Noto CJK); wait until they are laid out.
          // Playwright evaluates in its own world, which runs even with the page's JavaScript off.
          await page.evaluate('document.fonts.ready.then(() => true)');
          const badge = `<span style="background:#000;color:${tlpColour(opts.marking)};font-weight:bold;padding:1px 5px;font-family:monospace">${escapeHtml(opts.marking)}</span>`;
          const pdf = await page.pdf({
            format: 'A4',
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: `<div style="font-size:8px;width:100%;text-align:center;-webkit-print-color-adjust:exact">${badge}</div>`,
            footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;-webkit-print-color-adjust:exact">${badge} &nbsp; <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
            margin: { top: '22mm', bottom: '20mm', left: '18mm', right: '18mm' },
          });
          return Buffer.from(pdf);
        } finally {
          await context.close().catch(() => {});
        }
      } finally {
        busy--;
        if (busy === 0) {
          idle = setTimeout(() => void closeBrowser(), IDLE_MS);
          idle.unref();
        }
      }
    },
    async close() {
      if (idle) clearTimeout(idle);
      await closeBrowser();
    },
  };
}
