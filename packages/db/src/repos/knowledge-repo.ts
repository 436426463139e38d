// Knowledge versions, their records and curated facts. Version N of the knowledge is, for each
// (kind, key), the newest record stored at or below N; a version stores only what it changed.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export interface KnowledgeVersionRow {
  number: number;
  createdAt: string;
  actorId: string | null;
  actorEmail: string | null;
  source: string;
  digest: string;
  dataAsOf: string;
  forced: boolean;
  summary: unknown;
}

export interface KnowledgeRecord {
  kind: string;
  key: string;
  data: unknown;
}

export interface StoredKnowledgeRecord extends KnowledgeRecord {
  version: number;
}

export interface CurationRow {
  id: string;
  seq: number;
  kind: string;
  instrument: string;
  state: string | null;
  fact: unknown;
  source: string;
  note: string;
  basedOnVersion: number;
  createdAt: string;
  createdById: string | null;
  createdByEmail: string | null;
  confirmedAt: string | null;
  withdrawnAt: string | null;
  withdrawnByEmail: string | null;
  withdrawalNote: string | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

type VersionSelect = {
  number: number;
  created_at: Date;
  actor_id: string | null;
  actor_email: string | null;
  source: string;
  digest: string;
  data_as_of: string;
  forced: boolean;
  summary: unknown;
};

function versionRow(r: VersionSelect): KnowledgeVersionRow {
  return {
    number: r.number,
    createdAt: iso(r.created_at) as string,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    source: r.source,
    digest: r.digest,
    dataAsOf: r.data_as_of,
    forced: r.forced,
    summary: r.summary,
  };
}

/** Serialises writers of knowledge versions (two imports must not both take number N+1). */
export async function lockKnowledgeVersions(trx: Kysely<Database>): Promise<void> {
  await sql`lock table knowledge_versions in exclusive mode`.execute(trx);
}

export async function latestKnowledgeVersion(db: Kysely<Database>): Promise<KnowledgeVersionRow | undefined> {
  const r = await db.selectFrom('knowledge_versions').selectAll().orderBy('number', 'desc').limit(1).executeTakeFirst();
  return r ? versionRow(r) : undefined;
}

export async function findKnowledgeVersion(db: Kysely<Database>, number: number): Promise<KnowledgeVersionRow | undefined> {
  const r = await db.selectFrom('knowledge_versions').selectAll().where('number', '=', number).executeTakeFirst();
  return r ? versionRow(r) : undefined;
}

export async function listKnowledgeVersions(db: Kysely<Database>): Promise<KnowledgeVersionRow[]> {
  const rows = await db.selectFrom('knowledge_versions').selectAll().orderBy('number', 'desc').execute();
  return rows.map(versionRow);
}

export async function insertKnowledgeVersion(
  db: Kysely<Database>,
  v: Omit<KnowledgeVersionRow, 'createdAt'> & { createdAt: Date },
  records: KnowledgeRecord[],
): Promise<void> {
  await db
    .insertInto('knowledge_versions')
    .values({
      number: v.number,
      created_at: v.createdAt,
      actor_id: v.actorId,
      actor_email: v.actorEmail,
      source: v.source,
      digest: v.digest,
      data_as_of: v.dataAsOf,
      forced: v.forced,
      summary: JSON.stringify(v.summary),
    })
    .execute();
  // One record per statement: article texts make some records large, and a single multi-row
  // insert of every record would build one very large statement.
  for (const r of records) {
    await db.insertInto('knowledge_records').values({ version: v.number, kind: r.kind, key: r.key, data: JSON.stringify(r.data) }).execute();
  }
}

/** The records that make up version `number`: the newest of each (kind, key) at or below it. */
export async function readKnowledgeRecords(db: Kysely<Database>, number: number): Promise<StoredKnowledgeRecord[]> {
  const { rows } = await sql<{ version: number; kind: string; key: string; data: unknown }>`
    select distinct on (kind, key) version, kind, key, data
    from knowledge_records
    where version <= ${number}
    order by kind, key, version desc`.execute(db);
  return rows.map((r) => ({ version: r.version, kind: r.kind, key: r.key, data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data }));
}

/** A cheap fingerprint of everything the in-memory index is built from; changes on every write. */
export async function knowledgeGeneration(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ v: number | null; c: number | string; w: number | string; f: string | null }>`
    select (select max(number) from knowledge_versions) as v,
           (select count(*) from knowledge_curations) as c,
           (select count(*) from knowledge_curations where withdrawn_at is not null) as w,
           (select max(confirmed_at)::text from knowledge_curations) as f`.execute(db);
  const r = rows[0];
  return r ? `${r.v ?? 0}:${r.c}:${r.w}:${r.f ?? ''}` : '0:0:0:';
}

