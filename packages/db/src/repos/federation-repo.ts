// Federation storage: peers, the inbox (one row per processed message id), receipts for what we
// sent, attachment chunks, and the delivery side of the outbox (claiming, retrying, failing).
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, FederationInboxTable, FederationPeersTable, OutboxTable } from '../schema.ts';

export type PeerRow = Selectable<FederationPeersTable>;
export type InboxRow = Selectable<FederationInboxTable>;
export type OutboxRow = Selectable<OutboxTable>;

// ---- peers -------------------------------------------------------------------------------------

export interface PeerValues {
  nodeId: string;
  authorityName: string;
  country: string;
  kind: string;
  endpoint: string;
  signingKey: string;
  encryptionKey: string;
  signingFingerprint: string;
  encryptionFingerprint: string;
  requestTypes: string[];
  languages: string[];
  validFrom: string;
  validUntil: string;
  card: unknown;
}

function peerColumns(v: PeerValues) {
  return {
    authority_name: v.authorityName,
    country: v.country,
    kind: v.kind,
    endpoint: v.endpoint,
    signing_key: v.signingKey,
    encryption_key: v.encryptionKey,
    signing_fingerprint: v.signingFingerprint,
    encryption_fingerprint: v.encryptionFingerprint,
    request_types: JSON.stringify(v.requestTypes),
    languages: JSON.stringify(v.languages),
    valid_from: v.validFrom,
    valid_until: v.validUntil,
    card: JSON.stringify(v.card),
  };
}

