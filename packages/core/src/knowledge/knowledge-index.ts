// Precomputed lookups over a knowledge snapshot, built once so that a legal-basis query is a
// handful of map reads: the whole matrix of States, types and offences must run in seconds.
import type {
  Article,
  Country,
  Instrument,
  IsoDate,
  KnowledgeSnapshot,
  Participation,
  PartyList,
  Reservation,
} from './model.ts';
import { normaliseName } from './resolve.ts';
import { because, type Said } from './said.ts';
import { eligibilityOf } from './entry-into-force.ts';
import { type StatusFact, statusFromParticipation } from './status.ts';
import {
  COOPERATION_TYPES,
  type CooperationType,
  isOffenceWildcard,
  OFFENCE_IDS,
  OFFENCE_WILDCARDS,
  type OffenceId,
} from './taxonomy.ts';

/** Rank used to sort bases, most specific first. */
export type SpecificityRank = 0 | 1 | 2 | 3;

export interface AnswerArticle {
  number: string;
  heading: string;
  text?: string;
  toBeConfirmed?: boolean;
}

/** An instrument that covers an offence for a cooperation type, with what the coverage requires. */
export interface Candidate {
  instrument: Instrument;
  /** Position of the instrument in `instrumentOrder`, for array-indexed lookups in the hot path. */
  ordinal: number;
  rank: SpecificityRank;
  /** How the offence is covered: the offence id itself or a wildcard. */
  via: string;
  conditions: string[];
  /** The same conditions, coded: a catalogue condition's code is its id in the data. */
  conditionsSaid: Said[];
  articles: AnswerArticle[];
  articlesWithoutText: AnswerArticle[];
  /** Reasons that depend only on the instrument, type and offence. */
  staticReasons: string[];
  staticSaid: Said[];
  /** Which of its instrument's distinct sets of static reasons this candidate has (-1: none), so
   * that the engine can keep, per pair of States, the reasons joined with each set (engine.ts). */
  staticSlot: number;
  title: string;
  /** "UNCAC art. 46", or the id alone when the data has no article. */
  citation: string;
  /** Covered through a wildcard or 'other serious crime' rather than made for the offence. */
  general: boolean;
  /** Adoption as YYYYMMDD (0 when unknown), to put the more recent first. */
  adopted: number;
  /** The instrument's fields that every basis copies, read here rather than from the instrument:
   * instruments come from JSON with different sets of optional fields (eight hidden classes in
   * the shipped data), so reading them in the engine's hot path went through megamorphic lookups;
   * candidates all have one shape. */
  id: string;
  short: string;
  titles: Instrument['titles'];
  kind: Instrument['kind'];
  /** For a Protocol, the Convention it applies together with; undefined otherwise. */
  appliesWith: string | undefined;
}

export interface KnowledgeIndex {
  snapshot: KnowledgeSnapshot;
  dataAsOf: IsoDate;
  instruments: Map<string, Instrument>;
  /** Instruments in catalogue order. */
  instrumentOrder: Instrument[];
  /** Instrument id → position in `instrumentOrder`. */
  ordinals: Map<string, number>;
  partyLists: Map<string, PartyList>;
  /** Key `${instrument}|${state}`. */
  participations: Map<string, Participation>;
  /** By instrument, then State. */
  reservations: Map<string, Map<string, Reservation[]>>;
  reservationsByState: Map<string, Reservation[]>;
  /** Protocols by parent Convention. */
  protocols: Map<string, Instrument[]>;
  /** By type, then offence: candidates in specificity order. */
  candidates: Map<CooperationType, Map<OffenceId, Candidate[]>>;
  /** Context-only instruments per offence. */
  context: Map<string, Instrument[]>;
  countries: Map<string, Country>;
  /** Sourced member lists of organisations, for eligibility rules. */
  organisationMembers: Map<string, Set<string>>;
  /** Upper-case alpha-2, alpha-3 and EU → alpha-3. */
  countryCodes: Map<string, string>;
  /** Normalised names in all languages and aliases → alpha-3. */
  countryNames: Map<string, string>;
  /** Per date, memoised status facts by instrument then State (nested maps avoid building a key
   * string per lookup in the hot path). */
  statusCache: Map<IsoDate, Map<string, Map<string, StatusFact>>>;
}

