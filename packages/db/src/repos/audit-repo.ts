// Appends to and reads the audit trail. Appends run inside the caller's transaction and lock the
// chain head row, so concurrent writers on PostgreSQL take turns and the chain stays linear.
import {
  type AuditAnchor,
  type AuditEntry,
  type AuditHead,
  type AuditInput,
  type Hasher,
  type Signer,
  linkAuditEntry,
  signAuditHead,
} from '@comity/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditEntriesTable, Database } from '../schema.ts';

export interface AuditPorts {
  hasher: Hasher;
  signer: Signer;
  now: () => Date;
}

export async function appendAudit(trx: Kysely<Database>, ports: AuditPorts, inputs: AuditInput | AuditInput[]): Promise<AuditEntry[]> {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.length === 0) return [];
  // Insert-or-lock the single head row; FOR UPDATE serialises appenders on PostgreSQL.
  await sql`insert into audit_head (id, seq, hash, signature, key_id) values (1, 0, '', '', '') on conflict (id) do nothing`.execute(trx);
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  let prev: { seq: number; hash: string } | null = head.seq === 0 ? null : { seq: head.seq, hash: head.hash };
  const written: AuditEntry[] = [];
  for (const input of list) {
    const entry = linkAuditEntry(ports.hasher, prev, input, ports.now());
    await trx
      .insertInto('audit_entries')
      .values({
        seq: entry.seq,
        at: entry.at,
        actor_id: entry.actorId,
        actor_email: entry.actorEmail,
        organisation_id: entry.organisationId,
        action: entry.action,
        target: entry.target,
        request_id: entry.requestId,
        digest: entry.digest,
        prev_hash: entry.prevHash,
        hash: entry.hash,
        // The canonical change the digest was computed over (see auditText in core).
        change: JSON.stringify(entry.change),
      })
      .execute();
    const { change: _stored, ...linked } = entry;
    written.push(linked);
    prev = linked;
  }
  const last = written[written.length - 1]!;
  const signed = signAuditHead(ports.signer, last);
  await trx
    .updateTable('audit_head')
    .set({ seq: signed.seq, hash: signed.hash, signature: signed.signature, key_id: signed.keyId })
    .where('id', '=', 1)
    .execute();
  return written;
}

export interface StoredAuditEntry extends AuditEntry {
  change: unknown;
}

type Row = Selectable<AuditEntriesTable>;

function toEntry(r: Row): StoredAuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    organisationId: r.organisation_id,
    action: r.action,
    target: r.target,
    requestId: r.request_id,
    digest: r.digest,
    prevHash: r.prev_hash,
    hash: r.hash,
    change: r.change,
  };
}

/** The signed head alone (null on a node that never audited anything). */
export async function readAuditHead(db: Kysely<Database>): Promise<AuditHead | null> {
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  return head && head.seq > 0 ? { seq: Number(head.seq), hash: head.hash, signature: head.signature, keyId: head.key_id } : null;
}

/**
 * Whether the node's own data shows that it has been used: every one of these rows was written
 * in an audited transaction, so a node holding any of them cannot have an empty trail.
 */
export async function hasPastActivity(db: Kysely<Database>): Promise<boolean> {
  const tables = ['users', 'organisations', 'requests', 'federation_peers', 'knowledge_versions', 'outbox'] as const;
  for (const table of tables) {
    const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) return true;
  }
  return false;
}

const ANCHOR_SECRET = 'audit-anchor';

/** The anchor kept in node_secrets when the node keys live in the database (COMITY_MASTER_KEY). */
export async function readAnchorSecret(db: Kysely<Database>): Promise<AuditAnchor | null> {
  const r = await db.selectFrom('node_secrets').select('value').where('name', '=', ANCHOR_SECRET).executeTakeFirst();
  const v = r?.value as { seq?: unknown; hash?: unknown } | undefined;
  return v && typeof v.seq === 'number' && typeof v.hash === 'string' ? { seq: v.seq, hash: v.hash } : null;
}

/** Moves the stored anchor forward to `anchor`; never back (two writers may finish out of order). */
export async function advanceAnchorSecret(db: Kysely<Database>, anchor: AuditAnchor, now: Date): Promise<void> {
  const value = JSON.stringify({ seq: anchor.seq, hash: anchor.hash });
  await sql`insert into node_secrets (name, value, created_at) values (${ANCHOR_SECRET}, ${value}::jsonb, ${now.toISOString()}::timestamptz)
    on conflict (name) do update set value = excluded.value
    where (node_secrets.value->>'seq')::bigint < (excluded.value->>'seq')::bigint`.execute(db);
}

/** Every entry in sequence order, for verification (the store's own order, not the hashes'). */
export async function readWholeTrail(db: Kysely<Database>): Promise<{ entries: StoredAuditEntry[]; head: AuditHead | null }> {
  // One snapshot for both reads: an entry committed in between would otherwise look like a
  // removed tail or an unsigned one.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const rows = await trx.selectFrom('audit_entries').selectAll().orderBy('seq').execute();
      return { entries: rows.map((r) => toEntry(r)), head: await readAuditHead(trx) };
    });
}

export interface AuditFilter {
  action?: string | undefined;
  actor?: string | undefined;
  organisationId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  limit: number;
}

export async function listAudit(db: Kysely<Database>, f: AuditFilter): Promise<StoredAuditEntry[]> {
  let q = db.selectFrom('audit_entries').selectAll();
  if (f.action) q = q.where('action', 'like', `${f.action.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (f.actor) q = q.where((eb) => eb.or([eb('actor_email', '=', f.actor!), eb(sql`actor_id::text`, '=', f.actor!)]));
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', f.to);
  if (f.before !== undefined) q = q.where('seq', '<', f.before);
  const rows = await q.orderBy('seq', 'desc').limit(f.limit).execute();
  return rows.map((r) => toEntry(r));
}
