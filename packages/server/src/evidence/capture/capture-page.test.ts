// Web capture against pages served by a local test server (never the internet): what a user gets
// for a page with images and scripts, a redirect, a 404 and a slow page, the WACZ read back with
// an independent reader (warcio, Webrecorder's WARC library) and `unzip -t`, and the SSRF refusals.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { WARCParser } from 'warcio';
import { CaptureFailedError, type CaptureResult, type Capturer, chromiumCapturer } from './capture-page.ts';
import { CaptureRefusedError, type SsrfPolicy } from './ssrf.ts';

const CHROMIUM = process.env.COMITY_CHROMIUM_PATH ?? '/usr/bin/chromium';
const BY = { userId: 'user-1', nodeId: 'node-test' };
// A 1×1 red PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

function unavailable(): string | null {
  try {
    execFileSync(CHROMIUM, ['--version'], { stdio: 'ignore' });
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return `needs Chromium at ${CHROMIUM} and unzip (apt-get install chromium unzip)`;
  }
}

async function readWarc(warc: Uint8Array) {
  const parser = new WARCParser(new Blob([warc]).stream() as unknown as ReadableStream<Uint8Array>);
  const records: { type: string; url: string; status: number; payloadDigest: string; payload: Buffer; ip: string }[] = [];
  for await (const record of parser) {
    const payload = Buffer.from(await record.readFully(false));
    records.push({
      type: record.warcType ?? '',
      url: record.warcTargetURI ?? '',
      status: Number(record.httpHeaders?.statusCode ?? 0),
      payloadDigest: record.warcHeader('WARC-Payload-Digest') ?? '',
      payload,
      ip: record.warcHeader('WARC-IP-Address') ?? '',
    });
  }
  return records;
}

