import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLegalBases } from './engine.ts';
import { eligibilityOf, entryIntoForceFor, ruleDate } from './entry-into-force.ts';
import { buildKnowledgeIndex } from './knowledge-index.ts';
import type { Eligibility, EntryIntoForceRule, Instrument, KnowledgeSnapshot } from './model.ts';
import { statusAt } from './status.ts';

const thirtyDays: EntryIntoForceRule = { rule: 'days-after-deposit', days: 30, article: '68(2)', text: 'the thirtieth day after deposit' };
const coe: EntryIntoForceRule = { rule: 'first-day-of-month-after-months', months: 3, article: '36(4)', text: 'first day of the month after three months' };
const threeMonths: EntryIntoForceRule = { rule: 'months-after-deposit', months: 3, article: '21', text: 'three months after deposit' };

describe('entry into force for a State', () => {
  it('computes the date each kind of final clause gives', () => {
    // Germany deposited its UNCAC ratification on 2014-11-12; the UN Treaty Collection gives 2014-12-12.
    assert.equal(ruleDate(thirtyDays, '2014-11-12'), '2014-12-12');
    assert.equal(ruleDate({ ...thirtyDays, days: 90 }, '1993-11-30'), '1994-02-28');
    // Any day of March: the three months end in June, the first day of the following month is 1 July.
    assert.equal(ruleDate(coe, '2004-03-01'), '2004-07-01');
    assert.equal(ruleDate(coe, '2004-03-31'), '2004-07-01');
    assert.equal(ruleDate(coe, '2006-11-15'), '2007-03-01');
    assert.equal(ruleDate(threeMonths, '2019-11-30'), '2020-02-29');
    assert.equal(ruleDate(threeMonths, '2019-05-15'), '2019-08-15');
  });

  it('never puts a State in force before the treaty itself', () => {
    assert.equal(entryIntoForceFor(thirtyDays, '2005-07-11', '2005-12-14'), '2005-12-14');
    assert.equal(entryIntoForceFor(thirtyDays, '2006-07-11', '2005-12-14'), '2006-08-10');
    assert.equal(entryIntoForceFor(thirtyDays, '2006-07-11', null), '2006-08-10');
  });

  const list = {
    instrument: 'T',
    complete: true,
    source: 'list',
    asOf: '2020-01-01',
    participations: [{ state: 'AAA', consent: '2014-11-12', consentKind: 'ratification' as const, source: 's', asOf: '2020-01-01' }],
  };

  it('between deposit and entry into force the State has consented but is not yet bound', () => {
    const before = statusAt(list, 'AAA', '2014-12-01', { entryIntoForceRule: thirtyDays, instrumentEntryIntoForce: '2005-12-14' });
    assert.equal(before.state, 'not-party');
    assert.equal(before.phase, 'consented-not-in-force');
    assert.equal(before.since, '2014-12-12');
    assert.match(before.reason, /consented, not yet in force on 2014-12-01/);
    assert.match(before.reason, /T art\. 68\(2\)/);
    const after = statusAt(list, 'AAA', '2014-12-12', { entryIntoForceRule: thirtyDays, instrumentEntryIntoForce: '2005-12-14' });
    assert.equal(after.state, 'party');
    assert.equal(after.since, '2014-12-12');
    assert.equal(after.consent, '2014-11-12');
    assert.equal(after.entryIntoForceRule, 'T art. 68(2)');
    assert.match(after.reason, /party to T — consent deposited 2014-11-12, in force for it from 2014-12-12 \(T art\. 68\(2\)\)/);
  });

  it('without a rule in the data it stays conservative: unknown for four months, then party', () => {
    const soon = statusAt(list, 'AAA', '2014-12-20');
    assert.equal(soon.state, 'unknown');
    assert.match(soon.reason, /not in the shipped text/);
    assert.equal(statusAt(list, 'AAA', '2015-03-12').state, 'party');
  });
});

