// The staging file of an incoming transfer: chunks written at their place in any order, the
// item's digests run as they arrive in order, and read back from the file only for what the
// running digests do not cover (chunks beyond the memory budget, or everything after a restart).
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { TransferStaging } from './transfer-staging.ts';

const CHUNK = 64 * 1024;
const root = mkdtempSync(join(tmpdir(), 'comity-staging-'));
after(() => rmSync(root, { recursive: true, force: true }));

const bytes = randomBytes(5 * CHUNK + 777);
const size = bytes.length;
const chunk = (i: number) => bytes.subarray(i * CHUNK, Math.min(size, (i + 1) * CHUNK));
const want = { size, sha256: createHash('sha256').update(bytes).digest('hex'), sha512: createHash('sha512').update(bytes).digest('hex') };

async function stage(staging: TransferStaging, id: string, order: number[]): Promise<void> {
  for (const i of order) await staging.putChunk(id, { index: i, chunkSize: CHUNK, size }, chunk(i));
}

describe('transfer staging', () => {
  test('in order: the digests are complete when the last chunk is in; nothing is read back', async () => {
    const staging = new TransferStaging(join(root, 'a'));
    const id = randomUUID();
    await stage(staging, id, [0, 1, 2, 3, 4, 5]);
    const got = await staging.digest(id, size);
    assert.deepEqual({ size: got.size, sha256: got.sha256, sha512: got.sha512 }, want);
    assert.equal(got.readBack, 0);
    assert.deepEqual(readFileSync(staging.pathOf(id)), bytes);
  });

  test('out of order within the budget, and a chunk sent twice: held in memory, hashed once in order', async () => {
    const staging = new TransferStaging(join(root, 'b'));
    const id = randomUUID();
    await stage(staging, id, [0, 2, 3, 2, 1, 5, 4, 0]);
    const got = await staging.digest(id, size);
    assert.deepEqual({ size: got.size, sha256: got.sha256, sha512: got.sha512 }, want);
    assert.equal(got.readBack, 0);
  });

  test('out of order beyond the budget: the rest is read back from the file', async () => {
    const staging = new TransferStaging(join(root, 'c'), CHUNK);
    const id = randomUUID();
    await stage(staging, id, [0, 3, 2, 4, 5, 1]);
    const got = await staging.digest(id, size);
    assert.deepEqual({ size: got.size, sha256: got.sha256, sha512: got.sha512 }, want);
    assert.ok(got.readBack > 0 && got.readBack < size, `read back ${got.readBack} of ${size} bytes`);
  });

  test('after a restart (a new staging object, no running digests): the whole file is read', async () => {
    const dir = join(root, 'd');
    const id = randomUUID();
    await stage(new TransferStaging(dir), id, [0, 1, 2]);
    const restarted = new TransferStaging(dir);
    await stage(restarted, id, [3, 4, 5]);
    const got = await restarted.digest(id, size);
    assert.deepEqual({ size: got.size, sha256: got.sha256, sha512: got.sha512 }, want);
    assert.equal(got.readBack, size);
  });

  test('a damaged staged file does not pass: the digests read back differ', async () => {
    const dir = join(root, 'e');
    const id = randomUUID();
    await stage(new TransferStaging(dir), id, [0, 1, 2, 3, 4, 5]);
    const damaged = Buffer.from(bytes);
    damaged[CHUNK + 5] = (damaged[CHUNK + 5] ?? 0) ^ 0xff;
    writeFileSync(join(dir, `${id}.part`), damaged);
    const got = await new TransferStaging(dir).digest(id, size);
    assert.notEqual(got.sha256, want.sha256);
    assert.notEqual(got.sha512, want.sha512);
  });

  test('remove leaves nothing', async () => {
    const staging = new TransferStaging(join(root, 'f'));
    const id = randomUUID();
    await stage(staging, id, [0, 1]);
    await staging.remove(id);
    assert.equal(existsSync(staging.pathOf(id)), false);
  });
});
