// The legal-basis engine: which instruments apply between two States for an offence and a kind of
// cooperation at a date, each with its articles, open questions, reservations, status and reasons.
import {
  type AnswerArticle,
  type Candidate,
  type KnowledgeIndex,
  instrumentStatus,
  type StatusTable,
  statusIn,
  statusTableFor,
} from './knowledge-index.ts';
import type { Instrument, IsoDate, Reservation, ReservationEffectKind } from './model.ts';
import { describeEffect, effectParams } from './reservations.ts';
import type { Said } from './said.ts';
import type { ConsentKind } from './model.ts';
import type { StatusFact, StatusPhase, StatusState } from './status.ts';
import { COOPERATION_TYPES, type CooperationType, OFFENCE_IDS, type OffenceId } from './taxonomy.ts';

export type Outcome = 'applicable' | 'conditional' | 'not-applicable' | 'unknown';

export interface LegalBasisQuery {
  requesting: string;
  requested: string;
  type: CooperationType;
  offence: OffenceId;
  date: IsoDate;
  all?: boolean;
  /** Article texts are long; callers that only need citations can leave them out. */
  includeText?: boolean;
}

export interface StatusSummary {
  state: StatusState;
  since?: IsoDate;
  source: string;
  asOf: IsoDate;
  signed?: IsoDate;
  curated?: boolean;
  inferredFrom?: string;
  phase?: StatusPhase;
  consent?: IsoDate;
  consentKind?: ConsentKind;
  entryIntoForceRule?: string;
}

export interface AnswerReservation {
  state: string;
  instrument: string;
  text: string;
  effect: ReservationEffectKind;
  description: string;
  /** The effect's data beyond its kind (name of the central authority, languages), for a client
   * that words the kind in its reader's language. */
  params: Record<string, string>;
  source: string;
}

export interface LegalBasis {
  instrument: string;
  /** The English title (or the short name). */
  title: string;
  /** Official titles in the UN languages that the data has. */
  titles: Instrument['titles'];
  short: string;
  kind: Instrument['kind'];
  outcome: Outcome;
  articles: AnswerArticle[];
  status: { requesting: StatusSummary; requested: StatusSummary };
  conditions: string[];
  /** The conditions as codes with parameters, in the same order (a catalogue condition's code is its id). */
  conditionCodes: Said[];
  reservations: AnswerReservation[];
  reasons: string[];
  /** The reasons as coded sentences (a reason that joins two facts is two sentences here). */
  reasonCodes: Said[];
  citation: string;
  /** For a Protocol: the Convention it applies together with. */
  appliesWith?: string;
  /** Position in the answer, 1 for the best basis. */
  rank: number;
}

/** The sentence a person reads first, as a code with parameters (for translation) and in English. */
export type Headline =
  | {
      code: 'best-basis' | 'conditional-basis';
      params: {
        instrument: string;
        citation: string;
        requesting: string;
        requested: string;
        requestingSince: string | null;
        requestedSince: string | null;
        conditions: number;
      };
      text: string;
    }
  | { code: 'no-known-basis'; params: { unknown: number }; text: string };

export interface ContextInstrument {
  instrument: string;
  title: string;
  contextOnly: true;
  status: { requesting: StatusSummary; requested: StatusSummary };
  reasons: string[];
  reasonCodes: Said[];
}

export interface LegalBasisAnswer {
  query: { requesting: string; requested: string; type: CooperationType; offence: OffenceId; date: IsoDate };
  dataAsOf: IsoDate;
  bases: LegalBasis[];
  headline: Headline;
  /** Instruments that matter for the offence but are not a legal basis (CITES, UNESCO 1970, UNCLOS). */
  context: ContextInstrument[];
}

export const OUTCOME_ORDER: Record<Outcome, number> = { applicable: 0, conditional: 1, unknown: 2, 'not-applicable': 3 };
const NO_RESERVATIONS: AnswerReservation[] = [];
const NO_BASES: LegalBasis[] = [];

/** Which reservation effects matter for which kind of cooperation. */
function effectMatters(effect: ReservationEffectKind, type: CooperationType): boolean {
  switch (effect) {
    case 'no-treaty-basis-for-extradition':
    case 'treaty-basis-for-extradition':
      return type === 'extradition';
    case 'central-authority':
    case 'languages':
      return type === 'mla' || type === 'asset-recovery' || type === 'preservation';
    case 'territorial-exclusion':
    case 'other':
      return true;
    case 'dispute-settlement':
      return false;
    default: {
      const never: never = effect;
      return never;
    }
  }
}

function summary(fact: StatusFact): StatusSummary {
  if (fact.summary) return fact.summary as StatusSummary;
  const s: StatusSummary = { state: fact.state, source: fact.source, asOf: fact.asOf };
  if (fact.since) s.since = fact.since;
  if (fact.signed) s.signed = fact.signed;
  if (fact.curated) s.curated = true;
  if (fact.inferredFrom) s.inferredFrom = fact.inferredFrom;
  if (fact.phase) s.phase = fact.phase;
  if (fact.consent) s.consent = fact.consent;
  if (fact.consentKind) s.consentKind = fact.consentKind;
  if (fact.entryIntoForceRule) s.entryIntoForceRule = fact.entryIntoForceRule;
  fact.summary = s;
  return s;
}

