// What travels between the two sides of a request, and how it is applied. A transition that the
// other side must know about writes an outbox row in its own transaction ('request.transmit'
// with the whole request, 'request.status' for every later transition). Rows for an organisation
// on this node are delivered by `createLocalDelivery`; rows with recipient_node_id are carried by
// federation, whose inbox calls `applyTransmit` / `applyStatus` just as the local delivery does.
import { randomUUID } from 'node:crypto';
import { type AuditInput, ConflictError, DomainError, NotFoundError } from '@comity/core';
import { type LifecycleFacts, type RequestEvent, transition, type TransitionEffects, type TransitionResult } from '@comity/core/requests/lifecycle';
import type { RequestContent, RequestState, RequestType, Side } from '@comity/core/requests/request';
import { RequestStatusPayload, RequestTransmitPayload } from '@comity/contract/requests';
import { appendAudit, type Database, findOrganisation } from '@comity/db';
import {
  findConversationRecord,
  insertAttachment,
  insertRequest,
  insertRequestEvent,
  nextReferenceNumber,
  type RequestAttachmentRow,
  type RequestRow,
  type RequestUpdate,
  updateRequest,
} from '@comity/db/repos/requests-repo';
import { type Kysely, sql } from 'kysely';
import { ZodError } from 'zod';
import type { AuditFn } from '../deps.ts';
import { queueLiveEvent, runWithLiveEvents } from '../events/live-events.ts';
import { newMessageId } from '../federation/peers-service.ts';
import { concernedUsers, handlersOf, label, notify, requestParams } from './notify.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { AnswerEvidenceRef, RequestDeps } from './request-deps.ts';

async function countMissing(blobs: BlobStore, files: readonly { sha256: string }[]): Promise<number> {
  let missing = 0;
  for (const f of files) if (!(await blobs.has(f.sha256))) missing++;
  return missing;
}

export const REQUEST_MESSAGE_TYPES = ['request.transmit', 'request.status'] as const;

export function contentOf(row: RequestRow): RequestContent {
  return row.content as RequestContent;
}

/** A requesting record whose requested authority has no node: nothing travels through Comity;
 * the requesting side records the transmission and the answers. */
export function isRecordedCounterpart(row: RequestRow): boolean {
  return row.side === 'requesting' && !row.requested_organisation_id && !row.counterpart_node_id;
}

export function factsOf(row: RequestRow): LifecycleFacts {
  return {
    state: row.state as RequestState,
    side: row.side as Side,
    createdBy: row.created_by,
    submittedBy: row.submitted_by,
    lastEditedBy: row.last_edited_by,
  };
}

/** Column values for what a transition sets. */
export function effectsToUpdate(effects: TransitionEffects): RequestUpdate {
  const set: RequestUpdate = {};
  if (effects.submittedBy !== undefined) set.submitted_by = effects.submittedBy;
  if (effects.submittedAt !== undefined) set.submitted_at = effects.submittedAt;
  if (effects.approvedBy !== undefined) set.approved_by = effects.approvedBy;
  if (effects.approvedAt !== undefined) set.approved_at = effects.approvedAt;
  if (effects.transmittedAt) set.transmitted_at = effects.transmittedAt;
  if (effects.receivedAt) set.received_at = effects.receivedAt;
  if (effects.executionStartedAt) set.execution_started_at = effects.executionStartedAt;
  if (effects.executedAt) set.executed_at = effects.executedAt;
  if (effects.closedAt) set.closed_at = effects.closedAt;
  if (effects.refusal) set.refusal = JSON.stringify(effects.refusal);
  if (effects.postponement !== undefined) set.postponement = effects.postponement === null ? null : JSON.stringify(effects.postponement);
  return set;
}

export async function recordEvent(
  trx: Kysely<Database>,
  row: RequestRow,
  e: {
    at: Date;
    action: string;
    from: RequestState | null;
    to: RequestState;
    side: Side;
    /** recorded: an answer of an authority without a node, recorded by the requesting side. */
    origin: 'own' | 'counterpart' | 'recorded';
    actorId: string | null;
    actorEmail: string | null;
    actorOrganisation: string | null;
    reason: string | null;
    details?: Record<string, unknown>;
    messageId?: string | null;
    id?: string;
  },
): Promise<void> {
  await insertRequestEvent(trx, {
    id: e.id ?? randomUUID(),
    request_id: row.id,
    at: e.at,
    action: e.action,
    from_state: e.from,
    to_state: e.to,
    side: e.side,
    origin: e.origin,
    actor_id: e.actorId,
    actor_email: e.actorEmail,
    actor_organisation: e.actorOrganisation,
    reason: e.reason,
    details: JSON.stringify(e.details ?? {}),
    message_id: e.messageId ?? null,
  });
  queueLiveEvent(trx, { kind: 'request', requestId: row.id, organisationId: row.organisation_id });
}