export function specificityRank(instrument: Instrument): SpecificityRank {
  if (instrument.kind === 'bilateral') return 0;
  if (instrument.kind === 'regional') return 1;
  const general = instrument.offences.some((o) => isOffenceWildcard(o) || o === 'other-serious-crime');
  return general ? 3 : 2;
}

function coverage(instrument: Instrument, offence: OffenceId, type: CooperationType): string | null {
  if (instrument.offences.includes(offence)) return offence;
  for (const o of instrument.offences) {
    if (!isOffenceWildcard(o)) continue;
    const allowed = OFFENCE_WILDCARDS[o].types as readonly CooperationType[] | null;
    if (allowed === null || allowed.includes(type)) return o;
  }
  return null;
}

function articlesFor(instrument: Instrument, type: CooperationType, withText: boolean): AnswerArticle[] {
  const numbers = instrument.cooperation[type]?.articles ?? [];
  const byNumber = new Map<string, Article>(instrument.articles.map((a) => [a.number, a]));
  return numbers.map((number) => {
    const a = byNumber.get(number);
    const out: AnswerArticle = { number, heading: a?.heading ?? '' };
    if (withText && a?.text) out.text = a.text;
    if (!instrument.articlesChecked || !a) out.toBeConfirmed = true;
    return out;
  });
}

function conditionsFor(instrument: Instrument, via: string, offence: OffenceId): Said[] {
  const out: Said[] = [];
  for (const c of instrument.scopeConditions) {
    if (c.onlyVia && c.onlyVia !== via) continue;
    if (c.onlyFor && !c.onlyFor.includes(offence)) continue;
    out.push({ code: c.id, params: { instrument: instrument.id, citation: c.citation }, text: `${c.question} (${c.citation})` });
  }
  if (isOffenceWildcard(via)) {
    const q = OFFENCE_WILDCARDS[via].question;
    if (q && !instrument.scopeConditions.some((c) => c.onlyVia === via)) out.push({ code: `wildcard-${via.slice(1)}`, params: { instrument: instrument.id }, text: q });
  }
  return out;
}

/** A State party to a Protocol must be party to its Convention (e.g. UNTOC art. 37(2)), so a
 * Protocol's party list also tells us about the Convention where the Convention's list is silent. */
function inferParentParticipations(
  snapshot: KnowledgeSnapshot,
  instruments: Map<string, Instrument>,
  participations: Map<string, Participation>,
): void {
  for (const list of snapshot.partyLists) {
    const child = instruments.get(list.instrument);
    const parentId = child?.supplements;
    if (!child || !parentId) continue;
    for (const p of list.participations) {
      if (!p.consentKind || p.denunciation) continue;
      const key = `${parentId}|${p.state}`;
      const existing = participations.get(key);
      const attested = p.consent ?? p.asOf;
      if (existing?.consentKind && (!existing.inferredFrom || (existing.asOf ?? '') <= attested)) continue;
      participations.set(key, {
        state: p.state,
        consentKind: 'unknown',
        source: `inferred: party to ${child.id} (${p.consent ? `consent ${p.consent}` : `as of ${p.asOf}`}; ${p.source}); only a party to ${parentId} can become party to its Protocols`,
        asOf: attested,
        inferredFrom: child.id,
      });
    }
  }
}