type CurationSelect = {
  id: string;
  seq: number;
  kind: string;
  instrument: string;
  state: string | null;
  fact: unknown;
  source: string;
  note: string;
  based_on_version: number;
  created_at: Date;
  created_by_id: string | null;
  created_by_email: string | null;
  confirmed_at: Date | null;
  withdrawn_at: Date | null;
  withdrawn_by_email: string | null;
  withdrawal_note: string | null;
};

function curationRow(r: CurationSelect): CurationRow {
  return {
    id: r.id,
    seq: r.seq,
    kind: r.kind,
    instrument: r.instrument,
    state: r.state,
    fact: typeof r.fact === 'string' ? JSON.parse(r.fact) : r.fact,
    source: r.source,
    note: r.note,
    basedOnVersion: r.based_on_version,
    createdAt: iso(r.created_at) as string,
    createdById: r.created_by_id,
    createdByEmail: r.created_by_email,
    confirmedAt: iso(r.confirmed_at),
    withdrawnAt: iso(r.withdrawn_at),
    withdrawnByEmail: r.withdrawn_by_email,
    withdrawalNote: r.withdrawal_note,
  };
}

export async function insertCuration(
  db: Kysely<Database>,
  c: {
    id: string;
    kind: string;
    instrument: string;
    state: string | null;
    fact: unknown;
    source: string;
    note: string;
    basedOnVersion: number;
    createdAt: Date;
    createdById: string | null;
    createdByEmail: string | null;
  },
): Promise<CurationRow> {
  const r = await db
    .insertInto('knowledge_curations')
    .values({
      id: c.id,
      kind: c.kind,
      instrument: c.instrument,
      state: c.state,
      fact: JSON.stringify(c.fact),
      source: c.source,
      note: c.note,
      based_on_version: c.basedOnVersion,
      created_at: c.createdAt,
      created_by_id: c.createdById,
      created_by_email: c.createdByEmail,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return curationRow(r);
}

/** Curations in the order they were made (oldest first), optionally only those in force. */
export async function listCurations(db: Kysely<Database>, opts: { active?: boolean } = {}): Promise<CurationRow[]> {
  let q = db.selectFrom('knowledge_curations').selectAll().orderBy('seq', 'asc');
  if (opts.active) q = q.where('withdrawn_at', 'is', null);
  return (await q.execute()).map(curationRow);
}

export async function findCuration(db: Kysely<Database>, id: string): Promise<CurationRow | undefined> {
  const r = await db.selectFrom('knowledge_curations').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? curationRow(r) : undefined;
}

export async function withdrawCuration(db: Kysely<Database>, id: string, by: { email: string | null; note: string; at: Date }): Promise<CurationRow> {
  const r = await db
    .updateTable('knowledge_curations')
    .set({ withdrawn_at: by.at, withdrawn_by_email: by.email, withdrawal_note: by.note })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return curationRow(r);
}

/** The administrator has seen the newer import and keeps the curated fact: it now rests on `version`. */
export async function confirmCuration(db: Kysely<Database>, id: string, version: number, at: Date): Promise<CurationRow> {
  const r = await db
    .updateTable('knowledge_curations')
    .set({ based_on_version: version, confirmed_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return curationRow(r);
}