/** Combine a Protocol status with its Convention's: the Protocol needs both. */
function combine(child: StatusFact, parent: StatusFact): StatusFact {
  if (child.state === 'not-party') return child;
  if (parent.state === 'not-party') return parent;
  if (child.state === 'unknown') return child;
  if (parent.state === 'unknown') return parent;
  return child;
}

/**
 * Everything one State brings to one instrument at one date: its (combined) status, the reasons
 * that explain it, and its reservations. Computed once per instrument, State and date and shared
 * by every answer that needs it, so that an answer only assembles precomputed parts.
 */
interface Side {
  state: StatusState;
  summary: StatusSummary;
  reasons: string[];
  said: Said[];
  /** Reservations that matter, by cooperation type ordinal (filled on first use). */
  reservations: Array<AnswerReservation[] | undefined>;
  noTreatyBasisForExtradition: boolean;
  /** Whether the State has any reservation to the instrument (or its Convention): most have none,
   * and then no answer needs to look their reservations up. */
  anyReservations: boolean;
  instrumentIds: string[];
  stateCode: string;
}

/** Per State, its sides by instrument ordinal. */
type SideTable = Map<string, Array<Side | undefined>>;

const TYPE_ORDINAL = new Map<CooperationType, number>(COOPERATION_TYPES.map((t, n) => [t, n]));

function buildSide(index: KnowledgeIndex, table: StatusTable, i: Instrument, state: string, date: IsoDate): Side {
  let fact = statusIn(table, index, i.id, state, date);
  const reasons: string[] = [];
  const said: Said[] = [];
  const instrumentIds = [i.id];
  if (i.supplements) {
    instrumentIds.push(i.supplements);
    const parent = statusIn(table, index, i.supplements, state, date);
    if (parent !== fact && parent.state !== 'party') {
      reasons.push(`${i.supplements}: ${parent.reason}`);
      said.push(...parent.said);
    }
    fact = combine(fact, parent);
  }
  reasons.push(fact.reason);
  said.push(...fact.said);
  let noBasis = false;
  let anyReservations = false;
  for (const id of instrumentIds) {
    for (const r of index.reservations.get(id)?.get(state) ?? []) {
      anyReservations = true;
      if (r.effects.some((e) => e.kind === 'no-treaty-basis-for-extradition')) noBasis = true;
    }
  }
  return {
    state: fact.state,
    summary: summary(fact),
    reasons,
    said,
    reservations: [],
    noTreatyBasisForExtradition: noBasis,
    anyReservations,
    instrumentIds,
    stateCode: state,
  };
}

function sidesOf(tables: DateTables, state: string): Array<Side | undefined> {
  let sides = tables.sides.get(state);
  if (!sides) {
    sides = [];
    tables.sides.set(state, sides);
  }
  return sides;
}

function sideOf(index: KnowledgeIndex, tables: DateTables, sides: Array<Side | undefined>, i: Instrument, ordinal: number, state: string, date: IsoDate): Side {
  let side = sides[ordinal];
  if (!side) {
    side = buildSide(index, tables.status, i, state, date);
    sides[ordinal] = side;
  }
  return side;
}

function sideReservations(index: KnowledgeIndex, side: Side, type: CooperationType, typeOrdinal: number): AnswerReservation[] {
  let out = side.reservations[typeOrdinal];
  if (out) return out;
  out = NO_RESERVATIONS;
  for (const id of side.instrumentIds) {
    const list: Reservation[] | undefined = index.reservations.get(id)?.get(side.stateCode);
    if (!list) continue;
    for (const r of list) {
      for (const e of r.effects) {
        if (!effectMatters(e.kind, type)) continue;
        if (out === NO_RESERVATIONS) out = [];
        out.push({
          state: side.stateCode,
          instrument: r.instrument,
          text: r.text,
          effect: e.kind,
          description: describeEffect(e),
          params: effectParams(e),
          source: r.source,
        });
      }
    }
  }
  side.reservations[typeOrdinal] = out;
  return out;
}

interface InForce {
  state: StatusState;
  reason?: Said;
}

function instrumentInForce(instrument: Instrument, date: IsoDate): InForce {
  if (instrument.adopted && instrument.adopted > date) {
    return {
      state: 'not-party',
      reason: {
        code: 'adopted-after-date',
        params: { instrument: instrument.id, adopted: instrument.adopted, date },
        text: `${instrument.id} was adopted only on ${instrument.adopted}, after ${date}.`,
      },
    };
  }
  if (!instrument.entryIntoForce) {
    return {
      state: 'unknown',
      reason: {
        code: 'in-force-unknown',
        params: { instrument: instrument.id },
        text: `Whether ${instrument.id} is in force is not in the data (missing fact: its date of entry into force).`,
      },
    };
  }
  if (instrument.entryIntoForce > date) {
    return {
      state: 'not-party',
      reason: {
        code: 'in-force-after-date',
        params: { instrument: instrument.id, entryIntoForce: instrument.entryIntoForce, date },
        text: `${instrument.id} entered into force only on ${instrument.entryIntoForce}, after ${date}.`,
      },
    };
  }
  return { state: 'party' };
}

