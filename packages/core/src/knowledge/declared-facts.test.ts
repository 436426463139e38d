import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../shared/errors.ts';
import {
  type DeclaredFacts,
  type DeclaredFactsContent,
  applyDeclaredFacts,
  checkDeclaredFacts,
  checkOwnStateOnly,
  declaredCentralAuthorities,
  declaredProvenance,
  emptyDeclaredFacts,
} from './declared-facts.ts';
import { findLegalBases } from './engine.ts';
import { buildKnowledgeIndex } from './knowledge-index.ts';
import type { KnowledgeSnapshot } from './model.ts';

// A tiny world: one universal convention whose list is complete as of 2020 (AAA since 2003, BBB
// since 2004; CCC absent), BBB declared it does not take it as a basis for extradition.
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
        articles: [
          { number: '16', heading: 'Extradition' },
          { number: '18', heading: 'Mutual legal assistance' },
        ],
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
      { state: 'BBB', instrument: 'CONV', kind: 'declaration', text: 'Not a basis for extradition.', source: 'depositary', effects: [{ kind: 'no-treaty-basis-for-extradition' }] },
    ],
    countries: ['AAA', 'BBB', 'CCC'].map((code) => ({ code, alpha2: code.slice(0, 2), kind: 'state' as const, names: { en: code }, aliases: [], region: null, subRegion: null })),
    offences: [],
    cooperationTypes: [],
  };
}

const treaty = (over: Partial<DeclaredFactsContent['treaties'][number]> = {}): DeclaredFactsContent['treaties'][number] => ({
  id: 'AAA-CCC-MLA-2010',
  title: 'Treaty between AAA and CCC on mutual legal assistance',
  kind: 'bilateral',
  parties: ['AAA', 'CCC'],
  signed: '2009-06-01',
  entryIntoForce: '2010-01-01',
  offences: ['*any-offence'],
  cooperation: { mla: { articles: ['1'] } },
  articles: [{ number: '1', heading: 'Scope' }],
  ...over,
});

function facts(content: Partial<DeclaredFactsContent>, over: Partial<DeclaredFacts> = {}): DeclaredFacts {
  return { v: 1, nodeId: 'node-aaa', state: 'AAA', authority: 'Ministry of Justice of AAA', version: 1, signedAt: '2026-11-29T10:00:00.000Z', ...emptyDeclaredFacts(), ...content, ...over };
}

function known() {
  const index = buildKnowledgeIndex(snapshot());
  return { instruments: index.instruments, countries: index.countries };
}

function refused(fn: () => void, code: string): void {
  assert.throws(fn, (err: unknown) => err instanceof ValidationError && err.code === code);
}

describe('declared facts: checks', () => {
  it('accepts a treaty of the declaring State with its authorities and declarations', () => {
    checkDeclaredFacts(
      {
        ...emptyDeclaredFacts(),
        treaties: [treaty()],
        centralAuthorities: [{ instrument: 'AAA-CCC-MLA-2010', name: 'Central Authority', address: 'Capital', channels: ['email'], languages: ['en'] }],
        declarations: [{ instrument: 'CONV', article: '16(5)', effect: 'treaty-basis-for-extradition', text: 'AAA takes the Convention as the basis.' }],
      },
      'AAA',
      known(),
    );
  });

  it('refuses facts about another State, on the declaring node and at the receiver', () => {
    refused(() => checkDeclaredFacts({ ...emptyDeclaredFacts(), treaties: [treaty({ id: 'BBB-CCC-MLA-2010', parties: ['BBB', 'CCC'] })] }, 'AAA', known()), 'facts_for_other_state');
    refused(() => checkOwnStateOnly(facts({}, { state: 'BBB' }), 'AAA'), 'facts_for_other_state');
    checkOwnStateOnly(facts({ treaties: [treaty()] }), 'AAA');
  });

  it('refuses what cannot be right', () => {
    const check = (c: Partial<DeclaredFactsContent>) => () => checkDeclaredFacts({ ...emptyDeclaredFacts(), ...c }, 'AAA', known());
    refused(check({ treaties: [treaty({ id: 'CONV' })] }), 'instrument_exists');
    refused(check({ treaties: [treaty({ parties: ['AAA', 'ZZZ'] })] }), 'unknown_country');
    refused(check({ treaties: [treaty({ parties: ['AAA', 'BBB', 'CCC'] })] }), 'bilateral_needs_two');
    refused(check({ treaties: [treaty(), treaty()] }), 'duplicate_treaty');
    refused(check({ treaties: [treaty({ offences: ['shoplifting'] })] }), 'unknown_offence');
    refused(check({ treaties: [treaty({ cooperation: { mla: { articles: ['7'] } } })] }), 'unknown_article');
    refused(check({ treaties: [treaty({ signed: '2011-01-01' })] }), 'dates_out_of_order');
    refused(check({ centralAuthorities: [{ instrument: 'NOPE', name: 'X', address: '', channels: [], languages: [] }] }), 'unknown_instrument');
    refused(check({ participations: [{ instrument: 'AAA-CCC-MLA-2010', consentKind: 'ratification', consent: null, entryIntoForce: null }] }), 'unknown_instrument');
  });

  it('words the provenance', () => {
    assert.equal(declaredProvenance(facts({})), 'declared by Ministry of Justice of AAA (AAA), node node-aaa, signed on 2026-11-29');
  });
});

