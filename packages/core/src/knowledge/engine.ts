// The legal-basis engine: which instruments apply between two States for an offence and a kind of
// cooperation at a date, each with its articles, open questions, reservations, status and reasons.
import {
  type AnswerArticle,
  type Candidate,
  type KnowledgeIndex,
  instrumentStatus,
  type StatusTable,
  specificityRank,
  statusIn,
  statusTableFor,
} from './knowledge-index.ts';
import type { Instrument, IsoDate, Reservation, ReservationEffectKind } from './model.ts';
import { describeEffect } from './reservations.ts';
import type { StatusFact, StatusState } from './status.ts';
import type { CooperationType, OffenceId } from './taxonomy.ts';

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
}

export interface AnswerReservation {
  state: string;
  instrument: string;
  text: string;
  effect: ReservationEffectKind;
  description: string;
  source: string;
}

export interface LegalBasis {
  instrument: string;
  title: string;
  short: string;
  kind: Instrument['kind'];
  outcome: Outcome;
  articles: AnswerArticle[];
  status: { requesting: StatusSummary; requested: StatusSummary };
  conditions: string[];
  reservations: AnswerReservation[];
  reasons: string[];
  citation: string;
  /** For a Protocol: the Convention it applies together with. */
  appliesWith?: string;
}

export interface ContextInstrument {
  instrument: string;
  title: string;
  contextOnly: true;
  status: { requesting: StatusSummary; requested: StatusSummary };
  reasons: string[];
}

export interface LegalBasisAnswer {
  query: { requesting: string; requested: string; type: CooperationType; offence: OffenceId; date: IsoDate };
  dataAsOf: IsoDate;
  bases: LegalBasis[];
  /** Instruments that matter for the offence but are not a legal basis (CITES, UNESCO 1970, UNCLOS). */
  context: ContextInstrument[];
}

const OUTCOME_ORDER: Record<Outcome, number> = { applicable: 0, conditional: 1, unknown: 2, 'not-applicable': 3 };
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
  fact.summary = s;
  return s;
}

/** Combine a Protocol status with its Convention's: the Protocol needs both. */
function combine(child: StatusFact, parent: StatusFact): StatusFact {
  if (child.state === 'not-party') return child;
  if (parent.state === 'not-party') return { ...parent, reason: parent.reason };
  if (child.state === 'unknown') return child;
  if (parent.state === 'unknown') return parent;
  return child;
}

function reservationsFor(
  index: KnowledgeIndex,
  instrumentIds: string[],
  state: string,
  type: CooperationType,
): AnswerReservation[] {
  let out: AnswerReservation[] | undefined;
  for (const id of instrumentIds) {
    const list: Reservation[] | undefined = index.reservations.get(id)?.get(state);
    if (!list) continue;
    for (const r of list) {
      for (const e of r.effects) {
        if (!effectMatters(e.kind, type)) continue;
        out ??= [];
        out.push({
          state,
          instrument: r.instrument,
          text: r.text,
          effect: e.kind,
          description: describeEffect(e),
          source: r.source,
        });
      }
    }
  }
  return out ?? NO_RESERVATIONS;
}

function instrumentInForce(instrument: Instrument, date: IsoDate): { state: StatusState; reason?: string } {
  if (instrument.adopted && instrument.adopted > date) {
    return { state: 'not-party', reason: `${instrument.id} was adopted only on ${instrument.adopted}, after ${date}.` };
  }
  if (!instrument.entryIntoForce) {
    return {
      state: 'unknown',
      reason: `Whether ${instrument.id} is in force is not in the data (missing fact: its date of entry into force).`,
    };
  }
  if (instrument.entryIntoForce > date) {
    return {
      state: 'not-party',
      reason: `${instrument.id} entered into force only on ${instrument.entryIntoForce}, after ${date}.`,
    };
  }
  return { state: 'party' };
}

const inForceCache = new WeakMap<KnowledgeIndex, Map<IsoDate, Map<string, { state: StatusState; reason?: string }>>>();

/** Memoised per index, date and instrument: the same few dates are asked again and again. */
function inForceTable(index: KnowledgeIndex, date: IsoDate): Map<string, { state: StatusState; reason?: string }> {
  let byDate = inForceCache.get(index);
  if (!byDate) {
    byDate = new Map();
    inForceCache.set(index, byDate);
  }
  let table = byDate.get(date);
  if (!table) {
    if (byDate.size >= 8) byDate.clear();
    table = new Map();
    for (const i of index.instrumentOrder) table.set(i.id, instrumentInForce(i, date));
    byDate.set(date, table);
  }
  return table;
}