/** What one date needs, memoised per index: the same few dates are asked again and again. */
interface DateTables {
  /** By instrument ordinal. */
  inForce: InForce[];
  status: StatusTable;
  sides: SideTable;
  /** What the answers for the last pair of States asked at this date share (see PairParts). */
  pair: PairParts | undefined;
  /** The questions of the last cooperation type asked, by offence (see questionFor). */
  lastType: CooperationType | undefined;
  lastQuestions: Map<string, Question> | undefined;
  questions: Map<CooperationType, Map<string, Question>>;
}

/** What the index holds for one cooperation type and offence, gathered so that an answer makes one
 * map lookup instead of four (candidates by type then offence, the type's ordinal, the context by
 * offence): at 8.3 million answers these lookups were about a tenth of the matrix. */
interface Question {
  candidates: Candidate[];
  context: Instrument[] | undefined;
  typeOrdinal: number;
  /** Position of the offence in OFFENCE_IDS: the context instruments depend on the offence and the
   * pair only, so the pair part keeps them by it (see contextFor). */
  offenceOrdinal: number;
}

const OFFENCE_ORDINAL = new Map<string, number>(OFFENCE_IDS.map((o, n) => [o, n]));

function questionFor(index: KnowledgeIndex, tables: DateTables, type: CooperationType, offence: OffenceId): Question {
  let byOffence = tables.lastType === type ? tables.lastQuestions : undefined;
  if (!byOffence) {
    byOffence = tables.questions.get(type);
    if (!byOffence) {
      byOffence = new Map();
      tables.questions.set(type, byOffence);
    }
    tables.lastType = type;
    tables.lastQuestions = byOffence;
  }
  let question = byOffence.get(offence);
  if (!question) {
    question = {
      candidates: index.candidates.get(type)?.get(offence) ?? [],
      context: index.context.get(offence),
      typeOrdinal: TYPE_ORDINAL.get(type) ?? 0,
      offenceOrdinal: OFFENCE_ORDINAL.get(offence) ?? -1,
    };
    byOffence.set(offence, question);
  }
  return question;
}

/**
 * The part of a basis that depends only on the instrument, the two States and the date (not on
 * the type or the offence): whether it is blocked or unknown, the two statuses, and the reasons
 * that explain them (the instrument's own, then the requesting State's, then the requested
 * State's). Every candidate of that instrument for the pair starts from it; a candidate with no
 * reason of its own and no extradition declaration shares its arrays as they are.
 */
interface PairPart {
  inForce: InForce;
  a: Side;
  b: Side;
  blocked: boolean;
  unknown: boolean;
  status: { requesting: StatusSummary; requested: StatusSummary };
  /** The reasons, without and then with each of the instrument's sets of static reasons (by the
   * candidate's `staticSlot` + 1); built on first use, as most blocked parts never need them. */
  reasons: Array<Reasons | undefined>;
  /** Both States' reservations that matter, by cooperation type ordinal (filled on first use). */
  reservations: Array<AnswerReservation[] | undefined> | undefined;
  /** Neither State has a reservation to the instrument: every answer gets NO_RESERVATIONS. */
  noReservations: boolean;
  /** The part of the sort key that the pair fixes (see orderKey): 4 unless a bilateral treaty,
   * plus 1 unless a regional treaty both States are party to. */
  orderBits: number;
  /** Headlines of the answers whose best basis is this instrument, by type ordinal ×
   * HEADLINE_SLOTS + slot (see sharedHeadline); filled on first use. */
  headlines: Array<Headline | undefined> | undefined;
  /** The names and years of the headlines above (filled with the first). */
  parties: Parties | undefined;
}

interface Reasons {
  texts: string[];
  said: Said[];
}

/**
 * What the answers for one pair of States at one date share: their sides, the pair part of each
 * instrument (by ordinal) and the headlines (by cooperation type, best instrument and outcome).
 * Only the last pair asked is kept, per index and date: the questions about one pair usually come
 * together (a finder session, a country profile, the whole matrix one pair at a time), and keeping
 * every pair would hold hundreds of megabytes (a memo of headlines over all pairs held ~900 MB for
 * the whole matrix and cost more in garbage collection than it saved). Kept numbers only as keys.
 */
interface PairParts {
  requesting: string;
  requested: string;
  sidesA: Array<Side | undefined>;
  sidesB: Array<Side | undefined>;
  parts: Array<PairPart | undefined>;
  /** The context instruments of the answers, by offence ordinal (filled on first use). */
  contexts: Array<ContextInstrument[] | undefined> | undefined;
}

const HEADLINE_SLOTS = 64;

/** Sharing parts between answers is on; the legal-basis benchmark and the tests turn it off to build
 * every part for every answer (the unoptimised path), to measure the gain and check that the
 * answers are the same. */
let shareParts = true;
export function setAnswerSharing(on: boolean): void {
  shareParts = on;
}

