// Curated facts: what an administrator adds or corrects by hand (a participation, a bilateral
// treaty, the effect of a reservation), always with a source and a note. They are laid over every
// imported version, so they survive re-imports; where a newer import disagrees, the conflict is
// reported for the administrator to settle instead of being silently resolved either way.
import { ValidationError } from '../shared/errors.ts';
import type {
  Article,
  ConsentKind,
  Instrument,
  IsoDate,
  KnowledgeSnapshot,
  Participation,
  PartyList,
  Reservation,
  ReservationEffect,
  ScopeCondition,
} from './model.ts';
import { reservationId } from './reservations.ts';
import { type CooperationType, isCooperationType, isOffenceId, isOffenceWildcard } from './taxonomy.ts';

export interface CuratedParticipation {
  kind: 'participation';
  instrument: string;
  state: string;
  signature?: IsoDate;
  consent?: IsoDate;
  /** Absent for a signatory that has not consented to be bound. */
  consentKind?: ConsentKind;
  entryIntoForce?: IsoDate;
  denunciation?: IsoDate;
}

export interface CuratedBilateralTreaty {
  kind: 'bilateral-treaty';
  id: string;
  title: string;
  states: [string, string];
  adopted: IsoDate | null;
  /** In force between the two States since; null when the curator does not know. */
  entryIntoForce: IsoDate | null;
  terminated?: IsoDate;
  /** Offence ids, or '*any-offence' / '*any-extraditable'. */
  offences: string[];
  cooperation: Partial<Record<CooperationType, { articles: string[]; notes?: string }>>;
  articles: Article[];
  scopeConditions: ScopeCondition[];
}

export interface CuratedReservationEffect {
  kind: 'reservation-effect';
  instrument: string;
  state: string;
  /** The reservation whose effect is corrected; absent to add a declaration missing from the data. */
  reservationId?: string;
  text: string;
  effects: ReservationEffect[];
}

export type CuratedFact = CuratedParticipation | CuratedBilateralTreaty | CuratedReservationEffect;
export type CurationKind = CuratedFact['kind'];

export interface Curation {
  id: string;
  fact: CuratedFact;
  source: string;
  note: string;
  createdAt: string;
  createdBy: string | null;
  /** The knowledge version that was current when the fact was curated. */
  basedOnVersion: number;
}

export interface CurationConflict {
  curationId: string;
  kind: CurationKind;
  instrument: string;
  state?: string;
  /** The import version that disagrees with the curated fact. */
  version: number;
  message: string;
  curated: unknown;
  imported: unknown;
}

/** Version in which each instrument's party list and reservations were last imported. */
export interface RecordVersions {
  partyLists: Map<string, number>;
  reservations: Map<string, number>;
}

const BILATERAL_ID = /^[A-Z0-9][A-Z0-9-]{2,59}$/;
const BILATERAL_WILDCARDS = new Set(['*any-offence', '*any-extraditable']);

