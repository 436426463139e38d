// Consent flows: a holder asks the originator of a record for a use outside its limitations; a
// supervisor other than the asker agrees before the question leaves (four eyes); the originator's
// answer is proposed by one person and approved by a supervisor other than them before it goes
// back. The question and the answer travel as `consent.request` / `consent.answer` through the
// outbox to a peer node, or are written straight into the other organisation's records on this
// node. A granted answer is what `decide` reads (grantedConsents) for that record only.
import { randomUUID } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, can } from '@comity/core';
import type { AnswerConsentBody, ConsentAnswerPayload, ConsentRequestPayload, ConsentView, CreateConsentBody } from '@comity/contract/consents';
import { type Database, findOrganisation } from '@comity/db';
import type { ConsentsTable } from '@comity/db/schema';
import type { Kysely, Selectable } from 'kysely';
import { type Actor, type AuditFn, auditedTransaction } from '../deps.ts';
import { newMessageId } from '../federation/peers-service.ts';
import { handlersOf, type NotificationText, notify, requestParams } from '../requests/notify.ts';
import type { RequestDeps, Who } from '../requests/request-deps.ts';
import { loadVisible } from '../requests/request-service.ts';
import { enforce, requestKey } from './policy-service.ts';
import { type CustodyDeps, receivedItemSubject, recordConsentCustody, sentItemSubject } from '../evidence/transfer/transfer-consent.ts';

/** The evidence item a consent is about (its key on this node), or null for a request. */
function itemIdOfKey(sourceKey: string): string | null {
  return sourceKey.startsWith('evidence:') ? sourceKey.slice('evidence:'.length) : null;
}

type ConsentRow = Selectable<ConsentsTable>;