export function buildKnowledgeIndex(snapshot: KnowledgeSnapshot): KnowledgeIndex {
  const instruments = new Map(snapshot.instruments.map((i) => [i.id, i]));
  const partyLists = new Map(snapshot.partyLists.map((l) => [l.instrument, l]));
  const participations = new Map<string, Participation>();
  for (const list of snapshot.partyLists) {
    for (const p of list.participations) participations.set(`${list.instrument}|${p.state}`, p);
  }
  inferParentParticipations(snapshot, instruments, participations);

  const reservations = new Map<string, Map<string, Reservation[]>>();
  const reservationsByState = new Map<string, Reservation[]>();
  for (const r of snapshot.reservations) {
    let byState = reservations.get(r.instrument);
    if (!byState) {
      byState = new Map();
      reservations.set(r.instrument, byState);
    }
    byState.set(r.state, [...(byState.get(r.state) ?? []), r]);
    reservationsByState.set(r.state, [...(reservationsByState.get(r.state) ?? []), r]);
  }

  const protocols = new Map<string, Instrument[]>();
  for (const i of snapshot.instruments) {
    if (i.supplements) protocols.set(i.supplements, [...(protocols.get(i.supplements) ?? []), i]);
  }

  const candidates = new Map<CooperationType, Map<OffenceId, Candidate[]>>(COOPERATION_TYPES.map((t) => [t, new Map()]));
  const context = new Map<string, Instrument[]>();
  const ordinals = new Map(snapshot.instruments.map((i, n) => [i.id, n]));
  const order = snapshot.instruments.map((i, n) => ({ i, n, rank: specificityRank(i) }));
  // Per instrument, its distinct sets of static reasons (by their English text) and their slot.
  const staticSets = new Map<string, Map<string, { slot: number; reasons: string[]; said: Said[] }>>();
  order.sort((a, b) => a.rank - b.rank || a.n - b.n);
  for (const offence of OFFENCE_IDS) {
    context.set(
      offence,
      snapshot.instruments.filter((i) => i.contextOnly && i.offences.includes(offence)),
    );
    for (const type of COOPERATION_TYPES) {
      const list: Candidate[] = [];
      for (const { i, rank } of order) {
        if (i.contextOnly || !i.cooperation[type]) continue;
        const via = coverage(i, offence, type);
        if (!via) continue;
        const articles = articlesFor(i, type, true);
        const staticSaid: Said[] = [];
        const say = (code: string, params: Record<string, string>, text: string) => staticSaid.push({ code, params, text });
        if (i.supplements) say('applies-together', { instrument: i.id, parent: i.supplements }, `${i.id} applies together with ${i.supplements}: both States must be party to both.`);
        if (via !== offence) say('covered-through', { instrument: i.id, offence, via }, `${i.id} covers ${offence} through ${via}.`);
        if (articles.length === 0) say('articles-not-in-data', { instrument: i.id, type }, `The articles of ${i.id} that provide ${type} are not in the data.`);
        else if (!i.articlesChecked) say('articles-to-confirm', { instrument: i.id }, `Article numbers of ${i.id} are to be confirmed against the authentic text.`);
        let sets = staticSets.get(i.id);
        if (!sets) {
          sets = new Map();
          staticSets.set(i.id, sets);
        }
        const setKey = JSON.stringify(staticSaid);
        let set = sets.get(setKey);
        if (!set && staticSaid.length > 0) {
          set = { slot: sets.size, reasons: staticSaid.map((x) => x.text), said: staticSaid };
          sets.set(setKey, set);
        }
        const conditionsSaid = conditionsFor(i, via, offence);
        list.push({
          instrument: i,
          ordinal: ordinals.get(i.id) ?? 0,
          rank,
          via,
          conditions: conditionsSaid.map((x) => x.text),
          conditionsSaid,
          articles,
          articlesWithoutText: articlesFor(i, type, false),
          staticReasons: set?.reasons ?? [],
          staticSaid: set?.said ?? staticSaid,
          staticSlot: set?.slot ?? -1,
          title: i.titles.en ?? i.short,
          citation: articles.length ? `${i.id} art. ${articles.map((x) => x.number).join(', ')}` : i.id,
          general: via !== offence || offence === 'other-serious-crime',
          adopted: i.adopted ? Number(i.adopted.replaceAll('-', '')) : 0,
          id: i.id,
          short: i.short,
          titles: i.titles,
          kind: i.kind,
          appliesWith: i.supplements || undefined,
        });
      }
      candidates.get(type)?.set(offence, list);
    }
  }

  const countries = new Map(snapshot.countries.map((c) => [c.code, c]));
  const countryCodes = new Map<string, string>();
  const countryNames = new Map<string, string>();
  for (const c of snapshot.countries) {
    countryCodes.set(c.code.toUpperCase(), c.code);
    countryCodes.set(c.alpha2.toUpperCase(), c.code);
    for (const n of [...Object.values(c.names), ...c.aliases]) {
      const k = normaliseName(n);
      if (k && !countryNames.has(k)) countryNames.set(k, c.code);
    }
  }
  if (countries.has('EUU')) countryCodes.set('EU', 'EUU');

  return {
    snapshot,
    dataAsOf: snapshot.dataAsOf,
    instruments,
    instrumentOrder: snapshot.instruments,
    ordinals,
    partyLists,
    participations,
    reservations,
    reservationsByState,
    protocols,
    candidates,
    context,
    countries,
    organisationMembers: new Map((snapshot.organisations ?? []).map((o) => [o.id, new Set(o.members)])),
    countryCodes,
    countryNames,
    statusCache: new Map(),
  };
}

