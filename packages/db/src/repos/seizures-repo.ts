// Seizures, maritime incidents and their items, route stops and parties. Plain functions over a
// Kysely handle; the service passes a transaction so a record and its children change together.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, MaritimeIncidentsTable, RegistryPartiesTable, SeizureItemsTable, SeizureRouteStopsTable, SeizuresTable } from '../schema.ts';

export type SeizureRow = Selectable<SeizuresTable>;
export type SeizureItemRow = Selectable<SeizureItemsTable>;
export type SeizureRouteStopRow = Selectable<SeizureRouteStopsTable>;
export type MaritimeIncidentRow = Selectable<MaritimeIncidentsTable>;
export type RegistryPartyRow = Selectable<RegistryPartiesTable>;

export interface SeizureChildren {
  items: Insertable<SeizureItemsTable>[];
  stops: Insertable<SeizureRouteStopsTable>[];
  parties: Insertable<RegistryPartiesTable>[];
}

export async function insertSeizure(trx: Kysely<Database>, row: Insertable<SeizuresTable>, children: SeizureChildren): Promise<SeizureRow> {
  const stored = await trx.insertInto('seizures').values(row).returningAll().executeTakeFirstOrThrow();
  await writeSeizureChildren(trx, stored.id, children);
  return stored;
}

/** PostgreSQL takes at most 65 535 parameters per statement: rows per INSERT for a table of `columns` columns. */
const rowsPerInsert = (columns: number) => Math.max(1, Math.floor(60_000 / Math.max(1, columns)));

async function insertChunked<T extends keyof Database>(trx: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const size = rowsPerInsert(Object.keys(rows[0] as object).length);
  for (let i = 0; i < rows.length; i += size) await trx.insertInto(table).values(rows.slice(i, i + size) as never).execute();
}

/**
 * New seizures and their children in multi-row INSERTs (the import: a few statements per thousand
 * rows instead of eight per seizure); the stored rows in the order given. The caller has checked
 * the references and runs this in its transaction, so the whole batch is stored or none of it.
 */
export async function insertSeizures(trx: Kysely<Database>, batch: readonly { row: Insertable<SeizuresTable>; children: SeizureChildren }[]): Promise<SeizureRow[]> {
  if (batch.length === 0) return [];
  const size = rowsPerInsert(Object.keys(batch[0]?.row as object).length);
  const byId = new Map<string, SeizureRow>();
  for (let i = 0; i < batch.length; i += size) {
    const stored = await trx.insertInto('seizures').values(batch.slice(i, i + size).map((b) => b.row)).returningAll().execute();
    for (const s of stored) byId.set(s.id, s);
  }
  await insertChunked(trx, 'seizure_items', batch.flatMap((b) => b.children.items));
  await insertChunked(trx, 'seizure_route_stops', batch.flatMap((b) => b.children.stops));
  await insertChunked(trx, 'registry_parties', batch.flatMap((b) => b.children.parties));
  return batch.map((b) => byId.get(b.row.id as string) as SeizureRow);
}

/** Replaces a seizure's items, route and parties (an update sends them whole). */
export async function writeSeizureChildren(trx: Kysely<Database>, seizureId: string, children: SeizureChildren): Promise<void> {
  await trx.deleteFrom('seizure_items').where('seizure_id', '=', seizureId).execute();
  await trx.deleteFrom('seizure_route_stops').where('seizure_id', '=', seizureId).execute();
  await trx.deleteFrom('registry_parties').where('seizure_id', '=', seizureId).execute();
  if (children.items.length) await trx.insertInto('seizure_items').values(children.items).execute();
  if (children.stops.length) await trx.insertInto('seizure_route_stops').values(children.stops).execute();
  if (children.parties.length) await trx.insertInto('registry_parties').values(children.parties).execute();
}

