// How a treaty title enters a sentence in each letter language. French and Spanish need the
// article of the title's head noun ("la Convention", "el Protocolo"); English takes "the"; Russian
// is built so the title stays in the nominative ("Правовым основанием … является Конвенция …");
// Arabic puts it in construct after بموجب, which needs no change; Chinese wraps it in book-title
// marks. A title whose head noun is not known, or that exists only in English, is introduced by a
// generic noun ("l'instrument intitulé « … »"), which is grammatical whatever its gender.
import { fill, LETTER_TEXT, type LetterLanguage } from './letter-text.ts';

/** Head nouns of treaty titles and the article they take (lower case, as the title's first word). */
const ARTICLES: Partial<Record<LetterLanguage, Record<string, string>>> = {
  fr: { convention: 'la ', protocole: 'le ', traité: 'le ', accord: 'l\u2019', charte: 'la ', pacte: 'le ' },
  es: { convención: 'la ', convenio: 'el ', protocolo: 'el ', tratado: 'el ', acuerdo: 'el ', carta: 'la ' },
};

/**
 * The instrument as it stands in the letter's legal-basis sentence.
 * @param titleLang the language the title is written in (the letter's, or 'en' when the data has
 *   no title in the letter's language).
 */
export function instrumentPhrase(lang: LetterLanguage, title: string, titleLang: LetterLanguage): string {
  const t = LETTER_TEXT[lang];
  if (titleLang !== lang) return fill(t.instrumentTitledEnglish, { title });
  switch (lang) {
    case 'en':
      return /^the\s/i.test(title) ? title : `the ${title}`;
    case 'fr':
    case 'es': {
      const head = title.split(/\s/, 1)[0]?.toLowerCase() ?? '';
      const article = ARTICLES[lang]?.[head];
      return article ? `${article}${title}` : fill(t.instrumentTitled, { title });
    }
    case 'ru':
    case 'ar':
      return title;
    case 'zh':
      // Book-title marks inside a title become the inner pair 〈〉.
      return fill(t.instrumentTitled, { title: title.replace(/《/g, '〈').replace(/》/g, '〉') });
    default: {
      const never: never = lang;
      return never;
    }
  }
}