export type StatusTable = Map<string, Map<string, StatusFact>>;

/** The memo of status facts for one date (create it on first use). */
export function statusTableFor(index: KnowledgeIndex, date: IsoDate): StatusTable {
  let cache = index.statusCache.get(date);
  if (!cache) {
    // Only a few dates are ever hot (today, a benchmark date); keep memory bounded.
    if (index.statusCache.size >= 8) index.statusCache.clear();
    cache = new Map();
    index.statusCache.set(date, cache);
  }
  return cache;
}

/** Status of a State under an instrument, from a date's memo table. */
export function statusIn(
  table: StatusTable,
  index: KnowledgeIndex,
  instrumentId: string,
  state: string,
  date: IsoDate,
): StatusFact {
  let byState = table.get(instrumentId);
  if (!byState) {
    byState = new Map();
    table.set(instrumentId, byState);
  }
  const hit = byState.get(state);
  if (hit) return hit;
  const fact = computeStatus(index, instrumentId, state, date);
  byState.set(state, fact);
  return fact;
}

/** Status of a State under an instrument at a date, memoised per date. */
export function instrumentStatus(index: KnowledgeIndex, instrumentId: string, state: string, date: IsoDate): StatusFact {
  return statusIn(statusTableFor(index, date), index, instrumentId, state, date);
}

function computeStatus(index: KnowledgeIndex, instrumentId: string, state: string, date: IsoDate): StatusFact {
  const instrument = index.instruments.get(instrumentId);
  const list = index.partyLists.get(instrumentId);
  const p = index.participations.get(`${instrumentId}|${state}`);
  if (instrument?.kind === 'bilateral' && instrument.states && !instrument.states.includes(state)) {
    return {
      state: 'not-party',
      source: list?.source ?? 'instrument',
      asOf: list?.asOf ?? index.dataAsOf,
      ...because(
        'bilateral-between',
        { instrument: instrumentId, first: instrument.states[0], second: instrument.states[1] },
        `${instrumentId} is a bilateral treaty between ${instrument.states.join(' and ')}.`,
      ),
    };
  }
  const meta = list ?? {
    instrument: instrumentId,
    complete: false,
    source: 'no party list in the data',
    asOf: index.dataAsOf,
  };
  if (instrument && !p) {
    const eligibility = eligibilityOf(instrumentId, instrument.eligibility, state, index.organisationMembers);
    if (eligibility.verdict === 'not-eligible') {
      return {
        state: 'not-party',
        phase: 'not-eligible',
        source: `${eligibility.citation}; members of ${eligibility.organisation}: ${index.snapshot.organisations?.find((o) => o.id === eligibility.organisation)?.source ?? 'data'}`,
        asOf: list?.asOf ?? index.dataAsOf,
        ...because(
          'not-eligible',
          { state, instrument: instrumentId, citation: eligibility.citation, rule: instrument.eligibility?.text ?? '' },
          `${state} is not party to ${instrumentId} (not eligible, ${eligibility.citation}: ${instrument.eligibility?.text ?? ''}).`,
        ),
      };
    }
    const fact = statusFromParticipation(meta, p, state, date, statusOptions(instrument));
    if (fact.state === 'unknown' && eligibility.verdict === 'by-invitation') {
      const text = `${state} is not a member of ${eligibility.organisation}: it may join only when invited (${eligibility.citation}).`;
      fact.reason += ` ${text}`;
      fact.said = [...fact.said, { code: 'by-invitation', params: { state, organisation: eligibility.organisation, citation: eligibility.citation }, text }];
    }
    return fact;
  }
  return statusFromParticipation(meta, p, state, date, statusOptions(instrument));
}

function statusOptions(instrument: Instrument | undefined) {
  return {
    instrumentEntryIntoForce: instrument?.entryIntoForce ?? null,
    ...(instrument?.entryIntoForceForState ? { entryIntoForceRule: instrument.entryIntoForceForState } : {}),
  };
}
