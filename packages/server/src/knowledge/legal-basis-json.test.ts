// The legal-basis answer's JSON (legal-basis-json.ts) is byte for byte what the generic zod
// serialiser gives, over a spread of answers of the shipped data (random pairs, every type and
// offence, with and without --all and article texts, at three dates), while the parts that answers
// share are checked and serialised once; and an answer that breaks the contract still fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LegalBasisAnswer } from '@comity/contract/knowledge';
import { findLegalBases } from '@comity/core/knowledge/engine';
import { buildKnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { COOPERATION_TYPES, OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { isResponseSerializationError, serializerCompiler } from 'fastify-type-provider-zod';
import { legalBasisSerializer } from './legal-basis-json.ts';
import { loadShippedKnowledge } from './shipped-data.ts';

const index = buildKnowledgeIndex(await loadShippedKnowledge());
const codes = [...index.countries.keys()].sort();
const generic = serializerCompiler({ schema: LegalBasisAnswer, method: 'GET', url: '/api/v1/legal-basis' });
let seed = 7;
const random = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;

test('the same JSON as the generic zod serialiser, with shared parts reused', () => {
  const stats = { hits: 0, misses: 0 };
  const json = legalBasisSerializer(stats);
  let bases = 0;
  let context = 0;
  for (const date of ['2004-06-01', '2016-03-15', '2026-11-30']) {
    for (let k = 0; k < 1500; k++) {
      const requesting = pick(codes);
      const requested = k % 50 === 0 ? requesting : pick(codes);
      const all = k % 3 === 0;
      const answer = findLegalBases(index, { requesting, requested, type: pick(COOPERATION_TYPES), offence: pick(OFFENCE_IDS), date, all, includeText: k % 5 === 0 });
      bases += answer.bases.length;
      context += answer.context.length;
      // Twice: the second time every shared part comes from the memos. The same bytes as the
      // generic serialiser's string sent as UTF-8 (as Fastify sends a string).
      const expected = Buffer.from(generic(answer), 'utf8');
      assert.deepEqual(json(answer), expected, `${requesting} → ${requested} on ${date}`);
      const made = stats.misses;
      assert.deepEqual(json(answer), expected, `${requesting} → ${requested} on ${date}, again`);
      assert.equal(stats.misses, made, 'nothing made again for the same answer');
    }
  }
  assert.ok(bases > 10_000 && context > 100, `a spread of answers (${bases} bases, ${context} context entries)`);
  assert.ok(stats.hits > stats.misses, `shared parts are reused (${stats.hits} hits, ${stats.misses} misses)`);
});

test('an answer that breaks the contract fails like with the generic serialiser', () => {
  const json = legalBasisSerializer();
  const answer = findLegalBases(index, { requesting: 'FR', requested: 'BR', type: 'mla', offence: 'corruption', date: '2026-11-30', all: false, includeText: false });
  assert.ok(answer.bases.length > 0);
  json(answer); // the shared parts are in the memos now
  const badOutcome = { ...answer, bases: answer.bases.map((b, k) => (k === 0 ? { ...b, outcome: 'probably' } : b)) };
  const badStatus = { ...answer, bases: answer.bases.map((b, k) => (k === 0 ? { ...b, status: { ...b.status, requested: { ...b.status.requested, state: 'nonsense' } } } : b)) };
  const badRank = { ...answer, bases: answer.bases.map((b) => ({ ...b, rank: 0 })) };
  const noQuery = { ...answer, query: undefined };
  for (const bad of [badOutcome, badStatus, badRank, noQuery]) {
    assert.throws(() => generic(bad), isResponseSerializationError);
    assert.throws(() => json(bad), isResponseSerializationError);
  }
});
