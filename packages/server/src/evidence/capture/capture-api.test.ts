// Web capture through the API on a running node: a list of URLs of a local test server becomes a
// background job with progress per URL (GET and the live `capture` event), each captured page
// five evidence items in the vault with their custody; refused URLs are refused before anything is
// stored, a URL refused mid-way (a redirect to a private address) fails with its reason, a failed
// URL is retried, the allowlist is the administrator's, and another organisation sees nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { CaptureView } from '@comity/contract/evidence-capture';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { createCase } from '../../cases/case-service.ts';
import { addSha512, evidenceOf } from '../evidence-capability.ts';
import { listCustody } from '../evidence-service.ts';
import { ADMIN_PASSWORD, ApiClient, makeUser, type TestNode, startTestNode } from '../../testing/test-node.ts';

const CHROMIUM = process.env.COMITY_CHROMIUM_PATH ?? '/usr/bin/chromium';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

function unavailable(): string | undefined {
  try {
    execFileSync(CHROMIUM, ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return `needs Chromium at ${CHROMIUM}`;
  }
}

/** Collects the names and data of the server-sent events a client hears. */
async function listen(client: ApiClient) {
  const abort = new AbortController();
  const res = await fetch(`${client.baseUrl}/api/v1/events`, { headers: { accept: 'text/event-stream', cookie: client.cookie ?? '' }, signal: abort.signal });
  assert.equal(res.status, 200);
  const heard: { event: string; data: string }[] = [];
  void (async () => {
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) heard.push({ event, data });
        }
      }
    } catch {
      // aborted
    }
  })();
  return { heard, stop: () => abort.abort() };
}