export function transmitPayload(row: RequestRow, attachments: readonly RequestAttachmentRow[]): RequestTransmitPayload {
  const content = contentOf(row);
  // Which organisation or peer node we chose is our business; the other side knows itself.
  const { requestedOrganisationId: _omit, requestedNodeId: _node, requestedAuthority: _authority, ...rest } = content;
  void _omit;
  void _node;
  void _authority;
  return {
    v: 1,
    conversationId: row.conversation_id,
    reference: row.reference,
    type: row.type as RequestType,
    requesting: { organisationId: row.requesting_organisation_id, name: row.requesting_organisation_name, state: row.requesting_state },
    requested: { organisationId: row.requested_organisation_id, name: row.requested_organisation_name ?? '', state: row.requested_state },
    content: rest as RequestTransmitPayload['content'],
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    approvedAt: row.approved_at ? new Date(row.approved_at).toISOString() : null,
    transmittedAt: new Date(row.transmitted_at ?? new Date()).toISOString(),
    // Files that came with an answer recorded by the requesting side are its own, not the request's.
    attachments: attachments.filter((a) => !a.answer_event_id).map((a) => ({ sha256: a.sha256, filename: a.filename, mediaType: a.media_type, size: a.size_bytes })),
  };
}

export function statusPayload(
  row: RequestRow,
  result: TransitionResult,
  at: Date,
  actorOrganisation: string,
  reason: string | null,
  files: readonly RequestAttachmentRow[] = [],
  evidence: readonly AnswerEvidenceRef[] = [],
): RequestStatusPayload {
  const payload: RequestStatusPayload = {
    v: 1,
    conversationId: row.conversation_id,
    action: result.action,
    side: row.side as Side,
    reference: row.reference,
    fromState: result.from,
    toState: result.to,
    at: at.toISOString(),
    actorOrganisation,
    reason,
  };
  if (result.effects.refusal) payload.grounds = result.effects.refusal.grounds;
  if (result.effects.postponement) payload.until = result.effects.postponement.until;
  if (files.length) payload.attachments = files.map((a) => ({ sha256: a.sha256, filename: a.filename, mediaType: a.media_type, size: a.size_bytes }));
  if (evidence.length) payload.evidence = evidence.map((e) => ({ transferId: e.transferId, itemId: e.itemId, sha256: e.sha256, title: e.title }));
  return payload;
}

/** Writes the message for the other side into the outbox, in the caller's transaction. */
export async function enqueueMessage(
  trx: Kysely<Database>,
  now: Date,
  row: RequestRow,
  type: (typeof REQUEST_MESSAGE_TYPES)[number],
  payload: RequestTransmitPayload | RequestStatusPayload,
): Promise<string> {
  const toRequested = row.side === 'requesting';
  // UUIDv7: federation carries this id to the peer, which processes each id once.
  const messageId = newMessageId(now);
  await trx
    .insertInto('outbox')
    .values({
      id: randomUUID(),
      message_id: messageId,
      conversation_id: row.conversation_id,
      type,
      sender_organisation_id: row.organisation_id,
      recipient_organisation_id: toRequested ? row.requested_organisation_id : row.requesting_organisation_id,
      recipient_node_id: row.counterpart_node_id,
      payload: JSON.stringify(payload),
      next_attempt_at: now,
      created_at: now,
      marking: row.marking,
    })
    .execute();
  return messageId;
}

export interface IncomingMessage {
  messageId: string;
  /** The organisation on this node the message is for. */
  recipientOrganisationId: string | null;
  /** The node the message came from; null when it came from this node. */
  senderNodeId: string | null;
  payload: unknown;
}

async function referenceFor(trx: Kysely<Database>, organisationId: string, side: Side, at: Date): Promise<string> {
  const prefix = `${side === 'requesting' ? 'OUT' : 'IN'}-${at.getUTCFullYear()}`;
  const n = await nextReferenceNumber(trx, organisationId, prefix);
  return `${prefix}-${String(n).padStart(5, '0')}`;
}

