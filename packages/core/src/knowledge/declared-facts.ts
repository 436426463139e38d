// Facts a State's own node declares about that State (pure): its bilateral and regional treaties
// for cooperation, its central authorities per instrument, the languages and channels it accepts,
// its declarations that matter (e.g. UNTOC art. 16(5): whether it takes the Convention as the
// basis for extradition) and the participations it claims. No depositary publishes these in a
// form a machine reads; the authority itself knows them. A node signs them with its key, peers
// keep them as a knowledge source "declared by <authority>, node <id>, signed on <date>", the
// engine uses them with that provenance, and where they disagree with the depositary data the
// disagreement is listed rather than silently resolved.
import { canonicalJson, type JsonValue } from '../shared/canonical-json.ts';
import { ValidationError } from '../shared/errors.ts';
import type { Article, ConsentKind, Instrument, IsoDate, KnowledgeSnapshot, Participation, PartyList, Reservation, ReservationEffect } from './model.ts';
import { type CooperationType, isCooperationType, isOffenceId } from './taxonomy.ts';

export interface DeclaredTreaty {
  /** Capitals, digits and hyphens, e.g. FRA-BRA-MLA-1996. */
  id: string;
  title: string;
  kind: 'bilateral' | 'regional';
  /** ISO 3166-1 alpha-3 codes; the declaring State is one of them. */
  parties: string[];
  signed: IsoDate | null;
  /** In force for the declaring State (for a bilateral treaty: between the two) since. */
  entryIntoForce: IsoDate | null;
  terminated?: IsoDate | undefined;
  /** Offence ids, or '*any-offence' / '*any-extraditable'. */
  offences: string[];
  cooperation: Partial<Record<CooperationType, { articles: string[]; notes?: string | undefined }>>;
  articles: Article[];
}

export interface DeclaredCentralAuthority {
  /** The instrument under which the authority is designated (a catalogue id or a declared treaty). */
  instrument: string;
  name: string;
  address: string;
  channels: string[];
  languages: string[];
}

export const DECLARATION_EFFECTS = ['treaty-basis-for-extradition', 'no-treaty-basis-for-extradition', 'territorial-exclusion', 'other'] as const;
export type DeclarationEffect = (typeof DECLARATION_EFFECTS)[number];

export interface DeclaredDeclaration {
  instrument: string;
  /** The article under which it is made, e.g. "16(5)". */
  article: string;
  effect: DeclarationEffect;
  text: string;
}

/** The declaring State's own participation in a catalogue instrument. */
export interface DeclaredParticipation {
  instrument: string;
  consentKind: ConsentKind;
  consent: IsoDate | null;
  entryIntoForce: IsoDate | null;
  denunciation?: IsoDate | undefined;
}

/** What an administrator edits and what is published. */
export interface DeclaredFactsContent {
  treaties: DeclaredTreaty[];
  centralAuthorities: DeclaredCentralAuthority[];
  languages: string[];
  channels: string[];
  declarations: DeclaredDeclaration[];
  participations: DeclaredParticipation[];
}

/** The published document, signed by the node. */
export interface DeclaredFacts extends DeclaredFactsContent {
  v: 1;
  nodeId: string;
  state: string;
  authority: string;
  /** 1, 2, …: a receiver keeps the highest it has seen. */
  version: number;
  signedAt: string;
}

export interface SignedDeclaredFacts {
  facts: DeclaredFacts;
  /** Ed25519 by the node's signing key over `declaredFactsSigningText(facts)`, base64url. */
  signature: string;
}

export function emptyDeclaredFacts(): DeclaredFactsContent {
  return { treaties: [], centralAuthorities: [], languages: [], channels: [], declarations: [], participations: [] };
}

export function declaredFactsSigningText(facts: DeclaredFacts): string {
  return canonicalJson({ purpose: 'comity-declared-facts-v1', facts } as unknown as JsonValue);
}

/** "declared by Ministère de la Justice (FRA), node node-…, signed on 2026-11-29". */
export function declaredProvenance(facts: Pick<DeclaredFacts, 'authority' | 'state' | 'nodeId' | 'signedAt'>): string {
  return `declared by ${facts.authority} (${facts.state}), node ${facts.nodeId}, signed on ${facts.signedAt.slice(0, 10)}`;
}

