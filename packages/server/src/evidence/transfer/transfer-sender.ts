// Sending evidence to a peer: the offer (hashes, timestamp tokens, custody, limitations, a fresh
// content key and the SHA-256 of every chunk) is an outbox row of type `evidence.offer` in the
// request's conversation, sealed and signed like every envelope; once the peer accepted it, the
// delivery worker sends the chunks as binary bodies (AES-256-GCM under the content key), asking
// the peer first which ones it lacks, so an interrupted transfer resumes where it stopped.
import { type KeyObject, createHash, randomUUID } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { chunkCountOf, chunkLength, TRANSFER_CONTENT_ALG, transferRequestClaims } from '@comity/core/evidence/transfer';
import { type EvidenceOfferPayload, TransferChunkAccepted, TransferStatus } from '@comity/contract/evidence-transfer';
import type { Database } from '@comity/db';
import type { OutboxRow, PeerRow } from '@comity/db/repos/federation-repo';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { auditedTransaction } from '../../deps.ts';
import { enqueuePeerMessage } from '../../federation/outbox-service.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { appendCustody, type EvidenceDeps } from '../evidence-service.ts';
import type { FederationRuntime, FollowUpAttempt } from '../../federation/runtime.ts';
import { encryptChunkParts, newContentKey, openContentKey, sealContentKey, signTransferRequest } from './transfer-crypto.ts';
import { chunkTaken, transferEnded, transferStarted } from './transfer-progress.ts';

/** This node's encryption keys, current first: what opens a content key it sealed at rest. */
function ownEncryptionKeys(runtime: FederationRuntime): KeyObject[] {
  const { keys } = runtime.deps;
  return [keys.encryptionPrivate, ...(keys.previous ?? []).map((k) => k.encryptionPrivate)];
}

/** The offer as the peer receives it: the stored row's content key opened (for the sealed envelope only). */
export function offerToSend(runtime: FederationRuntime, stored: unknown): unknown {
  const offer = stored as EvidenceOfferPayload;
  const key = openContentKey(ownEncryptionKeys(runtime), offer.transferId, offer.content.key);
  if (!key) throw new Error(`the content key of transfer ${offer.transferId} does not open with this node's keys`);
  return { ...offer, content: { ...offer.content, key: key.toString('base64url') } };
}

/** Where a sender reads an item's bytes from. */
export interface ContentSource {
  size: number;
  /** Reads `length` bytes at `offset` (a chunk). */
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export async function fileContentSource(path: string): Promise<ContentSource> {
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  return {
    size,
    async read(offset, length) {
      const buf = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buf, done, length - done, offset + done);
        if (bytesRead === 0) throw new Error(`the content ended at ${offset + done} of ${size} bytes`);
        done += bytesRead;
      }
      return buf;
    },
    close: () => handle.close(),
  };
}

/**
 * An item's bytes in the node's blob store, read a chunk at a time (nothing is held whole): by
 * positioned reads into one buffer per chunk from the folder store's file, by byte-range streams
 * from an object store.
 */
export async function blobContentSource(store: BlobStore, sha256: string): Promise<ContentSource | null> {
  const path = store.localPath?.(sha256);
  if (path) return fileContentSource(path);
  const size = await store.sizeOf(sha256);
  if (size === null) return null;
  return {
    size,
    async read(offset, length) {
      if (length === 0) return Buffer.alloc(0);
      const stream = await store.openRead(sha256, { start: offset, end: offset + length - 1 });
      if (!stream) throw new Error(`item ${sha256} left the store`);
      const parts: Buffer[] = [];
      for await (const part of stream) parts.push(part as Buffer);
      const buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      if (buf.length !== length) throw new Error(`read ${buf.length} of ${length} bytes at ${offset} of item ${sha256}`);
      return buf;
    },
    close: async () => {},
  };
}

/**
 * Once the peer accepted the item: the sender's custody log says it was transmitted, to whom, in
 * which transfer (no-op for content that is not a vault item on this node).
 */
export async function recordTransmitted(runtime: FederationRuntime, evidence: EvidenceDeps | undefined, peer: PeerRow, offer: EvidenceOfferPayload): Promise<void> {
  if (!evidence) return;
  const item = await runtime.deps.db.selectFrom('evidence_items').select(['id', 'organisation_id', 'sha256']).where('id', '=', offer.item.id).executeTakeFirst();
  if (!item || item.sha256 !== offer.item.sha256) return;
  await auditedTransaction(runtime.deps, { actor: null, requestId: `transfer:${offer.transferId}`, organisationId: item.organisation_id }, async (trx, audit) => {
    // A retry after a lost answer must not log the transmission twice.
    const seen = await trx
      .selectFrom('evidence_custody')
      .select('seq')
      .where('item_id', '=', item.id)
      .where('kind', '=', 'transmitted')
      .where(sql<boolean>`details->>'transferId' = ${offer.transferId}`)
      .executeTakeFirst();
    if (seen) return;
    await appendCustody(
      trx,
      evidence,
      item.id,
      { kind: 'transmitted', details: { to: peer.node_id, toAuthority: peer.authority_name, transferId: offer.transferId, conversationId: offer.conversationId, sentWith: offer.sentWith, limitations: offer.limitations } },
      audit,
    );
  });
}