const dateCache = new WeakMap<KnowledgeIndex, Map<IsoDate, DateTables>>();
/** The tables of the last index and date asked (the matrix asks the same one millions of times). */
let lastTables: { index: KnowledgeIndex; date: IsoDate; tables: DateTables } | undefined;

function tablesFor(index: KnowledgeIndex, date: IsoDate): DateTables {
  if (lastTables && lastTables.index === index && lastTables.date === date) return lastTables.tables;
  let byDate = dateCache.get(index);
  if (!byDate) {
    byDate = new Map();
    dateCache.set(index, byDate);
  }
  let tables = byDate.get(date);
  if (!tables) {
    // Only a few dates are ever hot (today, a benchmark date); keep memory bounded.
    if (byDate.size >= 8) byDate.clear();
    const inForce = index.instrumentOrder.map((i) => instrumentInForce(i, date));
    tables = {
      inForce,
      status: statusTableFor(index, date),
      sides: new Map(),
      pair: undefined,
      lastType: undefined,
      lastQuestions: undefined,
      questions: new Map(),
    };
    byDate.set(date, tables);
  }
  lastTables = { index, date, tables };
  return tables;
}

function pairPartsFor(tables: DateTables, requesting: string, requested: string): PairParts {
  const last = tables.pair;
  if (last && last.requesting === requesting && last.requested === requested) return last;
  const pair: PairParts = {
    requesting,
    requested,
    sidesA: sidesOf(tables, requesting),
    sidesB: sidesOf(tables, requested),
    parts: [],
    contexts: undefined,
  };
  if (shareParts) tables.pair = pair;
  return pair;
}

function buildPairPart(index: KnowledgeIndex, tables: DateTables, pair: PairParts, i: Instrument, ordinal: number, date: IsoDate): PairPart {
  const inForce = tables.inForce[ordinal] ?? instrumentInForce(i, date);
  const a = sideOf(index, tables, pair.sidesA, i, ordinal, pair.requesting, date);
  const b = pair.requested === pair.requesting ? a : sideOf(index, tables, pair.sidesB, i, ordinal, pair.requested, date);
  // a.state and b.state are those of a.summary and b.summary (both from the same combined fact).
  const regionalBetween = i.kind === 'regional' && a.state === 'party' && b.state === 'party';
  return {
    inForce,
    a,
    b,
    blocked: inForce.state === 'not-party' || a.state === 'not-party' || b.state === 'not-party',
    unknown: inForce.state === 'unknown' || a.state === 'unknown' || b.state === 'unknown',
    status: { requesting: a.summary, requested: b.summary },
    reasons: [],
    // Allocated on first use: most parts need neither (no reservations, not a best basis).
    reservations: undefined,
    noReservations: !a.anyReservations && !b.anyReservations,
    orderBits: (i.kind === 'bilateral' ? 0 : 4) + (regionalBetween ? 0 : 1),
    headlines: undefined,
    parties: undefined,
  };
}

/** The instrument's own reason, the requesting State's, the requested State's, then the candidate's
 * static reasons, if a candidate is given (arrays of the exact size, filled in place). */
function buildReasons(part: PairPart, c: Candidate | undefined): Reasons {
  const inForce = part.inForce.reason;
  const a = part.a;
  const b = part.b === a ? undefined : part.b;
  // The common case (the pair's own reasons of an instrument in force, two States) in one step.
  if (!inForce && !c && b) return { texts: joined(a.reasons, b.reasons), said: joined(a.said, b.said) };
  const texts = new Array<string>((inForce ? 1 : 0) + a.reasons.length + (b ? b.reasons.length : 0) + (c ? c.staticReasons.length : 0));
  const said = new Array<Said>((inForce ? 1 : 0) + a.said.length + (b ? b.said.length : 0) + (c ? c.staticSaid.length : 0));
  let t = 0;
  let s = 0;
  if (inForce) {
    texts[t++] = inForce.text;
    said[s++] = inForce;
  }
  t = fill(texts, t, a.reasons);
  s = fill(said, s, a.said);
  if (b) {
    t = fill(texts, t, b.reasons);
    s = fill(said, s, b.said);
  }
  if (c) {
    fill(texts, t, c.staticReasons);
    fill(said, s, c.staticSaid);
  }
  return { texts, said };
}

/** a then b, in an array of the exact size. Up to eight elements (nearly every set of reasons) as
 * an array literal, which V8 allocates packed and at its size in one step; filling a `new
 * Array(n)` in place made a holey array and changed its elements kind on the first store, and
 * Array.prototype.concat is slower still on arrays this short. */