describe('declared facts: in answers', () => {
  it('a declared bilateral treaty is a basis between the two States, first, with its provenance', () => {
    const { snapshot: s, disagreements } = applyDeclaredFacts(snapshot(), [{ facts: facts({ treaties: [treaty({ offences: ['corruption'] })] }), own: false }]);
    assert.deepEqual(disagreements, []);
    const index = buildKnowledgeIndex(s);
    const answer = findLegalBases(index, { requesting: 'CCC', requested: 'AAA', type: 'mla', offence: 'corruption', date: '2015-01-01' });
    const first = answer.bases[0]!;
    assert.equal(first.instrument, 'AAA-CCC-MLA-2010');
    assert.equal(first.outcome, 'applicable');
    const provenance = declaredProvenance(facts({}));
    assert.equal(first.status.requesting.source, provenance);
    assert.equal(first.status.requested.since, '2010-01-01');
    assert.equal(answer.headline.code, 'best-basis');
    // Not before it entered into force, and never between other States.
    assert.ok(!findLegalBases(index, { requesting: 'CCC', requested: 'AAA', type: 'mla', offence: 'corruption', date: '2009-12-31' }).bases.some((b) => b.instrument === 'AAA-CCC-MLA-2010'));
    assert.ok(!findLegalBases(index, { requesting: 'BBB', requested: 'AAA', type: 'mla', offence: 'corruption', date: '2015-01-01' }).bases.some((b) => b.instrument === 'AAA-CCC-MLA-2010'));
  });

  it('of a regional treaty a node speaks for its own participation only', () => {
    const regional = treaty({ id: 'REG-2012', kind: 'regional', parties: ['AAA', 'BBB', 'CCC'] });
    const { snapshot: s } = applyDeclaredFacts(snapshot(), [{ facts: facts({ treaties: [regional] }), own: true }]);
    const list = s.partyLists.find((l) => l.instrument === 'REG-2012')!;
    assert.deepEqual(list.participations.map((p) => p.state), ['AAA']);
    assert.equal(list.complete, false);
  });

  it('central authorities and declarations appear as the State’s declarations, with provenance', () => {
    const { snapshot: s } = applyDeclaredFacts(snapshot(), [
      {
        facts: facts({
          centralAuthorities: [{ instrument: 'CONV', name: 'Office of International Affairs', address: 'Capital', channels: ['email'], languages: ['en', 'fr'] }],
          declarations: [{ instrument: 'CONV', article: '16(5)', effect: 'treaty-basis-for-extradition', text: 'AAA takes the Convention as the basis for extradition.' }],
        }),
        own: false,
      },
    ]);
    const answer = findLegalBases(buildKnowledgeIndex(s), { requesting: 'BBB', requested: 'AAA', type: 'mla', offence: 'corruption', date: '2015-01-01' });
    const conv = answer.bases.find((b) => b.instrument === 'CONV')!;
    const authority = conv.reservations.find((r) => r.effect === 'central-authority')!;
    assert.equal(authority.source, declaredProvenance(facts({})));
    assert.match(authority.description, /Office of International Affairs/);
    assert.ok(conv.reservations.some((r) => r.effect === 'languages'));
    assert.ok(s.reservations.some((r) => r.state === 'AAA' && r.effects.some((e) => e.kind === 'treaty-basis-for-extradition')));
    assert.equal(declaredCentralAuthorities([{ facts: facts({ centralAuthorities: [{ instrument: 'CONV', name: 'X', address: 'Y', channels: [], languages: [] }] }), own: false }], 'BBB').length, 0);
  });
});

