// Backtracking (issue 14 part 4): from a seizure or maritime incident the caller may read, the
// other seizures and incidents within a time window that share a vessel, company, person, phone or
// account, route segment or port with it, across crime domains. The origin is checked as a read of
// the record (404 for another organisation's, the policy's 403 when the marking keeps the caller
// out); the related records are restricted in SQL to those the caller's lists hold (its
// organisation's, and of those in a case only the cases it may read), and a node administrator's
// results from other organisations are each asked of the release policy and left out — not
// withheld, not counted — when it says no, so that backtracking never reveals a record.
//
// Across nodes the same check runs through the privacy-preserving hit/no-hit of the deconfliction
// issue (issue 13): `checkRecordWithPeers` sends the record's shared elements that are entities of
// its case — its parties (people and companies with their phones and names with dates of birth,
// accounts, wallets) and the case's vessels with the record's IMO number — as a "check with peers"
// of that case restricted to them (hits-service), and `peerHitsOfRecord` lists the hits on those
// entities that the caller sees in the hit inbox. A record without a case has no peer check: a hit
// belongs to a case's record, whose team decides on it.
import { ForbiddenError, NotFoundError, assertCan } from '@comity/core';
import type { MarkedRecord } from '@comity/core/policy/decide';
import { decide } from '@comity/core/policy/decide';
import { incidentKey, seizureKey } from '@comity/core/seizures/seizure';
import type { RelatedList, RelatedQuery } from '@comity/contract/registry-analysis';
import type { Database } from '@comity/db';
import { type BacktrackScope, type RegistryKind, backtrackOrigin, findRelated } from '@comity/db/repos/backtracking-repo';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { readCaseWithAccess } from '../cases/case-service.ts';
import type { Actor, AppDeps } from '../deps.ts';
import { type PolicyWho, enforceRecord, policyActorOf, todayOf } from '../policy/policy-service.ts';
import { registryMarkedRecord, registryMarkedRecords } from './seizure-service.ts';
import { checkWithPeers, entityIdentifiers, listHits } from '../hits/hits-service.ts';
import { ValidationError } from '@comity/core';
import { normaliseImo } from '@comity/core/matching/identifiers';

export type BacktrackDeps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> & Partial<Pick<AppDeps, 'auditAnchor'>>;
export const DEFAULT_WINDOW_DAYS = 365;

interface RegistryRow {
  id: string;
  organisation_id: string;
  case_id: string | null;
  reference: string;
  marking: string;
  handling: string;
  occurred_at: Date | string;
}

const keyOf = (kind: RegistryKind, id: string) => (kind === 'seizure' ? seizureKey(id) : incidentKey(id));
const WHAT: Record<RegistryKind, string> = { seizure: 'seizure', incident: 'maritime incident' };

const markedRecord = (db: Kysely<Database>, kind: RegistryKind, row: RegistryRow): Promise<MarkedRecord> => registryMarkedRecord(db, keyOf(kind, row.id), row);

async function findRow(db: Kysely<Database>, kind: RegistryKind, id: string): Promise<RegistryRow | undefined> {
  const cols = ['id', 'organisation_id', 'case_id', 'reference', 'marking', 'handling', 'occurred_at'] as const;
  return kind === 'seizure' ? db.selectFrom('seizures').select(cols).where('id', '=', id).executeTakeFirst() : db.selectFrom('maritime_incidents').select(cols).where('id', '=', id).executeTakeFirst();
}

