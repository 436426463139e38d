// Appends to and reads the audit log. Appends run inside the caller's transaction and take their
// numbers from a sequence, without any lock: entries are stored unsequenced (leaf_index null) and
// the sequencer (server/src/audit/sequencer.ts) places them in the Merkle tree in batches.
import {
  type AuditAnchor,
  type AuditEntry,
  type AuditHead,
  type AuditInput,
  type Hasher,
  type Signer,
  type SubtreeId,
  prepareUnnumberedAuditEntry,
} from '@comity/core';
import { type Compilable, type Kysely, type OperationNodeSource, type RawBuilder, type Selectable, sql } from 'kysely';
import type { AuditEntriesTable, Database } from '../schema.ts';

export interface AuditPorts {
  hasher: Hasher;
  /** Kept for callers; entries are no longer signed one by one (checkpoints are, per batch). */
  signer?: Signer;
  now: () => Date;
}

type Unnumbered = ReturnType<typeof prepareUnnumberedAuditEntry>;

/**
 * The rows of `entries` as a SELECT that numbers them from the entries' sequence, in the listed
 * order, and computes each hash in the store (SHA-256 of the canonical entry with its number, see
 * `prepareUnnumberedAuditEntry`), so that numbering and writing are one statement. `guard` (a
 * condition) keeps the rows, and the numbers, from being taken when it is false.
 */
function numberedEntriesSelect(entries: readonly Unnumbered[], guard?: RawBuilder<unknown>) {
  // Typed parameters: in INSERT … SELECT PostgreSQL would otherwise take them as text.
  const values = entries.map(
    (e, i) => sql`(${i + 1}::integer, ${e.at}::text, ${e.actorId}::uuid, ${e.actorEmail}::text, ${e.organisationId}::uuid, ${e.action}::text, ${e.target}::text,
      ${e.requestId}::text, ${e.digest}::text, ${e.prevHash}::text, ${JSON.stringify(e.change)}::jsonb, ${Buffer.from(e.textBefore, 'utf8')}::bytea, ${Buffer.from(e.textAfter, 'utf8')}::bytea)`,
  );
  // The numbers are taken row by row as the listed rows are read, so they ascend in that order; a
  // materialised CTE takes each exactly once (an uncorrelated subquery would be run only once).
  return sql`with numbered as materialized (select nextval('audit_entries_seq_gen')::integer as seq, v.*
      from (values ${sql.join(values)}) as v(i, at, actor_id, actor_email, organisation_id, action, target, request_id, digest, prev_hash, change, before, after)
      ${guard ? sql`where ${guard}` : sql``})
    select seq, at, actor_id, actor_email, organisation_id, action, target, request_id, digest, prev_hash,
      encode(sha256(before || convert_to(seq::text, 'UTF8') || after), 'hex'), change
    from numbered order by i`;
}

const AUDIT_COLUMNS = sql.raw('(seq, at, actor_id, actor_email, organisation_id, action, target, request_id, digest, prev_hash, hash, change)');

/**
 * Appends entries inside the caller's transaction: one statement numbers them (from the entries'
 * sequence, ascending in the listed order), computes their hashes and writes them.
 */
export async function appendAudit(trx: Kysely<Database>, ports: AuditPorts, inputs: AuditInput | AuditInput[]): Promise<AuditEntry[]> {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.length === 0) return [];
  const entries = list.map((input) => prepareUnnumberedAuditEntry(ports.hasher, input, ports.now()));
  // RETURNING gives the rows in the order the SELECT inserted them: the listed order.
  const { rows } = await sql<{ seq: number; hash: string }>`insert into audit_entries ${AUDIT_COLUMNS} ${numberedEntriesSelect(entries)} returning seq, hash`.execute(trx);
  return entries.map(({ change: _stored, textBefore: _b, textAfter: _a, ...entry }, i) => ({ ...entry, seq: Number(rows[i]!.seq), hash: rows[i]!.hash }));
}

/**
 * A change that is one SQL statement (an INSERT, UPDATE or DELETE with RETURNING), stored together
 * with its audit entries by that same statement: the change is a data-modifying CTE and the entries
 * (numbered and hashed in the statement, see `appendAudit`) are inserted only when it returned a
 * row, so PostgreSQL commits both or neither without a transaction block, in one round trip where
 * an explicit transaction takes at least four (BEGIN, the change, the entries, COMMIT). Returns the
 * change's rows; none means nothing was changed and nothing was audited.
 */
