// Messages to peers from this node's own use cases (notes), the conversation view that shows what
// was sent and received, and putting a failed message back in the queue.
import { randomUUID } from 'node:crypto';
import { ConflictError, NODE_WIDE_ROLES, NotFoundError } from '@comity/core';
import type { Marking } from '@comity/core/federation/index';
import { type Database, findOrganisation, findUser } from '@comity/db';
import {
  type InboxRow,
  type OutboxRow,
  findOutboxByMessageId,
  findPeer,
  insertOutbox,
  listInbox,
  listOutbox,
  listPeers,
  receiptsFor,
  requeueFailed,
  skipFailed,
} from '@comity/db/repos/federation-repo';
import type { Kysely } from 'kysely';
import { type Actor, auditedTransaction } from '../deps.ts';
import { newMessageId } from './peers-service.ts';
import type { FederationRuntime } from './runtime.ts';

interface Who {
  actor: Actor | null;
  requestId: string | null;
}

export interface PeerMessageInput {
  peerNodeId: string;
  type: string;
  conversationId: string;
  payload: unknown;
  senderOrganisationId: string | null;
  inReplyTo?: string | null;
  marking?: Marking | null;
}

/**
 * Writes a message for a peer into the outbox, inside the caller's transaction (so it leaves only
 * if the business change commits). Returns the message id.
 */
export async function enqueuePeerMessage(trx: Kysely<Database>, now: Date, input: PeerMessageInput): Promise<OutboxRow> {
  return insertOutbox(trx, {
    id: randomUUID(),
    messageId: newMessageId(now),
    conversationId: input.conversationId,
    type: input.type,
    senderOrganisationId: input.senderOrganisationId,
    recipientOrganisationId: null,
    recipientNodeId: input.peerNodeId,
    payload: input.payload,
    createdAt: now,
    inReplyTo: input.inReplyTo ?? null,
    marking: input.marking ?? null,
  });
}

export async function sendNote(
  runtime: FederationRuntime,
  who: Who & { actor: Actor },
  input: { peerNodeId: string; text: string; conversationId?: string | undefined; requestId?: string | undefined; inReplyTo?: string | undefined; marking?: Marking | undefined },
): Promise<OutboxRow> {
  const { deps } = runtime;
  const peer = await findPeer(deps.db, input.peerNodeId);
  if (!peer) throw new NotFoundError('not_found', `No peer ${input.peerNodeId}.`);
  if (peer.status !== 'active') throw new ConflictError('peer_not_active', `The peer is ${peer.status}; nothing can be sent to it.`);
  const [user, org] = await Promise.all([findUser(deps.db, who.actor.userId), findOrganisation(deps.db, who.actor.organisationId)]);
  const row = await auditedTransaction(deps, who, async (trx, audit) => {
    const now = deps.now();
    const conversationId = input.conversationId ?? `note:${newMessageId(now)}`;
    const written = await enqueuePeerMessage(trx, now, {
      peerNodeId: peer.node_id,
      type: 'message.note',
      conversationId,
      payload: {
        text: input.text,
        ...(input.requestId ? { requestId: input.requestId } : {}),
        ...(user ? { authorName: user.name } : {}),
        ...(org ? { organisationName: org.name } : {}),
      },
      senderOrganisationId: who.actor.organisationId,
      inReplyTo: input.inReplyTo ?? null,
      marking: input.marking ?? 'AMBER',
    });
    audit('federation.note.send', `message:${written.message_id}`, { peer: peer.node_id, conversationId, requestId: input.requestId ?? null, length: input.text.length });
    return written;
  });
  runtime.wake();
  return row;
}

export interface MessageView {
  direction: 'outbound' | 'inbound';
  messageId: string;
  type: string;
  conversationId: string;
  peerNodeId: string | null;
  peerName: string | null;
  at: string;
  state: 'pending' | 'delivered' | 'failed' | 'skipped' | 'refused' | 'received';
  attempts: number | null;
  nextAttemptAt: string | null;
  lastError: string | null;
  note: string | null;
  receipt: { receivedAt: string; signedBy: string } | null;
  sequence: number | null;
  sequenceFlag: 'gap' | 'late' | null;
}

function noteText(payload: unknown): string | null {
  const p = payload as { text?: unknown } | null;
  return p && typeof p.text === 'string' ? p.text : null;
}

/**
 * Messages to and from peers, newest first; for everyone but node administrators only those of
 * their own organisation.
 */
