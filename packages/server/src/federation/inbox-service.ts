// Receiving an envelope, in the protocol's order: parse; sender known and signature valid with the
// key on record (before anything about the sender's standing is said); recipient; standing; message
// id not seen (a replay gets the original receipt, however old); card current; freshness; decrypt;
// the type's use case; a signed receipt. The inbox row, the use case's effects and the audit entry commit in one
// transaction, so a crash at any point leaves either all of them or none, and the sender retries.
import { DomainError, type JsonValue } from '@comity/core';
import {
  type Envelope as CoreEnvelope,
  EnvelopeRejectedError,
  type Receipt,
  type SignedReceipt,
  authenticateEnvelope,
  checkStanding,
  checkTimeliness,
  envelopeAad,
  signReceipt,
} from '@comity/core/federation/index';
import { Envelope } from '@comity/contract/federation';
import { findInboxMessage, findPeer, inboxSequenceState, insertInboxMessage } from '@comity/db/repos/federation-repo';
import { auditedTransaction } from '../deps.ts';
import { findBadText } from '../http/text-boundary.ts';
import { keyId, openSealedPayload, sha256HexOf, verifyWithRawKey } from './envelope-crypto.ts';
import { authorityOrganisation } from './node-card-service.ts';
import type { FederationRuntime } from './runtime.ts';

export interface InboxOutcome {
  receipt: SignedReceipt;
  duplicate: boolean;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /duplicate key value/.test(e?.message ?? '');
}

export function parseEnvelope(body: unknown): CoreEnvelope {
  const parsed = Envelope.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'not an envelope';
    throw new EnvelopeRejectedError('envelope_malformed', `The body is not a version-1 federation envelope (${where}).`);
  }
  // Text the node would store or audit must be well-formed Unicode without NUL (the API's rule).
  const bad = findBadText(parsed.data, '');
  if (bad) throw new EnvelopeRejectedError('envelope_malformed', `The envelope holds ${bad.reason === 'nul' ? 'a NUL character' : 'a lone UTF-16 surrogate'} at ${bad.pointer}.`);
  return parsed.data as CoreEnvelope;
}

export async function receiveEnvelope(runtime: FederationRuntime, body: unknown, requestId: string): Promise<InboxOutcome> {
  const envelope = parseEnvelope(body);
  const peer = await findPeer(runtime.deps.db, envelope.header.sender);
  const trust = authenticateEnvelope({
    envelope,
    peer: peer
      ? { nodeId: peer.node_id, status: peer.status, signingKey: peer.signing_key, signingKeyId: keyId(peer.signing_key), validUntil: new Date(peer.valid_until).toISOString() }
      : undefined,
    verify: verifyWithRawKey,
  });
  try {
    return await receiveAuthenticated(runtime, envelope, peer!, trust, requestId);
  } catch (err) {
    // From here on the sender proved who it is: its rejections are worth an audit entry.
    if (err instanceof EnvelopeRejectedError) err.authenticatedSender = trust.nodeId;
    throw err;
  }
}