function joined<T>(a: T[], b: T[]): T[] {
  const n = a.length;
  // Element k is (k < n ? a[k] : b[k - n]), written out: a helper function was not inlined.
  switch (n + b.length) {
    case 1:
      return [(0 < n ? a[0] : b[0 - n]) as T];
    case 2:
      return [(0 < n ? a[0] : b[0 - n]) as T, (1 < n ? a[1] : b[1 - n]) as T];
    case 3:
      return [(0 < n ? a[0] : b[0 - n]) as T, (1 < n ? a[1] : b[1 - n]) as T, (2 < n ? a[2] : b[2 - n]) as T];
    case 4:
      return [(0 < n ? a[0] : b[0 - n]) as T, (1 < n ? a[1] : b[1 - n]) as T, (2 < n ? a[2] : b[2 - n]) as T, (3 < n ? a[3] : b[3 - n]) as T];
    case 5:
      return [(0 < n ? a[0] : b[0 - n]) as T, (1 < n ? a[1] : b[1 - n]) as T, (2 < n ? a[2] : b[2 - n]) as T, (3 < n ? a[3] : b[3 - n]) as T, (4 < n ? a[4] : b[4 - n]) as T];
    case 6:
      return [(0 < n ? a[0] : b[0 - n]) as T, (1 < n ? a[1] : b[1 - n]) as T, (2 < n ? a[2] : b[2 - n]) as T, (3 < n ? a[3] : b[3 - n]) as T, (4 < n ? a[4] : b[4 - n]) as T, (5 < n ? a[5] : b[5 - n]) as T];
    case 7:
      return [(0 < n ? a[0] : b[0 - n]) as T, (1 < n ? a[1] : b[1 - n]) as T, (2 < n ? a[2] : b[2 - n]) as T, (3 < n ? a[3] : b[3 - n]) as T, (4 < n ? a[4] : b[4 - n]) as T, (5 < n ? a[5] : b[5 - n]) as T, (6 < n ? a[6] : b[6 - n]) as T];
    case 8:
      return [(0 < n ? a[0] : b[0 - n]) as T, (1 < n ? a[1] : b[1 - n]) as T, (2 < n ? a[2] : b[2 - n]) as T, (3 < n ? a[3] : b[3 - n]) as T, (4 < n ? a[4] : b[4 - n]) as T, (5 < n ? a[5] : b[5 - n]) as T, (6 < n ? a[6] : b[6 - n]) as T, (7 < n ? a[7] : b[7 - n]) as T];
    default: {
      const out = new Array<T>(n + b.length);
      fill(out, fill(out, 0, a), b);
      return out;
    }
  }
}

function fill<T>(out: T[], at: number, from: T[]): number {
  for (let k = 0; k < from.length; k++) out[at + k] = from[k] as T;
  return at + from.length;
}

function reasonsOf(part: PairPart, c: Candidate): Reasons {
  if (!shareParts) return buildReasons(part, c);
  const slot = c.staticSlot + 1;
  let r = part.reasons[slot];
  if (!r) {
    // The pair's own reasons (slot 0, also those of a candidate without static reasons) are built
    // once; each set of static reasons is then appended to a copy of them.
    let own = part.reasons[0];
    if (!own) {
      own = buildReasons(part, undefined);
      part.reasons[0] = own;
    }
    r = slot === 0 ? own : { texts: joined(own.texts, c.staticReasons), said: joined(own.said, c.staticSaid) };
    part.reasons[slot] = r;
  }
  return r;
}

function pairPartOf(index: KnowledgeIndex, tables: DateTables, pair: PairParts, c: Candidate, date: IsoDate): PairPart {
  if (!shareParts) return buildPairPart(index, tables, pair, c.instrument, c.ordinal, date);
  let part = pair.parts[c.ordinal];
  if (!part) {
    part = buildPairPart(index, tables, pair, c.instrument, c.ordinal, date);
    pair.parts[c.ordinal] = part;
  }
  return part;
}

function pairReservations(index: KnowledgeIndex, part: PairPart, same: boolean, type: CooperationType, typeOrdinal: number): AnswerReservation[] {
  if (part.noReservations) return NO_RESERVATIONS;
  let out = shareParts ? part.reservations?.[typeOrdinal] : undefined;
  if (out) return out;
  const resA = sideReservations(index, part.a, type, typeOrdinal);
  const resB = same ? NO_RESERVATIONS : sideReservations(index, part.b, type, typeOrdinal);
  out = resA.length === 0 ? resB : resB.length === 0 ? resA : [...resA, ...resB];
  if (shareParts) {
    if (!part.reservations) part.reservations = [];
    part.reservations[typeOrdinal] = out;
  }
  return out;
}

/**
 * The answer being built: its bases (the answer's own array, sorted in place at the end) and, in
 * step, their sort keys and candidates (none for the not-covered entries of --all). The keys and
 * candidates are scratch arrays reused by every call (findLegalBases is synchronous and does not
 * call itself): the whole matrix is 8.3 million answers, and two more fresh arrays each were a
 * measurable part of its time. They hold numbers and index objects only, never a basis.
 */
const scratch = { bases: [] as LegalBasis[], keys: [] as number[], from: [] as Array<Candidate | undefined>, n: 0 };

function addToScratch(basis: LegalBasis, key: number, c: Candidate | undefined): void {
  const n = scratch.n++;
  scratch.bases[n] = basis;
  scratch.keys[n] = key;
  scratch.from[n] = c;
}

/** Evaluate one candidate and add its basis to the scratch; nothing when it does not apply and the
 * caller did not ask for all. Returns the outcome's position in OUTCOME_ORDER, -1 when dropped. */