function instrument(id: string, over: Partial<Instrument>): Instrument {
  return {
    id,
    titles: { en: id },
    short: id,
    kind: 'regional',
    depositary: 'ORG',
    adopted: '2000-01-01',
    entryIntoForce: '2001-01-01',
    supplements: null,
    contextOnly: false,
    offences: ['*any-offence'],
    scopeConditions: [],
    cooperation: { mla: { articles: [] } },
    notes: null,
    articlesChecked: true,
    articles: [],
    ...over,
  };
}

describe('who may join', () => {
  const closed: Eligibility = { rule: 'members-only', organisation: 'ORG', article: '30', text: 'open to the members of ORG only' };
  const invited: Eligibility = { rule: 'members-and-invited', organisation: 'ORG', article: '31', text: 'members; others by invitation' };
  const members = new Map([['ORG', new Set(['AAA', 'BBB'])]]);

  it('answers eligible, by invitation, not eligible or to be confirmed', () => {
    assert.equal(eligibilityOf('T', closed, 'AAA', members).verdict, 'eligible');
    assert.equal(eligibilityOf('T', closed, 'CCC', members).verdict, 'not-eligible');
    assert.equal(eligibilityOf('T', invited, 'CCC', members).verdict, 'by-invitation');
    assert.equal(eligibilityOf('T', { rule: 'any-state', article: '1', text: 'all' }, 'CCC', members).verdict, 'eligible');
    // No text shipped, or no sourced member list: nothing is concluded.
    assert.equal(eligibilityOf('T', undefined, 'CCC', members).verdict, 'to-be-confirmed');
    assert.equal(eligibilityOf('T', closed, 'CCC', new Map()).verdict, 'to-be-confirmed');
  });

  const snapshot: KnowledgeSnapshot = {
    dataAsOf: '2020-01-01',
    instruments: [
      instrument('CLOSED', { eligibility: closed }),
      instrument('INVITED', { eligibility: invited }),
      instrument('UNSURE', {}),
    ],
    partyLists: ['CLOSED', 'INVITED', 'UNSURE'].map((id) => ({
      instrument: id,
      complete: false,
      source: `${id} list`,
      asOf: '2020-01-01',
      participations: [
        { state: 'AAA', consent: '2002-01-01', consentKind: 'ratification' as const, source: 's', asOf: '2020-01-01' },
        { state: 'BBB', consent: '2002-01-01', consentKind: 'ratification' as const, source: 's', asOf: '2020-01-01' },
      ],
    })),
    reservations: [],
    countries: [],
    offences: [],
    cooperationTypes: [],
    organisations: [{ id: 'ORG', name: 'Organisation', members: ['AAA', 'BBB'], source: 'ORG website', asOf: '2020-01-01' }],
  };
  const index = buildKnowledgeIndex(snapshot);
  const query = { requesting: 'AAA', requested: 'CCC', type: 'mla' as const, offence: 'corruption' as const, date: '2019-01-01' };

  it('a State that may not join leaves the default answer and says why under --all', () => {
    const answer = findLegalBases(index, query);
    assert.deepEqual(
      answer.bases.map((b) => [b.instrument, b.outcome]),
      [
        ['INVITED', 'unknown'],
        ['UNSURE', 'unknown'],
      ],
    );
    assert.match(answer.bases[0]?.reasons.join(' ') ?? '', /may join only when invited \(INVITED art\. 31\)/);
    const all = findLegalBases(index, { ...query, all: true });
    const closedBasis = all.bases.find((b) => b.instrument === 'CLOSED');
    assert.equal(closedBasis?.outcome, 'not-applicable');
    assert.equal(closedBasis?.status.requested.phase, 'not-eligible');
    assert.match(closedBasis?.reasons.join(' ') ?? '', /CCC is not party to CLOSED \(not eligible, CLOSED art\. 30/);
    assert.equal(answer.headline.code, 'no-known-basis');
    assert.equal(answer.headline.text, 'No applicable treaty is known in the data: consider reciprocity or domestic law; 2 instruments have unknown status');
  });

  it('a member State missing from an incomplete list stays unknown', () => {
    const member = findLegalBases(index, { ...query, requested: 'BBB' });
    assert.ok(member.bases.every((b) => b.outcome === 'applicable'));
  });
});
