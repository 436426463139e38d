// Receiving evidence from a peer. The `evidence.offer` envelope (signed, sealed, in a request's
// conversation) records the transfer; the chunks then arrive on the binary route, each decrypted
// with the offer's content key (a tampered or misplaced chunk fails AES-GCM and is not stored) and
// compared with the SHA-256 the sender signed for it (a mismatch refuses the whole item), written
// at its place and synced to disk before it is recorded. The item's SHA-256 and SHA-512 run as the
// chunks arrive (transfer-staging.ts); when the last chunk is in, size and digests are compared
// with the offer, and only then does the content store adopt the staged file (no second copy) and
// is the item accepted, audited and recorded as received from the sending node. A refused transfer
// leaves nothing stored. The content key is kept encrypted at rest (transfer-crypto.ts).
import { createHash } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '@comity/core';
import { chunkLength, contentProblem, missingChunks } from '@comity/core/evidence/transfer';
import { EvidenceOfferPayload, type EvidenceOfferResult, type TransferChunkAccepted, type TransferStatus } from '@comity/contract/evidence-transfer';
import type { Marking } from '@comity/core/policy/marking';
import type { Database } from '@comity/db';
import { findPeer } from '@comity/db/repos/federation-repo';
import type { Kysely, Selectable } from 'kysely';
import type { EvidenceTransfersTable } from '@comity/db/schema';
import { auditedTransaction } from '../../deps.ts';
import type { FederationRuntime, InboundHandler } from '../../federation/runtime.ts';
import { HEAD_BYTES } from '../../storage/blob-store.ts';
import { appendCustody, type EvidenceDeps, type EvidenceItemRow, prepareIngest, recordIngested, tooLarge } from '../evidence-service.ts';
import { decryptChunk, openContentKey, sealContentKey } from './transfer-crypto.ts';
import type { TransferStaging } from './transfer-staging.ts';
import { checkOfferTimestamps, recordReceivedTimestamps, type TimestampCheck } from './transfer-timestamps.ts';

export type TransferRow = Selectable<EvidenceTransfersTable>;

export interface TransferReceiver {
  staging: TransferStaging;
  /** The vault, where an accepted item goes. */
  evidence: () => EvidenceDeps | undefined;
  /** The TSA roots this node trusts (COMITY_TSA_ROOTS): the tokens that come with an item are checked against them. */
  timestampRoots?: () => Uint8Array[];
}

/** The marking an item is received under: the sender's limitations, the sending node as originator. */
export function receivedMarking(limitations: EvidenceOfferPayload['limitations'], sender: { nodeId: string; name: string; state: string }): Marking {
  const { tlp, handling, handlingNotes, ...rest } = limitations;
  return { tlp, handling, handlingNotes, originators: [{ nodeId: sender.nodeId, organisationId: null, name: sender.name, state: sender.state }], limitations: rest };
}

/** A chunk that did not decrypt or did not match: the sender may send it again (retryable) or not. */
export class ChunkRefusedError extends ValidationError {
  constructor(
    code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(code, message);
  }
}

