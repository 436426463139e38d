// bench/evidence/ingest-s3: the same file streamed into the folder store and into the S3 store
// (s3rver on a loopback port, through @aws-sdk/client-s3: multipart to a temporary key, then
// server-side copy to the hash) in the same run, as a ratio against the folder store, plus the
// process's peak RSS, which must not grow with the file (parts are 8 MiB, four in flight). s3rver
// runs in this process and writes to the same disk, so the ratio is a floor for a real object
// store, not a prediction. Usage: node --import tsx bench/evidence/ingest-s3.ts [MiB] (default 256).
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileBlobStore } from '../../packages/server/src/storage/blob-store.ts';
import { testStores } from '../../packages/server/src/testing/test-stores.ts';

const mib = Number(process.argv[2] ?? 256);
const dir = mkdtempSync(join(tmpdir(), 'comity-bench-evidence-s3-'));
const s3 = await (testStores().find((s) => s.name === 's3') as ReturnType<typeof testStores>[number]).start();
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
  const read = () => createReadStream(file, { highWaterMark: 1024 * 1024 });
  const rssBefore = process.memoryUsage().rss;

  const folder = fileBlobStore(join(dir, 'blobs'));
  let t = process.hrtime.bigint();
  const a = await folder.putStream(read());
  const folderSeconds = Number(process.hrtime.bigint() - t) / 1e9;

  t = process.hrtime.bigint();
  const b = await s3.store.putStream(read());
  const s3Seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (a.sha256 !== b.sha256) throw new Error(`hash mismatch: ${a.sha256} vs ${b.sha256}`);
  if ((await s3.temporaries()).length) throw new Error('a temporary was left on S3');

  const mbs = (s: number) => bytes / 1e6 / s;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(`file: ${mib} MiB`);
  console.log(`folder store: ${mbs(folderSeconds).toFixed(0)} MB/s`);
  console.log(`S3 store (s3rver, multipart + copy): ${mbs(s3Seconds).toFixed(0)} MB/s = ${(folderSeconds / s3Seconds).toFixed(2)}× the folder store`);
  console.log(`RSS before ${(rssBefore / 2 ** 20).toFixed(0)} MiB, peak ${(peak / 2 ** 20).toFixed(0)} MiB`);
} finally {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
}
