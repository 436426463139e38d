// The memoised headline is the one the engine would build for that answer: same code, parameters
// and text, for every pair, type and offence of a sample of the shipped data's States.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { loadShippedKnowledge } from './shipped-data.ts';
import { findLegalBases, setHeadlineMemo } from '@comity/core/knowledge/engine';
import { buildKnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { COOPERATION_TYPES, OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';

after(() => setHeadlineMemo(true));

test('memoised headlines equal freshly built ones, asked twice and on other dates', async () => {
  const snapshot = await loadShippedKnowledge();
  const states = ['FRA', 'BRA', 'DEU', 'ARG', 'USA', 'CHN', 'KEN', 'IND', 'RUS', 'ZAF', 'JPN', 'SAU'];
  for (const date of ['2026-11-29', '2004-06-01']) {
    setHeadlineMemo(false);
    const plain = buildKnowledgeIndex(snapshot);
    setHeadlineMemo(true);
    const memo = buildKnowledgeIndex(snapshot);
    const codes = new Set<string>();
    for (let round = 0; round < 2; round++) {
      for (const a of states) {
        for (const b of states) {
          for (const type of COOPERATION_TYPES) {
            for (const offence of OFFENCE_IDS) {
              setHeadlineMemo(false);
              const expected = findLegalBases(plain, { requesting: a, requested: b, type, offence, date }).headline;
              setHeadlineMemo(true);
              const got = findLegalBases(memo, { requesting: a, requested: b, type, offence, date }).headline;
              assert.deepEqual(got, expected, `${a} → ${b}, ${type}, ${offence}, ${date}`);
              codes.add(got.code);
            }
          }
        }
      }
    }
    assert.ok(codes.has('best-basis') && codes.has('no-known-basis'), `both kinds of headline were compared on ${date}: ${[...codes]}`);
  }
});