export function offerHandler(runtime: FederationRuntime, timestampRoots: () => Uint8Array[] = () => []): InboundHandler<EvidenceOfferPayload> {
  return {
    parse: (p) => EvidenceOfferPayload.parse(p),
    async handle({ trx, header, payload, audit }) {
      if (payload.conversationId !== header.conversationId) throw new ValidationError('conversation_mismatch', 'The offer belongs to another conversation than its envelope.');
      const problem = contentProblem({ size: payload.item.size, ...payload.content });
      if (problem) throw new ValidationError('offer_inconsistent', `The offer's content description is inconsistent: ${problem}.`);
      // A token that is not a valid time-stamp of this item refuses the offer: nothing is recorded.
      const timestampChecks = await checkOfferTimestamps(payload.item, timestampRoots());
      // Evidence travels with a request this node shares with the sender, and only that.
      const request = await trx
        .selectFrom('requests')
        .select(['id', 'organisation_id'])
        .where('conversation_id', '=', payload.conversationId)
        .where('counterpart_node_id', '=', header.sender)
        .executeTakeFirst();
      if (!request) throw new ValidationError('unknown_conversation', `No request of conversation ${payload.conversationId} with node ${header.sender} on this node.`);
      const known = await trx.selectFrom('evidence_transfers').selectAll().where('transfer_id', '=', payload.transferId).executeTakeFirst();
      if (known && known.sender_node_id !== header.sender) throw new ValidationError('transfer_id_taken', 'This transfer id is used by another node.');
      if (!known) {
        const { key, ...content } = payload.content;
        await trx
          .insertInto('evidence_transfers')
          .values({
            transfer_id: payload.transferId,
            sender_node_id: header.sender,
            conversation_id: payload.conversationId,
            message_id: header.messageId,
            recipient_organisation_id: request.organisation_id,
            offer: JSON.stringify({ ...payload, content }),
            content_key: sealContentKey(runtime.deps.keys.encryptionPrivate, payload.transferId, key),
            size: payload.item.size,
            sha256: payload.item.sha256,
            chunk_size: content.chunkSize,
            chunk_count: content.chunkCount,
            chunk_sha256: JSON.stringify(content.chunkSha256),
            state: 'receiving',
            refusal: null,
            item_id: null,
            created_at: runtime.deps.now(),
            completed_at: null,
          })
          .execute();
        audit('evidence.transfer.offer', `transfer:${payload.transferId}`, {
          sender: header.sender,
          conversationId: payload.conversationId,
          requestId: request.id,
          item: { id: payload.item.id, title: payload.item.title, sha256: payload.item.sha256, sha512: payload.item.sha512, size: payload.item.size },
          timestamps: timestampChecks.map((c) => ({ tsa: c.tsa, genTime: c.genTime, outcome: c.outcome })),
          custodyEvents: payload.item.custody.length,
          limitations: payload.limitations,
          chunkCount: payload.content.chunkCount,
        });
      }
      return {
        result: { transferId: payload.transferId, state: 'receiving', missing: payload.content.chunkCount } satisfies EvidenceOfferResult,
        recipientOrganisationId: request.organisation_id,
      };
    },
  };
}

async function transferOf(db: Kysely<Database>, sender: string, transferId: string): Promise<TransferRow> {
  const row = await db.selectFrom('evidence_transfers').selectAll().where('transfer_id', '=', transferId).executeTakeFirst();
  // Another node's transfer is not this sender's business: the same answer as none at all.
  if (!row || row.sender_node_id !== sender) throw new NotFoundError('transfer_not_found', `No transfer ${transferId} from this node.`);
  return row;
}

async function receivedIndices(db: Kysely<Database>, transferId: string): Promise<number[]> {
  const rows = await db.selectFrom('evidence_transfer_chunks').select('index').where('transfer_id', '=', transferId).execute();
  return rows.map((r) => r.index);
}

export async function transferStatus(runtime: FederationRuntime, sender: string, transferId: string): Promise<TransferStatus> {
  const row = await transferOf(runtime.deps.db, sender, transferId);
  const missing = row.state === 'receiving' ? missingChunks(await receivedIndices(runtime.deps.db, transferId), row.chunk_count) : [];
  return { transferId, state: row.state, chunkCount: row.chunk_count, missing, refusal: row.refusal };
}

/** Finalisations in progress on this node, so two last chunks arriving together check the item once. */
const finalising = new Map<string, Promise<TransferRow['state']>>();

