// The treaty knowledge model: instruments, their articles, who is party since when, and the
// reservations and declarations that change how an instrument can be used. Pure data types.
import type { CooperationType, OffenceId } from './taxonomy.ts';

/** An ISO 8601 calendar date, YYYY-MM-DD. Strings compare chronologically. */
export type IsoDate = string;

export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];
export type Titles = Partial<Record<UnLanguage, string>>;

export type InstrumentKind = 'universal' | 'regional' | 'bilateral';

export interface ScopeCondition {
  id: string;
  question: string;
  citation: string;
  /** The condition only arises when the offence is covered through this wildcard (e.g. Budapest
   * art. 23/25 for electronic evidence of offences other than those it defines). */
  onlyVia?: string;
  /** The condition only arises for these offences (UNCAC covers money laundering only for the
   * proceeds of corruption; for corruption itself the question answers itself). */
  onlyFor?: string[];
}

export interface CooperationProvision {
  articles: string[];
  notes?: string;
}

export interface Article {
  number: string;
  heading: string;
  text?: string;
}

/** When the treaty enters into force for a State that consents after it is in force, as its
 * final clauses say (the article cited, and the words of the text). */
export type EntryIntoForceRule =
  | { rule: 'days-after-deposit'; days: number; article: string; text: string }
  | { rule: 'first-day-of-month-after-months'; months: number; article: string; text: string }
  | { rule: 'months-after-deposit'; months: number; article: string; text: string };

/** Who may become party, as the final clauses say. `organisation` is an id of `organisations`. */
export type Eligibility =
  | { rule: 'any-state'; article: string; text: string }
  | { rule: 'members-and-invited'; organisation: string; article: string; text: string }
  | { rule: 'members-only'; organisation: string; article: string; text: string };

/** An organisation's member States, from a cited source at a date. */
export interface Organisation {
  id: string;
  name: string;
  members: string[];
  source: string;
  asOf: IsoDate;
}

export interface Instrument {
  id: string;
  titles: Titles;
  short: string;
  kind: InstrumentKind;
  /** Regional instruments open to non-member States by invitation (Council of Europe). */
  openToNonMembers?: boolean;
  depositary: string;
  adopted: IsoDate | null;
  entryIntoForce: IsoDate | null;
  /** Absent where the shipped text does not state it: the engine then stays conservative. */
  entryIntoForceForState?: EntryIntoForceRule;
  /** Absent where the final clauses are not in the shipped data ("to be confirmed"). */
  eligibility?: Eligibility;
  /** Short names per language (the `short` field is the English one). */
  shorts?: Titles;
  /** Where the titles in languages other than English come from. */
  titlesSource?: string;
  /** Parent Convention of a Protocol; the Protocol applies together with it. */
  supplements: string | null;
  contextOnly: boolean;
  /** Offence ids, or wildcards '*any-offence', '*any-extraditable', '*electronic-evidence'. */
  offences: string[];
  scopeConditions: ScopeCondition[];
  cooperation: Partial<Record<CooperationType, CooperationProvision>>;
  notes: string | null;
  articlesChecked: boolean;
  articles: Article[];
  /** For bilateral treaties: the two States. */
  states?: [string, string];
  curated?: boolean;
  /** For a treaty declared by a State's own node: its provenance ("declared by …, node …, signed on …"). */
  declaredBy?: string;
  /** The depositary's reference: UNTC MTDSG number ('XVIII-12'), CoE treaty number ('185'), … */
  reference?: Partial<Record<'untc' | 'coe' | 'oas' | 'asean' | 'depositary', string>>;
}

export type ConsentKind =
  | 'ratification'
  | 'accession'
  | 'acceptance'
  | 'approval'
  | 'succession'
  | 'definitive-signature'
  | 'unknown';

export interface Participation {
  /** ISO 3166-1 alpha-3, or EUU. */
  state: string;
  signature?: IsoDate;
  /** Date of the instrument of consent; absent when the source gives none. */
  consent?: IsoDate;
  /** Present when the State has consented to be bound; absent for a signatory only. */
  consentKind?: ConsentKind;
  entryIntoForce?: IsoDate;
  denunciation?: IsoDate;
  source: string;
  /** Date at which the source attests this fact (for undated consents: party at least since then). */
  asOf: IsoDate;
  curated?: boolean;
  /** Set when the fact is inferred from another instrument (a Protocol implies its Convention). */
  inferredFrom?: string;
}

export interface PartyList {
  instrument: string;
  /** Complete as of `asOf`: a State absent from it was not party at that date. */
  complete: boolean;
  source: string;
  asOf: IsoDate;
  participations: Participation[];
}

export type ReservationKind = 'reservation' | 'declaration' | 'notification';

export type ReservationEffect =
  | { kind: 'no-treaty-basis-for-extradition' }
  | { kind: 'treaty-basis-for-extradition' }
  | { kind: 'central-authority'; name: string }
  | { kind: 'languages'; languages: string[] }
  | { kind: 'territorial-exclusion' }
  | { kind: 'dispute-settlement'; relevantToCooperation: false }
  | { kind: 'other' };

export type ReservationEffectKind = ReservationEffect['kind'];

export interface Reservation {
  state: string;
  instrument: string;
  kind: ReservationKind;
  text: string;
  source: string;
  effects: ReservationEffect[];
  curated?: boolean;
}

export interface OffenceCategory {
  id: OffenceId;
  label: string;
  iccs: string | null;
}

export interface CooperationTypeInfo {
  id: CooperationType;
  label: string;
}

export interface Country {
  code: string;
  alpha2: string;
  kind: 'state' | 'regional-organisation';
  names: Titles;
  aliases: string[];
  region: string | null;
  subRegion: string | null;
}

/** Everything the engine knows, as loaded from shipped data or the database. */
export interface KnowledgeSnapshot {
  dataAsOf: IsoDate;
  instruments: Instrument[];
  partyLists: PartyList[];
  reservations: Reservation[];
  countries: Country[];
  offences: OffenceCategory[];
  cooperationTypes: CooperationTypeInfo[];
  /** Sourced member lists of organisations named by eligibility rules (may be empty). */
  organisations?: Organisation[];
}