export { referenceFor };

/** The requested side receives a request: its own record, the files, and its handlers told. */
export async function applyTransmit(
  trx: Kysely<Database>,
  deps: Pick<RequestDeps, 'now' | 'blobs'>,
  audit: AuditFn,
  message: IncomingMessage,
): Promise<RequestRow> {
  const p = RequestTransmitPayload.parse(message.payload);
  const orgId = message.recipientOrganisationId ?? p.requested.organisationId;
  const org = orgId ? await findOrganisation(trx, orgId) : undefined;
  if (!org) throw new NotFoundError('unknown_recipient', 'The requested authority is not an organisation on this node.');
  const existing = await findConversationRecord(trx, p.conversationId, 'requested', org.id);
  if (existing) return existing;
  const now = deps.now();
  const at = new Date(p.transmittedAt);
  const row = await insertRequest(trx, {
    id: randomUUID(),
    conversation_id: p.conversationId,
    organisation_id: org.id,
    side: 'requested',
    reference: await referenceFor(trx, org.id, 'requested', now),
    type: p.type,
    state: 'transmitted',
    title: p.content.title,
    requesting_organisation_id: message.senderNodeId ? null : p.requesting.organisationId,
    requesting_organisation_name: p.requesting.name,
    requesting_state: p.requesting.state,
    requested_organisation_id: org.id,
    requested_organisation_name: org.name,
    requested_state: org.country,
    counterpart_node_id: message.senderNodeId,
    content: JSON.stringify({ ...p.content, requestedOrganisationId: org.id, counterpartReference: p.reference }),
    marking: p.content.marking,
    urgent: p.content.urgency.urgent,
    deadline: p.content.deadline ?? null,
    created_by: null,
    last_edited_by: null,
    submitted_by: null,
    approved_by: null,
    created_at: now,
    updated_at: now,
    submitted_at: p.submittedAt ? new Date(p.submittedAt) : null,
    approved_at: p.approvedAt ? new Date(p.approvedAt) : null,
    transmitted_at: at,
    received_at: null,
    execution_started_at: null,
    executed_at: null,
    closed_at: null,
    refusal: null,
    postponement: null,
  });
  for (const a of p.attachments) {
    await insertAttachment(trx, {
      id: randomUUID(),
      request_id: row.id,
      sha256: a.sha256,
      filename: a.filename,
      media_type: a.mediaType,
      size_bytes: a.size,
      uploaded_by: p.requesting.name,
      uploaded_at: at,
      supplied_by: 'requesting',
      sent_with: 'transmit',
      sent_at: at,
    });
  }
  await recordEvent(trx, row, {
    at,
    action: 'transmit',
    from: 'approved',
    to: 'transmitted',
    side: 'requesting',
    origin: 'counterpart',
    actorId: null,
    actorEmail: null,
    actorOrganisation: p.requesting.name,
    reason: null,
    details: { counterpartReference: p.reference, files: p.attachments.length, missingFiles: await countMissing(deps.blobs, p.attachments) },
    messageId: message.messageId,
  });
  audit('request.incoming', `request:${row.id}`, { conversationId: p.conversationId, from: p.requesting.name, type: p.type, reference: row.reference, counterpartReference: p.reference });
  await notify(trx, now, {
    userIds: await handlersOf(trx, org.id),
    organisationId: org.id,
    requestId: row.id,
    kind: 'incoming-request',
    message: {
      code: 'incoming-request',
      params: { ...requestParams(row), type: p.type, from: p.requesting.name, state: p.requesting.state },
      text: `New ${p.type} request ${row.reference} from ${p.requesting.name} (${p.requesting.state}): ${p.content.title}`,
    },
  });
  return row;
}

function mirrorEvent(p: RequestStatusPayload): RequestEvent {
  const reason = p.reason ?? '';
  switch (p.action) {
    case 'submit':
    case 'transmit':
      return { action: p.action, reason, essentialMissing: [] };
    case 'refuse':
      return { action: 'refuse', reason, grounds: p.grounds ?? [] };
    case 'postpone':
      return { action: 'postpone', reason, until: p.until ?? '' };
    default:
      return { action: p.action, reason } as RequestEvent;
  }
}

