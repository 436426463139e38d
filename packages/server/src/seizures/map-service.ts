// The map of the seizure and maritime-incident registries (issue 14 part 5): the records the caller's
// lists hold (same scoping as the lists: the organisation's records, of a case only the cases the
// caller may read; a node administrator sees every organisation's, each decided by the release
// policy, and another organisation's record the policy withholds is shown at its country's point
// with no place, items or vessel), as GeoJSON points, newest first up to a limit, filtered by
// domain, time, species/substance, country and a bounding box in SQL. Seizure routes are drawn
// through the country points of the shipped basemap (data/basemap/centroids.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ForbiddenError, ValidationError, assertCan } from '@comity/core';
import { type MarkedRecord, decide } from '@comity/core/policy/decide';
import { findSpecies, findSubstance, incidentKey, nameKey, seizureKey } from '@comity/core/seizures/seizure';
import type { Database } from '@comity/db';
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { REPO_ROOT } from '../config.ts';
import type { Actor } from '../deps.ts';
import { type PolicyWho, policyActorOf, todayOf } from '../policy/policy-service.ts';
import { referenceLists } from './reference-lists.ts';
import { type RegistryDeps, effectiveTlp, registryMarkedRecords } from './seizure-service.ts';

let centroidTable: Record<string, [number, number]> | undefined;

/** Each country's point on the basemap ([longitude, latitude]) by alpha-3; a missing file is an installation error. */
export function countryPoints(): Record<string, [number, number]> {
  centroidTable ??= JSON.parse(readFileSync(join(REPO_ROOT, 'data/basemap/centroids.json'), 'utf8')) as Record<string, [number, number]>;
  return centroidTable;
}

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Parses `west,south,east,north`; out-of-range or inverted latitudes are refused with a code the UI can say. */
export function parseBbox(text: string | undefined): Bbox | undefined {
  if (text === undefined) return undefined;
  const [west, south, east, north] = text.split(',').map((p) => Number(p.trim())) as [number, number, number, number];
  const bad = (field: string, value: number, min: number, max: number) =>
    new ValidationError('bbox_out_of_range', `The bounding box ${field} ${value} is outside ${min} to ${max}.`, { field, value, min, max });
  for (const [field, value] of [['west', west], ['east', east]] as const) if (!(value >= -180 && value <= 180)) throw bad(field, value, -180, 180);
  for (const [field, value] of [['south', south], ['north', north]] as const) if (!(value >= -90 && value <= 90)) throw bad(field, value, -90, 90);
  if (south > north) throw new ValidationError('bbox_inverted', `The bounding box south (${south}) is north of its north (${north}).`, { south, north });
  return { west, south, east, north };
}

function inBbox(b: Bbox, lon: number, lat: number): boolean {
  if (lat < b.south || lat > b.north) return false;
  return b.west <= b.east ? lon >= b.west && lon <= b.east : lon >= b.west || lon <= b.east;
}

/** SQL: the row's coordinates are in the box (west > east: across the antimeridian). */
function bboxSql(alias: 's' | 'm', b: Bbox): RawBuilder<SqlBool> {
  const lat = sql.ref(`${alias}.latitude`);
  const lon = sql.ref(`${alias}.longitude`);
  const lonCond = b.west <= b.east ? sql`${lon} >= ${b.west} and ${lon} <= ${b.east}` : sql`(${lon} >= ${b.west} or ${lon} <= ${b.east})`;
  return sql<SqlBool>`(${lat} >= ${b.south} and ${lat} <= ${b.north} and ${lonCond})`;
}

