// Backtracking (issue 14 part 4): from one seizure or maritime incident, the other seizures and
// incidents within a time window that share a vessel (IMO), a company, a person, an identifier
// (phone, account, registration), a route segment or a port with it, across crime domains. Each
// element is one indexed query (vessel_imo, registry_parties.name_key / identifier_key,
// seizure_route_stops.port_key, seizures lower(location_point) from migration 026), restricted in
// SQL to the records the caller may see, so the cost follows the number of matches, not the
// registry's size.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export type RegistryKind = 'seizure' | 'incident';
export type SharedKind = 'vessel' | 'company' | 'person' | 'identifier' | 'route-segment' | 'port';

export interface SharedElement {
  kind: SharedKind;
  /** As the origin record gives it (an IMO number, a name, "NGA Lagos → VNM Hai Phong" …). */
  value: string;
}

export interface BacktrackScope {
  /** Only this organisation's records; undefined = every organisation (the caller decides each). */
  organisationId?: string | undefined;
  /** Only records without a case or of these cases; undefined = no restriction. */
  readableCaseIds?: readonly string[] | undefined;
}

export interface RelatedHit {
  kind: RegistryKind;
  id: string;
  shared: SharedElement[];
}

export interface BacktrackOrigin {
  kind: RegistryKind;
  id: string;
  occurredAt: Date;
  vesselImo: string | null;
  parties: { kind: string; name: string; nameKey: string; identifier: string | null; identifierKey: string | null }[];
  /** Ports as given (route stops and the seizure's location point) with their keys. */
  ports: { name: string; key: string }[];
  segments: { from: { country: string; port: string | null; key: string | null }; to: { country: string; port: string | null; key: string | null } }[];
}

