// A court package built by a real node (PGlite), then altered the ways an adversary or an accident
// would: one byte of an evidence file, a value in the manifest, a custody event, a byte of a
// timestamp token, the signature, a file removed, a file added, not a ZIP, a ZIP that is not a
// package, a re-zipped package. `comity evidence verify` exits 1 for each, and its JSON report
// names the exact problem (code, file, item, event).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readZipToc } from '@comity/core';
import { testBackends } from '@comity/db/testing';
import { buildPackageForTest, type TestPackage } from './package-testing.ts';
import { zipStream } from './zip-writer.ts';

const tmp = mkdtempSync(join(tmpdir(), 'comity-package-tamper-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const root = new URL('../../../../../', import.meta.url).pathname;

interface Problem {
  code: string;
  path?: string;
  itemId?: string;
  seq?: number;
  message: string;
}

function verify(bytes: Buffer, name: string): { code: number; report: { ok: boolean; problems: Problem[] } | null; stderr: string; stdout: string } {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/cli/src/main.ts'), 'evidence', 'verify', file, '--json'], { encoding: 'utf8' });
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {}
  return { code: r.status ?? -1, report, stderr: r.stderr, stdout: r.stdout };
}

async function entryOf(zip: Buffer, name: string) {
  const toc = await readZipToc({ size: zip.length, read: async (o, n) => zip.subarray(o, o + n) });
  const e = toc.entries.find((x) => x.name === name);
  assert.ok(e, `${name} is in the package`);
  return { e, entries: toc.entries };
}

/** The same package re-written with `change` applied to its list of entries. */
async function rezip(zip: Buffer, change: (entries: Array<{ name: string; bytes: Buffer }>) => Array<{ name: string; bytes: Buffer }>): Promise<Buffer> {
  const toc = await readZipToc({ size: zip.length, read: async (o, n) => zip.subarray(o, o + n) });
  const files = change(toc.entries.map((e) => ({ name: e.name, bytes: zip.subarray(e.dataOffset, e.dataOffset + e.size) })));
  const parts: Buffer[] = [];
  for await (const c of zipStream(
    files.map((f) => ({ name: f.name, size: f.bytes.length, open: () => f.bytes })),
    { modified: new Date() },
  ))
    parts.push(c as Buffer);
  return Buffer.concat(parts);
}

const [backend] = testBackends();

describe('a tampered court package is refused with a precise error', () => {
  let pkg: TestPackage;
  before(async () => {
    pkg = await buildPackageForTest(backend!);
  });
  after(() => pkg?.close());

  test('the untouched package verifies (exit 0)', () => {
    const r = verify(pkg.zip, 'good.zip');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.report?.ok, true);
    assert.deepEqual(r.report?.problems, []);
  });

  test('one byte of an evidence file', async () => {
    const { e } = await entryOf(pkg.zip, pkg.contentPath);
    const z = Buffer.from(pkg.zip);
    z[e.dataOffset + 10] = (z[e.dataOffset + 10]! ^ 0x01) & 0xff;
    const r = verify(z, 'file-byte.zip');
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.report?.problems.map((p) => [p.code, p.path, p.itemId]),
      [['file_hash_mismatch', pkg.contentPath, pkg.itemId]],
    );
  });

  test('a value in the manifest (the hash an item is listed with)', async () => {
    const { e } = await entryOf(pkg.zip, 'manifest.json');
    const z = Buffer.from(pkg.zip);
    const text = z.subarray(e.dataOffset, e.dataOffset + e.size).toString('utf8');
    const at = text.indexOf(pkg.contentSha256);
    assert.ok(at > 0);
    // Same length, so the ZIP itself stays readable: only the meaning changes.
    const c = text[at] === 'a' ? 'b' : 'a';
    z.write(c, e.dataOffset + Buffer.byteLength(text.slice(0, at)), 'utf8');
    const r = verify(z, 'manifest.zip');
    assert.equal(r.code, 1);
    const codes = r.report?.problems.map((p) => p.code) ?? [];
    assert.ok(codes.includes('signature_invalid'), JSON.stringify(r.report?.problems));
    assert.ok(r.report?.problems.some((p) => p.code === 'file_hash_mismatch' && p.path === pkg.contentPath));
  });

  test('a custody event (the e-mail of who acquired the item)', async () => {
    const { e } = await entryOf(pkg.zip, pkg.custodyPath);
    const z = Buffer.from(pkg.zip);
    const text = z.subarray(e.dataOffset, e.dataOffset + e.size).toString('utf8');
    const events = JSON.parse(text) as Array<{ seq: number; actorEmail: string | null }>;
    const target = events.find((x) => x.actorEmail)!;
    const at = text.indexOf(`"actorEmail":"${target.actorEmail}"`) + '"actorEmail":"'.length;
    z.write(target.actorEmail![0] === 'x' ? 'y' : 'x', e.dataOffset + at, 'utf8');
    const r = verify(z, 'custody.zip');
    assert.equal(r.code, 1);
    const problems = r.report?.problems ?? [];
    assert.ok(problems.some((p) => p.code === 'file_hash_mismatch' && p.path === pkg.custodyPath));
    const altered = problems.find((p) => p.code === 'custody_altered');
    assert.ok(altered, JSON.stringify(problems));
    assert.equal(altered.seq, target.seq);
    assert.equal(altered.itemId, pkg.itemId);
  });

  test('one byte of a timestamp token', async () => {
    const { e } = await entryOf(pkg.zip, pkg.tokenPath);
    const z = Buffer.from(pkg.zip);
    // A byte in the middle of the token: inside the signed TSTInfo or the signature.
    const i = e.dataOffset + Math.floor(e.size / 2);
    z[i] = (z[i]! ^ 0x20) & 0xff;
    const r = verify(z, 'token.zip');
    assert.equal(r.code, 1);
    const problems = r.report?.problems ?? [];
    assert.ok(problems.some((p) => p.code === 'file_hash_mismatch' && p.path === pkg.tokenPath));
    assert.ok(problems.some((p) => p.code === 'timestamp_invalid' && p.path === pkg.tokenPath && p.itemId === pkg.itemId), JSON.stringify(problems));
  });

  test('the manifest signature', async () => {
    const { e } = await entryOf(pkg.zip, 'manifest.sig.json');
    const z = Buffer.from(pkg.zip);
    const text = z.subarray(e.dataOffset, e.dataOffset + e.size).toString('utf8');
    const at = text.indexOf('"signature": "') + '"signature": "'.length + 5;
    z.write(text[at] === 'A' ? 'B' : 'A', e.dataOffset + at, 'utf8');
    const r = verify(z, 'signature.zip');
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.report?.problems.map((p) => [p.code, p.path]),
      [['signature_invalid', 'manifest.sig.json']],
    );
  });

  test('a file removed', async () => {
    const z = await rezip(pkg.zip, (files) => files.filter((f) => f.name !== pkg.contentPath));
    const r = verify(z, 'removed.zip');
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.report?.problems.map((p) => [p.code, p.path]),
      [['file_missing', pkg.contentPath]],
    );
  });

  test('a file added', async () => {
    const z = await rezip(pkg.zip, (files) => [...files, { name: `items/${pkg.itemId}/planted.txt`, bytes: Buffer.from('added later') }]);
    const r = verify(z, 'added.zip');
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.report?.problems.map((p) => [p.code, p.path]),
      [['file_unexpected', `items/${pkg.itemId}/planted.txt`]],
    );
  });

  test('not a ZIP, a ZIP that is not a package, and a package someone re-zipped', async () => {
    const pdf = verify(Buffer.from('%PDF-1.7\n% not a package at all\n'), 'not-a-zip.zip');
    assert.equal(pdf.code, 1);
    assert.deepEqual(pdf.report?.problems.map((p) => p.code), ['not_a_zip']);
    const human = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/cli/src/main.ts'), 'evidence', 'verify', join(tmp, 'not-a-zip.zip')], { encoding: 'utf8' });
    assert.equal(human.status, 1);
    assert.match(human.stderr, /NOT VERIFIED: .*not-a-zip\.zip: 1 problem\n {2}not_a_zip: /);

    const other = await rezip(pkg.zip, () => [{ name: 'holiday.jpg', bytes: Buffer.from('not evidence') }]);
    const r = verify(other, 'other.zip');
    assert.equal(r.code, 1);
    assert.deepEqual(r.report?.problems.map((p) => p.code), ['not_a_package']);

    const dir = join(tmp, 'unzipped');
    assert.equal(spawnSync('unzip', ['-q', '-o', join(tmp, 'good.zip'), '-d', dir]).status, 0);
    assert.equal(spawnSync('zip', ['-q', '-r', '-9', join(tmp, 'rezipped.zip'), '.'], { cwd: dir }).status, 0);
    const re = verify(readFileSync(join(tmp, 'rezipped.zip')), 'rezipped-copy.zip');
    assert.equal(re.code, 1);
    assert.ok(re.report?.problems.some((p) => p.code === 'zip_entry_compressed'));

    const missing = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/cli/src/main.ts'), 'evidence', 'verify', join(tmp, 'nowhere.zip')], { encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no such file/);
  });
});