export async function insertPeer(db: Kysely<Database>, v: PeerValues, now: Date): Promise<PeerRow> {
  return db
    .insertInto('federation_peers')
    .values({ node_id: v.nodeId, ...peerColumns(v), status: 'active', status_reason: null, announced_card_digest: null, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Replaces what a (re-imported, refreshed or rotated) card says; trust status is kept. */
export async function updatePeerCard(db: Kysely<Database>, v: PeerValues, now: Date): Promise<PeerRow> {
  return db
    .updateTable('federation_peers')
    .set({ ...peerColumns(v), updated_at: now })
    .where('node_id', '=', v.nodeId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setPeerStatus(
  db: Kysely<Database>,
  nodeId: string,
  status: 'active' | 'suspended' | 'revoked',
  reason: string | null,
  now: Date,
): Promise<PeerRow> {
  return db
    .updateTable('federation_peers')
    .set({ status, status_reason: reason, updated_at: now })
    .where('node_id', '=', nodeId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setPeerAnnounced(db: Kysely<Database>, nodeId: string, digest: string, validUntil: string): Promise<void> {
  await db.updateTable('federation_peers').set({ announced_card_digest: digest, announced_card_valid_until: validUntil }).where('node_id', '=', nodeId).execute();
}

/** Peers (not revoked) whose copy of our card expires before `before`, or whose copy we do not know. */
export async function peersWithCardExpiringBefore(db: Kysely<Database>, before: Date): Promise<PeerRow[]> {
  return db
    .selectFrom('federation_peers')
    .selectAll()
    .where('status', '<>', 'revoked')
    .where((eb) => eb.or([eb('announced_card_valid_until', 'is', null), eb('announced_card_valid_until', '<', before)]))
    .orderBy('node_id')
    .execute();
}

export async function findPeer(db: Kysely<Database>, nodeId: string): Promise<PeerRow | undefined> {
  return db.selectFrom('federation_peers').selectAll().where('node_id', '=', nodeId).executeTakeFirst();
}

/** Locks the peer row for the rest of the transaction (card updates and deliveries take turns). */
export async function findPeerForUpdate(db: Kysely<Database>, nodeId: string): Promise<PeerRow | undefined> {
  return db.selectFrom('federation_peers').selectAll().where('node_id', '=', nodeId).forUpdate().executeTakeFirst();
}

export async function listPeers(db: Kysely<Database>, opts: { status?: PeerRow['status'] | undefined } = {}): Promise<PeerRow[]> {
  let q = db.selectFrom('federation_peers').selectAll();
  if (opts.status) q = q.where('status', '=', opts.status);
  return q.orderBy('authority_name').orderBy('node_id').execute();
}

export interface DirectoryFilter {
  q?: string | undefined;
  state?: string | undefined;
  requestType?: string | undefined;
  language?: string | undefined;
}

/** Active peers matching the filter: the node's directory of counterpart authorities. */
export async function searchDirectory(db: Kysely<Database>, f: DirectoryFilter): Promise<PeerRow[]> {
  let q = db.selectFrom('federation_peers').selectAll().where('status', '=', 'active');
  if (f.q?.trim()) {
    const like = `%${f.q.trim().toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(authority_name)`, 'like', like),
        eb(sql`lower(country)`, 'like', like),
        eb(sql`lower(kind)`, 'like', like),
        eb(sql`lower(node_id)`, 'like', like),
      ]),
    );
  }
  if (f.state) q = q.where('country', '=', f.state.toUpperCase());
  if (f.requestType) q = q.where(sql<boolean>`request_types @> ${JSON.stringify([f.requestType])}::jsonb`);
  if (f.language) q = q.where(sql<boolean>`languages @> ${JSON.stringify([f.language])}::jsonb`);
  return q.orderBy('country').orderBy('authority_name').execute();
}

export async function outboxCountsByPeer(db: Kysely<Database>): Promise<Map<string, { pending: number; failed: number }>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['recipient_node_id', 'state', (eb) => eb.fn.countAll<string>().as('n')])
    .where('recipient_node_id', 'is not', null)
    .where('state', 'in', ['pending', 'failed'])
    .groupBy(['recipient_node_id', 'state'])
    .execute();
  const out = new Map<string, { pending: number; failed: number }>();
  for (const r of rows) {
    const c = out.get(r.recipient_node_id!) ?? { pending: 0, failed: 0 };
    c[r.state as 'pending' | 'failed'] = Number(r.n);
    out.set(r.recipient_node_id!, c);
  }
  return out;
}

// ---- inbox -------------------------------------------------------------------------------------

export async function findInboxMessage(db: Kysely<Database>, messageId: string): Promise<InboxRow | undefined> {
  return db.selectFrom('federation_inbox').selectAll().where('message_id', '=', messageId).executeTakeFirst();
}

export async function insertInboxMessage(
  db: Kysely<Database>,
  v: {
    messageId: string;
    senderNodeId: string;
    recipientOrganisationId: string | null;
    type: string;
    conversationId: string;
    inReplyTo: string | null;
    marking: string;
    header: unknown;
    payload: unknown | null;
    payloadSha256: string;
    receipt: unknown;
    receivedAt: Date;
    sequence?: number | null;
    sequenceFlag?: 'gap' | 'late' | null;
  },
): Promise<void> {
  await db
    .insertInto('federation_inbox')
    .values({
      message_id: v.messageId,
      sender_node_id: v.senderNodeId,
      recipient_organisation_id: v.recipientOrganisationId,
      type: v.type,
      conversation_id: v.conversationId,
      in_reply_to: v.inReplyTo,
      marking: v.marking,
      header: JSON.stringify(v.header),
      payload: v.payload === null ? null : JSON.stringify(v.payload),
      payload_sha256: v.payloadSha256,
      receipt: JSON.stringify(v.receipt),
      received_at: v.receivedAt,
      sequence: v.sequence ?? null,
      sequence_flag: v.sequenceFlag ?? null,
    })
    .execute();
}

/** The highest sequence number received from a sender in a conversation, and how many of its messages came before. */
export async function inboxSequenceState(db: Kysely<Database>, senderNodeId: string, conversationId: string): Promise<{ highest: number | null; received: number }> {
  const r = await db
    .selectFrom('federation_inbox')
    .select((eb) => [eb.fn.max('sequence').as('highest'), eb.fn.countAll<string>().as('n')])
    .where('sender_node_id', '=', senderNodeId)
    .where('conversation_id', '=', conversationId)
    .where('type', '<>', 'attachment.chunk')
    .executeTakeFirst();
  return { highest: r?.highest == null ? null : Number(r.highest), received: Number(r?.n ?? 0) };
}

export interface MessageFilter {
  conversationId?: string | undefined;
  /** Only messages of (to or from) this organisation; undefined = node-wide (administrators). */
  organisationId?: string | undefined;
  limit: number;
}

export async function listInbox(db: Kysely<Database>, f: MessageFilter): Promise<InboxRow[]> {
  let q = db.selectFrom('federation_inbox').selectAll();
  if (f.conversationId) q = q.where('conversation_id', '=', f.conversationId);
  if (f.organisationId) q = q.where('recipient_organisation_id', '=', f.organisationId);
  return q.orderBy('seq', 'desc').limit(f.limit).execute();
}

// ---- receipts ------------------------------------------------------------------------------------

export async function insertReceipt(
  db: Kysely<Database>,
  v: { messageId: string; peerNodeId: string; receipt: unknown; receivedAt: Date; auditProof?: unknown; auditProofCheck?: string | null },
): Promise<void> {
  await db
    .insertInto('federation_receipts')
    .values({
      message_id: v.messageId,
      peer_node_id: v.peerNodeId,
      receipt: JSON.stringify(v.receipt),
      received_at: v.receivedAt,
      audit_proof: v.auditProof === undefined ? null : JSON.stringify(v.auditProof),
      audit_proof_check: v.auditProof === undefined ? null : (v.auditProofCheck ?? null),
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
}

/** One stored receipt with the receiver's audit proof (null when none came). */
export async function receiptOf(
  db: Kysely<Database>,
  messageId: string,
): Promise<{ peerNodeId: string; receipt: unknown; receivedAt: Date; auditProof: unknown; auditProofCheck: string | null } | null> {
  const r = await db.selectFrom('federation_receipts').selectAll().where('message_id', '=', messageId).executeTakeFirst();
  return r ? { peerNodeId: r.peer_node_id, receipt: r.receipt, receivedAt: new Date(r.received_at), auditProof: r.audit_proof, auditProofCheck: r.audit_proof_check } : null;
}

/** The sequence number of this node's audit entry for a message it received (null when none). */
export async function receiveEntrySeq(db: Kysely<Database>, messageId: string): Promise<number | null> {
  const r = await db
    .selectFrom('audit_entries')
    .select('seq')
    .where('action', '=', 'federation.message.receive')
    .where('target', '=', `message:${messageId}`)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return r ? Number(r.seq) : null;
}

export async function receiptsFor(db: Kysely<Database>, messageIds: string[]): Promise<Map<string, { receipt: unknown; receivedAt: Date }>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db.selectFrom('federation_receipts').selectAll().where('message_id', 'in', messageIds).execute();
  return new Map(rows.map((r) => [r.message_id, { receipt: r.receipt, receivedAt: new Date(r.received_at) }]));
}

// ---- attachment chunks -----------------------------------------------------------------------

export async function insertChunk(
  db: Kysely<Database>,
  v: { attachmentSha256: string; index: number; count: number; chunkSha256: string; data: string; senderNodeId: string; conversationId: string; receivedAt: Date },
): Promise<void> {
  await db
    .insertInto('federation_chunks')
    .values({
      attachment_sha256: v.attachmentSha256,
      chunk_index: v.index,
      chunk_count: v.count,
      chunk_sha256: v.chunkSha256,
      data: v.data,
      sender_node_id: v.senderNodeId,
      conversation_id: v.conversationId,
      received_at: v.receivedAt,
    })
    .onConflict((oc) => oc.columns(['attachment_sha256', 'chunk_index']).doNothing())
    .execute();
}

export async function chunksOf(db: Kysely<Database>, attachmentSha256: string): Promise<{ index: number; count: number; chunkSha256: string; data: string }[]> {
  const rows = await db
    .selectFrom('federation_chunks')
    .select(['chunk_index', 'chunk_count', 'chunk_sha256', 'data'])
    .where('attachment_sha256', '=', attachmentSha256)
    .orderBy('chunk_index')
    .execute();
  return rows.map((r) => ({ index: r.chunk_index, count: r.chunk_count, chunkSha256: r.chunk_sha256, data: r.data }));
}

export async function deleteChunks(db: Kysely<Database>, attachmentSha256: string): Promise<void> {
  await db.deleteFrom('federation_chunks').where('attachment_sha256', '=', attachmentSha256).execute();
}

// ---- outbox, delivery side ---------------------------------------------------------------------

export interface OutboxValues {
  id: string;
  messageId: string;
  conversationId: string;
  type: string;
  senderOrganisationId: string | null;
  recipientOrganisationId: string | null;
  recipientNodeId: string | null;
  payload: unknown;
  createdAt: Date;
  inReplyTo?: string | null;
  marking?: string | null;
}

export async function insertOutbox(db: Kysely<Database>, v: OutboxValues): Promise<OutboxRow> {
  return db
    .insertInto('outbox')
    .values({
      id: v.id,
      message_id: v.messageId,
      conversation_id: v.conversationId,
      type: v.type,
      sender_organisation_id: v.senderOrganisationId,
      recipient_organisation_id: v.recipientOrganisationId,
      recipient_node_id: v.recipientNodeId,
      payload: JSON.stringify(v.payload),
      state: 'pending',
      attempts: 0,
      next_attempt_at: v.createdAt,
      created_at: v.createdAt,
      in_reply_to: v.inReplyTo ?? null,
      marking: v.marking ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Claims up to `limit` messages that may be sent now, and leases them until `leaseUntil` (a sender
 * that dies mid-delivery leaves the lease to expire; the message is then sent again and the
 * receiver answers with its original receipt). Only the oldest undelivered message of each
 * (peer, conversation) is eligible, so a conversation is delivered in order. While a node card is
 * pending for a peer nothing else goes to that peer, whatever its age: after a key rotation every
 * message is signed with the new key, which the peer learns from that card.
 */
export async function claimDeliverable(
  db: Kysely<Database>,
  opts: { selfNodeId: string; now: Date; leaseUntil: Date; limit: number },
): Promise<OutboxRow[]> {
  const result = await sql<OutboxRow>`
    update outbox set leased_until = ${opts.leaseUntil}, attempts = attempts + 1
    where id in (
      select o.id from outbox o
      where o.state = 'pending'
        and o.recipient_node_id is not null and o.recipient_node_id <> ${opts.selfNodeId}
        and o.next_attempt_at <= ${opts.now}
        and (o.leased_until is null or o.leased_until <= ${opts.now})
        and not exists (
          select 1 from outbox p
          where p.recipient_node_id = o.recipient_node_id and p.conversation_id = o.conversation_id
            and p.seq < o.seq and p.state not in ('delivered', 'skipped', 'refused'))
        and not exists (
          select 1 from outbox c
          where c.recipient_node_id = o.recipient_node_id and c.type = 'node.card' and c.state = 'pending'
            and c.seq < o.seq)
        and (o.type = 'node.card' or not exists (
          select 1 from outbox c
          where c.recipient_node_id = o.recipient_node_id and c.type = 'node.card' and c.state = 'pending'))
      order by o.seq
      limit ${opts.limit}
      for update skip locked
    )
    returning *`.execute(db);
  return [...result.rows].sort((a, b) => Number(a.seq) - Number(b.seq));
}

/** At start: deliveries that a previous run of this node left in progress are free to go again. */
export async function releaseOutboxLeases(db: Kysely<Database>, selfNodeId: string): Promise<number> {
  const r = await db
    .updateTable('outbox')
    .set({ leased_until: null })
    .where('leased_until', 'is not', null)
    .where('recipient_node_id', 'is not', null)
    .where('recipient_node_id', '<>', selfNodeId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** When the next message could become due (for the worker's sleep), or null when nothing waits. */
export async function nextOutboxDue(db: Kysely<Database>, selfNodeId: string): Promise<Date | null> {
  const r = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('next_attempt_at').as('due'))
    .where('state', '=', 'pending')
    .where('recipient_node_id', 'is not', null)
    .where('recipient_node_id', '<>', selfNodeId)
    .executeTakeFirst();
  return r?.due ? new Date(r.due as Date | string) : null;
}

export async function markOutboxDelivered(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ state: 'delivered', delivered_at: at, last_error: null, leased_until: null })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
}

export async function scheduleOutboxRetry(db: Kysely<Database>, id: string, at: Date, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ next_attempt_at: at, last_error: error.slice(0, 2000), leased_until: null })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
}

/** Gives a claimed message back without counting the attempt (the peer is suspended here, say). */
export async function postponeOutbox(db: Kysely<Database>, id: string, at: Date, note: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ next_attempt_at: at, last_error: note, attempts: eb('attempts', '-', 1), leased_until: null }))
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
}

