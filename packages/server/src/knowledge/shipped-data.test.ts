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
    assert.equal(untoc?.status.requesting.inferredFrom, 'UNTOC-TIP');
    // Lists known to be incomplete never turn into "not party".
    const budapest = a.bases.find((b) => b.instrument === 'ETS-185');
    assert.equal(budapest?.outcome, 'unknown');
    assert.ok(a.bases.every((b) => b.outcome !== 'not-applicable'));
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
