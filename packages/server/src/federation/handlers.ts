// The message types federation handles itself: free-text notes between authorities, node cards
// (refresh and key rotation of a peer), and attachment chunks that arrive ahead of the message
// that refers to them.
import { createHash } from 'node:crypto';
import { ValidationError } from '@comity/core';
import { assessCard } from '@comity/core/federation/index';
import {
  AttachmentChunkPayload,
  type AttachmentChunkResult,
  NodeCardPayload,
  type NodeCardResult,
  NotePayload,
  type SignedNodeCard,
} from '@comity/contract/federation';
import type { Database } from '@comity/db';
import { chunksOf, findPeerForUpdate, insertChunk } from '@comity/db/repos/federation-repo';
import type { Kysely } from 'kysely';
import { verifyWithRawKey } from './envelope-crypto.ts';
import { checkPeerEndpoint } from './federation-config.ts';
import { applyCardUpdate } from './peers-service.ts';
import type { FederationRuntime, InboundHandler } from './runtime.ts';

const noteHandler: InboundHandler<ReturnType<typeof NotePayload.parse>> = {
  parse: (p) => NotePayload.parse(p),
  // The note itself is the inbox row's payload; the conversation view reads it from there.
  handle: async () => ({ keepPayload: true }),
};

const cardHandler: InboundHandler<ReturnType<typeof NodeCardPayload.parse>> = {
  parse: (p) => NodeCardPayload.parse(p),
  async handle({ trx, header, payload, runtime, audit }) {
    const signed = payload.card as SignedNodeCard;
    if (signed.card.nodeId !== header.sender) throw new ValidationError('card_node_mismatch', 'A node may only announce its own card.');
    const problem = checkPeerEndpoint(signed.card.endpoint, runtime.settings.allowPlainHttp);
    if (problem) throw new ValidationError('endpoint_not_allowed', `The card's endpoint is refused: ${problem}.`);
    const known = await findPeerForUpdate(trx, header.sender);
    if (!known) throw new ValidationError('unknown_sender', 'The sender is not a peer.');
    const assessment = assessCard(signed, {
      verify: verifyWithRawKey,
      now: runtime.deps.now(),
      known: { nodeId: known.node_id, signingKey: known.signing_key },
      selfNodeId: runtime.selfNodeId,
    });
    if (assessment.kind === 'new') throw new ValidationError('card_unexpected', 'Unexpected card.');
    await applyCardUpdate(trx, audit, known, signed, assessment.kind, runtime.deps.now());
    return { result: { card: assessment.kind } satisfies NodeCardResult, keepPayload: true };
  },
};

const chunkHandler: InboundHandler<ReturnType<typeof AttachmentChunkPayload.parse>> = {
  parse: (p) => AttachmentChunkPayload.parse(p),
  async handle({ trx, header, payload, runtime }) {
    const { attachment, index } = payload;
    if (index >= attachment.chunkCount) throw new ValidationError('chunk_out_of_range', `Chunk ${index} of a file with ${attachment.chunkCount} chunks.`);
    const bytes = Buffer.from(payload.data, 'base64');
    if (createHash('sha256').update(bytes).digest('hex') !== payload.chunkSha256) {
      throw new ValidationError('chunk_hash_mismatch', `Chunk ${index} of ${attachment.sha256} does not match its SHA-256.`);
    }
    await insertChunk(trx, {
      attachmentSha256: attachment.sha256,
      index,
      count: attachment.chunkCount,
      chunkSha256: payload.chunkSha256,
      data: payload.data,
      senderNodeId: header.sender,
      conversationId: header.conversationId,
      receivedAt: runtime.deps.now(),
    });
    return { result: { attachment: attachment.sha256, chunk: index } satisfies AttachmentChunkResult };
  },
};

/**
 * Puts a file back together from its chunks and checks every chunk's and the whole file's
 * SHA-256. Called by the use case of the message that refers to the file, in its transaction.
 */
export async function assembleAttachment(trx: Kysely<Database>, descriptor: { sha256: string; size: number }): Promise<Buffer> {
  const chunks = await chunksOf(trx, descriptor.sha256);
  const expected = chunks[0]?.count ?? (descriptor.size === 0 ? 0 : 1);
  if (chunks.length !== expected || chunks.some((c) => c.count !== expected)) {
    throw new ValidationError('attachment_incomplete', `Attachment ${descriptor.sha256}: ${chunks.length} of ${expected} chunks arrived.`);
  }
  const parts = chunks.map((c, i) => {
    const bytes = Buffer.from(c.data, 'base64');
    if (c.index !== i || createHash('sha256').update(bytes).digest('hex') !== c.chunkSha256) {
      throw new ValidationError('attachment_corrupt', `Attachment ${descriptor.sha256}: chunk ${i} is missing or damaged.`);
    }
    return bytes;
  });
  const file = Buffer.concat(parts);
  if (file.length !== descriptor.size || createHash('sha256').update(file).digest('hex') !== descriptor.sha256) {
    throw new ValidationError('attachment_corrupt', `Attachment ${descriptor.sha256}: the assembled file does not match its size and SHA-256.`);
  }
  return file;
}

export function registerBuiltInHandlers(runtime: FederationRuntime): void {
  runtime.registerHandler('message.note', noteHandler);
  runtime.registerHandler('node.card', cardHandler);
  runtime.registerHandler('attachment.chunk', chunkHandler);
}