describe('declared facts: disagreements with the depositary data', () => {
  it('lists a State declared party that a complete list leaves out, and answers from the depositary', () => {
    const ccc = facts({ participations: [{ instrument: 'CONV', consentKind: 'ratification', consent: '2005-01-01', entryIntoForce: null }] }, { state: 'CCC', nodeId: 'node-ccc', authority: 'CCC Justice' });
    const { snapshot: s, disagreements } = applyDeclaredFacts(snapshot(), [{ facts: ccc, own: false }]);
    assert.equal(disagreements.length, 1);
    assert.equal(disagreements[0]!.kind, 'not-party-per-depositary');
    assert.match(disagreements[0]!.message, /complete as of 2020-01-01/);
    const answer = findLegalBases(buildKnowledgeIndex(s), { requesting: 'AAA', requested: 'CCC', type: 'mla', offence: 'corruption', date: '2015-01-01', all: true });
    assert.equal(answer.bases.find((b) => b.instrument === 'CONV')!.status.requested.state, 'not-party');
  });

  it('a consent after the list’s date fills the gap, with provenance', () => {
    const ccc = facts({ participations: [{ instrument: 'CONV', consentKind: 'accession', consent: '2021-03-01', entryIntoForce: '2021-04-01' }] }, { state: 'CCC', nodeId: 'node-ccc', authority: 'CCC Justice' });
    const { snapshot: s, disagreements } = applyDeclaredFacts(snapshot(), [{ facts: ccc, own: false }]);
    assert.deepEqual(disagreements, []);
    const p = s.partyLists.find((l) => l.instrument === 'CONV')!.participations.find((x) => x.state === 'CCC')!;
    assert.match(p.source, /^declared by CCC Justice/);
    assert.equal(p.entryIntoForce, '2021-04-01');
  });

  it('lists different dates and a contrary extradition declaration; the depositary’s facts stay', () => {
    const aaa = facts({ participations: [{ instrument: 'CONV', consentKind: 'ratification', consent: '2002-05-05', entryIntoForce: null }] });
    const bbb = facts({ declarations: [{ instrument: 'CONV', article: '16(5)', effect: 'treaty-basis-for-extradition', text: 'BBB takes the Convention as the basis.' }] }, { state: 'BBB', nodeId: 'node-bbb', authority: 'BBB Justice' });
    const { snapshot: s, disagreements } = applyDeclaredFacts(snapshot(), [
      { facts: aaa, own: true },
      { facts: bbb, own: false },
    ]);
    assert.deepEqual(disagreements.map((d) => [d.state, d.kind]), [['AAA', 'different-dates'], ['BBB', 'extradition-basis']]);
    assert.equal(s.partyLists.find((l) => l.instrument === 'CONV')!.participations.find((x) => x.state === 'AAA')!.consent, '2003-01-01');
    assert.ok(!s.reservations.some((r) => r.state === 'BBB' && r.effects.some((e) => e.kind === 'treaty-basis-for-extradition')));
  });

  it('two nodes declaring the same treaty with different dates are listed', () => {
    const ccc = facts({ treaties: [treaty({ entryIntoForce: '2011-01-01' })] }, { state: 'CCC', nodeId: 'node-ccc', authority: 'CCC Justice' });
    const { disagreements } = applyDeclaredFacts(snapshot(), [
      { facts: facts({ treaties: [treaty()] }), own: false },
      { facts: ccc, own: false },
    ]);
    assert.equal(disagreements.length, 1);
    assert.equal(disagreements[0]!.kind, 'treaty-dates');
  });
});
