// Federation over HTTP: the inbox peers POST envelopes to, this node's public card, and the API
// for administrators (peers, card profile, failed messages) and practitioners (directory, notes,
// messages of their organisation).
import { PublicConsistencyProof, PublicConsistencyQuery, WitnessedList, WitnessedParams } from '@comity/contract';
import { consistencyProofFromSize } from '../audit/audit-service.ts';
import { receiptProofFor } from '../audit/receipt-proof-service.ts';
import { NotFoundError } from '@comity/core';
import { EnvelopeRejectedError, type RejectionReason } from '@comity/core/federation/index';
import {
  AddPeerBody,
  CardPreview,
  CardPreviewBody,
  Directory,
  DirectoryQuery,
  Envelope,
  FederationMessageList,
  InboxAccepted,
  MessageParams,
  MessageQuery,
  Peer,
  PeerActionBody,
  PeerList,
  PeerParams,
  SendNoteBody,
  SentMessage,
  SignedNodeCard,
} from '@comity/contract/federation';
import { getSetting, putSetting } from '@comity/db';
import { findPeer } from '@comity/db/repos/federation-repo';
import { CHECKPOINT_HEADER, witnessCheckpoint, witnessedFor } from '../audit/witness-service.ts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../auth/authenticate.ts';
import { auditedTransaction } from '../deps.ts';
import type { Metrics } from '../http/metrics.ts';
import { errorHandler, sendProblem } from '../http/problem.ts';
import { LogSampler, WindowLimiter } from './inbox-limits.ts';
import { receiveEnvelope } from './inbox-service.ts';
import { PROFILE_SETTING, type StoredProfile, ownSignedCard } from './node-card-service.ts';
import { listMessages, retryMessage, sendNote, skipMessage } from './outbox-service.ts';
import { addPeer, announceOwnCard, changePeerStatus, directory, listPeerViews, peerView, previewCard } from './peers-service.ts';
import type { FederationRuntime } from './runtime.ts';

/** HTTP status of each rejection reason (the only place federation reasons meet HTTP). */
const REJECTION_STATUS: Record<RejectionReason, number> = {
  envelope_malformed: 400,
  wrong_recipient: 421,
  unknown_sender: 403,
  peer_suspended: 403,
  peer_revoked: 403,
  peer_card_expired: 403,
  bad_signature: 401,
  message_stale: 400,
  unsupported_type: 422,
  decryption_failed: 422,
  payload_invalid: 422,
  payload_rejected: 422,
};

const REJECTED_METRIC = 'comity_federation_inbox_rejected_total';
const REJECTED_HELP = 'Federation envelopes rejected, by reason and by whether the sender was authenticated first.';

const ProfileView = z.object({
  organisationId: z.uuid().nullable(),
  endpoint: z.string().nullable(),
  requestTypes: z.array(z.string()),
  languages: z.array(z.string()),
  card: SignedNodeCard.nullable(),
});
const UpdateProfileBody = z.strictObject({
  organisationId: z.uuid().optional(),
  endpoint: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  requestTypes: z.array(z.string().min(1).max(60)).max(50).optional(),
  languages: z.array(z.string().min(2).max(20)).max(50).optional(),
});