function evaluate(
  index: KnowledgeIndex,
  c: Candidate,
  q: LegalBasisQuery,
  inForceByInstrument: Map<string, { state: StatusState; reason?: string }>,
  table: StatusTable,
): LegalBasis {
  const i = c.instrument;
  const reasons: string[] = [];
  let blocked = false;
  let unknown = false;

  const inForce = inForceByInstrument.get(i.id) ?? instrumentInForce(i, q.date);
  if (inForce.reason) reasons.push(inForce.reason);
  if (inForce.state === 'not-party') blocked = true;
  if (inForce.state === 'unknown') unknown = true;

  let a = statusIn(table, index, i.id, q.requesting, q.date);
  let b = statusIn(table, index, i.id, q.requested, q.date);
  const ids = [i.id];
  if (i.supplements) {
    ids.push(i.supplements);
    const pa = statusIn(table, index, i.supplements, q.requesting, q.date);
    const pb = statusIn(table, index, i.supplements, q.requested, q.date);
    if (pa !== a && pa.state !== 'party') reasons.push(`${i.supplements}: ${pa.reason}`);
    if (pb !== b && pb.state !== 'party') reasons.push(`${i.supplements}: ${pb.reason}`);
    a = combine(a, pa);
    b = combine(b, pb);
  }
  reasons.push(a.reason);
  if (q.requested !== q.requesting) reasons.push(b.reason);
  for (const s of [a, b]) {
    if (s.state === 'not-party') blocked = true;
    else if (s.state === 'unknown') unknown = true;
  }

  const resA = reservationsFor(index, ids, q.requesting, q.type);
  const resB = q.requested === q.requesting ? NO_RESERVATIONS : reservationsFor(index, ids, q.requested, q.type);
  let conditions = c.conditions;
  if (q.type === 'extradition') {
    if (resB.some((r) => r.effect === 'no-treaty-basis-for-extradition')) {
      blocked = true;
      reasons.push(
        `${q.requested} (requested) does not take ${i.supplements ?? i.id} as the legal basis for extradition (declaration under its extradition article): it is not a basis for this request.`,
      );
    }
    if (resA.some((r) => r.effect === 'no-treaty-basis-for-extradition')) {
      conditions = [
        ...conditions,
        `${q.requesting} (requesting) does not itself take ${i.supplements ?? i.id} as the legal basis for extradition: will ${q.requested} extradite without reciprocity?`,
      ];
    }
  }
  const reservations = resA.length === 0 ? resB : resB.length === 0 ? resA : [...resA, ...resB];

  for (const r of c.staticReasons) reasons.push(r);
  const articles = q.includeText === false ? c.articlesWithoutText : c.articles;

  let outcome: Outcome;
  if (blocked) outcome = 'not-applicable';
  else if (unknown) outcome = 'unknown';
  else if (conditions.length > 0) outcome = 'conditional';
  else outcome = 'applicable';

  const basis: LegalBasis = {
    instrument: i.id,
    title: i.titles.en ?? i.short,
    short: i.short,
    kind: i.kind,
    outcome,
    articles,
    status: { requesting: summary(a), requested: summary(b) },
    conditions,
    reservations,
    reasons,
    citation: articles.length ? `${i.id} art. ${articles.map((x) => x.number).join(', ')}` : i.id,
  };
  if (i.supplements) basis.appliesWith = i.supplements;
  return basis;
}

function notCovered(index: KnowledgeIndex, i: Instrument, q: LegalBasisQuery): LegalBasis {
  const reason = i.contextOnly
    ? `${i.id} is context only: it has no clause for criminal cooperation.`
    : !i.cooperation[q.type]
      ? `${i.id} does not provide ${q.type}.`
      : `${i.id} does not cover ${q.offence}.`;
  return {
    instrument: i.id,
    title: i.titles.en ?? i.short,
    short: i.short,
    kind: i.kind,
    outcome: 'not-applicable',
    articles: [],
    status: {
      requesting: summary(instrumentStatus(index, i.id, q.requesting, q.date)),
      requested: summary(instrumentStatus(index, i.id, q.requested, q.date)),
    },
    conditions: [],
    reservations: [],
    reasons: [reason],
    citation: i.id,
  };
}

function byRankThenOutcome(x: { basis: LegalBasis; rank: number }, y: { basis: LegalBasis; rank: number }): number {
  return x.rank - y.rank || OUTCOME_ORDER[x.basis.outcome] - OUTCOME_ORDER[y.basis.outcome];
}

/** Find the legal bases for a request. Inputs must already be resolved (see resolve.ts). */
export function findLegalBases(index: KnowledgeIndex, query: LegalBasisQuery): LegalBasisAnswer {
  const candidates = index.candidates.get(query.type)?.get(query.offence) ?? [];
  const inForce = inForceTable(index, query.date);
  const table = statusTableFor(index, query.date);
  const ranked: Array<{ basis: LegalBasis; rank: number }> = [];
  let sorted = true;
  let last: { basis: LegalBasis; rank: number } | undefined;
  for (const c of candidates) {
    const basis = evaluate(index, c, query, inForce, table);
    if (basis.outcome !== 'not-applicable' || query.all) {
      const entry = { basis, rank: c.rank };
      if (last && byRankThenOutcome(last, entry) > 0) sorted = false;
      ranked.push(entry);
      last = entry;
    }
  }
  if (query.all) {
    const seen = new Set(candidates.map((c) => c.instrument.id));
    for (const i of index.instrumentOrder) {
      if (!seen.has(i.id)) ranked.push({ basis: notCovered(index, i, query), rank: specificityRank(i) });
    }
  }
  // Most specific first; within a rank, the more usable answer first (the sort is stable, so
  // catalogue order breaks ties).
  if (!sorted || query.all) ranked.sort(byRankThenOutcome);
  const bases = ranked.map((r) => r.basis);
  const context: ContextInstrument[] = [];
  for (const i of index.context.get(query.offence) ?? []) {
    const a = instrumentStatus(index, i.id, query.requesting, query.date);
    const b = instrumentStatus(index, i.id, query.requested, query.date);
    context.push({
      instrument: i.id,
      title: i.titles.en ?? i.short,
      contextOnly: true,
      status: { requesting: summary(a), requested: summary(b) },
      reasons: [`${i.id} is context, not a legal basis: ${i.notes ?? 'it has no clause for criminal cooperation.'}`],
    });
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
    context,
  };
}
