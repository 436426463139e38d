// The receiving side's checks, in the order the protocol fixes: sender known and signature valid
// (before anything else is said), recipient and standing, then card validity, freshness, type. Each failure has a stable reason code; the sender learns whether trying again
// could help. Replay detection, decryption and the use case follow in the server, in one transaction.
import { DomainError } from '../shared/errors.ts';
import { type EnvelopeHeader, MESSAGE_TYPES, type MessageType, SIGNATURE_ALGORITHM, type SealedPayload, type EnvelopeSignature, envelopeSigningText } from './envelope.ts';
import type { KeyVerify } from './node-card.ts';
import type { PeerStatus } from './peer.ts';

export const REJECTION_REASONS = {
  envelope_malformed: { retryable: false, message: 'The body is not a federation envelope of a version this node reads.' },
  wrong_recipient: { retryable: false, message: 'The envelope is addressed to another node.' },
  unknown_sender: { retryable: true, message: 'The sending node is not a trusted peer of this node.' },
  peer_suspended: { retryable: true, message: 'The sending node is suspended by this node’s administrator.' },
  peer_revoked: { retryable: false, message: 'The sending node was revoked by this node’s administrator.' },
  peer_card_expired: { retryable: true, message: 'The sending node’s card has expired on this node; it must send a current card.' },
  bad_signature: { retryable: true, message: 'The signature does not verify with the sending node’s key.' },
  message_stale: { retryable: true, message: 'The envelope’s createdAt is outside the accepted time window (check the clocks).' },
  unsupported_type: { retryable: false, message: 'This node does not handle messages of this type.' },
  decryption_failed: { retryable: true, message: 'The payload could not be decrypted with this node’s keys.' },
  payload_invalid: { retryable: false, message: 'The decrypted payload does not match the schema of its type.' },
  payload_rejected: { retryable: false, message: 'The receiving use case refused the message.' },
} as const satisfies Record<string, { retryable: boolean; message: string }>;

export type RejectionReason = keyof typeof REJECTION_REASONS;

export function isRejectionReason(code: string): code is RejectionReason {
  return Object.hasOwn(REJECTION_REASONS, code);
}

/** The envelope was refused; `code` is the reason the receiver reports. */
export class EnvelopeRejectedError extends DomainError {
  readonly reason: RejectionReason;
  readonly retryable: boolean;
  /**
   * The peer whose key verified the envelope before this rejection, if any. Only such rejections
   * are worth an audit entry; the rest came from anybody and are counted, not recorded one by one.
   */
  authenticatedSender: string | undefined;
  constructor(reason: RejectionReason, detail?: string, details?: Record<string, unknown>) {
    super(reason, detail ?? REJECTION_REASONS[reason].message, { retryable: REJECTION_REASONS[reason].retryable, ...details });
    this.reason = reason;
    this.retryable = REJECTION_REASONS[reason].retryable;
    this.authenticatedSender = undefined;
  }
}

/** What the receiver knows of the sending peer. */
export interface PeerTrust {
  nodeId: string;
  status: PeerStatus;
  /** Raw Ed25519 public key, base64url, and its key id. */
  signingKey: string;
  signingKeyId: string;
  validUntil: string;
}

type IncomingEnvelope = { header: EnvelopeHeader; encrypted: SealedPayload; signature: EnvelopeSignature };

/**
 * Step 1: is the sender a node we know, and does the signature verify with the key on record? A
 * forged envelope learns nothing beyond "unknown" or "bad signature" — not whether the node id is
 * suspended, revoked or expired here, nor whether it was addressed correctly.
 */
export function authenticateEnvelope(ctx: { envelope: IncomingEnvelope; peer: PeerTrust | undefined; verify: KeyVerify }): PeerTrust {
  const { header, encrypted, signature } = ctx.envelope;
  const peer = ctx.peer;
  if (!peer || peer.nodeId !== header.sender) throw new EnvelopeRejectedError('unknown_sender', `Node ${header.sender} is not a trusted peer of this node.`);
  if (
    signature.alg !== SIGNATURE_ALGORITHM ||
    signature.keyId !== peer.signingKeyId ||
    !ctx.verify(peer.signingKey, envelopeSigningText(header, encrypted), signature.value)
  ) {
    throw new EnvelopeRejectedError('bad_signature');
  }
  return peer;
}

/** Step 2, for an authenticated envelope: addressed to this node, from a peer in good standing. */
export function checkStanding(ctx: { envelope: IncomingEnvelope; selfNodeId: string; peer: PeerTrust }): void {
  const { header } = ctx.envelope;
  if (header.recipient !== ctx.selfNodeId) {
    throw new EnvelopeRejectedError('wrong_recipient', `The envelope is addressed to ${header.recipient}; this is ${ctx.selfNodeId}.`);
  }
  if (ctx.peer.status === 'revoked') throw new EnvelopeRejectedError('peer_revoked');
  if (ctx.peer.status === 'suspended') throw new EnvelopeRejectedError('peer_suspended');
}

/**
 * Step 3, after the message id was found new (a message processed before is answered with its
 * original receipt whatever its age): the peer's card is current, the envelope fresh, the type
 * known. A `node.card` is let through an expired card: it is how the peer renews it, and it was
 * signed by the key on record.
 */
export function checkTimeliness(ctx: { envelope: IncomingEnvelope; peer: PeerTrust; now: Date; windowMs: number }): MessageType {
  const { header } = ctx.envelope;
  if (header.type !== 'node.card' && Date.parse(ctx.peer.validUntil) <= ctx.now.getTime()) throw new EnvelopeRejectedError('peer_card_expired');
  const created = Date.parse(header.createdAt);
  const skew = ctx.now.getTime() - created;
  if (!Number.isFinite(created) || Math.abs(skew) > ctx.windowMs) {
    throw new EnvelopeRejectedError(
      'message_stale',
      `The envelope was sealed at ${header.createdAt}; this node accepts ±${Math.round(ctx.windowMs / 1000)} s around ${ctx.now.toISOString()}.`,
    );
  }
  if (!(MESSAGE_TYPES as readonly string[]).includes(header.type)) throw new EnvelopeRejectedError('unsupported_type', `This node does not handle "${header.type}".`);
  return header.type;
}

/**
 * All three steps for a message not seen before (the server looks the message id up between steps
 * 2 and 3). Throws `EnvelopeRejectedError` with the first failing reason; nothing from the envelope
 * is trusted before the signature held.
 */
export function checkIncomingEnvelope(ctx: {
  envelope: IncomingEnvelope;
  selfNodeId: string;
  peer: PeerTrust | undefined;
  verify: KeyVerify;
  now: Date;
  windowMs: number;
}): MessageType {
  const peer = authenticateEnvelope(ctx);
  checkStanding({ ...ctx, peer });
  return checkTimeliness({ ...ctx, peer });
}