export async function federationRoutes(app: FastifyInstance, runtime: FederationRuntime, metrics?: Metrics): Promise<void> {
  const { deps } = runtime;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const perAddress = new WindowLimiter(runtime.settings.inboxRatePerAddress, 60_000);
  const perSender = new WindowLimiter(runtime.settings.inboxRatePerSender, 60_000);
  const sampler = new LogSampler();

  function tooMany(reply: FastifyReply, retryAfter: number, scope: 'address' | 'sender'): FastifyReply {
    metrics?.count('comity_federation_inbox_rate_limited_total', 'Federation inbox requests refused by the rate limit.', { scope });
    reply.header('retry-after', String(retryAfter));
    return sendProblem(reply, 429, 'rate_limited', `Too many envelopes from this ${scope === 'address' ? 'address' : 'sender'}; try again in ${retryAfter} s.`, {
      retryable: true,
      retryAfter,
    });
  }

  async function reject(request: FastifyRequest, reply: FastifyReply, err: EnvelopeRejectedError): Promise<FastifyReply> {
    const sender = err.authenticatedSender;
    if (sender === undefined) {
      // Nobody proved who sent this (malformed, unknown node, bad signature): anybody can send it
      // any number of times, so it is counted and logged by sample, never audited, and nothing it
      // claims is repeated (the reason and the address are all that is known for sure).
      metrics?.count(REJECTED_METRIC, REJECTED_HELP, { reason: err.reason, authenticated: 'false' });
      const { log, seen } = sampler.shouldLog(err.reason, Date.now());
      if (log) request.log.warn({ reason: err.reason, remoteAddress: request.ip, seenThisMinute: seen }, 'federation inbox rejected an unauthenticated envelope');
    } else {
      // A trusted peer's own envelope, refused: that is worth an entry. Every header field it
      // carries passed the envelope schema, so the message id and type are well-formed.
      const header = (request.body as { header: { messageId: string; type: string; conversationId: string } }).header;
      metrics?.count(REJECTED_METRIC, REJECTED_HELP, { reason: err.reason, authenticated: 'true' });
      request.log.warn({ reason: err.reason, messageId: header.messageId, sender }, `federation inbox rejected an envelope from a peer: ${err.message}`);
      await auditedTransaction(deps, { actor: null, requestId: String(request.id), organisationId: null }, async (_trx, audit) => {
        audit('federation.inbox.reject', `message:${header.messageId}`, {
          reason: err.reason,
          detail: err.message,
          sender,
          type: header.type,
          remoteAddress: request.ip,
        });
      }).catch((auditErr) => request.log.error({ err: auditErr }, 'could not audit an inbox rejection'));
    }
    return sendProblem(reply, REJECTION_STATUS[err.reason], err.reason, err.message, err.details ?? {});
  }

  r.post(
    '/federation/v1/inbox',
    {
      bodyLimit: runtime.settings.inboxBodyLimitBytes,
      // Signed by peers, not signed in: the receive pipeline authenticates, parses and checks the
      // text itself, so that every refusal carries one of the protocol's reason codes.
      config: { access: 'public', ownTextCheck: true },
      // The envelope is parsed by the receive pipeline, so that every failure gets its reason code.
      attachValidation: true,
      schema: {
        tags: ['federation'],
        summary: 'Receive a signed, end-to-end encrypted envelope from a peer node',
        description:
          '202 with the signed receipt when accepted (or, for a message id processed before, the original receipt with duplicate=true). ' +
          'Otherwise problem+json with a reason code: envelope_malformed, wrong_recipient, unknown_sender, peer_suspended, peer_revoked, ' +
          'peer_card_expired, bad_signature, message_stale, unsupported_type, decryption_failed, payload_invalid, payload_rejected; ' +
          '`retryable` says whether sending again could help. 429 rate_limited with Retry-After when one address or one claimed sender sends too many.',
        security: [],
        body: Envelope,
        response: { 202: InboxAccepted },
      },
      // The per-address limit runs before the body is read, so a flood costs little.
      onRequest: async (request, reply) => {
        const wait = perAddress.hit(request.ip, Date.now());
        if (wait !== null) return tooMany(reply, wait, 'address');
      },
      errorHandler: async (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
        if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
          return reject(request, reply, new EnvelopeRejectedError('envelope_malformed', 'The body is not JSON.'));
        }
        return errorHandler(err, request, reply);
      },
    },
    async (request, reply) => {
      const claimedSender = (request.body as { header?: { sender?: unknown } } | null)?.header?.sender;
      if (typeof claimedSender === 'string') {
        const wait = perSender.hit(claimedSender.slice(0, 130), Date.now());
        if (wait !== null) return tooMany(reply, wait, 'sender');
      }
      try {
        const outcome = await receiveEnvelope(runtime, request.body, String(request.id));
        if (outcome.duplicate) request.log.info({ messageId: outcome.receipt.receipt.messageId }, 'federation inbox: replay answered with the original receipt');
        // The sender's audit checkpoint, when it came with the envelope: verified, co-signed and kept.
        const checkpoint = request.headers[CHECKPOINT_HEADER];
        const sender = typeof checkpoint === 'string' ? await findPeer(runtime.deps.db, outcome.receipt.receipt.sender) : undefined;
        const witness = sender && typeof checkpoint === 'string' ? await witnessCheckpoint(runtime.deps, sender, checkpoint, runtime.settings.requestTimeoutMs) : undefined;
        // The proof that this node logged the message (not for file chunks: their message has its own).
        const type = (request.body as { header: { type: string } }).header.type;
        const auditProof = type === 'attachment.chunk' ? undefined : await receiptProofFor(runtime.deps, outcome.receipt.receipt.messageId);
        // The receipt's `result` is JSON by construction; the contract schema re-checks it on the way out.
        return reply.code(202).send({ ...outcome, ...(witness ? { witness } : {}), ...(auditProof ? { auditProof } : {}) } as z.infer<typeof InboxAccepted>);
      } catch (err) {
        if (err instanceof EnvelopeRejectedError) return reject(request, reply, err);
        throw err;
      }
    },
  );

  // ---- the audit log, for witnesses (public, hashes only) -----------------------------------------
  // What a witness needs from the node it witnesses, and what a node asks back from its witnesses.
  // Unauthenticated GETs that read the tree, so each client address (a peer is its address here)
  // gets `auditRatePerAddress` of them a minute, counted before anything is read.
  const perAuditClient = new WindowLimiter(runtime.settings.auditRatePerAddress, 60_000);
  const auditRateLimit = async (request: FastifyRequest, reply: FastifyReply) => {
    const wait = perAuditClient.hit(request.ip, Date.now());
    if (wait === null) return;
    metrics?.count('comity_federation_audit_rate_limited_total', 'Federation audit proof requests refused by the rate limit.', {});
    reply.header('retry-after', String(wait));
    return sendProblem(reply, 429, 'rate_limited', `Too many audit log requests from this address; try again in ${wait} s.`, { retryable: true, retryAfter: wait });
  };
  r.get(
    '/federation/v1/audit/consistency',
    {
      config: { access: 'public', policy: 'none' },
      onRequest: auditRateLimit,
      schema: {
        tags: ['federation'],
        summary: 'RFC 9162 consistency proof from any tree size to one of this node’s signed checkpoints (for witnesses)',
        description: '429 rate_limited with Retry-After when one address asks too often.',
        security: [],
        querystring: PublicConsistencyQuery,
        response: { 200: PublicConsistencyProof },
      },
    },
    async (request) => consistencyProofFromSize(deps.db, request.query),
  );
  r.get(
    '/federation/v1/audit/witnessed/:nodeId',
    {
      config: { access: 'public', policy: 'none' },
      onRequest: auditRateLimit,
      schema: {
        tags: ['federation'],
        summary: 'The checkpoints of a node this node witnessed and co-signed, newest first (for that node to check its log)',
        description: '429 rate_limited with Retry-After when one address asks too often.',
        security: [],
        params: WitnessedParams,
        response: { 200: WitnessedList },
      },
    },
    async (request) => ({ items: await witnessedFor(deps, request.params.nodeId) }),
  );

  r.get(
    '/federation/v1/card',
    {
      schema: {
        tags: ['federation'],
        summary: 'This node’s signed card (public; check its fingerprint with the operator before trusting it)',
        security: [],
        response: { 200: SignedNodeCard },
      },
    },
    async () => ownSignedCard(deps, runtime.settings, runtime.listenUrl),
  );

  // ---- peers (administrators) ---------------------------------------------------------------------

  r.get('/api/v1/peers', { config: { permission: 'federation:manage' }, schema: { tags: ['federation'], summary: 'Peer nodes this node trusts, suspended or revoked', response: { 200: PeerList } } }, async (request) => {
    requirePermission(request, 'federation:manage');
    return { items: await listPeerViews(deps.db, deps.now()) };
  });

  r.post(
    '/api/v1/peers/preview',
    { config: { permission: 'federation:manage' }, schema: { tags: ['federation'], summary: 'Check a node card and show its fingerprint (changes nothing)', body: CardPreviewBody, response: { 200: CardPreview } } },
    async (request) => {
      requirePermission(request, 'federation:manage');
      return previewCard(runtime, request.body.card);
    },
  );

  r.post(
    '/api/v1/peers',
    {
      config: { permission: 'federation:manage' },
      schema: {
        tags: ['federation'],
        summary: 'Trust a peer node: import its card with the fingerprint confirmed out of band (a known peer’s new card updates it)',
        body: AddPeerBody,
        response: { 201: Peer, 200: Peer },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'federation:manage');
      const { peer, assessment } = await addPeer(runtime, { actor, requestId: String(request.id) }, request.body);
      return reply.code(assessment === 'new' ? 201 : 200).send(await peerView(deps.db, peer.node_id, deps.now()));
    },
  );

  r.get('/api/v1/peers/:nodeId', { config: { permission: 'federation:manage' }, schema: { tags: ['federation'], summary: 'One peer', params: PeerParams, response: { 200: Peer } } }, async (request) => {
    requirePermission(request, 'federation:manage');
    return peerView(deps.db, request.params.nodeId, deps.now());
  });

  for (const action of ['suspend', 'resume', 'revoke'] as const) {
    r.post(
      `/api/v1/peers/:nodeId/${action}`,
      {
        config: { permission: 'federation:manage' },
        schema: {
          tags: ['federation'],
          summary:
            action === 'suspend'
              ? 'Suspend a peer: its messages are refused and nothing is sent to it until resumed'
              : action === 'resume'
                ? 'Resume a suspended peer'
                : 'Revoke a peer for good: its messages are refused and queued messages to it fail',
          params: PeerParams,
          body: PeerActionBody,
          response: { 200: Peer },
        },
      },
      async (request) => {
        const actor = requirePermission(request, 'federation:manage');
        await changePeerStatus(runtime, { actor, requestId: String(request.id) }, request.params.nodeId, action, request.body.reason);
        return peerView(deps.db, request.params.nodeId, deps.now());
      },
    );
  }

  // ---- this node's card profile -------------------------------------------------------------------

  async function profileView() {
    const stored = (await getSetting<StoredProfile>(deps.db, PROFILE_SETTING)) ?? {};
    const card = await ownSignedCard(deps, runtime.settings, runtime.listenUrl).catch(() => null);
    return {
      organisationId: stored.organisationId ?? null,
      endpoint: card?.card.endpoint ?? null,
      requestTypes: card?.card.accepts.requestTypes ?? stored.requestTypes ?? runtime.settings.requestTypes,
      languages: card?.card.accepts.languages ?? stored.languages ?? runtime.settings.languages,
      card,
    };
  }

  r.get('/api/v1/federation/profile', { config: { permission: 'federation:manage' }, schema: { tags: ['federation'], summary: 'What this node’s card says about it', response: { 200: ProfileView } } }, async (request) => {
    requirePermission(request, 'federation:manage');
    return profileView();
  });

  r.put(
    '/api/v1/federation/profile',
    {
      config: { permission: 'federation:manage' },
      schema: {
        tags: ['federation'],
        summary: 'Choose the authority (organisation) the card names, the public endpoint, accepted request types and languages; peers are sent the new card',
        body: UpdateProfileBody,
        response: { 200: ProfileView },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'federation:manage');
      const body = request.body;
      await auditedTransaction(deps, { actor, requestId: String(request.id) }, async (trx, audit) => {
        const before = (await getSetting<StoredProfile>(trx, PROFILE_SETTING)) ?? {};
        if (body.organisationId) {
          const org = await trx.selectFrom('organisations').select('id').where('id', '=', body.organisationId).executeTakeFirst();
          if (!org) throw new NotFoundError('not_found', 'No such organisation.');
        }
        const next: StoredProfile = { ...before };
        if (body.organisationId !== undefined) next.organisationId = body.organisationId;
        if (body.endpoint !== undefined) {
          if (body.endpoint === null) delete next.endpoint;
          else next.endpoint = body.endpoint.replace(/\/+$/, '');
        }
        if (body.requestTypes !== undefined) next.requestTypes = body.requestTypes;
        if (body.languages !== undefined) next.languages = body.languages;
        await putSetting(trx, PROFILE_SETTING, next);
        audit('federation.profile.update', 'node:card', { before, after: next });
      });
      await announceOwnCard(runtime, { actor, requestId: String(request.id) });
      return profileView();
    },
  );

  // ---- directory, notes, messages (practitioners) ----------------------------------------------------

  r.get(
    '/api/v1/directory',
    {
      config: { permission: 'node:read' },
      schema: {
        tags: ['federation'],
        summary: 'Counterpart authorities on trusted peer nodes (State, kind, accepted request types and languages); q searches name, State, kind',
        querystring: DirectoryQuery,
        response: { 200: Directory },
      },
    },
    async (request) => {
      requirePermission(request, 'node:read');
      return { items: await directory(deps.db, request.query) };
    },
  );

  r.post(
    '/api/v1/federation/notes',
    { config: { permission: 'request:transmit' }, schema: { tags: ['federation'], summary: 'Send a note to the authority on a peer node (signed, encrypted, delivered in order)', body: SendNoteBody, response: { 201: SentMessage } } },
    async (request, reply) => {
      const actor = requirePermission(request, 'request:transmit');
      const row = await sendNote(runtime, { actor, requestId: String(request.id) }, request.body);
      return reply.code(201).send({ messageId: row.message_id, conversationId: row.conversation_id, state: row.state === 'skipped' || row.state === 'refused' ? 'failed' : row.state });
    },
  );

  r.get(
    '/api/v1/federation/messages',
    {
      config: { permission: 'request:read' },
      schema: {
        tags: ['federation'],
        summary: 'Messages sent to and received from peer nodes (state, attempts, receipts); failed ones say why',
        querystring: MessageQuery,
        response: { 200: FederationMessageList },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'request:read');
      return { items: await listMessages(deps.db, actor, request.query) };
    },
  );

  r.post(
    '/api/v1/federation/messages/:messageId/retry',
    {
      config: { permission: 'federation:manage' },
      schema: {
        tags: ['federation'],
        summary: 'Send a failed message again (with the failed messages after it in its conversation)',
        params: MessageParams,
        response: { 200: z.object({ requeued: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'federation:manage');
      return { requeued: await retryMessage(runtime, { actor, requestId: String(request.id) }, request.params.messageId) };
    },
  );

  r.post(
    '/api/v1/federation/messages/:messageId/skip',
    {
      schema: {
        tags: ['federation'],
        summary: 'Give up a failed message so that its conversation goes on without it (the peer sees a gap in the sequence); the reason is audited',
        params: MessageParams,
        body: PeerActionBody,
        response: { 200: z.object({ requeued: z.number().int().describe('Messages after it that were waiting and now go out') }) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'federation:manage');
      return { requeued: await skipMessage(runtime, { actor, requestId: String(request.id) }, request.params.messageId, request.body.reason) };
    },
  );
}
