// The text rule on its own: which strings break it, and where the pointer says they are.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badTextReason } from '@comity/core';
import { findBadText } from './text-boundary.ts';

test('NUL and lone surrogates break the rule; pairs, bidi controls and U+FFFD do not', () => {
  assert.equal(badTextReason('a\u0000b'), 'nul');
  assert.equal(badTextReason('\ud800'), 'lone_surrogate');
  assert.equal(badTextReason('x\udfff'), 'lone_surrogate');
  assert.equal(badTextReason('\udfff\ud800'), 'lone_surrogate', 'a pair in the wrong order is two lone halves');
  assert.equal(badTextReason('\u{1F600}\ud83d'), 'lone_surrogate', 'a good pair followed by a lone high half');
  for (const fine of ['', 'Fiscalía', '\u{1F600}', '\u202eevil', '\ufffd', '中文 عربي']) assert.equal(badTextReason(fine), undefined, fine);
});

test('the pointer names the field, array index and key, with ~ and / escaped', () => {
  assert.deepEqual(findBadText({ persons: [{ name: 'ok' }, { name: 'x\u0000' }] }, '/body'), { pointer: '/body/persons/1/name', reason: 'nul' });
  assert.deepEqual(findBadText({ 'a/b~c': '\ud800' }, '/body'), { pointer: '/body/a~1b~0c', reason: 'lone_surrogate' });
  assert.deepEqual(findBadText({ 'bad\u0000key': 1 }, '/body'), { pointer: '/body/bad\u0000key', reason: 'nul' });
  assert.equal(findBadText({ n: 1, b: true, z: null, s: ['fine'] }, '/body'), undefined);
  assert.equal(findBadText(Buffer.from([0, 0xd8]), '/body'), undefined, 'raw file bytes are not text');
});

test('a body nested 300,000 levels deep is walked without overflowing the stack', () => {
  let deep: unknown = '\u0000';
  for (let i = 0; i < 300_000; i++) deep = [deep];
  const bad = findBadText(deep, '/body');
  assert.equal(bad?.reason, 'nul');
  assert.equal(bad?.pointer.length, '/body'.length + 300_000 * 2);
});
