// Receiving an envelope, in the protocol's order: parse; recipient; sender trusted; signature;
// freshness; message id not seen (a replay gets the original receipt); decrypt; the type's use
// case; a signed receipt. The inbox row, the use case's effects and the audit entry commit in one
// transaction, so a crash at any point leaves either all of them or none, and the sender retries.
import { DomainError, type JsonValue } from '@comity/core';
import {
  type Envelope as CoreEnvelope,
  EnvelopeRejectedError,
  type Receipt,
  type SignedReceipt,
  checkIncomingEnvelope,
  envelopeAad,
  signReceipt,
} from '@comity/core/federation/index';
import { Envelope } from '@comity/contract/federation';
import { findInboxMessage, findPeer, insertInboxMessage } from '@comity/db/repos/federation-repo';
import { auditedTransaction } from '../deps.ts';
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
  return parsed.data as CoreEnvelope;
}

export async function receiveEnvelope(runtime: FederationRuntime, body: unknown, requestId: string): Promise<InboxOutcome> {
  const { deps } = runtime;
  const envelope = parseEnvelope(body);
  const { header } = envelope;
  const peer = await findPeer(deps.db, header.sender);
  checkIncomingEnvelope({
    envelope,
    selfNodeId: runtime.selfNodeId,
    peer: peer
      ? { nodeId: peer.node_id, status: peer.status, signingKey: peer.signing_key, signingKeyId: keyId(peer.signing_key), validUntil: new Date(peer.valid_until).toISOString() }
      : undefined,
    verify: verifyWithRawKey,
    now: deps.now(),
    windowMs: runtime.settings.windowMs,
  });
  const seen = await findInboxMessage(deps.db, header.messageId);
  if (seen) return replayOutcome(seen.sender_node_id, seen.receipt as SignedReceipt, header.sender);

  const keys = [deps.keys.encryptionPrivate, ...(deps.keys.previous ?? []).map((k) => k.encryptionPrivate)];
  const plaintext = openSealedPayload(envelope.encrypted, envelopeAad(header), keys);
  let payload: unknown;
  try {
    payload = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw new EnvelopeRejectedError('payload_invalid', 'The decrypted payload is not JSON.');
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
      });
      audit('federation.message.receive', `message:${header.messageId}`, {
        type: header.type,
        sender: header.sender,
        conversationId: header.conversationId,
        inReplyTo: header.inReplyTo,
        marking: header.marking,
        payloadSha256,
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

function replayOutcome(storedSender: string, receipt: SignedReceipt, sender: string): InboxOutcome {
  // A message id reused by another node is not a replay of that node's message.
  if (storedSender !== sender) throw new EnvelopeRejectedError('envelope_malformed', 'This message id was already used by another node.');
  return { receipt, duplicate: true };
}
