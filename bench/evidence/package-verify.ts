// Court package verification speed: a real node (PGlite) ingests one item of BENCH_MB MiB
// (default 256), builds its court package over HTTP (reports, verifier page, custody), then
// `verifyPackageFile` (the code behind `comity evidence verify`) checks the ZIP, beside
// `openssl dgst -sha256` of the same file in the same run. Prints figures; asserts nothing.
//   node --import tsx bench/evidence/package-verify.ts
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { testBackends } from '@comity/db/testing';
import { evidenceOf } from '../../packages/server/src/evidence/evidence-capability.ts';
import { ingestEvidence } from '../../packages/server/src/evidence/evidence-service.ts';
import { actorOf, downloadPackage } from '../../packages/server/src/evidence/package/package-testing.ts';
import { verifyPackageFile } from '../../packages/server/src/evidence/package/verify-node.ts';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode } from '../../packages/server/src/testing/test-node.ts';
import { exampleRequest } from '../../packages/core/src/requests/examples.ts';

const MB = Number(process.env.BENCH_MB ?? 256);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'comity-bench-package-'));

function* pseudoRandom(total: number): Generator<Buffer> {
  let x = 0x9e3779b9;
  const chunk = Buffer.alloc(1 << 20);
  for (let done = 0; done < total; done += chunk.length) {
    for (let i = 0; i < chunk.length; i += 4) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      chunk.writeInt32LE(x | 0, i);
    }
    yield Buffer.from(chunk.subarray(0, Math.min(chunk.length, total - done)));
  }
}

const t = await startTestNode(testBackends()[0]!);
try {
  const admin = new ApiClient(t.url);
  await admin.signIn(t.admin.email, ADMIN_PASSWORD);
  const user = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const other = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
  const { type: _t, ...content } = exampleRequest('mla', 'DEU', other.organisationId);
  const requestId = (await user.client.call<{ id: string }>('POST', '/api/v1/requests', { type: 'mla', ...content }, 201)).body.id;
  const edeps = evidenceOf(t.node.deps)!;
  await ingestEvidence(edeps, { actor: actorOf(user, 'practitioner'), requestId: 'bench' }, {
    owner: { requestId },
    title: `${MB} MiB recording`,
    source: { kind: 'uploaded' },
    filename: 'recording.bin',
    body: Readable.from(pseudoRandom(MB * 1024 * 1024)),
  });
  const { zip } = await downloadPackage(t, user.client, 'request', requestId);
  const file = join(dir, 'package.zip');
  writeFileSync(file, zip);
  const size = statSync(file).size;
  // Warm the page cache so both read from memory.
  for await (const _ of createReadStream(file)) {
  }
  const rows: string[] = [];
  for (let run = 1; run <= RUNS; run++) {
    let t0 = process.hrtime.bigint();
    const report = await verifyPackageFile(file);
    const verifyS = Number(process.hrtime.bigint() - t0) / 1e9;
    if (!report.ok) throw new Error(`the package does not verify: ${JSON.stringify(report.problems)}`);
    t0 = process.hrtime.bigint();
    execFileSync('openssl', ['dgst', '-sha256', file]);
    const opensslS = Number(process.hrtime.bigint() - t0) / 1e9;
    const mbs = (s: number) => size / 1024 / 1024 / s;
    rows.push(`| ${run} | ${(size / 1024 / 1024).toFixed(1)} | ${mbs(verifyS).toFixed(0)} | ${mbs(opensslS).toFixed(0)} | ${(opensslS / verifyS).toFixed(2)}× |`);
  }
  console.log(`package verification, one ${MB} MiB item (loadavg ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  console.log('| run | package MiB | verify MiB/s | openssl dgst -sha256 MiB/s | verify ÷ openssl |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
}
