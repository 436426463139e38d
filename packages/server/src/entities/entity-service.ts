// Entities on cases (issue 13 part 1): FollowTheMoney entities held for a case, read by whoever may
// read the case (the case's scoping: another organisation's entity is a 404) and changed by its team
// and supervisors (`assertCaseMember` 'link'). Each entity is a marked record whose sources are its
// own marking and its case's, so the release policy (`enforceRecord`/`decide`) answers for it as for
// an evidence item. Every change is one audited transaction (`entity.create|update|delete`,
// `entity.import`, `entity.mention.add|remove`); an import is all or nothing.
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '@comity/core';
import {
  type EntityProblem,
  type FtmEntity,
  type FtmProperties,
  FTM_ID,
  GRAPH_MAX_HOPS,
  GRAPH_MAX_NODES,
  captionKey,
  entityKey,
} from '@comity/core/entities/entity';
import type { Decision, MarkedRecord, MarkedSource } from '@comity/core/policy/decide';
import { decide } from '@comity/core/policy/decide';
import { type HandlingCode, type Marking, NO_LIMITATIONS, combineAll } from '@comity/core/policy/marking';
import type { TlpMarking } from '@comity/core/requests/request';
import { type Database, findOrganisation } from '@comity/db';
import type { CaseRow } from '@comity/db/repos/cases-repo';
import type { Kysely, Selectable } from 'kysely';
import type { EntitiesTable } from '@comity/db/schema';
import { auditedTransaction } from '../deps.ts';
import { type CaseDeps, type CaseWho, assertCaseMember, caseMarkedRecord, readCaseWithAccess } from '../cases/case-service.ts';
import { loadVisibleItem } from '../evidence/evidence-service.ts';
import { enforce, enforceRecord, policyActorOf, todayOf } from '../policy/policy-service.ts';
import { findRequest } from '@comity/db/repos/requests-repo';
import { canSeeOrganisation } from '@comity/core';
import { type CheckedEntity, FTM_MODEL, checkEntity, linkEnds, lookupText } from './ftm-model.ts';
import { parseCsv } from '@comity/core/shared/csv';
import { personKeysOfEntity } from '@comity/core/matching/ftm-person';

export type EntityRow = Selectable<EntitiesTable>;
export type EntityDeps = CaseDeps;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = () => new NotFoundError('not_found', 'No such entity.');
/** Rows per INSERT of an import (well under PostgreSQL's 65 535 parameters). */
const INSERT_CHUNK = 500;

/** The marking fields a caller may give an entity; the case's marking when absent (the stricter always applies). */
export interface EntityMarkingInput {
  tlp: TlpMarking;
  handling?: HandlingCode | undefined;
  handlingNote?: string | undefined;
}

export interface EntityInput {
  schema: string;
  properties: Record<string, unknown>;
  /** The FtM id; a fresh one when absent. */
  id?: string | undefined;
  marking?: EntityMarkingInput | undefined;
  sources?: string[] | undefined;
}

// ── Marking ───────────────────────────────────────────────────────────────────────────────────

async function ownMarking(db: Kysely<Database>, caseRow: CaseRow, organisationId: string, input: EntityMarkingInput | undefined): Promise<Marking> {
  const caseRecord = await caseMarkedRecord(db, caseRow);
  const caseMarking = (caseRecord.sources[0] as MarkedSource).marking;
  if (!input) return { ...caseMarking, limitations: { ...NO_LIMITATIONS, ...caseMarking.limitations } };
  const org = await findOrganisation(db, organisationId);
  return {
    tlp: input.tlp,
    handling: input.handling ?? 'H0',
    handlingNotes: input.handlingNote ? [input.handlingNote] : [],
    originators: [{ nodeId: null, organisationId, name: org?.name ?? '', state: org?.country ?? 'XXX' }],
    limitations: { ...NO_LIMITATIONS },
  };
}

/** The entity as the release policy sees it: its own marking, then its case's. */
export function markedRecordOfEntity(row: EntityRow, caseRecord: MarkedRecord): MarkedRecord {
  const key = entityKey(row.id);
  return { key, organisationId: row.organisation_id, sources: [{ key, marking: row.marking as Marking }, ...caseRecord.sources] };
}

export function effectiveEntityMarking(record: MarkedRecord): Marking {
  const [own, ...rest] = record.sources;
  return combineAll((own as MarkedSource).marking, ...rest.map((s) => s.marking));
}

// ── Reading ───────────────────────────────────────────────────────────────────────────────────

export interface ReadableEntity {
  row: EntityRow;
  caseRow: CaseRow;
  record: MarkedRecord;
}

