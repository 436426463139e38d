// bench/evidence/ingest-tus: the same ingest through HTTP as the web client does it — a tus upload
// created on a real node (PGlite, folder store), the file sent in PATCHes of the client's chunk size
// (packages/web/src/evidence.ts CHUNK_BYTES), each chunk hashed and written as it arrives, the last
// one adopting the file into the store and recording the item — beside `openssl dgst -sha256` and
// the store-only ingest (`putStream`) of the same file in the same run. Client and node share this
// process (and its main thread), so the figure is a floor. Usage:
// node --import tsx bench/evidence/ingest-tus.ts [MiB] (default 1024).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleRequest } from '../../packages/core/src/requests/examples.ts';
import { testBackends } from '../../packages/db/src/testing.ts';
import { fileBlobStore } from '../../packages/server/src/storage/blob-store.ts';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode } from '../../packages/server/src/testing/test-node.ts';
import { CHUNK_BYTES } from '../../packages/web/src/evidence.ts';

const mib = Number(process.argv[2] ?? 1024);
const dir = mkdtempSync(join(tmpdir(), 'comity-bench-evidence-tus-'));
const backend = testBackends()[0]!;
const t = await startTestNode(backend, { loginRateLimit: 1000 });
try {
  const file = join(dir, 'input.bin');
  const fd = openSync(file, 'w');
  const block = randomBytes(1024 * 1024);
  for (let i = 0; i < mib; i++) {
    block[0] = i & 0xff;
    writeSync(fd, block);
  }
  closeSync(fd);
  const bytes = mib * 1024 * 1024;
  const seconds = (s: bigint) => Number(process.hrtime.bigint() - s) / 1e9;

  const admin = new ApiClient(t.url);
  await admin.signIn(t.admin.email, ADMIN_PASSWORD);
  const user = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Office central' });
  const { type: _t, ...content } = exampleRequest('mla', 'DEU');
  const requestId = (await user.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201)).body.id;
  const headers = (more: Record<string, string>) => ({ 'tus-resumable': '1.0.0', cookie: user.client.cookie ?? '', 'x-csrf-token': user.client.csrf ?? '', ...more });
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const rssBefore = process.memoryUsage().rss;

  execFileSync('openssl', ['dgst', '-sha256', file]);
  let s = process.hrtime.bigint();
  const ossl = execFileSync('openssl', ['dgst', '-sha256', '-r', file]).toString().split(' ')[0];
  const opensslSeconds = seconds(s);

  s = process.hrtime.bigint();
  const stored = await fileBlobStore(join(dir, 'blobs')).putStream(createReadStream(file, { highWaterMark: 1024 * 1024 }));
  const storeSeconds = seconds(s);
  if (stored.sha256 !== ossl) throw new Error('store hash mismatch');

  s = process.hrtime.bigint();
  const created = await fetch(`${t.url}/api/v1/evidence/uploads`, {
    method: 'POST',
    headers: headers({ 'upload-length': String(bytes), 'upload-metadata': `title ${b64('Bench upload')},requestId ${b64(requestId)},filename ${b64('input.bin')}` }),
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const location = created.headers.get('location') as string;
  const fh = await open(file, 'r');
  let offset = 0;
  let itemId: string | null = null;
  let patches = 0;
  try {
    while (offset < bytes) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, bytes - offset));
      await fh.read(chunk, 0, chunk.length, offset);
      const res = await fetch(t.url + location, { method: 'PATCH', headers: headers({ 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }), body: chunk });
      if (res.status !== 204) throw new Error(`PATCH at ${offset}: ${res.status} ${await res.text()}`);
      offset = Number(res.headers.get('upload-offset'));
      itemId = res.headers.get('comity-evidence-item') ?? itemId;
      patches++;
    }
  } finally {
    await fh.close();
  }
  const tusSeconds = seconds(s);
  const item = await user.client.call<{ sha256: string }>('GET', `/api/v1/evidence/${itemId}`, undefined, 200);
  if (item.body.sha256 !== ossl) throw new Error(`item hash mismatch: ${item.body.sha256} vs ${ossl}`);

  const mbs = (x: number) => bytes / 1e6 / x;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(`file: ${mib} MiB, ${patches} PATCHes of ${CHUNK_BYTES / 2 ** 20} MiB, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`openssl dgst -sha256: ${mbs(opensslSeconds).toFixed(0)} MB/s`);
  console.log(`store only (putStream): ${mbs(storeSeconds).toFixed(0)} MB/s = ${(opensslSeconds / storeSeconds).toFixed(2)}× OpenSSL`);
  console.log(`tus over HTTP (create, PATCHes, item): ${mbs(tusSeconds).toFixed(0)} MB/s = ${(opensslSeconds / tusSeconds).toFixed(2)}× OpenSSL, ${(storeSeconds / tusSeconds).toFixed(2)}× the store alone`);
  console.log(`RSS before ${(rssBefore / 2 ** 20).toFixed(0)} MiB, peak ${(peak / 2 ** 20).toFixed(0)} MiB`);
} finally {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
}
