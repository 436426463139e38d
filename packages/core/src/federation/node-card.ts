// The node card: who runs a node (authority, State, kind), where it listens, its public keys and
// what it accepts, signed by the node. An administrator trusts a peer by importing its card and
// confirming the key fingerprint out of band; a rotated card is endorsed by the key it replaces.
import { canonicalJson, type JsonValue } from '../shared/canonical-json.ts';
import { ValidationError } from '../shared/errors.ts';

export const NODE_CARD_VERSION = 1 as const;

export interface NodeCard {
  v: typeof NODE_CARD_VERSION;
  nodeId: string;
  authority: { name: string; state: string; kind: string };
  /** Base URL of the node; the inbox is `${endpoint}/federation/v1/inbox`. */
  endpoint: string;
  keys: {
    /** Raw public keys, base64url. */
    signing: { alg: 'Ed25519'; publicKey: string };
    encryption: { alg: 'X25519'; publicKey: string };
  };
  accepts: { requestTypes: string[]; languages: string[] };
  issuedAt: string;
  validFrom: string;
  validUntil: string;
}

export interface SignedNodeCard {
  card: NodeCard;
  /** By `card.keys.signing`, over `cardSigningText(card)`, base64url. */
  signature: string;
  /** Present on a card that replaces keys: the previous signing key vouches for the new card. */
  endorsement?: { signingKey: string; signature: string } | undefined;
}

export function cardSigningText(card: NodeCard): string {
  return canonicalJson({ purpose: 'comity-node-card-v1', card } as unknown as JsonValue);
}

export function endorsementSigningText(card: NodeCard, previousSigningKey: string): string {
  return canonicalJson({ purpose: 'comity-node-card-rotation-v1', card, previousSigningKey } as unknown as JsonValue);
}

/** Verifies an Ed25519 signature (base64url) over UTF-8 text with a raw public key (base64url). */
export type KeyVerify = (publicKey: string, text: string, signature: string) => boolean;

/** What an administrator must see before trusting a card: the readable fingerprint of its signing key. */
export function formatFingerprint(sha256HexOfRawKey: string): string {
  return sha256HexOfRawKey
    .slice(0, 40)
    .match(/.{4}/g)!
    .join(' ');
}

/** Compares fingerprints as people type them: case, spaces and colons do not matter. */
export function sameFingerprint(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s:]/g, '');
  return norm(a).length >= 16 && norm(a) === norm(b);
}

export type CardAssessment =
  /** A node not known before: trust only after the fingerprint is confirmed. */
  | { kind: 'new' }
  /** The known node with its known signing key (a refreshed card). */
  | { kind: 'refresh' }
  /** The known node with a new signing key, endorsed by the key we trusted. */
  | { kind: 'rotation' };

/**
 * Checks a card's own signature and validity period, and how it relates to what we know of that
 * node. A card for a known node with a different key and no valid endorsement is refused: that is
 * exactly what an impostor would send.
 */
export function assessCard(
  signed: SignedNodeCard,
  ctx: { verify: KeyVerify; now: Date; known?: { nodeId: string; signingKey: string } | undefined; selfNodeId?: string },
): CardAssessment {
  const { card } = signed;
  if (!ctx.verify(card.keys.signing.publicKey, cardSigningText(card), signed.signature)) {
    throw new ValidationError('card_signature_invalid', 'The node card is not signed by the key it names; it was altered or is not a card.');
  }
  if (ctx.selfNodeId !== undefined && card.nodeId === ctx.selfNodeId) {
    throw new ValidationError('card_is_self', 'This is the card of this node itself; import the card of the other node.');
  }
  const now = ctx.now.getTime();
  if (Date.parse(card.validUntil) <= now) throw new ValidationError('card_expired', `The node card expired on ${card.validUntil}; ask the peer for a current one.`);
  if (Date.parse(card.validFrom) > now + 5 * 60_000) throw new ValidationError('card_not_yet_valid', `The node card is valid only from ${card.validFrom}.`);
  if (Date.parse(card.validFrom) >= Date.parse(card.validUntil)) throw new ValidationError('card_validity_invalid', 'The node card ends before it starts.');
  if (!ctx.known) return { kind: 'new' };
  if (ctx.known.nodeId !== card.nodeId) throw new ValidationError('card_node_mismatch', 'The card names another node.');
  if (card.keys.signing.publicKey === ctx.known.signingKey) return { kind: 'refresh' };
  const e = signed.endorsement;
  if (e && e.signingKey === ctx.known.signingKey && ctx.verify(e.signingKey, endorsementSigningText(card, e.signingKey), e.signature)) {
    return { kind: 'rotation' };
  }
  throw new ValidationError(
    'card_key_changed',
    'This card carries a new signing key that the key you trust did not endorse. Confirm the new fingerprint with the peer before trusting it.',
  );
}
