import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLegalBases, type LegalBasisQuery } from './engine.ts';
import { KnowledgeInputError } from './errors.ts';
import { formatLegalBasisTable } from './format.ts';
import { buildKnowledgeIndex } from './knowledge-index.ts';
import type { Country, Instrument, KnowledgeSnapshot, PartyList } from './model.ts';
import { countryProfile } from './profile.ts';
import { recogniseEffects } from './reservations.ts';
import { resolveCooperationType, resolveCountry, resolveInstrument, resolveOffence } from './resolve.ts';
import { statusAt } from './status.ts';

// Small hand-made world: four States (AAA, BBB, CCC, DDD), a general convention with a protocol,
// a crime-specific convention, a regional MLA treaty, a bilateral treaty and a context-only one.
function instrument(over: Partial<Instrument> & Pick<Instrument, 'id'>): Instrument {
  return {
    titles: { en: `${over.id} title` },
    short: over.id,
    kind: 'universal',
    depositary: 'UN',
    adopted: '2000-01-01',
    entryIntoForce: '2001-01-01',
    supplements: null,
    contextOnly: false,
    offences: [],
    scopeConditions: [],
    cooperation: {},
    notes: null,
    articlesChecked: true,
    articles: [
      { number: '16', heading: 'Extradition', text: 'States Parties shall extradite…' },
      { number: '18', heading: 'Mutual legal assistance', text: 'States Parties shall afford…' },
    ],
    ...over,
  };
}

const country = (code: string, alpha2: string, en: string, fr: string): Country => ({
  code,
  alpha2,
  kind: 'state',
  names: { en, fr },
  aliases: [],
  region: null,
  subRegion: null,
});

function list(instrumentId: string, over: Partial<PartyList>, rows: PartyList['participations']): PartyList {
  return { instrument: instrumentId, complete: true, source: `${instrumentId} list`, asOf: '2020-01-01', participations: rows, ...over };
}