/** What became of each item an answer names: the item accepted from its transfer here, or why there is none. */
async function returnedEvidence(trx: Kysely<Database>, sender: string | null, refs: NonNullable<RequestStatusPayload['evidence']>) {
  const out: { transferId: string; title: string; sha256: string; itemId: string | null; state: 'accepted' | 'refused' | 'receiving' | 'missing'; refusal: string | null }[] = [];
  for (const ref of refs) {
    const t = sender
      ? await trx.selectFrom('evidence_transfers').select(['item_id', 'state', 'refusal', 'sha256']).where('transfer_id', '=', ref.transferId).where('sender_node_id', '=', sender).executeTakeFirst()
      : undefined;
    const matches = t !== undefined && t.sha256 === ref.sha256;
    out.push({
      transferId: ref.transferId,
      title: ref.title,
      sha256: ref.sha256,
      itemId: matches && t.state === 'accepted' ? t.item_id : null,
      state: matches ? t.state : 'missing',
      refusal: matches ? t.refusal : null,
    });
  }
  return out;
}

/** One side's transition, mirrored on the other side's record. */
export async function applyStatus(
  trx: Kysely<Database>,
  deps: Pick<RequestDeps, 'now' | 'blobs'>,
  audit: AuditFn,
  message: IncomingMessage,
): Promise<RequestRow> {
  const p = RequestStatusPayload.parse(message.payload);
  const mySide: Side = p.side === 'requesting' ? 'requested' : 'requesting';
  const row = await findConversationRecord(trx, p.conversationId, mySide, message.recipientOrganisationId);
  if (!row) throw new NotFoundError('unknown_conversation', `No ${mySide} record of conversation ${p.conversationId} on this node.`);
  const already = await trx.selectFrom('request_events').select('id').where('request_id', '=', row.id).where('message_id', '=', message.messageId).executeTakeFirst();
  if (already) return row;
  const at = new Date(p.at);
  let set: RequestUpdate;
  let outOfSync: string | null = null;
  try {
    const result = transition(factsOf(row), mirrorEvent(p), { actor: null, at, origin: 'counterpart' });
    set = effectsToUpdate(result.effects);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    // The acting side's state is the truth for its own actions: follow it, and say so.
    outOfSync = `${err.code}: ${err.message}`;
    set = {};
    if (p.grounds) set.refusal = JSON.stringify({ grounds: p.grounds, reason: p.reason ?? '' });
    if (['executed', 'refused', 'withdrawn'].includes(p.toState)) set.closed_at = at;
  }
  const content = contentOf(row) as RequestContent & { counterpartReference?: string };
  if (p.reference && !content.counterpartReference) set.content = JSON.stringify({ ...content, counterpartReference: p.reference });
  const updated = await updateRequest(trx, row.id, null, { ...set, state: p.toState, updated_at: deps.now() });
  if (!updated) throw new ConflictError('request_vanished', 'The request disappeared while the message was applied.');
  // Documents and evidence returned with the answer become files of this side's record too.
  const files: RequestAttachmentRow[] = [];
  for (const a of p.attachments ?? []) {
    files.push(
      await insertAttachment(trx, {
        id: randomUUID(),
        request_id: row.id,
        sha256: a.sha256,
        filename: a.filename,
        media_type: a.mediaType,
        size_bytes: a.size,
        uploaded_by: p.actorOrganisation,
        uploaded_at: at,
        supplied_by: p.side,
        sent_with: p.action,
        sent_at: at,
      }),
    );
  }
  // Files returned as evidence came ahead by the evidence transfer: the answer links each to the
  // item this node accepted from that transfer (or says it was refused or has not arrived).
  const evidence = await returnedEvidence(trx, message.senderNodeId, p.evidence ?? []);
  await recordEvent(trx, updated, {
    at,
    action: p.action,
    from: row.state as RequestState,
    to: p.toState,
    side: p.side,
    origin: 'counterpart',
    actorId: null,
    actorEmail: null,
    actorOrganisation: p.actorOrganisation,
    reason: p.reason,
    details: {
      ...(p.grounds ? { grounds: p.grounds } : {}),
      ...(p.until ? { until: p.until } : {}),
      ...(outOfSync ? { outOfSync } : {}),
      ...(files.length
        ? {
            files: files.map((f) => ({ attachmentId: f.id, filename: f.filename, sha256: f.sha256, size: f.size_bytes, mediaType: f.media_type })),
            missingFiles: await countMissing(deps.blobs, files),
          }
        : {}),
      ...(evidence.length ? { evidence } : {}),
    },
    messageId: message.messageId,
  });
  audit(`request.counterpart-${p.action}`, `request:${row.id}`, {
    from: row.state,
    to: p.toState,
    by: p.actorOrganisation,
    ...(outOfSync ? { outOfSync } : {}),
    ...(files.length ? { files: files.map((f) => ({ attachment: f.id, sha256: f.sha256 })) } : {}),
    ...(evidence.length ? { evidence: evidence.map((e) => ({ transferId: e.transferId, item: e.itemId, state: e.state })) } : {}),
  });
  await notify(trx, deps.now(), {
    userIds: await concernedUsers(trx, updated),
    organisationId: updated.organisation_id,
    requestId: updated.id,
    kind: 'status-changed',
    message: {
      code: 'counterpart-action',
      params: { ...requestParams(updated), by: p.actorOrganisation, action: p.action, reason: p.reason ?? null, requestState: p.toState },
      text: `${label(updated)}: ${p.actorOrganisation} \u2014 ${p.action}${p.reason ? `: ${p.reason}` : ''} (now ${p.toState})`,
    },
  });
  return updated;
}