function evaluate(
  index: KnowledgeIndex,
  c: Candidate,
  q: LegalBasisQuery,
  tables: DateTables,
  pair: PairParts,
  typeOrdinal: number,
): number {
  const part = pairPartOf(index, tables, pair, c, q.date);
  const extradition = q.type === 'extradition';
  const refusedByRequested = extradition && part.b.noTreatyBasisForExtradition;
  const blocked = part.blocked || refusedByRequested;
  // Most candidates that do not apply are dropped here, before anything is built for them.
  if (blocked && !q.all) return -1;

  const shared = reasonsOf(part, c);
  let reasons = shared.texts;
  let reasonCodes = shared.said;
  let conditions = c.conditions;
  let conditionCodes = c.conditionsSaid;
  if (extradition) {
    const basisOf = c.appliesWith ?? c.id;
    if (refusedByRequested) {
      // Only with --all (a refused basis is dropped otherwise): the declaration comes before the
      // candidate's static reasons.
      const text = `${q.requested} (requested) does not take ${basisOf} as the legal basis for extradition (declaration under its extradition article): it is not a basis for this request.`;
      reasons = [...reasons.slice(0, reasons.length - c.staticReasons.length), text, ...c.staticReasons];
      reasonCodes = [...reasonCodes.slice(0, reasonCodes.length - c.staticSaid.length), { code: 'requested-no-treaty-basis', params: { requested: q.requested, instrument: basisOf }, text }, ...c.staticSaid];
    }
    if (part.a.noTreatyBasisForExtradition) {
      const text = `${q.requesting} (requesting) does not itself take ${basisOf} as the legal basis for extradition: will ${q.requested} extradite without reciprocity?`;
      conditions = [...conditions, text];
      conditionCodes = [...conditionCodes, { code: 'requesting-no-treaty-basis', params: { requesting: q.requesting, requested: q.requested, instrument: basisOf }, text }];
    }
  }
  const reservations = pairReservations(index, part, q.requested === q.requesting, q.type, typeOrdinal);
  const articles = q.includeText === false ? c.articlesWithoutText : c.articles;

  // The outcome and its position in OUTCOME_ORDER, set together (no lookup by string per basis).
  let outcome: Outcome;
  let order: number;
  if (blocked) {
    outcome = 'not-applicable';
    order = 3;
  } else if (part.unknown) {
    outcome = 'unknown';
    order = 2;
  } else if (conditions.length > 0) {
    outcome = 'conditional';
    order = 1;
  } else {
    outcome = 'applicable';
    order = 0;
  }

  const basis: LegalBasis = {
    instrument: c.id,
    title: c.title,
    titles: c.titles,
    short: c.short,
    kind: c.kind,
    outcome,
    articles,
    status: part.status,
    conditions,
    conditionCodes,
    reservations,
    reasons,
    reasonCodes,
    citation: c.citation,
    rank: 0,
    // Always present (undefined for a treaty that is not a Protocol), so that every basis has the
    // same hidden class and the code that reads bases stays monomorphic; JSON leaves it out when
    // undefined, and it comes last as when it was only added for Protocols: the same JSON.
    appliesWith: c.appliesWith,
  };
  // The same key as orderKey(basis, c.general, c.adopted), from numbers the pair part and the
  // candidate already hold.
  addToScratch(basis, (order * 8 + part.orderBits + (c.general ? 2 : 0)) * 1e8 + (99_999_999 - c.adopted), c);
  return order;
}

/** Sort key of a basis (smaller first): outcome group; the instrument made for the offence before
 * a general one; a treaty between the two States (bilateral, or regional with both parties)
 * before a universal one; then the more recent. */
/**
 * Within an outcome group: a bilateral treaty between the two States first — the UN conventions
 * themselves defer to it (UNTOC art. 18(6)-(7), UNCAC art. 46(6)-(7)) — then the instrument made for
 * the offence before the general one, then a regional treaty both States are party to before a
 * universal one, then the more recent.
 */
function orderKey(basis: LegalBasis, general: boolean, adopted: number): number {
  // evaluate() computes the same key for candidates from the pair part's orderBits; keep them in step.
  const bilateral = basis.kind === 'bilateral';
  const regionalBetween = basis.kind === 'regional' && basis.status.requesting.state === 'party' && basis.status.requested.state === 'party';
  const group = ((OUTCOME_ORDER[basis.outcome] * 2 + (bilateral ? 0 : 1)) * 2 + (general ? 1 : 0)) * 2 + (regionalBetween ? 0 : 1);
  return group * 1e8 + (99_999_999 - adopted);
}

