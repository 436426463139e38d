// Consent for an evidence item received over federation (issue 12 part 5): the receiving node asks
// the sending authority for one use of the item (export, passing it on to a third node, use in other
// proceedings). The question and the answer are the consent machinery's own (`consent.request` /
// `consent.answer`, four eyes on both sides, consent-service.ts); this file only names the item on
// each side (the receiver's key for the item, the sender's own id of it and the transfer it went by)
// and records the question and the answer in the item's custody log on both nodes.
import { ValidationError } from '@comity/core';
import type { EvidenceOfferPayload } from '@comity/contract/evidence-transfer';
import type { Database } from '@comity/db';
import { type Kysely, sql } from 'kysely';
import type { AuditFn } from '../../deps.ts';
import { appendCustody, type EvidenceDeps, evidenceKey } from '../evidence-service.ts';

export type CustodyDeps = Pick<EvidenceDeps, 'hasher' | 'signer' | 'now' | 'nodeId'>;

/** What the question names: the item here, and the same item as its sender knows it. */
export interface ItemConsentSubject {
  itemId: string;
  sourceKey: string;
  senderItemId: string;
  transferId: string;
  title: string;
}

/** The asker's side: the item must be of that request and received from its counterpart node. */
export async function receivedItemSubject(trx: Kysely<Database>, request: { id: string; counterpart_node_id: string | null }, itemId: string): Promise<ItemConsentSubject> {
  const item = await trx.selectFrom('evidence_items').select(['id', 'request_id', 'title']).where('id', '=', itemId).executeTakeFirst();
  if (!item || item.request_id !== request.id) throw new ValidationError('item_not_on_request', 'The item is not one of this request’s items.');
  const transfer = await trx.selectFrom('evidence_transfers').select(['transfer_id', 'sender_node_id', 'offer']).where('item_id', '=', item.id).where('state', '=', 'accepted').executeTakeFirst();
  if (!transfer || !request.counterpart_node_id || transfer.sender_node_id !== request.counterpart_node_id) {
    throw new ValidationError('own_record', 'This item was not received from the request’s counterpart node; no one else’s consent is asked for it here.');
  }
  const offer = (typeof transfer.offer === 'string' ? JSON.parse(transfer.offer) : transfer.offer) as EvidenceOfferPayload;
  return { itemId: item.id, sourceKey: evidenceKey(item.id), senderItemId: offer.item.id, transferId: transfer.transfer_id, title: item.title };
}

/** The item a stored consent is about (asked side: from its source key). */
export async function subjectOfKey(trx: Kysely<Database>, sourceKey: string): Promise<ItemConsentSubject | null> {
  if (!sourceKey.startsWith('evidence:')) return null;
  const itemId = sourceKey.slice('evidence:'.length);
  const item = await trx.selectFrom('evidence_items').select(['id', 'title']).where('id', '=', itemId).executeTakeFirst();
  const transfer = await trx.selectFrom('evidence_transfers').select(['transfer_id', 'offer']).where('item_id', '=', itemId).where('state', '=', 'accepted').executeTakeFirst();
  if (!item || !transfer) return null;
  const offer = (typeof transfer.offer === 'string' ? JSON.parse(transfer.offer) : transfer.offer) as EvidenceOfferPayload;
  return { itemId, sourceKey, senderItemId: offer.item.id, transferId: transfer.transfer_id, title: item.title };
}

/** The originator's side: the item it sent with that request, to that node, in that transfer. */
export async function sentItemSubject(trx: Kysely<Database>, request: { id: string }, peerNodeId: string, ref: { id: string; transferId: string }): Promise<ItemConsentSubject> {
  const item = await trx.selectFrom('evidence_items').select(['id', 'request_id', 'title']).where('id', '=', ref.id).executeTakeFirst();
  const sent = item
    ? await trx
        .selectFrom('outbox')
        .select('id')
        .where('type', '=', 'evidence.offer')
        .where('recipient_node_id', '=', peerNodeId)
        .where(sql<boolean>`payload->>'transferId' = ${ref.transferId}`)
        .where(sql<boolean>`payload->'item'->>'id' = ${ref.id}`)
        .executeTakeFirst()
    : undefined;
  if (!item || item.request_id !== request.id || !sent) throw new ValidationError('unknown_item', `Item ${ref.id} was not sent to the asking node with this request (transfer ${ref.transferId}).`);
  return { itemId: item.id, sourceKey: evidenceKey(item.id), senderItemId: item.id, transferId: ref.transferId, title: item.title };
}

/** The question or the answer, in the item's custody log. */
export async function recordConsentCustody(
  trx: Kysely<Database>,
  deps: CustodyDeps | undefined,
  itemId: string,
  kind: 'consent-asked' | 'consent-answered',
  details: Record<string, string | null>,
  actor: { userId: string | null; email: string | null },
  audit: AuditFn,
): Promise<void> {
  if (!deps) return;
  await appendCustody(trx, deps, itemId, { kind, details, actorUserId: actor.userId, actorEmail: actor.email }, audit);
}
