// The live-update client's back-off: it grows, is capped, and is jittered within its window.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay } from './live.ts';

test('the back-off doubles from 1 s, stays within [half, all] of its window, and stops growing at 60 s', () => {
  assert.equal(backoffDelay(1, () => 0), 500);
  assert.equal(backoffDelay(1, () => 1), 1000);
  assert.equal(backoffDelay(2, () => 1), 2000);
  assert.equal(backoffDelay(4, () => 0), 4000);
  assert.equal(backoffDelay(7, () => 1), 60_000);
  assert.equal(backoffDelay(30, () => 0), 30_000);
  for (let n = 1; n < 12; n++) {
    const d = backoffDelay(n);
    const window = Math.min(60_000, 1000 * 2 ** (n - 1));
    assert.ok(d >= window / 2 && d <= window, `${n}: ${d}`);
  }
});