function notCovered(index: KnowledgeIndex, i: Instrument, q: LegalBasisQuery): LegalBasis {
  const reason: Said = i.contextOnly
    ? { code: 'context-only', params: { instrument: i.id }, text: `${i.id} is context only: it has no clause for criminal cooperation.` }
    : !i.cooperation[q.type]
      ? { code: 'type-not-provided', params: { instrument: i.id, type: q.type }, text: `${i.id} does not provide ${q.type}.` }
      : { code: 'offence-not-covered', params: { instrument: i.id, offence: q.offence }, text: `${i.id} does not cover ${q.offence}.` };
  return {
    instrument: i.id,
    title: i.titles.en ?? i.short,
    titles: i.titles,
    short: i.short,
    kind: i.kind,
    outcome: 'not-applicable',
    articles: [],
    status: {
      requesting: summary(instrumentStatus(index, i.id, q.requesting, q.date)),
      requested: summary(instrumentStatus(index, i.id, q.requested, q.date)),
    },
    conditions: [],
    conditionCodes: [],
    reservations: [],
    reasons: [reason.text],
    reasonCodes: [reason],
    citation: i.id,
    rank: 0,
    appliesWith: undefined,
  };
}

/** Find the legal bases for a request. Inputs must already be resolved (see resolve.ts).
 * Answers share immutable parts (articles, status summaries, conditions) with other answers:
 * callers must not mutate them. */
export function findLegalBases(index: KnowledgeIndex, query: LegalBasisQuery): LegalBasisAnswer {
  const tables = tablesFor(index, query.date);
  const question = questionFor(index, tables, query.type, query.offence);
  const candidates = question.candidates;
  const pair = pairPartsFor(tables, query.requesting, query.requested);
  const typeOrdinal = question.typeOrdinal;
  // The answer's own array, young like the bases stored in it: storing them into a long-lived
  // scratch array instead cost a write barrier (an old-to-new remembered-set entry) per basis,
  // about 6 % of the whole matrix.
  const bases: LegalBasis[] = new Array<LegalBasis>(candidates.length);
  scratch.bases = bases;
  scratch.n = 0;
  let unknown = 0;
  for (let k = 0; k < candidates.length; k++) {
    if (evaluate(index, candidates[k] as Candidate, query, tables, pair, typeOrdinal) === 2) unknown++;
  }
  if (query.all) {
    const seen = new Set(candidates.map((c) => c.instrument.id));
    for (const i of index.instrumentOrder) {
      if (seen.has(i.id)) continue;
      const basis = notCovered(index, i, query);
      addToScratch(basis, orderKey(basis, true, adoptedNumber(i)), undefined);
    }
  }
  // Insertion sort of the scratch: answers are short and stable order (catalogue order) breaks ties.
  const { keys, from } = scratch;
  const sorted = scratch.bases;
  const n = scratch.n;
  for (let k = 1; k < n; k++) {
    const basis = sorted[k] as LegalBasis;
    const key = keys[k] as number;
    const c = from[k];
    let j = k - 1;
    while (j >= 0 && (keys[j] as number) > key) {
      sorted[j + 1] = sorted[j] as LegalBasis;
      keys[j + 1] = keys[j] as number;
      from[j + 1] = from[j];
      j--;
    }
    sorted[j + 1] = basis;
    keys[j + 1] = key;
    from[j + 1] = c;
  }
  // The answer's array was allocated at the number of candidates (push from empty reserves room for
  // 17); it is cut to the bases kept. Bases are shared with no other answer (statuses and articles
  // are), so ranking them in place is safe.
  if (n !== bases.length) bases.length = n;
  for (let k = 0; k < n; k++) (bases[k] as LegalBasis).rank = k + 1;
  scratch.bases = NO_BASES; // the scratch keeps no answer alive
  const best = n > 0 ? from[0] : undefined;
  return {
    query: {
      requesting: query.requesting,
      requested: query.requested,
      type: query.type,
      offence: query.offence,
      date: query.date,
    },
    dataAsOf: index.dataAsOf,
    bases,
    headline: shareParts ? sharedHeadline(index, pair, query, bases, best, typeOrdinal, unknown) : headlineOf(index, query, bases),
    context: question.context && question.context.length > 0 ? contextFor(index, tables, pair, question, query) : NO_CONTEXT,
  };
}

/** The context instruments of an answer: they depend on the offence and the pair of States only, so
 * the pair part keeps them by offence and the seven cooperation types share them. */
function contextFor(index: KnowledgeIndex, tables: DateTables, pair: PairParts, question: Question, query: LegalBasisQuery): ContextInstrument[] {
  const slot = question.offenceOrdinal;
  let context = shareParts && slot >= 0 ? pair.contexts?.[slot] : undefined;
  if (!context) {
    context = [];
    for (const i of question.context ?? []) {
      const ordinal = index.ordinals.get(i.id) ?? 0;
      const a = sideOf(index, tables, pair.sidesA, i, ordinal, query.requesting, query.date);
      const b = sideOf(index, tables, pair.sidesB, i, ordinal, query.requested, query.date);
      const said = contextReasons(i);
      context.push({
        instrument: i.id,
        title: i.titles.en ?? i.short,
        contextOnly: true,
        status: { requesting: a.summary, requested: b.summary },
        reasons: said.texts,
        reasonCodes: said.codes,
      });
    }
    if (shareParts && slot >= 0) {
      if (!pair.contexts) pair.contexts = [];
      pair.contexts[slot] = context;
    }
  }
  return context;
}

/** YYYYMMDD of the adoption, 0 when unknown: the more recent sorts first. */
export function adoptedNumber(i: Instrument): number {
  return i.adopted ? Number(i.adopted.replaceAll('-', '')) : 0;
}

