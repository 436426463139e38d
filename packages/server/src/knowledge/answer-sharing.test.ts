// The engine shares parts between answers (statuses, reasons, reservations and headlines per pair
// of States, see engine.ts); with sharing off it builds every part for every answer. Both must give
// the same answers, field for field: for every pair, type and offence of a sample of the shipped
// data's States, on two dates, with and without --all and article texts, asked pair after pair
// (as the matrix does) and with the pairs interleaved (so that the memo of the last pair is
// replaced between questions), and asked twice.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { loadShippedKnowledge } from './shipped-data.ts';
import { findLegalBases, type LegalBasisQuery, setAnswerSharing } from '@comity/core/knowledge/engine';
import { buildKnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { COOPERATION_TYPES, OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';

after(() => setAnswerSharing(true));

const STATES = ['FRA', 'BRA', 'DEU', 'ARG', 'USA', 'CHN', 'KEN', 'IND', 'RUS', 'ZAF', 'JPN', 'SAU', 'EUU', 'CHE'];

test('shared parts give the same answers as parts built for every answer', async () => {
  const snapshot = await loadShippedKnowledge();
  for (const date of ['2026-11-29', '2004-06-01']) {
    const plain = buildKnowledgeIndex(snapshot);
    const shared = buildKnowledgeIndex(snapshot);
    const pairMajor: LegalBasisQuery[] = [];
    for (const requesting of STATES) {
      for (const requested of STATES) {
        for (const type of COOPERATION_TYPES) {
          for (const offence of OFFENCE_IDS) {
            const n = pairMajor.length;
            pairMajor.push({ requesting, requested, type, offence, date, all: n % 3 === 0, includeText: n % 2 === 0 });
          }
        }
      }
    }
    // The same questions with consecutive ones about different pairs.
    const interleaved = pairMajor.map((_, k) => pairMajor[(k * 7919) % pairMajor.length] as LegalBasisQuery);
    const seen = { headlines: new Set<string>(), outcomes: new Set<string>(), reservations: 0, staticReasons: 0 };
    for (const order of [pairMajor, interleaved, pairMajor]) {
      for (const q of order) {
        setAnswerSharing(false);
        const expected = findLegalBases(plain, q);
        setAnswerSharing(true);
        const got = findLegalBases(shared, q);
        assert.deepEqual(got, expected, `${q.requesting} → ${q.requested}, ${q.type}, ${q.offence}, ${date}, all: ${q.all}`);
        seen.headlines.add(got.headline.code);
        for (const b of got.bases) {
          seen.outcomes.add(b.outcome);
          if (b.reservations.length > 0) seen.reservations++;
          if (b.reasonCodes.some((r) => r.code === 'articles-to-confirm' || r.code === 'covered-through')) seen.staticReasons++;
        }
      }
    }
    // The comparison covered every kind of answer, not only the easy ones.
    assert.ok(seen.headlines.has('no-known-basis') && (seen.headlines.has('best-basis') || seen.headlines.has('conditional-basis')), `headline kinds on ${date}: ${[...seen.headlines]}`);
    if (date === '2026-11-29') assert.equal(seen.headlines.size, 3, 'the three kinds of headline were compared');
    for (const o of ['applicable', 'conditional', 'unknown', 'not-applicable']) assert.ok(seen.outcomes.has(o), `a basis with outcome ${o} was compared on ${date}`);
    assert.ok(seen.reservations > 0, `bases with reservations were compared on ${date}`);
    assert.ok(seen.staticReasons > 0, `bases with the instrument's own reasons were compared on ${date}`);
  }
});
