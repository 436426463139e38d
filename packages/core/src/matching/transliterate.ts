// Transliteration of names to one common, lower-case ASCII Latin form, for matching (not for display).
// The aim is that the forms officials actually write for the same name land close together, so each
// table follows the scheme most used in travel documents and registers of that script:
//   Cyrillic   ICAO Doc 9303 (7th ed., part 3, section 6: the machine-readable-zone transliteration),
//              with Ukrainian, Belarusian, Serbian and Macedonian letters from the same table;
//   Greek      ELOT 743 / ISO 843 type 2 (transcription), letter by letter, without accents;
//   Arabic     a simplified UNGEGN (1972) romanisation without diacritics; Persian and Urdu letters added;
//              the article ال before a name is dropped (Al-, El- are dropped on the Latin side too);
//   Hebrew     the simplified Israeli standard (SI 1956 / 2006 without diacritics);
//   Devanagari Hunterian (the Indian government's romanisation): inherent a, virama, final-schwa deletion;
//   Hangul     Revised Romanization of Korean (2000), computed from the syllable's jamo;
//   Kana       modified Hepburn;
//   Armenian   BGN/PCGN 1981; Georgian the national system (2002);
//   Han        toneless Hanyu Pinyin, from the generated table han-pinyin.generated.ts (Unihan kMandarin).
// Han and Hangul names are written without spaces; their first syllable is taken as the family name and
// the rest joined as the given name ("王小明" → "wang xiaoming"), as in the usual Latin forms.
import { HAN_BY_SYLLABLE } from './han-pinyin.generated.ts';

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  ґ: 'g', є: 'ie', і: 'i', ї: 'i', ў: 'u', ђ: 'd', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'g', ќ: 'k', ѕ: 'dz',
};

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
const GREEK_DIGRAPHS: Record<string, string> = { ου: 'ou', αι: 'ai', ει: 'ei', οι: 'oi', μπ: 'b', ντ: 'nt', γγ: 'ng', γκ: 'gk', αυ: 'av', ευ: 'ev' };

const ARABIC: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r',
  ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm',
  ن: 'n', ه: 'h', ة: 'a', ى: 'a', ء: '', ئ: '', ؤ: 'u',
  // Persian and Urdu
  پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k', ی: 'y', ٹ: 't', ڈ: 'd', ڑ: 'r', ں: 'n', ھ: 'h', ے: 'e',
};

const HEBREW: Record<string, string> = {
  א: '', ב: 'v', ג: 'g', ד: 'd', ה: 'h', ו: 'v', ז: 'z', ח: 'ch', ט: 't', י: 'y', כ: 'kh', ך: 'kh', ל: 'l', מ: 'm',
  ם: 'm', נ: 'n', ן: 'n', ס: 's', ע: '', פ: 'f', ף: 'f', צ: 'ts', ץ: 'ts', ק: 'k', ר: 'r', ש: 'sh', ת: 't',
};

const DEVANAGARI_CONSONANTS: Record<string, string> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n', च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n', ट: 't', ठ: 'th', ड: 'd',
  ढ: 'dh', ण: 'n', त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n', प: 'p', फ: 'ph', ब: 'b', भ: 'bh', म: 'm', य: 'y',
  र: 'r', ल: 'l', ळ: 'l', व: 'v', श: 'sh', ष: 'sh', स: 's', ह: 'h',
};
// A consonant followed by the nukta (NFKC decomposes क़ into क + ़).
const DEVANAGARI_NUKTA: Record<string, string> = { क: 'q', ख: 'kh', ग: 'gh', ज: 'z', ड: 'r', ढ: 'rh', फ: 'f', य: 'y' };
const DEVANAGARI_VOWELS: Record<string, string> = {
  अ: 'a', आ: 'a', इ: 'i', ई: 'i', उ: 'u', ऊ: 'u', ऋ: 'ri', ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au',
};
const DEVANAGARI_SIGNS: Record<string, string> = {
  'ा': 'a', 'ि': 'i', 'ी': 'i', 'ु': 'u', 'ू': 'u', 'ृ': 'ri', 'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au',
};

const HANGUL_INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const HANGUL_MEDIAL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const HANGUL_FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

const KANA_BASE =
  'a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo ta chi tsu te to da ji zu de do na ni nu ne no ha hi fu he ho ba bi bu be bo pa pi pu pe po ma mi mu me mo ya yu yo ra ri ru re ro wa wi we wo n vu'.split(' ');
