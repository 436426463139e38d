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
import { COOPERATION_TYPES, type CooperationType, type OffenceId } from './taxonomy.ts';

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
  for (const id of instrumentIds) {
    for (const r of index.reservations.get(id)?.get(state) ?? []) {
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
  /** Headlines by requesting State, requested State, then cooperation type and best instrument
   * (which fix the citation); each slot of the array is one outcome (0: applicable, n + 1:
   * conditional with n conditions). */
  headlines: Map<string, Map<string, Map<number, Array<Headline | undefined>>>>;
}

/** Memoising headlines is on; the legal-basis benchmark turns it off once to measure the gain. */
let memoiseHeadlines = true;
export function setHeadlineMemo(on: boolean): void {
  memoiseHeadlines = on;
}

const dateCache = new WeakMap<KnowledgeIndex, Map<IsoDate, DateTables>>();

function tablesFor(index: KnowledgeIndex, date: IsoDate): DateTables {
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
    tables = { inForce, status: statusTableFor(index, date), sides: new Map(), headlines: new Map() };
    byDate.set(date, tables);
  }
  return tables;
}

/** Evaluate one candidate; null when it does not apply and the caller did not ask for all. */
function evaluate(
  index: KnowledgeIndex,
  c: Candidate,
  q: LegalBasisQuery,
  tables: DateTables,
  sidesA: Array<Side | undefined>,
  sidesB: Array<Side | undefined>,
  typeOrdinal: number,
): LegalBasis | null {
  const i = c.instrument;
  const inForce = tables.inForce[c.ordinal] ?? instrumentInForce(i, q.date);
  const a = sideOf(index, tables, sidesA, i, c.ordinal, q.requesting, q.date);
  const same = q.requested === q.requesting;
  const b = same ? a : sideOf(index, tables, sidesB, i, c.ordinal, q.requested, q.date);
  const extradition = q.type === 'extradition';
  const refusedByRequested = extradition && b.noTreatyBasisForExtradition;
  const blocked = inForce.state === 'not-party' || a.state === 'not-party' || b.state === 'not-party' || refusedByRequested;
  // Most candidates that do not apply are dropped here, before anything is built for them.
  if (blocked && !q.all) return null;
  const unknown = inForce.state === 'unknown' || a.state === 'unknown' || b.state === 'unknown';

  const reasons: string[] = [];
  const reasonCodes: Said[] = [];
  if (inForce.reason) {
    reasons.push(inForce.reason.text);
    reasonCodes.push(inForce.reason);
  }
  for (const r of a.reasons) reasons.push(r);
  for (const r of a.said) reasonCodes.push(r);
  if (!same) {
    for (const r of b.reasons) reasons.push(r);
    for (const r of b.said) reasonCodes.push(r);
  }

  const resA = sideReservations(index, a, q.type, typeOrdinal);
  const resB = same ? NO_RESERVATIONS : sideReservations(index, b, q.type, typeOrdinal);
  let conditions = c.conditions;
  let conditionCodes = c.conditionsSaid;
  if (extradition) {
    const basisOf = i.supplements ?? i.id;
    if (refusedByRequested) {
      const text = `${q.requested} (requested) does not take ${basisOf} as the legal basis for extradition (declaration under its extradition article): it is not a basis for this request.`;
      reasons.push(text);
      reasonCodes.push({ code: 'requested-no-treaty-basis', params: { requested: q.requested, instrument: basisOf }, text });
    }
    if (a.noTreatyBasisForExtradition) {
      const text = `${q.requesting} (requesting) does not itself take ${basisOf} as the legal basis for extradition: will ${q.requested} extradite without reciprocity?`;
      conditions = [...conditions, text];
      conditionCodes = [...conditionCodes, { code: 'requesting-no-treaty-basis', params: { requesting: q.requesting, requested: q.requested, instrument: basisOf }, text }];
    }
  }
  const reservations = resA.length === 0 ? resB : resB.length === 0 ? resA : [...resA, ...resB];
  for (const r of c.staticReasons) reasons.push(r);
  for (const r of c.staticSaid) reasonCodes.push(r);
  const articles = q.includeText === false ? c.articlesWithoutText : c.articles;

  let outcome: Outcome;
  if (blocked) outcome = 'not-applicable';
  else if (unknown) outcome = 'unknown';
  else if (conditions.length > 0) outcome = 'conditional';
  else outcome = 'applicable';

  const basis: LegalBasis = {
    instrument: i.id,
    title: c.title,
    titles: i.titles,
    short: i.short,
    kind: i.kind,
    outcome,
    articles,
    status: { requesting: a.summary, requested: b.summary },
    conditions,
    conditionCodes,
    reservations,
    reasons,
    reasonCodes,
    citation: c.citation,
    rank: 0,
  };
  if (i.supplements) basis.appliesWith = i.supplements;
  return basis;
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
  };
}

/** Find the legal bases for a request. Inputs must already be resolved (see resolve.ts).
 * Answers share immutable parts (articles, status summaries, conditions) with other answers:
 * callers must not mutate them. */