function requireActor(who: Who): Actor {
  if (!who.actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  return who.actor;
}

export async function presentConsent(db: Kysely<Database>, row: ConsentRow, actor: Actor | null): Promise<ConsentView> {
  const request = row.request_id ? await db.selectFrom('requests').select('reference').where('id', '=', row.request_id).executeTakeFirst() : undefined;
  const supervisor = !!actor && can(actor.role, 'consent:approve') && actor.organisationId === row.organisation_id;
  return {
    id: row.id,
    direction: row.direction,
    exchangeId: row.exchange_id,
    sourceKey: row.source_key,
    itemId: itemIdOfKey(row.source_key),
    requestId: row.request_id,
    requestReference: request?.reference ?? null,
    counterpart: { nodeId: row.counterpart_node_id, organisationId: row.counterpart_organisation_id, name: row.counterpart_name },
    action: row.action as ConsentView['action'],
    proceedings: row.proceedings,
    recipientNodeId: row.recipient_node_id,
    purpose: row.purpose,
    state: row.state as ConsentView['state'],
    answer: (row.answer as ConsentView['answer']) ?? null,
    conditions: row.conditions,
    askedBy: row.asked_by_email,
    answeredBy: row.answered_by_email,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    answeredAt: row.answered_at ? new Date(row.answered_at).toISOString() : null,
    canApprove:
      supervisor &&
      ((row.direction === 'asked' && row.state === 'awaiting-approval' && row.asked_by !== actor?.userId) ||
        (row.direction === 'received' && row.state === 'answer-awaiting-approval' && row.answered_by !== actor?.userId)),
    canAnswer: !!actor && can(actor.role, 'consent:answer') && actor.organisationId === row.organisation_id && row.direction === 'received' && row.state === 'received',
  };
}

const SUPERVISORS = new Set(['supervisor']);
const ACTION_WORDS: Record<string, string> = { export: 'export', transmit: 'pass on to another authority', attach: 'use in other proceedings', remark: 'change the marking of' };

async function referenceOf(trx: Kysely<Database>, requestId: string | null): Promise<string> {
  if (!requestId) return 'a request';
  return (await trx.selectFrom('requests').select('reference').where('id', '=', requestId).executeTakeFirst())?.reference ?? 'a request';
}

/** Tells the organisation's supervisors (but not `except`) that a consent step waits for their approval. */
async function askSupervisors(trx: Kysely<Database>, now: Date, row: ConsentRow, except: string, message: NotificationText): Promise<void> {
  const userIds = (await handlersOf(trx, row.organisation_id, SUPERVISORS)).filter((u) => u !== except);
  await notify(trx, now, { userIds, organisationId: row.organisation_id, requestId: row.request_id, kind: 'approval-requested', message });
}

async function loadConsent(db: Kysely<Database>, actor: Actor, id: string): Promise<ConsentRow> {
  const row = await db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
  // Consents are the organisation's own business: another organisation's is a 404, even for an administrator.
  if (!row || row.organisation_id !== actor.organisationId) throw new NotFoundError('not_found', 'No such consent.');
  return row;
}

export async function listConsents(db: Kysely<Database>, actor: Actor, q: { direction?: 'asked' | 'received' | undefined; requestId?: string | undefined }): Promise<ConsentView[]> {
  let query = db.selectFrom('consents').selectAll().where('organisation_id', '=', actor.organisationId);
  if (q.direction) query = query.where('direction', '=', q.direction);
  if (q.requestId) query = query.where('request_id', '=', q.requestId);
  const rows = await query.orderBy('updated_at', 'desc').limit(500).execute();
  return Promise.all(rows.map((r) => presentConsent(db, r, actor)));
}

export async function getConsent(db: Kysely<Database>, actor: Actor, id: string): Promise<ConsentView> {
  return presentConsent(db, await loadConsent(db, actor, id), actor);
}

/** The holder asks: recorded here, waiting for a supervisor other than the asker. */
export async function askConsent(deps: RequestDeps, who: Who, body: CreateConsentBody, custody?: CustodyDeps): Promise<ConsentRow> {
  const actor = requireActor(who);
  const row = await loadVisible(deps, actor, body.requestId);
  if (row.organisation_id !== actor.organisationId) throw new NotFoundError('not_found', 'No such request.');
  await enforce(deps, who, row, { kind: 'read' });
  // An evidence item received from the counterpart node: its sender is the originator, whichever side this is.
  const item = body.itemId ? await receivedItemSubject(deps.db, row, body.itemId) : null;
  const counterpartName = item
    ? ((await deps.db.selectFrom('federation_peers').select('authority_name').where('node_id', '=', row.counterpart_node_id ?? '').executeTakeFirst())?.authority_name ?? row.requested_organisation_name ?? '')
    : row.requesting_organisation_name;
  if (!item && row.side === 'requesting') throw new ValidationError('own_record', 'Your organisation is the originator of this request; no one else’s consent is needed.');
  if (body.action === 'attach' && !body.proceedings) throw new ValidationError('proceedings_required', 'Say which proceedings the material is to be used in (proceedings).');
  if (body.action === 'transmit' && !body.recipientNodeId) throw new ValidationError('recipient_required', 'Say which node it is to go to (recipientNodeId).');
  const now = deps.now();
  const id = randomUUID();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const inserted = await trx
      .insertInto('consents')
      .values({
        id,
        organisation_id: row.organisation_id,
        direction: 'asked',
        exchange_id: id,
        source_key: item?.sourceKey ?? requestKey(row),
        request_id: row.id,
        conversation_id: row.conversation_id,
        counterpart_node_id: row.counterpart_node_id,
        counterpart_organisation_id: row.counterpart_node_id ? null : row.requesting_organisation_id,
        counterpart_name: counterpartName,
        action: body.action,
        recipient_node_id: body.recipientNodeId ?? null,
        proceedings: body.proceedings ?? null,
        purpose: body.purpose,
        state: 'awaiting-approval',
        answer: null,
        conditions: null,
        asked_by: actor.userId,
        asked_by_email: actor.email,
        approved_by: null,
        answered_by: null,
        answered_by_email: null,
        answer_approved_by: null,
        created_at: now,
        updated_at: now,
        answered_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await askSupervisors(trx, now, inserted, actor.userId, {
      code: 'consent-question-to-approve',
      params: { ...requestParams(row), by: actor.email, counterpart: counterpartName, consentUse: body.action },
      text: `${row.reference}: ${actor.email} asks ${counterpartName} for consent to ${ACTION_WORDS[body.action]} ${item ? `the item “${item.title}”` : 'it'}; a supervisor must approve the question.`,
    });
    audit('consent.ask', `consent:${id}`, { request: row.id, reference: row.reference, itemId: item?.itemId ?? null, action: body.action, proceedings: body.proceedings ?? null, recipientNodeId: body.recipientNodeId ?? null });
    if (item) {
      await recordConsentCustody(trx, custody, item.itemId, 'consent-asked', { consentId: id, of: counterpartName, action: body.action, proceedings: body.proceedings ?? null, recipientNodeId: body.recipientNodeId ?? null, purpose: body.purpose }, { userId: actor.userId, email: actor.email }, audit);
    }
    return inserted;
  });
}

/** The originator proposes its answer: waits for a supervisor other than the person answering. */
export async function answerConsent(deps: RequestDeps, who: Who, id: string, body: AnswerConsentBody): Promise<ConsentRow> {
  const actor = requireActor(who);
  const row = await loadConsent(deps.db, actor, id);
  if (row.direction !== 'received' || row.state !== 'received') {
    throw new ConflictError('consent_not_answerable', 'Only a question received and not yet answered can be answered.', { state: row.state });
  }
  if (body.answer === 'granted-with-conditions' && !body.conditions) throw new ValidationError('conditions_required', 'Say the conditions (conditions).');
  const now = deps.now();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const updated = await trx
      .updateTable('consents')
      .set({ state: 'answer-awaiting-approval', answer: body.answer, conditions: body.conditions ?? null, answered_by: actor.userId, answered_by_email: actor.email, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'received')
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new ConflictError('consent_not_answerable', 'Someone answered meanwhile.');
    const reference = await referenceOf(trx, updated.request_id);
    await askSupervisors(trx, now, updated, actor.userId, {
      code: 'consent-answer-to-approve',
      params: { reference, subject: null, by: actor.email, counterpart: updated.counterpart_name, consentAnswer: body.answer },
      text: `${reference}: ${actor.email} proposes to answer ${updated.counterpart_name}'s consent question "${body.answer}"; a supervisor must approve the answer.`,
    });
    audit('consent.answer-propose', `consent:${id}`, { answer: body.answer, conditions: body.conditions ?? null });
    return updated;
  });
}