/**
 * Reads the item once: the SHA-256 of each chunk, signed in the offer. (The whole item's SHA-256 is
 * the stored item's; the receiver checks it against the bytes, so it is not computed again here.)
 */
export async function chunkDigests(source: ContentSource, chunkSize: number): Promise<string[]> {
  const chunkSha256: string[] = [];
  const count = chunkCountOf(source.size, chunkSize);
  for (let i = 0; i < count; i++) {
    const bytes = await source.read(i * chunkSize, chunkLength(source.size, chunkSize, i));
    chunkSha256.push(createHash('sha256').update(bytes).digest('hex'));
  }
  return chunkSha256;
}

export interface OfferInput {
  peerNodeId: string;
  conversationId: string;
  senderOrganisationId: string | null;
  sentWith: EvidenceOfferPayload['sentWith'];
  item: Omit<EvidenceOfferPayload['item'], 'size'>;
  limitations: EvidenceOfferPayload['limitations'];
  source: ContentSource;
  chunkSize: number;
}

/**
 * Reads the item (outside any transaction: it may be large) and returns the offer to queue; the
 * caller writes it with `queueOffer` inside the transaction of the change that sends it.
 */
export async function buildOffer(input: OfferInput): Promise<EvidenceOfferPayload> {
  const chunkSha256 = await chunkDigests(input.source, input.chunkSize);
  return {
    v: 1,
    transferId: randomUUID(),
    conversationId: input.conversationId,
    sentWith: input.sentWith,
    item: { ...input.item, size: input.source.size },
    limitations: input.limitations,
    content: {
      alg: TRANSFER_CONTENT_ALG,
      key: newContentKey(),
      chunkSize: input.chunkSize,
      chunkCount: chunkSha256.length,
      chunkSha256,
    },
  };
}

/**
 * The outbox row keeps the offer with its content key encrypted under this node's own key
 * (`sealContentKey`); `offerToSend` opens it when the envelope is sealed for the peer.
 */
export async function queueOffer(
  trx: Kysely<Database>,
  now: Date,
  input: { peerNodeId: string; senderOrganisationId: string | null; offer: EvidenceOfferPayload; encryptionPrivate: KeyObject },
): Promise<OutboxRow> {
  const { offer } = input;
  return enqueuePeerMessage(trx, now, {
    peerNodeId: input.peerNodeId,
    type: 'evidence.offer',
    conversationId: offer.conversationId,
    payload: { ...offer, content: { ...offer.content, key: sealContentKey(input.encryptionPrivate, offer.transferId, offer.content.key) } },
    senderOrganisationId: input.senderOrganisationId,
    marking: input.offer.limitations.tlp,
  });
}

type Answer = { status: number; json: unknown };

// Chunk bodies go through node:http with the GCM pieces written one after the other: fetch (undici)
// copies a Buffer body into a fresh Uint8Array first, 8 MiB per chunk.
const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

function httpCall(url: string, method: 'GET' | 'PUT', headers: Record<string, string>, parts: Buffer[], signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const length = parts.reduce((n, p) => n + p.length, 0);
    const req = (secure ? httpsRequest : httpRequest)(
      target,
      { method, headers: { ...headers, ...(method === 'PUT' ? { 'content-length': String(length) } : {}) }, agent: secure ? httpsAgent : httpAgent, signal },
      (res) => {
        const got: Buffer[] = [];
        res.on('data', (d: Buffer) => got.push(d));
        res.on('error', reject);
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(Buffer.concat(got).toString('utf8'));
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    for (const part of parts) req.write(part);
    req.end();
  });
}

async function signedCall(
  runtime: FederationRuntime,
  peer: PeerRow,
  method: 'GET' | 'PUT',
  transferId: string,
  index: number | null,
  body: Buffer[] | undefined,
  signal: AbortSignal,
): Promise<Answer> {
  const createdAt = runtime.deps.now().toISOString();
  const claims = transferRequestClaims({ method, sender: runtime.selfNodeId, recipient: peer.node_id, transferId, index, createdAt });
  const path = index === null ? `/federation/v1/transfers/${transferId}` : `/federation/v1/transfers/${transferId}/chunks/${index}`;
  const headers: Record<string, string> = {
    'comity-sender': runtime.selfNodeId,
    'comity-created-at': createdAt,
    'comity-signature': signTransferRequest(runtime.envelopeSigner(), claims),
    ...(body ? { 'content-type': 'application/octet-stream' } : {}),
  };
  return httpCall(`${peer.endpoint}${path}`, method, headers, body ?? [], AbortSignal.any([signal, AbortSignal.timeout(runtime.settings.requestTimeoutMs)]));
}

