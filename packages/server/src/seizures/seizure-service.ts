// Seizure and maritime-incident registries (issue 14): records of an organisation, checked by
// core (dates, coordinates, IMO, species, substances, ICCS), each a marked record whose sources
// are its own marking and its case's. Reading: the holding organisation, and for a record of a
// case only whoever may read that case (the team and the supervisors); node administrators as
// the marking allows. Every change is one audited transaction; an import is one transaction for
// all rows.
import { randomUUID } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, assertCan } from '@comity/core';
import type { MarkedRecord, MarkedSource } from '@comity/core/policy/decide';
import { decide } from '@comity/core/policy/decide';
import { caseKey } from '@comity/core/cases/case';
import { type HandlingCode, type Marking, NO_LIMITATIONS, type TlpMarking, combineAll } from '@comity/core/policy/marking';
import {
  type IncidentInput,
  type RecordProblem,
  type RegistryParty,
  type SeizureInput,
  checkIncident,
  checkSeizure,
  findSpecies,
  findSubstance,
  incidentKey,
  itemName,
  nameKey,
  normaliseImo,
  seizureKey,
} from '@comity/core/seizures/seizure';
import type { CreateIncidentBody, CreateSeizureBody, PatchIncidentBody, PatchSeizureBody } from '@comity/contract/seizures';
import { type Database, findOrganisation } from '@comity/db';
import { findCase } from '@comity/db/repos/cases-repo';
import {
  type MaritimeIncidentRow,
  type RegistryPartyRow,
  type SeizureChildren,
  type SeizureRow,
  findIncident,
  findSeizure,
  incidentParties,
  insertIncident,
  insertSeizure,
  insertSeizures,
  listIncidents,
  listSeizures,
  replaceIncidentParties,
  seizureChildren,
  writeSeizureChildren,
} from '@comity/db/repos/seizures-repo';
import type { Insertable, Kysely } from 'kysely';
import type { z } from 'zod';
import { assertCaseMember, caseMarkedRecord, markingOfCaseRow, readCaseWithAccess } from '../cases/case-service.ts';
import { type Actor, type AppDeps, type AuditFn, auditedTransaction } from '../deps.ts';
import { type PolicyWho, enforceRecord, policyActorOf, todayOf } from '../policy/policy-service.ts';
import { referenceLists } from './reference-lists.ts';

export type RegistryDeps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> & Partial<Pick<AppDeps, 'auditAnchor' | 'auditSequencer'>>;
type CreateSeizure = z.infer<typeof CreateSeizureBody>;
type PatchSeizure = z.infer<typeof PatchSeizureBody>;
type CreateIncident = z.infer<typeof CreateIncidentBody>;
type PatchIncident = z.infer<typeof PatchIncidentBody>;