export async function writeWithAudit<R>(
  db: Kysely<Database>,
  ports: AuditPorts,
  change: Compilable<R> & OperationNodeSource,
  inputs: readonly AuditInput[],
): Promise<{ rows: R[] }> {
  if (inputs.length === 0) throw new Error('writeWithAudit needs at least one audit entry');
  const entries = inputs.map((input) => prepareUnnumberedAuditEntry(ports.hasher, input, ports.now()));
  const result = await sql<R>`with change as (${change}),
    audit as (insert into audit_entries ${AUDIT_COLUMNS} ${numberedEntriesSelect(entries, sql`exists (select 1 from change)`)})
    select * from change`.execute(db);
  return { rows: result.rows };
}

export interface StoredAuditEntry extends AuditEntry {
  change: unknown;
  /** Position in the Merkle tree; null until sequenced. */
  leafIndex: number | null;
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
    leafIndex: r.leaf_index === null ? null : Number(r.leaf_index),
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
  const v = r?.value as { seq?: unknown; hash?: unknown; kind?: unknown } | undefined;
  if (!(v && typeof v.seq === 'number' && typeof v.hash === 'string')) return null;
  return v.kind === 'checkpoint' ? { seq: v.seq, hash: v.hash, kind: 'checkpoint' } : { seq: v.seq, hash: v.hash };
}

/**
 * Moves the stored anchor forward to `anchor`; never back (two writers may finish out of order).
 * A checkpoint anchor replaces a hash-chain anchor whatever its number (migration 016).
 */
export async function advanceAnchorSecret(db: Kysely<Database>, anchor: AuditAnchor, now: Date): Promise<void> {
  const value = JSON.stringify(anchor.kind ? { seq: anchor.seq, hash: anchor.hash, kind: anchor.kind } : { seq: anchor.seq, hash: anchor.hash });
  await sql`insert into node_secrets (name, value, created_at) values (${ANCHOR_SECRET}, ${value}::jsonb, ${now.toISOString()}::timestamptz)
    on conflict (name) do update set value = excluded.value
    where (node_secrets.value->>'seq')::bigint < (excluded.value->>'seq')::bigint
       or ((node_secrets.value->>'kind') is distinct from 'checkpoint' and (excluded.value->>'kind') = 'checkpoint')`.execute(db);
}

/** Every entry in sequence order, for verification (the store's own order, not the hashes'). */
export async function readWholeTrail(db: Kysely<Database>): Promise<{ entries: StoredAuditEntry[]; head: AuditHead | null }> {
  const log = await readWholeLog(db);
  return { entries: log.entries, head: log.head };
}

export interface StoredCheckpointRow {
  id: number;
  size: number;
  root: string;
  at: string;
  keyId: string;
  note: string;
}

function toCheckpoint(r: { id: number; size: number; root: string; at: string; key_id: string; note: string }): StoredCheckpointRow {
  return { id: Number(r.id), size: Number(r.size), root: r.root, at: r.at, keyId: r.key_id, note: r.note };
}

export interface WholeLog {
  entries: StoredAuditEntry[];
  /** The signed head of the hash-chain era (before migration 016), which no longer moves. */
  head: AuditHead | null;
  checkpoints: StoredCheckpointRow[];
  /** Leaf-level nodes as stored at sequencing: leaf index → leaf hash. */
  leaves: Map<number, string>;
}

/** The whole log in one snapshot: an entry sequenced in between would otherwise look like tampering. */
export async function readWholeLog(db: Kysely<Database>): Promise<WholeLog> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const rows = await trx.selectFrom('audit_entries').selectAll().orderBy('seq').execute();
      const checkpoints = await trx.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute();
      const leafRows = await trx.selectFrom('audit_tree_nodes').select(['idx', 'hash']).where('level', '=', 0).execute();
      return {
        entries: rows.map((r) => toEntry(r)),
        head: await readAuditHead(trx),
        checkpoints: checkpoints.map(toCheckpoint),
        leaves: new Map(leafRows.map((r) => [Number(r.idx), r.hash])),
      };
    });
}

/** The latest signed checkpoint (null before the first batch). */
export async function latestCheckpoint(db: Kysely<Database>): Promise<StoredCheckpointRow | null> {
  const r = await db.selectFrom('audit_checkpoints').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? toCheckpoint(r) : null;
}