async function findEntity(db: Kysely<Database>, id: string): Promise<EntityRow | undefined> {
  if (!UUID.test(id)) return undefined;
  return db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The case of an entity, if the caller may read it; any refusal short of the policy's is the entity's 404. */
async function caseOfEntity(deps: EntityDeps, who: CaseWho, row: EntityRow, work: 'read' | 'link'): Promise<CaseRow> {
  try {
    return work === 'read' ? (await readCaseWithAccess(deps, who, row.case_id)).row : (await assertCaseMember(deps, who, row.case_id, 'link')).row;
  } catch (err) {
    if (err instanceof NotFoundError) throw NOT_FOUND();
    throw err;
  }
}

/**
 * The entity, if the caller may read its case (404 otherwise, as for the case) and the release
 * policy lets the caller read it (403 `policy_denied`, audited).
 */
export async function readEntity(deps: EntityDeps, who: CaseWho, id: string): Promise<ReadableEntity> {
  const row = await findEntity(deps.db, id);
  if (!row) throw NOT_FOUND();
  if (who.actor && !canSeeOrganisation(who.actor, row.organisation_id)) throw NOT_FOUND();
  const caseRow = await caseOfEntity(deps, who, row, 'read');
  const record = markedRecordOfEntity(row, await caseMarkedRecord(deps.db, caseRow));
  await enforceRecord(deps, who, { record, auditTarget: entityKey(row.id), details: { entityId: row.id, caseId: row.case_id } }, { kind: 'read' });
  return { row, caseRow, record };
}

export interface EntityListQuery {
  schema?: string | undefined;
  q?: string | undefined;
  kind?: 'entity' | 'link' | 'all' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface ListedEntity {
  row: EntityRow;
  /** The caller may not read this one (only its id and schema are shown). */
  withheld: Extract<Decision, { allow: false }> | null;
  effective: Marking;
}

/** A case's entities, filtered by schema, kind and name; rows the policy keeps from the caller are withheld. */
export async function listCaseEntities(deps: EntityDeps, who: CaseWho, caseId: string, query: EntityListQuery): Promise<{ items: ListedEntity[]; total: number; caseRow: CaseRow }> {
  const caseRow = (await readCaseWithAccess(deps, who, caseId)).row;
  let q = deps.db.selectFrom('entities').where('case_id', '=', caseRow.id);
  if (query.schema) q = q.where('schema', '=', query.schema);
  if (query.kind === 'entity') q = q.where('is_link', '=', false);
  if (query.kind === 'link') q = q.where('is_link', '=', true);
  if (query.q?.trim()) q = q.where('caption_key', 'like', `%${captionKey(query.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy('schema')
    .orderBy('caption_key')
    .orderBy('id')
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0)
    .execute();
  const caseRecord = await caseMarkedRecord(deps.db, caseRow);
  const items = rows.map((row) => listed(deps, who, row, caseRecord));
  return { items, total, caseRow };
}

function listed(deps: EntityDeps, who: CaseWho, row: EntityRow, caseRecord: MarkedRecord): ListedEntity {
  const record = markedRecordOfEntity(row, caseRecord);
  const d = decide(policyActorOf(who.actor), { kind: 'read' }, record, { today: todayOf(deps.now()), consents: [] });
  return { row, withheld: d.allow ? null : d, effective: effectiveEntityMarking(record) };
}

// ── Links and the graph ───────────────────────────────────────────────────────────────────────

export interface GraphNode {
  id: string;
  ftmId: string;
  schema: string;
  caption: string;
  withheld: boolean;
}

export interface GraphEdge {
  /** The link entity's id, or `<entity>:<property>` for an entity-typed property (a Passport's holder). */
  id: string;
  schema: string;
  /** FtM edge label ("owns") or the property's name. */
  label: string;
  source: string;
  target: string;
  directed: boolean;
  caption: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** More was reachable than the limit allowed. */
  truncated: boolean;
}

/** The references between rows (entity-typed properties), in both directions, of the given rows. */
async function refsAround(db: Kysely<Database>, ids: readonly string[]) {
  if (!ids.length) return [];
  const out: { entity_id: string; property: string; target_id: string }[] = [];
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    const part = ids.slice(i, i + INSERT_CHUNK);
    out.push(
      ...(await db
        .selectFrom('entity_refs')
        .select(['entity_id', 'property', 'target_id'])
        .where((eb) => eb.or([eb('entity_id', 'in', part), eb('target_id', 'in', part)]))
        .execute()),
    );
  }
  return out;
}

async function rowsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<EntityRow[]> {
  const out: EntityRow[] = [];
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    const part = ids.slice(i, i + INSERT_CHUNK);
    if (part.length) out.push(...(await db.selectFrom('entities').selectAll().where('id', 'in', part).execute()));
  }
  return out;
}

/**
 * Nodes and edges: link entities (Ownership, Payment, …) become edges between their two ends, other
 * entity-typed properties (a Passport's holder) edges from the entity to the one it names. From the
 * given start rows, `hops` steps out (every step crosses one edge), at most `limit` nodes.
 */
async function buildGraph(deps: EntityDeps, who: CaseWho, caseRow: CaseRow, start: EntityRow[], hops: number, limit: number): Promise<Graph> {
  const caseRecord = await caseMarkedRecord(deps.db, caseRow);
  const nodes = new Map<string, EntityRow>(start.filter((r) => !r.is_link).map((r) => [r.id, r]));
  const links = new Map<string, EntityRow>();
  let frontier = [...nodes.keys()];
  let truncated = false;
  for (let hop = 0; hop < hops && frontier.length; hop++) {
    const refs = await refsAround(deps.db, frontier);
    const near = await rowsByIds(deps.db, [...new Set(refs.flatMap((r) => [r.entity_id, r.target_id]))].filter((id) => !nodes.has(id) && !links.has(id)));
    const newLinks = near.filter((r) => r.is_link && r.case_id === caseRow.id);
    for (const l of newLinks) links.set(l.id, l);
    // The other ends of the links just reached.
    const linkIds = new Set(newLinks.map((l) => l.id));
    const ends = (await refsAround(deps.db, [...linkIds])).filter((r) => linkIds.has(r.entity_id)).map((r) => r.target_id);
    const endRows = await rowsByIds(deps.db, [...new Set(ends)].filter((id) => !nodes.has(id)));
    const added: string[] = [];
    for (const r of [...near, ...endRows]) {
      if (r.is_link || r.case_id !== caseRow.id || nodes.has(r.id)) continue;
      if (nodes.size >= limit) {
        truncated = true;
        break;
      }
      nodes.set(r.id, r);
      added.push(r.id);
    }
    frontier = added;
  }
  const all = [...nodes.values(), ...links.values()];
  return graphOf(deps, who, caseRecord, all, await refsAround(deps.db, all.map((r) => r.id)), truncated);
}

function graphOf(deps: EntityDeps, who: CaseWho, caseRecord: MarkedRecord, rows: EntityRow[], refs: { entity_id: string; property: string; target_id: string }[], truncated: boolean): Graph {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const nodes: GraphNode[] = [];
  const withheld = new Set<string>();
  for (const r of rows) {
    const l = listed(deps, who, r, caseRecord);
    if (l.withheld) withheld.add(r.id);
    if (!r.is_link) nodes.push({ id: r.id, ftmId: r.ftm_id, schema: r.schema, caption: l.withheld ? '' : r.caption, withheld: !!l.withheld });
  }
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (!r.is_link) continue;
    const schema = FTM_MODEL.getSchema(r.schema);
    const ends = linkEnds(schema);
    if (!ends) continue;
    const mine = refs.filter((x) => x.entity_id === r.id);
    const sources = mine.filter((x) => x.property === ends.source && byId.has(x.target_id) && !byId.get(x.target_id)?.is_link);
    const targets = mine.filter((x) => x.property === ends.target && byId.has(x.target_id) && !byId.get(x.target_id)?.is_link);
    for (const s of sources)
      for (const t of targets) {
        const id = sources.length * targets.length > 1 ? `${r.id}:${s.target_id}:${t.target_id}` : r.id;
        if (seen.has(id)) continue;
        seen.add(id);
        edges.push({ id, schema: r.schema, label: schema.edge?.label ?? r.schema, source: s.target_id, target: t.target_id, directed: ends.directed, caption: withheld.has(r.id) ? '' : r.caption === schema.label ? '' : r.caption });
      }
  }
  for (const x of refs) {
    const from = byId.get(x.entity_id);
    const to = byId.get(x.target_id);
    if (!from || !to || from.is_link || to.is_link) continue;
    const id = `${x.entity_id}:${x.property}:${x.target_id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, schema: from.schema, label: x.property, source: x.entity_id, target: x.target_id, directed: true, caption: '' });
  }
  return { nodes, edges, truncated };
}

/** The graph around one entity: `hops` links out (1–3), at most `limit` nodes. */
export async function entityNeighbourhood(deps: EntityDeps, who: CaseWho, id: string, hops: number, limit: number): Promise<Graph> {
  const { row, caseRow } = await readEntity(deps, who, id);
  const h = Math.max(1, Math.min(GRAPH_MAX_HOPS, hops));
  const l = Math.max(1, Math.min(GRAPH_MAX_NODES, limit));
  if (row.is_link) {
    const ends = (await refsAround(deps.db, [row.id])).filter((r) => r.entity_id === row.id).map((r) => r.target_id);
    const start = await rowsByIds(deps.db, ends);
    return buildGraph(deps, who, caseRow, start, h - 1, l);
  }
  return buildGraph(deps, who, caseRow, [row], h, l);
}

/** The whole graph of a case, at most `limit` nodes (the most linked first). */
export async function caseGraph(deps: EntityDeps, who: CaseWho, caseId: string, limit: number): Promise<Graph> {
  const caseRow = (await readCaseWithAccess(deps, who, caseId)).row;
  const l = Math.max(1, Math.min(GRAPH_MAX_NODES, limit));
  const total = Number(
    (await deps.db.selectFrom('entities').where('case_id', '=', caseRow.id).where('is_link', '=', false).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
  );
  const nodes = await deps.db
    .selectFrom('entities as e')
    .selectAll('e')
    .where('e.case_id', '=', caseRow.id)
    .where('e.is_link', '=', false)
    .orderBy((eb) => eb.selectFrom('entity_refs as r').select((x) => x.fn.countAll().as('n')).whereRef('r.target_id', '=', 'e.id'), 'desc')
    .orderBy('e.id')
    .limit(l)
    .execute();
  const ids = new Set(nodes.map((n) => n.id));
  const refs = await refsAround(deps.db, [...ids]);
  const linkIds = [...new Set(refs.map((r) => r.entity_id).filter((id) => !ids.has(id)))];
  const links = (await rowsByIds(deps.db, linkIds)).filter((r) => r.is_link && r.case_id === caseRow.id);
  const linkRefs = await refsAround(
    deps.db,
    links.map((r) => r.id),
  );
  const caseRecord = await caseMarkedRecord(deps.db, caseRow);
  const all = [...refs, ...linkRefs.filter((r) => !refs.some((x) => x.entity_id === r.entity_id && x.property === r.property && x.target_id === r.target_id))];
  return graphOf(deps, who, caseRecord, [...nodes, ...links], all, total > nodes.length);
}

/** What links an entity to others: the link entities and references in both directions, with the other end. */
export async function entityLinks(deps: EntityDeps, who: CaseWho, id: string): Promise<Graph> {
  return entityNeighbourhood(deps, who, id, 1, GRAPH_MAX_NODES);
}

// ── Changes ───────────────────────────────────────────────────────────────────────────────────

function invalid(problems: EntityProblem[], details: Record<string, unknown> = {}): ValidationError {
  const first = problems[0];
  return new ValidationError('invalid_entity', first ? first.message : 'The entity is not valid.', { problems, ...details });
}

function cleanSources(sources: string[] | undefined): string[] {
  return [...new Set((sources ?? []).map((s) => s.replace(/\p{Cc}/gu, ' ').trim()).filter(Boolean))].slice(0, 50);
}

/** Resolves entity-typed values to rows of the case (or of the same batch); problems for those that name none or the wrong kind. */
function resolveRefs(checked: CheckedEntity, known: ReadonlyMap<string, { id: string; schema: string }>): { refs: { property: string; target: string }[]; problems: EntityProblem[] } {
  const refs: { property: string; target: string }[] = [];
  const problems: EntityProblem[] = [];
  for (const ref of checked.refs) {
    const target = known.get(ref.ftmId);
    if (!target) {
      problems.push({ property: ref.property, code: 'unknown_entity', message: `${ref.property}: no entity "${ref.ftmId}" in this case.` });
      continue;
    }
    if (ref.range && !FTM_MODEL.getSchema(target.schema).isA(ref.range)) {
      problems.push({ property: ref.property, code: 'wrong_range', message: `${ref.property}: "${ref.ftmId}" is a ${target.schema}, not a ${ref.range}.` });
      continue;
    }
    refs.push({ property: ref.property, target: target.id });
  }
  return { refs, problems };
}

async function knownOfCase(db: Kysely<Database>, caseId: string, ftmIds: readonly string[]): Promise<Map<string, { id: string; schema: string }>> {
  const out = new Map<string, { id: string; schema: string }>();
  const unique = [...new Set(ftmIds)];
  for (let i = 0; i < unique.length; i += INSERT_CHUNK) {
    const part = unique.slice(i, i + INSERT_CHUNK);
    const rows = await db.selectFrom('entities').select(['id', 'ftm_id', 'schema']).where('case_id', '=', caseId).where('ftm_id', 'in', part).execute();
    for (const r of rows) out.set(r.ftm_id, { id: r.id, schema: r.schema });
  }
  return out;
}

async function writeRefs(trx: Kysely<Database>, entityId: string, refs: { property: string; target: string }[]): Promise<void> {
  await trx.deleteFrom('entity_refs').where('entity_id', '=', entityId).execute();
  const unique = [...new Map(refs.map((r) => [`${r.property}\u0000${r.target}`, r])).values()];
  if (unique.length) await trx.insertInto('entity_refs').values(unique.map((r) => ({ entity_id: entityId, property: r.property, target_id: r.target }))).execute();
}

/**
 * Replaces the person-search blocking keys (migration 034) of the given rows, in the caller's
 * transaction: the matcher's keys of each person-like entity, none for other schemata.
 */
export async function writePersonKeys(trx: Kysely<Database>, rows: readonly { id: string; schema: string; properties: unknown }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const part = rows.slice(i, i + INSERT_CHUNK);
    await trx.deleteFrom('entity_person_keys').where('entity_id', 'in', part.map((r) => r.id)).execute();
  }
  const keys = rows.flatMap((r) => {
    const props = (typeof r.properties === 'string' ? JSON.parse(r.properties) : r.properties) as Record<string, unknown>;
    return personKeysOfEntity(r.schema, props).map((key) => ({ key, entity_id: r.id }));
  });
  for (let i = 0; i < keys.length; i += INSERT_CHUNK * 4) await trx.insertInto('entity_person_keys').values(keys.slice(i, i + INSERT_CHUNK * 4)).execute();
}

/** Adds an entity to a case (its team and supervisors). Invalid properties: 400 `invalid_entity` with every problem. */
export async function createEntity(deps: EntityDeps, who: CaseWho, caseId: string, input: EntityInput): Promise<EntityRow> {
  const { row: caseRow } = await assertCaseMember(deps, who, caseId, 'link');
  const checked = checkEntity(input.schema, input.properties);
  if (!('schema' in checked)) throw invalid(checked.problems);
  const ftmId = input.id ?? randomUUID();
  if (!FTM_ID.test(ftmId)) throw invalid([{ property: null, code: 'bad_id', message: 'An FtM id is letters, digits and . _ : - (at most 128).' }]);
  const marking = await ownMarking(deps.db, caseRow, (who.actor?.organisationId ?? caseRow.organisation_id) as string, input.marking);
  return auditedTransaction(deps, { actor: who.actor, requestId: who.requestId, organisationId: caseRow.organisation_id }, async (trx, audit) => {
    const known = await knownOfCase(
      trx,
      caseRow.id,
      checked.refs.map((r) => r.ftmId),
    );
    const { refs, problems } = resolveRefs(checked, known);
    if (problems.length) throw invalid(problems);
    const exists = await trx.selectFrom('entities').select('id').where('case_id', '=', caseRow.id).where('ftm_id', '=', ftmId).executeTakeFirst();
    if (exists) throw new ConflictError('entity_exists', `The case already holds an entity with the id ${ftmId}.`, { entityId: exists.id });
    const id = randomUUID();
    const now = deps.now();
    const row = await trx
      .insertInto('entities')
      .values({
        id,
        organisation_id: caseRow.organisation_id,
        case_id: caseRow.id,
        ftm_id: ftmId,
        schema: checked.schema.name,
        is_link: checked.schema.isEdge,
        caption: checked.caption,
        caption_key: captionKey(lookupText(checked.schema, checked.properties, checked.caption)),
        properties: JSON.stringify(checked.properties),
        marking: JSON.stringify(marking),
        sources: JSON.stringify(cleanSources(input.sources)),
        created_by: who.actor?.userId ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeRefs(trx, id, refs);
    await writePersonKeys(trx, [{ id, schema: checked.schema.name, properties: checked.properties }]);
    audit('entity.create', entityKey(id), { caseId: caseRow.id, ftmId, schema: checked.schema.name, caption: checked.caption, tlp: marking.tlp });
    return row;
  });
}

export interface EntityPatch {
  version: number;
  properties?: Record<string, unknown> | undefined;
  marking?: EntityMarkingInput | undefined;
  sources?: string[] | undefined;
}

/** Changes an entity's properties, marking or sources (optimistic locking on `version`). */
export async function updateEntity(deps: EntityDeps, who: CaseWho, id: string, patch: EntityPatch): Promise<EntityRow> {
  const found = await findEntity(deps.db, id);
  if (!found || (who.actor && !canSeeOrganisation(who.actor, found.organisation_id))) throw NOT_FOUND();
  const caseRow = await caseOfEntity(deps, who, found, 'link');
  const record = markedRecordOfEntity(found, await caseMarkedRecord(deps.db, caseRow));
  await enforceRecord(deps, who, { record, auditTarget: entityKey(found.id), details: { entityId: found.id, caseId: found.case_id } }, { kind: 'read' });
  const checked = checkEntity(found.schema, patch.properties ?? (found.properties as FtmProperties));
  if (!('schema' in checked)) throw invalid(checked.problems);
  const marking = patch.marking ? await ownMarking(deps.db, caseRow, (who.actor?.organisationId ?? caseRow.organisation_id) as string, patch.marking) : (found.marking as Marking);
  return auditedTransaction(deps, { actor: who.actor, requestId: who.requestId, organisationId: caseRow.organisation_id }, async (trx, audit) => {
    const known = await knownOfCase(
      trx,
      caseRow.id,
      checked.refs.map((r) => r.ftmId),
    );
    const { refs, problems } = resolveRefs(checked, known);
    if (problems.length) throw invalid(problems);
    if (refs.some((r) => r.target === found.id)) throw invalid([{ property: null, code: 'self_reference', message: 'An entity cannot point to itself.' }]);
    const row = await trx
      .updateTable('entities')
      .set({
        properties: JSON.stringify(checked.properties),
        caption: checked.caption,
        caption_key: captionKey(lookupText(checked.schema, checked.properties, checked.caption)),
        marking: JSON.stringify(marking),
        ...(patch.sources ? { sources: JSON.stringify(cleanSources(patch.sources)) } : {}),
        version: patch.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', found.id)
      .where('version', '=', patch.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new ConflictError('stale_version', 'Someone changed this entity meanwhile; reload it.', { version: patch.version });
    await writeRefs(trx, found.id, refs);
    await writePersonKeys(trx, [{ id: found.id, schema: found.schema, properties: checked.properties }]);
    audit('entity.update', entityKey(found.id), {
      caseId: caseRow.id,
      ftmId: found.ftm_id,
      changed: [...(patch.properties ? ['properties'] : []), ...(patch.marking ? ['marking'] : []), ...(patch.sources ? ['sources'] : [])],
      caption: checked.caption,
      tlp: marking.tlp,
    });
    return row;
  });
}

/**
 * Deletes an entity and the links (link entities) that join it to others. An entity another
 * non-link entity still names (a Passport's holder) is refused (409), naming those entities.
 */
export async function deleteEntity(deps: EntityDeps, who: CaseWho, id: string): Promise<{ deleted: string[] }> {
  const found = await findEntity(deps.db, id);
  if (!found || (who.actor && !canSeeOrganisation(who.actor, found.organisation_id))) throw NOT_FOUND();
  const caseRow = await caseOfEntity(deps, who, found, 'link');
  const record = markedRecordOfEntity(found, await caseMarkedRecord(deps.db, caseRow));
  await enforceRecord(deps, who, { record, auditTarget: entityKey(found.id), details: { entityId: found.id, caseId: found.case_id } }, { kind: 'read' });
  return auditedTransaction(deps, { actor: who.actor, requestId: who.requestId, organisationId: caseRow.organisation_id }, async (trx, audit) => {
    const pointing = await trx
      .selectFrom('entity_refs as r')
      .innerJoin('entities as e', 'e.id', 'r.entity_id')
      .select(['e.id', 'e.ftm_id', 'e.is_link', 'e.caption'])
      .where('r.target_id', '=', found.id)
      .execute();
    const blockers = pointing.filter((p) => !p.is_link && p.id !== found.id);
    if (blockers.length) {
      throw new ConflictError('entity_referenced', `Other entities name this one (${blockers.map((b) => b.caption).join(', ')}); change them first.`, {
        entities: blockers.map((b) => b.id),
      });
    }
    const links = [...new Set(pointing.filter((p) => p.is_link).map((p) => p.id))];
    const gone = [...links, found.id];
    // Links are deleted with their ends; links naming the links (none in FtM's edge schemas) go with them.
    await trx.deleteFrom('entity_mentions').where('entity_id', 'in', gone).execute();
    await trx.deleteFrom('entity_refs').where('entity_id', 'in', gone).execute();
    await trx.deleteFrom('entity_refs').where('target_id', 'in', gone).execute();
    await trx.deleteFrom('entities').where('id', 'in', gone).execute();
    for (const l of links) audit('entity.delete', entityKey(l), { caseId: caseRow.id, reason: 'end deleted', end: found.id });
    audit('entity.delete', entityKey(found.id), { caseId: caseRow.id, ftmId: found.ftm_id, schema: found.schema, caption: found.caption });
    return { deleted: gone };
  });
}

// ── Mentions ──────────────────────────────────────────────────────────────────────────────────

export interface MentionView {
  id: string;
  requestId: string | null;
  evidenceId: string | null;
  note: string;
  createdAt: string;
}

export async function mentionsOf(db: Kysely<Database>, entityId: string): Promise<MentionView[]> {
  const rows = await db.selectFrom('entity_mentions').selectAll().where('entity_id', '=', entityId).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, requestId: r.request_id, evidenceId: r.evidence_id, note: r.note, createdAt: new Date(r.created_at).toISOString() }));
}

/** Records that an entity is mentioned in a request (of the case's organisation, readable by the caller) or an evidence item it may see. */
export async function addMention(deps: EntityDeps, who: CaseWho, id: string, input: { requestId?: string | undefined; evidenceId?: string | undefined; note?: string | undefined }): Promise<MentionView> {
  const found = await findEntity(deps.db, id);
  if (!found || (who.actor && !canSeeOrganisation(who.actor, found.organisation_id))) throw NOT_FOUND();
  const caseRow = await caseOfEntity(deps, who, found, 'link');
  if (!!input.requestId === !!input.evidenceId) throw new ValidationError('mention_target', 'Name a request or an evidence item (one of them).');
  if (input.requestId) {
    const req = await findRequest(deps.db, input.requestId);
    if (!req || req.organisation_id !== caseRow.organisation_id) throw new NotFoundError('not_found', 'No such request.');
    await enforce(deps, who, req, { kind: 'read' });
  } else {
    const item = await loadVisibleItem(deps, who, input.evidenceId as string);
    if (item.organisation_id !== caseRow.organisation_id) throw new NotFoundError('not_found', 'No such evidence item.');
  }
  return auditedTransaction(deps, { actor: who.actor, requestId: who.requestId, organisationId: caseRow.organisation_id }, async (trx, audit) => {
    const row = await trx
      .insertInto('entity_mentions')
      .values({
        id: randomUUID(),
        entity_id: found.id,
        request_id: input.requestId ?? null,
        evidence_id: input.evidenceId ?? null,
        note: (input.note ?? '').trim().slice(0, 2000),
        created_by: who.actor?.userId ?? null,
        created_at: deps.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    audit('entity.mention.add', entityKey(found.id), { caseId: caseRow.id, requestId: row.request_id, evidenceId: row.evidence_id });
    return { id: row.id, requestId: row.request_id, evidenceId: row.evidence_id, note: row.note, createdAt: new Date(row.created_at).toISOString() };
  });
}

export async function removeMention(deps: EntityDeps, who: CaseWho, id: string, mentionId: string): Promise<void> {
  const found = await findEntity(deps.db, id);
  if (!found || (who.actor && !canSeeOrganisation(who.actor, found.organisation_id))) throw NOT_FOUND();
  const caseRow = await caseOfEntity(deps, who, found, 'link');
  await auditedTransaction(deps, { actor: who.actor, requestId: who.requestId, organisationId: caseRow.organisation_id }, async (trx, audit) => {
    const gone = UUID.test(mentionId) ? await trx.deleteFrom('entity_mentions').where('id', '=', mentionId).where('entity_id', '=', found.id).returning('id').executeTakeFirst() : undefined;
    if (!gone) throw new NotFoundError('not_found', 'No such mention.');
    audit('entity.mention.remove', entityKey(found.id), { caseId: caseRow.id, mentionId });
  });
}

// ── Import and export ─────────────────────────────────────────────────────────────────────────

/** One line of an import and what is wrong with it. */
export interface LineReport {
  line: number;
  id: string | null;
  problems: EntityProblem[];
}

export class ImportRejectedError extends ValidationError {}

interface ParsedLine {
  line: number;
  entity: FtmEntity;
}

/** Checks every line; refused as a whole (400 `import_rejected`, every bad line with its number) when any is wrong. */
async function importEntities(deps: EntityDeps, who: CaseWho, caseId: string, lines: ParsedLine[], bad: LineReport[], format: string, marking: EntityMarkingInput | undefined, sources: string[] | undefined) {
  const { row: caseRow } = await assertCaseMember(deps, who, caseId, 'link');
  const ownMark = await ownMarking(deps.db, caseRow, (who.actor?.organisationId ?? caseRow.organisation_id) as string, marking);
  const checkedLines: { line: number; entity: FtmEntity; checked: CheckedEntity }[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, entity } of lines) {
    const problems: EntityProblem[] = [];
    if (!FTM_ID.test(entity.id)) problems.push({ property: null, code: 'bad_id', message: 'id: letters, digits and . _ : - (at most 128).' });
    const seenAt = firstLineOf.get(entity.id);
    if (seenAt !== undefined) problems.push({ property: null, code: 'duplicate_id', message: `The id ${entity.id} is already on line ${seenAt}.` });
    else firstLineOf.set(entity.id, line);
    const checked = checkEntity(entity.schema, entity.properties);
    if ('schema' in checked && !problems.length) checkedLines.push({ line, entity, checked });
    else bad.push({ line, id: entity.id || null, problems: [...problems, ...checked.problems] });
  }
  return auditedTransaction(deps, { actor: who.actor, requestId: who.requestId, organisationId: caseRow.organisation_id }, async (trx, audit) => {
    const existing = await knownOfCase(
      trx,
      caseRow.id,
      [...checkedLines.map((c) => c.entity.id), ...checkedLines.flatMap((c) => c.checked.refs.map((r) => r.ftmId))],
    );
    // Rows of this batch: existing ids keep their row (replaced), new ones get a fresh row id.
    const known = new Map(existing);
    const rowIdOf = new Map<string, string>();
    for (const c of checkedLines) {
      const id = existing.get(c.entity.id)?.id ?? randomUUID();
      rowIdOf.set(c.entity.id, id);
      known.set(c.entity.id, { id, schema: c.checked.schema.name });
    }
    const refsOf = new Map<string, { property: string; target: string }[]>();
    for (const c of checkedLines) {
      const { refs, problems } = resolveRefs(c.checked, known);
      const prev = existing.get(c.entity.id);
      if (prev && prev.schema !== c.checked.schema.name) problems.push({ property: null, code: 'schema_changed', message: `The case holds ${c.entity.id} as a ${prev.schema}.` });
      if (problems.length) bad.push({ line: c.line, id: c.entity.id, problems });
      refsOf.set(c.entity.id, refs);
    }
    if (bad.length) {
      bad.sort((a, b) => a.line - b.line);
      throw new ImportRejectedError('import_rejected', `${bad.length} line(s) are not valid; nothing was imported.`, { lines: bad.slice(0, 1000), badLines: bad.length });
    }
    const now = deps.now();
    const fresh = checkedLines.filter((c) => !existing.has(c.entity.id));
    const replaced = checkedLines.filter((c) => existing.has(c.entity.id));
    const values = (c: (typeof checkedLines)[number]) => ({
      id: rowIdOf.get(c.entity.id) as string,
      organisation_id: caseRow.organisation_id,
      case_id: caseRow.id,
      ftm_id: c.entity.id,
      schema: c.checked.schema.name,
      is_link: c.checked.schema.isEdge,
      caption: c.checked.caption,
      caption_key: captionKey(lookupText(c.checked.schema, c.checked.properties, c.checked.caption)),
      properties: JSON.stringify(c.checked.properties),
      marking: JSON.stringify(ownMark),
      sources: JSON.stringify(cleanSources(sources)),
      created_by: who.actor?.userId ?? null,
      created_at: now,
      updated_at: now,
    });
    for (let i = 0; i < fresh.length; i += INSERT_CHUNK) await trx.insertInto('entities').values(fresh.slice(i, i + INSERT_CHUNK).map(values)).execute();
    for (const c of replaced) {
      const v = values(c);
      await trx
        .updateTable('entities')
        .set({ properties: v.properties, caption: v.caption, caption_key: v.caption_key, updated_at: now, version: (eb) => eb('version', '+', 1) })
        .where('id', '=', v.id)
        .execute();
    }
    const ids = checkedLines.map((c) => rowIdOf.get(c.entity.id) as string);
    for (let i = 0; i < ids.length; i += INSERT_CHUNK) await trx.deleteFrom('entity_refs').where('entity_id', 'in', ids.slice(i, i + INSERT_CHUNK)).execute();
    const refRows = checkedLines.flatMap((c) => {
      const unique = new Map((refsOf.get(c.entity.id) ?? []).map((r) => [`${r.property}\u0000${r.target}`, r]));
      return [...unique.values()].map((r) => ({ entity_id: rowIdOf.get(c.entity.id) as string, property: r.property, target_id: r.target }));
    });
    for (let i = 0; i < refRows.length; i += INSERT_CHUNK) await trx.insertInto('entity_refs').values(refRows.slice(i, i + INSERT_CHUNK)).execute();
    await writePersonKeys(
      trx,
      checkedLines.map((c) => ({ id: rowIdOf.get(c.entity.id) as string, schema: c.checked.schema.name, properties: c.checked.properties })),
    );
    audit('entity.import', `case:${caseRow.id}`, { format, created: fresh.length, updated: replaced.length, lines: lines.length, tlp: ownMark.tlp });
    return { created: fresh.length, updated: replaced.length };
  });
}

/** FtM JSON lines: one entity per non-empty line ({ id, schema, properties }). */
export async function importFtmLines(deps: EntityDeps, who: CaseWho, caseId: string, text: string, opts: { marking?: EntityMarkingInput; sources?: string[] } = {}) {
  const lines: ParsedLine[] = [];
  const bad: LineReport[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      bad.push({ line, id: null, problems: [{ property: null, code: 'bad_json', message: 'Not a JSON object.' }] });
      return;
    }
    const v = value as Partial<FtmEntity>;
    if (typeof v !== 'object' || v === null || typeof v.id !== 'string' || typeof v.schema !== 'string' || typeof v.properties !== 'object' || v.properties === null) {
      bad.push({ line, id: typeof v?.id === 'string' ? v.id : null, problems: [{ property: null, code: 'bad_ftm', message: 'An FtM entity has id, schema and properties.' }] });
      return;
    }
    lines.push({ line, entity: { id: v.id, schema: v.schema, properties: v.properties as FtmProperties } });
  });
  if (!lines.length && !bad.length) throw new ValidationError('import_empty', 'The file holds no entity.');
  return importEntities(deps, who, caseId, lines, bad, 'ftm', opts.marking, opts.sources);
}

export interface CsvMapping {
  /** The schema of every row. */
  schema: string;
  /** CSV column (header) → FtM property. A column may also be `id` (the FtM id). */
  columns: Record<string, string>;
  /** Split multi-valued cells on this separator (e.g. ";"). */
  separator?: string | undefined;
}

/** CSV with a header and a column mapping; each row one entity of `mapping.schema`. */
export async function importCsv(deps: EntityDeps, who: CaseWho, caseId: string, text: string, mapping: CsvMapping, opts: { marking?: EntityMarkingInput; sources?: string[] } = {}) {
  const rows = parseCsv(text);
  const header = rows.shift();
  if (!header) throw new ValidationError('import_empty', 'The file holds no header and no row.');
  const names = header.cells.map((c) => c.trim());
  const problems: EntityProblem[] = [];
  for (const col of Object.keys(mapping.columns)) {
    if (!names.includes(col)) problems.push({ property: mapping.columns[col] ?? null, code: 'unknown_column', message: `The header has no column "${col}".` });
  }
  if (problems.length) throw new ImportRejectedError('import_rejected', problems[0]?.message ?? 'Bad mapping.', { lines: [{ line: header.line, id: null, problems }], badLines: 1 });
  const lines: ParsedLine[] = [];
  const bad: LineReport[] = [];
  for (const row of rows) {
    if (row.cells.length !== names.length) {
      bad.push({ line: row.line, id: null, problems: [{ property: null, code: 'bad_columns', message: `${row.cells.length} columns where the header has ${names.length}.` }] });
      continue;
    }
    const properties: FtmProperties = {};
    let id: string | undefined;
    for (const [col, prop] of Object.entries(mapping.columns)) {
      const cell = (row.cells[names.indexOf(col)] ?? '').trim();
      if (!cell) continue;
      if (prop === 'id') {
        id = cell;
        continue;
      }
      const values = mapping.separator ? cell.split(mapping.separator).map((v) => v.trim()) : [cell];
      properties[prop] = [...(properties[prop] ?? []), ...values.filter(Boolean)];
    }
    lines.push({ line: row.line, entity: { id: id ?? randomUUID(), schema: mapping.schema, properties } });
  }
  if (!lines.length && !bad.length) throw new ValidationError('import_empty', 'The file holds no row.');
  return importEntities(deps, who, caseId, lines, bad, 'csv', opts.marking, opts.sources);
}

/**
 * A case's entities as FtM JSON lines (links after the entities they join), each read and its
 * export decided by the release policy first: the first denial refuses the whole export (audited).
 */
export async function exportFtmLines(deps: EntityDeps, who: CaseWho, caseId: string): Promise<{ text: string; count: number; caseRow: CaseRow }> {
  const caseRow = (await readCaseWithAccess(deps, who, caseId)).row;
  const caseRecord = await caseMarkedRecord(deps.db, caseRow);
  const rows = await deps.db.selectFrom('entities').selectAll().where('case_id', '=', caseRow.id).orderBy('is_link').orderBy('ftm_id').execute();
  let first = true;
  for (const row of rows) {
    const record = markedRecordOfEntity(row, caseRecord);
    const d = decide(policyActorOf(who.actor), { kind: 'export', format: 'api-download' }, record, { today: todayOf(deps.now()), consents: [] });
    // Only a denial (or the first row, so the route's decision is counted) goes through enforceRecord: its consents and audit.
    if (!d.allow || first) {
      await enforceRecord(deps, who, { record, auditTarget: entityKey(row.id), details: { entityId: row.id, caseId: row.case_id } }, { kind: 'export', format: 'api-download' });
      first = false;
    }
  }
  if (!rows.length) await enforceRecord(deps, who, { record: caseRecord, auditTarget: `case:${caseRow.id}`, details: { caseId: caseRow.id } }, { kind: 'export', format: 'api-download' });
  const text = rows.map((r) => JSON.stringify({ id: r.ftm_id, schema: r.schema, properties: r.properties })).join('\n');
  return { text: text ? `${text}\n` : '', count: rows.length, caseRow };
}

/** An entity for the API: FtM JSON plus our row id, case, marking, sources and mentions. */
export async function presentEntity(deps: EntityDeps, who: CaseWho, readable: ReadableEntity) {
  const { row, record } = readable;
  const schema = FTM_MODEL.getSchema(row.schema);
  const ends = linkEnds(schema);
  const refs = await deps.db
    .selectFrom('entity_refs as r')
    .innerJoin('entities as e', 'e.id', 'r.target_id')
    .select(['r.property', 'e.id', 'e.ftm_id', 'e.schema', 'e.caption'])
    .where('r.entity_id', '=', row.id)
    .execute();
  return {
    ...presentRow(row, effectiveEntityMarking(record), null),
    link: ends ? { source: ends.source, target: ends.target, directed: ends.directed, label: schema.edge?.label ?? row.schema } : null,
    references: refs.map((r) => ({ property: r.property, id: r.id, ftmId: r.ftm_id, schema: r.schema, caption: r.caption })),
    sources: row.sources as string[],
    ownMarking: row.marking as Marking,
    mentions: await mentionsOf(deps.db, row.id),
    caseReference: readable.caseRow.reference,
    editable: !!who.actor,
  };
}

export function presentRow(row: EntityRow, effective: Marking, withheld: Extract<Decision, { allow: false }> | null) {
  return {
    id: row.id,
    ftmId: row.ftm_id,
    caseId: row.case_id,
    schema: row.schema,
    isLink: row.is_link,
    caption: withheld ? null : row.caption,
    properties: withheld ? null : (row.properties as FtmProperties),
    marking: effective,
    withheld: withheld ? { rule: withheld.rule, citation: withheld.citation, reason: withheld.reason } : null,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
