// Seizure events and maritime incidents (issue 14): the one model across crime domains, and the pure
// checks every record passes before it is stored — from the API, the import or the generator:
// coordinates in range, real dates not in the future, IMO numbers with their check digit, species,
// substances and ICCS codes from the shipped reference lists (unknown names answered with the
// closest ones). Problems are `{ field, code, params }` so the UI says them in the user's language.
import { levenshtein } from '../matching/similarity.ts';

export const SEIZURE_DOMAINS = ['wildlife', 'drugs', 'medical', 'tobacco', 'other'] as const;
export type SeizureDomain = (typeof SEIZURE_DOMAINS)[number];

export const SEIZURE_PARTY_ROLES = ['consignor', 'consignee', 'carrier', 'owner', 'payer'] as const;
export const INCIDENT_PARTY_ROLES = ['owner', 'operator', 'master', 'charterer', 'agent'] as const;
export type SeizurePartyRole = (typeof SEIZURE_PARTY_ROLES)[number];
export type IncidentPartyRole = (typeof INCIDENT_PARTY_ROLES)[number];
export const PARTY_KINDS = ['person', 'company', 'vessel', 'other'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const LOCATION_KINDS = ['seaport', 'airport', 'land-border', 'mail-centre', 'inland', 'at-sea', 'other'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];
export const DETECTION_METHODS = ['risk-profiling', 'x-ray', 'detector-dog', 'intelligence', 'documentary-check', 'physical-inspection', 'random-check', 'tip-off', 'other'] as const;
export type DetectionMethod = (typeof DETECTION_METHODS)[number];
export const CONVEYANCE_TYPES = ['container', 'vessel', 'flight', 'air-cargo', 'parcel', 'vehicle', 'rail', 'passenger', 'other'] as const;
export type ConveyanceType = (typeof CONVEYANCE_TYPES)[number];
export const ROUTE_STAGES = ['origin', 'transit', 'destination'] as const;
export type RouteStage = (typeof ROUTE_STAGES)[number];

export const SPECIMEN_TYPES = ['live', 'dead', 'ivory', 'horn', 'scales', 'skins', 'bones', 'meat', 'timber', 'swim-bladder', 'fins', 'eggs', 'derivatives', 'other'] as const;
export const TOBACCO_PRODUCTS = ['cigarettes', 'cigars', 'raw-tobacco', 'water-pipe-tobacco', 'heated-tobacco', 'other'] as const;
export const TAX_STAMPS = ['none', 'genuine', 'counterfeit', 'foreign'] as const;
export const UNITS = ['kg', 'g', 't', 'l', 'pieces', 'specimens', 'sticks', 'tablets', 'doses', 'packs', 'm3', 'currency'] as const;
export type Unit = (typeof UNITS)[number];

export const INCIDENT_KINDS = ['piracy', 'armed-robbery', 'boarding', 'hijacking', 'kidnapping', 'attempted', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const VESSEL_STATUSES = ['underway', 'anchored', 'berthed'] as const;
export type VesselStatus = (typeof VESSEL_STATUSES)[number];
export const CREW_CONSEQUENCES = ['hostage', 'kidnapped', 'injured', 'killed', 'missing', 'assaulted', 'threatened'] as const;
export type CrewConsequence = (typeof CREW_CONSEQUENCES)[number];

export interface WildlifeItem {
  domain: 'wildlife';
  species: string;
  /** From the species list when known; a value sent that contradicts the list is refused. */
  citesAppendix?: 'I' | 'II' | 'III' | 'I/II' | null | undefined;
  specimenType: (typeof SPECIMEN_TYPES)[number];
  quantity: number;
  unit: Unit;
}
export interface DrugItem {
  domain: 'drugs';
  substance: string;
  quantity: number;
  unit: Unit;
  /** Percent by weight, when a laboratory measured it. */
  purity?: number | null | undefined;
}
export interface MedicalItem {
  domain: 'medical';
  product: string;
  activeIngredient?: string | undefined;
  batch?: string | undefined;
  claimedManufacturer?: string | undefined;
  /** falsified (deliberately misrepresented) or substandard (a genuine product failing its specification). */
  status?: 'falsified' | 'substandard' | 'unregistered' | undefined;
  quantity: number;
  unit: Unit;
}
export interface TobaccoItem {
  domain: 'tobacco';
  productType: (typeof TOBACCO_PRODUCTS)[number];
  brand?: string | undefined;
  quantity: number;
  /** sticks for cigarettes and cigars, kg for loose tobacco. */
  unit: Unit;
  taxStamps?: (typeof TAX_STAMPS)[number] | undefined;
}
export interface OtherItem {
  domain: 'other';
  description: string;
  quantity?: number | undefined;
  unit?: Unit | undefined;
  /** ISO 4217, for cash (unit 'currency'). */
  currency?: string | undefined;
}
export type SeizedItem = WildlifeItem | DrugItem | MedicalItem | TobaccoItem | OtherItem;

export interface RouteStop {
  stage: RouteStage;
  country: string;
  port?: string | undefined;
}

export interface RegistryParty {
  role: string;
  kind: PartyKind;
  name: string;
  /** An entity of the record's case this party is. */
  entityId?: string | null | undefined;
  identifier?: string | undefined;
}

export interface Conveyance {
  vesselName?: string | undefined;
  vesselImo?: string | undefined;
  vesselFlag?: string | undefined;
  containerNumber?: string | undefined;
  flightNumber?: string | undefined;
  airWaybill?: string | undefined;
  trackingNumber?: string | undefined;
  vehicleRegistration?: string | undefined;
}

/** What a seizure record says, as validated at the edge (the contract's schema has the same shape). */
export interface SeizureInput {
  reference?: string | undefined;
  occurredAt: string;
  country: string;
  place?: string | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  locationKind: LocationKind;
  locationPoint?: string | undefined;
  authority: string;
  detectionMethod: DetectionMethod;
  conveyanceType: ConveyanceType;
  conveyance?: Conveyance | undefined;
  route?: RouteStop[] | undefined;
  parties?: RegistryParty[] | undefined;
  items: SeizedItem[];
  iccsCode: string;
  summary?: string | undefined;
  caseId?: string | null | undefined;
}

export interface IncidentInput {
  reference?: string | undefined;
  occurredAt: string;
  latitude: number;
  longitude: number;
  area?: string | undefined;
  country?: string | null | undefined;
  vessel: { name: string; imo?: string | undefined; flag?: string | undefined; type: string };
  vesselStatus: VesselStatus;
  kind: IncidentKind;
  narrative: string;
  crew?: Partial<Record<CrewConsequence, number>> | undefined;
  reportingSource: string;
  iccsCode?: string | undefined;
  parties?: RegistryParty[] | undefined;
  caseId?: string | null | undefined;
}

/** A problem with one field of a record: a stable code and its parameters; the client writes the sentence. */
export interface RecordProblem {
  field: string;
  code: string;
  params?: Record<string, string | number | string[]> | undefined;
}

// ── Reference lists ─────────────────────────────────────────────────────────────────────────

export interface SpeciesEntry {
  name: string;
  common: string;
  cites: 'I' | 'II' | 'III' | 'I/II' | null;
}
export interface SubstanceEntry {
  name: string;
  aliases: string[];
  control: string | null;
}
export interface IccsEntry {
  code: string;
  level: number;
  title: string;
  certain: boolean;
}
export interface ReferenceLists {
  species: readonly SpeciesEntry[];
  substances: readonly SubstanceEntry[];
  iccs: readonly IccsEntry[];
}

/** Lower case, accents and punctuation folded to single spaces: the key names are compared and indexed by. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Up to `limit` names closest to `query` (edit distance on the keys, at most a third of the longer one). */
export function closeMatches(query: string, names: readonly string[], limit = 3): string[] {
  const q = nameKey(query);
  const scored = names
    .map((n) => {
      const k = nameKey(n);
      // A name that contains the query (or the reverse) is close whatever its length.
      const d = k.includes(q) || q.includes(k) ? 0.5 : levenshtein(q, k);
      return { n, d, max: Math.max(q.length, k.length) };
    })
    .filter((s) => s.d <= Math.max(2, Math.ceil(s.max / 3)))
    .sort((a, b) => a.d - b.d || (a.n < b.n ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.n);
}

export function findSpecies(lists: ReferenceLists, name: string): SpeciesEntry | undefined {
  const k = nameKey(name);
  return lists.species.find((s) => nameKey(s.name) === k);
}

export function findSubstance(lists: ReferenceLists, name: string): SubstanceEntry | undefined {
  const k = nameKey(name);
  return lists.substances.find((s) => nameKey(s.name) === k || s.aliases.some((a) => nameKey(a) === k));
}

export function findIccs(lists: ReferenceLists, code: string): IccsEntry | undefined {
  return lists.iccs.find((c) => c.code === code);
}

// ── Checks ──────────────────────────────────────────────────────────────────────────────────

/** IMO ship identification number: 7 digits, the last the check digit (sum of digits 1-6 weighted 7..2, mod 10). */
export function isValidImo(imo: string): boolean {
  const digits = imo.replace(/^IMO\s*/i, '');
  if (!/^\d{7}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  return sum % 10 === Number(digits[6]);
}

/** The seven digits of an IMO number written with or without the "IMO" prefix. */
export function normaliseImo(imo: string): string {
  return imo.replace(/^IMO\s*/i, '').trim();
}

export function checkCoordinates(lat: number | null | undefined, lon: number | null | undefined, problems: RecordProblem[], required = false): void {
  if ((lat === null || lat === undefined) !== (lon === null || lon === undefined)) {
    problems.push({ field: lat === null || lat === undefined ? 'latitude' : 'longitude', code: 'coordinates_incomplete' });
    return;
  }
  if (lat === null || lat === undefined || lon === null || lon === undefined) {
    if (required) problems.push({ field: 'latitude', code: 'coordinates_required' });
    return;
  }
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) problems.push({ field: 'latitude', code: 'latitude_out_of_range', params: { value: String(lat) } });
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) problems.push({ field: 'longitude', code: 'longitude_out_of_range', params: { value: String(lon) } });
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * When a record's event happened: a calendar date or a date and time (UTC unless an offset is
 * given). A day that does not exist (31 February) or a time after `now` is a problem.
 */
export function parseEventTime(value: string, now: Date, field: string, problems: RecordProblem[]): { at: Date; timeKnown: boolean } | null {
  const m = DATE_RE.exec(value.trim());
  if (!m) {
    problems.push({ field, code: 'date_invalid', params: { value } });
    return null;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) {
    problems.push({ field, code: 'date_impossible', params: { value } });
    return null;
  }
  let at = day;
  const timeKnown = m[4] !== undefined;
  if (timeKnown) {
    const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
    if (h > 23 || mi > 59 || s > 59) {
      problems.push({ field, code: 'date_impossible', params: { value } });
      return null;
    }
    let offsetMinutes = 0;
    const tz = m[7];
    if (tz && tz !== 'Z') {
      const sign = tz.startsWith('-') ? -1 : 1;
      const digits = tz.slice(1).replace(':', '');
      offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    }
    at = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000);
  }
  if (y < 1900) {
    problems.push({ field, code: 'date_too_early', params: { value } });
    return null;
  }
  // A date-only record of today is fine: compare the day for dates, the instant for times.
  if (timeKnown ? at.getTime() > now.getTime() : at.getTime() > Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) {
    problems.push({ field, code: 'date_in_future', params: { value } });
    return null;
  }
  return { at, timeKnown };
}

function checkImo(imo: string | undefined, field: string, problems: RecordProblem[]): void {
  if (imo !== undefined && imo !== '' && !isValidImo(imo)) problems.push({ field, code: 'imo_invalid', params: { value: imo } });
}

function checkIccs(lists: ReferenceLists, code: string, problems: RecordProblem[]): void {
  if (!findIccs(lists, code)) problems.push({ field: 'iccsCode', code: 'iccs_unknown', params: { value: code, suggestions: lists.iccs.filter((c) => c.code.startsWith(code.slice(0, 2))).map((c) => c.code).slice(0, 5) } });
}

/** The item with its name as the reference list spells it and the CITES appendix filled in. */
export function canonicalItem(lists: ReferenceLists, item: SeizedItem, index: number, problems: RecordProblem[]): SeizedItem {
  const field = `items.${index}`;
  if ((item.domain !== 'other' || item.quantity !== undefined) && item.quantity !== undefined && !(item.quantity > 0)) problems.push({ field: `${field}.quantity`, code: 'quantity_not_positive' });
  switch (item.domain) {
    case 'wildlife': {
      const found = findSpecies(lists, item.species);
      if (!found) {
        problems.push({ field: `${field}.species`, code: 'species_unknown', params: { value: item.species, suggestions: closeMatches(item.species, lists.species.map((s) => s.name)) } });
        return item;
      }
      if (item.citesAppendix !== undefined && item.citesAppendix !== null && found.cites !== null && item.citesAppendix !== found.cites && !found.cites.split('/').includes(item.citesAppendix)) {
        problems.push({ field: `${field}.citesAppendix`, code: 'cites_appendix_mismatch', params: { value: item.citesAppendix, listed: found.cites, species: found.name } });
      }
      return { ...item, species: found.name, citesAppendix: item.citesAppendix ?? found.cites };
    }
    case 'drugs': {
      const found = findSubstance(lists, item.substance);
      if (!found) {
        // Aliases are matched too, but the list's own name is what is offered.
        const canonical = new Map(lists.substances.flatMap((s) => [s.name, ...s.aliases].map((n) => [n, s.name] as const)));
        const suggestions = [...new Set(closeMatches(item.substance, [...canonical.keys()], 10).map((n) => canonical.get(n) as string))].slice(0, 3);
        problems.push({ field: `${field}.substance`, code: 'substance_unknown', params: { value: item.substance, suggestions } });
        return item;
      }
      if (item.purity !== undefined && item.purity !== null && !(item.purity > 0 && item.purity <= 100)) problems.push({ field: `${field}.purity`, code: 'purity_out_of_range', params: { value: String(item.purity) } });
      return { ...item, substance: found.name };
    }
    case 'tobacco':
      if (item.productType === 'cigarettes' && item.unit !== 'sticks' && item.unit !== 'packs' && item.unit !== 'kg') problems.push({ field: `${field}.unit`, code: 'unit_not_for_tobacco', params: { value: item.unit } });
      return item;
    case 'medical':
      return item;
    case 'other':
      if (item.unit === 'currency' && !item.currency) problems.push({ field: `${field}.currency`, code: 'currency_required' });
      return item;
    default: {
      const never: never = item;
      return never;
    }
  }
}

/** The name an item is listed and searched under. */
export function itemName(item: SeizedItem): string {
  switch (item.domain) {
    case 'wildlife':
      return item.species;
    case 'drugs':
      return item.substance;
    case 'medical':
      return item.product;
    case 'tobacco':
      return item.brand ?? item.productType;
    case 'other':
      return item.description;
    default: {
      const never: never = item;
      return never;
    }
  }
}

/** Checks a seizure and returns it with canonical names, or the problems found (all of them, not the first). */
export function checkSeizure(lists: ReferenceLists, input: SeizureInput, now: Date): { ok: true; seizure: SeizureInput; at: Date; timeKnown: boolean } | { ok: false; problems: RecordProblem[] } {
  const problems: RecordProblem[] = [];
  const when = parseEventTime(input.occurredAt, now, 'occurredAt', problems);
  checkCoordinates(input.latitude, input.longitude, problems);
  checkImo(input.conveyance?.vesselImo, 'conveyance.vesselImo', problems);
  checkIccs(lists, input.iccsCode, problems);
  if (input.items.length === 0) problems.push({ field: 'items', code: 'items_required' });
  const items = input.items.map((item, i) => canonicalItem(lists, item, i, problems));
  (input.parties ?? []).forEach((p, i) => {
    if (!(SEIZURE_PARTY_ROLES as readonly string[]).includes(p.role)) problems.push({ field: `parties.${i}.role`, code: 'party_role_unknown', params: { value: p.role, allowed: [...SEIZURE_PARTY_ROLES] } });
  });
  if (problems.length || !when) return { ok: false, problems };
  const conveyance = input.conveyance?.vesselImo ? { ...input.conveyance, vesselImo: normaliseImo(input.conveyance.vesselImo) } : input.conveyance;
  return { ok: true, seizure: { ...input, conveyance, items }, at: when.at, timeKnown: when.timeKnown };
}

export function checkIncident(lists: ReferenceLists, input: IncidentInput, now: Date): { ok: true; incident: IncidentInput; at: Date; timeKnown: boolean } | { ok: false; problems: RecordProblem[] } {
  const problems: RecordProblem[] = [];
  const when = parseEventTime(input.occurredAt, now, 'occurredAt', problems);
  checkCoordinates(input.latitude, input.longitude, problems, true);
  checkImo(input.vessel.imo, 'vessel.imo', problems);
  const iccsCode = input.iccsCode ?? defaultIncidentIccs(input.kind);
  checkIccs(lists, iccsCode, problems);
  for (const [k, n] of Object.entries(input.crew ?? {})) if (!(Number.isInteger(n) && (n as number) >= 0)) problems.push({ field: `crew.${k}`, code: 'crew_count_invalid' });
  (input.parties ?? []).forEach((p, i) => {
    if (!(INCIDENT_PARTY_ROLES as readonly string[]).includes(p.role)) problems.push({ field: `parties.${i}.role`, code: 'party_role_unknown', params: { value: p.role, allowed: [...INCIDENT_PARTY_ROLES] } });
  });
  if (problems.length || !when) return { ok: false, problems };
  const vessel = input.vessel.imo ? { ...input.vessel, imo: normaliseImo(input.vessel.imo) } : input.vessel;
  return { ok: true, incident: { ...input, vessel, iccsCode }, at: when.at, timeKnown: when.timeKnown };
}

/** Piracy is an act of universal jurisdiction; robbery at sea and the other kinds are robbery. */
export function defaultIncidentIccs(kind: IncidentKind): string {
  return kind === 'piracy' || kind === 'hijacking' ? '11012' : '0401';
}

/** The default ICCS code of a seizure by its first item's domain. */
export function defaultSeizureIccs(domain: SeizureDomain): string {
  switch (domain) {
    case 'wildlife':
      return '1003';
    case 'drugs':
      return '06012';
    case 'medical':
      return '09029';
    case 'tobacco':
      return '08083';
    case 'other':
      return '08082';
    default: {
      const never: never = domain;
      return never;
    }
  }
}

export function seizureKey(id: string): string {
  return `seizure:${id}`;
}
export function incidentKey(id: string): string {
  return `maritime-incident:${id}`;
}