export async function receiveChunk(
  runtime: FederationRuntime,
  receiver: TransferReceiver,
  sender: string,
  transferId: string,
  index: number,
  body: Buffer,
): Promise<TransferChunkAccepted> {
  const { deps } = runtime;
  const row = await transferOf(deps.db, sender, transferId);
  if (row.state === 'refused') throw new ConflictError('transfer_refused', `Transfer ${transferId} was refused: ${row.refusal}`);
  if (!Number.isInteger(index) || index < 0 || index >= row.chunk_count) throw new ChunkRefusedError('chunk_out_of_range', `Chunk ${index} of a transfer of ${row.chunk_count} chunks.`, false);
  if (row.state === 'accepted') return { transferId, index, state: 'accepted', missing: 0 };
  const size = Number(row.size);
  const place = { transferId, index, chunkCount: row.chunk_count };
  const { keys } = deps;
  const contentKey = row.content_key ? openContentKey([keys.encryptionPrivate, ...(keys.previous ?? []).map((k) => k.encryptionPrivate)], transferId, row.content_key) : null;
  if (!contentKey) throw new ChunkRefusedError('content_key_unavailable', `This node cannot open the content key of transfer ${transferId} (its encryption key changed); the offer must be sent again.`, false);
  const plain = decryptChunk(contentKey, place, body);
  if (!plain) {
    // Not made with this transfer's key for this place: damaged or tampered on the way, or sent
    // to the wrong index. Nothing is stored; the sender may send it again.
    throw new ChunkRefusedError('chunk_rejected', `Chunk ${index} of transfer ${transferId} does not decrypt (AES-GCM authentication failed); it was not stored.`, true);
  }
  const expectedLength = chunkLength(size, row.chunk_size, index);
  const digest = createHash('sha256').update(plain).digest('hex');
  if (plain.length !== expectedLength || digest !== row.chunk_sha256[index]) {
    // Encrypted with the right key but not the content the sender signed: the item is not what
    // the offer says. Refuse it whole, and keep nothing of it.
    await refuse(runtime, receiver, row, `chunk ${index} does not match the SHA-256 the sender signed for it (${digest} instead of ${row.chunk_sha256[index]})`);
    throw new ChunkRefusedError('chunk_digest_mismatch', `Chunk ${index} of transfer ${transferId} does not match its signed SHA-256; the transfer is refused.`, false);
  }
  // On disk (synced) before it is recorded: a recorded chunk is one a resumed transfer skips.
  await receiver.staging.putChunk(transferId, { index, chunkSize: row.chunk_size, size }, plain);
  await deps.db
    .insertInto('evidence_transfer_chunks')
    .values({ transfer_id: transferId, index, received_at: deps.now() })
    .onConflict((oc) => oc.columns(['transfer_id', 'index']).doNothing())
    .execute();
  const have = await receivedIndices(deps.db, transferId);
  const missing = row.chunk_count - have.length;
  if (missing > 0) return { transferId, index, state: 'receiving', missing };
  let running = finalising.get(transferId);
  if (!running) {
    running = finalise(runtime, receiver, row).finally(() => finalising.delete(transferId));
    finalising.set(transferId, running);
  }
  const state = await running;
  return { transferId, index, state, missing: 0 };
}

async function refuse(runtime: FederationRuntime, receiver: TransferReceiver, row: TransferRow, why: string): Promise<void> {
  await auditedTransaction(runtime.deps, { actor: null, requestId: `transfer:${row.transfer_id}`, organisationId: row.recipient_organisation_id }, async (trx, audit) => {
    const updated = await trx
      .updateTable('evidence_transfers')
      .set({ state: 'refused', refusal: why, content_key: null, completed_at: runtime.deps.now() })
      .where('transfer_id', '=', row.transfer_id)
      .where('state', '=', 'receiving')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    await trx.deleteFrom('evidence_transfer_chunks').where('transfer_id', '=', row.transfer_id).execute();
    audit('evidence.transfer.refuse', `transfer:${row.transfer_id}`, { sender: row.sender_node_id, sha256: row.sha256, reason: why });
  });
  await receiver.staging.remove(row.transfer_id);
}

