// The free-text language guess: script first, then English/French/Spanish function words; thin
// evidence gives no guess, so a name or a number never triggers a warning.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { letterWarnings } from './letter-warnings.ts';
import type { LetterSource } from './letter.ts';
import { guessLanguage, otherLanguageThan } from './text-language.ts';

const SAMPLES = {
  en: 'Between January 2022 and March 2024 the suspect transferred the proceeds of the fraud to accounts held by shell companies in Germany.',
  fr: 'Entre janvier 2022 et mars 2024, le suspect a transféré le produit de la fraude sur des comptes ouverts au nom de sociétés écrans en Allemagne.',
  es: 'Entre enero de 2022 y marzo de 2024 el sospechoso transfirió el producto del fraude a las cuentas de sociedades pantalla en Alemania.',
  ar: 'في الفترة بين كانون الثاني 2022 وآذار 2024 حوّل المشتبه فيه عائدات الاحتيال إلى حسابات شركات وهمية في ألمانيا.',
  ru: 'В период с января 2022 года по март 2024 года подозреваемый перевел доходы от мошенничества на счета подставных компаний в Германии.',
  zh: '2022年1月至2024年3月期间，嫌疑人将诈骗所得转入在德国开设的空壳公司账户。',
} as const;

test('each of the six languages is recognised in a sentence of ordinary prose', () => {
  for (const [lang, text] of Object.entries(SAMPLES)) assert.equal(guessLanguage(text).language, lang, lang);
});

test('thin evidence gives no guess: names, numbers, short phrases, German prose', () => {
  assert.equal(guessLanguage('Jean DUPONT').language, null);
  assert.equal(guessLanguage('DE89 3704 0044 0532 0130 00').language, null);
  assert.equal(guessLanguage('Berliner Handelsbank AG').language, null);
  assert.equal(guessLanguage('Der Beschuldigte überwies zwischen Januar 2022 und März 2024 Gelder an Briefkastenfirmen.').language, null);
  assert.equal(guessLanguage('').script, 'none');
});

test('otherLanguageThan: a confident guess of another language, or another script', () => {
  assert.equal(otherLanguageThan(SAMPLES.en, 'fr')?.language, 'en');
  assert.equal(otherLanguageThan(SAMPLES.fr, 'fr'), null);
  assert.equal(otherLanguageThan(SAMPLES.ar, 'ar'), null);
  assert.equal(otherLanguageThan(SAMPLES.en, 'zh')?.language, 'en');
  assert.equal(otherLanguageThan(SAMPLES.ru, 'en')?.language, 'ru');
  // German in a Chinese letter: the script differs although the language is not one of the six.
  const de = otherLanguageThan('Der Beschuldigte überwies zwischen Januar 2022 und März 2024 Gelder an Briefkastenfirmen in Berlin.', 'zh');
  assert.equal(de?.script, 'latin');
  assert.equal(de?.language, null);
  // A Latin name inside a Chinese paragraph is not a paragraph in another language.
  assert.equal(otherLanguageThan('嫌疑人Jean DUPONT将诈骗所得转入Berliner Handelsbank AG的账户。', 'zh'), null);
  // German in a French letter: no confident guess, no warning.
  assert.equal(otherLanguageThan('Der Beschuldigte überwies Gelder an Briefkastenfirmen in Berlin und München.', 'fr'), null);
});

test('letter warnings name each free-text field in another language, and a signatory without a title', () => {
  const content = exampleRequest('mla', 'DEU', null);
  content.facts = SAMPLES.fr;
  content.purpose = SAMPLES.en;
  const source: LetterSource = {
    type: 'mla',
    reference: 'OUT-1',
    requesting: { name: 'Parquet national financier', state: 'FRA' },
    requested: { name: 'Bundesamt für Justiz', state: 'DEU' },
    content,
    approvedBy: 'Paul Durand',
    signatory: { name: 'Paul Durand', title: null, block: null },
    approvedAt: new Date('2025-03-02T10:00:00Z'),
    transmittedAt: null,
    attachments: [],
    date: new Date('2025-03-03T10:00:00Z'),
  };
  const fr = letterWarnings(source, 'fr');
  const paths = fr.flatMap((w) => (w.code === 'free-text-language' ? [w.path] : []));
  assert.ok(paths.includes('purpose'), 'English purpose in a French letter');
  assert.ok(!paths.includes('facts'), 'French facts in a French letter');
  const purpose = fr.find((w) => w.code === 'free-text-language' && w.path === 'purpose');
  assert.ok(purpose?.code === 'free-text-language' && purpose.detected === 'en' && purpose.field === 'purpose' && purpose.excerpt.startsWith('Between January'));
  assert.ok(fr.some((w) => w.code === 'signatory-without-title'));
  const en = letterWarnings({ ...source, signatory: { name: 'Paul Durand', title: 'Prosecutor', block: null } }, 'en');
  assert.ok(en.some((w) => w.code === 'free-text-language' && w.path === 'facts' && w.detected === 'fr'));
  assert.ok(!en.some((w) => w.code === 'free-text-language' && w.path === 'purpose'));
  assert.ok(!en.some((w) => w.code === 'signatory-without-title'));
});
