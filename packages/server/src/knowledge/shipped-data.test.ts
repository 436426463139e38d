import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { findLegalBases } from '@comity/core/knowledge/engine';
import { buildKnowledgeIndex, type KnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { countryProfile } from '@comity/core/knowledge/profile';
import { resolveCountry } from '@comity/core/knowledge/resolve';
import { extractArticleTexts, loadShippedKnowledge, parseCsv } from './shipped-data.ts';

describe('shipped knowledge (real data in data/)', () => {
  let index: KnowledgeIndex;
  before(async () => {
    index = buildKnowledgeIndex(await loadShippedKnowledge());
  });

  it('loads every catalogued instrument, party list and country, with article texts', () => {
    assert.equal(index.instruments.size, 25);
    assert.equal(index.partyLists.size, 25);
    assert.ok(index.countries.has('EUU'));
    assert.equal(resolveCountry(index, 'br'), 'BRA');
    assert.equal(resolveCountry(index, 'Brésil'), 'BRA');
    const art18 = index.instruments.get('UNTOC')?.articles.find((a) => a.number === '18');
    assert.equal(art18?.heading, 'Mutual legal assistance');
    assert.match(art18?.text ?? '', /^1\.\s+States Parties shall afford one another the widest measure of mutual legal assistance/);
    assert.doesNotMatch(art18?.text ?? '', /Wederzijdse rechtshulp/);
  });

  it('FRA → BRA, MLA, trafficking in persons: the Protocol with UNTOC, citing UNTOC art. 18', () => {
    const a = findLegalBases(index, {
      requesting: 'FRA',
      requested: 'BRA',
      type: 'mla',
      offence: 'trafficking-in-persons',
      date: '2020-01-01',
    });
    const tip = a.bases.find((b) => b.instrument === 'UNTOC-TIP');
    assert.equal(tip?.outcome, 'conditional');
    assert.equal(tip?.status.requesting.state, 'party');
    assert.equal(tip?.status.requested.state, 'party');
    const untoc = a.bases.find((b) => b.instrument === 'UNTOC');
    assert.equal(untoc?.articles[0]?.number, '18');
    // UNTOC's own list is complete as of 2014: France's consent comes from it, not from the Protocol.
    assert.equal(untoc?.status.requesting.inferredFrom, undefined);
    assert.equal(untoc?.status.requesting.consent, '2002-10-29');
    // Lists known to be incomplete never turn into "not party".
    const budapest = a.bases.find((b) => b.instrument === 'ETS-185');
    assert.equal(budapest?.outcome, 'unknown');
    assert.ok(a.bases.every((b) => b.outcome !== 'not-applicable'));
  });

  it('every entry-into-force and eligibility rule cites articles whose shipped text says it', () => {
    const words: Record<string, RegExp> = {
      'days-after-deposit': /(thirtieth|ninetieth|90 days|ninety days)/i,
      'first-day-of-month-after-months': /first day of the month following the expiration of a period of three months/i,
      'months-after-deposit': /three months after/i,
      'any-state': /(all States|any State|open indefinitely for accession)/i,
      'members-and-invited': /(invite|invited)/i,
    };
    let checked = 0;
    for (const i of index.instruments.values()) {
      for (const rule of [i.entryIntoForceForState, i.eligibility]) {
        if (!rule) continue;
        const numbers = rule.article.split(',').map((a) => a.trim().replace(/\(.*$/, ''));
        const texts = numbers.map((n) => i.articles.find((a) => a.number === n)?.text ?? '');
        assert.ok(texts.every((t) => t.length > 0), `${i.id} art. ${rule.article}: article text not shipped`);
        assert.match(texts.join('\n'), words[rule.rule] as RegExp, `${i.id} art. ${rule.article} (${rule.rule})`);
        checked++;
      }
    }
    assert.ok(checked >= 30, `${checked} rules checked`);
    // Where the final clauses are not shipped the rule is absent: the engine stays conservative.
    for (const id of ['HOSTAGES-1979', 'IA-MLA-1992', 'ASEAN-MLA-2004', 'CETS-211', 'CETS-216', 'UN-CYBERCRIME-2024']) {
      assert.equal(index.instruments.get(id)?.entryIntoForceForState, undefined, id);
      assert.equal(index.instruments.get(id)?.eligibility, undefined, id);
    }
  });

  it('Germany and UNCAC: not party in 2013, consented but not in force on 2014-12-01, party from 2014-12-12', () => {
    const at = (date: string) =>
      findLegalBases(index, { requesting: 'DEU', requested: 'BRA', type: 'mla', offence: 'corruption', date, all: true }).bases.find(
        (b) => b.instrument === 'UNCAC',
      );
    assert.equal(at('2013-01-01')?.outcome, 'not-applicable');
    assert.equal(at('2013-01-01')?.status.requesting.state, 'not-party');
    const pending = at('2014-12-01');
    assert.equal(pending?.outcome, 'not-applicable');
    assert.equal(pending?.status.requesting.phase, 'consented-not-in-force');
    assert.equal(pending?.status.requesting.since, '2014-12-12');
    const party = at('2014-12-12');
    assert.equal(party?.outcome, 'applicable');
    assert.match(party?.reasons.join(' ') ?? '', /DEU is party to UNCAC — consent deposited 2014-11-12, in force for it from 2014-12-12 \(UNCAC art\. 68\(2\)\)/);
  });

  it('Viet Nam does not take the Nuclear Terrorism Convention as the legal basis for extradition', () => {
    const a = findLegalBases(index, {
      requesting: 'FRA',
      requested: 'VNM',
      type: 'extradition',
      offence: 'terrorism',
      date: '2017-06-01',
      all: true,
    });
    const nt = a.bases.find((b) => b.instrument === 'NUCLEAR-TERRORISM-2005');
    assert.equal(nt?.outcome, 'not-applicable');
    assert.ok(nt?.reservations.some((r) => r.state === 'VNM' && r.effect === 'no-treaty-basis-for-extradition'));
    const profile = countryProfile(index, 'VNM', '2017-06-01');
    assert.ok(profile.declarations.extradition?.some((d) => d.instrument === 'NUCLEAR-TERRORISM-2005'));
  });

  it('parses quoted CSV and Markdown article texts', () => {
    assert.deepEqual(parseCsv('a,b\n"x, ""y""",z\n'), [
      ['a', 'b'],
      ['x, "y"', 'z'],
    ]);
    const texts = extractArticleTexts('### Article  1  \n\n####Scope\n\nText one.\n\n### Article  2  \n\nText two.\n\n####Verdrag\n\n### Artikel  1\n');
    assert.deepEqual([...texts], [
      ['1', 'Text one.'],
      ['2', 'Text two.'],
    ]);
  });
});
