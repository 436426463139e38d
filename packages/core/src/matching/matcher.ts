// The cleartext person matcher: prepares records once (normalised name, phonetic keys, parsed birth date,
// canonical identifiers), proposes candidate pairs by blocking, and scores each pair with an explanation of
// which parts matched and how much each weighed.
import { type BirthDate, compareBirthDates, formatBirthDate, parseBirthDate } from './dates.ts';
import { type IdentifierKind, normaliseEmail, normaliseIban, normaliseImo, normalisePassport, normalisePhone, normaliseWallet } from './identifiers.ts';
import { fullNameOf, type NormalisedName, normaliseName } from './normalise.ts';
import { levenshteinSimilarity, skeleton, soundex, tokenAgreement, tokenSimilarity } from './similarity.ts';
import { scriptsOf } from './transliterate.ts';

/** A person record as read from a file: every field optional except the id. */
export interface PersonRecord {
  id: string;
  name?: string;
  given?: string;
  surname?: string;
  birthDate?: string;
  nationality?: string;
  iban?: string[];
  imo?: string[];
  phone?: string[];
  email?: string[];
  passport?: { number: string; country?: string }[];
  wallet?: string[];
}

export interface PreparedPerson {
  id: string;
  name: NormalisedName;
  /** The name was written in a script without short vowels (Arabic, Hebrew): compare consonant skeletons. */
  abjad: boolean;
  soundex: string[];
  skeletons: string[];
  birthDate?: BirthDate;
  nationality?: string;
  identifiers: Map<IdentifierKind, Set<string>>;
  /** Fields present but unusable (bad checksum, unparseable date), for the validation report. */
  rejected: string[];
}

export function preparePerson(r: PersonRecord): PreparedPerson {
  const rawName = fullNameOf(r);
  const name = normaliseName(rawName);
  const scripts = scriptsOf(rawName);
  const rejected: string[] = [];
  const identifiers = new Map<IdentifierKind, Set<string>>();
  const add = (kind: IdentifierKind, raw: string, value: string | undefined) => {
    if (!raw.trim()) return;
    if (value === undefined) {
      rejected.push(`${kind} "${raw}"`);
      return;
    }
    const set = identifiers.get(kind) ?? new Set<string>();
    set.add(value);
    identifiers.set(kind, set);
  };
  for (const v of r.iban ?? []) add('iban', v, normaliseIban(v));
  for (const v of r.imo ?? []) add('imo', v, normaliseImo(v));
  for (const v of r.phone ?? []) add('phone', v, normalisePhone(v));
  for (const v of r.email ?? []) add('email', v, normaliseEmail(v));
  for (const v of r.wallet ?? []) add('wallet', v, normaliseWallet(v));
  for (const p of r.passport ?? []) add('passport', p.number, normalisePassport(p.number, p.country ?? r.nationality));
  let birthDate: BirthDate | undefined;
  if (r.birthDate?.trim()) {
    birthDate = parseBirthDate(r.birthDate);
    if (!birthDate) rejected.push(`birth date "${r.birthDate}"`);
  }
  const nationality = r.nationality?.trim().toUpperCase() || undefined;
  return {
    id: r.id,
    name,
    abjad: scripts.has('arabic') || scripts.has('hebrew'),
    soundex: name.tokens.map(soundex),
    skeletons: name.tokens.map(skeleton),
    birthDate,
    nationality,
    identifiers,
    rejected,
  };
}

export interface ScorePart {
  part: 'name' | 'birth-date' | 'nationality' | 'encoding' | IdentifierKind;
  /** How similar this part is, 0–1. */
  similarity: number;
  /** Its weight in the score (weights of parts present on both sides are normalised to sum to 1). */
  weight: number;
  /** How it was compared, for a person reading the result. */
  detail: string;
}

export interface MatchScore {
  score: number;
  parts: ScorePart[];
}

// Relative weights of the parts, used only when the part is present on both records.
const WEIGHTS = { name: 0.5, birthDate: 0.45, nationality: 0.05, identifier: 0.6 } as const;

/** Name similarity: the best of several measures, each robust to a different kind of variation. */
export function compareNames(a: PreparedPerson, b: PreparedPerson): { similarity: number; detail: string } {
  if (!a.name.tokens.length || !b.name.tokens.length) return { similarity: 0, detail: 'no name on one side' };
  const measures: [string, number][] = [
    ['tokens (Jaro–Winkler, any order)', tokenSimilarity(a.name.tokens, b.name.tokens)],
    ['joined (Jaro–Winkler)', tokenAgreement(a.name.joined, b.name.joined)],
    ['sorted tokens (Levenshtein)', levenshteinSimilarity(a.name.sorted, b.name.sorted)],
  ];
  // Phonetic agreement: share of tokens with a Soundex partner on the other side, discounted.
  const sa = new Set(a.soundex);
  const sb = new Set(b.soundex);
  const phon = (a.soundex.filter((s) => sb.has(s)).length + b.soundex.filter((s) => sa.has(s)).length) / (a.soundex.length + b.soundex.length);
  measures.push(['Soundex', 0.85 * phon]);
  if (a.abjad || b.abjad) measures.push(['consonant skeleton (abjad script)', 0.95 * tokenSimilarity(a.skeletons, b.skeletons)]);
  measures.sort((x, y) => y[1] - x[1]);
  const [detail, similarity] = measures[0]!;
  return { similarity, detail };
}