function snapshot(): KnowledgeSnapshot {
  return {
    dataAsOf: '2020-01-01',
    instruments: [
      instrument({
        id: 'CONV',
        offences: ['corruption', 'trafficking-in-persons', 'other-serious-crime'],
        scopeConditions: [{ id: 'serious', question: 'Is it serious crime?', citation: 'CONV 2(b)' }],
        cooperation: { mla: { articles: ['18'] }, extradition: { articles: ['16'] } },
      }),
      instrument({
        id: 'PROT',
        supplements: 'CONV',
        offences: ['trafficking-in-persons'],
        cooperation: { mla: { articles: ['1'] }, extradition: { articles: ['1'] } },
        articles: [{ number: '1', heading: 'Relation with the Convention' }],
      }),
      instrument({
        id: 'SPEC',
        offences: ['corruption'],
        cooperation: { mla: { articles: ['46'] } },
        articlesChecked: false,
        articles: [],
      }),
      instrument({ id: 'REG', kind: 'regional', offences: ['*any-offence'], cooperation: { mla: { articles: ['18'] } } }),
      instrument({
        id: 'BIL',
        kind: 'bilateral',
        states: ['AAA', 'BBB'],
        offences: ['*any-extraditable'],
        scopeConditions: [{ id: 'min', question: 'Punishable by one year in both States?', citation: 'BIL 2' }],
        cooperation: { extradition: { articles: ['16'] } },
      }),
      instrument({
        id: 'CYBER',
        kind: 'regional',
        offences: ['cybercrime', '*electronic-evidence'],
        scopeConditions: [
          { id: 'electronic-evidence', question: 'Electronic evidence?', citation: 'CYBER 25', onlyVia: '*electronic-evidence' },
        ],
        cooperation: { mla: { articles: ['18'] }, extradition: { articles: ['16'] } },
      }),
      instrument({ id: 'LATE', offences: ['corruption'], entryIntoForce: '2030-01-01', cooperation: { mla: { articles: ['18'] } } }),
      instrument({ id: 'CTX', contextOnly: true, offences: ['corruption'], notes: 'No cooperation clause.' }),
    ],
    partyLists: [
      list('CONV', { complete: false }, [
        { state: 'AAA', consent: '2003-01-01', consentKind: 'ratification', source: 's', asOf: '2020-01-01' },
        { state: 'BBB', consent: '2004-01-01', consentKind: 'accession', source: 's', asOf: '2020-01-01' },
        { state: 'CCC', signature: '2000-12-12', source: 's', asOf: '2020-01-01' },
      ]),
      list('PROT', {}, [
        { state: 'AAA', consent: '2005-01-01', consentKind: 'ratification', source: 's', asOf: '2020-01-01' },
        { state: 'BBB', consent: '2005-01-01', consentKind: 'ratification', source: 's', asOf: '2020-01-01' },
        // DDD is party to the Protocol, which implies party to CONV although CONV's list omits it.
        { state: 'DDD', consent: '2006-01-01', consentKind: 'accession', source: 's', asOf: '2020-01-01' },
      ]),
      list('SPEC', { complete: true, asOf: '2030-01-01' }, [
        { state: 'AAA', consent: '2006-01-01', consentKind: 'ratification', source: 's', asOf: '2020-01-01' },
        { state: 'BBB', consent: '2006-01-01', consentKind: 'ratification', source: 's', asOf: '2020-01-01' },
      ]),
      list('REG', { asOf: '2030-01-01' }, [
        { state: 'AAA', consent: '2002-01-01', consentKind: 'ratification', source: 's', asOf: '2020-01-01' },
        { state: 'BBB', consent: '2002-01-01', consentKind: 'ratification', denunciation: '2010-01-01', source: 's', asOf: '2020-01-01' },
      ]),
      list('BIL', { asOf: '2030-01-01' }, [
        { state: 'AAA', consent: '2002-01-01', consentKind: 'ratification', entryIntoForce: '2002-03-01', source: 'bil', asOf: '2020-01-01' },
        { state: 'BBB', consent: '2002-01-01', consentKind: 'ratification', entryIntoForce: '2002-03-01', source: 'bil', asOf: '2020-01-01' },
      ]),
      list('CYBER', { asOf: '2030-01-01' }, [
        { state: 'AAA', consent: '2005-01-01', consentKind: 'ratification', source: 's', asOf: '2020-01-01' },
        { state: 'BBB', consent: '2005-01-01', consentKind: 'ratification', source: 's', asOf: '2020-01-01' },
      ]),
      list('LATE', { asOf: '2030-01-01' }, [
        { state: 'AAA', consent: '2019-01-01', consentKind: 'ratification', source: 's', asOf: '2020-01-01' },
        { state: 'BBB', consent: '2019-01-01', consentKind: 'ratification', source: 's', asOf: '2020-01-01' },
      ]),
    ],
    reservations: [
      {
        state: 'BBB',
        instrument: 'CONV',
        kind: 'declaration',
        text: 'BBB does not take this Convention as the legal basis for cooperation on extradition.',
        source: 'depositary',
        effects: [{ kind: 'no-treaty-basis-for-extradition' }],
      },
      {
        state: 'AAA',
        instrument: 'CONV',
        kind: 'declaration',
        text: 'The central authority is the Ministry of Justice. Requests are accepted in English and French.',
        source: 'depositary',
        effects: [
          { kind: 'central-authority', name: 'Ministry of Justice' },
          { kind: 'languages', languages: ['English', 'French'] },
        ],
      },
      {
        state: 'AAA',
        instrument: 'CONV',
        kind: 'reservation',
        text: 'AAA does not consider itself bound by paragraph 2 of article 35.',
        source: 'depositary',
        effects: [{ kind: 'dispute-settlement', relevantToCooperation: false }],
      },
    ],
    countries: [
      country('AAA', 'AA', 'Aland', 'Alande'),
      country('BBB', 'BB', 'Bravia', 'Bravie'),
      country('CCC', 'CC', 'Cordia', 'Cordie'),
      country('DDD', 'DD', 'Dorland', 'Dorlande'),
      { ...country('EUU', 'EU', 'European Union', 'Union européenne'), kind: 'regional-organisation' },
    ],
    offences: [],
    cooperationTypes: [],
  };
}

const index = buildKnowledgeIndex(snapshot());
const q = (over: Partial<LegalBasisQuery>): LegalBasisQuery => ({
  requesting: 'AAA',
  requested: 'BBB',
  type: 'mla',
  offence: 'corruption',
  date: '2015-06-01',
  ...over,
});
const basis = (answer: ReturnType<typeof findLegalBases>, id: string) => answer.bases.find((b) => b.instrument === id);