/** Same rule as core's nameKey (accents dropped, lower case, punctuation to one space). */
function key(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The elements of one record that backtracking looks for elsewhere; undefined when there is no such record. */
export async function backtrackOrigin(db: Kysely<Database>, kind: RegistryKind, id: string): Promise<BacktrackOrigin | undefined> {
  const row =
    kind === 'seizure'
      ? await db.selectFrom('seizures').select(['id', 'occurred_at', 'vessel_imo', 'location_point', 'location_kind']).where('id', '=', id).executeTakeFirst()
      : await db.selectFrom('maritime_incidents').select(['id', 'occurred_at', 'vessel_imo']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const parties = await db
    .selectFrom('registry_parties')
    .select(['party_kind', 'name', 'name_key', 'identifier', 'identifier_key'])
    .where(kind === 'seizure' ? 'seizure_id' : 'incident_id', '=', id)
    .orderBy('position')
    .execute();
  const ports = new Map<string, string>();
  const segments: BacktrackOrigin['segments'] = [];
  if (kind === 'seizure') {
    const stops = await db.selectFrom('seizure_route_stops').select(['position', 'country', 'port', 'port_key']).where('seizure_id', '=', id).orderBy('position').execute();
    for (const s of stops) if (s.port && s.port_key) ports.set(s.port_key, s.port);
    for (let i = 0; i + 1 < stops.length; i++) {
      const a = stops[i] as (typeof stops)[number];
      const b = stops[i + 1] as (typeof stops)[number];
      segments.push({ from: { country: a.country, port: a.port, key: a.port_key }, to: { country: b.country, port: b.port, key: b.port_key } });
    }
    const point: string | null = 'location_point' in row ? (row.location_point as string | null) : null;
    if (point && key(point)) ports.set(key(point), point);
  }
  return {
    kind,
    id,
    occurredAt: new Date(row.occurred_at),
    vesselImo: row.vessel_imo,
    parties: parties.map((p) => ({ kind: p.party_kind, name: p.name, nameKey: p.name_key, identifier: p.identifier, identifierKey: p.identifier_key })),
    ports: [...ports].map(([k, name]) => ({ key: k, name })),
    segments,
  };
}

type SeizureEb = ExpressionBuilder<Database & { s: Database['seizures'] }, 's'>;
type IncidentEb = ExpressionBuilder<Database & { i: Database['maritime_incidents'] }, 'i'>;

function seizureScope(eb: SeizureEb, scope: BacktrackScope, from: Date, to: Date, exclude: string | null) {
  const parts = [eb('s.occurred_at', '>=', from), eb('s.occurred_at', '<=', to)];
  if (exclude) parts.push(eb('s.id', '<>', exclude));
  if (scope.organisationId) parts.push(eb('s.organisation_id', '=', scope.organisationId));
  if (scope.readableCaseIds) {
    const ids = scope.readableCaseIds;
    parts.push(ids.length ? eb.or([eb('s.case_id', 'is', null), eb('s.case_id', 'in', ids)]) : eb('s.case_id', 'is', null));
  }
  return eb.and(parts);
}

function incidentScope(eb: IncidentEb, scope: BacktrackScope, from: Date, to: Date, exclude: string | null) {
  const parts = [eb('i.occurred_at', '>=', from), eb('i.occurred_at', '<=', to)];
  if (exclude) parts.push(eb('i.id', '<>', exclude));
  if (scope.organisationId) parts.push(eb('i.organisation_id', '=', scope.organisationId));
  if (scope.readableCaseIds) {
    const ids = scope.readableCaseIds;
    parts.push(ids.length ? eb.or([eb('i.case_id', 'is', null), eb('i.case_id', 'in', ids)]) : eb('i.case_id', 'is', null));
  }
  return eb.and(parts);
}

const PERSONISH = new Set(['company', 'person']);

/**
 * The records sharing an element with `origin` within `windowDays` of it, in `scope`, each with the
 * elements it shares; most shared elements first, then the nearest in time. At most `limit`.
 */
export async function findRelated(db: Kysely<Database>, origin: BacktrackOrigin, opts: { windowDays: number; scope: BacktrackScope; limit: number }): Promise<RelatedHit[]> {
  const ms = opts.windowDays * 86_400_000;
  const from = new Date(origin.occurredAt.getTime() - ms);
  const to = new Date(origin.occurredAt.getTime() + ms);
  const exSeizure = origin.kind === 'seizure' ? origin.id : null;
  const exIncident = origin.kind === 'incident' ? origin.id : null;
  const hits = new Map<string, RelatedHit & { at: number }>();
  const add = (kind: RegistryKind, id: string, at: Date | string, element: SharedElement) => {
    const k = `${kind}:${id}`;
    let h = hits.get(k);
    if (!h) {
      h = { kind, id, shared: [], at: Math.abs(new Date(at).getTime() - origin.occurredAt.getTime()) };
      hits.set(k, h);
    }
    if (!h.shared.some((e) => e.kind === element.kind && e.value === element.value)) h.shared.push(element);
  };
  const jobs: Promise<void>[] = [];

  if (origin.vesselImo) {
    const imo = origin.vesselImo;
    const element: SharedElement = { kind: 'vessel', value: imo };
    jobs.push(
      db
        .selectFrom('seizures as s')
        .select(['s.id', 's.occurred_at'])
        .where('s.vessel_imo', '=', imo)
        .where((eb) => seizureScope(eb, opts.scope, from, to, exSeizure))
        .execute()
        .then((rows) => {
          for (const r of rows) add('seizure', r.id, r.occurred_at, element);
        }),
      db
        .selectFrom('maritime_incidents as i')
        .select(['i.id', 'i.occurred_at'])
        .where('i.vessel_imo', '=', imo)
        .where((eb) => incidentScope(eb, opts.scope, from, to, exIncident))
        .execute()
        .then((rows) => {
          for (const r of rows) add('incident', r.id, r.occurred_at, element);
        }),
    );
  }

  // Companies and persons by name; vessels named as parties count as the vessel.
  const named = origin.parties.filter((p) => p.nameKey && (PERSONISH.has(p.kind) || p.kind === 'vessel'));
  const nameKeys = [...new Set(named.map((p) => p.nameKey))];
  if (nameKeys.length) {
    const byKey = new Map(named.map((p) => [p.nameKey, p]));
    const element = (nk: string, kind: string): SharedElement | null => {
      const mine = byKey.get(nk);
      if (!mine) return null;
      // A name matches only a party of the same kind (a person is not a company of the same name).
      if (mine.kind !== kind) return null;
      return { kind: kind === 'vessel' ? 'vessel' : (kind as SharedKind), value: mine.name };
    };
    jobs.push(
      db
        .selectFrom('registry_parties as p')
        .innerJoin('seizures as s', 's.id', 'p.seizure_id')
        .select(['s.id', 's.occurred_at', 'p.name_key', 'p.party_kind'])
        .where('p.name_key', 'in', nameKeys)
        .where((eb) => seizureScope(eb as unknown as SeizureEb, opts.scope, from, to, exSeizure) as never)
        .execute()
        .then((rows) => {
          for (const r of rows) {
            const e = element(r.name_key, r.party_kind);
            if (e) add('seizure', r.id, r.occurred_at, e);
          }
        }),
      db
        .selectFrom('registry_parties as p')
        .innerJoin('maritime_incidents as i', 'i.id', 'p.incident_id')
        .select(['i.id', 'i.occurred_at', 'p.name_key', 'p.party_kind'])
        .where('p.name_key', 'in', nameKeys)
        .where((eb) => incidentScope(eb as unknown as IncidentEb, opts.scope, from, to, exIncident) as never)
        .execute()
        .then((rows) => {
          for (const r of rows) {
            const e = element(r.name_key, r.party_kind);
            if (e) add('incident', r.id, r.occurred_at, e);
          }
        }),
    );
  }

  const idParties = origin.parties.filter((p) => p.identifierKey);
  const idKeys = [...new Set(idParties.map((p) => p.identifierKey as string))];
  if (idKeys.length) {
    const byKey = new Map(idParties.map((p) => [p.identifierKey as string, p.identifier as string]));
    jobs.push(
      db
        .selectFrom('registry_parties as p')
        .innerJoin('seizures as s', 's.id', 'p.seizure_id')
        .select(['s.id', 's.occurred_at', 'p.identifier_key'])
        .where('p.identifier_key', 'in', idKeys)
        .where((eb) => seizureScope(eb as unknown as SeizureEb, opts.scope, from, to, exSeizure) as never)
        .execute()
        .then((rows) => {
          for (const r of rows) add('seizure', r.id, r.occurred_at, { kind: 'identifier', value: byKey.get(r.identifier_key as string) ?? '' });
        }),
      db
        .selectFrom('registry_parties as p')
        .innerJoin('maritime_incidents as i', 'i.id', 'p.incident_id')
        .select(['i.id', 'i.occurred_at', 'p.identifier_key'])
        .where('p.identifier_key', 'in', idKeys)
        .where((eb) => incidentScope(eb as unknown as IncidentEb, opts.scope, from, to, exIncident) as never)
        .execute()
        .then((rows) => {
          for (const r of rows) add('incident', r.id, r.occurred_at, { kind: 'identifier', value: byKey.get(r.identifier_key as string) ?? '' });
        }),
    );
  }

  if (origin.ports.length) {
    const portKeys = origin.ports.map((p) => p.key);
    const byKey = new Map(origin.ports.map((p) => [p.key, p.name]));
    const lowered = [...new Set([...portKeys, ...origin.ports.map((p) => p.name.toLowerCase())])];
    const byLower = new Map<string, string>();
    for (const p of origin.ports) {
      byLower.set(p.key, p.name);
      byLower.set(p.name.toLowerCase(), p.name);
    }
    jobs.push(
      db
        .selectFrom('seizure_route_stops as st')
        .innerJoin('seizures as s', 's.id', 'st.seizure_id')
        .select(['s.id', 's.occurred_at', 'st.port_key'])
        .where('st.port_key', 'in', portKeys)
        .where((eb) => seizureScope(eb as unknown as SeizureEb, opts.scope, from, to, exSeizure) as never)
        .execute()
        .then((rows) => {
          for (const r of rows) add('seizure', r.id, r.occurred_at, { kind: 'port', value: byKey.get(r.port_key as string) ?? '' });
        }),
      db
        .selectFrom('seizures as s')
        .select(['s.id', 's.occurred_at', sql<string>`lower(s.location_point)`.as('point')])
        .where(sql<string>`lower(s.location_point)`, 'in', lowered)
        .where((eb) => seizureScope(eb, opts.scope, from, to, exSeizure))
        .execute()
        .then((rows) => {
          for (const r of rows) add('seizure', r.id, r.occurred_at, { kind: 'port', value: byLower.get(r.point) ?? r.point });
        }),
    );
  }

  for (const seg of origin.segments) {
    const label = `${seg.from.country}${seg.from.port ? ` ${seg.from.port}` : ''} → ${seg.to.country}${seg.to.port ? ` ${seg.to.port}` : ''}`;
    let q = db
      .selectFrom('seizure_route_stops as a')
      .innerJoin('seizure_route_stops as b', (j) => j.onRef('b.seizure_id', '=', 'a.seizure_id').on('b.position', '=', sql<number>`a.position + 1`))
      .innerJoin('seizures as s', 's.id', 'a.seizure_id')
      .select(['s.id', 's.occurred_at'])
      .where('a.country', '=', seg.from.country)
      .where('b.country', '=', seg.to.country);
    // A port given on both sides must agree; a segment without ports matches on the countries.
    if (seg.from.key) q = q.where((eb) => eb.or([eb('a.port_key', '=', seg.from.key), eb('a.port_key', 'is', null)]));
    if (seg.to.key) q = q.where((eb) => eb.or([eb('b.port_key', '=', seg.to.key), eb('b.port_key', 'is', null)]));
    jobs.push(
      q
        .where((eb) => seizureScope(eb as unknown as SeizureEb, opts.scope, from, to, exSeizure) as never)
        .execute()
        .then((rows) => {
          for (const r of rows) add('seizure', r.id, r.occurred_at, { kind: 'route-segment', value: label });
        }),
    );
  }

  await Promise.all(jobs);
  return [...hits.values()]
    .sort((a, b) => b.shared.length - a.shared.length || a.at - b.at || a.id.localeCompare(b.id))
    .slice(0, opts.limit)
    .map(({ kind, id, shared }) => ({ kind, id, shared }));
}