describe('web capture of local pages', { skip: unavailable() ?? undefined }, () => {
  let server: Server;
  let base = '';
  let port = 0;
  let secretHits = 0;
  let capturer: Capturer;
  const policy: SsrfPolicy = { allowHosts: ['127.0.0.1'], ownAddresses: [] };
  const work = mkdtempSync(join(tmpdir(), 'comity-capture-'));

  before(async () => {
    server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const html = (body: string, status = 200) => {
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'x-test-server': 'capture' });
        res.end(`<!doctype html><html><head><meta charset="utf-8">${body}`);
      };
      if (path?.startsWith('/secret')) {
        secretHits++;
        return html('<title>secret</title></head><body>internal</body></html>');
      }
      switch (path) {
        case '/page':
          return html(
            '<title>Seized forum post</title><link rel="stylesheet" href="/style.css"></head><body><h1>Post 4711</h1><img id="pic" src="/pic.png" width="40" height="40"><p id="out">static</p><script src="/app.js"></script></body></html>',
          );
        case '/style.css':
          res.writeHead(200, { 'content-type': 'text/css' });
          return res.end('h1 { color: rgb(200, 0, 0); }');
        case '/app.js':
          // Sent gzip-encoded: the browser gets it decoded, the WARC keeps the bytes as sent.
          res.writeHead(200, { 'content-type': 'application/javascript', 'content-encoding': 'gzip' });
          return res.end(gzipSync('document.getElementById("out").textContent = "script ran";'));
        case '/pic.png':
          res.writeHead(200, { 'content-type': 'image/png' });
          return res.end(PNG);
        case '/old-address':
          res.writeHead(302, { location: '/page' });
          return res.end();
        case '/gone':
          return html('<title>Not found</title></head><body>This post was removed.</body></html>', 404);
        case '/slow':
          setTimeout(() => html('<title>Slow</title></head><body>finally</body></html>'), 1500);
          return;
        case '/never':
          setTimeout(() => html('<title>Late</title></head><body>late</body></html>'), 20_000).unref();
          return;
        case '/to-private':
          res.writeHead(302, { location: 'http://10.20.30.40/admin' });
          return res.end();
        case '/to-localhost':
          res.writeHead(302, { location: `http://localhost:${port}/secret` });
          return res.end();
        case '/leaky':
          return html(
            `<title>Leaky</title></head><body><p>ok</p><img src="http://localhost:${port}/secret.png"><img src="http://[::ffff:127.0.0.1]:${port}/secret2.png"><img src="http://169.254.169.254/latest/meta-data/"><script>fetch("http://localhost:${port}/secret-fetch").catch(()=>{})</script></body></html>`,
          );
        default:
          return html('<title>?</title></head><body>?</body></html>', 404);
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    capturer = chromiumCapturer(CHROMIUM, '0.1.0-test');
  });
  after(async () => {
    await capturer.close();
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(work, { recursive: true, force: true });
  });

  let page: CaptureResult;
  test('a page with an image, a stylesheet and a gzip-encoded script', async () => {
    page = await capturer.capture(`${base}/page`, BY, { policy });
    const m = page.metadata;
    assert.equal(m.status, 200);
    assert.equal(m.finalUrl, `${base}/page`);
    assert.equal(m.title, 'Seized forum post');
    assert.equal(m.serverAddress, '127.0.0.1');
    assert.ok(m.responseHeaders.some(([k, v]) => k.toLowerCase() === 'x-test-server' && v === 'capture'));
    assert.match(m.userAgent, /Chrome\//);
    assert.deepEqual(m.viewport, { width: 1366, height: 768 });
    assert.deepEqual(m.capturedBy, BY);
    assert.equal(m.tool.version, '0.1.0-test');
    assert.ok(Date.parse(m.captureFinishedAt) >= Date.parse(m.captureStartedAt));
    const fetched = m.requests.map((r) => new URL(r.url).pathname).sort();
    assert.deepEqual(fetched.filter((p) => p !== '/favicon.ico'), ['/app.js', '/page', '/pic.png', '/style.css']);
    // The script ran in the browser (it was decoded for it), and the saved HTML shows its result.
    assert.match(page.html.toString(), /<p id="out">script ran<\/p>/);
    assert.deepEqual([...page.screenshot.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(page.screenshot.readUInt32BE(16), 1366, 'full-page screenshot at the viewport width');
    assert.equal(page.pdf.subarray(0, 5).toString(), '%PDF-');
  });

  test('the WACZ reads back: zip intact, datapackage hashes match, WARC records parse and index offsets point at them', async () => {
    const file = join(work, 'page.wacz');
    writeFileSync(file, page.wacz);
    execFileSync('unzip', ['-tq', file]);
    const files = unzipSync(page.wacz);
    assert.deepEqual(Object.keys(files).sort(), ['archive/data.warc.gz', 'datapackage-digest.json', 'datapackage.json', 'indexes/index.cdx', 'pages/pages.jsonl']);
    const dp = JSON.parse(Buffer.from(files['datapackage.json'] as Uint8Array).toString());
    assert.equal(dp.profile, 'data-package');
    assert.equal(dp.wacz_version, '1.1.1');
    assert.equal(dp.mainPageUrl, `${base}/page`);
    assert.equal(dp.resources.length, 3);
    for (const r of dp.resources) {
      const data = files[r.path] as Uint8Array;
      assert.ok(data, r.path);
      assert.equal(r.hash, `sha256:${createHash('sha256').update(data).digest('hex')}`, r.path);
      assert.equal(r.bytes, data.length);
    }
    const digest = JSON.parse(Buffer.from(files['datapackage-digest.json'] as Uint8Array).toString());
    assert.equal(digest.hash, `sha256:${createHash('sha256').update(files['datapackage.json'] as Uint8Array).digest('hex')}`);
    const pages = Buffer.from(files['pages/pages.jsonl'] as Uint8Array)
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(pages[0].format, 'json-pages-1.0');
    assert.equal(pages[1].url, `${base}/page`);
    assert.equal(pages[1].title, 'Seized forum post');

    const warc = files['archive/data.warc.gz'] as Uint8Array;
    const records = await readWarc(warc);
    assert.equal(records[0]?.type, 'warcinfo');
    const responses = records.filter((r) => r.type === 'response');
    assert.equal(records.filter((r) => r.type === 'request').length, responses.length);
    const js = responses.find((r) => r.url.endsWith('/app.js'));
    assert.ok(js);
    // The WARC keeps the script as it was sent (gzip), and its digest is over those bytes.
    assert.deepEqual([...js.payload.subarray(0, 2)], [0x1f, 0x8b]);
    const png = responses.find((r) => r.url.endsWith('/pic.png'));
    assert.ok(png?.payload.equals(PNG));
    for (const r of responses) {
      assert.equal(r.payloadDigest, `sha256:${createHash('sha256').update(r.payload).digest('hex')}`, r.url);
      assert.equal(r.ip, '127.0.0.1');
    }
    // Each CDXJ line's offset and length cut exactly one record that is the line's URL.
    const lines = Buffer.from(files['indexes/index.cdx'] as Uint8Array).toString().trim().split('\n');
    assert.equal(lines.length, responses.length);
    assert.deepEqual([...lines].sort(), lines, 'index sorted');
    for (const line of lines) {
      const json = JSON.parse(line.slice(line.indexOf('{')));
      const one = await readWarc(warc.subarray(Number(json.offset), Number(json.offset) + Number(json.length)));
      assert.equal(one.length, 1);
      assert.equal(one[0]?.url, json.url);
      assert.equal(String(one[0]?.status), json.status);
    }
  });

  test('a redirect: the final URL, the chain, and both answers in the WARC', async () => {
    const r = await capturer.capture(`${base}/old-address`, BY, { policy });
    assert.equal(r.metadata.requestedUrl, `${base}/old-address`);
    assert.equal(r.metadata.finalUrl, `${base}/page`);
    assert.deepEqual(r.metadata.redirects, [{ url: `${base}/old-address`, status: 302, location: '/page' }]);
    const records = await readWarc(unzipSync(r.wacz)['archive/data.warc.gz'] as Uint8Array);
    const statuses = records.filter((x) => x.type === 'response').map((x) => `${x.status} ${new URL(x.url).pathname}`);
    assert.ok(statuses.includes('302 /old-address'));
    assert.ok(statuses.includes('200 /page'));
  });

  test('a 404 is captured as what the page showed, with its status', async () => {
    const r = await capturer.capture(`${base}/gone`, BY, { policy });
    assert.equal(r.metadata.status, 404);
    assert.match(r.html.toString(), /This post was removed/);
  });

  test('a slow page is waited for', async () => {
    const r = await capturer.capture(`${base}/slow`, BY, { policy });
    assert.equal(r.metadata.status, 200);
    assert.match(r.html.toString(), /finally/);
    assert.ok(Date.parse(r.metadata.captureFinishedAt) - Date.parse(r.metadata.captureStartedAt) >= 1500);
  });

  test('a page slower than the time limit fails with the reason', async () => {
    await assert.rejects(capturer.capture(`${base}/never`, BY, { policy, timeoutMs: 2000 }), (e: unknown) => e instanceof CaptureFailedError && e.reason !== '' && /2 s/.test(e.message));
  });

  test('without the allowlist the local server itself is refused', async () => {
    await assert.rejects(
      capturer.capture(`${base}/page`, BY, { policy: { allowHosts: [], ownAddresses: [] } }),
      (e: unknown) => e instanceof CaptureRefusedError && e.reason === 'address_not_public' && /allowlist/.test(e.message),
    );
  });

  test('private, link-local and loopback addresses, and other schemes, are refused', async () => {
    for (const url of ['http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', `http://localhost:${port}/secret`, `http://[::1]:${port}/secret`, `http://[::ffff:7f00:1]:${port}/secret`]) {
      await assert.rejects(capturer.capture(url, BY, { policy }), (e: unknown) => e instanceof CaptureRefusedError && e.reason === 'address_not_public', url);
    }
    for (const url of ['file:///etc/passwd', 'data:text/html,<h1>hi</h1>', 'ftp://127.0.0.1/x']) {
      await assert.rejects(capturer.capture(url, BY, { policy }), (e: unknown) => e instanceof CaptureRefusedError && e.reason === 'scheme_not_allowed', url);
    }
    assert.equal(secretHits, 0);
  });

  test('a redirect to a private address or to a loopback name is refused like a first URL', async () => {
    await assert.rejects(capturer.capture(`${base}/to-private`, BY, { policy }), (e: unknown) => e instanceof CaptureRefusedError && /10\.20\.30\.40/.test(e.message));
    await assert.rejects(capturer.capture(`${base}/to-localhost`, BY, { policy }), (e: unknown) => e instanceof CaptureRefusedError && /localhost/.test(e.message));
    assert.equal(secretHits, 0);
  });

  test('sub-requests to loopback and link-local are blocked and listed; the page is still captured', async () => {
    const r = await capturer.capture(`${base}/leaky`, BY, { policy });
    assert.equal(r.metadata.status, 200);
    const blocked = r.metadata.blocked.map((b) => `${b.reason} ${b.url}`);
    assert.ok(blocked.some((b) => b.startsWith('address_not_public') && b.includes('/secret.png')), blocked.join('\n'));
    assert.ok(blocked.some((b) => b.includes('/secret2.png')), blocked.join('\n'));
    assert.ok(blocked.some((b) => b.includes('169.254.169.254')), blocked.join('\n'));
    assert.ok(blocked.some((b) => b.includes('/secret-fetch')), blocked.join('\n'));
    assert.equal(secretHits, 0, 'nothing reached the loopback-only paths');
    const records = await readWarc(unzipSync(r.wacz)['archive/data.warc.gz'] as Uint8Array);
    assert.ok(!records.some((x) => x.url.includes('secret')), 'no record of a refused request');
  });
});