export async function markOutboxFailed(db: Kysely<Database>, id: string, error: string): Promise<OutboxRow | undefined> {
  return db
    .updateTable('outbox')
    .set({ state: 'failed', last_error: error.slice(0, 2000), leased_until: null })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/**
 * A message the peer refused for good whose type does not hold back its conversation (an evidence
 * offer): it ends `refused` with the peer's reason, and the messages after it are free to go.
 */
export async function markOutboxRefused(db: Kysely<Database>, id: string, error: string): Promise<OutboxRow | undefined> {
  return db
    .updateTable('outbox')
    .set({ state: 'refused', last_error: error.slice(0, 2000), leased_until: null })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/** Pending peer messages written before `createdBefore` (the horizon): they will not be tried again. */
export async function expiredPendingOutbox(db: Kysely<Database>, selfNodeId: string, createdBefore: Date, now: Date, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('state', '=', 'pending')
    .where('recipient_node_id', 'is not', null)
    .where('recipient_node_id', '<>', selfNodeId)
    .where('created_at', '<', createdBefore)
    .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', now)]))
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function findOutboxByMessageId(db: Kysely<Database>, messageId: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('message_id', '=', messageId).executeTakeFirst();
}

/** Puts a failed message, and the failed messages after it in its conversation, back in the queue. */
export async function requeueFailed(db: Kysely<Database>, row: OutboxRow, now: Date): Promise<number> {
  const r = await db
    .updateTable('outbox')
    .set({ state: 'pending', attempts: 0, next_attempt_at: now, created_at: now, last_error: null, leased_until: null })
    .where('state', '=', 'failed')
    .where('conversation_id', '=', row.conversation_id)
    .where('recipient_node_id', '=', row.recipient_node_id)
    .where('seq', '>=', row.seq)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Lets a conversation go on without a failed message: it is marked skipped (never sent), and the
 * messages after it that failed only because they waited behind it go back in the queue.
 */
export async function skipFailed(db: Kysely<Database>, row: OutboxRow, now: Date): Promise<number> {
  await db.updateTable('outbox').set({ state: 'skipped', leased_until: null }).where('id', '=', row.id).where('state', '=', 'failed').execute();
  const r = await db
    .updateTable('outbox')
    .set({ state: 'pending', attempts: 0, next_attempt_at: now, created_at: now, last_error: null, leased_until: null })
    .where('state', '=', 'failed')
    .where('attempts', '=', 0)
    .where('conversation_id', '=', row.conversation_id)
    .where('recipient_node_id', '=', row.recipient_node_id)
    .where('seq', '>', row.seq)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function listOutbox(
  db: Kysely<Database>,
  f: MessageFilter & { state?: 'pending' | 'delivered' | 'failed' | 'skipped' | 'refused' | undefined; peersOnly?: boolean },
): Promise<OutboxRow[]> {
  let q = db.selectFrom('outbox').selectAll();
  if (f.peersOnly) q = q.where('recipient_node_id', 'is not', null);
  if (f.conversationId) q = q.where('conversation_id', '=', f.conversationId);
  if (f.organisationId) q = q.where('sender_organisation_id', '=', f.organisationId);
  if (f.state) q = q.where('state', '=', f.state);
  return q.orderBy('seq', 'desc').limit(f.limit).execute();
}