export function findLegalBases(index: KnowledgeIndex, query: LegalBasisQuery): LegalBasisAnswer {
  const candidates = index.candidates.get(query.type)?.get(query.offence) ?? [];
  const tables = tablesFor(index, query.date);
  const sidesA = sidesOf(tables, query.requesting);
  const sidesB = sidesOf(tables, query.requested);
  const typeOrdinal = TYPE_ORDINAL.get(query.type) ?? 0;
  const bases: LegalBasis[] = [];
  const keys: number[] = [];
  // The candidate behind each basis (none for the not-covered entries), kept in step with bases.
  const from: Array<Candidate | undefined> = [];
  for (const c of candidates) {
    const basis = evaluate(index, c, query, tables, sidesA, sidesB, typeOrdinal);
    if (!basis) continue;
    bases.push(basis);
    keys.push(orderKey(basis, c.general, c.adopted));
    from.push(c);
  }
  if (query.all) {
    const seen = new Set(candidates.map((c) => c.instrument.id));
    for (const i of index.instrumentOrder) {
      if (seen.has(i.id)) continue;
      const basis = notCovered(index, i, query);
      bases.push(basis);
      keys.push(orderKey(basis, true, adoptedNumber(i)));
      from.push(undefined);
    }
  }
  // Insertion sort: answers are short and stable order (catalogue order) breaks ties.
  for (let k = 1; k < bases.length; k++) {
    const basis = bases[k] as LegalBasis;
    const key = keys[k] as number;
    const c = from[k];
    let j = k - 1;
    while (j >= 0 && (keys[j] as number) > key) {
      bases[j + 1] = bases[j] as LegalBasis;
      keys[j + 1] = keys[j] as number;
      from[j + 1] = from[j];
      j--;
    }
    bases[j + 1] = basis;
    keys[j + 1] = key;
    from[j + 1] = c;
  }
  // Bases are shared with no other answer (statuses and articles are), so ranking them in place is safe.
  for (let k = 0; k < bases.length; k++) (bases[k] as LegalBasis).rank = k + 1;
  const contextInstruments = index.context.get(query.offence);
  let context: ContextInstrument[] = NO_CONTEXT;
  if (contextInstruments && contextInstruments.length > 0) {
    context = [];
    for (const i of contextInstruments) {
      const ordinal = index.ordinals.get(i.id) ?? 0;
      const a = sideOf(index, tables, sidesA, i, ordinal, query.requesting, query.date);
      const b = sideOf(index, tables, sidesB, i, ordinal, query.requested, query.date);
      context.push({
        instrument: i.id,
        title: i.titles.en ?? i.short,
        contextOnly: true,
        status: { requesting: a.summary, requested: b.summary },
        reasons: contextReasons(i).map((r) => r.text),
        reasonCodes: contextReasons(i),
      });
    }
  }
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
    headline: memoiseHeadlines ? memoisedHeadline(index, tables, query, bases, from[0], typeOrdinal) : headlineOf(index, query, bases),
    context,
  };
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
 * statuses, fixed per date) or, when
 * there is none, on the number of unknown bases. So it is built once per pair of States and best
 * basis and shared by every answer with the same (callers must not mutate it).
 */
function memoisedHeadline(index: KnowledgeIndex, tables: DateTables, q: LegalBasisQuery, bases: LegalBasis[], best: Candidate | undefined, typeOrdinal: number): Headline {
  const first = bases[0];
  if (!first || !best || (first.outcome !== 'applicable' && first.outcome !== 'conditional')) {
    let unknown = 0;
    for (const b of bases) if (b.outcome === 'unknown') unknown++;
    let h = noBasisHeadlines[unknown];
    if (!h) {
      h = headlineOf(index, q, bases);
      noBasisHeadlines[unknown] = h;
    }
    return h;
  }
  let byRequested = tables.headlines.get(q.requesting);
  if (!byRequested) {
    byRequested = new Map();
    tables.headlines.set(q.requesting, byRequested);
  }
  let byKey = byRequested.get(q.requested);
  if (!byKey) {
    byKey = new Map();
    byRequested.set(q.requested, byKey);
  }
  const key = typeOrdinal * index.instrumentOrder.length + best.ordinal;
  let slots = byKey.get(key);
  if (!slots) {
    slots = [];
    byKey.set(key, slots);
  }
  const slot = first.outcome === 'applicable' ? 0 : first.conditions.length + 1;
  let h = slots[slot];
  if (!h) {
    h = headlineOf(index, q, bases);
    slots[slot] = h;
  }
  return h;
}

/** "No applicable treaty is known …" by number of unknown bases (it names no State). */
const noBasisHeadlines: Headline[] = [];

function headlineOf(index: KnowledgeIndex, q: LegalBasisQuery, bases: LegalBasis[]): Headline {
  const best = bases[0];
  if (best && (best.outcome === 'applicable' || best.outcome === 'conditional')) {
    const requesting = stateName(index, q.requesting);
    const requested = stateName(index, q.requested);
    const a = sinceYear(best.status.requesting);
    const b = sinceYear(best.status.requested);
    const who = (name: string, since: string | null) => (since ? `${name} since ${since}` : `${name}, date unknown`);
    const parties =
      q.requesting === q.requested ? who(requesting, a) : `${who(requesting, a)}, ${who(requested, b)}`;
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
const contextReasonCache = new WeakMap<Instrument, Said[]>();

function contextReasons(i: Instrument): Said[] {
  let reasons = contextReasonCache.get(i);
  if (!reasons) {
    // The notes are English data (no translation in the catalogue); a client words the code and
    // shows the notes as they are.
    reasons = [
      {
        code: 'context-not-basis',
        params: { instrument: i.id, ...(i.notes ? { notes: i.notes } : {}) },
        text: `${i.id} is context, not a legal basis: ${i.notes ?? 'it has no clause for criminal cooperation.'}`,
      },
    ];
    contextReasonCache.set(i, reasons);
  }
  return reasons;
}
