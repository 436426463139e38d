import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunkAad, chunkCountOf, chunkLength, chunkNonce, contentProblem, missingChunks } from './transfer.ts';

test('chunk count and lengths cover the item exactly', () => {
  assert.equal(chunkCountOf(0, 1024), 0);
  assert.equal(chunkCountOf(1, 1024), 1);
  assert.equal(chunkCountOf(1024, 1024), 1);
  assert.equal(chunkCountOf(1025, 1024), 2);
  const size = 10 * 1024 + 17;
  let total = 0;
  for (let i = 0; i < chunkCountOf(size, 1024); i++) total += chunkLength(size, 1024, i);
  assert.equal(total, size);
  assert.equal(chunkLength(size, 1024, 10), 17);
  assert.throws(() => chunkLength(size, 1024, 11), RangeError);
});

test('each chunk has its own nonce, the index in the last eight bytes', () => {
  assert.deepEqual([...chunkNonce(0)], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual([...chunkNonce(258)], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
  assert.deepEqual([...chunkNonce(2 ** 40)].slice(4), [0, 0, 1, 0, 0, 0, 0, 0]);
  assert.notDeepEqual(chunkNonce(1), chunkNonce(2));
  assert.equal(chunkAad('t', 3, 9), 'comity-transfer-chunk-v1|t|3|9');
});

test('the receiver asks only for what it lacks; an inconsistent offer is named', () => {
  assert.deepEqual(missingChunks([0, 2, 5], 6), [1, 3, 4]);
  assert.deepEqual(missingChunks([], 0), []);
  assert.equal(contentProblem({ size: 1 << 20, chunkSize: 1 << 18, chunkCount: 4, chunkSha256: ['a', 'b', 'c', 'd'] }), null);
  assert.match(contentProblem({ size: 1 << 20, chunkSize: 1 << 18, chunkCount: 5, chunkSha256: ['a', 'b', 'c', 'd', 'e'] }) ?? '', /has 4 chunks/);
  assert.match(contentProblem({ size: 1 << 20, chunkSize: 1 << 18, chunkCount: 4, chunkSha256: ['a'] }) ?? '', /1 chunk digests/);
  assert.match(contentProblem({ size: 10, chunkSize: 10, chunkCount: 1, chunkSha256: ['a'] }) ?? '', /chunkSize must be/);
});