function stateName(index: KnowledgeIndex, code: string): string {
  return index.countries.get(code)?.names.en ?? code;
}

function sinceYear(s: StatusSummary): string | null {
  return s.since ? s.since.slice(0, 4) : null;
}

/**
 * The headline depends only on the two States, the best basis (its instrument and the
 * cooperation type, which fix the citation; its outcome and number of conditions; the States'
 * statuses, fixed per date) or, when there is none, on the number of unknown bases. So it is built
 * once per pair of States and best basis and shared by the answers with the same, while the pair
 * is the last one asked (see PairParts); callers must not mutate it.
 */
function sharedHeadline(
  index: KnowledgeIndex,
  pair: PairParts,
  q: LegalBasisQuery,
  bases: LegalBasis[],
  best: Candidate | undefined,
  typeOrdinal: number,
  unknown: number,
): Headline {
  const first = bases[0];
  if (!first || !best || (first.outcome !== 'applicable' && first.outcome !== 'conditional')) {
    let h = noBasisHeadlines[unknown];
    if (!h) {
      h = headlineOf(index, q, bases);
      noBasisHeadlines[unknown] = h;
    }
    return h;
  }
  const slot = first.outcome === 'applicable' ? 0 : first.conditions.length + 1;
  // The best basis was built from its pair part just now (answers are shared only when parts are).
  const part = pair.parts[best.ordinal];
  if (slot >= HEADLINE_SLOTS || !part) return headlineOf(index, q, bases);
  const key = typeOrdinal * HEADLINE_SLOTS + slot;
  let h = part.headlines?.[key];
  if (!h) {
    // The best basis's statuses are its pair part's, so the part keeps who is party since when.
    if (!part.parties) part.parties = partiesOf(index, q, part.status);
    h = headlineOf(index, q, bases, part.parties);
    if (!part.headlines) part.headlines = [];
    part.headlines[key] = h;
  }
  return h;
}

function partySince(name: string, since: string | null): string {
  return since ? `${name} since ${since}` : `${name}, date unknown`;
}

/** "No applicable treaty is known …" by number of unknown bases (it names no State). */
const noBasisHeadlines: Headline[] = [];

/** Who is party since when, for the headline: fixed by the two States and the best basis's statuses
 * (so the pair part of its instrument keeps it, see sharedHeadline). */
interface Parties {
  requesting: string;
  requested: string;
  a: string | null;
  b: string | null;
  text: string;
}

function partiesOf(index: KnowledgeIndex, q: LegalBasisQuery, status: LegalBasis['status']): Parties {
  const requesting = stateName(index, q.requesting);
  const requested = stateName(index, q.requested);
  const a = sinceYear(status.requesting);
  const b = sinceYear(status.requested);
  const text = q.requesting === q.requested ? partySince(requesting, a) : `${partySince(requesting, a)}, ${partySince(requested, b)}`;
  return { requesting, requested, a, b, text };
}

function headlineOf(index: KnowledgeIndex, q: LegalBasisQuery, bases: LegalBasis[], known?: Parties): Headline {
  const best = bases[0];
  if (best && (best.outcome === 'applicable' || best.outcome === 'conditional')) {
    const { requesting, requested, a, b, text: parties } = known ?? partiesOf(index, q, best.status);
    const conditional = best.outcome === 'conditional';
    const text = conditional
      ? `Possible basis, on conditions: ${best.citation} — both States parties (${parties}); ${best.conditions.length === 1 ? '1 condition' : `${best.conditions.length} conditions`} to confirm`
      : `Best basis: ${best.citation} — both States parties (${parties})`;
    return {
      code: conditional ? 'conditional-basis' : 'best-basis',
      params: {
        instrument: best.instrument,
        citation: best.citation,
        requesting,
        requested,
        requestingSince: a,
        requestedSince: b,
        conditions: best.conditions.length,
      },
      text,
    };
  }
  let unknown = 0;
  for (const b of bases) if (b.outcome === 'unknown') unknown++;
  return {
    code: 'no-known-basis',
    params: { unknown },
    text: `No applicable treaty is known in the data: consider reciprocity or domestic law; ${unknown === 1 ? '1 instrument has' : `${unknown} instruments have`} unknown status`,
  };
}

const NO_CONTEXT: ContextInstrument[] = [];
const contextReasonCache = new WeakMap<Instrument, { codes: Said[]; texts: string[] }>();

function contextReasons(i: Instrument): { codes: Said[]; texts: string[] } {
  let reasons = contextReasonCache.get(i);
  if (!reasons) {
    // The notes are English data (no translation in the catalogue); a client words the code and
    // shows the notes as they are.
    const codes: Said[] = [
      {
        code: 'context-not-basis',
        params: { instrument: i.id, ...(i.notes ? { notes: i.notes } : {}) },
        text: `${i.id} is context, not a legal basis: ${i.notes ?? 'it has no clause for criminal cooperation.'}`,
      },
    ];
    reasons = { codes, texts: codes.map((r) => r.text) };
    contextReasonCache.set(i, reasons);
  }
  return reasons;
}