async function waitDone(client: ApiClient, id: string, seconds = 120): Promise<CaptureView> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const r = await client.call<CaptureView>('GET', `/api/v1/evidence/captures/${id}`, undefined, 200);
    if (r.body.done) return r.body;
    if (Date.now() > end) throw new Error(`capture not done after ${seconds} s: ${JSON.stringify(r.body.counts)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

for (const backend of testBackends()) {
  describe(`web capture through the API on ${backend.name}`, { skip: unavailable() }, () => {
    let t: TestNode;
    let server: Server;
    let base = '';
    let admin: ApiClient;
    let investigator: Awaited<ReturnType<typeof makeUser>>;
    let outsider: Awaited<ReturnType<typeof makeUser>>;
    let requestId = '';
    let flakyCalls = 0;

    before(async () => {
      server = createServer((req, res) => {
        const path = req.url ?? '/';
        if (path === '/post') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end('<!doctype html><html><head><meta charset="utf-8"><title>Forum post</title></head><body><h1>Selling stolen cards</h1><img src="/a.png" width="20" height="20"></body></html>');
        }
        if (path === '/a.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
        if (path === '/gone') return res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title><p>Removed</p>');
        if (path === '/to-private') return res.writeHead(302, { location: 'http://192.168.10.10/router' }).end();
        if (path === '/flaky') {
          flakyCalls++;
          if (flakyCalls === 1) return req.socket.destroy();
          return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Back</title><p>Back online</p>');
        }
        res.writeHead(404).end();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      t = await startTestNode(backend, { loginRateLimit: 1000 });
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      investigator = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Office anti-cybercriminalité' });
      outsider = await makeUser(admin, { role: 'practitioner', country: 'BEL', orgName: 'Police fédérale' });
      const { type: _t, ...content } = exampleRequest('mla', 'DEU');
      const created = await investigator.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
      requestId = created.body.id;
    });
    after(async () => {
      await t?.close();
      await new Promise<void>((r) => server.close(() => r()));
    });

    test('before the administrator allows the local server, its URLs are refused and nothing is stored', async () => {
      const r = await investigator.client.call<{ code: string; refused: { url: string; reason: string }[] }>('POST', '/api/v1/evidence/captures', { requestId, urls: [`${base}/post`, 'file:///etc/passwd'] });
      assert.equal(r.status, 400);
      assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal(r.body.code, 'capture_refused');
      assert.deepEqual(
        r.body.refused.map((x) => x.reason),
        // 127.0.0.1 is on the node's own loopback interface: refused as its own address.
        ['own_address', 'scheme_not_allowed'],
      );
      const list = await investigator.client.call<{ items: unknown[] }>('GET', `/api/v1/evidence/captures?requestId=${requestId}`, undefined, 200);
      assert.equal(list.body.items.length, 0);
    });

    test('only an administrator sets the allowlist, hosts only', async () => {
      const denied = await investigator.client.call('PUT', '/api/v1/evidence/capture-allowlist', { hosts: ['127.0.0.1'] });
      assert.equal(denied.status, 403);
      const bad = await admin.call<{ code: string }>('PUT', '/api/v1/evidence/capture-allowlist', { hosts: ['http://127.0.0.1:80/'] });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'invalid_host');
      const ok = await admin.call<{ hosts: string[] }>('PUT', '/api/v1/evidence/capture-allowlist', { hosts: ['127.0.0.1', '127.0.0.1'] }, 200);
      assert.deepEqual(ok.body.hosts, ['127.0.0.1']);
      assert.deepEqual((await admin.call<{ hosts: string[] }>('GET', '/api/v1/evidence/capture-allowlist', undefined, 200)).body.hosts, ['127.0.0.1']);
      const audit = await admin.call<{ items: { action: string; target: string }[] }>('GET', '/api/v1/audit?limit=20', undefined, 200);
      assert.ok(audit.body.items.some((e) => e.action === 'settings.update' && e.target === 'settings:captureAllowHosts'));
    });

    let capture: CaptureView;
    test('a list of URLs is captured in the background with progress per URL and live events', async () => {
      const live = await listen(investigator.client);
      const started = await investigator.client.call<CaptureView>('POST', '/api/v1/evidence/captures', { requestId, urls: [`${base}/post`, `${base}/gone`, `${base}/to-private`, `${base}/flaky`] }, 202);
      assert.equal(started.body.urls.length, 4);
      assert.equal(started.body.done, false);
      capture = await waitDone(investigator.client, started.body.id);
      live.stop();
      const [post, gone, toPrivate, flaky] = capture.urls;
      assert.equal(post?.status, 'captured');
      assert.equal(post?.httpStatus, 200);
      assert.deepEqual(post?.items.map((i) => i.kind), ['screenshot', 'pdf', 'html', 'wacz', 'metadata']);
      assert.equal(gone?.status, 'captured');
      assert.equal(gone?.httpStatus, 404);
      assert.equal(toPrivate?.status, 'failed');
      assert.equal(toPrivate?.reason, 'address_not_public');
      assert.match(toPrivate?.message ?? '', /192\.168\.10\.10/);
      assert.equal(flaky?.status, 'failed');
      assert.equal(flaky?.reason, 'unreachable');
      assert.deepEqual(capture.counts, { queued: 0, running: 0, captured: 2, failed: 2 });
      // The browser heard about the progress without asking.
      const events = live.heard.filter((h) => h.event === 'capture').map((h) => JSON.parse(h.data).captureId);
      assert.ok(events.length >= 4, `heard ${events.length} capture events`);
      assert.ok(events.every((id) => id === capture.id));
    });

    test('each capture is stored as evidence items of the request, typed from their bytes, with custody', async () => {
      const post = capture.urls[0];
      assert.ok(post);
      const db = t.node.deps.db;
      const rows = await db
        .selectFrom('evidence_items')
        .selectAll()
        .where(
          'id',
          'in',
          post.items.map((i) => i.itemId),
        )
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const types = post.items.map((i) => byId.get(i.itemId)?.media_type);
      assert.equal(types[0], 'image/png');
      assert.equal(types[1], 'application/pdf');
      assert.equal(types[3], 'application/zip');
      for (const i of post.items) {
        const row = byId.get(i.itemId);
        assert.ok(row, i.kind);
        assert.equal(row.request_id, requestId);
        assert.equal(row.source_kind, 'captured');
        assert.equal(row.captured_by, investigator.userId);
        assert.equal((row.source as { url: string }).url, `${base}/post`);
        // The SHA-512 is added by a background job; running that step here (it does nothing when the
        // job came first) makes the chain the same on every run: acquired, SHA-256, then SHA-512.
        const evidence = evidenceOf(t.node.deps);
        assert.ok(evidence);
        await addSha512(evidence, i.itemId);
        const custody = await listCustody(db, i.itemId);
        assert.deepEqual(
          custody.map((e) => [e.kind, (e.details as { algorithm?: string } | null)?.algorithm ?? null]),
          [
            ['acquired', null],
            ['hashed', 'sha-256'],
            ['hashed', 'sha-512'],
          ],
        );
      }
      // The metadata item names the capture's facts, and the WACZ item's hash is the stored bytes'.
      const metaRow = byId.get(post.items[4]?.itemId as string);
      assert.ok(metaRow);
      const evidence = (await import('../evidence-capability.ts')).evidenceOf(t.node.deps);
      assert.ok(evidence);
      const chunks: Buffer[] = [];
      const metaStream = await evidence.blobs.openRead(metaRow.sha256);
      assert.ok(metaStream);
      for await (const c of metaStream) chunks.push(c as Buffer);
      const meta = JSON.parse(Buffer.concat(chunks).toString());
      assert.equal(meta.requestedUrl, `${base}/post`);
      assert.equal(meta.status, 200);
      assert.equal(meta.capturedBy.userId, investigator.userId);
      assert.equal(meta.capturedBy.nodeId, t.node.deps.keys.nodeId);
      assert.equal(meta.tool.version, t.node.deps.version);
      assert.match(meta.userAgent, /Chrome/);
      const waczRow = byId.get(post.items[3]?.itemId as string);
      assert.ok(waczRow);
      const wacz: Buffer[] = [];
      const waczStream = await evidence.blobs.openRead(waczRow.sha256);
      assert.ok(waczStream);
      for await (const c of waczStream) wacz.push(c as Buffer);
      assert.equal(createHash('sha256').update(Buffer.concat(wacz)).digest('hex'), waczRow.sha256);
    });

    test('a failed URL is retried and then captured; a captured one cannot be retried', async () => {
      const flaky = capture.urls[3];
      assert.ok(flaky);
      const again = await investigator.client.call<CaptureView>('POST', `/api/v1/evidence/captures/${capture.id}/urls/${flaky.id}/retry`, {}, 202);
      assert.equal(again.body.urls[3]?.status, 'queued');
      const done = await waitDone(investigator.client, capture.id);
      assert.equal(done.urls[3]?.status, 'captured');
      assert.equal(done.urls[3]?.attempts, 2);
      assert.equal(done.urls[3]?.items.length, 5);
      const conflict = await investigator.client.call<{ code: string }>('POST', `/api/v1/evidence/captures/${capture.id}/urls/${flaky.id}/retry`, {});
      assert.equal(conflict.status, 409);
      assert.equal(conflict.body.code, 'capture_not_failed');
      const audit = await admin.call<{ items: { action: string }[] }>('GET', '/api/v1/audit?limit=100', undefined, 200);
      const actions = new Set(audit.body.items.map((e) => e.action));
      for (const a of ['evidence.capture.start', 'evidence.capture.run', 'evidence.capture.done', 'evidence.capture.failed', 'evidence.capture.retry']) assert.ok(actions.has(a), a);
    });

    test("another organisation's user gets 404 for the capture, its retry and its request", async () => {
      assert.equal((await outsider.client.call('GET', `/api/v1/evidence/captures/${capture.id}`)).status, 404);
      assert.equal((await outsider.client.call('POST', `/api/v1/evidence/captures/${capture.id}/urls/${capture.urls[2]?.id}/retry`, {})).status, 404);
      assert.equal((await outsider.client.call('POST', '/api/v1/evidence/captures', { requestId, urls: [`${base}/post`] })).status, 404);
      assert.equal((await outsider.client.call('GET', `/api/v1/evidence/captures?requestId=${requestId}`)).status, 404);
    });

    test("a case's capture: its team captures, the items belong to the case; someone outside the team gets 404", async () => {
      const investigatorActor = { userId: investigator.userId, email: investigator.email, role: 'practitioner' as const, organisationId: investigator.organisationId, mustChangePassword: false, via: 'session' as const };
      const row = await createCase(t.node.deps, { actor: investigatorActor, requestId: null }, { title: 'Card shop on a forum' });
      const started = await investigator.client.call<CaptureView>('POST', '/api/v1/evidence/captures', { caseId: row.id, urls: [`${base}/post`] }, 202);
      const done = await waitDone(investigator.client, started.body.id);
      assert.equal(done.urls[0]?.status, 'captured', done.urls[0]?.message ?? '');
      assert.equal(done.caseId, row.id);
      const items = await t.node.deps.db
        .selectFrom('evidence_items')
        .select(['case_id', 'request_id'])
        .where(
          'id',
          'in',
          (done.urls[0]?.items ?? []).map((i) => i.itemId),
        )
        .execute();
      assert.equal(items.length, 5);
      assert.ok(items.every((i) => i.case_id === row.id && i.request_id === null));
      // A colleague of the same organisation who is not in the case's team cannot see or add to it.
      const colleague = await makeUser(admin, { role: 'practitioner', organisationId: investigator.organisationId });
      assert.equal((await colleague.client.call('GET', `/api/v1/evidence/captures/${done.id}`)).status, 404);
      assert.equal((await colleague.client.call('POST', '/api/v1/evidence/captures', { caseId: row.id, urls: [`${base}/post`] })).status, 404);
    });

    test('bad bodies are problems: no URL, both owners, too many URLs', async () => {
      for (const body of [{ requestId, urls: [] }, { requestId, caseId: requestId, urls: [`${base}/post`] }, { requestId, urls: Array.from({ length: 51 }, () => `${base}/post`) }, { urls: [`${base}/post`] }]) {
        const r = await investigator.client.call('POST', '/api/v1/evidence/captures', body);
        assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
        assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
      }
    });
  });
}
