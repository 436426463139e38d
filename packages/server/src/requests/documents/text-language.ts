// A small, explainable guess of the language of a free-text field, to warn before a letter mixes
// languages. Two steps: the script (Arabic, Cyrillic and Han letters each belong to one of the six
// letter languages), then, for Latin script, the share of words that are frequent function words
// ("stop words") of English, French or Spanish. Short or ambiguous text gives no guess: the check
// warns only when it is fairly sure, and the person decides.
import type { LetterLanguage } from './letter-text.ts';

export type Script = 'latin' | 'arabic' | 'cyrillic' | 'han' | 'none';

export interface LanguageGuess {
  /** The dominant script of the letters in the text. */
  script: Script;
  /** The language, when the evidence is enough; null when it is not (or not one of the six). */
  language: LetterLanguage | null;
}

const SCRIPT_OF: Record<Exclude<Script, 'latin' | 'none'>, LetterLanguage> = { arabic: 'ar', cyrillic: 'ru', han: 'zh' };
export const SCRIPT_OF_LANGUAGE: Record<LetterLanguage, Script> = { en: 'latin', fr: 'latin', es: 'latin', ar: 'arabic', ru: 'cyrillic', zh: 'han' };

// Function words that are frequent in each language and rare in the other two (words shared by
// two of them, such as "a", "de", "la", "en", "que", "se", are left out so they cannot tip the balance;
// so are words German shares with English, "in", "an", "was").
const STOP_WORDS: Record<'en' | 'fr' | 'es', ReadonlySet<string>> = {
  en: new Set('the of and to is were for on with that this by from at as which are be has have had been it its his her their who not or'.split(' ')),
  fr: new Set('le les des du et est une dans pour au aux sur qui par ont été il elle sont avec ce cette ces son sa ses leur ne pas avait était'.split(' ')),
  es: new Set('el los las del y es una por para con al su sus fue ha han sido era como este esta estos entre sobre tiene desde pero'.split(' ')),
};

/** The number of words needed before the stop-word share is trusted. */
export const MIN_WORDS = 6;
/** The winning language needs this share of the words and twice the runner-up's count. */
const MIN_SHARE = 0.12;

export function dominantScript(text: string): Script {
  const counts: Record<Exclude<Script, 'none'>, number> = { latin: 0, arabic: 0, cyrillic: 0, han: 0 };
  for (const ch of text) {
    if (/\p{Script=Latin}/u.test(ch)) counts.latin++;
    else if (/\p{Script=Arabic}/u.test(ch)) counts.arabic++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) counts.cyrillic++;
    else if (/\p{Script=Han}/u.test(ch)) counts.han += 3; // one Han character carries about a word
  }
  const best = (Object.entries(counts) as [Exclude<Script, 'none'>, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : 'none';
}

export function guessLanguage(text: string): LanguageGuess {
  const script = dominantScript(text);
  if (script === 'none') return { script, language: null };
  if (script !== 'latin') return { script, language: SCRIPT_OF[script] };
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return { script, language: null };
  const hits = (['en', 'fr', 'es'] as const).map((lang) => ({ lang, n: words.filter((w) => STOP_WORDS[lang].has(w)).length })).sort((a, b) => b.n - a.n);
  const [first, second] = hits as [{ lang: 'en' | 'fr' | 'es'; n: number }, { lang: 'en' | 'fr' | 'es'; n: number }];
  if (first.n / words.length >= MIN_SHARE && first.n >= 2 * second.n && first.n >= 2) return { script, language: first.lang };
  return { script, language: null };
}

/**
 * Whether text looks written in another language than `lang`: a different script (a Latin-script
 * paragraph in a Chinese letter), or, within Latin script, a confident guess of another language.
 * Returns the guess when it does, null when the text fits or the evidence is too thin.
 */
export function otherLanguageThan(text: string, lang: LetterLanguage): LanguageGuess | null {
  const guess = guessLanguage(text);
  if (guess.script === 'none') return null;
  if (guess.script !== SCRIPT_OF_LANGUAGE[lang]) {
    // A few Latin letters (a name, "SHA-256", an account number) do not make a paragraph English.
    const letters = (text.match(/\p{L}/gu) ?? []).length;
    if (guess.script === 'latin' && (text.toLowerCase().match(/\p{L}+/gu) ?? []).length < MIN_WORDS) return null;
    return letters > 0 ? guess : null;
  }
  return guess.language !== null && guess.language !== lang ? guess : null;
}
