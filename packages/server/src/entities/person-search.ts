// Local person search (issue 13 part 2): "do we already hold this person?". The query is prepared by the
// same matcher as `comity match`; its blocking keys find candidates by index in `entity_person_keys`
// (migration 034), restricted in SQL to the entities the caller may read (its organisation's cases: all of
// them for a supervisor, those of its case teams for anyone else; never another organisation's), keys
// shared by too many entities being skipped as in `candidatePairs`. The candidates sharing the most keys
// are loaded, scored with `scorePair` and returned best first with the explanation of each score.
import { ValidationError, assertCan } from '@comity/core';
import { entityKey } from '@comity/core/entities/entity';
import { personRecordOfFtm } from '@comity/core/matching/ftm-person';
import type { IdentifierKind } from '@comity/core/matching/identifiers';
import { type MatchScore, type PersonRecord, blockingKeys, preparePerson, scorePair } from '@comity/core/matching/matcher';
import { decide } from '@comity/core/policy/decide';
import type { MarkedRecord } from '@comity/core/policy/decide';
import type { CaseRow } from '@comity/db/repos/cases-repo';
import { sql } from 'kysely';
import { type CaseWho, caseMarkedRecord } from '../cases/case-service.ts';
import { policyActorOf, todayOf } from '../policy/policy-service.ts';
import { type EntityDeps, type EntityRow, markedRecordOfEntity } from './entity-service.ts';

/** A key held by more entities than this is skipped (a common name in one year): its other keys still find the person. */
export const SEARCH_MAX_BLOCK = 1000;
/** How many candidates (those sharing the most keys) are loaded and scored. */
export const SEARCH_CANDIDATES = 300;
export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_DEFAULT_THRESHOLD = 0.7;

export interface PersonQuery {
  name: string;
  birthDate?: string | undefined;
  nationality?: string | undefined;
  identifiers?: { kind: IdentifierKind; value: string }[] | undefined;
  limit?: number | undefined;
  threshold?: number | undefined;
}

export interface PersonHit {
  row: EntityRow;
  caseReference: string;
  caseTitle: string;
  score: MatchScore;
  /** Blocking keys the entity shares with the query. */
  sharedKeys: number;
}

export interface PersonSearchResult {
  hits: PersonHit[];
  /** Candidates scored (after blocking). */
  candidates: number;
  /** Query fields present but unusable (bad checksum, unparseable date). */
  rejected: string[];
}

function recordOfQuery(q: PersonQuery): PersonRecord {
  const r: PersonRecord = { id: 'query', name: q.name, birthDate: q.birthDate, nationality: q.nationality };
  for (const { kind, value } of q.identifiers ?? []) {
    if (kind === 'passport') r.passport = [...(r.passport ?? []), { number: value }];
    else r[kind] = [...(r[kind] ?? []), value];
  }
  return r;
}

/** The entities the caller may read that the matcher says may be the queried person, best first. */
export async function searchPersons(deps: EntityDeps, who: CaseWho, query: PersonQuery): Promise<PersonSearchResult> {
  const actor = who.actor;
  if (actor) assertCan(actor.role, 'case:read');
  if (!query.name.trim()) throw new ValidationError('name_required', 'Give the name of the person.');
  const prepared = preparePerson(recordOfQuery(query));
  if (!prepared.name.tokens.length) throw new ValidationError('name_required', 'The name holds no letters the matcher can use.');
  // With a birth date, also the keys of the same query without it: entities whose birth date is unknown are found too.
  const keys = new Set(blockingKeys(prepared));
  if (prepared.birthDate) for (const k of blockingKeys(preparePerson({ ...recordOfQuery(query), birthDate: undefined }))) keys.add(k);
  const limit = Math.max(1, Math.min(100, query.limit ?? SEARCH_DEFAULT_LIMIT));
  const threshold = query.threshold ?? SEARCH_DEFAULT_THRESHOLD;
  const scope = actor
    ? actor.role === 'supervisor'
      ? sql`and e.organisation_id = ${actor.organisationId}`
      : sql`and e.organisation_id = ${actor.organisationId} and exists (select 1 from case_members m where m.case_id = e.case_id and m.user_id = ${actor.userId})`
    : sql``;
  const { rows: found } = await sql<{ entity_id: string; shared: string | number }>`
    with q(key) as (values ${sql.join([...keys].map((k) => sql`(${k}::text)`))}),
    usable as (
      select q.key from q
      where (select count(*) from (select 1 from entity_person_keys p where p.key = q.key limit ${SEARCH_MAX_BLOCK + 1}) s) <= ${SEARCH_MAX_BLOCK}
    )
    select p.entity_id, count(*) as shared
    from usable u
    join entity_person_keys p on p.key = u.key
    join entities e on e.id = p.entity_id
    where true ${scope}
    group by p.entity_id
    order by shared desc, p.entity_id
    limit ${SEARCH_CANDIDATES}`.execute(deps.db);
  if (!found.length) return { hits: [], candidates: 0, rejected: prepared.rejected };
  const shared = new Map(found.map((f) => [f.entity_id, Number(f.shared)]));
  const rows = await deps.db
    .selectFrom('entities')
    .selectAll()
    .where(
      'id',
      'in',
      found.map((f) => f.entity_id),
    )
    .execute();
  const scored: { row: EntityRow; score: MatchScore }[] = [];
  for (const row of rows) {
    const record = personRecordOfFtm(row.id, row.schema, row.properties as Record<string, unknown>);
    if (!record) continue;
    const score = scorePair(prepared, preparePerson(record));
    if (score.score >= threshold) scored.push({ row, score });
  }
  scored.sort((a, b) => b.score.score - a.score.score || a.row.id.localeCompare(b.row.id));
  // The release policy on each entity (its marking and its case's), as for a case's entity list: one it withholds is left out.
  const cases = new Map<string, { row: CaseRow; record: MarkedRecord }>();
  const hits: PersonHit[] = [];
  for (const s of scored) {
    if (hits.length >= limit) break;
    let c = cases.get(s.row.case_id);
    if (!c) {
      const caseRow = await deps.db.selectFrom('cases').selectAll().where('id', '=', s.row.case_id).executeTakeFirstOrThrow();
      c = { row: caseRow, record: await caseMarkedRecord(deps.db, caseRow) };
      cases.set(s.row.case_id, c);
    }
    const d = decide(policyActorOf(actor), { kind: 'read' }, markedRecordOfEntity(s.row, c.record), { today: todayOf(deps.now()), consents: [] });
    if (!d.allow) continue;
    hits.push({ row: s.row, caseReference: c.row.reference, caseTitle: c.row.title, score: s.score, sharedKeys: shared.get(s.row.id) ?? 0 });
  }
  return { hits, candidates: rows.length, rejected: prepared.rejected };
}

/** A hit for the API. */
export function presentPersonHit(h: PersonHit) {
  return {
    id: h.row.id,
    key: entityKey(h.row.id),
    ftmId: h.row.ftm_id,
    schema: h.row.schema,
    caption: h.row.caption,
    caseId: h.row.case_id,
    caseReference: h.caseReference,
    caseTitle: h.caseTitle,
    score: h.score.score,
    parts: h.score.parts,
    sharedKeys: h.sharedKeys,
  };
}