function requireActor(who: PolicyWho): Actor {
  if (!who.actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  return who.actor;
}

/** The problems core found, as one 400 answer (`record_invalid`, with every problem listed). */
export class RecordInvalidError extends ValidationError {
  constructor(readonly problems: RecordProblem[]) {
    super('record_invalid', `The record has ${problems.length} problem(s): ${problems.map((p) => `${p.field}: ${p.code}`).join('; ')}.`, { problems });
  }
}

export function identifierKey(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

// ── Marking ─────────────────────────────────────────────────────────────────────────────────

async function ownMarking(db: Kysely<Database>, row: { organisation_id: string; marking: string; handling: string }): Promise<Marking> {
  const org = await findOrganisation(db, row.organisation_id);
  return {
    tlp: row.marking as TlpMarking,
    handling: row.handling as HandlingCode,
    handlingNotes: [],
    originators: [{ nodeId: null, organisationId: row.organisation_id, name: org?.name ?? '', state: org?.country ?? 'XXX' }],
    limitations: NO_LIMITATIONS,
  };
}

/** A registry record as the release policy sees it: its own marking, and its case's when it has one. */
export async function registryMarkedRecord(db: Kysely<Database>, key: string, row: { organisation_id: string; marking: string; handling: string; case_id: string | null }): Promise<MarkedRecord> {
  const sources: MarkedSource[] = [{ key, marking: await ownMarking(db, row) }];
  if (row.case_id) {
    const c = await findCase(db, row.case_id);
    if (c) sources.push(...(await caseMarkedRecord(db, c)).sources);
  }
  return { key, organisationId: row.organisation_id, sources };
}

type RegistryMarkedRow = { organisation_id: string; marking: string; handling: string; case_id: string | null };

/**
 * The marked records of a page of registry rows, in the rows' order: the same records
 * `registryMarkedRecord` builds one at a time, with the page's organisations and cases each read
 * once (two or three statements for the page instead of one or more per row). The release policy
 * (`decide`) still decides each record; this only reads what it is asked about.
 */
export async function registryMarkedRecords<R extends RegistryMarkedRow>(db: Kysely<Database>, rows: readonly R[], keyOf: (row: R) => string): Promise<MarkedRecord[]> {
  if (rows.length === 0) return [];
  const caseIds = [...new Set(rows.map((r) => r.case_id).filter((x): x is string => !!x))];
  const cases = caseIds.length ? await db.selectFrom('cases').selectAll().where('id', 'in', caseIds).execute() : [];
  const orgIds = [...new Set([...rows.map((r) => r.organisation_id), ...cases.map((c) => c.organisation_id)])];
  const orgs = new Map((await db.selectFrom('organisations').select(['id', 'name', 'country']).where('id', 'in', orgIds).execute()).map((o) => [o.id, o]));
  const holder = (id: string) => ({ name: orgs.get(id)?.name ?? '', country: orgs.get(id)?.country ?? 'XXX' });
  const caseSources = new Map(cases.map((c) => [c.id, { key: caseKey(c.id), marking: markingOfCaseRow(c, holder(c.organisation_id)) } satisfies MarkedSource]));
  return rows.map((row) => {
    const key = keyOf(row);
    const h = holder(row.organisation_id);
    const own: Marking = {
      tlp: row.marking as TlpMarking,
      handling: row.handling as HandlingCode,
      handlingNotes: [],
      originators: [{ nodeId: null, organisationId: row.organisation_id, name: h.name, state: h.country }],
      limitations: NO_LIMITATIONS,
    };
    const sources: MarkedSource[] = [{ key, marking: own }];
    const c = row.case_id ? caseSources.get(row.case_id) : undefined;
    if (c) sources.push(c);
    return { key, organisationId: row.organisation_id, sources };
  });
}

export function effectiveTlp(record: MarkedRecord): string {
  const [own, ...rest] = record.sources;
  return combineAll((own as MarkedSource).marking, ...rest.map((s) => s.marking)).tlp;
}

// ── Scoping ─────────────────────────────────────────────────────────────────────────────────

/**
 * Which records the caller's lists hold: its organisation's (node administrators: every
 * organisation's, each decided), and of those belonging to a case only the cases it may read
 * (its teams'; a supervisor every case of the organisation).
 */
async function listScope(db: Kysely<Database>, actor: Actor): Promise<{ organisationId: string | undefined; readableCaseIds: string[] | undefined; outsider: boolean }> {
  if (actor.role === 'admin') return { organisationId: undefined, readableCaseIds: undefined, outsider: true };
  if (actor.role === 'supervisor') return { organisationId: actor.organisationId, readableCaseIds: undefined, outsider: false };
  const rows = await db.selectFrom('case_members').innerJoin('cases', 'cases.id', 'case_members.case_id').select('cases.id').where('case_members.user_id', '=', actor.userId).where('cases.organisation_id', '=', actor.organisationId).execute();
  return { organisationId: actor.organisationId, readableCaseIds: rows.map((r) => r.id), outsider: false };
}

/** A record the caller may read (404 otherwise, 403 `policy_denied` when only the marking stands in the way). */
async function assertReadable(deps: RegistryDeps, who: PolicyWho, key: string, row: { id: string; organisation_id: string; marking: string; handling: string; case_id: string | null; reference: string }, what: string): Promise<MarkedRecord> {
  const actor = requireActor(who);
  assertCan(actor.role, 'registry:read');
  if (actor.role !== 'admin' && actor.organisationId !== row.organisation_id) throw new NotFoundError('not_found', `No such ${what}.`);
  if (row.case_id) {
    try {
      await readCaseWithAccess(deps, { ...who, trail: undefined }, row.case_id);
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError('not_found', `No such ${what}.`);
      throw err;
    }
  }
  const record = await registryMarkedRecord(deps.db, key, row);
  await enforceRecord(deps, who, { record, auditTarget: key, details: { recordId: row.id, reference: row.reference } }, { kind: 'read' });
  return record;
}

async function checkCaseLink(deps: RegistryDeps, who: PolicyWho, caseId: string | null | undefined, organisationId: string): Promise<void> {
  if (!caseId) return;
  const { row } = await assertCaseMember(deps, { ...who, trail: undefined }, caseId, 'link');
  if (row.organisation_id !== organisationId) throw new NotFoundError('not_found', 'No such case.');
}

/** Parties naming an entity must name one of the record's case. */
async function checkPartyEntities(db: Kysely<Database>, parties: readonly RegistryParty[] | undefined, caseId: string | null | undefined): Promise<void> {
  const ids = (parties ?? []).map((p) => p.entityId).filter((x): x is string => !!x);
  if (ids.length === 0) return;
  if (!caseId) throw new ValidationError('party_entity_without_case', 'A party can name an entity only when the record belongs to a case.', { field: 'parties' });
  const found = await db.selectFrom('entities').select('id').where('id', 'in', ids).where('case_id', '=', caseId).execute();
  const have = new Set(found.map((r) => r.id));
  const missing = ids.filter((id) => !have.has(id));
  if (missing.length) throw new ValidationError('party_entity_unknown', 'A party names an entity that is not in the record\u2019s case.', { field: 'parties', entityIds: missing });
}

function partyRows(parties: readonly RegistryParty[] | undefined, owner: { seizure_id: string } | { incident_id: string }): Insertable<Database['registry_parties']>[] {
  return (parties ?? []).map((p, position) => ({
    id: randomUUID(),
    ...owner,
    position,
    role: p.role,
    entity_id: p.entityId ?? null,
    party_kind: p.kind,
    name: p.name,
    name_key: nameKey(p.name),
    identifier: p.identifier ?? null,
    identifier_key: p.identifier ? identifierKey(p.identifier) : null,
  }));
}

async function nextReference(trx: Kysely<Database>, table: 'seizures' | 'maritime_incidents', prefix: string, organisationId: string, now: Date): Promise<string> {
  const { n } = await trx.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
  let i = Number(n) + 1;
  for (;;) {
    const reference = `${prefix}-${now.getUTCFullYear()}-${String(i).padStart(5, '0')}`;
    const taken = await trx.selectFrom(table).select('id').where('organisation_id', '=', organisationId).where('reference', '=', reference).executeTakeFirst();
    if (!taken) return reference;
    i++;
  }
}

/**
 * nextReference's rule for an import (the organisation's count + 1, then the next free one), counted
 * once and minding the references the file itself uses (`avoid`), which are not stored yet.
 */
function importReferences(trx: Kysely<Database>, table: 'seizures' | 'maritime_incidents', prefix: string, organisationId: string, now: Date, avoid: readonly ReadonlySet<string>[]): () => Promise<string> {
  let counter: number | undefined;
  return async () => {
    counter ??= Number((await trx.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('organisation_id', '=', organisationId).executeTakeFirstOrThrow()).n);
    for (;;) {
      counter++;
      const reference = `${prefix}-${now.getUTCFullYear()}-${String(counter).padStart(5, '0')}`;
      if (avoid.some((set) => set.has(reference))) continue;
      const exists = await trx.selectFrom(table).select('id').where('organisation_id', '=', organisationId).where('reference', '=', reference).executeTakeFirst();
      if (!exists) return reference;
    }
  };
}

function searchText(parts: (string | null | undefined)[]): string {
  return nameKey(parts.filter(Boolean).join(' '));
}

// ── Seizures ────────────────────────────────────────────────────────────────────────────────

/** Checks a seizure body with core; throws `record_invalid` with every problem. */
export function checkedSeizure(body: SeizureInput, now: Date) {
  const r = checkSeizure(referenceLists(), body, now);
  if (!r.ok) throw new RecordInvalidError(r.problems);
  return r;
}

function seizureChildRows(id: string, s: SeizureInput): SeizureChildren {
  return {
    items: s.items.map((item, position) => {
      const name = itemName(item);
      return { id: randomUUID(), seizure_id: id, position, domain: item.domain, name, name_key: nameKey(name), quantity: item.quantity ?? null, unit: item.unit ?? null, details: JSON.stringify(item) };
    }),
    stops: (s.route ?? []).map((stop, position) => ({ seizure_id: id, position, stage: stop.stage, country: stop.country, port: stop.port ?? null, port_key: stop.port ? nameKey(stop.port) : null })),
    parties: partyRows(s.parties, { seizure_id: id }),
  };
}

/**
 * The columns of a seizure that come from its checked content: creating and editing a seizure write
 * them alike, and so does the registry bench, which loads seizures by COPY. (The check has already
 * normalised the IMO number; normalising again is harmless.)
 */
export function seizureContentColumns(checked: { seizure: SeizureInput; at: Date; timeKnown: boolean }) {
  const s = checked.seizure;
  return {
    occurred_at: checked.at,
    time_known: checked.timeKnown,
    country: s.country,
    place: s.place ?? null,
    latitude: s.latitude ?? null,
    longitude: s.longitude ?? null,
    location_kind: s.locationKind,
    location_point: s.locationPoint ?? null,
    authority: s.authority,
    detection_method: s.detectionMethod,
    conveyance_type: s.conveyanceType,
    conveyance: JSON.stringify(s.conveyance ?? {}),
    vessel_imo: s.conveyance?.vesselImo ? normaliseImo(s.conveyance.vesselImo) : null,
    iccs_code: s.iccsCode,
    summary: s.summary ?? null,
  };
}

export function seizureSearchText(reference: string, s: SeizureInput): string {
  return searchText([reference, s.place, s.locationPoint, s.authority, s.summary, s.conveyance?.vesselName, s.conveyance?.vesselImo, s.conveyance?.containerNumber, ...s.items.map(itemName), ...(s.parties ?? []).map((p) => p.name), ...(s.route ?? []).map((r) => r.port)]);
}

/** The row of a new seizure as it is stored (one create and the import's batch write it alike). */
function newSeizureRow(actor: Actor, body: CreateSeizure, checked: ReturnType<typeof checkedSeizure>, id: string, reference: string, now: Date): Insertable<Database['seizures']> {
  return {
    id,
    organisation_id: actor.organisationId,
    case_id: body.caseId ?? null,
    reference,
    ...seizureContentColumns(checked),
    marking: body.marking ?? 'AMBER',
    handling: body.handling ?? 'H0',
    sources: JSON.stringify(body.sources ?? []),
    search_text: seizureSearchText(reference, checked.seizure),
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
}

function auditSeizureCreated(audit: AuditFn, id: string, reference: string, caseId: string | null, marking: string, s: SeizureInput): void {
  audit('seizure.create', seizureKey(id), { reference, caseId, domains: [...new Set(s.items.map((i) => i.domain))], iccsCode: s.iccsCode, marking });
}

async function insertCheckedSeizure(trx: Kysely<Database>, audit: AuditFn, now: Date, actor: Actor, body: CreateSeizure, checked: ReturnType<typeof checkedSeizure>): Promise<SeizureRow> {
  const s = checked.seizure;
  const id = randomUUID();
  const reference = body.reference ?? (await nextReference(trx, 'seizures', 'SZ', actor.organisationId, now));
  const taken = await trx.selectFrom('seizures').select('id').where('organisation_id', '=', actor.organisationId).where('reference', '=', reference).executeTakeFirst();
  if (taken) throw new ConflictError('reference_taken', `Your organisation already has a seizure ${reference}.`, { field: 'reference', reference });
  const row = await insertSeizure(trx, newSeizureRow(actor, body, checked, id, reference, now), seizureChildRows(id, s));
  auditSeizureCreated(audit, id, reference, row.case_id, row.marking, s);
  return row;
}

export async function createSeizure(deps: RegistryDeps, who: PolicyWho, body: CreateSeizure): Promise<SeizureRow> {
  const actor = requireActor(who);
  assertCan(actor.role, 'registry:edit');
  const checked = checkedSeizure(body, deps.now());
  await checkCaseLink(deps, who, body.caseId, actor.organisationId);
  await checkPartyEntities(deps.db, body.parties, body.caseId);
  return auditedTransaction(deps, { actor, requestId: who.requestId }, (trx, audit) => insertCheckedSeizure(trx, audit, deps.now(), actor, body, checked));
}

/** Several seizures in one transaction (the import): all are stored or none. Bodies are already checked. */
export async function createSeizures(deps: RegistryDeps, who: PolicyWho, rows: readonly { row: number; body: CreateSeizure; checked: ReturnType<typeof checkedSeizure> }[], summary: Record<string, unknown>): Promise<{ row: number; record: SeizureRow }[]> {
  const actor = requireActor(who);
  assertCan(actor.role, 'registry:edit');
  const caseIds = new Set(rows.map((r) => r.body.caseId).filter((x): x is string => !!x));
  for (const caseId of caseIds) await checkCaseLink(deps, who, caseId, actor.organisationId);
  return auditedTransaction(deps, { actor, requestId: who.requestId }, async (trx, audit) => {
    // The whole file in a few multi-row INSERTs (insertSeizures), not eight statements per row:
    // the references are checked in one query, and a taken one (or one given twice in the file)
    // refuses the whole import as before.
    const now = deps.now();
    const given = [...new Set(rows.map((r) => r.body.reference).filter((x): x is string => !!x))];
    const taken = new Set<string>();
    for (let i = 0; i < given.length; i += 1000) {
      const found = await trx.selectFrom('seizures').select('reference').where('organisation_id', '=', actor.organisationId).where('reference', 'in', given.slice(i, i + 1000)).execute();
      for (const f of found) taken.add(f.reference);
    }
    const used = new Set<string>();
    const autoReference = importReferences(trx, 'seizures', 'SZ', actor.organisationId, now, [used, taken]);
    const batch: { row: Insertable<Database['seizures']>; children: SeizureChildren }[] = [];
    for (const r of rows) {
      const reference = r.body.reference ?? (await autoReference());
      if (taken.has(reference) || used.has(reference)) throw new ConflictError('reference_taken', `Row ${r.row}: Your organisation already has a seizure ${reference}. Nothing was imported.`, { field: 'reference', reference, row: r.row });
      used.add(reference);
      const id = randomUUID();
      const row = newSeizureRow(actor, r.body, r.checked, id, reference, now);
      batch.push({ row, children: seizureChildRows(id, r.checked.seizure) });
      auditSeizureCreated(audit, id, reference, row.case_id ?? null, row.marking, r.checked.seizure);
    }
    const stored = await insertSeizures(trx, batch);
    const out = rows.map((r, n) => ({ row: r.row, record: stored[n] as SeizureRow }));
    // One audit entry for the import (with its counts) besides one per record.
    audit('seizure.import', `organisation:${actor.organisationId}`, { ...summary, imported: out.length });
    return out;
  });
}

export async function readSeizure(deps: RegistryDeps, who: PolicyWho, id: string): Promise<{ row: SeizureRow; record: MarkedRecord }> {
  const row = await findSeizure(deps.db, id);
  if (!row) throw new NotFoundError('not_found', 'No such seizure.');
  const record = await assertReadable(deps, who, seizureKey(row.id), row, 'seizure');
  return { row, record };
}

async function loadSeizureForChange(deps: RegistryDeps, who: PolicyWho, id: string): Promise<{ actor: Actor; row: SeizureRow }> {
  const actor = requireActor(who);
  const { row } = await readSeizure(deps, who, id);
  if (actor.organisationId !== row.organisation_id) throw new NotFoundError('not_found', 'No such seizure.');
  assertCan(actor.role, 'registry:edit');
  if (row.case_id) await checkCaseLink(deps, who, row.case_id, row.organisation_id);
  return { actor, row };
}

/** The stored seizure in the input shape, to merge a partial change into. */
export async function seizureAsInput(db: Kysely<Database>, row: SeizureRow): Promise<SeizureInput & { marking: string; handling: string; sources: unknown }> {
  const { items, stops, parties } = await seizureChildren(db, [row.id]);
  return {
    reference: row.reference,
    occurredAt: row.time_known ? new Date(row.occurred_at).toISOString() : new Date(row.occurred_at).toISOString().slice(0, 10),
    country: row.country,
    place: row.place ?? undefined,
    latitude: row.latitude,
    longitude: row.longitude,
    locationKind: row.location_kind as SeizureInput['locationKind'],
    locationPoint: row.location_point ?? undefined,
    authority: row.authority,
    detectionMethod: row.detection_method as SeizureInput['detectionMethod'],
    conveyanceType: row.conveyance_type as SeizureInput['conveyanceType'],
    conveyance: row.conveyance as SeizureInput['conveyance'],
    route: stops.map((s) => ({ stage: s.stage as 'origin', country: s.country, port: s.port ?? undefined })),
    parties: parties.map((p) => ({ role: p.role, kind: p.party_kind as 'company', name: p.name, entityId: p.entity_id, identifier: p.identifier ?? undefined })),
    items: items.map((i) => i.details as SeizureInput['items'][number]),
    iccsCode: row.iccs_code,
    summary: row.summary ?? undefined,
    caseId: row.case_id,
    marking: row.marking,
    handling: row.handling,
    sources: row.sources,
  };
}

export async function updateSeizure(deps: RegistryDeps, who: PolicyWho, id: string, body: PatchSeizure): Promise<SeizureRow> {
  const { actor, row } = await loadSeizureForChange(deps, who, id);
  const current = await seizureAsInput(deps.db, row);
  const { version, marking, handling, sources, ...changes } = body;
  const merged = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as SeizureInput;
  const checked = checkedSeizure(merged, deps.now());
  if (body.caseId !== undefined && body.caseId !== row.case_id) await checkCaseLink(deps, who, body.caseId, row.organisation_id);
  await checkPartyEntities(deps.db, merged.parties, merged.caseId);
  return auditedTransaction(deps, { actor, requestId: who.requestId }, async (trx, audit) => {
    const locked = await trx.selectFrom('seizures').select('version').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.version !== version) throw new ConflictError('version_conflict', `The seizure changed since you opened it (version ${locked.version}, you edited ${version}).`, { version: locked.version });
    const s = checked.seizure;
    const updated = await trx
      .updateTable('seizures')
      .set({
        case_id: s.caseId ?? null,
        ...seizureContentColumns(checked),
        marking: marking ?? row.marking,
        handling: handling ?? row.handling,
        sources: JSON.stringify(sources ?? row.sources),
        search_text: seizureSearchText(row.reference, s),
        version: locked.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeSeizureChildren(trx, id, seizureChildRows(id, s));
    audit('seizure.update', seizureKey(id), { reference: row.reference, version: updated.version, changed: Object.keys(body).filter((k) => k !== 'version') });
    return updated;
  });
}

export interface SeizureListFilter {
  domain?: string | undefined;
  country?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  species?: string | undefined;
  substance?: string | undefined;
  name?: string | undefined;
  caseId?: string | undefined;
  vesselImo?: string | undefined;
  iccs?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000);

export async function searchSeizures(deps: RegistryDeps, who: PolicyWho, f: SeizureListFilter) {
  const actor = requireActor(who);
  assertCan(actor.role, 'registry:read');
  const scope = await listScope(deps.db, actor);
  // A species or substance is looked up in the lists, so an alias finds what the list's name was stored as.
  const lists = referenceLists();
  const name = f.species ? (findSpecies(lists, f.species)?.name ?? f.species) : f.substance ? (findSubstance(lists, f.substance)?.name ?? f.substance) : f.name;
  const domain = f.domain ?? (f.species ? 'wildlife' : f.substance ? 'drugs' : undefined);
  const { rows, total } = await listSeizures(deps.db, {
    organisationId: scope.organisationId,
    readableCaseIds: scope.readableCaseIds,
    caseId: f.caseId,
    domain,
    country: f.country,
    from: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
    to: f.to ? dayAfter(f.to) : undefined,
    nameKey: name ? nameKey(name) : undefined,
    vesselImo: f.vesselImo ? normaliseImo(f.vesselImo) : undefined,
    iccsCode: f.iccs,
    search: f.q ? nameKey(f.q) : undefined,
    limit: f.limit,
    offset: f.offset,
  });
  const { items } = await seizureChildren(deps.db, rows.map((r) => r.id));
  const cases = await caseRefs(deps.db, rows.map((r) => r.case_id));
  const today = todayOf(deps.now());
  const out = [];
  const records = await registryMarkedRecords(deps.db, rows, (r) => seizureKey(r.id));
  for (const [n, row] of rows.entries()) {
    const record = records[n] as MarkedRecord;
    const withheld = scope.outsider && row.organisation_id !== actor.organisationId && !decide(policyActorOf(actor), { kind: 'read' }, record, { today, consents: [] }).allow;
    const mine = withheld ? [] : items.filter((i) => i.seizure_id === row.id);
    out.push({
      id: row.id,
      reference: row.reference,
      occurredAt: new Date(row.occurred_at).toISOString(),
      country: row.country,
      place: withheld ? null : row.place,
      locationPoint: withheld ? null : row.location_point,
      latitude: withheld ? null : row.latitude,
      longitude: withheld ? null : row.longitude,
      domains: [...new Set(mine.map((i) => i.domain))],
      items: mine.map((i) => ({ domain: i.domain, name: i.name, quantity: i.quantity, unit: i.unit })),
      conveyanceType: row.conveyance_type,
      iccsCode: row.iccs_code,
      case: withheld ? null : (cases.get(row.case_id ?? '') ?? null),
      marking: { tlp: row.marking, handling: row.handling, effectiveTlp: effectiveTlp(record) },
      withheld,
    });
  }
  return { items: out, total };
}

async function caseRefs(db: Kysely<Database>, ids: (string | null)[]): Promise<Map<string, { id: string; reference: string; title: string }>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'reference', 'title']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

function partyView(p: RegistryPartyRow) {
  return { role: p.role, kind: p.party_kind, name: p.name, entityId: p.entity_id, identifier: p.identifier };
}

export async function presentSeizure(db: Kysely<Database>, row: SeizureRow, record: MarkedRecord) {
  const { items, stops, parties } = await seizureChildren(db, [row.id]);
  const cases = await caseRefs(db, [row.case_id]);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    reference: row.reference,
    occurredAt: new Date(row.occurred_at).toISOString(),
    timeKnown: row.time_known,
    country: row.country,
    place: row.place,
    latitude: row.latitude,
    longitude: row.longitude,
    locationKind: row.location_kind,
    locationPoint: row.location_point,
    authority: row.authority,
    detectionMethod: row.detection_method,
    conveyanceType: row.conveyance_type,
    conveyance: row.conveyance as Record<string, string>,
    route: stops.map((s) => ({ stage: s.stage, country: s.country, port: s.port })),
    parties: parties.map(partyView),
    items: items.map((i) => i.details as Record<string, string | number | null>),
    domains: [...new Set(items.map((i) => i.domain))],
    iccsCode: row.iccs_code,
    summary: row.summary,
    case: cases.get(row.case_id ?? '') ?? null,
    marking: { tlp: row.marking, handling: row.handling, effectiveTlp: effectiveTlp(record) },
    sources: row.sources as { title: string; reference?: string }[],
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

// ── Maritime incidents ──────────────────────────────────────────────────────────────────────

function checkedIncident(body: IncidentInput, now: Date) {
  const r = checkIncident(referenceLists(), body, now);
  if (!r.ok) throw new RecordInvalidError(r.problems);
  return r;
}

/**
 * The columns of a maritime incident that come from its checked content: creating and editing an
 * incident write them alike (and the registry bench, which loads incidents by COPY).
 */
export function incidentContentColumns(checked: { incident: IncidentInput; at: Date; timeKnown: boolean }) {
  const i = checked.incident;
  return {
    occurred_at: checked.at,
    time_known: checked.timeKnown,
    latitude: i.latitude,
    longitude: i.longitude,
    area: i.area ?? null,
    country: i.country ?? null,
    vessel_name: i.vessel.name,
    vessel_imo: i.vessel.imo ?? null,
    vessel_flag: i.vessel.flag ?? null,
    vessel_type: i.vessel.type,
    vessel_status: i.vesselStatus,
    kind: i.kind,
    narrative: i.narrative,
    crew: JSON.stringify(i.crew ?? {}),
    reporting_source: i.reportingSource,
    iccs_code: i.iccsCode as string,
  };
}

export function incidentSearchText(reference: string, i: IncidentInput): string {
  return searchText([reference, i.area, i.vessel.name, i.vessel.imo, i.vessel.type, i.reportingSource, i.narrative, ...(i.parties ?? []).map((p) => p.name)]);
}

/** The row of a new incident as it is stored (one create and the import write it alike). */
function newIncidentRow(actor: Actor, body: CreateIncident, checked: ReturnType<typeof checkedIncident>, id: string, reference: string, now: Date): Insertable<Database['maritime_incidents']> {
  return {
    id,
    organisation_id: actor.organisationId,
    case_id: body.caseId ?? null,
    reference,
    ...incidentContentColumns(checked),
    marking: body.marking ?? 'AMBER',
    handling: body.handling ?? 'H0',
    sources: JSON.stringify(body.sources ?? []),
    search_text: incidentSearchText(reference, checked.incident),
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
}

async function insertCheckedIncident(trx: Kysely<Database>, audit: AuditFn, actor: Actor, body: CreateIncident, checked: ReturnType<typeof checkedIncident>, reference: string, now: Date): Promise<MaritimeIncidentRow> {
  const i = checked.incident;
  const id = randomUUID();
  const row = await insertIncident(trx, newIncidentRow(actor, body, checked, id, reference, now), partyRows(i.parties, { incident_id: id }));
  audit('incident.create', incidentKey(id), { reference, kind: i.kind, vesselImo: row.vessel_imo, caseId: row.case_id, marking: row.marking });
  return row;
}

export async function createIncident(deps: RegistryDeps, who: PolicyWho, body: CreateIncident): Promise<MaritimeIncidentRow> {
  const actor = requireActor(who);
  assertCan(actor.role, 'registry:edit');
  const checked = checkedIncident(body, deps.now());
  await checkCaseLink(deps, who, body.caseId, actor.organisationId);
  await checkPartyEntities(deps.db, body.parties, body.caseId);
  const now = deps.now();
  return auditedTransaction(deps, { actor, requestId: who.requestId }, async (trx, audit) => {
    const reference = body.reference ?? (await nextReference(trx, 'maritime_incidents', 'MI', actor.organisationId, now));
    const taken = await trx.selectFrom('maritime_incidents').select('id').where('organisation_id', '=', actor.organisationId).where('reference', '=', reference).executeTakeFirst();
    if (taken) throw new ConflictError('reference_taken', `Your organisation already has an incident ${reference}.`, { field: 'reference', reference });
    return insertCheckedIncident(trx, audit, actor, body, checked, reference, now);
  });
}

/**
 * Several incidents in one transaction (the import): all are stored or none, with the case and
 * reference rules of one create (a reference the organisation already has, or one given twice,
 * refuses the whole import). Bodies are already checked.
 */
export async function createIncidents(deps: RegistryDeps, who: PolicyWho, rows: readonly { row: number; body: CreateIncident; checked: ReturnType<typeof checkedIncident> }[], summary: Record<string, unknown>): Promise<{ row: number; record: MaritimeIncidentRow }[]> {
  const actor = requireActor(who);
  assertCan(actor.role, 'registry:edit');
  const caseIds = new Set(rows.map((r) => r.body.caseId).filter((x): x is string => !!x));
  for (const caseId of caseIds) await checkCaseLink(deps, who, caseId, actor.organisationId);
  return auditedTransaction(deps, { actor, requestId: who.requestId }, async (trx, audit) => {
    const now = deps.now();
    const given = [...new Set(rows.map((r) => r.body.reference).filter((x): x is string => !!x))];
    const taken = new Set<string>();
    for (let i = 0; i < given.length; i += 1000) {
      const found = await trx.selectFrom('maritime_incidents').select('reference').where('organisation_id', '=', actor.organisationId).where('reference', 'in', given.slice(i, i + 1000)).execute();
      for (const f of found) taken.add(f.reference);
    }
    const used = new Set<string>();
    const autoReference = importReferences(trx, 'maritime_incidents', 'MI', actor.organisationId, now, [used, taken, new Set(given)]);
    const out: { row: number; record: MaritimeIncidentRow }[] = [];
    for (const r of rows) {
      const reference = r.body.reference ?? (await autoReference());
      if (taken.has(reference) || used.has(reference)) throw new ConflictError('reference_taken', `Row ${r.row}: Your organisation already has an incident ${reference}. Nothing was imported.`, { field: 'reference', reference, row: r.row });
      used.add(reference);
      out.push({ row: r.row, record: await insertCheckedIncident(trx, audit, actor, r.body, r.checked, reference, now) });
    }
    // One audit entry for the import (with its counts) besides one per record.
    audit('incident.import', `organisation:${actor.organisationId}`, { ...summary, imported: out.length });
    return out;
  });
}

export async function readIncident(deps: RegistryDeps, who: PolicyWho, id: string): Promise<{ row: MaritimeIncidentRow; record: MarkedRecord }> {
  const row = await findIncident(deps.db, id);
  if (!row) throw new NotFoundError('not_found', 'No such incident.');
  const record = await assertReadable(deps, who, incidentKey(row.id), row, 'incident');
  return { row, record };
}

export async function updateIncident(deps: RegistryDeps, who: PolicyWho, id: string, body: PatchIncident): Promise<MaritimeIncidentRow> {
  const actor = requireActor(who);
  const { row } = await readIncident(deps, who, id);
  if (actor.organisationId !== row.organisation_id) throw new NotFoundError('not_found', 'No such incident.');
  assertCan(actor.role, 'registry:edit');
  if (row.case_id) await checkCaseLink(deps, who, row.case_id, row.organisation_id);
  const parties = await incidentParties(deps.db, [id]);
  const current: IncidentInput = {
    occurredAt: row.time_known ? new Date(row.occurred_at).toISOString() : new Date(row.occurred_at).toISOString().slice(0, 10),
    latitude: row.latitude,
    longitude: row.longitude,
    area: row.area ?? undefined,
    country: row.country,
    vessel: { name: row.vessel_name, imo: row.vessel_imo ?? undefined, flag: row.vessel_flag ?? undefined, type: row.vessel_type },
    vesselStatus: row.vessel_status as IncidentInput['vesselStatus'],
    kind: row.kind as IncidentInput['kind'],
    narrative: row.narrative,
    crew: row.crew as IncidentInput['crew'],
    reportingSource: row.reporting_source,
    iccsCode: row.iccs_code,
    parties: parties.map((p) => ({ role: p.role, kind: p.party_kind as 'company', name: p.name, entityId: p.entity_id, identifier: p.identifier ?? undefined })),
    caseId: row.case_id,
  };
  const { version, marking, handling, sources, ...changes } = body;
  const merged = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as IncidentInput;
  const checked = checkedIncident(merged, deps.now());
  if (body.caseId !== undefined && body.caseId !== row.case_id) await checkCaseLink(deps, who, body.caseId, row.organisation_id);
  await checkPartyEntities(deps.db, merged.parties, merged.caseId);
  return auditedTransaction(deps, { actor, requestId: who.requestId }, async (trx, audit) => {
    const locked = await trx.selectFrom('maritime_incidents').select('version').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.version !== version) throw new ConflictError('version_conflict', `The incident changed since you opened it (version ${locked.version}, you edited ${version}).`, { version: locked.version });
    const i = checked.incident;
    const updated = await trx
      .updateTable('maritime_incidents')
      .set({
        case_id: i.caseId ?? null,
        ...incidentContentColumns(checked),
        marking: marking ?? row.marking,
        handling: handling ?? row.handling,
        sources: JSON.stringify(sources ?? row.sources),
        search_text: incidentSearchText(row.reference, i),
        version: locked.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceIncidentParties(trx, id, partyRows(i.parties, { incident_id: id }));
    audit('incident.update', incidentKey(id), { reference: row.reference, version: updated.version, changed: Object.keys(body).filter((k) => k !== 'version') });
    return updated;
  });
}

export async function searchIncidents(deps: RegistryDeps, who: PolicyWho, f: { kind?: string | undefined; country?: string | undefined; from?: string | undefined; to?: string | undefined; caseId?: string | undefined; vesselImo?: string | undefined; q?: string | undefined; limit: number; offset: number }) {
  const actor = requireActor(who);
  assertCan(actor.role, 'registry:read');
  const scope = await listScope(deps.db, actor);
  const { rows, total } = await listIncidents(deps.db, {
    organisationId: scope.organisationId,
    readableCaseIds: scope.readableCaseIds,
    caseId: f.caseId,
    kind: f.kind,
    country: f.country,
    from: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
    to: f.to ? dayAfter(f.to) : undefined,
    vesselImo: f.vesselImo ? normaliseImo(f.vesselImo) : undefined,
    search: f.q ? nameKey(f.q) : undefined,
    limit: f.limit,
    offset: f.offset,
  });
  const cases = await caseRefs(deps.db, rows.map((r) => r.case_id));
  const today = todayOf(deps.now());
  const out = [];
  const records = await registryMarkedRecords(deps.db, rows, (r) => incidentKey(r.id));
  for (const [n, row] of rows.entries()) {
    const record = records[n] as MarkedRecord;
    const withheld = scope.outsider && row.organisation_id !== actor.organisationId && !decide(policyActorOf(actor), { kind: 'read' }, record, { today, consents: [] }).allow;
    out.push({
      id: row.id,
      reference: row.reference,
      occurredAt: new Date(row.occurred_at).toISOString(),
      latitude: row.latitude,
      longitude: row.longitude,
      area: withheld ? null : row.area,
      vesselName: withheld ? '' : row.vessel_name,
      vesselImo: withheld ? null : row.vessel_imo,
      kind: row.kind,
      vesselStatus: row.vessel_status,
      case: withheld ? null : (cases.get(row.case_id ?? '') ?? null),
      marking: { tlp: row.marking, handling: row.handling, effectiveTlp: effectiveTlp(record) },
      withheld,
    });
  }
  return { items: out, total };
}

export async function presentIncident(db: Kysely<Database>, row: MaritimeIncidentRow, record: MarkedRecord) {
  const parties = await incidentParties(db, [row.id]);
  const cases = await caseRefs(db, [row.case_id]);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    reference: row.reference,
    occurredAt: new Date(row.occurred_at).toISOString(),
    timeKnown: row.time_known,
    latitude: row.latitude,
    longitude: row.longitude,
    area: row.area,
    country: row.country,
    vessel: { name: row.vessel_name, imo: row.vessel_imo, flag: row.vessel_flag, type: row.vessel_type },
    vesselStatus: row.vessel_status,
    kind: row.kind,
    narrative: row.narrative,
    crew: row.crew as Record<string, number>,
    reportingSource: row.reporting_source,
    iccsCode: row.iccs_code,
    parties: parties.map(partyView),
    case: cases.get(row.case_id ?? '') ?? null,
    marking: { tlp: row.marking, handling: row.handling, effectiveTlp: effectiveTlp(record) },
    sources: row.sources as { title: string; reference?: string }[],
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