/** Scores a pair: 0–1 with the parts that were compared. */
export function scorePair(a: PreparedPerson, b: PreparedPerson): MatchScore {
  const parts: ScorePart[] = [];
  const name = compareNames(a, b);
  parts.push({ part: 'name', similarity: name.similarity, weight: WEIGHTS.name, detail: name.detail });
  if (a.birthDate && b.birthDate) {
    const d = compareBirthDates(a.birthDate, b.birthDate);
    parts.push({
      part: 'birth-date',
      similarity: d.weight,
      weight: WEIGHTS.birthDate,
      detail: `${formatBirthDate(a.birthDate)} vs ${formatBirthDate(b.birthDate)}: ${d.agreement}`,
    });
  } else {
    // A missing birth date is no evidence either way: it counts half, so that a name alone never reaches
    // the score of a name with a matching birth date.
    parts.push({ part: 'birth-date', similarity: 0.5, weight: WEIGHTS.birthDate, detail: 'missing on one side (counted as neutral)' });
  }
  if (a.nationality && b.nationality) {
    parts.push({ part: 'nationality', similarity: a.nationality === b.nationality ? 1 : 0, weight: WEIGHTS.nationality, detail: `${a.nationality} vs ${b.nationality}` });
  }
  for (const [kind, values] of a.identifiers) {
    const other = b.identifiers.get(kind);
    if (!other) continue;
    const shared = [...values].filter((v) => other.has(v));
    parts.push({
      part: kind,
      similarity: shared.length ? 1 : 0,
      weight: WEIGHTS.identifier,
      detail: shared.length ? `same ${kind} ${shared[0]}` : `different ${kind}`,
    });
  }
  const total = parts.reduce((s, p) => s + p.weight, 0);
  for (const p of parts) p.weight = p.weight / total;
  let score = parts.reduce((s, p) => s + p.weight * p.similarity, 0);
  // A shared checked identifier (IBAN, IMO, E.164 phone, e-mail address, passport with country, wallet) is strong evidence
  // on its own: the pair is at least a likely match whatever the names say.
  if (parts.some((p) => p.part !== 'name' && p.part !== 'birth-date' && p.part !== 'nationality' && p.similarity === 1)) score = Math.max(score, 0.9);
  return { score: Math.round(score * 10000) / 10000, parts };
}

/** Blocking keys of a prepared record: records that share no key are never compared. */
export function blockingKeys(p: PreparedPerson): string[] {
  const keys = new Set<string>();
  const d = p.birthDate;
  for (const [i, token] of p.name.tokens.entries()) {
    const sx = p.soundex[i]!;
    const sk = p.skeletons[i]!.slice(0, 3);
    if (d) {
      keys.add(`sy:${sx}:${d.year}`);
      keys.add(`sm:${sx}:${Math.min(d.month, d.day)}-${Math.max(d.month, d.day)}`);
      keys.add(`ky:${sk}:${d.year}`);
    } else {
      keys.add(`s:${sx}`);
      keys.add(`k:${sk}`);
    }
    if (token.length >= 3 && !d) keys.add(`p:${token.slice(0, 3)}`);
  }
  if (d) keys.add(`d:${formatBirthDate(d)}`);
  // The whole name, phonetically and in any order: finds the same person with a wrong birth date.
  if (p.soundex.length > 1) {
    keys.add(`n:${[...p.soundex].sort().join('')}`);
    keys.add(`j:${soundex(p.name.joined)}:${p.soundex[p.soundex.length - 1]}`);
  }
  for (const [kind, values] of p.identifiers) for (const v of values) keys.add(`id:${kind}:${v}`);
  return [...keys];
}

/**
 * Candidate pairs (index in `left`, index in `right`) that share at least one blocking key. Keys shared by
 * more than `maxBlock` records on either side (a very common name in one year) are skipped, so that the
 * work stays near-linear; the other keys of those records still bring their true partners together.
 */
export function candidatePairs(left: string[][], right: string[][], maxBlock = 200): Array<[number, number]> {
  const index = new Map<string, number[]>();
  right.forEach((keys, j) => {
    for (const k of keys) {
      const list = index.get(k);
      if (list) list.push(j);
      else index.set(k, [j]);
    }
  });
  const leftCount = new Map<string, number>();
  for (const keys of left) for (const k of keys) leftCount.set(k, (leftCount.get(k) ?? 0) + 1);
  const pairs: Array<[number, number]> = [];
  left.forEach((keys, i) => {
    const seen = new Set<number>();
    for (const k of keys) {
      const list = index.get(k);
      if (!list || list.length > maxBlock || (leftCount.get(k) ?? 0) > maxBlock) continue;
      for (const j of list) {
        if (seen.has(j)) continue;
        seen.add(j);
        pairs.push([i, j]);
      }
    }
  });
  return pairs;
}
