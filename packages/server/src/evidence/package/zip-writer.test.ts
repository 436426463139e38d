import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type RandomAccessSource, readZipToc } from '@comity/core';
import { type ZipSourceEntry, zipStream } from './zip-writer.ts';

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

function bufferSource(b: Uint8Array): RandomAccessSource {
  return { size: b.length, read: async (o, n) => b.subarray(o, o + n) };
}

function* chunked(b: Buffer, n: number): Generator<Uint8Array> {
  for (let i = 0; i < b.length; i += n) yield b.subarray(i, i + n);
}

const big = Buffer.alloc(300_000);
for (let i = 0; i < big.length; i++) big[i] = (i * 7919) & 0xff;
const entries = (): ZipSourceEntry[] => [
  { name: 'manifest.json', size: 2, open: () => Buffer.from('{}') },
  { name: 'items/a/photo café.bin', size: big.length, open: () => chunked(big, 65_536) },
  { name: 'items/a/empty.txt', size: 0, open: () => Buffer.alloc(0) },
];

for (const zip64Above of [undefined, 1]) {
  const label = zip64Above ? 'with ZIP64 records' : 'plain';
  test(`a streamed package (${label}) opens in Info-ZIP and reads back with the same bytes`, async () => {
    const zip = await collect(zipStream(entries(), { modified: new Date('2026-03-04T05:06:08Z'), ...(zip64Above ? { zip64Above } : {}) }));
    const dir = mkdtempSync(join(tmpdir(), 'comity-zip-'));
    try {
      const file = join(dir, 'p.zip');
      writeFileSync(file, zip);
      const t = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
      assert.equal(t.status, 0, t.stdout + t.stderr);
      assert.match(t.stdout, /No errors detected/);
      const x = spawnSync('unzip', ['-o', '-q', file, '-d', join(dir, 'out')], { encoding: 'utf8' });
      assert.equal(x.status, 0, x.stderr);
      assert.deepEqual(readFileSync(join(dir, 'out', 'items/a/photo café.bin')), big);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const toc = await readZipToc(bufferSource(zip));
    assert.deepEqual(toc.problems, []);
    assert.deepEqual(
      toc.entries.map((e) => [e.name, e.size]),
      [
        ['manifest.json', 2],
        ['items/a/photo café.bin', big.length],
        ['items/a/empty.txt', 0],
      ],
    );
    const e = toc.entries[1]!;
    assert.deepEqual(Buffer.from(zip.subarray(e.dataOffset, e.dataOffset + e.size)), big);
  });
}

test('a source that yields more or fewer bytes than declared fails the stream instead of writing a wrong archive', async () => {
  await assert.rejects(collect(zipStream([{ name: 'x', size: 3, open: () => Buffer.from('four') }], { modified: new Date() })), /longer than its declared 3/);
  await assert.rejects(collect(zipStream([{ name: 'x', size: 5, open: () => Buffer.from('four') }], { modified: new Date() })), /has 4 bytes, not the declared 5/);
});

test('the reader refuses what is not a ZIP and reports bytes hidden between entries and re-zipped (compressed) files', async () => {
  await assert.rejects(readZipToc(bufferSource(Buffer.from('%PDF-1.7 this is not a zip at all, just a file'))), { code: 'not_a_zip' });
  const zip = await collect(zipStream(entries(), { modified: new Date() }));
  // Bytes inserted between two entries (central directory offsets moved accordingly would be needed
  // to hide them; here they are simply inserted, so the directory no longer points at the headers).
  const cdAt = zip.readUInt32LE(zip.length - 22 + 16);
  const padded = Buffer.concat([zip.subarray(0, cdAt), Buffer.from('hidden'), zip.subarray(cdAt)]);
  // Fix the central directory offset in the end record so the archive is still readable.
  const eocd = padded.length - 22;
  padded.writeUInt32LE(padded.readUInt32LE(eocd + 16) + 6, eocd + 16);
  const toc = await readZipToc(bufferSource(padded));
  assert.deepEqual(
    toc.problems.map((p) => p.code),
    ['zip_unexpected_bytes'],
  );
  const dir = mkdtempSync(join(tmpdir(), 'comity-zip-'));
  try {
    writeFileSync(join(dir, 'a.txt'), 'hello hello hello hello');
    const z = spawnSync('zip', ['-q', '-9', join(dir, 'deflated.zip'), 'a.txt', 'a.txt'], { cwd: dir });
    assert.equal(z.status, 0);
    const toc2 = await readZipToc(bufferSource(readFileSync(join(dir, 'deflated.zip'))));
    assert.deepEqual(
      toc2.problems.map((p) => [p.code, p.path]),
      [['zip_entry_compressed', 'a.txt']],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
