// The pair secret for names: both nodes derive the same one, a third node and another month do not;
// encodings of one person under it agree across scripts, differ under another epoch, and junk is refused.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { dice, popcount32 } from '@comity/core/matching/clk';
import { rawPublicKey } from '../federation/envelope-crypto.ts';
import { acceptedEpochs, decodeEncoding, encodePerson, epochOf, matchEncodings, pairSecret } from './clk-pair.ts';

const node = (nodeId: string) => {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { keys: { nodeId, encryptionPrivate: privateKey }, asPeer: { node_id: nodeId, encryption_key: rawPublicKey(publicKey) } };
};

test('both nodes of a pair derive the same secret; another node or epoch gives another', () => {
  const a = node('node-a');
  const b = node('node-b');
  const c = node('node-c');
  const ab = pairSecret(a.keys, b.asPeer, '2026-11');
  assert.deepEqual(pairSecret(b.keys, a.asPeer, '2026-11'), ab);
  assert.notDeepEqual(pairSecret(a.keys, c.asPeer, '2026-11'), ab);
  assert.notDeepEqual(pairSecret(a.keys, b.asPeer, '2026-12'), ab);
});

test('one person in two scripts matches under the pair secret, not across epochs; another person does not match', () => {
  const a = node('node-a');
  const b = node('node-b');
  const s = pairSecret(a.keys, b.asPeer, '2026-11');
  const cyr = decodeEncoding(encodePerson({ name: 'Ольга Смирнова', birthDate: '1985-07-12' }, s), 'x');
  const lat = decodeEncoding(encodePerson({ name: 'Smirnova, Olga', birthDate: '1985-07-12' }, pairSecret(b.keys, a.asPeer, '2026-11')), 'x');
  const other = decodeEncoding(encodePerson({ name: 'Jean Dupont', birthDate: '1960-01-01' }, s), 'x');
  const nextMonth = decodeEncoding(encodePerson({ name: 'Olga Smirnova', birthDate: '1985-07-12' }, pairSecret(a.keys, b.asPeer, '2026-12')), 'x');
  assert.ok(dice(cyr, lat) >= 0.8, `dice ${dice(cyr, lat)}`);
  assert.ok(dice(cyr, other) < 0.5);
  assert.ok(dice(cyr, nextMonth) < 0.6, 'a rotated secret gives unrelated encodings');
  assert.deepEqual(matchEncodings([cyr, other], [lat]), [[0, 0]]);
});

test('malformed encodings are refused: wrong length, all bits set, none set', () => {
  assert.throws(() => decodeEncoding('abc', 'e'), /1024-bit/);
  assert.throws(() => decodeEncoding(Buffer.alloc(128, 0xff).toString('base64url'), 'e'), /bits set/);
  assert.throws(() => decodeEncoding(Buffer.alloc(128, 0).toString('base64url'), 'e'), /bits set/);
});

test('a receiver accepts this month and the previous one', () => {
  assert.equal(epochOf(new Date('2026-03-01T00:00:00Z')), '2026-03');
  assert.deepEqual(acceptedEpochs(new Date('2026-01-02T00:00:00Z')), ['2026-01', '2025-12']);
});

test('sent encodings carry BLIP noise: a few percent of bits differ, always the same for one record and epoch, and they still match the own encoding', () => {
  const a = node('node-a');
  const b = node('node-b');
  const s = pairSecret(a.keys, b.asPeer, '2026-11');
  const olga = { name: 'Olga Smirnova', birthDate: '1985-07-12' };
  const own = decodeEncoding(encodePerson(olga, s), 'own');
  const sent = decodeEncoding(encodePerson(olga, s, 'sent'), 'sent');
  let flipped = 0;
  for (let i = 0; i < own.length; i++) flipped += popcount32((own[i] as number) ^ (sent[i] as number));
  // 1024 bits at 2 %: about 20 flipped; 5 to 45 allows for chance (far beyond six standard deviations).
  assert.ok(flipped >= 5 && flipped <= 45, `${flipped} bits flipped`);
  assert.equal(encodePerson(olga, s, 'sent'), encodePerson(olga, s, 'sent'), 'deterministic per record and epoch: repeats cannot be averaged');
  assert.notEqual(encodePerson(olga, pairSecret(a.keys, b.asPeer, '2026-12'), 'sent'), encodePerson(olga, pairSecret(a.keys, b.asPeer, '2026-12')));
  const otherSide = decodeEncoding(encodePerson({ name: 'Ольга Смирнова', birthDate: '1985-07-12' }, pairSecret(b.keys, a.asPeer, '2026-11')), 'own');
  assert.ok(dice(sent, otherSide) >= 0.8, `dice ${dice(sent, otherSide)}`);
  assert.deepEqual(matchEncodings([sent], [otherSide]), [[0, 0]]);
});
