// The use case that sends a vault item to the counterpart node of the request it belongs to: the
// caller must read the item and the request, and the release policy must let the item go to that
// node (`enforceRecord` over the item's own marking and its request's — an item received under
// speciality or confidentiality goes nowhere else without its originator's consent). The item
// leaves with the combined marking and use limitations, its hashes and its custody log. The offer
// is queued in the request's conversation in an audited transaction; the delivery worker sends it
// and its chunks, and the custody log says `transmitted` once the peer accepted the item.
import { ConflictError } from '@comity/core';
import { combineAll, type Marking } from '@comity/core/policy/marking';
import type { EvidenceOfferPayload, EvidenceTransferView } from '@comity/contract/evidence-transfer';
import type { Database } from '@comity/db';
import type { OutboxRow } from '@comity/db/repos/federation-repo';
import { type Kysely, sql } from 'kysely';
import { type AppDeps, type AuditFn, auditedTransaction } from '../../deps.ts';
import { federationOf } from '../../federation/capability.ts';
import { enforceRecord, type PolicyWho } from '../../policy/policy-service.ts';
import { loadReadable } from '../../requests/request-service.ts';
import { requestsOf } from '../../requests/requests-capability.ts';
import { evidenceOf } from '../evidence-capability.ts';
import { evidenceKey, listCustody, readEvidenceItem, requestSources } from '../evidence-service.ts';
import { transferProgress } from './transfer-progress.ts';
import { blobContentSource, buildOffer, queueOffer } from './transfer-sender.ts';

export const DEFAULT_TRANSFER_CHUNK = 8 * 1024 * 1024;

export interface SendEvidenceInput {
  requestId: string;
  itemId: string;
  /** By default `transmit` from the requesting side, `execute` from the requested side. */
  sentWith?: EvidenceOfferPayload['sentWith'] | undefined;
  chunkSize?: number | undefined;
}

export function limitationsOf(marking: Marking): EvidenceOfferPayload['limitations'] {
  return {
    tlp: marking.tlp,
    handling: marking.handling,
    handlingNotes: marking.handlingNotes,
    speciality: marking.limitations.speciality,
    confidential: marking.limitations.confidential,
    permittedUses: marking.limitations.permittedUses,
    reviewOn: marking.limitations.reviewOn,
    notes: marking.limitations.notes,
  };
}

/** The RFC 3161 tokens granted for the item on this node (the receiver checks each on arrival). */
async function grantedTokens(appDeps: AppDeps, itemId: string): Promise<EvidenceOfferPayload['item']['timestamps']> {
  const rows = await appDeps.db
    .selectFrom('evidence_timestamps')
    .select(['tsa_url', 'tsa_name', 'token'])
    .where('item_id', '=', itemId)
    .where('status', '=', 'granted')
    .orderBy('created_at')
    .limit(10)
    .execute();
  return rows.filter((r) => r.token).map((r) => ({ tsa: (r.tsa_name || r.tsa_url).slice(0, 500), token: Buffer.from(r.token!).toString('base64') }));
}

/** An offer read and allowed, ready to be queued in the transaction of the change that sends it. */
export interface PreparedSend {
  requestId: string;
  organisationId: string;
  peerNodeId: string;
  itemId: string;
  offer: EvidenceOfferPayload;
}

/**
 * The checks and the reading of `sendEvidence`, outside any transaction (the item may be large):
 * the caller reads the request and the item, the release policy lets the item go to the request's
 * counterpart node, and the offer (chunk digests, tokens, custody, limitations) is built.
 */
export async function prepareSend(appDeps: AppDeps, who: PolicyWho, input: SendEvidenceInput): Promise<PreparedSend> {
  const requests = requestsOf(appDeps);
  const runtime = federationOf(appDeps);
  const evidence = evidenceOf(appDeps);
  if (!requests || !runtime || !evidence) throw new ConflictError('federation_unavailable', 'This node does not run requests, evidence and federation.');
  const row = await loadReadable(requests, who, input.requestId);
  const read = await readEvidenceItem(evidence, who, input.itemId);
  const { item } = read;
  let record = read.record;
  if (item.request_id !== row.id) {
    // An item of a case travels with a request linked to that case; the request's marking and
    // limitations then apply to it as well.
    const linked =
      item.case_id !== null &&
      (await appDeps.db.selectFrom('case_requests').select('request_id').where('case_id', '=', item.case_id).where('request_id', '=', row.id).executeTakeFirst()) !== undefined;
    if (!linked) throw new ConflictError('item_not_on_request', 'The item belongs to another request, or to a case this request is not linked to; only a request’s own items and those of its cases travel with it.');
    const extra = (await requestSources(evidence, who, row.id)).filter((s) => !record.sources.some((r) => r.key === s.key));
    record = { ...record, sources: [...record.sources, ...extra] };
  }
  if (!row.counterpart_node_id) throw new ConflictError('no_counterpart_node', 'This request has no counterpart node; evidence can only travel to a peer.');
  // The item's own marking and its request's: one decision point for both.
  await enforceRecord(
    appDeps,
    who,
    { record, auditTarget: evidenceKey(item.id), details: { itemId: item.id, title: item.title } },
    { kind: 'transmit', to: { nodeId: row.counterpart_node_id, organisationId: null } },
  );
  const marking = combineAll(...(record.sources.map((s) => s.marking) as [Marking, ...Marking[]]));
  const custody = (await listCustody(appDeps.db, item.id)).map((e) => JSON.parse(JSON.stringify(e)) as Record<string, never>);
  const source = await blobContentSource(evidence.blobs, item.sha256);
  if (!source) throw new ConflictError('content_missing', `The content of item ${item.id} is not in this node's store.`);
  // The folder store's source holds the file open: closed once the chunk digests are read.
  const offer = await buildOffer({
    peerNodeId: row.counterpart_node_id,
    conversationId: row.conversation_id,
    senderOrganisationId: row.organisation_id,
    sentWith: input.sentWith ?? (row.side === 'requesting' ? 'transmit' : 'execute'),
    item: {
      id: item.id,
      title: item.title,
      description: item.description || null,
      mediaType: item.media_type,
      source: item.source_kind,
      sha256: item.sha256,
      sha512: item.sha512 ?? null,
      timestamps: await grantedTokens(appDeps, item.id),
      custody,
    },
    limitations: limitationsOf(marking),
    source,
    chunkSize: input.chunkSize ?? DEFAULT_TRANSFER_CHUNK,
  }).finally(() => source.close());
  return { requestId: row.id, organisationId: row.organisation_id, peerNodeId: row.counterpart_node_id, itemId: item.id, offer };
}

