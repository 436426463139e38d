// The binary side of evidence transfers, under /federation/v1 like the inbox: peers, not users,
// call it. Every request carries the sending node id, a time and an Ed25519 signature by that
// node's key on record over (method, sender, recipient, transfer, chunk index, time); it is checked
// before the body is read. The body of a chunk is AES-256-GCM under the transfer's content key,
// which only the sender and this node know (it came in the sealed offer).
import { MAX_TRANSFER_CHUNK, GCM_TAG_BYTES, transferRequestClaims } from '@comity/core/evidence/transfer';
import { DomainError } from '@comity/core';
import { TransferChunkAccepted, TransferStatus } from '@comity/contract/evidence-transfer';
import { findPeer } from '@comity/db/repos/federation-repo';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendProblem } from '../../http/problem.ts';
import type { FederationRuntime } from '../../federation/runtime.ts';
import { verifyTransferRequest } from './transfer-crypto.ts';
import { ChunkRefusedError, type TransferReceiver, receiveChunk, transferStatus } from './transfer-receiver.ts';

const Params = z.strictObject({ transferId: z.uuid() });
const ChunkParams = z.strictObject({ transferId: z.uuid(), index: z.coerce.number().int().min(0).max(1_000_000) });

const AUTH_HEADERS = 'comity-sender, comity-created-at and comity-signature';

export async function transferRoutes(app: FastifyInstance, runtime: FederationRuntime, receiver: TransferReceiver): Promise<void> {
  const { deps } = runtime;

  /** Who sent this request, proven by the signature; or a refusal already sent. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply, method: 'GET' | 'PUT'): Promise<string | null> {
    const h = request.headers;
    const sender = typeof h['comity-sender'] === 'string' ? h['comity-sender'] : '';
    const createdAt = typeof h['comity-created-at'] === 'string' ? h['comity-created-at'] : '';
    const signature = typeof h['comity-signature'] === 'string' ? h['comity-signature'] : '';
    const params = request.params as { transferId?: string; index?: string };
    const index = method === 'PUT' ? Number(params.index) : null;
    if (!sender || !createdAt || !signature || !params.transferId || (index !== null && !Number.isSafeInteger(index))) {
      sendProblem(reply, 400, 'envelope_malformed', `A transfer request carries ${AUTH_HEADERS}.`, { retryable: false });
      return null;
    }
    const peer = await findPeer(deps.db, sender.slice(0, 130));
    if (!peer) {
      sendProblem(reply, 403, 'unknown_sender', 'The sending node is not a peer of this node.', { retryable: true });
      return null;
    }
    const claims = transferRequestClaims({ method, sender, recipient: runtime.selfNodeId, transferId: params.transferId, index, createdAt });
    if (!verifyTransferRequest(peer.signing_key, claims, signature)) {
      sendProblem(reply, 401, 'bad_signature', 'The signature does not verify with the sending node’s key on record.', { retryable: true });
      return null;
    }
    if (peer.status !== 'active') {
      sendProblem(reply, 403, peer.status === 'revoked' ? 'peer_revoked' : 'peer_suspended', `The sending node is ${peer.status} on this node.`, { retryable: peer.status !== 'revoked' });
      return null;
    }
    const at = Date.parse(createdAt);
    if (!Number.isFinite(at) || Math.abs(deps.now().getTime() - at) > runtime.settings.windowMs) {
      sendProblem(reply, 400, 'message_stale', 'comity-created-at is outside this node’s window; check the clocks.', { retryable: true });
      return null;
    }
    return sender;
  }

  function refused(reply: FastifyReply, err: unknown): FastifyReply {
    if (err instanceof ChunkRefusedError) return sendProblem(reply, 422, err.code, err.message, { retryable: err.retryable });
    if (err instanceof DomainError) {
      const status = err.code === 'transfer_not_found' ? 404 : err.code === 'transfer_refused' ? 409 : 422;
      return sendProblem(reply, status, err.code, err.message, { retryable: false });
    }
    throw err;
  }

  await app.register(async (scope) => {
    // Chunk bodies are bytes; this parser only exists inside this scope.
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_TRANSFER_CHUNK + GCM_TAG_BYTES }, (_req, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/federation/v1/transfers/:transferId',
      {
        config: { access: 'public', ownTextCheck: true, policy: 'none' },
        schema: {
          tags: ['federation'],
          summary: 'What this node holds of an evidence transfer from the calling peer (signed request)',
          description: `Called by the sending node, signed in ${AUTH_HEADERS}: the chunks still missing, or the transfer's end (accepted, refused with the reason).`,
          security: [],
          params: Params,
          response: { 200: TransferStatus },
        },
      },
      async (request, reply) => {
        const sender = await authenticate(request, reply, 'GET');
        if (!sender) return reply;
        try {
          return await transferStatus(runtime, sender, request.params.transferId);
        } catch (err) {
          return refused(reply, err);
        }
      },
    );

    r.put(
      '/federation/v1/transfers/:transferId/chunks/:index',
      {
        config: { access: 'public', ownTextCheck: true, policy: 'none' },
        bodyLimit: MAX_TRANSFER_CHUNK + GCM_TAG_BYTES,
        // The signature is checked before the body is read.
        onRequest: async (request, reply) => {
          const sender = await authenticate(request, reply, 'PUT');
          if (!sender) return reply;
          (request as FastifyRequest & { transferSender?: string }).transferSender = sender;
        },
        schema: {
          tags: ['federation'],
          summary: 'One chunk of an evidence transfer from the calling peer (binary, signed request)',
          description:
            `Body: application/octet-stream, the chunk encrypted with AES-256-GCM under the transfer's content key (ciphertext then 16-byte tag). Signed in ${AUTH_HEADERS}. ` +
            '422 chunk_rejected (retryable: not stored), chunk_digest_mismatch (the transfer is refused), 409 transfer_refused, 404 transfer_not_found.',
          security: [],
          params: ChunkParams,
          response: { 200: TransferChunkAccepted },
        },
      },
      async (request, reply) => {
        const sender = (request as FastifyRequest & { transferSender?: string }).transferSender!;
        const body = request.body;
        if (!Buffer.isBuffer(body)) return sendProblem(reply, 415, 'unsupported_media_type', 'A chunk is sent as application/octet-stream.', { retryable: false });
        try {
          return await receiveChunk(runtime, receiver, sender, request.params.transferId, request.params.index, body);
        } catch (err) {
          return refused(reply, err);
        }
      },
    );
  });
}