async function mapScope(db: Kysely<Database>, actor: Actor): Promise<{ organisationId: string | undefined; readableCaseIds: string[] | undefined; outsider: boolean }> {
  // The lists' scoping (seizure-service listScope), repeated here so the map cannot drift from it silently: see map-api.test.ts.
  if (actor.role === 'admin') return { organisationId: undefined, readableCaseIds: undefined, outsider: true };
  if (actor.role === 'supervisor') return { organisationId: actor.organisationId, readableCaseIds: undefined, outsider: false };
  const rows = await db.selectFrom('case_members').innerJoin('cases', 'cases.id', 'case_members.case_id').select('cases.id').where('case_members.user_id', '=', actor.userId).where('cases.organisation_id', '=', actor.organisationId).execute();
  return { organisationId: actor.organisationId, readableCaseIds: rows.map((r) => r.id), outsider: false };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

function requireActor(who: PolicyWho): Actor {
  if (!who.actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  return who.actor;
}

const dayStart = (d: string) => new Date(`${d}T00:00:00Z`);
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000);

export interface SeizureMapFilter {
  domain?: string | undefined;
  country?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  species?: string | undefined;
  substance?: string | undefined;
  name?: string | undefined;
  bbox?: string | undefined;
  limit: number;
}

export async function seizureMap(deps: RegistryDeps, who: PolicyWho, f: SeizureMapFilter) {
  const actor = requireActor(who);
  assertCan(actor.role, 'registry:read');
  const bbox = parseBbox(f.bbox);
  if (f.from && f.to && f.from > f.to) throw new ValidationError('period_inverted', `The period starts (${f.from}) after it ends (${f.to}).`, { from: f.from, to: f.to });
  const scope = await mapScope(deps.db, actor);
  const lists = referenceLists();
  const name = f.species ? (findSpecies(lists, f.species)?.name ?? f.species) : f.substance ? (findSubstance(lists, f.substance)?.name ?? f.substance) : f.name;
  const domain = f.domain ?? (f.species ? 'wildlife' : f.substance ? 'drugs' : undefined);
  const points = countryPoints();
  // Records without coordinates are drawn at their country's point, so the box selects them by that point.
  const countriesInBox = bbox ? Object.entries(points).filter(([, [lon, lat]]) => inBbox(bbox, lon, lat)).map(([code]) => code) : [];

  let q = deps.db.selectFrom('seizures as s');
  if (scope.organisationId) q = q.where('s.organisation_id', '=', scope.organisationId);
  if (scope.readableCaseIds) {
    const ids = scope.readableCaseIds;
    q = q.where((eb) => (ids.length ? eb.or([eb('s.case_id', 'is', null), eb('s.case_id', 'in', ids)]) : eb('s.case_id', 'is', null)));
  }
  if (f.country) q = q.where('s.country', '=', f.country);
  if (f.from) q = q.where('s.occurred_at', '>=', dayStart(f.from));
  if (f.to) q = q.where('s.occurred_at', '<', dayAfter(f.to));
  if (domain || name) {
    const key = name ? nameKey(name) : undefined;
    q = q.where((eb) => {
      let sub = eb.selectFrom('seizure_items as i').select('i.id').whereRef('i.seizure_id', '=', 's.id');
      if (domain) sub = sub.where('i.domain', '=', domain);
      if (key) sub = sub.where('i.name_key', '=', key);
      return eb.exists(sub);
    });
  }
  if (bbox) {
    q = q.where((eb) => {
      const located = bboxSql('s', bbox);
      return countriesInBox.length ? eb.or([located, eb.and([eb('s.latitude', 'is', null), eb('s.country', 'in', countriesInBox)])]) : located;
    });
  }
  const { n } = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(['s.id', 's.reference', 's.organisation_id', 's.case_id', 's.marking', 's.handling', 's.occurred_at', 's.country', 's.place', 's.latitude', 's.longitude'])
    .orderBy('s.occurred_at', 'desc')
    .orderBy('s.id')
    .limit(f.limit)
    .execute();
  const ids = rows.map((r) => r.id);
  const items = ids.length ? await deps.db.selectFrom('seizure_items').select(['seizure_id', 'domain', 'name']).where('seizure_id', 'in', ids).orderBy('seizure_id').orderBy('position').execute() : [];
  const stops = ids.length ? await deps.db.selectFrom('seizure_route_stops').select(['seizure_id', 'country']).where('seizure_id', 'in', ids).orderBy('seizure_id').orderBy('position').execute() : [];
  const itemsOf = groupBy(items, (i) => i.seizure_id);
  const stopsOf = new Map([...groupBy(stops, (s) => s.seizure_id)].map(([id, list]) => [id, list.map((s) => s.country)]));
  const today = todayOf(deps.now());
  const features = [];
  const routes = [];
  let unplaced = 0;
  const records = await registryMarkedRecords(deps.db, rows, (r) => seizureKey(r.id));
  for (const [n, row] of rows.entries()) {
    const record = records[n] as MarkedRecord;
    const withheld = scope.outsider && row.organisation_id !== actor.organisationId && !decide(policyActorOf(actor), { kind: 'read' }, record, { today, consents: [] }).allow;
    const mine = withheld ? [] : (itemsOf.get(row.id) ?? []);
    const exact = !withheld && row.latitude !== null && row.longitude !== null;
    const at: [number, number] | undefined = exact ? [row.longitude as number, row.latitude as number] : points[row.country];
    if (!at) {
      unplaced++;
      continue;
    }
    const domains = [...new Set(mine.map((i) => i.domain))];
    const drawn = withheld ? 'withheld' : (domains[0] ?? 'other');
    features.push({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: at },
      properties: {
        id: row.id,
        reference: row.reference,
        kind: 'seizure' as const,
        occurredAt: new Date(row.occurred_at).toISOString(),
        country: row.country,
        place: withheld ? null : row.place,
        domains,
        domain: drawn,
        names: [...new Set(mine.map((i) => i.name))],
        precision: exact ? ('exact' as const) : ('country' as const),
        withheld,
        marking: { tlp: row.marking, effectiveTlp: effectiveTlp(record) },
      },
    });
    if (withheld) continue;
    const route = stopsOf.get(row.id) ?? [];
    const placed = route.filter((c, i) => points[c] && c !== route[i - 1]);
    if (placed.length >= 2) routes.push({ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: placed.map((c) => points[c] as [number, number]) }, properties: { id: row.id, reference: row.reference, domain: drawn, countries: placed } });
  }
  const total = Number(n);
  return { type: 'FeatureCollection' as const, features, routes: { type: 'FeatureCollection' as const, features: routes }, total, truncated: total > rows.length, unplaced };
}

