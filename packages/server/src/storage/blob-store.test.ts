// The blob store contract, run unchanged on the folder store and on an S3-compatible store
// (s3rver on a loopback port, reached with @aws-sdk/client-s3): content is kept once under its
// SHA-256 computed while it streams, byte ranges read back exactly, and an upload that fails or
// passes the limit leaves nothing behind, neither under a hash nor as a temporary, and does not
// disturb what was stored before.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { type TestBackend, testBackends } from '@comity/db/testing';
import { startTestNode } from '../testing/test-node.ts';
import { type StartedStore, testStores } from '../testing/test-stores.ts';
import { BlobTooLargeError, HEAD_BYTES, TEMPORARY_MAX_AGE_MS, readableOf, sha256OfBytes } from './blob-store.ts';
import { blobStoreFromEnv } from './node-blob-store.ts';
import { parseS3Url } from './s3-blob-store.ts';

/** `mib` MiB of pseudo-random bytes produced piece by piece, and the SHA-256 computed separately. */
function generated(mib: number, seed: Buffer): { stream: Readable; sha256: () => string; first: () => Buffer } {
  const h = createHash('sha256');
  let i = 0;
  let first = Buffer.alloc(0);
  const stream = new Readable({
    read() {
      if (i === mib) return this.push(null);
      const piece = Buffer.alloc(1024 * 1024);
      const block = createHash('sha512').update(seed).update(String(i++)).digest();
      for (let o = 0; o < piece.length; o += block.length) block.copy(piece, o);
      if (first.length === 0) first = Buffer.from(piece);
      h.update(piece);
      this.push(piece);
    },
  });
  return { stream, sha256: () => h.digest('hex'), first: () => first };
}

