// How a treaty title enters the legal-basis sentence in each language, including titles whose head
// noun the table does not know and titles that exist only in English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { instrumentPhrase } from './letter-grammar.ts';

test('French and Spanish take the article of the head noun', () => {
  assert.equal(instrumentPhrase('fr', 'Convention européenne d’extradition', 'fr'), 'la Convention européenne d’extradition');
  assert.equal(instrumentPhrase('fr', 'Protocole contre le trafic illicite de migrants', 'fr'), 'le Protocole contre le trafic illicite de migrants');
  assert.equal(instrumentPhrase('fr', 'Accord de coopération', 'fr'), 'l’Accord de coopération');
  assert.equal(instrumentPhrase('es', 'Convenio sobre Sustancias Sicotrópicas de 1971', 'es'), 'el Convenio sobre Sustancias Sicotrópicas de 1971');
  assert.equal(instrumentPhrase('es', 'Convención Única de 1961 sobre Estupefacientes', 'es'), 'la Convención Única de 1961 sobre Estupefacientes');
});

test('a head noun the table does not know, or an English-only title, gets a generic noun that needs no agreement', () => {
  assert.equal(instrumentPhrase('fr', 'Mémorandum d’entente', 'fr'), 'l’instrument intitulé «\u00a0Mémorandum d’entente\u00a0»');
  assert.equal(instrumentPhrase('fr', 'Treaty on Mutual Legal Assistance', 'en'), 'l’instrument intitulé en anglais «\u00a0Treaty on Mutual Legal Assistance\u00a0»');
  assert.equal(instrumentPhrase('es', 'Memorando de entendimiento', 'es'), 'el instrumento titulado «Memorando de entendimiento»');
  assert.match(instrumentPhrase('ru', 'Treaty on Mutual Legal Assistance', 'en'), /^документ, название которого на английском языке — «Treaty/);
  assert.match(instrumentPhrase('ar', 'Treaty on Mutual Legal Assistance', 'en'), /^الصك المعنون بالإنكليزية «Treaty/);
  assert.equal(instrumentPhrase('zh', 'Treaty on Mutual Legal Assistance', 'en'), '英文名称为《Treaty on Mutual Legal Assistance》的文书');
});

test('English takes "the"; Russian and Arabic keep the title as it is; Chinese adds book-title marks, nesting inner ones', () => {
  assert.equal(instrumentPhrase('en', 'European Convention on Extradition', 'en'), 'the European Convention on Extradition');
  assert.equal(instrumentPhrase('en', 'The Hague Convention', 'en'), 'The Hague Convention');
  assert.equal(instrumentPhrase('ru', 'Конвенция Организации Объединенных Наций против коррупции', 'ru'), 'Конвенция Организации Объединенных Наций против коррупции');
  assert.equal(instrumentPhrase('ar', 'اتفاقية الأمم المتحدة لمكافحة الفساد', 'ar'), 'اتفاقية الأمم المتحدة لمكافحة الفساد');
  assert.equal(instrumentPhrase('zh', '联合国反腐败公约', 'zh'), '《联合国反腐败公约》');
  assert.equal(instrumentPhrase('zh', '经《修正1961年麻醉品单一公约的议定书》修正的1961年麻醉品单一公约', 'zh'), '《经〈修正1961年麻醉品单一公约的议定书〉修正的1961年麻醉品单一公约》');
});
