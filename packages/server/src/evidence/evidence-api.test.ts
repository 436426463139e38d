// The evidence API as a browser or script uses it: a resumable upload in chunks (resumed after a
// refused chunk), limits (413 with nothing left), expiry of an abandoned upload, content served
// with its detected type, nosniff and a sandbox, the custody log checked, seal and four-eyes
// download approval (asked of a supervisor the user picks), another organisation's item as 404, and the SHA-512 added afterwards.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, type TestNode, makeUser } from '../testing/test-node.ts';
import { type StoreTestNode, startStoreNode, storeMatrix } from '../testing/test-stores.ts';
import { evidenceOf } from './evidence-capability.ts';
import { sweepExpiredUploads } from './evidence-uploads.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

async function send(u: User, base: string, method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Response> {
  const h: Record<string, string> = { 'tus-resumable': '1.0.0', ...headers };
  if (u.client.cookie) h.cookie = u.client.cookie;
  if (u.client.csrf && method !== 'GET' && method !== 'HEAD') h['x-csrf-token'] = u.client.csrf;
  return fetch(base + path, { method, headers: h, ...(body ? { body } : {}) });
}

async function createUpload(t: TestNode, u: User, meta: Record<string, string>, length: number): Promise<Response> {
  const md = Object.entries(meta)
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(',');
  return send(u, t.url, 'POST', '/api/v1/evidence/uploads', { 'upload-length': String(length), 'upload-metadata': md });
}

async function patch(t: TestNode, u: User, location: string, offset: number, bytes: Buffer): Promise<Response> {
  return send(u, t.url, 'PATCH', location, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, bytes);
}

/** A real PNG (1×1), so the detected type is image/png whatever the name says. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');

for (const { backend, store } of storeMatrix(testBackends())) {
  describe(`evidence API on ${backend.name}, blobs on ${store.name}`, () => {
    let t: StoreTestNode;
    let investigator: User;
    let supervisor: User;
    let supervisor2: User;
    let outsider: User;
    let requestId: string;

    before(async () => {
      t = await startStoreNode(backend, store, { loginRateLimit: 1000 });
      const admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      investigator = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Office central' });
      supervisor = await makeUser(admin, { role: 'supervisor', organisationId: investigator.organisationId });
      supervisor2 = await makeUser(admin, { role: 'supervisor', organisationId: investigator.organisationId });
      outsider = await makeUser(admin, { role: 'supervisor', country: 'ITA', orgName: 'Procura' });
      const { type: _t, ...content } = exampleRequest('mla', 'DEU');
      const created = await investigator.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
      requestId = created.body.id;
    });
    after(() => t.close());

    test('an upload in chunks survives a refused chunk, resumes from HEAD and becomes an item with its hashes and custody', async () => {
      const bytes = Buffer.concat([PNG, randomBytes(300_000)]);
      const res = await createUpload(t, investigator, { title: 'Screenshot of the forum post', requestId, filename: 'post.txt', filetype: 'text/plain' }, bytes.length);
      assert.equal(res.status, 201, await res.clone().text());
      assert.equal(res.headers.get('tus-resumable'), '1.0.0');
      const location = res.headers.get('location') as string;
      assert.match(location, /^\/api\/v1\/evidence\/uploads\/[0-9a-f-]{36}$/);
      let r = await patch(t, investigator, location, 0, bytes.subarray(0, 100_000));
      assert.equal(r.status, 204);
      assert.equal(r.headers.get('upload-offset'), '100000');
      // A chunk sent from the wrong offset is refused with the right one; nothing changes.
      r = await patch(t, investigator, location, 50_000, bytes.subarray(50_000, 150_000));
      assert.equal(r.status, 409);
      assert.equal(((await r.json()) as Json).offset, 100000);
      const head = await send(investigator, t.url, 'HEAD', location, {});
      assert.equal(head.headers.get('upload-offset'), '100000');
      assert.equal(head.headers.get('upload-length'), String(bytes.length));
      // Someone else cannot see or continue it.
      assert.equal((await send(supervisor, t.url, 'HEAD', location, {})).status, 404);
      r = await patch(t, investigator, location, 100_000, bytes.subarray(100_000));
      assert.equal(r.status, 204);
      const itemId = r.headers.get('comity-evidence-item') as string;
      assert.ok(itemId);
      const item = (await investigator.client.call<Json>('GET', `/api/v1/evidence/${itemId}`, undefined, 200)).body;
      assert.equal(item.sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.equal(item.size, bytes.length);
      assert.equal(item.mediaType, 'image/png');
      assert.equal(item.mediaTypeHint, 'text/plain');
      assert.equal(item.preview, 'image');
      assert.equal(item.filename, 'post.txt');
      // Nothing of the upload is left in the uploads folder.
      assert.deepEqual(readdirSync(join(t.dataDir, 'uploads')), []);
      const list = (await investigator.client.call<Json>('GET', `/api/v1/evidence?requestId=${requestId}`, undefined, 200)).body;
      assert.ok(list.items.some((i: Json) => i.id === itemId));

      // The SHA-512 arrives from the job queue, with its own custody event.
      const want512 = createHash('sha512').update(bytes).digest('hex');
      let sha512: string | null = null;
      for (let i = 0; i < 100 && !sha512; i++) {
        sha512 = (await investigator.client.call<Json>('GET', `/api/v1/evidence/${itemId}`, undefined, 200)).body.sha512;
        if (!sha512) await new Promise((res2) => setTimeout(res2, 100));
      }
      assert.equal(sha512, want512);

      // The preview is served with the detected type, nosniff and a sandbox, and is a custody event.
      const view = await send(investigator, t.url, 'GET', `/api/v1/evidence/${itemId}/content`, {});
      assert.equal(view.status, 200);
      assert.equal(view.headers.get('content-type'), 'image/png');
      assert.equal(view.headers.get('x-content-type-options'), 'nosniff');
      assert.match(view.headers.get('content-security-policy') ?? '', /^sandbox; default-src 'none'/);
      assert.deepEqual(Buffer.from(await view.arrayBuffer()), bytes);
      const log = (await investigator.client.call<Json>('GET', `/api/v1/evidence/${itemId}/custody`, undefined, 200)).body;
      assert.deepEqual(
        log.events.map((e: Json) => e.kind),
        ['acquired', 'hashed', 'hashed', 'viewed'],
      );
      assert.equal(log.verification.ok, true);
      assert.equal(log.events[3].actorEmail, investigator.email);
    });

    test('an HTML file is never served as HTML, whatever its name', async () => {
      const html = Buffer.from('<!doctype html><html><body><script>document.title="x"</script></body></html>');
      const res = await createUpload(t, investigator, { title: 'Saved page', requestId, filename: 'picture.png' }, html.length);
      const r = await patch(t, investigator, res.headers.get('location') as string, 0, html);
      const itemId = r.headers.get('comity-evidence-item') as string;
      const item = (await investigator.client.call<Json>('GET', `/api/v1/evidence/${itemId}`, undefined, 200)).body;
      assert.equal(item.mediaType, 'text/html');
      assert.equal(item.preview, 'none');
      for (const disposition of ['inline', 'attachment']) {
        const c = await send(investigator, t.url, 'GET', `/api/v1/evidence/${itemId}/content?disposition=${disposition}`, {});
        assert.equal(c.status, 200);
        assert.equal(c.headers.get('content-type'), 'application/octet-stream');
        assert.match(c.headers.get('content-security-policy') ?? '', /sandbox/);
      }
    });

    test('over the limit: 413 at creation with nothing created; bytes past the announced length remove the upload', async () => {
      const ev = evidenceOf(t.node.deps);
      assert.ok(ev);
      const before = (await t.node.deps.db.selectFrom('evidence_uploads').select('id').execute()).length;
      const tooBig = await createUpload(t, investigator, { title: 'Disk image', requestId }, ev.settings.maxBytes + 1);
      assert.equal(tooBig.status, 413);
      assert.equal(((await tooBig.json()) as Json).code, 'evidence_too_large');
      assert.equal((await t.node.deps.db.selectFrom('evidence_uploads').select('id').execute()).length, before);

      const res = await createUpload(t, investigator, { title: 'Short', requestId }, 10);
      const location = res.headers.get('location') as string;
      const r = await patch(t, investigator, location, 0, randomBytes(20));
      assert.equal(r.status, 413);
      assert.equal((await send(investigator, t.url, 'HEAD', location, {})).status, 404);
      assert.deepEqual(readdirSync(join(t.dataDir, 'uploads')), []);
      assert.deepEqual(await t.blobs.temporaries(), []);
    });

    test('an abandoned upload is removed after its expiry, bytes and all', async () => {
      const ev = evidenceOf(t.node.deps);
      assert.ok(ev);
      const res = await createUpload(t, investigator, { title: 'Abandoned', requestId }, 1000);
      const location = res.headers.get('location') as string;
      const id = location.split('/').at(-1) as string;
      await patch(t, investigator, location, 0, randomBytes(400));
      assert.ok(existsSync(join(t.dataDir, 'uploads', id)));
      // Nothing expires before its time.
      assert.equal(await sweepExpiredUploads(ev, ev.uploads), 0);
      const realNow = ev.now;
      ev.now = () => new Date(Date.now() + (ev.settings.uploadExpirySeconds + 60) * 1000);
      try {
        assert.equal(await sweepExpiredUploads(ev, ev.uploads), 1);
      } finally {
        ev.now = realNow;
      }
      assert.equal(existsSync(join(t.dataDir, 'uploads', id)), false);
      assert.equal((await send(investigator, t.url, 'HEAD', location, {})).status, 404);
    });

    test('a sealed item is downloaded only with another supervisor’s approval, once; other organisations get 404', async () => {
      const res = await createUpload(t, investigator, { title: 'Bank statement', requestId, filename: 'statement.pdf' }, 11);
      const r = await patch(t, investigator, res.headers.get('location') as string, 0, Buffer.from('%PDF-1.4 x\n'));
      const itemId = r.headers.get('comity-evidence-item') as string;
      assert.equal((await outsider.client.call('GET', `/api/v1/evidence/${itemId}`)).status, 404);
      assert.equal((await send(outsider, t.url, 'GET', `/api/v1/evidence/${itemId}/content`, {})).status, 404);
      // Only a supervisor seals.
      assert.equal((await investigator.client.call('POST', `/api/v1/evidence/${itemId}/seal`, {})).status, 403);
      const sealed = (await supervisor.client.call<Json>('POST', `/api/v1/evidence/${itemId}/seal`, { note: 'for trial' }, 200)).body;
      assert.ok(sealed.sealed);
      const refused = await send(investigator, t.url, 'GET', `/api/v1/evidence/${itemId}/content?disposition=attachment`, {});
      assert.equal(refused.status, 403);
      assert.equal(((await refused.json()) as Json).code, 'sealed_needs_approval');
      // Four eyes: a supervisor cannot approve their own download.
      const own = await supervisor.client.call<Json>('POST', `/api/v1/evidence/${itemId}/download-approvals`, { userId: supervisor.userId, reason: 'mine' });
      assert.equal(own.status, 403);
      await supervisor.client.call('POST', `/api/v1/evidence/${itemId}/download-approvals`, { userId: investigator.userId, reason: 'expert copy for the court' }, 201);
      const ok = await send(investigator, t.url, 'GET', `/api/v1/evidence/${itemId}/content?disposition=attachment`, {});
      assert.equal(ok.status, 200);
      assert.match(ok.headers.get('content-disposition') ?? '', /^attachment; filename="statement.pdf"/);
      assert.equal(await ok.text(), '%PDF-1.4 x\n');
      // The approval was for one download.
      assert.equal((await send(investigator, t.url, 'GET', `/api/v1/evidence/${itemId}/content?disposition=attachment`, {})).status, 403);
      const log = (await supervisor2.client.call<Json>('GET', `/api/v1/evidence/${itemId}/custody`, undefined, 200)).body;
      // The SHA-512 job's "hashed" event may fall anywhere after the upload.
      const kinds = log.events.map((e: Json) => e.kind).filter((k: string) => k !== 'hashed');
      assert.deepEqual(kinds, ['acquired', 'sealed', 'download-approved', 'downloaded']);
      assert.equal(log.verification.ok, true);
      // A working copy is refused while sealed; after release it is a new item, linked to the original.
      assert.equal((await investigator.client.call<Json>('POST', `/api/v1/evidence/${itemId}/working-copies`, {})).status, 409);
      await supervisor2.client.call('POST', `/api/v1/evidence/${itemId}/release`, {}, 200);
      const copy = (await investigator.client.call<Json>('POST', `/api/v1/evidence/${itemId}/working-copies`, {}, 201)).body;
      assert.equal(copy.role, 'working-copy');
      assert.equal(copy.derivedFrom, itemId);
      assert.equal(copy.sha256, sealed.sha256);
    });

    test('a download request names the approving supervisor, who alone answers it; four eyes hold for supervisors too', async () => {
      const res = await createUpload(t, investigator, { title: 'Ledger photo', requestId, filename: 'ledger.png' }, PNG.length);
      const itemId = (await patch(t, investigator, res.headers.get('location') as string, 0, PNG)).headers.get('comity-evidence-item') as string;
      // Nothing to ask for before the seal.
      assert.equal((await investigator.client.call<Json>('POST', `/api/v1/evidence/${itemId}/download-requests`, { approverId: supervisor.userId, reason: 'x' })).body.code, 'not_sealed');
      await supervisor.client.call('POST', `/api/v1/evidence/${itemId}/seal`, {}, 200);
      // The picker: the organisation's supervisors, never the asker; not another organisation's.
      const forInvestigator = (await investigator.client.call<Json>('GET', `/api/v1/evidence/${itemId}/approvers`, undefined, 200)).body.items.map((a: Json) => a.id);
      assert.deepEqual(new Set(forInvestigator), new Set([supervisor.userId, supervisor2.userId]));
      const forSupervisor = (await supervisor.client.call<Json>('GET', `/api/v1/evidence/${itemId}/approvers`, undefined, 200)).body.items.map((a: Json) => a.id);
      assert.deepEqual(forSupervisor, [supervisor2.userId]);
      assert.equal((await outsider.client.call('GET', `/api/v1/evidence/${itemId}/approvers`)).status, 404);
      // Not oneself, not a practitioner, not someone from elsewhere.
      const self = await supervisor.client.call<Json>('POST', `/api/v1/evidence/${itemId}/download-requests`, { approverId: supervisor.userId, reason: 'mine' });
      assert.deepEqual([self.status, self.body.code], [403, 'four_eyes']);
      const foreign = await investigator.client.call<Json>('POST', `/api/v1/evidence/${itemId}/download-requests`, { approverId: outsider.userId, reason: 'x' });
      assert.deepEqual([foreign.status, foreign.body.code], [404, 'approver_not_eligible']);
      const empty = await investigator.client.call<Json>('POST', `/api/v1/evidence/${itemId}/download-requests`, { approverId: supervisor.userId, reason: '  ' });
      assert.equal(empty.status, 400);

      const asked = (await investigator.client.call<Json>('POST', `/api/v1/evidence/${itemId}/download-requests`, { approverId: supervisor.userId, reason: 'copy for the expert' }, 201)).body;
      const pending = (await supervisor2.client.call<Json>('GET', `/api/v1/evidence/${itemId}/download-requests`, undefined, 200)).body.items;
      assert.equal(pending.length, 1);
      assert.deepEqual([pending[0].seq, pending[0].requester.id, pending[0].approver.id, pending[0].reason], [asked.seq, investigator.userId, supervisor.userId, 'copy for the expert']);
      // The chosen supervisor is told, with the item to open.
      const notes = (await supervisor.client.call<{ items: Json[] }>('GET', '/api/v1/notifications', undefined, 200)).body.items;
      const note = notes.find((n) => n.kind === 'evidence-download-requested');
      assert.equal(note?.params?.itemId, itemId);
      assert.equal(note?.params?.by, investigator.email);
      assert.equal((await supervisor2.client.call<{ items: Json[] }>('GET', '/api/v1/notifications', undefined, 200)).body.items.filter((n) => n.kind === 'evidence-download-requested').length, 0);
      // Still sealed for the asker until then; another supervisor cannot answer a request addressed to a colleague.
      assert.equal((await send(investigator, t.url, 'GET', `/api/v1/evidence/${itemId}/content?disposition=attachment`, {})).status, 403);
      const wrong = await supervisor2.client.call<Json>('POST', `/api/v1/evidence/${itemId}/download-approvals`, { userId: investigator.userId, reason: 'ok', requestSeq: asked.seq });
      assert.deepEqual([wrong.status, wrong.body.code], [403, 'not_the_approver']);
      const mismatch = await supervisor.client.call<Json>('POST', `/api/v1/evidence/${itemId}/download-approvals`, { userId: supervisor2.userId, reason: 'ok', requestSeq: asked.seq });
      assert.deepEqual([mismatch.status, mismatch.body.code], [404, 'download_request_not_found']);
      await supervisor.client.call('POST', `/api/v1/evidence/${itemId}/download-approvals`, { userId: investigator.userId, reason: 'expert named by the court', requestSeq: asked.seq }, 201);
      assert.deepEqual((await investigator.client.call<Json>('GET', `/api/v1/evidence/${itemId}/download-requests`, undefined, 200)).body.items, []);
      assert.equal((await send(investigator, t.url, 'GET', `/api/v1/evidence/${itemId}/content?disposition=attachment`, {})).status, 200);

      // A supervisor's own download: asked of the other supervisor, approved by them.
      const own = (await supervisor.client.call<Json>('POST', `/api/v1/evidence/${itemId}/download-requests`, { approverId: supervisor2.userId, reason: 'court copy' }, 201)).body;
      await supervisor2.client.call('POST', `/api/v1/evidence/${itemId}/download-approvals`, { userId: supervisor.userId, reason: 'agreed', requestSeq: own.seq }, 201);
      assert.equal((await send(supervisor, t.url, 'GET', `/api/v1/evidence/${itemId}/content?disposition=attachment`, {})).status, 200);

      const log = (await supervisor2.client.call<Json>('GET', `/api/v1/evidence/${itemId}/custody`, undefined, 200)).body;
      const kinds = log.events.map((e: Json) => e.kind).filter((k: string) => k !== 'hashed');
      assert.deepEqual(kinds, ['acquired', 'sealed', 'download-requested', 'download-approved', 'downloaded', 'download-requested', 'download-approved', 'downloaded']);
      const approved = log.events.find((e: Json) => e.kind === 'download-approved');
      assert.equal(approved.details.requestSeq, asked.seq);
      assert.equal(log.verification.ok, true);
    });
  });
}