const TREATY_ID = /^[A-Z0-9][A-Z0-9-]{2,59}$/;
const TREATY_WILDCARDS = new Set(['*any-offence', '*any-extraditable']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fail(code: string, message: string, field: string): never {
  throw new ValidationError(code, message, { field });
}

/**
 * The rule every declaration obeys, on the declaring node and on every receiver: a node speaks for
 * its own State only. A treaty it is not party to, or a document for another State, is refused.
 */
export function checkOwnStateOnly(facts: Pick<DeclaredFacts, 'state' | 'treaties'>, cardState: string): void {
  if (facts.state !== cardState) {
    fail('facts_for_other_state', `These facts are declared for ${facts.state}, but the declaring node speaks for ${cardState}: a node may only declare facts for its own State.`, 'state');
  }
  facts.treaties.forEach((t, n) => {
    if (!t.parties.includes(cardState)) {
      fail(
        'facts_for_other_state',
        `Treaty ${t.id} is between ${t.parties.join(', ')}; ${cardState} is not a party, so its node cannot declare it (a node may only declare facts for its own State).`,
        `treaties[${n}].parties`,
      );
    }
  });
}

/**
 * Check a draft before it is saved and again before it is published. `known` is what this node's
 * knowledge holds: catalogue instruments (a declared treaty must not take a catalogue id) and
 * countries.
 */
export function checkDeclaredFacts(
  content: DeclaredFactsContent,
  ownState: string,
  known: { instruments: Map<string, Instrument>; countries: Map<string, unknown> },
): void {
  const isCatalogue = (id: string) => {
    const i = known.instruments.get(id);
    return Boolean(i && !i.declaredBy && !i.curated);
  };
  const dates = (pairs: [string, string | null | undefined][]) => {
    for (const [field, value] of pairs) {
      if (value !== undefined && value !== null && !DATE.test(value)) fail('invalid_date', `${field}: expected YYYY-MM-DD, got "${value}".`, field);
    }
  };
  checkOwnStateOnly({ state: ownState, treaties: content.treaties }, ownState);
  const treatyIds = new Set<string>();
  content.treaties.forEach((t, n) => {
    const at = `treaties[${n}]`;
    if (!TREATY_ID.test(t.id)) fail('invalid_instrument_id', `${at}.id: capitals, digits and hyphens (3 to 60), e.g. FRA-BRA-MLA-1996.`, `${at}.id`);
    if (treatyIds.has(t.id)) fail('duplicate_treaty', `${at}.id: ${t.id} is declared twice.`, `${at}.id`);
    treatyIds.add(t.id);
    if (isCatalogue(t.id)) fail('instrument_exists', `${at}.id: "${t.id}" is an instrument of the catalogue; declare your participation in it instead.`, `${at}.id`);
    if (!t.title.trim()) fail('title_required', `${at}.title: give the treaty its title.`, `${at}.title`);
    for (const p of t.parties) if (!known.countries.has(p)) fail('unknown_country', `${at}.parties: "${p}" is not an ISO 3166 alpha-3 code in the data.`, `${at}.parties`);
    if (new Set(t.parties).size !== t.parties.length) fail('duplicate_party', `${at}.parties: a State is listed twice.`, `${at}.parties`);
    if (t.kind === 'bilateral' && t.parties.length !== 2) fail('bilateral_needs_two', `${at}.parties: a bilateral treaty binds exactly two States.`, `${at}.parties`);
    if (t.kind === 'regional' && t.parties.length < 2) fail('regional_needs_parties', `${at}.parties: a regional treaty lists at least two States.`, `${at}.parties`);
    dates([
      [`${at}.signed`, t.signed],
      [`${at}.entryIntoForce`, t.entryIntoForce],
      [`${at}.terminated`, t.terminated],
    ]);
    if (t.signed && t.entryIntoForce && t.entryIntoForce < t.signed) fail('dates_out_of_order', `${at}: in force (${t.entryIntoForce}) before it was signed (${t.signed}).`, `${at}.entryIntoForce`);
    if (t.offences.length === 0) fail('offences_required', `${at}.offences: list the offences covered (or *any-offence).`, `${at}.offences`);
    for (const o of t.offences) if (!isOffenceId(o) && !TREATY_WILDCARDS.has(o)) fail('unknown_offence', `${at}.offences: unknown offence "${o}".`, `${at}.offences`);
    const types = Object.keys(t.cooperation);
    if (types.length === 0) fail('cooperation_required', `${at}.cooperation: say which kinds of cooperation the treaty provides.`, `${at}.cooperation`);
    const numbers = new Set(t.articles.map((a) => a.number));
    for (const type of types) {
      if (!isCooperationType(type)) fail('unknown_cooperation_type', `${at}.cooperation: unknown cooperation type "${type}".`, `${at}.cooperation`);
      for (const a of t.cooperation[type]?.articles ?? []) {
        if (!numbers.has(a)) fail('unknown_article', `${at}: article ${a} (cited for ${type}) is not among the treaty's articles; add it with its heading.`, `${at}.articles`);
      }
    }
  });
  const instrumentKnown = (id: string) => treatyIds.has(id) || known.instruments.has(id);
  content.centralAuthorities.forEach((c, n) => {
    const at = `centralAuthorities[${n}]`;
    if (!instrumentKnown(c.instrument)) fail('unknown_instrument', `${at}.instrument: no instrument "${c.instrument}" in the catalogue or among the declared treaties.`, `${at}.instrument`);
    if (!c.name.trim()) fail('name_required', `${at}.name: give the authority's name.`, `${at}.name`);
  });
  content.declarations.forEach((d, n) => {
    const at = `declarations[${n}]`;
    if (!instrumentKnown(d.instrument)) fail('unknown_instrument', `${at}.instrument: no instrument "${d.instrument}".`, `${at}.instrument`);
    if (!d.text.trim()) fail('text_required', `${at}.text: give the words of the declaration.`, `${at}.text`);
  });
  const seen = new Set<string>();
  content.participations.forEach((p, n) => {
    const at = `participations[${n}]`;
    if (!isCatalogue(p.instrument)) fail('unknown_instrument', `${at}.instrument: "${p.instrument}" is not an instrument of the catalogue (declare a treaty of your own under treaties).`, `${at}.instrument`);
    if (seen.has(p.instrument)) fail('duplicate_participation', `${at}: ${p.instrument} is declared twice.`, `${at}.instrument`);
    seen.add(p.instrument);
    dates([
      [`${at}.consent`, p.consent],
      [`${at}.entryIntoForce`, p.entryIntoForce],
      [`${at}.denunciation`, p.denunciation],
    ]);
  });
}

/** A set of declared facts as a receiver holds it (or the node its own published ones). */
export interface DeclaredSource {
  facts: DeclaredFacts;
  /** True for this node's own published facts. */
  own: boolean;
}

export type DisagreementKind = 'not-party-per-depositary' | 'party-per-depositary' | 'different-dates' | 'extradition-basis' | 'treaty-dates' | 'unknown-instrument';

export interface DeclaredDisagreement {
  kind: DisagreementKind;
  state: string;
  nodeId: string;
  authority: string;
  instrument: string;
  provenance: string;
  message: string;
  declared: JsonValue;
  depositary: JsonValue;
}

/** A plain-data copy (the facts compared are plain data already). */
function json(value: unknown): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

function participationOf(p: DeclaredParticipation, source: string, asOf: IsoDate, state: string): Participation {
  const out: Participation = { state, consentKind: p.consentKind, source, asOf };
  if (p.consent) out.consent = p.consent;
  if (p.entryIntoForce) out.entryIntoForce = p.entryIntoForce;
  if (p.denunciation) out.denunciation = p.denunciation;
  return out;
}

function effectOf(d: DeclaredDeclaration): ReservationEffect {
  // Each declaration effect is a reservation effect without parameters.
  return { kind: d.effect } as ReservationEffect;
}

/**
 * Lay declared facts over a snapshot (after the curated facts). Declared treaties become
 * instruments whose participations carry the declaration's provenance; central authorities and
 * declarations become declarations of the State under their instrument; a declared participation
 * fills a gap in the depositary data but never overrides it. Every disagreement with the
 * depositary data is returned, and the depositary's fact is the one answered from.
 */
export function applyDeclaredFacts(snapshot: KnowledgeSnapshot, sources: readonly DeclaredSource[]): { snapshot: KnowledgeSnapshot; disagreements: DeclaredDisagreement[] } {
  if (sources.length === 0) return { snapshot, disagreements: [] };
  const disagreements: DeclaredDisagreement[] = [];
  const instruments = [...snapshot.instruments];
  const byId = new Map(instruments.map((i, n) => [i.id, n]));
  const lists = new Map<string, PartyList>(snapshot.partyLists.map((l) => [l.instrument, l]));
  const copied = new Set<string>();
  const listFor = (instrument: string): PartyList => {
    const existing = lists.get(instrument);
    if (existing && copied.has(instrument)) return existing;
    const copy: PartyList = existing
      ? { ...existing, participations: [...existing.participations] }
      : { instrument, complete: false, source: 'no party list in the data', asOf: snapshot.dataAsOf, participations: [] };
    lists.set(instrument, copy);
    copied.add(instrument);
    return copy;
  };
  const reservations: Reservation[] = [...snapshot.reservations];
  // Treaties first, so that authorities and declarations under a declared treaty find it.
  for (const { facts } of sources) {
    const provenance = declaredProvenance(facts);
    const asOf = facts.signedAt.slice(0, 10);
    const base = { state: facts.state, nodeId: facts.nodeId, authority: facts.authority, provenance };
    for (const t of facts.treaties) {
      const at = byId.get(t.id);
      const existing = at === undefined ? undefined : instruments[at];
      if (existing && !existing.declaredBy) {
        disagreements.push({ ...base, kind: 'unknown-instrument', instrument: t.id, message: `${t.id} is already an instrument of the data here; the declared treaty of the same id is not used.`, declared: json(t), depositary: json({ id: t.id }) });
        continue;
      }
      if (existing?.declaredBy) {
        // The other party's node declared the same treaty: keep the first, list different dates.
        if (existing.entryIntoForce !== t.entryIntoForce) {
          disagreements.push({
            ...base,
            kind: 'treaty-dates',
            instrument: t.id,
            message: `${facts.state}'s node declares ${t.id} in force since ${t.entryIntoForce ?? 'an unknown date'}; ${existing.declaredBy} says ${existing.entryIntoForce ?? 'an unknown date'}.`,
            declared: json({ entryIntoForce: t.entryIntoForce }),
            depositary: json({ entryIntoForce: existing.entryIntoForce, declaredBy: existing.declaredBy }),
          });
        }
        continue;
      }
      const instrument: Instrument = {
        id: t.id,
        titles: { en: t.title },
        short: t.id,
        kind: t.kind,
        depositary: provenance,
        adopted: t.signed,
        entryIntoForce: t.entryIntoForce,
        supplements: null,
        contextOnly: false,
        offences: t.offences,
        scopeConditions: [],
        cooperation: t.cooperation,
        notes: `Declared by ${facts.state}'s own node (${provenance}).`,
        articlesChecked: true,
        articles: t.articles,
        ...(t.kind === 'bilateral' ? { states: [t.parties[0], t.parties[1]] as [string, string] } : {}),
        declaredBy: provenance,
      };
      byId.set(t.id, instruments.length);
      instruments.push(instrument);
      // A bilateral treaty in force is in force between its two parties; of a regional treaty the
      // node speaks only for its own State's participation.
      const parties = t.kind === 'bilateral' ? t.parties : [facts.state];
      const participations: Participation[] = t.entryIntoForce
        ? parties.map((state) => ({
            state,
            consentKind: 'ratification' as const,
            consent: t.entryIntoForce as string,
            entryIntoForce: t.entryIntoForce as string,
            ...(t.signed ? { signature: t.signed } : {}),
            ...(t.terminated ? { denunciation: t.terminated } : {}),
            source: provenance,
            asOf,
          }))
        : [];
      lists.set(t.id, { instrument: t.id, complete: t.kind === 'bilateral' && participations.length > 0, source: provenance, asOf, participations });
      copied.add(t.id);
    }
  }
  for (const { facts } of sources) {
    const provenance = declaredProvenance(facts);
    const asOf = facts.signedAt.slice(0, 10);
    const base = { state: facts.state, nodeId: facts.nodeId, authority: facts.authority, provenance };
    for (const p of facts.participations) {
      if (!byId.has(p.instrument)) {
        disagreements.push({ ...base, kind: 'unknown-instrument', instrument: p.instrument, message: `${p.instrument} is not in the data here; the declared participation is kept aside.`, declared: json(p), depositary: json(null) });
        continue;
      }
      const list = listFor(p.instrument);
      const held = list.participations.find((x) => x.state === facts.state);
      const declaredParty = !p.denunciation;
      if (held) {
        const heldParty = Boolean(held.consentKind) && !held.denunciation;
        if (heldParty !== declaredParty) {
          disagreements.push({
            ...base,
            kind: declaredParty ? 'not-party-per-depositary' : 'party-per-depositary',
            instrument: p.instrument,
            message: declaredParty
              ? `${facts.state}'s node declares it party to ${p.instrument}; the depositary data (${held.source}, as of ${held.asOf}) does not show it bound.`
              : `${facts.state}'s node declares it no longer bound by ${p.instrument}; the depositary data (${held.source}, as of ${held.asOf}) shows it party.`,
            declared: json(p),
            depositary: json(held),
          });
        } else if ((held.consent ?? null) !== (p.consent ?? null) || (p.entryIntoForce && held.entryIntoForce && held.entryIntoForce !== p.entryIntoForce)) {
          disagreements.push({
            ...base,
            kind: 'different-dates',
            instrument: p.instrument,
            message: `${facts.state}'s node declares consent on ${p.consent ?? 'an unknown date'}${p.entryIntoForce ? `, in force from ${p.entryIntoForce}` : ''}; the depositary data (${held.source}) says ${held.consent ?? 'no date'}${held.entryIntoForce ? `, in force from ${held.entryIntoForce}` : ''}.`,
            declared: json(p),
            depositary: json(held),
          });
        }
        continue;
      }
      if (list.complete && declaredParty && (!p.consent || p.consent <= list.asOf)) {
        disagreements.push({
          ...base,
          kind: 'not-party-per-depositary',
          instrument: p.instrument,
          message: `${facts.state}'s node declares it party to ${p.instrument}${p.consent ? ` since ${p.consent}` : ''}; the depositary list (${list.source}), complete as of ${list.asOf}, does not include it.`,
          declared: json(p),
          depositary: json({ complete: true, asOf: list.asOf, source: list.source }),
        });
        continue;
      }
      list.participations.push(participationOf(p, provenance, asOf, facts.state));
    }
    for (const c of facts.centralAuthorities) {
      if (!byId.has(c.instrument)) continue;
      const effects: ReservationEffect[] = [{ kind: 'central-authority', name: c.name }];
      if (c.languages.length > 0) effects.push({ kind: 'languages', languages: c.languages });
      reservations.push({
        state: facts.state,
        instrument: c.instrument,
        kind: 'notification',
        text: `Central authority: ${c.name}, ${c.address}${c.channels.length ? `; channels: ${c.channels.join(', ')}` : ''}${c.languages.length ? `; languages: ${c.languages.join(', ')}` : ''}.`,
        source: provenance,
        effects,
      });
    }
    for (const d of facts.declarations) {
      if (!byId.has(d.instrument)) continue;
      if (d.effect === 'treaty-basis-for-extradition' || d.effect === 'no-treaty-basis-for-extradition') {
        const opposite = d.effect === 'treaty-basis-for-extradition' ? 'no-treaty-basis-for-extradition' : 'treaty-basis-for-extradition';
        const contrary = snapshot.reservations.find((r) => r.state === facts.state && r.instrument === d.instrument && r.effects.some((e) => e.kind === opposite));
        if (contrary) {
          disagreements.push({
            ...base,
            kind: 'extradition-basis',
            instrument: d.instrument,
            message: `${facts.state}'s node declares under ${d.instrument} art. ${d.article} that ${d.effect === 'treaty-basis-for-extradition' ? 'it takes' : 'it does not take'} the instrument as the basis for extradition; the depositary data (${contrary.source}) says the opposite. The depositary's text is answered from.`,
            declared: json(d),
            depositary: json({ text: contrary.text, source: contrary.source }),
          });
          continue;
        }
      }
      reservations.push({
        state: facts.state,
        instrument: d.instrument,
        kind: 'declaration',
        text: `Art. ${d.article}: ${d.text}`,
        source: provenance,
        effects: [effectOf(d)],
      });
    }
  }
  return { snapshot: { ...snapshot, instruments, partyLists: [...lists.values()], reservations }, disagreements };
}

/** Central authorities declared by States' own nodes, with their provenance; optionally one State's. */
export interface DeclaredCentralAuthorityView extends DeclaredCentralAuthority {
  state: string;
  nodeId: string;
  authority: string;
  signedAt: string;
  provenance: string;
}

export function declaredCentralAuthorities(sources: readonly DeclaredSource[], state?: string): DeclaredCentralAuthorityView[] {
  const out: DeclaredCentralAuthorityView[] = [];
  for (const { facts } of sources) {
    if (state && facts.state !== state) continue;
    for (const c of facts.centralAuthorities) {
      out.push({ ...c, state: facts.state, nodeId: facts.nodeId, authority: facts.authority, signedAt: facts.signedAt, provenance: declaredProvenance(facts) });
    }
  }
  return out;
}
