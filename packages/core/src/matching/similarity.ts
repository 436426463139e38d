// String measures for name tokens in the common Latin form: edit distance (Levenshtein, Jaro–Winkler),
// token-set measures (Monge–Elkan over Jaro–Winkler), and phonetic keys (American Soundex, and a consonant
// skeleton that makes abjad forms such as "mhmd" comparable with "mohammed").

/** Levenshtein distance (insertions, deletions, substitutions cost 1). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** 1 − Levenshtein distance / length of the longer string, in [0, 1]. */
export function levenshteinSimilarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - levenshtein(a, b) / n;
}

/** Jaro similarity in [0, 1]. */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Uint8Array(a.length);
  const bMatched = new Uint8Array(b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (bMatched[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aMatched[i] = 1;
      bMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  return (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
}

/** Jaro–Winkler similarity (prefix scale 0.1, prefix up to 4), in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

/**
 * Jaro–Winkler rescaled so that unrelated names (which still score 0.5–0.7) count as nothing:
 * (jw − 0.6) / 0.4, clamped to [0, 1]. A one-letter typo in a long name keeps about 0.9.
 */
export function tokenAgreement(a: string, b: string): number {
  return Math.max(0, (jaroWinkler(a, b) - 0.6) / 0.4);
}

/**
 * Token-set similarity: Monge–Elkan made symmetric (each token paired with its most similar token on the
 * other side by rescaled Jaro–Winkler, averaged both ways). Ignores token order; a token with no partner
 * (a different surname, a missing middle name) pulls the score down.
 */
export function tokenSimilarity(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const oneWay = (x: string[], y: string[]) => x.reduce((sum, t) => sum + Math.max(...y.map((u) => tokenAgreement(t, u))), 0) / x.length;
  return (oneWay(a, b) + oneWay(b, a)) / 2;
}

const SOUNDEX_CODES: Record<string, string> = {
  b: '1', f: '1', p: '1', v: '1', c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2', d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
};

/** American Soundex of a Latin token (letter + three digits); "" for a token without letters. */
export function soundex(token: string): string {
  const s = token.replace(/[^a-z]/g, '');
  if (!s) return '';
  let out = s[0]!.toUpperCase();
  let last = SOUNDEX_CODES[s[0]!] ?? '';
  for (let i = 1; i < s.length && out.length < 4; i++) {
    const ch = s[i]!;
    const code = SOUNDEX_CODES[ch] ?? '';
    if (code && code !== last) out += code;
    if (ch !== 'h' && ch !== 'w') last = code;
  }
  return out.padEnd(4, '0');
}

/**
 * Consonant skeleton: digraphs folded (kh→h, ph→f, th→t, sh→s…), vowels and y/w after the first letter
 * removed, w read as v, doubled letters collapsed. Scripts that do not write short vowels (Arabic, Hebrew) are thus
 * comparable with Latin forms that do: "muhammad", "mohammed" and "mhmd" all give "mhmd".
 */
export function skeleton(token: string): string {
  const folded = token
    .replace(/ph/g, 'f')
    .replace(/(k|g|t|d|s|z|c)h/g, '$1')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/w/g, 'v');
  const head = folded[0] ?? '';
  const rest = folded.slice(1).replace(/[aeiouy]/g, '');
  return (/[aeiouy]/.test(head) ? '' : head) + rest.replace(/(.)\1+/g, '$1');
}
