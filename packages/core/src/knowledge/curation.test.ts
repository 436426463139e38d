import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Curation, applyCurations, checkCuratedFact } from './curation.ts';
import { findLegalBases } from './engine.ts';
import { buildKnowledgeIndex } from './knowledge-index.ts';
import type { KnowledgeSnapshot } from './model.ts';
import { reservationId } from './reservations.ts';

// A tiny world: one convention with a complete list (AAA, BBB) and one declaration by BBB.
function snapshot(): KnowledgeSnapshot {
  return {
    dataAsOf: '2020-01-01',
    instruments: [
      {
        id: 'CONV',
        titles: { en: 'Convention' },
        short: 'CONV',
        kind: 'universal',
        depositary: 'UN',
        adopted: '2000-01-01',
        entryIntoForce: '2001-01-01',
        supplements: null,
        contextOnly: false,
        offences: ['corruption'],
        scopeConditions: [],
        cooperation: { mla: { articles: ['18'] }, extradition: { articles: ['16'] } },
        notes: null,
        articlesChecked: true,
        articles: [{ number: '18', heading: 'Mutual legal assistance' }],
      },
    ],
    partyLists: [
      {
        instrument: 'CONV',
        complete: true,
        source: 'depositary',
        asOf: '2020-01-01',
        participations: [
          { state: 'AAA', consent: '2003-01-01', consentKind: 'ratification', source: 'depositary', asOf: '2020-01-01' },
          { state: 'BBB', consent: '2004-01-01', consentKind: 'accession', source: 'depositary', asOf: '2020-01-01' },
        ],
      },
    ],
    reservations: [
      { state: 'BBB', instrument: 'CONV', kind: 'declaration', text: 'Declaration under article 18, paragraph 13.', source: 'depositary', effects: [{ kind: 'other' }] },
    ],
    countries: ['AAA', 'BBB', 'CCC'].map((code) => ({ code, alpha2: code.slice(0, 2), kind: 'state' as const, names: { en: code }, aliases: [], region: null, subRegion: null })),
    offences: [],
    cooperationTypes: [],
  };
}

const curation = (id: string, fact: Curation['fact'], basedOnVersion = 1): Curation => ({
  id,
  fact,
  source: 'gazette',
  note: 'checked',
  createdAt: '2021-03-04T10:00:00.000Z',
  createdBy: 'admin@example.org',
  basedOnVersion,
});
const versions = (partyList: number, reservations = 1) => ({
  partyLists: new Map([['CONV', partyList]]),
  reservations: new Map([['CONV', reservations]]),
});
const q = { requesting: 'AAA', requested: 'CCC', type: 'mla' as const, offence: 'corruption' as const, date: '2019-06-01' };

