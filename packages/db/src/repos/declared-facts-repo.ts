// This node's declared facts (draft and published versions) and the latest published by each peer.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface OwnFactsRow {
  id: string;
  version: number;
  status: 'draft' | 'submitted' | 'published' | 'superseded';
  content: unknown;
  signed: unknown;
  editedById: string | null;
  editedByEmail: string | null;
  editedAt: string;
  submittedById: string | null;
  submittedByEmail: string | null;
  submittedAt: string | null;
  approvedById: string | null;
  approvedByEmail: string | null;
  publishedAt: string | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function own(r: Record<string, unknown>): OwnFactsRow {
  return {
    id: r.id as string,
    version: Number(r.version),
    status: r.status as OwnFactsRow['status'],
    content: r.content,
    signed: r.signed ?? null,
    editedById: (r.edited_by_id as string | null) ?? null,
    editedByEmail: (r.edited_by_email as string | null) ?? null,
    editedAt: iso(r.edited_at as Date) as string,
    submittedById: (r.submitted_by_id as string | null) ?? null,
    submittedByEmail: (r.submitted_by_email as string | null) ?? null,
    submittedAt: iso((r.submitted_at as Date | null) ?? null),
    approvedById: (r.approved_by_id as string | null) ?? null,
    approvedByEmail: (r.approved_by_email as string | null) ?? null,
    publishedAt: iso((r.published_at as Date | null) ?? null),
  };
}

/** The version being prepared (draft or submitted), locked when `forUpdate`. */
export async function findFactsDraft(db: Kysely<Database>, forUpdate = false): Promise<OwnFactsRow | undefined> {
  let q = db.selectFrom('declared_facts_own').selectAll().where('status', 'in', ['draft', 'submitted']);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? own(r as unknown as Record<string, unknown>) : undefined;
}

export async function findPublishedFacts(db: Kysely<Database>): Promise<OwnFactsRow | undefined> {
  const r = await db.selectFrom('declared_facts_own').selectAll().where('status', '=', 'published').executeTakeFirst();
  return r ? own(r as unknown as Record<string, unknown>) : undefined;
}

export async function maxOwnFactsVersion(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('declared_facts_own').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return Number(r?.v ?? 0);
}

export async function insertFactsDraft(
  db: Kysely<Database>,
  v: { id: string; version: number; content: unknown; editedById: string | null; editedByEmail: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('declared_facts_own')
    .values({
      id: v.id,
      version: v.version,
      status: 'draft',
      content: JSON.stringify(v.content),
      edited_by_id: v.editedById,
      edited_by_email: v.editedByEmail,
      edited_at: v.at,
    })
    .execute();
}

/** An edit sends a submitted draft back to draft: whoever approves must see what they approve. */
export async function updateFactsDraft(db: Kysely<Database>, id: string, v: { content: unknown; editedById: string | null; editedByEmail: string | null; at: Date }): Promise<void> {
  await db
    .updateTable('declared_facts_own')
    .set({
      content: JSON.stringify(v.content),
      status: 'draft',
      edited_by_id: v.editedById,
      edited_by_email: v.editedByEmail,
      edited_at: v.at,
      submitted_by_id: null,
      submitted_by_email: null,
      submitted_at: null,
    })
    .where('id', '=', id)
    .execute();
}

export async function submitFactsDraft(db: Kysely<Database>, id: string, v: { byId: string; byEmail: string; at: Date }): Promise<void> {
  await db.updateTable('declared_facts_own').set({ status: 'submitted', submitted_by_id: v.byId, submitted_by_email: v.byEmail, submitted_at: v.at }).where('id', '=', id).execute();
}

export async function publishFactsDraft(db: Kysely<Database>, id: string, v: { signed: unknown; byId: string; byEmail: string; at: Date }): Promise<void> {
  await db.updateTable('declared_facts_own').set({ status: 'superseded' }).where('status', '=', 'published').execute();
  await db
    .updateTable('declared_facts_own')
    .set({ status: 'published', signed: JSON.stringify(v.signed), approved_by_id: v.byId, approved_by_email: v.byEmail, published_at: v.at })
    .where('id', '=', id)
    .execute();
}

export interface ReceivedFactsRow {
  nodeId: string;
  state: string;
  authority: string;
  version: number;
  signedAt: string;
  signed: unknown;
  messageId: string;
  receivedAt: string;
}

function received(r: Record<string, unknown>): ReceivedFactsRow {
  return {
    nodeId: r.node_id as string,
    state: r.state as string,
    authority: r.authority as string,
    version: Number(r.version),
    signedAt: iso(r.signed_at as Date) as string,
    signed: r.signed,
    messageId: r.message_id as string,
    receivedAt: iso(r.received_at as Date) as string,
  };
}

export async function findReceivedFacts(db: Kysely<Database>, nodeId: string): Promise<ReceivedFactsRow | undefined> {
  const r = await db.selectFrom('declared_facts_received').selectAll().where('node_id', '=', nodeId).forUpdate().executeTakeFirst();
  return r ? received(r as unknown as Record<string, unknown>) : undefined;
}

/** Received facts of peers that are still trusted (a suspended or revoked peer's facts are not used). */
export async function listReceivedFacts(db: Kysely<Database>, f: { state?: string | undefined } = {}): Promise<ReceivedFactsRow[]> {
  let q = db
    .selectFrom('declared_facts_received as f')
    .innerJoin('federation_peers as p', 'p.node_id', 'f.node_id')
    .selectAll('f')
    .where('p.status', '=', 'active')
    .orderBy('f.state')
    .orderBy('f.node_id');
  if (f.state) q = q.where('f.state', '=', f.state);
  return (await q.execute()).map((r) => received(r as unknown as Record<string, unknown>));
}

export async function upsertReceivedFacts(db: Kysely<Database>, v: Omit<ReceivedFactsRow, 'signedAt' | 'receivedAt'> & { signedAt: string; receivedAt: Date }): Promise<void> {
  const values = {
    node_id: v.nodeId,
    state: v.state,
    authority: v.authority,
    version: v.version,
    signed_at: v.signedAt,
    signed: JSON.stringify(v.signed),
    message_id: v.messageId,
    received_at: v.receivedAt,
  };
  await db
    .insertInto('declared_facts_received')
    .values(values)
    .onConflict((oc) => oc.column('node_id').doUpdateSet({ ...values }))
    .execute();
}

/** Changes when declared facts change, for the knowledge service's freshness check. */
export async function declaredFactsGeneration(db: Kysely<Database>): Promise<string> {
  const own = await db.selectFrom('declared_facts_own').select((eb) => eb.fn.max('version').as('v')).where('status', '=', 'published').executeTakeFirst();
  const rec = await db
    .selectFrom('declared_facts_received as f')
    .innerJoin('federation_peers as p', 'p.node_id', 'f.node_id')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('f.received_at').as('at'), eb.fn.max('p.updated_at').as('peers')])
    .where('p.status', '=', 'active')
    .executeTakeFirst();
  const at = (d: unknown) => (d ? new Date(d as string).toISOString() : '');
  return `${own?.v ?? 0}:${rec?.n ?? 0}:${at(rec?.at)}:${at(rec?.peers)}`;
}
