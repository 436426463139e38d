import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from './canonical-json.ts';

test('keys are sorted by UTF-16 code units and undefined members dropped (RFC 8785)', () => {
  assert.equal(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined }), '{"a":[true,null,"x"],"b":1}');
  // RFC 8785 §3.2.3 example ordering: "\u20ac" (€) sorts after "\r" and "1" and before "\ud83d\ude00".
  assert.equal(canonicalJson({ '\u20ac': 1, '\r': 2, '1': 3, '\ud83d\ude00': 4 }), '{"\\r":2,"1":3,"€":1,"😀":4}');
  assert.equal(canonicalJson(1e21), '1e+21');
  assert.equal(canonicalJson(0.000001), '0.000001');
});

test('non-finite numbers are refused', () => {
  assert.throws(() => canonicalJson(Number.NaN));
});