describe('findLegalBases', () => {
  it('returns the contract shape with sorted bases, article citations and status facts', () => {
    const a = findLegalBases(index, q({}));
    assert.deepEqual(a.query, { requesting: 'AAA', requested: 'BBB', type: 'mla', offence: 'corruption', date: '2015-06-01' });
    assert.equal(a.dataAsOf, '2020-01-01');
    // REG is not applicable (BBB denounced it in 2010) so it is hidden. The applicable SPEC first;
    // then the conditional ones: CONV, which names corruption, before CYBER, which covers it only
    // through electronic evidence, although CYBER is a regional treaty both States are party to.
    assert.deepEqual(
      a.bases.map((b) => b.instrument),
      ['SPEC', 'CONV', 'CYBER'],
    );
    assert.deepEqual(
      a.bases.map((b) => b.rank),
      [1, 2, 3],
    );
    assert.equal(a.headline.code, 'best-basis');
    assert.equal(a.headline.text, 'Best basis: SPEC art. 46 — both States parties (Aland since 2006, Bravia since 2006)');
    const conv = basis(a, 'CONV');
    assert.equal(conv?.outcome, 'conditional');
    assert.deepEqual(conv?.conditions, ['Is it serious crime? (CONV 2(b))']);
    assert.deepEqual(conv?.articles[0], { number: '18', heading: 'Mutual legal assistance', text: 'States Parties shall afford…' });
    assert.equal(conv?.status.requesting.state, 'party');
    assert.equal(conv?.status.requesting.since, '2003-01-01');
    assert.equal(conv?.status.requesting.source, 's');
  });

  it('applicable only when both are party and no question remains; articlesChecked=false flags articles', () => {
    const spec = basis(findLegalBases(index, q({})), 'SPEC');
    assert.equal(spec?.outcome, 'applicable');
    assert.deepEqual(spec?.articles, [{ number: '46', heading: '', toBeConfirmed: true }]);
    assert.ok(spec?.reasons.some((r) => r.includes('not in the data') || r.includes('to be confirmed')));
  });

  it('shows not-applicable entries with their reasons only when all=true', () => {
    const a = findLegalBases(index, q({ all: true }));
    const reg = basis(a, 'REG');
    assert.equal(reg?.outcome, 'not-applicable');
    assert.ok(reg?.reasons.some((r) => r.includes('denounced')));
    assert.equal(basis(a, 'BIL')?.outcome, 'not-applicable');
    assert.ok(basis(a, 'BIL')?.reasons[0]?.includes('does not provide mla'));
    assert.ok(a.bases.length >= 7);
  });

  it('a State absent from an incomplete list is unknown, and the answer says which fact is missing', () => {
    const a = findLegalBases(index, q({ requested: 'CCC', offence: 'other-serious-crime' }));
    const conv = basis(a, 'CONV');
    assert.equal(conv?.outcome, 'unknown');
    assert.equal(conv?.status.requested.state, 'unknown');
    assert.equal(conv?.status.requested.signed, '2000-12-12');
    assert.ok(conv?.reasons.some((r) => r.includes('incomplete')));
  });

  it('a State absent from a complete list is not party: the basis is not applicable', () => {
    const a = findLegalBases(index, q({ requested: 'CCC', all: true }));
    const spec = basis(a, 'SPEC');
    assert.equal(spec?.outcome, 'not-applicable');
    assert.equal(spec?.status.requested.state, 'not-party');
    assert.equal(findLegalBases(index, q({ requested: 'CCC' })).bases.some((b) => b.instrument === 'SPEC'), false);
  });

  it('instrument not yet in force at the date is not applicable with the reason', () => {
    const late = basis(findLegalBases(index, q({ all: true, date: '2025-01-01' })), 'LATE');
    assert.equal(late?.outcome, 'not-applicable');
    assert.ok(late?.reasons.some((r) => r.includes('entered into force only on 2030-01-01')));
  });

  it('a Protocol applies together with its Convention and needs both States party to both', () => {
    const a = findLegalBases(index, q({ offence: 'trafficking-in-persons', requested: 'DDD' }));
    const prot = basis(a, 'PROT');
    assert.equal(prot?.appliesWith, 'CONV');
    // DDD is party to the Protocol; its Convention participation is inferred from it.
    assert.equal(prot?.outcome, 'applicable');
    const conv = basis(a, 'CONV');
    assert.equal(conv?.status.requested.state, 'party');
    assert.equal(conv?.status.requested.inferredFrom, 'PROT');
    // Before DDD joined the Protocol nothing says it was party to the Convention.
    const before = findLegalBases(index, q({ offence: 'trafficking-in-persons', requested: 'DDD', date: '2005-06-01', all: true }));
    assert.equal(basis(before, 'PROT')?.outcome, 'not-applicable');
    assert.equal(basis(before, 'CONV')?.outcome, 'unknown');
  });

  it('a no-treaty-basis declaration by the requested State removes an extradition basis; by the requesting State adds a question', () => {
    const toB = findLegalBases(index, q({ type: 'extradition', offence: 'other-serious-crime', all: true }));
    const conv = basis(toB, 'CONV');
    assert.equal(conv?.outcome, 'not-applicable');
    assert.ok(conv?.reservations.some((r) => r.state === 'BBB' && r.effect === 'no-treaty-basis-for-extradition'));
    assert.ok(conv?.reasons.some((r) => r.includes('does not take CONV as the legal basis')));
    const fromB = basis(findLegalBases(index, q({ type: 'extradition', offence: 'other-serious-crime', requesting: 'BBB', requested: 'AAA' })), 'CONV');
    assert.equal(fromB?.outcome, 'conditional');
    assert.ok(fromB?.conditions.some((c) => c.includes('BBB (requesting) does not itself take CONV')));
    // For MLA the extradition declaration does not matter, but AAA's central authority does;
    // the dispute-settlement reservation never shows.
    const mla = basis(findLegalBases(index, q({})), 'CONV');
    assert.deepEqual(
      mla?.reservations.map((r) => r.effect),
      ['central-authority', 'languages'],
    );
    // The effect's data travels apart from its English description, for a client to word the kind.
    assert.deepEqual(
      mla?.reservations.map((r) => r.params),
      [{ name: 'Ministry of Justice' }, { languages: 'English, French' }],
    );
    // The condition AAA's declaration raises is coded too, with the States and the instrument.
    const coded = fromB?.conditionCodes.find((c) => c.code === 'requesting-no-treaty-basis');
    assert.deepEqual(coded?.params, { requesting: 'BBB', requested: 'AAA', instrument: 'CONV' });
    assert.ok(fromB?.conditions.includes(coded?.text ?? ''));
  });

  it('bilateral treaties come first and bind only their two States; *any-extraditable carries its conditions', () => {
    const a = findLegalBases(index, q({ type: 'extradition', offence: 'fraud' }));
    assert.equal(a.bases[0]?.instrument, 'BIL');
    assert.equal(a.bases[0]?.outcome, 'conditional');
    assert.deepEqual(a.bases[0]?.conditions, ['Punishable by one year in both States? (BIL 2)']);
    const other = findLegalBases(index, q({ type: 'extradition', offence: 'fraud', requested: 'CCC', all: true }));
    assert.ok(basis(other, 'BIL')?.reasons.some((r) => r.includes('bilateral treaty between AAA and BBB')));
  });

  it('*electronic-evidence covers any offence for MLA with its question, but not extradition', () => {
    const mla = basis(findLegalBases(index, q({ offence: 'fraud' })), 'CYBER');
    assert.equal(mla?.outcome, 'conditional');
    assert.deepEqual(mla?.conditions, ['Electronic evidence? (CYBER 25)']);
    const direct = basis(findLegalBases(index, q({ offence: 'cybercrime' })), 'CYBER');
    assert.equal(direct?.outcome, 'applicable');
    const ext = findLegalBases(index, q({ type: 'extradition', offence: 'fraud', all: true }));
    assert.ok(basis(ext, 'CYBER')?.reasons[0]?.includes('does not cover fraud'));
  });

  it('context-only instruments are shown as context, never as a basis', () => {
    const a = findLegalBases(index, q({ all: true }));
    assert.equal(a.context[0]?.instrument, 'CTX');
    assert.equal(
      a.bases.find((b) => b.instrument === 'CTX')?.outcome,
      'not-applicable',
    );
    assert.equal(findLegalBases(index, q({})).bases.some((b) => b.instrument === 'CTX'), false);
  });

  it('formats a readable table with citations', () => {
    const text = formatLegalBasisTable(findLegalBases(index, q({})));
    assert.match(text, /\[APPLICABLE\] SPEC/);
    assert.match(text, /CONV art\. 18 — Mutual legal assistance/);
    assert.match(text, /central authority: Ministry of Justice/);
    assert.match(formatLegalBasisTable(findLegalBases(index, q({})), { lang: 'fr' }), /Bases juridiques/);
  });
});