/** Queues a prepared offer in the caller's audited transaction (`evidence.transfer.send`). */
export async function queueSend(trx: Kysely<Database>, appDeps: AppDeps, audit: AuditFn, prepared: PreparedSend): Promise<OutboxRow> {
  const { offer } = prepared;
  const written = await queueOffer(trx, appDeps.now(), { peerNodeId: prepared.peerNodeId, senderOrganisationId: prepared.organisationId, offer, encryptionPrivate: appDeps.keys.encryptionPrivate });
  audit('evidence.transfer.send', evidenceKey(prepared.itemId), {
    transferId: offer.transferId,
    requestId: prepared.requestId,
    peer: prepared.peerNodeId,
    messageId: written.message_id,
    sentWith: offer.sentWith,
    sha256: offer.item.sha256,
    size: offer.item.size,
    limitations: offer.limitations,
    chunkSize: offer.content.chunkSize,
    chunkCount: offer.content.chunkCount,
  });
  return written;
}

export async function sendEvidence(appDeps: AppDeps, who: PolicyWho, input: SendEvidenceInput): Promise<{ transferId: string; messageId: string }> {
  const prepared = await prepareSend(appDeps, who, input);
  const queued = await auditedTransaction(appDeps, { actor: who.actor, requestId: who.requestId, organisationId: prepared.organisationId }, (trx, audit) =>
    queueSend(trx, appDeps, audit, prepared),
  );
  federationOf(appDeps)?.wake();
  return { transferId: prepared.offer.transferId, messageId: queued.message_id };
}

/** The transfers of an item this node sent (its outbox) and the one it came in by: state, progress, refusal. */
export async function listItemTransfers(appDeps: AppDeps, who: PolicyWho, itemId: string): Promise<EvidenceTransferView[]> {
  const evidence = evidenceOf(appDeps);
  if (!evidence) throw new ConflictError('evidence_unavailable', 'This node keeps no evidence.');
  const { item } = await readEvidenceItem(evidence, who, itemId);
  const db = appDeps.db;
  const peers = new Map((await db.selectFrom('federation_peers').select(['node_id', 'authority_name']).execute()).map((p) => [p.node_id, p.authority_name]));
  const sent = await db
    .selectFrom('outbox')
    .selectAll()
    .where('type', '=', 'evidence.offer')
    .where(sql<boolean>`payload->'item'->>'id' = ${item.id}`)
    .orderBy('created_at', 'desc')
    .execute();
  const views: EvidenceTransferView[] = sent.map((r) => {
    const offer = (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as EvidenceOfferPayload;
    const progress = transferProgress(offer.transferId);
    const state: EvidenceTransferView['state'] =
      r.state === 'delivered' ? 'accepted' : r.state === 'failed' || r.state === 'skipped' || r.state === 'refused' ? 'refused' : progress !== null || r.attempts > 0 ? 'sending' : 'offered';
    return {
      transferId: offer.transferId,
      direction: 'sent',
      peer: { nodeId: r.recipient_node_id ?? '', authority: peers.get(r.recipient_node_id ?? '') ?? null },
      state,
      progress: state === 'accepted' ? 100 : state === 'sending' ? progress : null,
      refusal: state === 'refused' ? (r.last_error ?? 'refused') : null,
      sentWith: offer.sentWith,
      createdAt: new Date(r.created_at).toISOString(),
      completedAt: r.delivered_at ? new Date(r.delivered_at).toISOString() : null,
    };
  });
  const received = await db.selectFrom('evidence_transfers').selectAll().where('item_id', '=', item.id).execute();
  for (const r of received) {
    views.push({
      transferId: r.transfer_id,
      direction: 'received',
      peer: { nodeId: r.sender_node_id, authority: peers.get(r.sender_node_id) ?? null },
      state: r.state === 'receiving' ? 'sending' : r.state,
      progress: r.state === 'accepted' ? 100 : null,
      refusal: r.refusal,
      sentWith: (r.offer as EvidenceOfferPayload).sentWith,
      createdAt: new Date(r.created_at).toISOString(),
      completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    });
  }
  return views;
}