function refusal(what: string, answer: Answer): FollowUpAttempt {
  const p = (answer.json ?? {}) as { code?: unknown; detail?: unknown; retryable?: unknown };
  const retryable = answer.status >= 500 || answer.status === 429 || answer.status === 408 || p.retryable === true;
  return { ok: false, retryable, refused: !retryable && answer.status >= 400, error: `${what}: the peer answered ${answer.status} ${typeof p.code === 'string' ? p.code : ''} — ${typeof p.detail === 'string' ? p.detail : ''}`.trim() };
}

/** How many chunk requests are in flight at once. */
const IN_FLIGHT = 3;

/**
 * The follow-up of an `evidence.offer`: asks the peer which chunks it lacks and sends them.
 * `openContent` finds the item's bytes on this node.
 */
export function chunkSender(
  runtime: FederationRuntime,
  openContent: (sha256: string) => Promise<ContentSource | null>,
  accepted: (peer: PeerRow, offer: EvidenceOfferPayload) => Promise<void> = async () => {},
) {
  return async (peer: PeerRow, row: OutboxRow, signal: AbortSignal): Promise<FollowUpAttempt> => {
    const offer = row.payload as EvidenceOfferPayload;
    const { transferId } = offer;
    const done = async (): Promise<FollowUpAttempt> => {
      transferEnded(transferId);
      await accepted(peer, offer);
      return { ok: true };
    };
    try {
      const statusAnswer = await signedCall(runtime, peer, 'GET', transferId, null, undefined, signal);
      if (statusAnswer.status !== 200) return refusal(`Transfer ${transferId}`, statusAnswer);
      const status = TransferStatus.safeParse(statusAnswer.json);
      if (!status.success) return { ok: false, retryable: true, error: `Transfer ${transferId}: the peer's status answer is not valid.` };
      if (status.data.state === 'accepted') return done();
      if (status.data.state === 'refused') return { ok: false, retryable: false, refused: true, error: `Transfer ${transferId} was refused by the peer: ${status.data.refusal ?? 'no reason given'}` };
      const source = await openContent(offer.item.sha256);
      if (!source) return { ok: false, retryable: false, error: `Item ${offer.item.id} (${offer.item.sha256}) is not in this node's store.` };
      try {
        const key = openContentKey(ownEncryptionKeys(runtime), transferId, offer.content.key);
        if (!key) return { ok: false, retryable: false, error: `Transfer ${transferId}: its content key does not open with this node's keys.` };
        const queue = [...status.data.missing];
        transferStarted(transferId, offer.content.chunkCount - queue.length, offer.content.chunkCount);
        let failure: FollowUpAttempt | null = null;
        let final: TransferChunkAccepted | null = null;
        const worker = async () => {
          for (let index = queue.shift(); index !== undefined && !failure; index = queue.shift()) {
            const plain = await source.read(index * offer.content.chunkSize, chunkLength(offer.item.size, offer.content.chunkSize, index));
            const body = encryptChunkParts(key, { transferId, index, chunkCount: offer.content.chunkCount }, plain);
            const answer = await signedCall(runtime, peer, 'PUT', transferId, index, body, signal);
            const ok = answer.status === 200 ? TransferChunkAccepted.safeParse(answer.json) : null;
            if (!ok?.success) {
              failure ??= refusal(`Transfer ${transferId}, chunk ${index + 1}/${offer.content.chunkCount}`, answer);
              return;
            }
            chunkTaken(transferId);
            if (ok.data.state !== 'receiving') final = ok.data;
          }
        };
        await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, Math.max(1, queue.length)) }, worker));
        if (failure) return failure;
        const ended = final as TransferChunkAccepted | null;
        if (ended?.state === 'refused') return { ok: false, retryable: false, refused: true, error: `Transfer ${transferId} was refused by the peer after its last chunk.` };
        if (ended?.state === 'accepted') return done();
        // Nothing was missing, or the last chunk's answer got lost: ask again.
        const again = TransferStatus.safeParse((await signedCall(runtime, peer, 'GET', transferId, null, undefined, signal)).json);
        if (again.success && again.data.state === 'accepted') return done();
        const refusedAtLast = again.success && again.data.state === 'refused';
        return { ok: false, retryable: !refusedAtLast, refused: refusedAtLast, error: `Transfer ${transferId} is not complete at the peer yet.` };
      } finally {
        await source.close();
      }
    } catch (err) {
      const e = err as { name?: string; message?: string; cause?: { code?: string } };
      return { ok: false, retryable: true, error: `Transfer ${transferId}: the peer could not be reached (${e.name === 'TimeoutError' ? 'timed out' : (e.cause?.code ?? e.message ?? String(err))}).` };
    }
  };
}
