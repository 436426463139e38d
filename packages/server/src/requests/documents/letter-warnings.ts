// What a person should know before exporting a letter: free text that seems to be written in
// another language than the letter (text-language.ts says how that is guessed), and a signatory
// whose profile has no title. The letter is still produced; the API returns these warnings and the
// UI asks for a confirmation first.
import type { RequestContent } from '@comity/core/requests/request';
import type { LetterSource } from './letter.ts';
import type { LetterLanguage } from './letter-text.ts';
import { otherLanguageThan, type Script } from './text-language.ts';

export type LetterWarning =
  | {
      code: 'free-text-language';
      /** Where the text is, e.g. "facts" or "measures.1.questions". */
      path: string;
      /** The form field it belongs to (the editor's label key), e.g. "facts", "measures". */
      field: string;
      expected: LetterLanguage;
      /** The language it seems to be in; null when only the script differs (e.g. Latin text in a Chinese letter). */
      detected: LetterLanguage | null;
      script: Script;
      /** The first words, so the person recognises the text. */
      excerpt: string;
      message: string;
    }
  | { code: 'signatory-without-title'; message: string };

const NAMES: Record<LetterLanguage, string> = { en: 'English', fr: 'French', es: 'Spanish', ar: 'Arabic', ru: 'Russian', zh: 'Chinese' };

/** The prose fields a practitioner writes (names, numbers and dates are left out: they have no language). */
export function freeTexts(c: RequestContent): { path: string; field: string; text: string }[] {
  const out: { path: string; field: string; text: string }[] = [];
  const add = (path: string, field: string, text: string | undefined | null) => {
    if (text?.trim()) out.push({ path, field, text });
  };
  add('facts', 'facts', c.facts);
  add('applicableLaw', 'applicableLaw', c.applicableLaw);
  add('proceedings.authorityFunctions', 'authorityFunctions', c.proceedings.authorityFunctions);
  add('purpose', 'purpose', c.purpose);
  add('procedure', 'procedure', c.procedure);
  add('urgency.reason', 'urgencyReason', c.urgency.reason);
  add('deadlineReason', 'deadlineReason', c.deadlineReason);
  add('confidentiality.note', 'confidentialityNote', c.confidentiality.note);
  add('useLimitations.limits', 'useLimits', c.useLimitations.limits);
  if (c.legalBasis?.kind === 'reciprocity') add('legalBasis.assurance', 'legalBasis', c.legalBasis.assurance);
  c.offences.forEach((o, i) => {
    add(`offences.${i}.legalDescription`, 'offences', o.legalDescription);
    add(`offences.${i}.timeAndPlace`, 'offences', o.timeAndPlace);
  });
  c.persons.forEach((p, i) => {
    add(`persons.${i}.description`, 'persons', p.description);
    add(`persons.${i}.notes`, 'persons', p.notes);
    add(`persons.${i}.protectionDetails`, 'persons', p.protectionDetails);
  });
  c.measures.forEach((m, i) => {
    for (const k of ['description', 'questions', 'relationToOffence', 'necessity', 'custodyArrangements', 'thirdPartyNotice', 'disposalProposal', 'priorOwnership', 'reasons', 'conditions', 'videoconferenceReason'] as const) {
      add(`measures.${i}.${k}`, 'measures', m[k]);
    }
  });
  return out;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}\u2026` : flat;
}

export function letterWarnings(source: LetterSource, lang: LetterLanguage): LetterWarning[] {
  const warnings: LetterWarning[] = [];
  for (const f of freeTexts(source.content)) {
    const other = otherLanguageThan(f.text, lang);
    if (!other) continue;
    const seems = other.language ? `seems to be written in ${NAMES[other.language]}` : `is written in ${other.script} script`;
    warnings.push({
      code: 'free-text-language',
      path: f.path,
      field: f.field,
      expected: lang,
      detected: other.language,
      script: other.script,
      excerpt: excerpt(f.text),
      message: `The text in ${f.path} ${seems}, but the letter is in ${NAMES[lang]}. It is printed as written.`,
    });
  }
  if (source.approvedAt && source.signatory && !source.signatory.title) {
    warnings.push({
      code: 'signatory-without-title',
      message: `The letter is signed by ${source.signatory.name}, whose profile has no title: add it on the account page so that the letter says in what capacity it is signed.`,
    });
  }
  return warnings;
}
