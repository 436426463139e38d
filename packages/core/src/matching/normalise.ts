// Name normalisation for matching: Unicode NFKC, case folding, honorifics and particles removed,
// "Surname, Given" order undone, every script transliterated to one Latin form, diacritics removed.
// The result is a list of tokens in the written order; comparison ignores order where it should.
import { transliterate } from './transliterate.ts';

// Titles and honorifics that are not part of a name, in the scripts' own forms (removed before
// transliteration) and in Latin forms (removed after). Lower case, without diacritics.
const SCRIPT_HONORIFICS = [
  'السيد', 'السيدة', 'الشيخ', 'الحاج', 'الحاجة', 'الدكتور', 'د.', 'آقای', 'خانم',
  'господин', 'госпожа', 'г-н', 'г-жа', 'пан', 'пані',
  '先生', '女士', '小姐', '博士', '様', 'さん', '氏',
  'श्री', 'श्रीमती', 'सुश्री', 'डॉ', 'डॉ.',
  '씨', '님',
  'κ.', 'κος', 'κα',
  'מר', 'גברת', 'ד"ר',
];
const LATIN_HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'fr',
  'mme', 'mlle', 'm', 'monsieur', 'madame', 'herr', 'frau', 'sr', 'sra', 'srta', 'senor', 'senora', 'don', 'dona',
  'sig', 'sig.ra', 'signor', 'signora', 'sheikh', 'shaikh', 'sheik', 'sayyid', 'sayed', 'hajj', 'haji', 'hadji', 'ustadh',
  'gospodin', 'gospozha', 'pan', 'pani', 'shri', 'sri', 'smt', 'kumari', 'jr', 'snr', 'jnr', 'ii', 'iii', 'iv', 'esq', 'phd', 'md',
]);
// Connecting words inside names that are written in some forms and not in others (bin/ibn, al-, de, van…).
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'bn', 'abn', 'bnt', 'ben', 'bat', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'y', 'e']);

// Latin letters that NFD does not decompose into a base letter and a mark.
const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h', ŋ: 'ng', ſ: 's', ʼ: '', ʻ: '', '’': '', "'": '', '`': '',
};

/** NFKC, then full case folding as far as JavaScript offers it (lower case, then final sigma and ß handled). */
export function foldCase(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ς/g, 'σ');
}

/** Removes diacritics from Latin letters (é → e, ş → s) and maps the few letters that have no decomposition. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøđðłþıħŋſʼʻ’'`]/g, (ch) => LATIN_SPECIAL[ch] ?? ch)
    .normalize('NFC');
}

export interface NormalisedName {
  /** Tokens of the name in the common Latin form, particles and honorifics removed, in written order. */
  tokens: string[];
  /** The tokens sorted and joined by one space: equal for the same name written in another order. */
  sorted: string;
  /** All tokens joined without spaces, in written order ("xiao ming" and "xiaoming" agree). */
  joined: string;
}

/**
 * Normalises one full name. "Surname, Given names" (one comma) is reordered to "Given names Surname".
 * Returns no tokens for a name that has no letters.
 */
export function normaliseName(raw: string): NormalisedName {
  let text = foldCase(raw).trim();
  const comma = text.split(',');
  if (comma.length === 2 && comma[0]!.trim() && comma[1]!.trim()) text = `${comma[1]!.trim()} ${comma[0]!.trim()}`;
  for (const h of SCRIPT_HONORIFICS) {
    if (!text.includes(h)) continue;
    // Whole words only; Han/kana honorifics follow the name without a space, so they are cut at the end.
    text = text
      .split(/\s+/)
      .filter((w) => w !== h)
      .map((w) => (w.length > h.length && w.endsWith(h) && /[\u3040-\u9fff]/.test(h) ? w.slice(0, -h.length) : w))
      .join(' ');
  }
  const latin = stripDiacritics(transliterate(text));
  const tokens = latin
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0 && !/^\d+$/.test(t))
    .filter((t) => !LATIN_HONORIFICS.has(t));
  // Particles go, unless nothing else is left ("Al" alone is still a name).
  const withoutParticles = tokens.filter((t) => !PARTICLES.has(t));
  const finalTokens = withoutParticles.length ? withoutParticles : tokens;
  return { tokens: finalTokens, sorted: [...finalTokens].sort().join(' '), joined: finalTokens.join('') };
}

/** Builds a full name from parts when a record has given name and surname apart. */
export function fullNameOf(parts: { name?: string; given?: string; surname?: string }): string {
  if (parts.name?.trim()) return parts.name.trim();
  return [parts.given?.trim(), parts.surname?.trim()].filter(Boolean).join(' ');
}
