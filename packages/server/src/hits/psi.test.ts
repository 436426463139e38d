// DH-PSI on curve25519 (suite curve25519-ell2-x25519-v1): the hash is RFC 9380's, exponentiation by
// X25519 commutes, the querier finds exactly the intersection, equal identifiers give equal elements
// only under both scalars, and no message contains an identifier or its plain hash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blindIdentifiers, blindPadded, decodeElement, dummyElements, encodeElement, hashToGroup, hashToGroupSlow, intersect, paddedSize, randomScalar, reblind, shuffledIndices } from './psi.ts';

test('the hash is RFC 9380 curve25519_XMD:SHA-512_ELL2_RO_ (test vectors of Appendix J.4.1, and the edwards25519 route of @noble/curves)', () => {
  const dst = 'QUUX-V01-CS02-with-curve25519_XMD:SHA-512_ELL2_RO_';
  // The RFC prints P.x big-endian; the element travels little-endian (RFC 7748).
  const bigEndian = (msg: string) => Buffer.from(hashToGroup(msg, dst)).reverse().toString('hex');
  assert.equal(bigEndian(''), '2de3780abb67e861289f5749d16d3e217ffa722192d16bbd9d1bfb9d112b98c0');
  assert.equal(bigEndian('abc'), '2b4419f1f2d48f5872de692b0aca72cc7b0a60915dd70bde432e826b6abc526d');
  for (const id of ['iban:DE89370400440532013000', 'imo:9074729', 'phone:+33612345678', '']) assert.deepEqual(hashToGroup(id), hashToGroupSlow(id), id);
});

test('exponentiation commutes: (H(x)^a)^b = (H(x)^b)^a, and differs from H(x)^a and H(x)^b', () => {
  const a = randomScalar();
  const b = randomScalar();
  const ids = ['iban:DE89370400440532013000', 'wallet:0x52908400098527886e0f7030069857d2e4169ee7'];
  const ab = reblind(blindIdentifiers(ids, a), b, 'x');
  const ba = reblind(blindIdentifiers(ids, b), a, 'x');
  assert.deepEqual(ab, ba);
  assert.notDeepEqual(ab, blindIdentifiers(ids, a));
  assert.notDeepEqual(ab, blindIdentifiers(ids, b));
  assert.notEqual(ab[0], ab[1]);
});

test('the querier learns exactly the intersection, in both numberings', () => {
  const mine = ['iban:DE89370400440532013000', 'imo:9074729', 'phone:+33612345678', 'wallet:btc:1a1zp1ep5qgefi2dmptftl5slmv7divfna'];
  const theirs = ['phone:+4915112345678', 'imo:9074729', 'iban:GB29NWBK60161331926819', 'iban:DE89370400440532013000'];
  const a = randomScalar();
  const b = randomScalar();
  const query = blindIdentifiers(mine, a);
  const doubled = reblind(query, b, 'items');
  const order = shuffledIndices(theirs.length);
  const offered = blindIdentifiers(
    order.map((i) => theirs[i] as string),
    b,
  );
  const { mine: found, pairs } = intersect(doubled, offered, a);
  assert.deepEqual(found.sort(), [0, 1]);
  const matchedTheirs = pairs.map(([, j]) => theirs[order[j] as number]).sort();
  assert.deepEqual(matchedTheirs, ['iban:DE89370400440532013000', 'imo:9074729']);
});

test('no intersection gives no hit; the same identifier under one scalar only does not match', () => {
  const a = randomScalar();
  const b = randomScalar();
  const doubled = reblind(blindIdentifiers(['imo:1234567'], a), b, 'items');
  assert.deepEqual(intersect(doubled, blindIdentifiers(['imo:7654321'], b), a).mine, []);
  assert.notEqual(blindIdentifiers(['imo:1234567'], a)[0], blindIdentifiers(['imo:1234567'], b)[0]);
  assert.notEqual(blindIdentifiers(['imo:1234567'], a)[0], encodeElement(hashToGroup('imo:1234567')), 'a blinded element is not the plain hash');
});

test('messages hold 32-byte elements, never the identifier', () => {
  const id = 'iban:DE89370400440532013000';
  const [e] = blindIdentifiers([id], randomScalar());
  assert.match(e as string, /^[A-Za-z0-9_-]{43}$/);
  assert.ok(!(e as string).includes('DE89'));
  assert.ok(!Buffer.from(e as string, 'base64url').includes(Buffer.from('DE89')));
});

test('malformed, non-canonical and small-order elements are refused', () => {
  const refused = (why: string) => (e: Error & { code?: string }) => e.code === 'malformed_encoding' || assert.fail(`${why}: ${e.message}`);
  assert.throws(() => decodeElement('abc', 'x'), refused('abc'));
  const k = randomScalar();
  // The top bit set, and u = p (2^255 − 19, not reduced): not canonical.
  const top = Buffer.alloc(32, 0);
  top[0] = 9;
  top[31] = 0x80;
  assert.throws(() => reblind([top.toString('base64url')], k, 'items'), refused('top'));
  const p = Buffer.alloc(32, 0xff);
  p[0] = 0xed;
  p[31] = 0x7f;
  assert.throws(() => reblind([p.toString('base64url')], k, 'items'), refused('p'));
  // u = 0 and u = 1 are of small order: X25519 gives all zeros, refused.
  for (const small of [0, 1]) {
    const u = Buffer.alloc(32, 0);
    u[0] = small;
    assert.throws(() => reblind([u.toString('base64url')], k, 'items'), refused(`u=${small}`));
  }
  // One bad element refuses the whole list.
  const good = blindIdentifiers(['imo:9074729'], k);
  assert.throws(() => reblind([...good, 'A'.repeat(43)], k, 'items'), refused('list'));
  // A good one passes.
  assert.equal(reblind(good, k, 'items').length, 1);
});

test('padding: sizes travel as the next multiple of the bucket (at least one), and dummies on both sides match nothing', () => {
  assert.equal(paddedSize(0, 1000), 1000);
  assert.equal(paddedSize(1, 1000), 1000);
  assert.equal(paddedSize(1000, 1000), 1000);
  assert.equal(paddedSize(1001, 1000), 2000);
  assert.equal(paddedSize(7, 1), 7);
  assert.equal(paddedSize(2_000_000, 3000), 2_000_000, 'never beyond what a query may carry');
  const shared = ['iban:DE89370400440532013000', 'imo:9074729'];
  const a = randomScalar();
  const b = randomScalar();
  // The querier: its identifiers, then dummies; the answerer: its identifiers and nulls (padding) shuffled together.
  const query = [...blindIdentifiers(shared, a), ...dummyElements(48)];
  const offeredIds: (string | null)[] = [...shared, 'phone:+33612345678', ...Array<null>(47).fill(null)];
  const order = shuffledIndices(offeredIds.length);
  const shuffled = order.map((i) => offeredIds[i] as string | null);
  const offered = blindPadded(shuffled, b);
  // Every dummy is a valid element (a peer checks them like the others) and distinct.
  for (const [i, e] of [...query, ...offered].entries()) decodeElement(e, `e[${i}]`);
  assert.equal(new Set([...query, ...offered]).size, query.length + offered.length);
  const { pairs } = intersect(reblind(query, b, 'items'), offered, a);
  assert.equal(pairs.length, 2, 'only the real shared identifiers meet');
  for (const [i, j] of pairs) {
    assert.ok(i < shared.length, 'no dummy of the querier matched');
    assert.equal(shuffled[j], shared[i], 'and what matched is a real offered identifier, never padding');
  }
});