/** Check a curated fact against what the knowledge base knows; throws ValidationError. */
export function checkCuratedFact(
  fact: CuratedFact,
  known: { instruments: Map<string, Instrument>; countries: Map<string, unknown>; reservationIds?: Set<string> },
): void {
  const state = (code: string, field: string) => {
    if (!known.countries.has(code)) throw new ValidationError('unknown_country', `${field}: "${code}" is not an ISO 3166 alpha-3 code in the data.`, { field });
  };
  const dates = (pairs: [string, string | null | undefined][]) => {
    for (const [field, value] of pairs) {
      if (value !== undefined && value !== null && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        throw new ValidationError('invalid_date', `${field}: expected YYYY-MM-DD, got "${value}".`, { field });
      }
    }
  };
  switch (fact.kind) {
    case 'participation': {
      const i = known.instruments.get(fact.instrument);
      if (!i) throw new ValidationError('unknown_instrument', `No instrument "${fact.instrument}".`, { field: 'instrument' });
      state(fact.state, 'state');
      if (i.kind === 'bilateral' && i.states && !i.states.includes(fact.state)) {
        throw new ValidationError('not_a_party_state', `${i.id} is a bilateral treaty between ${i.states.join(' and ')}.`, { field: 'state' });
      }
      dates([
        ['signature', fact.signature],
        ['consent', fact.consent],
        ['entryIntoForce', fact.entryIntoForce],
        ['denunciation', fact.denunciation],
      ]);
      if (fact.consent && !fact.consentKind) {
        throw new ValidationError('consent_kind_required', 'Give the kind of consent (ratification, accession, …) with its date.', { field: 'consentKind' });
      }
      if (!fact.consentKind && !fact.signature && !fact.denunciation) {
        throw new ValidationError('empty_participation', 'A participation needs a signature, a consent or a denunciation.', { field: 'consent' });
      }
      return;
    }
    case 'bilateral-treaty': {
      if (!BILATERAL_ID.test(fact.id)) {
        throw new ValidationError('invalid_instrument_id', 'The id uses capitals, digits and hyphens (3 to 60), e.g. FRA-BRA-MLA-1996.', { field: 'id' });
      }
      const existing = known.instruments.get(fact.id);
      if (existing && !existing.curated) throw new ValidationError('instrument_exists', `"${fact.id}" is already an instrument of the catalogue.`, { field: 'id' });
      state(fact.states[0], 'states[0]');
      state(fact.states[1], 'states[1]');
      if (fact.states[0] === fact.states[1]) throw new ValidationError('same_state', 'A bilateral treaty binds two different States.', { field: 'states' });
      dates([
        ['adopted', fact.adopted],
        ['entryIntoForce', fact.entryIntoForce],
        ['terminated', fact.terminated],
      ]);
      if (!fact.title.trim()) throw new ValidationError('title_required', 'Give the treaty its title.', { field: 'title' });
      if (fact.offences.length === 0) throw new ValidationError('offences_required', 'List the offences the treaty covers (or *any-offence).', { field: 'offences' });
      for (const o of fact.offences) {
        if (!isOffenceId(o) && !BILATERAL_WILDCARDS.has(o)) {
          throw new ValidationError('unknown_offence', `Unknown offence "${o}".`, { field: 'offences' });
        }
      }
      const types = Object.keys(fact.cooperation);
      if (types.length === 0) throw new ValidationError('cooperation_required', 'Say which kinds of cooperation the treaty provides.', { field: 'cooperation' });
      const numbers = new Set(fact.articles.map((a) => a.number));
      for (const t of types) {
        if (!isCooperationType(t)) throw new ValidationError('unknown_cooperation_type', `Unknown cooperation type "${t}".`, { field: 'cooperation' });
        for (const n of fact.cooperation[t]?.articles ?? []) {
          if (!numbers.has(n)) {
            throw new ValidationError('unknown_article', `Article ${n} (cited for ${t}) is not among the treaty's articles; add it with its heading.`, { field: 'articles' });
          }
        }
      }
      return;
    }
    case 'reservation-effect': {
      if (!known.instruments.has(fact.instrument)) throw new ValidationError('unknown_instrument', `No instrument "${fact.instrument}".`, { field: 'instrument' });
      state(fact.state, 'state');
      if (fact.reservationId && known.reservationIds && !known.reservationIds.has(fact.reservationId)) {
        throw new ValidationError('unknown_reservation', `No reservation "${fact.reservationId}" in the current data.`, { field: 'reservationId' });
      }
      if (!fact.text.trim()) throw new ValidationError('text_required', 'Give the text of the reservation or declaration.', { field: 'text' });
      if (fact.effects.length === 0) throw new ValidationError('effects_required', 'Give at least one effect (or "other").', { field: 'effects' });
      return;
    }
    default: {
      const never: never = fact;
      throw new ValidationError('unknown_fact_kind', `Unknown kind of curated fact: ${JSON.stringify(never)}`);
    }
  }
}

function curatedSource(c: Curation): string {
  return `curated: ${c.source} (${c.note}; ${c.createdBy ?? 'administrator'}, ${c.createdAt.slice(0, 10)})`;
}

function sameParticipation(a: Participation, b: CuratedParticipation): boolean {
  return (
    (a.consent ?? null) === (b.consent ?? null) &&
    Boolean(a.consentKind) === Boolean(b.consentKind) &&
    (a.entryIntoForce ?? null) === (b.entryIntoForce ?? null) &&
    (a.denunciation ?? null) === (b.denunciation ?? null)
  );
}

function participationFacts(p: Participation): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['signature', 'consent', 'consentKind', 'entryIntoForce', 'denunciation', 'source', 'asOf'] as const) {
    const v = p[k];
    if (v) out[k] = v;
  }
  return out;
}

/**
 * Lay curated facts over an imported snapshot. Curations are applied in the order given (oldest
 * first), so a later correction of the same fact wins. Returns a new snapshot; the input is not
 * changed. A conflict is listed when an import newer than the curation disagrees with it.
 */