export async function listMessages(
  db: Kysely<Database>,
  actor: Actor,
  f: { direction?: 'outbound' | 'inbound' | undefined; state?: MessageView['state'] | undefined; conversationId?: string | undefined; limit: number },
): Promise<MessageView[]> {
  const organisationId = NODE_WIDE_ROLES.includes(actor.role) ? undefined : actor.organisationId;
  const peers = new Map((await listPeers(db)).map((p) => [p.node_id, p.authority_name]));
  const out: MessageView[] = [];
  if (f.direction !== 'inbound' && f.state !== 'received') {
    const rows = await listOutbox(db, { peersOnly: true, conversationId: f.conversationId, organisationId, state: f.state, limit: f.limit });
    const receipts = await receiptsFor(
      db,
      rows.map((r) => r.message_id),
    );
    for (const r of rows) {
      const receipt = receipts.get(r.message_id);
      out.push({
        direction: 'outbound',
        messageId: r.message_id,
        type: r.type,
        conversationId: r.conversation_id,
        peerNodeId: r.recipient_node_id,
        peerName: peers.get(r.recipient_node_id ?? '') ?? null,
        at: new Date(r.created_at).toISOString(),
        state: r.state,
        attempts: r.attempts,
        nextAttemptAt: r.state === 'pending' ? new Date(r.next_attempt_at).toISOString() : null,
        lastError: r.last_error,
        note: r.type === 'message.note' ? noteText(r.payload) : null,
        receipt: receipt ? { receivedAt: (receipt.receipt as { receipt: { receivedAt: string } }).receipt.receivedAt, signedBy: r.recipient_node_id ?? '' } : null,
        sequence: r.sequence,
        sequenceFlag: null,
      });
    }
  }
  if (f.direction !== 'outbound' && (f.state === undefined || f.state === 'received')) {
    const rows: InboxRow[] = await listInbox(db, { conversationId: f.conversationId, organisationId, limit: f.limit });
    for (const r of rows) {
      out.push({
        direction: 'inbound',
        messageId: r.message_id,
        type: r.type,
        conversationId: r.conversation_id,
        peerNodeId: r.sender_node_id,
        peerName: peers.get(r.sender_node_id) ?? null,
        at: new Date(r.received_at).toISOString(),
        state: 'received',
        attempts: null,
        nextAttemptAt: null,
        lastError: null,
        note: r.type === 'message.note' ? noteText(r.payload) : null,
        receipt: null,
        sequence: r.sequence,
        sequenceFlag: r.sequence_flag === 'gap' || r.sequence_flag === 'late' ? r.sequence_flag : null,
      });
    }
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, f.limit);
}

export async function retryMessage(runtime: FederationRuntime, who: Who, messageId: string): Promise<number> {
  const { deps } = runtime;
  const n = await auditedTransaction(deps, who, async (trx, audit) => {
    const row = await findOutboxByMessageId(trx, messageId);
    if (!row || row.recipient_node_id === null) throw new NotFoundError('not_found', `No message ${messageId} to a peer.`);
    if (row.state !== 'failed') throw new ConflictError('not_failed', `The message is ${row.state}; only failed messages are sent again.`, { allowed: [] });
    const peer = await findPeer(trx, row.recipient_node_id);
    if (!peer || peer.status === 'revoked') throw new ConflictError('peer_revoked', 'The peer was revoked; nothing can be sent to it.');
    const count = await requeueFailed(trx, row, deps.now());
    audit('federation.message.retry', `message:${messageId}`, { peer: row.recipient_node_id, conversationId: row.conversation_id, requeued: count });
    return count;
  });
  runtime.wake();
  return n;
}

/**
 * Lets a conversation go on without a failed message: the message is marked skipped and never
 * sent, and the messages queued after it go out. The peer sees a gap in the conversation's
 * sequence numbers and flags it.
 */
export async function skipMessage(runtime: FederationRuntime, who: Who, messageId: string, reason: string): Promise<number> {
  const { deps } = runtime;
  const n = await auditedTransaction(deps, who, async (trx, audit) => {
    const row = await findOutboxByMessageId(trx, messageId);
    if (!row || row.recipient_node_id === null) throw new NotFoundError('not_found', `No message ${messageId} to a peer.`);
    if (row.state !== 'failed') throw new ConflictError('not_failed', `The message is ${row.state}; only failed messages can be skipped.`, { allowed: [] });
    const count = await skipFailed(trx, row, deps.now());
    audit('federation.message.skip', `message:${messageId}`, {
      peer: row.recipient_node_id,
      conversationId: row.conversation_id,
      type: row.type,
      sequence: row.sequence,
      reason,
      requeued: count,
    });
    return count;
  });
  runtime.wake();
  return n;
}
