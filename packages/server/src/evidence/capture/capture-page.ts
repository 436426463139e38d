// Web capture with the system Chromium (Debian package `chromium`) through playwright-core: for
// one URL, a full-page screenshot (PNG), a PDF print, the page's HTML (the document as the
// browser holds it after its scripts ran), a WACZ holding the WARC of every request and response,
// and a metadata record.
//
// The browser never reaches the network itself. Every request it makes (`context.route('**')`,
// popups and frames included, service workers blocked so none escapes the route) is performed by
// the node in `guardedFetch` under the SSRF rules (ssrf.ts), written to the WARC, and fulfilled
// back to the browser; a refused one is aborted and listed in the metadata with its reason.
// Redirects are answered to the browser as redirects, so it asks again for the next URL and that
// request is checked like the first. WebSockets are closed unopened. As a second wall the browser
// is started with every host name resolving to nothing (`--host-resolver-rules`), so a request
// that escaped interception would fail to resolve rather than reach anything.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Route } from 'playwright-core';
import { FetchFailedError, type FetchedExchange, guardedFetch } from './guarded-fetch.ts';
import { CaptureRefusedError, checkUrl, type SsrfPolicy } from './ssrf.ts';
import { buildWacz } from './wacz.ts';
import { WarcWriter } from './warc.ts';

export const CAPTURE_TOOL = 'Comity web capture';

export interface CaptureOptions {
  policy: SsrfPolicy;
  /** Whole page load (navigation to load event), ms. */
  timeoutMs?: number;
  /** One sub-request, ms. */
  requestTimeoutMs?: number;
  /** Largest single response, bytes. */
  maxResponseBytes?: number;
  /** Extra wait for the network to go quiet after load, ms. */
  settleMs?: number;
  viewport?: { width: number; height: number };
}

export interface CaptureMetadata {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  statusText: string;
  responseHeaders: [string, string][];
  /** The address the node connected to for the final page. */
  serverAddress: string;
  title: string;
  redirects: { url: string; status: number; location: string }[];
  captureStartedAt: string;
  captureFinishedAt: string;
  userAgent: string;
  viewport: { width: number; height: number };
  tool: { name: string; version: string; browser: string };
  capturedBy: { userId: string | null; nodeId: string };
  requests: { url: string; method: string; status: number; bytes: number; serverAddress: string }[];
  blocked: { url: string; reason: string; message: string }[];
}

export interface CaptureResult {
  metadata: CaptureMetadata;
  screenshot: Buffer;
  pdf: Buffer;
  html: Buffer;
  wacz: Buffer;
}

