// Web capture throughput: captures per minute of a local page (never the internet), beside a
// baseline in the same process — the same page opened by the same Chromium with no interception,
// screenshot only — so the ratio shows what the evidentiary capture costs (every request made by
// the node under the SSRF rules and written to a WARC, a full-page PNG, a PDF print, the HTML,
// the WACZ). Sequential, then with COMITY_CAPTURE_CONCURRENCY-like parallelism (BENCH_PARALLEL).
//   node --import tsx bench/evidence/capture-bench.ts
//   BENCH_SECONDS=30 BENCH_PARALLEL=2 node --import tsx bench/evidence/capture-bench.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { chromiumCapturer } from '../../packages/server/src/evidence/capture/capture-page.ts';

const CHROMIUM = process.env.COMITY_CHROMIUM_PATH ?? '/usr/bin/chromium';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 2);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

// A page like a forum post: text, a stylesheet, a script and four images.
const paragraphs = Array.from({ length: 30 }, (_, i) => `<p>Post ${i}: ${'lorem ipsum dolor sit amet '.repeat(12)}</p>`).join('');
const server = createServer((req, res) => {
  const path = req.url ?? '/';
  if (path === '/style.css') return res.writeHead(200, { 'content-type': 'text/css' }).end('body{font-family:sans-serif;max-width:60em}');
  if (path === '/app.js') return res.writeHead(200, { 'content-type': 'application/javascript' }).end('document.title += " (js)";');
  if (path.startsWith('/img')) return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html><head><meta charset="utf-8"><title>Thread</title><link rel="stylesheet" href="/style.css"></head><body><h1>Thread</h1>${[1, 2, 3, 4].map((n) => `<img src="/img${n}.png" width="60" height="60">`).join('')}${paragraphs}<script src="/app.js"></script></body></html>`,
  );
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

async function measure(label: string, parallel: number, once: () => Promise<unknown>): Promise<number> {
  await once(); // warm-up (browser start, first page)
  let done = 0;
  const end = Date.now() + SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (Date.now() < end) {
        await once();
        done++;
      }
    }),
  );
  const perMinute = (done * 60_000) / (Date.now() - started);
  console.log(`${label.padEnd(46)} ${String(done).padStart(5)} in ${((Date.now() - started) / 1000).toFixed(1)} s  ${perMinute.toFixed(1).padStart(7)} per minute`);
  return perMinute;
}

console.log(`Chromium ${CHROMIUM}, ${SECONDS} s per phase, load average ${loadavg()[0]?.toFixed(2)} before`);

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const baseline = async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.screenshot({ fullPage: true });
  await context.close();
};
const capturer = chromiumCapturer(CHROMIUM, 'bench');
const policy = { allowHosts: ['127.0.0.1'] };
let bytes = 0;
const capture = async () => {
  const r = await capturer.capture(url, { userId: null, nodeId: 'bench' }, { policy, settleMs: 0 });
  bytes = r.wacz.length + r.pdf.length + r.screenshot.length + r.html.length;
};

const b1 = await measure('baseline: goto + full-page PNG, 1 at a time', 1, baseline);
const c1 = await measure('capture (PNG, PDF, HTML, WARC/WACZ), 1 at a time', 1, capture);
const bN = await measure(`baseline, ${PARALLEL} at a time`, PARALLEL, baseline);
const cN = await measure(`capture, ${PARALLEL} at a time`, PARALLEL, capture);
console.log(`capture ÷ baseline: ${(c1 / b1).toFixed(2)}× one at a time, ${(cN / bN).toFixed(2)}× ${PARALLEL} at a time; one capture stores ${(bytes / 1024).toFixed(0)} KiB`);
console.log(`load average ${loadavg()[0]?.toFixed(2)} after`);
await capturer.close();
await browser.close();
server.close();