describe('statusAt', () => {
  const l = list('X', { complete: true, asOf: '2018-01-15' }, [
    { state: 'AAA', consent: '2010-05-01', consentKind: 'ratification', source: 'x', asOf: '2018-01-15' },
    { state: 'BBB', consentKind: 'unknown', source: 'x', asOf: '2012-01-01' },
    { state: 'CCC', consent: '2017-12-01', consentKind: 'accession', source: 'x', asOf: '2018-01-15' },
  ]);
  it('handles consent after the date, the entry-into-force window and undated consents honestly', () => {
    assert.equal(statusAt(l, 'AAA', '2010-01-01').state, 'not-party');
    assert.equal(statusAt(l, 'AAA', '2016-01-01').state, 'party');
    assert.equal(statusAt(l, 'CCC', '2017-12-15').state, 'unknown');
    assert.match(statusAt(l, 'CCC', '2017-12-15').reason, /whether it was already in force/);
    assert.equal(statusAt(l, 'AAA', '2010-06-01', { instrumentEntryIntoForce: '2011-01-01' }).state, 'not-party');
    assert.equal(statusAt(l, 'BBB', '2013-01-01').state, 'party');
    assert.equal(statusAt(l, 'BBB', '2011-01-01').state, 'unknown');
  });
  it('a complete list says not-party only up to its as-of date', () => {
    assert.equal(statusAt(l, 'DDD', '2018-01-01').state, 'not-party');
    assert.equal(statusAt(l, 'DDD', '2024-01-01').state, 'unknown');
    assert.equal(statusAt({ ...l, complete: false }, 'DDD', '2018-01-01').state, 'unknown');
  });
});