/** The origin, if the caller may read it (404 otherwise; 403 `policy_denied` when only the marking stands in the way). */
async function readOrigin(deps: BacktrackDeps, who: PolicyWho, actor: Actor, kind: RegistryKind, id: string): Promise<RegistryRow> {
  const row = await findRow(deps.db, kind, id);
  const missing = () => new NotFoundError('not_found', `No such ${WHAT[kind]}.`);
  if (!row) throw missing();
  if (actor.role !== 'admin' && actor.organisationId !== row.organisation_id) throw missing();
  if (row.case_id) {
    try {
      await readCaseWithAccess(deps, { ...who, trail: undefined }, row.case_id);
    } catch (err) {
      if (err instanceof NotFoundError) throw missing();
      throw err;
    }
  }
  await enforceRecord(deps, who, { record: await markedRecord(deps.db, kind, row), auditTarget: keyOf(kind, row.id), details: { recordId: row.id, reference: row.reference } }, { kind: 'read' });
  return row;
}

/** Which records the caller's lists hold (the same rule as the registry lists). */
async function scopeOf(db: Kysely<Database>, actor: Actor): Promise<BacktrackScope> {
  if (actor.role === 'admin') return {};
  if (actor.role === 'supervisor') return { organisationId: actor.organisationId };
  const rows = await db.selectFrom('case_members').innerJoin('cases', 'cases.id', 'case_members.case_id').select('cases.id').where('case_members.user_id', '=', actor.userId).where('cases.organisation_id', '=', actor.organisationId).execute();
  return { organisationId: actor.organisationId, readableCaseIds: rows.map((r) => r.id) };
}

