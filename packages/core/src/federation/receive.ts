// The receiving side's checks, in the order the protocol fixes: recipient, sender trust, signature,
// freshness, type. Each failure has a stable reason code; the sender learns whether trying again
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
  constructor(reason: RejectionReason, detail?: string, details?: Record<string, unknown>) {
    super(reason, detail ?? REJECTION_REASONS[reason].message, { retryable: REJECTION_REASONS[reason].retryable, ...details });
    this.reason = reason;
    this.retryable = REJECTION_REASONS[reason].retryable;
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

/**
 * Runs the checks up to (not including) replay detection. Throws `EnvelopeRejectedError` with the
 * first failing reason; nothing from the envelope is trusted before the signature held.
 */
export function checkIncomingEnvelope(ctx: {
  envelope: { header: EnvelopeHeader; encrypted: SealedPayload; signature: EnvelopeSignature };
  selfNodeId: string;
  peer: PeerTrust | undefined;
  verify: KeyVerify;
  now: Date;
  windowMs: number;
}): MessageType {
  const { header, encrypted, signature } = ctx.envelope;
  if (header.recipient !== ctx.selfNodeId) {
    throw new EnvelopeRejectedError('wrong_recipient', `The envelope is addressed to ${header.recipient}; this is ${ctx.selfNodeId}.`);
  }
  const peer = ctx.peer;
  if (!peer || peer.nodeId !== header.sender) throw new EnvelopeRejectedError('unknown_sender', `Node ${header.sender} is not a trusted peer of this node.`);
  if (peer.status === 'revoked') throw new EnvelopeRejectedError('peer_revoked');
  if (peer.status === 'suspended') throw new EnvelopeRejectedError('peer_suspended');
  if (Date.parse(peer.validUntil) <= ctx.now.getTime()) throw new EnvelopeRejectedError('peer_card_expired');
  if (
    signature.alg !== SIGNATURE_ALGORITHM ||
    signature.keyId !== peer.signingKeyId ||
    !ctx.verify(peer.signingKey, envelopeSigningText(header, encrypted), signature.value)
  ) {
    throw new EnvelopeRejectedError('bad_signature');
  }
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