export async function listCheckpoints(db: Kysely<Database>, opts: { before?: number | undefined; limit: number }): Promise<StoredCheckpointRow[]> {
  let q = db.selectFrom('audit_checkpoints').selectAll();
  if (opts.before !== undefined) q = q.where('id', '<', opts.before);
  return (await q.orderBy('id', 'desc').limit(opts.limit).execute()).map(toCheckpoint);
}

/** The latest checkpoint of exactly `size` leaves, if one was signed. */
export async function checkpointOfSize(db: Kysely<Database>, size: number): Promise<StoredCheckpointRow | null> {
  const r = await db.selectFrom('audit_checkpoints').selectAll().where('size', '=', size).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? toCheckpoint(r) : null;
}

/** Stored complete subtrees by id (missing ones are absent from the map, keyed "level/idx"). */
export async function readSubtrees(db: Kysely<Database>, ids: readonly SubtreeId[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('audit_tree_nodes')
    .select(['level', 'idx', 'hash'])
    .where((eb) => eb.or(ids.map((id) => eb.and([eb('level', '=', id.level), eb('idx', '=', id.index)]))))
    .execute();
  for (const r of rows) out.set(`${r.level}/${r.idx}`, r.hash);
  return out;
}

export async function findAuditEntry(db: Kysely<Database>, seq: number): Promise<StoredAuditEntry | null> {
  const r = await db.selectFrom('audit_entries').selectAll().where('seq', '=', seq).executeTakeFirst();
  return r ? toEntry(r) : null;
}

/** Entries whose tree positions lie in [from, to), in tree order (for exports). */
export async function entriesByLeaf(db: Kysely<Database>, from: number, to: number): Promise<StoredAuditEntry[]> {
  const rows = await db.selectFrom('audit_entries').selectAll().where('leaf_index', '>=', from).where('leaf_index', '<', to).orderBy('leaf_index').execute();
  return rows.map((r) => toEntry(r));
}

/** Locks the log state row (the sequencer's turn) and returns the current size and root. */
export async function lockLogState(trx: Kysely<Database>, emptyRootHex: string): Promise<{ size: number; root: string }> {
  await sql`insert into audit_log_state (id, size, root) values (1, 0, ${emptyRootHex}) on conflict (id) do nothing`.execute(trx);
  const r = await trx.selectFrom('audit_log_state').select(['size', 'root']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  return { size: Number(r.size), root: r.root };
}

/** Unsequenced entries, oldest number first. */
export async function pendingAudit(trx: Kysely<Database>, limit: number): Promise<StoredAuditEntry[]> {
  const rows = await trx.selectFrom('audit_entries').selectAll().where('leaf_index', 'is', null).orderBy('seq').limit(limit).execute();
  return rows.map((r) => toEntry(r));
}

export async function countPendingAudit(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('audit_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('leaf_index', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Writes one sequenced batch: positions, new complete subtrees, the state and the signed checkpoint. */
export async function recordSequencedBatch(
  trx: Kysely<Database>,
  batch: {
    positions: { seq: number; leafIndex: number }[];
    nodes: (SubtreeId & { hash: string })[];
    size: number;
    root: string;
    checkpoint: { at: string; keyId: string; note: string };
  },
): Promise<StoredCheckpointRow> {
  if (batch.positions.length > 0) {
    const seqs = batch.positions.map((p) => p.seq);
    const leaves = batch.positions.map((p) => p.leafIndex);
    await sql`update audit_entries as e set leaf_index = v.leaf
      from (select unnest(${seqs}::integer[]) as seq, unnest(${leaves}::integer[]) as leaf) as v
      where e.seq = v.seq`.execute(trx);
  }
  for (let i = 0; i < batch.nodes.length; i += 1000) {
    await trx
      .insertInto('audit_tree_nodes')
      .values(batch.nodes.slice(i, i + 1000).map((n) => ({ level: n.level, idx: n.index, hash: n.hash })))
      .execute();
  }
  await trx.updateTable('audit_log_state').set({ size: batch.size, root: batch.root }).where('id', '=', 1).execute();
  const row = await trx
    .insertInto('audit_checkpoints')
    .values({ size: batch.size, root: batch.root, at: batch.checkpoint.at, key_id: batch.checkpoint.keyId, note: batch.checkpoint.note })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCheckpoint(row);
}

/** Re-signs the chain era's head (key rotation): the same seq and hash, the new key. */
export async function resignChainHead(trx: Kysely<Database>, signed: AuditHead): Promise<void> {
  await trx.updateTable('audit_head').set({ signature: signed.signature, key_id: signed.keyId }).where('id', '=', 1).where('seq', '=', signed.seq).execute();
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
