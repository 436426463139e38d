// The letter model in the six UN languages: every template filled, the legal-basis citation and
// the use-limitation article of the chosen instrument present, Arabic right-to-left, user text as
// entered; the DOCX rendering holds the same text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { REQUEST_TYPES } from '@comity/core/requests/request';
import { buildLetter, type LetterLookups, type LetterSource } from './letter.ts';
import { LETTER_LANGUAGES, LETTER_TEXT } from './letter-text.ts';
import { escapeHtml, renderLetterHtml } from './render-html.ts';

const lookups: LetterLookups = {
  stateName: (code, lang) => (code === 'DEU' ? ({ en: 'Germany', fr: 'Allemagne', es: 'Alemania', ar: 'ألمانيا', ru: 'Германия', zh: '德国' } as const)[lang] : code),
  instrumentTitle: (id) => (id === 'UNTOC' ? 'United Nations Convention against Transnational Organized Crime' : id),
  supplements: (id) => (id.startsWith('UNTOC-') ? 'UNTOC' : null),
};

function source(type: (typeof REQUEST_TYPES)[number], instrument = 'UNTOC'): LetterSource {
  const content = exampleRequest(type, 'DEU', null);
  content.legalBasis = { kind: 'treaty', instrument, articles: ['18'], citation: `${instrument} art. 18` };
  return {
    type,
    reference: 'OUT-2025-00007',
    requesting: { name: 'Parquet national financier', state: 'FRA' },
    requested: { name: 'Bundesamt für Justiz', state: 'DEU' },
    content,
    approvedBy: 'supervisor@pnf.fr',
    approvedAt: new Date('2025-03-02T10:00:00Z'),
    transmittedAt: new Date('2025-03-03T10:00:00Z'),
    attachments: [{ filename: 'relevé.pdf', size: 1234, sha256: 'a'.repeat(64) }],
    date: new Date('2025-03-03T10:00:00Z'),
  };
}

test('every language fills every template and cites the basis; the texts have the same shape', () => {
  const keys = (o: unknown): string[] =>
    o && typeof o === 'object' ? Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k])).sort() : [];
  for (const lang of LETTER_LANGUAGES) {
    assert.deepEqual(keys(LETTER_TEXT[lang]), keys(LETTER_TEXT.en), lang);
    for (const type of REQUEST_TYPES) {
      const letter = buildLetter(source(type), lang, lookups);
      const html = renderLetterHtml(letter);
      assert.doesNotMatch(html, /\{(instrument|citation|from|to|reference|requestingState|requestedState)\}/, `${lang} ${type}: unfilled template`);
      assert.match(html, /UNTOC art\. 18/, `${lang} ${type}`);
      assert.ok(html.includes(escapeHtml(LETTER_TEXT[lang].typeTitle[type])), `${lang} ${type}: title`);
      assert.match(html, /Berliner Handelsbank AG|Joint investigation|Surrender|Take over|apartment|Bank statements/i, 'user text as entered');
    }
  }
});

test('Arabic is right-to-left; user text keeps its own direction', () => {
  const html = renderLetterHtml(buildLetter(source('mla'), 'ar', lookups));
  assert.match(html, /<html lang="ar" dir="rtl">/);
  assert.match(html, /<p dir="auto">Between January 2022/);
  assert.match(buildLetter(source('mla'), 'ar', lookups).intro, /^تتقدم السلطة الطالبة، Parquet national financier \(FRA\)/);
});

test('use limitations cite the article of the chosen instrument (a Protocol: its Convention)', () => {
  const text = (instrument: string) => JSON.stringify(buildLetter(source('mla', instrument), 'en', lookups).sections);
  assert.match(text('UNTOC'), /UNTOC art\. 18\(19\)/);
  assert.match(text('UNTOC'), /UNTOC art\. 18\(20\)/, 'confidentiality requested in the example');
  assert.match(text('UNTOC-TIP'), /UNTOC art\. 18\(19\)/);
  assert.match(JSON.stringify(buildLetter(source('extradition', 'ETS-024'), 'fr', lookups).sections), /La règle de la spécialité sera respectée \(ETS-024 art\. 14\)/);
});

test('HTML escapes what users typed', () => {
  const s = source('mla');
  s.content.facts = '<script>alert(1)</script> & "quotes"';
  const html = renderLetterHtml(buildLetter(s, 'en', lookups));
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;quotes&quot;/);
});

test('the letter names the instrument by its official title in the letter language (shipped titles)', async () => {
  const { buildKnowledgeIndex } = await import('@comity/core/knowledge/knowledge-index');
  const { loadShippedKnowledge } = await import('../../knowledge/shipped-data.ts');
  const { letterLookups } = await import('../request-service.ts');
  const snapshot = await loadShippedKnowledge();
  const index = buildKnowledgeIndex(snapshot);
  const knowledge = { index: async () => index, reference: { countries: snapshot.countries, offences: [], cooperationTypes: [] } };
  const shipped = await letterLookups({ knowledge: knowledge as unknown as Parameters<typeof letterLookups>[0]['knowledge'] });
  const letter = (lang: (typeof LETTER_LANGUAGES)[number]) => JSON.stringify(buildLetter(source('mla', 'UNCAC'), lang, shipped).sections);
  assert.match(letter('fr'), /La présente demande est fondée sur la Convention des Nations Unies contre la corruption, UNCAC art\. 18\./);
  assert.match(letter('es'), /Convención de las Naciones Unidas contra la Corrupción/);
  assert.match(letter('ru'), /Конвенция Организации Объединенных Наций против коррупции/);
  assert.match(letter('ar'), /اتفاقية الأمم المتحدة لمكافحة الفساد/);
  assert.match(letter('zh'), /联合国反腐败公约/);
  assert.match(letter('en'), /United Nations Convention against Corruption/);
  // The ASEAN treaty has no title in French in the data: the English one is used, introduced as such.
  assert.match(
    JSON.stringify(buildLetter(source('mla', 'ASEAN-MLA-2004'), 'fr', shipped).sections),
    /fondée sur l’instrument intitulé en anglais «\sTreaty on Mutual Legal Assistance in Criminal Matters \(ASEAN\)\s»/,
  );
});