export async function findSeizure(db: Kysely<Database>, id: string): Promise<SeizureRow | undefined> {
  return db.selectFrom('seizures').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSeizureForUpdate(trx: Kysely<Database>, id: string): Promise<SeizureRow | undefined> {
  return trx.selectFrom('seizures').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Items, route stops and parties of the given seizures, each in its stored order. */
export async function seizureChildren(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return { items: [] as SeizureItemRow[], stops: [] as SeizureRouteStopRow[], parties: [] as RegistryPartyRow[] };
  const [items, stops, parties] = await Promise.all([
    db.selectFrom('seizure_items').selectAll().where('seizure_id', 'in', ids).orderBy('seizure_id').orderBy('position').execute(),
    db.selectFrom('seizure_route_stops').selectAll().where('seizure_id', 'in', ids).orderBy('seizure_id').orderBy('position').execute(),
    db.selectFrom('registry_parties').selectAll().where('seizure_id', 'in', ids).orderBy('position').execute(),
  ]);
  return { items, stops, parties };
}

export interface SeizureFilter {
  /** Only this organisation's records; undefined = every organisation (node administrators). */
  organisationId?: string | undefined;
  /** Only records without a case or of these cases (the cases the caller may read); undefined = no restriction. */
  readableCaseIds?: readonly string[] | undefined;
  caseId?: string | undefined;
  domain?: string | undefined;
  country?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** An item's name key (species, substance, product, brand). */
  nameKey?: string | undefined;
  vesselImo?: string | undefined;
  iccsCode?: string | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

export async function listSeizures(db: Kysely<Database>, f: SeizureFilter): Promise<{ rows: SeizureRow[]; total: number }> {
  let q = db.selectFrom('seizures as s');
  if (f.organisationId) q = q.where('s.organisation_id', '=', f.organisationId);
  if (f.readableCaseIds) {
    const ids = f.readableCaseIds;
    q = q.where((eb) => (ids.length ? eb.or([eb('s.case_id', 'is', null), eb('s.case_id', 'in', ids)]) : eb('s.case_id', 'is', null)));
  }
  if (f.caseId) q = q.where('s.case_id', '=', f.caseId);
  if (f.country) q = q.where('s.country', '=', f.country);
  if (f.from) q = q.where('s.occurred_at', '>=', f.from);
  if (f.to) q = q.where('s.occurred_at', '<', f.to);
  if (f.vesselImo) q = q.where('s.vessel_imo', '=', f.vesselImo);
  if (f.iccsCode) q = q.where('s.iccs_code', 'like', `${f.iccsCode}%`);
  if (f.domain || f.nameKey) {
    const { domain, nameKey } = f;
    q = q.where((eb) => {
      let sub = eb.selectFrom('seizure_items as i').select('i.id').whereRef('i.seizure_id', '=', 's.id');
      if (domain) sub = sub.where('i.domain', '=', domain);
      if (nameKey) sub = sub.where('i.name_key', '=', nameKey);
      return eb.exists(sub);
    });
  }
  for (const w of (f.search ?? '').split(' ').filter(Boolean)) q = q.where('s.search_text', 'like', `%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  const { n } = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll('s').orderBy('s.occurred_at', 'desc').orderBy('s.id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(n) };
}

export async function insertIncident(trx: Kysely<Database>, row: Insertable<MaritimeIncidentsTable>, parties: Insertable<RegistryPartiesTable>[]): Promise<MaritimeIncidentRow> {
  const stored = await trx.insertInto('maritime_incidents').values(row).returningAll().executeTakeFirstOrThrow();
  if (parties.length) await trx.insertInto('registry_parties').values(parties).execute();
  return stored;
}

export async function replaceIncidentParties(trx: Kysely<Database>, incidentId: string, parties: Insertable<RegistryPartiesTable>[]): Promise<void> {
  await trx.deleteFrom('registry_parties').where('incident_id', '=', incidentId).execute();
  if (parties.length) await trx.insertInto('registry_parties').values(parties).execute();
}

export async function findIncident(db: Kysely<Database>, id: string): Promise<MaritimeIncidentRow | undefined> {
  return db.selectFrom('maritime_incidents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function incidentParties(db: Kysely<Database>, ids: readonly string[]): Promise<RegistryPartyRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('registry_parties').selectAll().where('incident_id', 'in', ids).orderBy('position').execute();
}

export interface IncidentFilter {
  organisationId?: string | undefined;
  readableCaseIds?: readonly string[] | undefined;
  caseId?: string | undefined;
  kind?: string | undefined;
  country?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  vesselImo?: string | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

export async function listIncidents(db: Kysely<Database>, f: IncidentFilter): Promise<{ rows: MaritimeIncidentRow[]; total: number }> {
  let q = db.selectFrom('maritime_incidents as m');
  if (f.organisationId) q = q.where('m.organisation_id', '=', f.organisationId);
  if (f.readableCaseIds) {
    const ids = f.readableCaseIds;
    q = q.where((eb) => (ids.length ? eb.or([eb('m.case_id', 'is', null), eb('m.case_id', 'in', ids)]) : eb('m.case_id', 'is', null)));
  }
  if (f.caseId) q = q.where('m.case_id', '=', f.caseId);
  if (f.kind) q = q.where('m.kind', '=', f.kind);
  if (f.country) q = q.where('m.country', '=', f.country);
  if (f.from) q = q.where('m.occurred_at', '>=', f.from);
  if (f.to) q = q.where('m.occurred_at', '<', f.to);
  if (f.vesselImo) q = q.where('m.vessel_imo', '=', f.vesselImo);
  for (const w of (f.search ?? '').split(' ').filter(Boolean)) q = q.where('m.search_text', 'like', `%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  const { n } = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll('m').orderBy('m.occurred_at', 'desc').orderBy('m.id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(n) };
}