const KANA_CHARS = 'あいうえおかきくけこがぎぐげごさしすせそざじずぜぞたちつてとだぢづでどなにぬねのはひふへほばびぶべぼぱぴぷぺぽまみむめもやゆよらりるれろわゐゑをんゔ';
const KANA: Record<string, string> = {};
[...KANA_CHARS].forEach((ch, i) => {
  const latin = KANA_BASE[i] ?? '';
  KANA[ch] = latin;
  KANA[String.fromCodePoint(ch.codePointAt(0)! + 0x60)] = latin; // the katakana twin
});
const SMALL_KANA: Record<string, string> = { ゃ: 'ya', ゅ: 'yu', ょ: 'yo', ャ: 'ya', ュ: 'yu', ョ: 'yo' };

const ARMENIAN: Record<string, string> = {
  ա: 'a', բ: 'b', գ: 'g', դ: 'd', ե: 'e', զ: 'z', է: 'e', ը: 'y', թ: 't', ժ: 'zh', ի: 'i', լ: 'l', խ: 'kh', ծ: 'ts',
  կ: 'k', հ: 'h', ձ: 'dz', ղ: 'gh', ճ: 'ch', մ: 'm', յ: 'y', ն: 'n', շ: 'sh', ո: 'o', չ: 'ch', պ: 'p', ջ: 'j',
  ռ: 'r', ս: 's', վ: 'v', տ: 't', ր: 'r', ց: 'ts', ու: 'u', փ: 'p', ք: 'k', օ: 'o', ֆ: 'f', և: 'ev',
};
const GEORGIAN: Record<string, string> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm', ნ: 'n', ო: 'o',
  პ: 'p', ჟ: 'zh', რ: 'r', ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: 'q', შ: 'sh', ჩ: 'ch', ც: 'ts',
  ძ: 'dz', წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
};

let hanTable: Map<string, string> | undefined;
function han(ch: string): string | undefined {
  if (!hanTable) {
    hanTable = new Map();
    for (const [syllable, chars] of Object.entries(HAN_BY_SYLLABLE)) for (const c of chars) hanTable.set(c, syllable);
  }
  return hanTable.get(ch);
}

function hangul(cp: number): string {
  const s = cp - 0xac00;
  const initial = Math.floor(s / 588);
  const medial = Math.floor((s % 588) / 28);
  const final = s % 28;
  return (HANGUL_INITIAL[initial] ?? '') + (HANGUL_MEDIAL[medial] ?? '') + (HANGUL_FINAL[final] ?? '');
}

/** Names written as one run of syllables (Han, Hangul): family name first, then the given name joined. */
function syllabicName(syllables: string[]): string {
  if (syllables.length <= 1) return syllables.join('');
  return `${syllables[0]} ${syllables.slice(1).join('')}`;
}

function devanagariWord(word: string): string {
  const chars = [...word];
  let out = '';
  let pendingA = false; // a consonant was written and its inherent vowel is still open
  let aksharas = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const consonant = DEVANAGARI_CONSONANTS[ch];
    if (consonant !== undefined) {
      if (pendingA) out += 'a';
      const nukta = chars[i + 1] === '\u093c';
      out += nukta ? (DEVANAGARI_NUKTA[ch] ?? consonant) : consonant;
      if (nukta) i++;
      pendingA = true;
      aksharas++;
      continue;
    }
    if (ch === '\u094d') {
      pendingA = false; // virama: no vowel
      continue;
    }
    const sign = DEVANAGARI_SIGNS[ch];
    if (sign !== undefined) {
      out += sign;
      pendingA = false;
      continue;
    }
    if (pendingA) out += 'a';
    pendingA = false;
    const vowel = DEVANAGARI_VOWELS[ch];
    if (vowel !== undefined) {
      out += vowel;
      aksharas++;
    } else if (ch === '\u0902' || ch === '\u0901') out += 'n';
    else if (ch === '\u0903') out += 'h';
    else if (ch !== '\u093c') out += ch;
  }
  // Hindi drops the inherent vowel of a word's last consonant ("राम" → "ram"), not of a one-letter word.
  if (pendingA && aksharas === 1) out += 'a';
  return out;
}

function arabicWord(word: string): string {
  let w = word.replace(/[\u064b-\u065f\u0670\u0640]/g, ''); // harakat, dagger alif, tatweel
  if (w.length > 3 && (w.startsWith('ال') || w.startsWith('اﻟ'))) w = w.slice(2);
  let out = '';
  const chars = [...w];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    // Waw and ya are consonants at the start of a word or before a long vowel (Nawaf, Parviz), vowels otherwise.
    const beforeVowel = /[اويی]/.test(chars[i + 1] ?? '');
    if (ch === 'و') out += i === 0 || beforeVowel ? 'w' : 'u';
    else if (ch === 'ي' || ch === 'ی') out += i === 0 ? 'y' : 'i';
    else out += ARABIC[ch] ?? ch;
  }
  return out;
}