/** All chunks are in: check the whole item against the offer, store it, accept it. */
async function finalise(runtime: FederationRuntime, receiver: TransferReceiver, row: TransferRow): Promise<TransferRow['state']> {
  const offer = row.offer as EvidenceOfferPayload;
  const got = await receiver.staging.digest(row.transfer_id, Number(row.size));
  const problems: string[] = [];
  if (got.size !== Number(row.size)) problems.push(`size ${got.size} instead of ${row.size}`);
  if (got.sha256 !== row.sha256) problems.push(`SHA-256 ${got.sha256} instead of ${row.sha256}`);
  if (offer.item.sha512 !== null && got.sha512 !== offer.item.sha512) problems.push(`SHA-512 ${got.sha512} instead of ${offer.item.sha512}`);
  if (problems.length > 0) {
    await refuse(runtime, receiver, row, `the assembled item does not match the offer: ${problems.join('; ')}`);
    return 'refused';
  }
  const evidence = receiver.evidence();
  const request = await runtime.deps.db
    .selectFrom('requests')
    .select('id')
    .where('conversation_id', '=', row.conversation_id)
    .where('counterpart_node_id', '=', row.sender_node_id)
    .executeTakeFirst();
  const peer = await findPeer(runtime.deps.db, row.sender_node_id);
  if (!evidence || !request || !peer) {
    await refuse(runtime, receiver, row, !evidence ? 'this node keeps no evidence' : 'the request it came with is no longer on this node');
    return 'refused';
  }
  let timestampChecks: TimestampCheck[];
  try {
    timestampChecks = await checkOfferTimestamps(offer.item, receiver.timestampRoots?.() ?? []);
  } catch (err) {
    await refuse(runtime, receiver, row, err instanceof Error ? err.message : String(err));
    return 'refused';
  }
  const who = { actor: null, requestId: `transfer:${row.transfer_id}` };
  let item: EvidenceItemRow;
  try {
    // The node itself receives it (no user), into the request it came with, under the sender's limitations.
    const meta = {
      owner: { requestId: request.id },
      title: offer.item.title,
      description: offer.item.description ?? undefined,
      source: { kind: 'received', nodeId: row.sender_node_id, authority: peer.authority_name, transferId: row.transfer_id, senderItemId: offer.item.id, sentWith: offer.sentWith },
      mediaTypeHint: offer.item.mediaType,
      marking: receivedMarking(offer.limitations, { nodeId: peer.node_id, name: peer.authority_name, state: peer.country }),
    } as const;
    if (got.size > evidence.settings.maxBytes) throw tooLarge(evidence);
    const prepared = await prepareIngest(evidence, who, meta);
    const stored = { sha256: got.sha256, size: got.size, head: await receiver.staging.head(row.transfer_id, HEAD_BYTES) };
    // The checked file itself goes into the content store (a rename; one upload on S3).
    await evidence.blobs.adopt(receiver.staging.pathOf(row.transfer_id), stored);
    item = await recordIngested(evidence, who, prepared, meta, stored);
  } catch (err) {
    await refuse(runtime, receiver, row, `the item could not be stored: ${err instanceof Error ? err.message : String(err)}`);
    return 'refused';
  }
  await receiver.staging.remove(row.transfer_id);
  await auditedTransaction(runtime.deps, { actor: null, requestId: who.requestId, organisationId: row.recipient_organisation_id }, async (trx, audit) => {
    const updated = await trx
      .updateTable('evidence_transfers')
      .set({ state: 'accepted', content_key: null, completed_at: runtime.deps.now(), item_id: item.id })
      .where('transfer_id', '=', row.transfer_id)
      .where('state', '=', 'receiving')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    await trx.deleteFrom('evidence_transfer_chunks').where('transfer_id', '=', row.transfer_id).execute();
    // The SHA-512 was computed while the chunks arrived: recorded now, so the background job
    // (which streams the item once more) finds it done.
    const locked = await trx.selectFrom('evidence_items').select('sha512').where('id', '=', item.id).forUpdate().executeTakeFirst();
    if (locked && !locked.sha512) {
      await trx.updateTable('evidence_items').set({ sha512: got.sha512 }).where('id', '=', item.id).execute();
      await appendCustody(trx, evidence, item.id, { kind: 'hashed', details: { algorithm: 'sha-512', sha512: got.sha512 } }, audit);
    }
    await appendCustody(
      trx,
      evidence,
      item.id,
      {
        kind: 'received',
        details: {
          from: row.sender_node_id,
          authority: peer.authority_name,
          transferId: row.transfer_id,
          conversationId: row.conversation_id,
          sentWith: offer.sentWith,
          verified: { sha256: got.sha256, sha512: got.sha512, size: got.size, chunks: row.chunk_count },
          timestamps: offer.item.timestamps,
          timestampChecks,
          senderCustody: offer.item.custody,
          limitations: offer.limitations,
        },
      },
      audit,
    );
    await recordReceivedTimestamps(trx, runtime.deps.now(), item, peer.authority_name, offer.item.timestamps, timestampChecks);
    audit('evidence.transfer.accept', `transfer:${row.transfer_id}`, {
      sender: row.sender_node_id,
      conversationId: row.conversation_id,
      itemId: item.id,
      item: { title: offer.item.title, sha256: got.sha256, sha512: got.sha512, size: got.size },
      custody: { kind: 'received', from: row.sender_node_id },
    });
  });
  return 'accepted';
}
