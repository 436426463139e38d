// Appends to and reads the audit trail. Appends run inside the caller's transaction and lock the
// chain head row, so concurrent writers on PostgreSQL take turns and the chain stays linear.
import {
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
        change: JSON.stringify(input.change),
      })
      .execute();
    written.push(entry);
    prev = entry;
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

/** Every entry in sequence order, for verification (the store's own order, not the hashes'). */
export async function readWholeTrail(db: Kysely<Database>): Promise<{ entries: StoredAuditEntry[]; head: AuditHead | null }> {
  const rows = await db.selectFrom('audit_entries').selectAll().orderBy('seq').execute();
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  return {
    entries: rows.map((r) => toEntry(r)),
    head: head && head.seq > 0 ? { seq: Number(head.seq), hash: head.hash, signature: head.signature, keyId: head.key_id } : null,
  };
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