describe('resolve', () => {
  it('accepts alpha-2, alpha-3 in any case, EU, and names; unknown input throws with close matches', () => {
    assert.equal(resolveCountry(index, 'aaa'), 'AAA');
    assert.equal(resolveCountry(index, 'bb'), 'BBB');
    assert.equal(resolveCountry(index, 'eu'), 'EUU');
    assert.equal(resolveCountry(index, 'Bravie'), 'BBB');
    assert.throws(
      () => resolveCountry(index, 'Bravla'),
      (e: unknown) => e instanceof KnowledgeInputError && e.code === 'unknown_country' && e.suggestions[0] === 'BBB',
    );
    assert.equal(resolveOffence('Corruption'), 'corruption');
    assert.throws(
      () => resolveOffence('corruptoin'),
      (e: unknown) => e instanceof KnowledgeInputError && e.code === 'unknown_offence' && e.suggestions.includes('corruption'),
    );
    assert.throws(
      () => resolveCooperationType('extradtion'),
      (e: unknown) => e instanceof KnowledgeInputError && e.suggestions[0] === 'extradition',
    );
    assert.equal(resolveInstrument(index, 'conv'), 'CONV');
    assert.throws(
      () => resolveInstrument(index, 'CONW'),
      (e: unknown) => e instanceof KnowledgeInputError && e.code === 'unknown_instrument' && e.suggestions.includes('CONV'),
    );
  });
});

describe('recogniseEffects', () => {
  it('recognises the 16(5) choice both ways, central authorities, languages, territory and dispute settlement', () => {
    const kinds = (t: string) => recogniseEffects(t).map((e) => e.kind);
    assert.deepEqual(
      kinds('In accordance with article 16, paragraph 5, the Republic does not take the Convention as the legal basis for cooperation on extradition.'),
      ['no-treaty-basis-for-extradition'],
    );
    assert.deepEqual(
      kinds('Pursuant to article 16, paragraph 5 (a), the Government will take the Convention as the legal basis for cooperation on extradition.'),
      ['treaty-basis-for-extradition'],
    );
    const ca = recogniseEffects('Pursuant to article 18, paragraph 13, the central authority is the Ministry of Justice of the Republic.');
    assert.deepEqual(ca, [{ kind: 'central-authority', name: 'Ministry of Justice of the Republic' }]);
    assert.deepEqual(
      recogniseEffects('In accordance with article 18, paragraph 14, the acceptable languages are English and Spanish.'),
      [{ kind: 'languages', languages: ['English', 'Spanish'] }],
    );
    assert.deepEqual(kinds('The Convention shall not apply to the Faroe Islands and Greenland.'), ['territorial-exclusion']);
    assert.deepEqual(kinds('The State does not consider itself bound by paragraph 2 of article 35 of the Convention.'), [
      'dispute-settlement',
    ]);
    assert.deepEqual(kinds('Interpretative declaration on article 27.'), ['other']);
  });
});

describe('countryProfile', () => {
  it('lists instruments by status and groups declarations by cooperation type', () => {
    const p = countryProfile(index, 'AAA', '2015-06-01');
    assert.ok(p.party.some((x) => x.instrument === 'CONV'));
    assert.ok(!p.party.some((x) => x.instrument === 'LATE'));
    assert.deepEqual(
      p.declarations.mla?.map((d) => d.effect),
      ['central-authority', 'languages'],
    );
    assert.equal(p.declarations.extradition, undefined);
    const c = countryProfile(index, 'CCC', '2015-06-01');
    assert.ok(c.signed.some((x) => x.instrument === 'CONV'));
    assert.ok(c.notParty.some((x) => x.instrument === 'SPEC'));
    assert.ok(!c.party.some((x) => x.instrument === 'BIL') && !c.notParty.some((x) => x.instrument === 'BIL'));
  });
});