export interface LocalDelivery {
  /** Delivers every pending message for organisations on this node; returns how many. */
  deliver(): Promise<number>;
}

/**
 * Delivers outbox rows addressed to organisations on this node (no recipient node), in order per
 * conversation. Exactly once: the row is locked, applied and marked delivered in one transaction.
 * One delivery loop runs at a time in this process; calls made meanwhile make it go round again.
 */
export function createLocalDelivery(deps: Pick<RequestDeps, 'db' | 'hasher' | 'signer' | 'now' | 'blobs'>, onError?: (err: unknown) => void): LocalDelivery {
  let running: Promise<number> | null = null;
  let again = false;
  const once = async (): Promise<boolean> => {
    const now = deps.now();
    let failed: { id: string; error: string } | null = null;
    const found = await runWithLiveEvents(deps.db, async (trx) => {
        const row = await trx
          .selectFrom('outbox')
          .selectAll()
          .where('state', '=', 'pending')
          .where('recipient_node_id', 'is', null)
          .where('recipient_organisation_id', 'is not', null)
          .where('type', 'in', [...REQUEST_MESSAGE_TYPES])
          // The oldest pending message of its conversation only: a status never overtakes its request.
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('outbox as earlier')
                  .select(sql`1`.as('one'))
                  .whereRef('earlier.conversation_id', '=', 'outbox.conversation_id')
                  .where('earlier.state', '=', 'pending')
                  .whereRef('earlier.seq', '<', 'outbox.seq'),
              ),
            ),
          )
          .orderBy('seq')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!row) return false;
        const message: IncomingMessage = {
          messageId: row.message_id,
          recipientOrganisationId: row.recipient_organisation_id,
          senderNodeId: null,
          payload: row.payload,
        };
        const entries: AuditInput[] = [];
        const audit: AuditFn = (action, target, change) => {
          entries.push({
            actorId: null,
            actorEmail: null,
            organisationId: row.recipient_organisation_id,
            action,
            target,
            requestId: `delivery:${row.message_id}`,
            change,
          });
        };
        try {
          if (row.type === 'request.transmit') await applyTransmit(trx, deps, audit, message);
          else await applyStatus(trx, deps, audit, message);
        } catch (err) {
          if (err instanceof DomainError || err instanceof ZodError) {
            failed = { id: row.id, error: err instanceof DomainError ? `${err.code}: ${err.message}` : `payload_invalid: ${err.message}` };
          }
          throw err;
        }
        await appendAudit(trx, deps, entries);
        await trx.updateTable('outbox').set({ state: 'delivered', delivered_at: now, attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
        return true;
      }).catch(async (err) => {
        const f = failed as { id: string; error: string } | null;
        if (!f) throw err;
        // A message that cannot be applied is set aside, not retried forever; the operator sees it.
        await deps.db.updateTable('outbox').set({ state: 'failed', last_error: f.error, attempts: sql`attempts + 1` }).where('id', '=', f.id).execute();
        onError?.(err);
        return true;
      });
    return found;
  };
  const loop = async () => {
    let n = 0;
    do {
      again = false;
      while (await once()) n++;
    } while (again);
    return n;
  };
  return {
    deliver() {
      if (running) {
        again = true;
        return running;
      }
      running = loop().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
