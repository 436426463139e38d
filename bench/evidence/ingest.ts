// bench/evidence/ingest: one large file streamed into the node's blob store (SHA-256 while the bytes
// arrive, written under a temporary name, fsync, renamed to its hash) beside `openssl dgst -sha256`
// of the same file in the same run. Goal: the ingest at least 0.8× OpenSSL's SHA-256 rate, and a
// peak RSS that does not grow with the file. A third row does the ingest's work in C: `tee` writes
// the file while `openssl dgst` hashes it (two processes, so both cores), then `sync` of the copy;
// it is the rate this machine's disk and page cache allow for hash + store, whatever the language.
// Usage: node --import tsx bench/evidence/ingest.ts [MiB] (default 1024). The HTTP layer (tus
// PATCH) is not in this figure.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileBlobStore } from '../../packages/server/src/storage/blob-store.ts';

const mib = Number(process.argv[2] ?? 1024);
const dir = mkdtempSync(join(tmpdir(), 'comity-bench-evidence-'));
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
  const rssBefore = process.memoryUsage().rss;
  const seconds = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;

  // Read once so every run starts from the page cache.
  execFileSync('openssl', ['dgst', '-sha256', file]);
  let t = process.hrtime.bigint();
  const ossl = execFileSync('openssl', ['dgst', '-sha256', '-r', file]).toString().split(' ')[0];
  const opensslSeconds = seconds(t);

  const copy = join(dir, 'copy.bin');
  t = process.hrtime.bigint();
  const teeHash = execFileSync('sh', ['-c', 'tee "$1" < "$2" | openssl dgst -sha256 -r && sync "$1"', 'sh', copy, file])
    .toString()
    .split(' ')[0];
  const cSeconds = seconds(t);
  rmSync(copy);
  if (teeHash !== ossl) throw new Error(`hash mismatch: ${teeHash} vs ${ossl}`);

  const store = fileBlobStore(join(dir, 'blobs'));
  const cpu = process.cpuUsage();
  t = process.hrtime.bigint();
  const stored = await store.putStream(createReadStream(file, { highWaterMark: 1024 * 1024 }));
  const ingestSeconds = seconds(t);
  const used = process.cpuUsage(cpu);
  if (stored.sha256 !== ossl) throw new Error(`hash mismatch: ${stored.sha256} vs ${ossl}`);

  const mbs = (s: number) => bytes / 1e6 / s;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(`file: ${mib} MiB, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`openssl dgst -sha256: ${mbs(opensslSeconds).toFixed(0)} MB/s`);
  console.log(`C, same work (tee | openssl dgst, sync): ${mbs(cSeconds).toFixed(0)} MB/s = ${(opensslSeconds / cSeconds).toFixed(2)}× OpenSSL`);
  console.log(
    `ingest (stream, SHA-256, store, fsync): ${mbs(ingestSeconds).toFixed(0)} MB/s = ${(opensslSeconds / ingestSeconds).toFixed(2)}× OpenSSL (goal ≥ 0.80×), ${(cSeconds / ingestSeconds).toFixed(2)}× the C pipeline`,
  );
  console.log(`ingest CPU: user ${(used.user / 1e6).toFixed(2)} s, system ${(used.system / 1e6).toFixed(2)} s (wall ${ingestSeconds.toFixed(2)} s)`);
  console.log(`RSS before ingest ${(rssBefore / 2 ** 20).toFixed(0)} MiB, peak ${(peak / 2 ** 20).toFixed(0)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
