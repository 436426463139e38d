// The registry index in memory (no database): hashes taken out leave the others findable (checked
// against a brute-force scan after a random series of additions, replacements and removals), a
// record re-marked not public leaves the public words and the public digest at once, the digest is
// the receipt's registryDigest of the public set, and `accept` scopes a photo search.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HashIndex, hammingDistance } from '@comity/core/cultural/phash';
import { registryDigest } from '@comity/core/cultural/receipt';
import { sha256Hex } from '../identity/crypto-adapters.ts';
import { type RegistryEntry, RegistryIndex } from './registry-index.ts';

let seed = 7;
const rand32 = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
};
const hex = (hi: number, lo: number) => hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
const randomHash = () => hex(rand32(), rand32());
/** `bits` bits of `h` flipped. */
function near(h: string, bits: number): string {
  let hi = Number.parseInt(h.slice(0, 8), 16);
  let lo = Number.parseInt(h.slice(8), 16);
  const flipped = new Set<number>();
  while (flipped.size < bits) flipped.add(rand32() % 64);
  for (const b of flipped) {
    if (b < 32) hi ^= 1 << b;
    else lo ^= 1 << (b - 32);
  }
  return hex(hi >>> 0, lo >>> 0);
}

describe('HashIndex.remove', () => {
  test('after random additions and removals, every search equals a brute-force scan of what is left', () => {
    const index = new HashIndex();
    const held = new Map<string, string[]>();
    const bases: string[] = [];
    for (let step = 0; step < 3000; step++) {
      const owner = `o${rand32() % 400}`;
      if (rand32() % 3 === 0) {
        const removed = index.remove(owner);
        assert.equal(removed, held.get(owner)?.length ?? 0);
        held.delete(owner);
      } else {
        // Some hashes near earlier ones, so searches have several owners to rank.
        const h = bases.length && rand32() % 2 ? near(bases[rand32() % bases.length] as string, rand32() % 6) : randomHash();
        bases.push(h);
        index.add(h, owner);
        held.set(owner, [...(held.get(owner) ?? []), h]);
      }
    }
    assert.equal(index.size, [...held.values()].reduce((n, l) => n + l.length, 0));
    assert.equal(index.ownerCount, held.size);
    for (let q = 0; q < 200; q++) {
      const query = near(bases[rand32() % bases.length] as string, rand32() % 4);
      const expected = new Map<string, number>();
      for (const [owner, hashes] of held) {
        const d = Math.min(...hashes.map((h) => hammingDistance(h, query)));
        if (d <= 10) expected.set(owner, d);
      }
      const got = index.search([query], 10, 10_000);
      assert.deepEqual(new Map(got.map((g) => [g.owner, g.distance])), expected);
    }
  });

  test('accept leaves refused owners out before the limit', () => {
    const index = new HashIndex();
    const h = randomHash();
    index.add(h, 'a');
    index.add(near(h, 1), 'b');
    index.add(near(h, 2), 'c');
    assert.deepEqual(
      index.search([h], 10, 1, (o) => o !== 'a').map((m) => m.owner),
      ['b'],
    );
  });
});

describe('RegistryIndex', () => {
  const entry = (key: string, over: Partial<RegistryEntry> = {}): RegistryEntry => ({ key, origin: null, organisationId: 'org-1', public: true, version: 1, searchText: 'painted amphora corinth', hashes: [], ...over });

  test('a record re-marked not public leaves the words, the photo search for the public and the digest at once', () => {
    const index = new RegistryIndex();
    const photo = randomHash();
    index.put(entry('r1', { hashes: [photo, near(photo, 3)] }));
    index.put(entry('r2', { searchText: 'wooden mask', hashes: [randomHash()] }));
    index.put(entry('g/x', { origin: 'node-g', organisationId: null, searchText: 'funerary mask olympia', hashes: [near(photo, 5)] }));
    const publicOnly = (e: RegistryEntry) => e.public;
    assert.deepEqual([...index.publicTextMatches(['amphora', 'corinth'], 0.5)], [['r1', 1]]);
    assert.deepEqual([...index.publicTextMatches(['mask', 'olympia'], 0.5).keys()].sort(), ['g/x', 'r2']);
    assert.deepEqual([...index.nearPhoto(photo, 10, 20, publicOnly)], [
      ['r1', 0],
      ['g/x', 5],
    ]);
    const before = index.publicSet();
    assert.equal(before.count, 3);
    assert.equal(before.digest, registryDigest([{ id: 'r1', version: 1 }, { id: 'r2', version: 1 }, { id: 'g/x', version: 1 }], sha256Hex));
    assert.deepEqual(before.peers, [{ nodeId: 'node-g', records: 1 }]);

    index.put(entry('r1', { public: false, version: 2, hashes: [photo] }));
    assert.equal(index.publicTextMatches(['amphora', 'corinth'], 0.5).size, 0);
    assert.deepEqual([...index.nearPhoto(photo, 10, 20, publicOnly).keys()], ['g/x']);
    // Investigators' scope still holds it (their reading is decided by the release policy afterwards).
    assert.deepEqual([...index.nearPhoto(photo, 10, 20, (e) => e.organisationId === 'org-1').keys()], ['r1']);
    const after = index.publicSet();
    assert.equal(after.count, 2);
    assert.equal(after.digest, registryDigest([{ id: 'r2', version: 1 }, { id: 'g/x', version: 1 }], sha256Hex));

    // A peer's record withdrawn: gone from every answer; its hashes too.
    index.remove('g/x');
    assert.equal(index.nearPhoto(photo, 10, 20, publicOnly).size, 0);
    assert.deepEqual(index.publicSet().peers, []);
    assert.equal(index.hashCount, 2);
    assert.deepEqual(index.keysOf('node-g'), []);
  });

  test('the public digest equals registryDigest of the public set after any series of changes', () => {
    const index = new RegistryIndex();
    const held = new Map<string, { public: boolean; version: number }>();
    const keyOf = (n: number) => (n % 3 === 0 ? `node-0123456789abcdef0123/00000000-0000-4000-8000-${String(n).padStart(12, '0')}` : `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
    for (let step = 0; step < 600; step++) {
      const key = keyOf(rand32() % 120);
      if (rand32() % 4 === 0) {
        index.remove(key);
        held.delete(key);
      } else {
        const e = { public: rand32() % 3 !== 0, version: (rand32() % 5) + 1 };
        index.put(entry(key, { ...e, origin: key.includes('/') ? 'node-0123456789abcdef0123' : null }));
        held.set(key, e);
      }
      // Sometimes read between changes (the sorted list is then kept one change at a time).
      if (step % 37 === 0 || step === 599) {
        const expected = [...held].filter(([, e]) => e.public).map(([id, e]) => ({ id, version: e.version }));
        const got = index.publicSet();
        assert.equal(got.count, expected.length);
        assert.equal(got.digest, registryDigest(expected, sha256Hex), `step ${step}`);
      }
    }
  });

  test('words shorter than three letters never match, and the share is of the query words', () => {
    const index = new RegistryIndex();
    index.put(entry('r1', { searchText: 'icon of st george on wood' }));
    assert.deepEqual([...index.publicTextMatches(['george', 'wood', 'gold', 'silver'], 0.5)], [['r1', 0.5]]);
    assert.equal(index.publicTextMatches(['george', 'gold', 'silver'], 0.5).size, 0);
  });
});
