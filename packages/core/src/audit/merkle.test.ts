// RFC 9162 §2.1 tree hashing and proofs. Two sources of expected values:
// 1. The eight-leaf tree used by the Certificate Transparency implementations' tests (leaves "",
//    00, 10, 2021, 3031, 40414243, 5051..57, 6061..6f; roots as published in Trillian's
//    merkle/testonly and certificate-transparency-go's merkletree tests, which follow RFC 6962 —
//    RFC 9162 keeps the same tree hash).
// 2. A reference written straight from the RFC's recursive definitions (MTH, PATH, SUBPROOF) with
//    no shared code, compared with the implementation for every size and index up to 33.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import {
  Frontier,
  InMemoryTree,
  type Sha256,
  base64ToBytes,
  bytesToBase64,
  completeSubtrees,
  consistencyPath,
  emptyRoot,
  hexToBytes,
  inclusionPath,
  leafHash,
  rootFromLeafHashes,
  utf8,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

const h: Sha256 = { sha256: (d) => new Uint8Array(createHash('sha256').update(d).digest()) };
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

// The reference: RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1, over raw leaf data, nothing shared.
function MTH(d: Buffer[]): Buffer {
  if (d.length === 0) return sha();
  if (d.length === 1) return sha(Buffer.of(0), d[0]!);
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return sha(Buffer.of(1), MTH(d.slice(0, k)), MTH(d.slice(k)));
}
function PATH(m: number, d: Buffer[]): Buffer[] {
  if (d.length === 1) return [];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m < k ? [...PATH(m, d.slice(0, k)), MTH(d.slice(k))] : [...PATH(m - k, d.slice(k)), MTH(d.slice(0, k))];
}
function SUBPROOF(m: number, d: Buffer[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [MTH(d)];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m <= k ? [...SUBPROOF(m, d.slice(0, k), b), MTH(d.slice(k))] : [...SUBPROOF(m - k, d.slice(k), false), MTH(d.slice(0, k))];
}

function treeOf(data: Buffer[]): InMemoryTree {
  const t = new InMemoryTree(h);
  for (const d of data) t.append(leafHash(h, d));
  return t;
}

test('RFC 9162 tree hash: the empty tree and the eight-leaf vectors', () => {
  assert.equal(emptyRoot(h), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  const data = LEAVES.map((x) => Buffer.from(x, 'hex'));
  const t = treeOf(data);
  for (let n = 1; n <= 8; n++) {
    assert.equal(t.root(n), ROOTS[n - 1], `root of the first ${n} leaves`);
    assert.equal(rootFromLeafHashes(h, data.slice(0, n).map((d) => leafHash(h, d))), ROOTS[n - 1]);
    assert.equal(MTH(data.slice(0, n)).toString('hex'), ROOTS[n - 1], 'the reference agrees with the published roots');
  }
});

test('RFC 9162 inclusion proofs: the published path of leaf 0 in the eight-leaf tree, and every leaf against the reference', () => {
  const data = LEAVES.map((x) => Buffer.from(x, 'hex'));
  const t = treeOf(data);
  assert.deepEqual(inclusionPath(t.source(), 0, 8), [
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ]);
  for (let n = 1; n <= 8; n++) {
    for (let m = 0; m < n; m++) {
      const path = inclusionPath(t.source(), m, n);
      assert.deepEqual(path, PATH(m, data.slice(0, n)).map((b) => b.toString('hex')));
      assert.ok(verifyInclusion(h, m, n, leafHash(h, data[m]!), path, ROOTS[n - 1]!), `leaf ${m} in ${n}`);
    }
  }
});

test('proofs for every size up to 33 match the reference and verify; tampered proofs do not', () => {
  const data = Array.from({ length: 33 }, (_, i) => Buffer.from(`entry ${i}`));
  const t = treeOf(data);
  for (let n = 1; n <= 33; n++) {
    const root = t.root(n);
    assert.equal(root, MTH(data.slice(0, n)).toString('hex'));
    for (let m = 0; m < n; m++) {
      const path = inclusionPath(t.source(), m, n);
      assert.deepEqual(path, PATH(m, data.slice(0, n)).map((b) => b.toString('hex')));
      const leaf = leafHash(h, data[m]!);
      assert.ok(verifyInclusion(h, m, n, leaf, path, root));
      assert.equal(verifyInclusion(h, m, n, leafHash(h, Buffer.from('forged')), path, root), false);
      if (path.length > 0) assert.equal(verifyInclusion(h, m, n, leaf, path.slice(0, -1), root), false, 'a shortened path');
      if (n > 1) assert.equal(verifyInclusion(h, (m + 1) % n, n, leaf, path, root), false, 'another index');
    }
    for (let m = 1; m <= n; m++) {
      const proof = consistencyPath(t.source(), m, n);
      if (m < n) assert.deepEqual(proof, SUBPROOF(m, data.slice(0, n), true).map((b) => b.toString('hex')));
      assert.ok(verifyConsistency(h, m, n, t.root(m), root, proof), `${m} → ${n}`);
      if (m < n) {
        assert.equal(verifyConsistency(h, m, n, t.root(m), leafHash(h, Buffer.from('another root')), proof), false, 'another second root');
        const other = treeOf([...data.slice(0, m - 1), Buffer.from('rewritten'), ...data.slice(m, n)]);
        assert.equal(verifyConsistency(h, m, n, t.root(m), other.root(n), consistencyPath(other.source(), m, n)), false, 'a rewritten history');
      }
    }
  }
});

test('the stored shape: ranges decompose into complete aligned subtrees', () => {
  assert.deepEqual(completeSubtrees(0, 8), [{ level: 3, index: 0 }]);
  assert.deepEqual(completeSubtrees(0, 7), [
    { level: 2, index: 0 },
    { level: 1, index: 2 },
    { level: 0, index: 6 },
  ]);
  assert.deepEqual(completeSubtrees(8, 5), [
    { level: 2, index: 2 },
    { level: 0, index: 12 },
  ]);
});

test('base64 and hex helpers round-trip', () => {
  for (const s of ['', 'a', 'ab', 'abc', 'abcd', '\u00ff\u0000x', '𝄞 مرحبا 中文', '\ud800x']) {
    const b = new TextEncoder().encode(s);
    assert.deepEqual(utf8(s), b);
    assert.equal(bytesToBase64(b), Buffer.from(b).toString('base64'));
    assert.deepEqual(base64ToBytes(Buffer.from(b).toString('base64')), b);
  }
  assert.deepEqual(hexToBytes('00ff10'), Uint8Array.of(0, 255, 16));
});

test('a frontier rebuilt from the stored right edge extends the tree exactly as the whole tree does', () => {
  const data = Array.from({ length: 40 }, (_, i) => Buffer.from(`leaf ${i}`));
  const whole = treeOf(data);
  for (const start of [0, 1, 5, 8, 13, 32]) {
    const edge = completeSubtrees(0, start).map((id) => ({ ...id, hash: whole.node(id) }));
    const f = new Frontier(h, start, edge);
    assert.equal(f.root(), whole.root(start));
    for (let i = start; i < 40; i++) {
      for (const made of f.append(leafHash(h, data[i]!))) assert.equal(made.hash, whole.node(made), `node ${made.level}/${made.index}`);
      assert.equal(f.root(), whole.root(i + 1));
    }
  }
  assert.throws(() => new Frontier(h, 5, []), /incomplete/);
});