export function applyCurations(
  snapshot: KnowledgeSnapshot,
  curations: readonly Curation[],
  versions: RecordVersions,
): { snapshot: KnowledgeSnapshot; conflicts: CurationConflict[] } {
  const conflicts: CurationConflict[] = [];
  const instruments = [...snapshot.instruments];
  const lists = new Map<string, PartyList>(snapshot.partyLists.map((l) => [l.instrument, l]));
  let reservations = snapshot.reservations;
  const copiedLists = new Set<string>();
  const listFor = (instrument: string): PartyList => {
    const existing = lists.get(instrument);
    if (existing && copiedLists.has(instrument)) return existing;
    const copy: PartyList = existing
      ? { ...existing, participations: [...existing.participations] }
      : { instrument, complete: false, source: 'no party list in the data', asOf: snapshot.dataAsOf, participations: [] };
    lists.set(instrument, copy);
    copiedLists.add(instrument);
    return copy;
  };

  for (const c of curations) {
    const fact = c.fact;
    const curatedOn = c.createdAt.slice(0, 10);
    switch (fact.kind) {
      case 'participation': {
        const list = listFor(fact.instrument);
        const at = list.participations.findIndex((p) => p.state === fact.state);
        const imported = at >= 0 ? list.participations[at] : undefined;
        const importedIn = versions.partyLists.get(fact.instrument) ?? 0;
        if (importedIn > c.basedOnVersion && imported && !imported.curated && !sameParticipation(imported, fact)) {
          conflicts.push({
            curationId: c.id,
            kind: fact.kind,
            instrument: fact.instrument,
            state: fact.state,
            version: importedIn,
            message: `Version ${importedIn} imported different facts for ${fact.state} under ${fact.instrument}; the curated fact is still used.`,
            curated: fact,
            imported: participationFacts(imported),
          });
        } else if (importedIn > c.basedOnVersion && !imported && list.complete && fact.consentKind) {
          conflicts.push({
            curationId: c.id,
            kind: fact.kind,
            instrument: fact.instrument,
            state: fact.state,
            version: importedIn,
            message: `Version ${importedIn} imported a complete list for ${fact.instrument} without ${fact.state}; the curated fact is still used.`,
            curated: fact,
            imported: null,
          });
        }
        const p: Participation = { state: fact.state, source: curatedSource(c), asOf: curatedOn, curated: true };
        if (fact.signature) p.signature = fact.signature;
        if (fact.consentKind) p.consentKind = fact.consentKind;
        if (fact.consent) p.consent = fact.consent;
        if (fact.entryIntoForce) p.entryIntoForce = fact.entryIntoForce;
        if (fact.denunciation) p.denunciation = fact.denunciation;
        if (at >= 0) list.participations[at] = p;
        else list.participations.push(p);
        break;
      }
      case 'bilateral-treaty': {
        const instrument: Instrument = {
          id: fact.id,
          titles: { en: fact.title },
          short: fact.id,
          kind: 'bilateral',
          depositary: `${fact.states[0]} and ${fact.states[1]}`,
          adopted: fact.adopted,
          entryIntoForce: fact.entryIntoForce,
          supplements: null,
          contextOnly: false,
          offences: fact.offences,
          scopeConditions: fact.scopeConditions,
          cooperation: fact.cooperation,
          notes: `Curated: ${c.note} (source: ${c.source})`,
          articlesChecked: true,
          articles: fact.articles,
          states: fact.states,
          curated: true,
        };
        const at = instruments.findIndex((i) => i.id === fact.id);
        if (at >= 0 && !instruments[at]?.curated) {
          conflicts.push({
            curationId: c.id,
            kind: fact.kind,
            instrument: fact.id,
            version: versions.partyLists.get(fact.id) ?? 0,
            message: `An imported instrument now has the id ${fact.id}; the curated treaty is not used until it is renamed.`,
            curated: fact,
            imported: { id: fact.id },
          });
          break;
        }
        if (at >= 0) instruments[at] = instrument;
        else instruments.push(instrument);
        const source = curatedSource(c);
        const participations: Participation[] = fact.entryIntoForce
          ? fact.states.map((state) => ({
              state,
              consentKind: 'ratification' as const,
              consent: fact.entryIntoForce as string,
              entryIntoForce: fact.entryIntoForce as string,
              ...(fact.terminated ? { denunciation: fact.terminated } : {}),
              source,
              asOf: curatedOn,
              curated: true,
            }))
          : [];
        lists.set(fact.id, { instrument: fact.id, complete: participations.length > 0, source, asOf: curatedOn, participations });
        copiedLists.add(fact.id);
        break;
      }
      case 'reservation-effect': {
        if (reservations === snapshot.reservations) reservations = [...reservations];
        const curated: Reservation = {
          state: fact.state,
          instrument: fact.instrument,
          kind: 'declaration',
          text: fact.text,
          source: curatedSource(c),
          effects: fact.effects,
          curated: true,
        };
        if (fact.reservationId) {
          const at = reservations.findIndex((r) => reservationId(r) === fact.reservationId);
          const target = at >= 0 ? reservations[at] : undefined;
          if (target) {
            reservations[at] = { ...target, effects: fact.effects, source: `${target.source}; effect ${curatedSource(c)}`, curated: true };
            break;
          }
          conflicts.push({
            curationId: c.id,
            kind: fact.kind,
            instrument: fact.instrument,
            state: fact.state,
            version: versions.reservations.get(fact.instrument) ?? 0,
            message: `The reservation ${fact.reservationId} is no longer in the imported data (its text changed or it was withdrawn); the curated text and effect are still used.`,
            curated: fact,
            imported: null,
          });
        }
        reservations.push(curated);
        break;
      }
      default: {
        const never: never = fact;
        return never;
      }
    }
  }

  return {
    snapshot: { ...snapshot, instruments, partyLists: [...lists.values()], reservations },
    conflicts,
  };
}

/** Whether an offence entry is one the curator may use for a bilateral treaty. */
export function isBilateralOffence(value: string): boolean {
  return isOffenceId(value) || (isOffenceWildcard(value) && BILATERAL_WILDCARDS.has(value));
}
