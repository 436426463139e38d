// DH-PSI over ristretto255: the querier finds exactly the intersection, equal identifiers give
// equal points only under both scalars, and no message contains an identifier or its plain hash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blindIdentifiers, decodePoint, encodePoint, hashToGroup, intersect, randomScalar, reblind, shuffledIndices } from './psi.ts';

test('the querier learns exactly the intersection, in both numberings', () => {
  const mine = ['iban:DE89370400440532013000', 'imo:9074729', 'phone:+33612345678', 'wallet:btc:1a1zp1ep5qgefi2dmptftl5slmv7divfna'];
  const theirs = ['phone:+4915112345678', 'imo:9074729', 'iban:GB29NWBK60161331926819', 'iban:DE89370400440532013000'];
  const a = randomScalar();
  const b = randomScalar();
  const query = blindIdentifiers(mine, a);
  const doubled = reblind(query, b, 'items');
  const order = shuffledIndices(theirs.length);
  const offered = blindIdentifiers(order.map((i) => theirs[i] as string), b);
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
  assert.notEqual(blindIdentifiers(['imo:1234567'], a)[0], encodePoint(hashToGroup('imo:1234567')), 'a blinded element is not the plain hash');
});

test('messages hold 32-byte group elements, never the identifier', () => {
  const id = 'iban:DE89370400440532013000';
  const [e] = blindIdentifiers([id], randomScalar());
  assert.match(e as string, /^[A-Za-z0-9_-]{43}$/);
  assert.ok(!(e as string).includes('DE89'));
});

test('malformed, non-canonical and identity encodings are refused', () => {
  assert.throws(() => decodePoint('abc', 'x'), /malformed|32-byte/);
  assert.throws(() => decodePoint('A'.repeat(43), 'x'), /identity|ristretto/);
  assert.throws(() => decodePoint(Buffer.alloc(32, 0xff).toString('base64url'), 'x'), /ristretto255/);
  assert.throws(() => reblind(['_'.repeat(43)], randomScalar(), 'items'), (e: Error & { code?: string }) => e.code === 'malformed_encoding');
});
