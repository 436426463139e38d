// Turns what a user typed (alpha-2, alpha-3, a name in a UN language, an id with a typo) into the
// canonical id, or fails with the closest matches so the user can correct it.
import { KnowledgeInputError } from './errors.ts';
import type { KnowledgeIndex } from './knowledge-index.ts';
import { COOPERATION_TYPES, type CooperationType, OFFENCE_IDS, type OffenceId } from './taxonomy.ts';

/** Lower case, accents and punctuation removed: how names are compared. */
export function normaliseName(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** Candidates closest to the input: each candidate is [id, keys it can be typed as]. */
export function closeMatches(input: string, candidates: Iterable<[string, string[]]>, limit = 5): string[] {
  const needle = normaliseName(input);
  if (!needle) return [];
  const scored: Array<[string, number]> = [];
  for (const [id, keys] of candidates) {
    let best = Number.POSITIVE_INFINITY;
    for (const key of keys) {
      const k = normaliseName(key);
      if (!k) continue;
      let d = editDistance(needle, k);
      // A prefix ("ger" for Germany) is a good match even when the edit distance is large.
      if (k.startsWith(needle) && needle.length >= 3) d = Math.min(d, 1);
      if (d < best) best = d;
    }
    const tolerance = Math.max(2, Math.floor(needle.length / 3));
    if (best <= tolerance) scored.push([id, best]);
  }
  scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return [...new Set(scored.map(([id]) => id))].slice(0, limit);
}

/** Resolve a country given as alpha-2 or alpha-3 in any case, EU/EUU, or a name in a UN language. */
export function resolveCountry(index: KnowledgeIndex, input: string): string {
  // A code as the API and the UI send it (upper case, no spaces) is a key as it is.
  const exact = index.countryCodes.get(input);
  if (exact) return exact;
  const raw = input.trim();
  const upper = raw.toUpperCase();
  const byCode = index.countryCodes.get(upper);
  if (byCode) return byCode;
  const byName = index.countryNames.get(normaliseName(raw));
  if (byName) return byName;
  const candidates = [...index.countries.values()].map(
    (c) => [c.code, [c.code, c.alpha2, ...Object.values(c.names), ...c.aliases]] as [string, string[]],
  );
  throw new KnowledgeInputError('unknown_country', input, closeMatches(raw, candidates));
}

export function resolveOffence(input: string): OffenceId {
  const v = input.trim().toLowerCase();
  const hit = OFFENCE_IDS.find((o) => o === v);
  if (hit) return hit;
  throw new KnowledgeInputError(
    'unknown_offence',
    input,
    closeMatches(
      v,
      OFFENCE_IDS.map((o) => [o, [o, ...o.split('-')]]),
    ),
  );
}

export function resolveCooperationType(input: string): CooperationType {
  const v = input.trim().toLowerCase();
  const hit = COOPERATION_TYPES.find((t) => t === v);
  if (hit) return hit;
  throw new KnowledgeInputError(
    'unknown_cooperation_type',
    input,
    closeMatches(
      v,
      COOPERATION_TYPES.map((t) => [t, [t]]),
    ),
  );
}

export function resolveInstrument(index: KnowledgeIndex, input: string): string {
  const v = input.trim().toUpperCase();
  if (index.instruments.has(v)) return v;
  const candidates = [...index.instruments.values()].map(
    (i) => [i.id, [i.id, i.short, ...Object.values(i.titles)]] as [string, string[]],
  );
  throw new KnowledgeInputError('unknown_instrument', input, closeMatches(input, candidates));
}

export function resolveDate(input: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (m) {
    const d = new Date(`${m[0]}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === m[0]) return m[0];
  }
  throw new KnowledgeInputError('invalid_date', input, [], `invalid date: "${input}" (expected YYYY-MM-DD)`);
}

/** A legal-basis question as typed by a user (any case, alpha-2 or alpha-3, names). */
export interface LegalBasisInput {
  requesting: string;
  requested: string;
  type: string;
  offence: string;
  /** YYYY-MM-DD; defaults to `today`. */
  date?: string | undefined;
  all?: boolean | undefined;
  includeText?: boolean | undefined;
}

/** Resolve every field of a question, or throw the first KnowledgeInputError with close matches. */
export function resolveLegalBasisInput(
  index: KnowledgeIndex,
  input: LegalBasisInput,
  today: string,
): { requesting: string; requested: string; type: CooperationType; offence: OffenceId; date: string; all: boolean; includeText: boolean } {
  return {
    requesting: resolveCountry(index, input.requesting),
    requested: resolveCountry(index, input.requested),
    type: resolveCooperationType(input.type),
    offence: resolveOffence(input.offence),
    date: input.date === undefined || input.date === '' ? today : resolveDate(input.date),
    all: input.all ?? false,
    includeText: input.includeText ?? false,
  };
}