function hebrewWord(word: string): string {
  const w = word.replace(/[\u0591-\u05c7]/g, ''); // points and cantillation
  let out = '';
  const chars = [...w];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === 'ו') out += i === 0 ? 'v' : 'o';
    else if (ch === 'י') out += i === 0 ? 'y' : 'i';
    else if (ch === 'ב' && i === 0) out += 'b';
    else if (ch === 'כ' && i === 0) out += 'k';
    else if (ch === 'פ' && i === 0) out += 'p';
    else if (ch === 'ה' && i === chars.length - 1 && i > 0) out += 'e'; // final he marks a vowel
    else out += HEBREW[ch] ?? ch;
  }
  return out;
}

function kanaWord(word: string): string {
  let out = '';
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const small = SMALL_KANA[ch];
    if (small) {
      // きゃ → kya, しゃ → sha, ちゃ → cha, じゃ → ja
      if (/(shi|chi|ji)$/.test(out)) out = out.slice(0, -1) + small.slice(1);
      else out = out.replace(/i$/, '') + small;
    } else if (ch === 'っ' || ch === 'ッ') {
      const next = KANA[chars[i + 1] ?? ''];
      if (next) out += next[0];
    } else if (ch === 'ー') out += out.slice(-1);
    else out += KANA[ch] ?? ch;
  }
  return out;
}

function greekWord(word: string): string {
  const w = word.normalize('NFD').replace(/\p{M}/gu, '');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const pair = w.slice(i, i + 2);
    const di = GREEK_DIGRAPHS[pair];
    if (di !== undefined) {
      out += i === 0 && pair === 'ντ' ? 'd' : di;
      i++;
      continue;
    }
    out += GREEK[w[i]!] ?? w[i];
  }
  return out;
}

function armenianWord(word: string): string {
  return word.replace(/ու/g, 'u').replace(/./gu, (ch) => ARMENIAN[ch] ?? ch);
}

/** The script of a character, as far as this module transliterates it. */
export type Script = 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'devanagari' | 'hangul' | 'kana' | 'han' | 'armenian' | 'georgian' | 'other';

export function scriptOf(ch: string): Script {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x250 || (cp >= 0x1e00 && cp <= 0x1eff)) return 'latin';
  if (cp >= 0x370 && cp <= 0x3ff) return 'greek';
  if (cp >= 0x400 && cp <= 0x52f) return 'cyrillic';
  if (cp >= 0x530 && cp <= 0x58f) return 'armenian';
  if (cp >= 0x590 && cp <= 0x5ff) return 'hebrew';
  if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0xfb50 && cp <= 0xfeff)) return 'arabic';
  if (cp >= 0x900 && cp <= 0x97f) return 'devanagari';
  if (cp >= 0x10a0 && cp <= 0x10ff) return 'georgian';
  if (cp >= 0x3040 && cp <= 0x30ff) return 'kana';
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return 'han';
  if (cp >= 0xac00 && cp <= 0xd7a3) return 'hangul';
  return 'other';
}

/** The scripts a string is written in (ignoring spaces, digits and punctuation). */
export function scriptsOf(text: string): Set<Script> {
  const out = new Set<Script>();
  for (const ch of text) if (/\p{L}/u.test(ch)) out.add(scriptOf(ch));
  return out;
}

/** Splits a word into runs of one script and transliterates each run; the input is NFKC and lower case. */
function transliterateWord(word: string): string {
  const runs: { script: Script; text: string }[] = [];
  for (const ch of word) {
    const script = /[\p{M}\u200c\u200d]/u.test(ch) && runs.length ? runs[runs.length - 1]!.script : scriptOf(ch);
    const last = runs[runs.length - 1];
    if (last && last.script === script) last.text += ch;
    else runs.push({ script, text: ch });
  }
  return runs
    .map(({ script, text }) => {
      switch (script) {
        case 'cyrillic':
          return text.replace(/./gu, (ch) => CYRILLIC[ch] ?? ch);
        case 'greek':
          return greekWord(text);
        case 'arabic':
          return arabicWord(text);
        case 'hebrew':
          return hebrewWord(text);
        case 'devanagari':
          return devanagariWord(text);
        case 'hangul':
          return syllabicName([...text].map((ch) => hangul(ch.codePointAt(0)!)));
        case 'han':
          return syllabicName([...text].map((ch) => han(ch) ?? ''));
        case 'kana':
          return kanaWord(text);
        case 'armenian':
          return armenianWord(text);
        case 'georgian':
          return text.replace(/./gu, (ch) => GEORGIAN[ch] ?? ch);
        default:
          return text;
      }
    })
    .join('');
}

/**
 * Transliterates a name (already NFKC and case-folded) word by word to the common Latin form.
 * Latin letters are kept (diacritics are removed later by the normaliser); other scripts use the tables above.
 */
export function transliterate(text: string): string {
  return text
    .split(/(\s+)/)
    .map((part) => (/\s/.test(part) ? part : transliterateWord(part)))
    .join('');
}
