// Reads a central authority's designation out of a State's declaration or notification to a
// treaty. Only wordings that name the authority unambiguously give a name; anything else (several
// authorities in one phrase, an address run into the name, a vague reference) gives null, and the
// directory shows the declaration's text instead. A wrong name on a letter is worse than none.

export interface Designation {
  /** The authority's name as the text gives it, or null when it cannot be read reliably. */
  name: string | null;
  /** The article under which it is designated, as "art. 46(13)", or null when the text does not say. */
  article: string | null;
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whether the text designates a central authority at all. */
export function mentionsCentralAuthority(text: string): boolean {
  return /central\s+authorit/i.test(text);
}

/** "article 8, paragraph 6", "paragraph 6 of article 8", "article 18 (13)", "art. 46(13)". */
export function designationArticle(text: string): string | null {
  const t = flat(text);
  const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
    [/\barticles?\s+(\d{1,3})\s*,?\s*paragraph\s+(\d{1,2})\b/i, (m) => `art. ${m[1]}(${m[2]})`],
    [/\bparagraph\s+(\d{1,2})\s+of\s+article\s+(\d{1,3})\b/i, (m) => `art. ${m[2]}(${m[1]})`],
    [/\bart(?:icle|\.)\s*(\d{1,3})\s*\((\d{1,2})\)/i, (m) => `art. ${m[1]}(${m[2]})`],
  ];
  for (const [re, fmt] of patterns) {
    const m = re.exec(t);
    if (m) return fmt(m);
  }
  return null;
}

/** A candidate is a name only if it reads like one: a capital first letter, no digits (addresses,
 * telephone numbers), not several authorities joined by "and the", not a reference to another text. */
function asName(candidate: string | undefined): string | null {
  if (!candidate) return null;
  const name = candidate
    .trim()
    .replace(/^the\s+/i, '')
    .replace(/[\s,:;]+$/, '')
    .replace(/^["\u201c]|["\u201d]$/g, '')
    .trim();
  if (name.length < 4 || name.length > 120) return null;
  if (!/^\p{Lu}/u.test(name)) return null;
  if (/\d/.test(name)) return null;
  if (/\band the\b|\bas well as\b|\bor the\b|authorit|referred to|following|above|below/i.test(name)) return null;
  return name;
}

/**
 * The designated central authority in one declaration, when its wording names it plainly:
 * - "X designates / has designated the Ministry of Justice[,] as (its|the|a) central authority"
 * - "the Ministry of Justice is designated as (the|a) central authority"
 * - "the central authority … is (the) Ministry of Justice" (up to a parenthesis, comma-free address)
 * - "the central authority … is:" followed by the name alone on the next paragraph.
 */
export function extractDesignation(text: string): Designation {
  const article = designationArticle(text);
  if (!mentionsCentralAuthority(text)) return { name: null, article };
  const paragraphs = text.split(/\n+/).map(flat).filter(Boolean);
  // "… central authority … is:" then the name as the next paragraph.
  for (let i = 0; i < paragraphs.length - 1; i++) {
    if (/central\s+authorit(?:y|ies)\b[^.]*\b(?:is|are)\s*:$/i.test(paragraphs[i] as string)) {
      const name = asName(paragraphs[i + 1]);
      if (name) return { name, article };
    }
  }
  const t = flat(text);
  const patterns = [
    /\bdesignat(?:es|ed|ing)\s+(?:the\s+)?([^.;()]+?),?\s+as\s+(?:(?:its|the|a)\s+)?central\s+authority\b/i,
    /(?:^|[.;,]\s|\s)(?:[Tt]he\s+)?(\p{Lu}[^.;(),\d]+?)\s+(?:is|has been|shall be)\s+designated\s+as\s+(?:(?:its|the|a)\s+)?central\s+authority\b/u,
    /(?:^|[.;,]\s|\s)(?:[Tt]he\s+)?(\p{Lu}[^.;(),\d]+?)\s+is\s+(?:its|the)\s+central\s+authority\b/u,
    /\bcentral\s+authority\b[^.;:()]{0,80}?\s(?:is|shall be|will be)\s+(?:the\s+)?(\p{Lu}[^.;:()]+?)\s*(?:\(|[.;]|$)/u,
  ];
  for (const re of patterns) {
    const m = re.exec(t);
    const name = asName(m?.[1]);
    if (name) return { name, article };
  }
  return { name: null, article };
}