async function bytesOf(r: Readable | null): Promise<Buffer> {
  assert.ok(r, 'the blob is readable');
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

for (const kind of testStores()) {
  describe(`blob store on ${kind.name}`, () => {
    let s: StartedStore;
    before(async () => {
      s = await kind.start();
    });
    after(() => s.close());

    test('small content is stored once under its SHA-256 and read back', async () => {
      const bytes = randomBytes(3000);
      const a = await s.store.put(bytes);
      const b = await s.store.put(bytes);
      assert.equal(a.sha256, sha256OfBytes(bytes));
      assert.deepEqual(b, a);
      assert.equal(a.size, 3000);
      assert.ok(await s.store.has(a.sha256));
      assert.deepEqual(await s.store.get(a.sha256), bytes);
      assert.equal(await s.store.sizeOf(a.sha256), 3000);
      assert.equal((await s.contents()).filter((k) => k === a.sha256).length, 1);
    });

    test('absent or malformed hashes answer as absent', async () => {
      const missing = sha256OfBytes(randomBytes(8));
      assert.equal(await s.store.has(missing), false);
      assert.equal(await s.store.get(missing), null);
      assert.equal(await s.store.openRead(missing), null);
      assert.equal(await s.store.sizeOf(missing), null);
      assert.equal(await s.store.has('../../etc/passwd'), false);
      assert.equal(await s.store.get('ABC'), null);
    });

    test('a 20 MiB stream is hashed while it arrives, kept under its hash, with no temporary left', async () => {
      const src = generated(20, randomBytes(16));
      let seen = 0;
      const stored = await s.store.putStream(src.stream, { onBytes: (n) => (seen = n) });
      assert.equal(stored.sha256, src.sha256());
      assert.equal(stored.size, 20 * 1024 * 1024);
      assert.equal(seen, stored.size);
      assert.deepEqual(stored.head, src.first().subarray(0, HEAD_BYTES));
      assert.equal(await s.store.sizeOf(stored.sha256), stored.size);
      const back = createHash('sha256');
      for await (const c of (await s.store.openRead(stored.sha256)) as Readable) back.update(c as Buffer);
      assert.equal(back.digest('hex'), stored.sha256);
      assert.deepEqual(await s.temporaries(), []);
    });

    test('a byte range reads exactly those bytes (inclusive end, as in HTTP)', async () => {
      const bytes = randomBytes(200_000);
      const { sha256 } = await s.store.putStream(readableOf(bytes));
      assert.deepEqual(await bytesOf(await s.store.openRead(sha256, { start: 1000, end: 1999 })), bytes.subarray(1000, 2000));
      assert.deepEqual(await bytesOf(await s.store.openRead(sha256, { start: 199_990, end: 199_999 })), bytes.subarray(199_990));
      // (bytes=0-0 is left out: s3rver 3.7.1 reads an end of 0 as "to the end"; real S3 does not.)
      assert.deepEqual(await bytesOf(await s.store.openRead(sha256, { start: 0, end: 1 })), bytes.subarray(0, 2));
      assert.deepEqual(await bytesOf(await s.store.openRead(sha256)), bytes);
    });

    test('the same content streamed twice is one blob', async () => {
      const bytes = Buffer.from('the same statement, twice');
      const a = await s.store.putStream(readableOf(bytes));
      const b = await s.store.putStream(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
      assert.equal(a.sha256, b.sha256);
      assert.equal((await s.contents()).filter((k) => k === a.sha256).length, 1);
      assert.deepEqual(await s.temporaries(), []);
    });

    test('over the limit: refused, nothing kept, what was stored before is intact', async () => {
      const earlier = await s.store.put(Buffer.from('stored before the oversized upload'));
      const before = (await s.contents()).sort();
      const src = generated(12, randomBytes(16));
      await assert.rejects(s.store.putStream(src.stream, { maxBytes: 9 * 1024 * 1024 }), (err) => err instanceof BlobTooLargeError && err.limit === 9 * 1024 * 1024);
      assert.deepEqual((await s.contents()).sort(), before);
      assert.deepEqual(await s.temporaries(), []);
      assert.equal((await s.store.get(earlier.sha256))?.toString(), 'stored before the oversized upload');
    });

    test('a source that fails half-way leaves nothing behind', async () => {
      const before = (await s.contents()).sort();
      let n = 0;
      const failing = new Readable({
        read() {
          if (n++ < 7) this.push(randomBytes(1024 * 1024));
          else this.destroy(new Error('connection reset by the client'));
        },
      });
      await assert.rejects(s.store.putStream(failing), /connection reset/);
      assert.deepEqual((await s.contents()).sort(), before);
      assert.deepEqual(await s.temporaries(), []);
    });

    test('adopting a finished upload stores it under its hash and removes the file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'comity-adopt-'));
      try {
        const bytes = randomBytes(300_000);
        const path = join(dir, 'upload');
        writeFileSync(path, bytes);
        const blob = { sha256: sha256OfBytes(bytes), size: bytes.length };
        await s.store.adopt(path, blob);
        assert.equal(existsSync(path), false);
        assert.deepEqual(await s.store.get(blob.sha256), bytes);
        assert.deepEqual(await s.temporaries(), []);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('temporaries left by a crash are swept once old enough, and nothing else is touched', async () => {
      const kept = await s.store.put(Buffer.from('kept through the sweep'));
      await s.plantTemporary(randomBytes(1000));
      assert.equal((await s.temporaries()).length, 1);
      assert.equal(await s.store.sweepTemporaries(TEMPORARY_MAX_AGE_MS), 0);
      assert.equal((await s.temporaries()).length, 1);
      await new Promise((r) => setTimeout(r, 1100)); // S3 times are in whole seconds
      assert.equal(await s.store.sweepTemporaries(1000), 1);
      assert.deepEqual(await s.temporaries(), []);
      assert.equal((await s.store.get(kept.sha256))?.toString(), 'kept through the sweep');
    });

    test('text stored is text read back', async () => {
      const { sha256 } = await s.store.putStream(Readable.from(['Procès-verbal ', 'd’audition — ', '供述']));
      assert.equal(await text((await s.store.openRead(sha256)) as Readable), 'Procès-verbal d’audition — 供述');
    });
  });
}

describe('COMITY_BLOB_URL', () => {
  test('a full URL is read into bucket, prefix, endpoint, region and addressing style', () => {
    assert.deepEqual(parseS3Url('s3://evidence-eu/comity/node-1?endpoint=http://127.0.0.1:9000&region=eu-west-3&forcePathStyle=true', {}), {
      bucket: 'evidence-eu',
      prefix: 'comity/node-1',
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-3',
      forcePathStyle: true,
    });
    assert.deepEqual(parseS3Url('s3://evidence-eu', { AWS_REGION: 'eu-central-1' }), {
      bucket: 'evidence-eu',
      prefix: '',
      endpoint: undefined,
      region: 'eu-central-1',
      forcePathStyle: false,
    });
  });

  test('a wrong URL stops the store from being made, with a message naming the fault', () => {
    const dir = mkdtempSync(join(tmpdir(), 'comity-url-'));
    try {
      const cases: [string, RegExp][] = [
        ['https://bucket/x', /must start with s3:\/\//],
        ['s3://B_ad/x', /not a valid bucket name/],
        ['s3://key:secret@bucket-a/x', /must not carry credentials/],
        ['s3://bucket-a/x?endpiont=http://h', /unknown parameter "endpiont"/],
        ['s3://bucket-a/x?endpoint=ftp://h', /endpoint must be http/],
        ['s3://bucket-a/x?forcePathStyle=yes', /forcePathStyle must be true or false/],
      ];
      for (const [url, message] of cases) assert.throws(() => blobStoreFromEnv(dir, { COMITY_BLOB_URL: url }), message, url);
      assert.equal(blobStoreFromEnv(dir, {}).kind, 'file');
      assert.equal(blobStoreFromEnv(dir, { COMITY_BLOB_URL: 's3://bucket-a/p?region=eu-west-3' }).kind, 's3');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a node given a malformed COMITY_BLOB_URL refuses to start, naming the fault', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'comity-url-node-'));
    try {
      await assert.rejects(startTestNode(testBackends()[0] as TestBackend, { dataDir: dir, blobUrl: 's3://bucket-a/x?forcePathStyle=maybe' }), /forcePathStyle must be true or false/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