describe('applyCurations', () => {
  it('a curated participation takes part in the answer and is marked curated; the input is not changed', () => {
    const base = snapshot();
    const { snapshot: s, conflicts } = applyCurations(base, [curation('c1', { kind: 'participation', instrument: 'CONV', state: 'CCC', consent: '2010-01-01', consentKind: 'accession' })], versions(1));
    assert.deepEqual(conflicts, []);
    const basis = findLegalBases(buildKnowledgeIndex(s), q).bases.find((b) => b.instrument === 'CONV');
    assert.equal(basis?.status.requested.state, 'party');
    assert.equal(basis?.status.requested.curated, true);
    assert.match(basis?.status.requested.source ?? '', /^curated: gazette \(checked; admin@example\.org, 2021-03-04\)/);
    assert.equal(base.partyLists[0]?.participations.length, 2, 'the imported snapshot is left as it was');
    // Without the curation, CCC is absent from a complete list: not party, so no basis.
    assert.equal(findLegalBases(buildKnowledgeIndex(base), q).bases.length, 0);
  });

  it('a newer import that disagrees is listed as a conflict; the curated fact is still used', () => {
    const fact = { kind: 'participation' as const, instrument: 'CONV', state: 'BBB', consent: '2004-06-01', consentKind: 'accession' as const };
    assert.deepEqual(applyCurations(snapshot(), [curation('c1', fact, 2)], versions(2)).conflicts, [], 'same version: a correction, not a conflict');
    const { snapshot: s, conflicts } = applyCurations(snapshot(), [curation('c1', fact, 2)], versions(3));
    assert.equal(conflicts.length, 1);
    assert.deepEqual([conflicts[0]?.curationId, conflicts[0]?.state, conflicts[0]?.version], ['c1', 'BBB', 3]);
    assert.deepEqual(conflicts[0]?.imported, { consent: '2004-01-01', consentKind: 'accession', source: 'depositary', asOf: '2020-01-01' });
    assert.equal(s.partyLists[0]?.participations.find((p) => p.state === 'BBB')?.consent, '2004-06-01');
    // A newer import that agrees is no conflict.
    const agreeing = { ...fact, consent: '2004-01-01' };
    assert.deepEqual(applyCurations(snapshot(), [curation('c2', agreeing, 2)], versions(3)).conflicts, []);
  });

  it('a bilateral treaty becomes an instrument binding its two States, first in the answer', () => {
    const { snapshot: s } = applyCurations(
      snapshot(),
      [
        curation('b1', {
          kind: 'bilateral-treaty',
          id: 'AAA-CCC-MLA',
          title: 'AAA–CCC treaty',
          states: ['AAA', 'CCC'],
          adopted: '1999-01-01',
          entryIntoForce: '2000-01-01',
          offences: ['*any-offence'],
          cooperation: { mla: { articles: ['1'] } },
          articles: [{ number: '1', heading: 'Scope' }],
          scopeConditions: [],
        }),
      ],
      versions(1),
    );
    const index = buildKnowledgeIndex(s);
    const a = findLegalBases(index, q);
    assert.deepEqual(
      a.bases.map((b) => [b.instrument, b.kind, b.outcome]),
      [['AAA-CCC-MLA', 'bilateral', 'applicable']],
    );
    assert.deepEqual(a.bases[0]?.articles, [{ number: '1', heading: 'Scope' }]);
    assert.equal(findLegalBases(index, { ...q, requested: 'BBB' }).bases.some((b) => b.instrument === 'AAA-CCC-MLA'), false);
  });

  it('a reservation effect is found again by its id; when the text changed, it is a conflict and the curated text counts', () => {
    const id = reservationId(snapshot().reservations[0] as { instrument: string; state: string; text: string });
    const fact = {
      kind: 'reservation-effect' as const,
      instrument: 'CONV',
      state: 'BBB',
      reservationId: id,
      text: 'Declaration under article 18, paragraph 13.',
      effects: [{ kind: 'central-authority' as const, name: 'Ministry of Justice' }],
    };
    const { snapshot: s, conflicts } = applyCurations(snapshot(), [curation('r1', fact)], versions(1, 2));
    assert.deepEqual(conflicts, []);
    assert.deepEqual(s.reservations[0]?.effects, [{ kind: 'central-authority', name: 'Ministry of Justice' }]);
    assert.equal(s.reservations.length, 1);
    const basis = findLegalBases(buildKnowledgeIndex(s), { ...q, requested: 'BBB' }).bases[0];
    assert.deepEqual(basis?.reservations.map((r) => r.description), ['central authority: Ministry of Justice']);

    const changed = snapshot();
    (changed.reservations[0] as { text: string }).text = 'Amended declaration.';
    const after = applyCurations(changed, [curation('r1', fact)], versions(1, 2));
    assert.equal(after.conflicts.length, 1);
    assert.equal(after.snapshot.reservations.length, 2, 'the curated declaration is kept beside the new text');
  });
});

describe('checkCuratedFact', () => {
  const s = snapshot();
  const index = buildKnowledgeIndex(s);
  const known = { instruments: index.instruments, countries: index.countries };
  it('refuses unknown instruments, States, offences, articles and empty facts with stable codes', () => {
    const code = (fact: Curation['fact']) => {
      try {
        checkCuratedFact(fact, known);
        return 'ok';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    assert.equal(code({ kind: 'participation', instrument: 'CONV', state: 'CCC', consent: '2010-01-01', consentKind: 'accession' }), 'ok');
    assert.equal(code({ kind: 'participation', instrument: 'NOPE', state: 'CCC', consentKind: 'accession' }), 'unknown_instrument');
    assert.equal(code({ kind: 'participation', instrument: 'CONV', state: 'ZZZ', consentKind: 'accession' }), 'unknown_country');
    assert.equal(code({ kind: 'participation', instrument: 'CONV', state: 'CCC', consent: '2010-01-01' }), 'consent_kind_required');
    assert.equal(code({ kind: 'participation', instrument: 'CONV', state: 'CCC' }), 'empty_participation');
    const treaty = {
      kind: 'bilateral-treaty' as const,
      id: 'AAA-CCC-1',
      title: 'T',
      states: ['AAA', 'CCC'] as [string, string],
      adopted: null,
      entryIntoForce: null,
      offences: ['corruption'],
      cooperation: { mla: { articles: ['1'] } },
      articles: [{ number: '1', heading: 'Scope' }],
      scopeConditions: [],
    };
    assert.equal(code(treaty), 'ok');
    assert.equal(code({ ...treaty, id: 'CONV' }), 'instrument_exists');
    assert.equal(code({ ...treaty, states: ['AAA', 'AAA'] }), 'same_state');
    assert.equal(code({ ...treaty, offences: ['jaywalking'] }), 'unknown_offence');
    assert.equal(code({ ...treaty, cooperation: { mla: { articles: ['9'] } } }), 'unknown_article');
    assert.equal(code({ kind: 'reservation-effect', instrument: 'CONV', state: 'BBB', text: 'x', effects: [] }), 'effects_required');
  });
});