export interface IncidentMapFilter {
  kind?: string | undefined;
  country?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  bbox?: string | undefined;
  limit: number;
}

export async function incidentMap(deps: RegistryDeps, who: PolicyWho, f: IncidentMapFilter) {
  const actor = requireActor(who);
  assertCan(actor.role, 'registry:read');
  const bbox = parseBbox(f.bbox);
  if (f.from && f.to && f.from > f.to) throw new ValidationError('period_inverted', `The period starts (${f.from}) after it ends (${f.to}).`, { from: f.from, to: f.to });
  const scope = await mapScope(deps.db, actor);
  let q = deps.db.selectFrom('maritime_incidents as m');
  if (scope.organisationId) q = q.where('m.organisation_id', '=', scope.organisationId);
  if (scope.readableCaseIds) {
    const ids = scope.readableCaseIds;
    q = q.where((eb) => (ids.length ? eb.or([eb('m.case_id', 'is', null), eb('m.case_id', 'in', ids)]) : eb('m.case_id', 'is', null)));
  }
  if (f.kind) q = q.where('m.kind', '=', f.kind);
  if (f.country) q = q.where('m.country', '=', f.country);
  if (f.from) q = q.where('m.occurred_at', '>=', dayStart(f.from));
  if (f.to) q = q.where('m.occurred_at', '<', dayAfter(f.to));
  if (bbox) q = q.where(bboxSql('m', bbox));
  const { n } = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(['m.id', 'm.reference', 'm.organisation_id', 'm.case_id', 'm.marking', 'm.handling', 'm.occurred_at', 'm.country', 'm.latitude', 'm.longitude', 'm.kind', 'm.vessel_name', 'm.area'])
    .orderBy('m.occurred_at', 'desc')
    .orderBy('m.id')
    .limit(f.limit)
    .execute();
  const today = todayOf(deps.now());
  const features = [];
  const records = await registryMarkedRecords(deps.db, rows, (r) => incidentKey(r.id));
  for (const [n, row] of rows.entries()) {
    const record = records[n] as MarkedRecord;
    const withheld = scope.outsider && row.organisation_id !== actor.organisationId && !decide(policyActorOf(actor), { kind: 'read' }, record, { today, consents: [] }).allow;
    features.push({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [row.longitude, row.latitude] as [number, number] },
      properties: {
        id: row.id,
        reference: row.reference,
        kind: 'incident' as const,
        occurredAt: new Date(row.occurred_at).toISOString(),
        country: row.country,
        incidentKind: row.kind,
        area: withheld ? null : row.area,
        vesselName: withheld ? '' : row.vessel_name,
        domain: 'maritime' as const,
        precision: 'exact' as const,
        withheld,
        marking: { tlp: row.marking, effectiveTlp: effectiveTlp(record) },
      },
    });
  }
  const total = Number(n);
  return { type: 'FeatureCollection' as const, features, total, truncated: total > rows.length };
}