export async function relatedRecords(deps: BacktrackDeps, who: PolicyWho, kind: RegistryKind, id: string, query: z.infer<typeof RelatedQuery>): Promise<z.infer<typeof RelatedList>> {
  const actor = who.actor;
  if (!actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  assertCan(actor.role, 'registry:read');
  const originRow = await readOrigin(deps, who, actor, kind, id);
  const windowDays = query.windowDays ?? DEFAULT_WINDOW_DAYS;
  const origin = await backtrackOrigin(deps.db, kind, id);
  if (!origin) throw new NotFoundError('not_found', `No such ${WHAT[kind]}.`);
  const hits = await findRelated(deps.db, origin, { windowDays, scope: await scopeOf(deps.db, actor), limit: query.limit ?? 100 });

  const seizureIds = hits.filter((h) => h.kind === 'seizure').map((h) => h.id);
  const incidentIds = hits.filter((h) => h.kind === 'incident').map((h) => h.id);
  const cols = ['id', 'organisation_id', 'case_id', 'reference', 'marking', 'handling', 'occurred_at'] as const;
  const [seizures, items, incidents] = await Promise.all([
    seizureIds.length ? deps.db.selectFrom('seizures').select([...cols, 'country']).where('id', 'in', seizureIds).execute() : [],
    seizureIds.length ? deps.db.selectFrom('seizure_items').select(['seizure_id', 'domain']).where('seizure_id', 'in', seizureIds).orderBy('position').execute() : [],
    incidentIds.length ? deps.db.selectFrom('maritime_incidents').select([...cols, 'country', 'kind', 'vessel_name']).where('id', 'in', incidentIds).execute() : [],
  ]);
  const seizureById = new Map(seizures.map((r) => [r.id, r]));
  const incidentById = new Map(incidents.map((r) => [r.id, r]));
  const today = todayOf(deps.now());
  // A node administrator reaches other organisations' records only as their markings allow: the
  // release policy decides each, on marked records read for the whole page at once.
  const foreign = hits.flatMap((hit) => {
    const row = hit.kind === 'seizure' ? seizureById.get(hit.id) : incidentById.get(hit.id);
    return row && row.organisation_id !== actor.organisationId ? [{ ...row, kind: hit.kind }] : [];
  });
  const records = await registryMarkedRecords(deps.db, foreign, (r) => keyOf(r.kind, r.id));
  const allowed = new Set(foreign.filter((_, n) => decide(policyActorOf(actor), { kind: 'read' }, records[n] as MarkedRecord, { today, consents: [] }).allow).map((r) => keyOf(r.kind, r.id)));
  const itemsOf = new Map<string, string[]>();
  for (const i of items) itemsOf.set(i.seizure_id, [...(itemsOf.get(i.seizure_id) ?? []), i.domain]);
  const out: z.infer<typeof RelatedList>['items'] = [];
  for (const hit of hits) {
    const row = hit.kind === 'seizure' ? seizureById.get(hit.id) : incidentById.get(hit.id);
    if (!row) continue;
    if (row.organisation_id !== actor.organisationId && !allowed.has(keyOf(hit.kind, row.id))) continue;
    const incident = hit.kind === 'incident' ? incidentById.get(hit.id) : undefined;
    out.push({
      kind: hit.kind,
      id: row.id,
      reference: row.reference,
      occurredAt: new Date(row.occurred_at).toISOString(),
      country: row.country,
      domains: hit.kind === 'seizure' ? [...new Set(itemsOf.get(row.id) ?? [])] : [],
      incidentKind: incident?.kind ?? null,
      vesselName: incident?.vessel_name ?? null,
      shared: hit.shared,
    });
  }
  return { origin: { kind, id, reference: originRow.reference, occurredAt: new Date(originRow.occurred_at).toISOString() }, windowDays, items: out };
}

/**
 * The entities of the record's case that stand for its shared elements: the parties linked to an
 * entity of that case, and the case's vessels whose IMO number is the record's.
 */
async function sharedEntities(db: Kysely<Database>, kind: RegistryKind, row: RegistryRow): Promise<string[]> {
  if (!row.case_id) return [];
  const parties = await db
    .selectFrom('registry_parties as p')
    .innerJoin('entities as e', 'e.id', 'p.entity_id')
    .select('e.id')
    .where(kind === 'seizure' ? 'p.seizure_id' : 'p.incident_id', '=', row.id)
    .where('e.case_id', '=', row.case_id)
    .execute();
  const origin = await backtrackOrigin(db, kind, row.id);
  const vessels = origin?.vesselImo
    ? (await db.selectFrom('entities').select(['id', 'schema', 'properties']).where('case_id', '=', row.case_id).where('schema', '=', 'Vessel').execute()).filter((e) =>
        entityIdentifiers(e.schema, e.properties).includes(`imo:${normaliseImo(String(origin.vesselImo))}`),
      )
    : [];
  return [...new Set([...parties.map((p) => p.id), ...vessels.map((v) => v.id)])];
}

/**
 * "Check with peers" from a seizure or incident the caller may read: its shared elements go through
 * hit/no-hit as a query of its case restricted to them. Refused when the record has no case or none
 * of its elements is an entity of its case (400 `no_shared_entities`).
 */
export async function checkRecordWithPeers(deps: BacktrackDeps & Pick<AppDeps, 'keys'>, who: PolicyWho, kind: RegistryKind, id: string): Promise<string[]> {
  const actor = who.actor;
  if (!actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  assertCan(actor.role, 'registry:read');
  const row = await readOrigin(deps, who, actor, kind, id);
  if (!row.case_id) throw new ValidationError('no_case', `This ${WHAT[kind]} belongs to no case; hits belong to a case’s records, so link it to a case first.`);
  const entities = await sharedEntities(deps.db, kind, row);
  if (entities.length === 0) {
    throw new ValidationError('no_shared_entities', `None of this ${WHAT[kind]}’s parties or its vessel is an entity of its case; add them to the case to check them with peers.`);
  }
  return checkWithPeers(deps, who, row.case_id, undefined, ['identifiers', 'names'], entities);
}

/** The hits on the record's shared elements that the caller sees in the hit inbox. */
export async function peerHitsOfRecord(deps: BacktrackDeps, who: PolicyWho, kind: RegistryKind, id: string) {
  const actor = who.actor;
  if (!actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  assertCan(actor.role, 'registry:read');
  const row = await readOrigin(deps, who, actor, kind, id);
  const entities = await sharedEntities(deps.db, kind, row);
  if (entities.length === 0) return [];
  return listHits(deps, who, { entityIds: entities });
}