async function receiveAuthenticated(
  runtime: FederationRuntime,
  envelope: CoreEnvelope,
  peer: NonNullable<Awaited<ReturnType<typeof findPeer>>>,
  trust: ReturnType<typeof authenticateEnvelope>,
  requestId: string,
): Promise<InboxOutcome> {
  const { deps } = runtime;
  const { header } = envelope;
  checkStanding({ envelope, selfNodeId: runtime.selfNodeId, peer: trust });
  // Duplicates before freshness: a message processed before gets its original receipt whatever its
  // createdAt, so a sender re-posting a stored envelope after the window is not refused forever.
  const seen = await findInboxMessage(deps.db, header.messageId);
  if (seen) return replayOutcome(seen.sender_node_id, seen.receipt as SignedReceipt, header.sender);
  checkTimeliness({ envelope, peer: trust, now: deps.now(), windowMs: runtime.settings.windowMs });

  const keys = [deps.keys.encryptionPrivate, ...(deps.keys.previous ?? []).map((k) => k.encryptionPrivate)];
  const plaintext = openSealedPayload(envelope.encrypted, envelopeAad(header), keys);
  let payload: unknown;
  try {
    payload = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw new EnvelopeRejectedError('payload_invalid', 'The decrypted payload is not JSON.');
  }
  const badText = findBadText(payload, '');
  if (badText) {
    throw new EnvelopeRejectedError('payload_invalid', `${header.type} payload: ${badText.reason === 'nul' ? 'a NUL character' : 'a lone UTF-16 surrogate'} at ${badText.pointer}.`);
  }
  const handler = runtime.handlers.get(header.type);
  if (!handler) throw new EnvelopeRejectedError('unsupported_type', `This node has no use case for "${header.type}" messages.`);
  let parsed: never;
  try {
    parsed = handler.parse(payload) as never;
  } catch (err) {
    const first = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
    throw new EnvelopeRejectedError('payload_invalid', first ? `${header.type} payload, ${first.path.join('.') || '(root)'}: ${first.message}` : undefined);
  }
  const payloadSha256 = sha256HexOf(plaintext);
  const recipientOrganisationId = (await authorityOrganisation(deps.db, deps.config))?.id ?? null;
  try {
    return await auditedTransaction(deps, { actor: null, requestId, organisationId: recipientOrganisationId }, async (trx, audit) => {
      const raced = await findInboxMessage(trx, header.messageId);
      if (raced) return replayOutcome(raced.sender_node_id, raced.receipt as SignedReceipt, header.sender);
      let outcome: Awaited<ReturnType<typeof handler.handle>>;
      try {
        outcome = await handler.handle({ trx, header, payload: parsed, peer: peer!, recipientOrganisationId, audit, runtime });
      } catch (err) {
        if (err instanceof EnvelopeRejectedError) throw err;
        if (err instanceof DomainError) throw new EnvelopeRejectedError('payload_rejected', err.message, { cause: err.code });
        throw err;
      }
      const receivedAt = deps.now().toISOString();
      const receipt: Receipt = {
        v: 1,
        type: 'receipt',
        messageId: header.messageId,
        conversationId: header.conversationId,
        sender: header.sender,
        recipient: runtime.selfNodeId,
        receivedAt,
        payloadSha256,
        outcome: 'accepted',
        result: outcome.result ?? {},
      };
      const signed = signReceipt(runtime.envelopeSigner(), receipt);
      const sequenceFlag = await sequenceFlagOf(trx, header);
      await insertInboxMessage(trx, {
        messageId: header.messageId,
        senderNodeId: header.sender,
        recipientOrganisationId: outcome.recipientOrganisationId ?? recipientOrganisationId,
        type: header.type,
        conversationId: header.conversationId,
        inReplyTo: header.inReplyTo,
        marking: header.marking,
        header,
        payload: outcome.keepPayload ? (payload as JsonValue) : null,
        payloadSha256,
        receipt: signed,
        receivedAt: new Date(receivedAt),
        sequence: header.sequence ?? null,
        sequenceFlag,
      });
      audit('federation.message.receive', `message:${header.messageId}`, {
        type: header.type,
        sender: header.sender,
        conversationId: header.conversationId,
        inReplyTo: header.inReplyTo,
        marking: header.marking,
        payloadSha256,
        ...(header.sequence !== undefined ? { sequence: header.sequence } : {}),
        ...(sequenceFlag ? { sequenceFlag } : {}),
      });
      return { receipt: signed, duplicate: false };
    });
  } catch (err) {
    // Two deliveries of one message raced on PostgreSQL: the other one won; answer as a replay.
    if (isUniqueViolation(err)) {
      const seenNow = await findInboxMessage(deps.db, header.messageId);
      if (seenNow) return replayOutcome(seenNow.sender_node_id, seenNow.receipt as SignedReceipt, header.sender);
    }
    throw err;
  }
}

/**
 * Accept and flag: a message whose sequence is not the next one of its conversation is processed
 * all the same and marked — 'gap' when numbers are missing before it (a message the sender's
 * operator skipped, or one still to come), 'late' when it is at or below one already received. The
 * sender sends one message of a conversation at a time, so holding messages back here would only
 * stall a conversation on something the sender has already decided. File chunks carry the number
 * of the message they belong to and are not counted.
 */
async function sequenceFlagOf(trx: Parameters<typeof inboxSequenceState>[0], header: CoreEnvelope['header']): Promise<'gap' | 'late' | null> {
  if (header.sequence === undefined || header.type === 'attachment.chunk') return null;
  const { highest, received } = await inboxSequenceState(trx, header.sender, header.conversationId);
  if (highest === null) return received === 0 && header.sequence > 1 ? 'gap' : null;
  if (header.sequence <= highest) return 'late';
  return header.sequence > highest + 1 ? 'gap' : null;
}

function replayOutcome(storedSender: string, receipt: SignedReceipt, sender: string): InboxOutcome {
  // A message id reused by another node is not a replay of that node's message.
  if (storedSender !== sender) throw new EnvelopeRejectedError('envelope_malformed', 'This message id was already used by another node.');
  return { receipt, duplicate: true };
}