/** The second pair of eyes: sends the question, or the answer. */
export async function approveConsent(deps: RequestDeps, who: Who, id: string, custody?: CustodyDeps): Promise<ConsentRow> {
  const actor = requireActor(who);
  if (!can(actor.role, 'consent:approve')) throw new ForbiddenError('forbidden', 'A supervisor must approve.');
  const row = await loadConsent(deps.db, actor, id);
  const asking = row.direction === 'asked' && row.state === 'awaiting-approval';
  const answering = row.direction === 'received' && row.state === 'answer-awaiting-approval';
  if (!asking && !answering) throw new ConflictError('consent_not_awaiting_approval', 'Nothing of this consent waits for approval.', { state: row.state });
  if ((asking && row.asked_by === actor.userId) || (answering && row.answered_by === actor.userId)) {
    throw new ForbiddenError('four_eyes', 'Another supervisor must approve what you asked or answered (four eyes).');
  }
  const org = await findOrganisation(deps.db, actor.organisationId);
  const now = deps.now();
  const done = await auditedTransaction(deps, who, async (trx, audit) => {
    if (asking) {
      const updated = await trx
        .updateTable('consents')
        .set({ state: 'asked', approved_by: actor.userId, updated_at: now })
        .where('id', '=', id)
        .where('state', '=', 'awaiting-approval')
        .returningAll()
        .executeTakeFirstOrThrow();
      const payload: ConsentRequestPayload = {
        v: 1,
        exchangeId: row.exchange_id,
        conversationId: row.conversation_id,
        action: row.action as ConsentRequestPayload['action'],
        proceedings: row.proceedings,
        recipientNodeId: row.recipient_node_id,
        purpose: row.purpose,
        askedBy: { organisation: org?.name ?? '', state: org?.country ?? 'XXX' },
        askedAt: now.toISOString(),
      };
      const asked = itemIdOfKey(row.source_key);
      if (asked) {
        // The sender's own id of the item and the transfer it went by: what the originator can find.
        const transfer = await trx.selectFrom('evidence_transfers').select(['transfer_id', 'offer']).where('item_id', '=', asked).where('state', '=', 'accepted').executeTakeFirst();
        if (!transfer) throw new ConflictError('item_not_received', 'The item this consent is about is no longer recorded as received.');
        const offer = (typeof transfer.offer === 'string' ? JSON.parse(transfer.offer) : transfer.offer) as { item: { id: string } };
        payload.item = { id: offer.item.id, transferId: transfer.transfer_id };
      }
      if (row.counterpart_node_id) await enqueue(trx, now, row, 'consent.request', payload);
      else await receiveRequestLocally(trx, audit, now, row, payload);
      audit('consent.approve', `consent:${id}`, { sent: row.counterpart_node_id ?? row.counterpart_organisation_id, action: row.action });
      return updated;
    }
    const answer = row.answer as ConsentAnswerPayload['answer'];
    const updated = await trx
      .updateTable('consents')
      .set({ state: answer, answer_approved_by: actor.userId, answered_at: now, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'answer-awaiting-approval')
      .returningAll()
      .executeTakeFirstOrThrow();
    const payload: ConsentAnswerPayload = {
      v: 1,
      exchangeId: row.exchange_id,
      conversationId: row.conversation_id,
      answer,
      conditions: row.conditions,
      answeredBy: { organisation: org?.name ?? '' },
      answeredAt: now.toISOString(),
    };
    if (row.counterpart_node_id) await enqueue(trx, now, row, 'consent.answer', payload);
    else await applyAnswer(trx, audit, now, { counterpartNodeId: null, counterpartOrganisationId: row.organisation_id }, payload);
    const ownItem = itemIdOfKey(row.source_key);
    if (ownItem) {
      await recordConsentCustody(trx, custody, ownItem, 'consent-answered', { consentId: id, to: row.counterpart_name, action: row.action, answer, conditions: row.conditions }, { userId: actor.userId, email: actor.email }, audit);
    }
    audit(answer === 'refused' ? 'consent.refuse' : 'consent.grant', `consent:${id}`, { exchange: row.exchange_id, answer, conditions: row.conditions, action: row.action });
    return updated;
  });
  await deps.afterCommit();
  return done;
}

async function enqueue(trx: Kysely<Database>, now: Date, row: ConsentRow, type: 'consent.request' | 'consent.answer', payload: ConsentRequestPayload | ConsentAnswerPayload) {
  await trx
    .insertInto('outbox')
    .values({
      id: randomUUID(),
      message_id: newMessageId(now),
      conversation_id: row.conversation_id,
      type,
      sender_organisation_id: row.organisation_id,
      recipient_organisation_id: null,
      recipient_node_id: row.counterpart_node_id,
      payload: JSON.stringify(payload),
      next_attempt_at: now,
      created_at: now,
      marking: 'AMBER',
    })
    .execute();
}

/** The originator's side records the question (from a peer node, or from an organisation on this node). */
export async function applyConsentRequest(
  trx: Kysely<Database>,
  audit: AuditFn,
  now: Date,
  from: { nodeId: string | null; organisationId: string | null; name: string },
  payload: ConsentRequestPayload,
  custody?: CustodyDeps,
): Promise<ConsentRow> {
  // About a request: the original, on the requesting side. About an evidence item this node sent: either side.
  let q = trx.selectFrom('requests').selectAll().where('conversation_id', '=', payload.conversationId);
  if (!payload.item) q = q.where('side', '=', 'requesting');
  q = from.nodeId ? q.where('counterpart_node_id', '=', from.nodeId) : q.where('counterpart_node_id', 'is', null).where('requested_organisation_id', '=', from.organisationId ?? '');
  const original = await q.executeTakeFirst();
  if (!original) throw new ValidationError('unknown_conversation', `No request of conversation ${payload.conversationId} was sent to the asker from this node.`);
  const existing = await trx.selectFrom('consents').selectAll().where('exchange_id', '=', payload.exchangeId).where('direction', '=', 'received').executeTakeFirst();
  if (existing) return existing;
  const item = payload.item && from.nodeId ? await sentItemSubject(trx, original, from.nodeId, payload.item) : null;
  const id = randomUUID();
  const row = await trx
    .insertInto('consents')
    .values({
      id,
      organisation_id: original.organisation_id,
      direction: 'received',
      exchange_id: payload.exchangeId,
      source_key: item?.sourceKey ?? requestKey(original),
      request_id: original.id,
      conversation_id: payload.conversationId,
      counterpart_node_id: from.nodeId,
      counterpart_organisation_id: from.organisationId,
      counterpart_name: from.name || payload.askedBy.organisation,
      action: payload.action,
      recipient_node_id: payload.recipientNodeId,
      proceedings: payload.proceedings,
      purpose: payload.purpose,
      state: 'received',
      answer: null,
      conditions: null,
      asked_by: null,
      asked_by_email: null,
      approved_by: null,
      answered_by: null,
      answered_by_email: null,
      answer_approved_by: null,
      created_at: now,
      updated_at: now,
      answered_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await notify(trx, now, {
    userIds: await handlersOf(trx, original.organisation_id),
    organisationId: original.organisation_id,
    requestId: original.id,
    kind: 'status-changed',
    message: {
      code: 'consent-asked',
      params: { ...requestParams(original), counterpart: row.counterpart_name, consentUse: payload.action, proceedings: payload.proceedings ?? null },
      text: `${original.reference}: ${row.counterpart_name} asks your consent to ${ACTION_WORDS[payload.action]} ${item ? `the item “${item.title}” you sent` : 'it'}${payload.proceedings ? ` (${payload.proceedings})` : ''}.`,
    },
  });
  audit('consent.received', `consent:${id}`, { exchange: payload.exchangeId, request: original.id, reference: original.reference, itemId: item?.itemId ?? null, action: payload.action, from: from.nodeId ?? from.organisationId });
  if (item) {
    await recordConsentCustody(trx, custody, item.itemId, 'consent-asked', { consentId: id, by: row.counterpart_name, action: payload.action, proceedings: payload.proceedings, recipientNodeId: payload.recipientNodeId, purpose: payload.purpose }, { userId: null, email: null }, audit);
  }
  return row;
}

async function receiveRequestLocally(trx: Kysely<Database>, audit: AuditFn, now: Date, row: ConsentRow, payload: ConsentRequestPayload): Promise<void> {
  await applyConsentRequest(trx, audit, now, { nodeId: null, organisationId: row.organisation_id, name: payload.askedBy.organisation }, payload);
}

/** The asker's side records the answer; only the originator it asked can answer. */
export async function applyAnswer(
  trx: Kysely<Database>,
  audit: AuditFn,
  now: Date,
  from: { counterpartNodeId: string | null; counterpartOrganisationId: string | null },
  payload: ConsentAnswerPayload,
  custody?: CustodyDeps,
): Promise<ConsentRow> {
  let q = trx.selectFrom('consents').selectAll().where('exchange_id', '=', payload.exchangeId).where('direction', '=', 'asked');
  q = from.counterpartNodeId ? q.where('counterpart_node_id', '=', from.counterpartNodeId) : q.where('counterpart_node_id', 'is', null).where('counterpart_organisation_id', '=', from.counterpartOrganisationId ?? '');
  const asked = await q.executeTakeFirst();
  if (!asked) throw new ValidationError('unknown_consent', `No consent ${payload.exchangeId} was asked of the sender.`);
  if (asked.state !== 'asked') return asked; // answered before (a redelivery)
  const updated = await trx
    .updateTable('consents')
    .set({ state: payload.answer, answer: payload.answer, conditions: payload.conditions, answered_at: new Date(payload.answeredAt), updated_at: now })
    .where('id', '=', asked.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await notify(trx, now, {
    userIds: [asked.asked_by, asked.approved_by].filter((u): u is string => !!u),
    organisationId: asked.organisation_id,
    requestId: asked.request_id,
    kind: 'status-changed',
    message: {
      code: 'consent-answered',
      params: { reference: await referenceOf(trx, asked.request_id), subject: null, counterpart: asked.counterpart_name, consentAnswer: payload.answer, conditions: payload.conditions ?? null },
      text: `${await referenceOf(trx, asked.request_id)}: ${asked.counterpart_name} answered your consent question: ${payload.answer}${payload.conditions ? ` (${payload.conditions})` : ''}.`,
    },
  });
  audit(payload.answer === 'refused' ? 'consent.refused' : 'consent.granted', `consent:${asked.id}`, {
    exchange: payload.exchangeId,
    answer: payload.answer,
    conditions: payload.conditions,
    sourceKey: asked.source_key,
    action: asked.action,
  });
  const item = itemIdOfKey(asked.source_key);
  if (item) {
    await recordConsentCustody(trx, custody, item, 'consent-answered', { consentId: asked.id, by: asked.counterpart_name, action: asked.action, answer: payload.answer, conditions: payload.conditions }, { userId: null, email: null }, audit);
  }
  return updated;
}