/** Why a URL could not be captured: the reason code is shown to the user with the message. */
export class CaptureFailedError extends Error {
  readonly code = 'capture_failed';
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Capturer {
  capture(url: string, by: { userId: string | null; nodeId: string }, opts: CaptureOptions): Promise<CaptureResult>;
  close(): Promise<void>;
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // Every name resolves to nothing: only route interception answers the browser.
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];
const IDLE_MS = 60_000;
const MAX_REDIRECTS = 10;
const DROP_TO_BROWSER = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

function headerOf(x: FetchedExchange, name: string): string {
  return x.responseHeaders.find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
}

/** The absolute URL a 3xx answer sends to, or null when it is not a redirect. */
function redirectTarget(x: FetchedExchange, from: string): string | null {
  if (![301, 302, 303, 307, 308].includes(x.status)) return null;
  const location = headerOf(x, 'location');
  if (!location) return null;
  try {
    return new URL(location, from).href;
  } catch {
    return null;
  }
}

export function captureInstallHint(executablePath: string): string {
  return `Web capture needs Chromium at ${executablePath}, which is not there or does not start. Install it with \`apt-get install chromium fonts-noto-core fonts-noto-cjk\` (or set COMITY_CHROMIUM_PATH).`;
}

export function chromiumCapturer(executablePath: string, version: string): Capturer {
  let browser: Promise<Browser> | null = null;
  let busy = 0;
  let idle: NodeJS.Timeout | null = null;

  const launch = (): Promise<Browser> => {
    if (!existsSync(executablePath)) return Promise.reject(new CaptureFailedError('browser_unavailable', captureInstallHint(executablePath)));
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
        throw new CaptureFailedError('browser_unavailable', `${captureInstallHint(executablePath)} (${(err as Error).message.split('\n')[0]})`);
      });
    return browser;
  };
  const closeBrowser = async () => {
    const b = browser;
    browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => {});
  };

  return {
    async capture(requestedUrl, by, opts) {
      busy++;
      if (idle) clearTimeout(idle);
      try {
        // The first URL is checked before the browser is even asked, for a clear refusal.
        await checkUrl(opts.policy, requestedUrl);
        const b = await launch();
        return await captureWith(b, requestedUrl, by, opts, version);
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

async function captureWith(
  browser: Browser,
  requestedUrl: string,
  by: { userId: string | null; nodeId: string },
  opts: CaptureOptions,
  version: string,
): Promise<CaptureResult> {
  const viewport = opts.viewport ?? { width: 1366, height: 768 };
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const fetchOpts = { policy: opts.policy, timeoutMs: opts.requestTimeoutMs ?? timeoutMs, maxBytes: opts.maxResponseBytes ?? 50 * 1024 * 1024 };
  const startedAt = new Date();
  const warc = new WarcWriter();
  const exchanges = new Map<string, FetchedExchange>();
  const requests: CaptureMetadata['requests'] = [];
  const blocked: CaptureMetadata['blocked'] = [];
  const abort = new AbortController();
  let mainFailure: Error | null = null;
  let pendingRedirect: string | null = null;
  const redirects: CaptureMetadata['redirects'] = [];

  const context = await browser.newContext({ viewport, serviceWorkers: 'block', acceptDownloads: false, ignoreHTTPSErrors: false });
  try {
    const userAgent = await (async () => {
      const p = await context.newPage();
      const ua = String(await p.evaluate('navigator.userAgent'));
      await p.close();
      return ua;
    })();
    const warcinfoId = warc.warcinfo(startedAt, 'data.warc.gz', {
      software: `${CAPTURE_TOOL} ${version} (playwright-core, Chromium ${browser.version()})`,
      format: 'WARC File Format 1.1',
      conformsTo: 'http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      'http-header-user-agent': userAgent,
      viewport: `${viewport.width}x${viewport.height}`,
      'capturing-node': by.nodeId,
    });

    await context.routeWebSocket('**', (ws) => {
      blocked.push({ url: ws.url(), reason: 'websocket', message: 'WebSocket connections are not opened by the capture.' });
      void ws.close({ code: 1008, reason: 'not captured' }).catch(() => {});
    });
    const fetchRecorded = async (url: string, method: string, headers: Record<string, string>, body: Buffer | null) => {
      const exchange = await guardedFetch({ ...fetchOpts, signal: abort.signal }, { url, method, headers, body });
      warc.exchange(exchange, warcinfoId);
      exchanges.set(`${method} ${url}`, exchange);
      requests.push({ url, method, status: exchange.status, bytes: exchange.rawBody.length, serverAddress: exchange.remoteAddress });
      return exchange;
    };
    await context.route('**', async (route: Route) => {
      const request = route.request();
      const url = request.url();
      const isMain = request.isNavigationRequest() && request.frame().parentFrame() === null;
      let current = url;
      try {
        const headers = await request.allHeaders();
        let method = request.method();
        let body = request.postDataBuffer();
        let exchange = await fetchRecorded(current, method, headers, body);
        // Chromium does not send a redirect it was given by interception back through the
        // route, so the node follows redirects itself, checking and recording each hop: the main
        // page by a new navigation (so the browser's address is the final one), anything else here.
        for (let hop = 0; redirectTarget(exchange, current); hop++) {
          const next = redirectTarget(exchange, current) as string;
          if (isMain) {
            redirects.push({ url: current, status: exchange.status, location: headerOf(exchange, 'location') });
            pendingRedirect = next;
            await route.abort('aborted').catch(() => {});
            return;
          }
          if (hop >= MAX_REDIRECTS) throw new FetchFailedError(`More than ${MAX_REDIRECTS} redirects from ${url}.`);
          if (exchange.status === 303 || ((exchange.status === 301 || exchange.status === 302) && method === 'POST')) {
            method = 'GET';
            body = null;
          }
          current = next;
          exchange = await fetchRecorded(current, method, headers, body);
        }
        const out: Record<string, string> = {};
        for (const [k, v] of exchange.responseHeaders) {
          const key = k.toLowerCase();
          if (DROP_TO_BROWSER.has(key)) continue;
          out[key] = out[key] === undefined ? v : `${out[key]}${key === 'set-cookie' ? '\n' : ', '}${v}`;
        }
        await route.fulfill({ status: exchange.status, headers: out, body: exchange.body }).catch(() => {});
      } catch (err) {
        const e = err as Error;
        blocked.push({ url: current, reason: e instanceof CaptureRefusedError ? e.reason : 'fetch_failed', message: e.message });
        if (isMain && !mainFailure) mainFailure = e;
        await route.abort(e instanceof CaptureRefusedError ? 'blockedbyclient' : 'failed').catch(() => {});
      }
    });

    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    let response: Awaited<ReturnType<typeof page.goto>> = null;
    const deadline = Date.now() + timeoutMs;
    for (let target = requestedUrl, hop = 0; ; hop++) {
      if (hop > MAX_REDIRECTS) throw new CaptureFailedError('too_many_redirects', `More than ${MAX_REDIRECTS} redirects from ${requestedUrl}.`);
      pendingRedirect = null;
      try {
        response = await page.goto(target, { waitUntil: 'load', timeout: Math.max(1, deadline - Date.now()) });
      } catch (err) {
        // Assigned by the route handler, which the compiler cannot see.
        const failure = mainFailure as Error | null;
        const next = pendingRedirect as string | null;
        if (next && !failure) {
          target = next;
          continue;
        }
        abort.abort();
        if (failure instanceof CaptureRefusedError) throw failure;
        if (failure) throw new CaptureFailedError('unreachable', failure.message);
        const message = (err as Error).message.split('\n')[0] ?? '';
        if (/timeout/i.test(message)) throw new CaptureFailedError('timeout', `The page did not finish loading within ${Math.round(timeoutMs / 1000)} s.`);
        throw new CaptureFailedError('navigation_failed', message);
      }
      break;
    }
    if (!response) throw new CaptureFailedError('navigation_failed', 'The browser did not load a page.');
    await page.waitForLoadState('networkidle', { timeout: opts.settleMs ?? 3000 }).catch(() => {});

    const finalUrl = response.url();
    const final = exchanges.get(`${response.request().method()} ${finalUrl}`);
    const title = await page.title();
    const html = Buffer.from(await page.content(), 'utf8');
    const screenshot = await page.screenshot({ fullPage: true, type: 'png', timeout: timeoutMs });
    const pdf = await page.pdf({ printBackground: true, format: 'A4' });
    abort.abort();
    const finishedAt = new Date();
    const tool = { name: CAPTURE_TOOL, version, browser: `Chromium ${browser.version()}` };
    const wacz = buildWacz({
      warc: warc.bytes(),
      index: warc.index,
      page: { url: finalUrl, date: final?.startedAt ?? startedAt, title },
      software: `${tool.name} ${tool.version}`,
      created: finishedAt,
      title: title || finalUrl,
    });
    return {
      metadata: {
        requestedUrl,
        finalUrl,
        status: response.status(),
        statusText: response.statusText(),
        responseHeaders: final?.responseHeaders ?? [],
        serverAddress: final?.remoteAddress ?? '',
        title,
        redirects,
        captureStartedAt: startedAt.toISOString(),
        captureFinishedAt: finishedAt.toISOString(),
        userAgent,
        viewport,
        tool,
        capturedBy: by,
        requests,
        blocked,
      },
      screenshot,
      pdf,
      html,
      wacz,
    };
  } finally {
    abort.abort();
    await context.close().catch(() => {});
  }
}

export { CaptureRefusedError, FetchFailedError };
