// Peers: importing a signed node card after the fingerprint was confirmed out of band, following
// a peer's card refreshes and key rotations, suspending and revoking, the directory of counterpart
// authorities, and announcing this node's own card to its peers when it changes.
import { randomBytes, randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '@comity/core';
import {
  type CardAssessment,
  type PeerAction,
  type PeerStatus,
  type SignedNodeCard,
  assessCard,
  sameFingerprint,
  transitionPeer,
  uuidv7,
} from '@comity/core/federation/index';
import type { Database } from '@comity/db';
import {
  type DirectoryFilter,
  type PeerRow,
  type PeerValues,
  findPeer,
  findPeerForUpdate,
  insertOutbox,
  insertPeer,
  listPeers,
  outboxCountsByPeer,
  searchDirectory,
  setPeerAnnounced,
  setPeerStatus,
  updatePeerCard,
} from '@comity/db/repos/federation-repo';
import type { Kysely } from 'kysely';
import { type Actor, type AuditFn, auditedTransaction } from '../deps.ts';
import { isLowOrderX25519, rawKeyFingerprint, verifyWithRawKey } from './envelope-crypto.ts';
import { checkPeerEndpoint } from './federation-config.ts';
import { cardDigest, ownSignedCard } from './node-card-service.ts';
import type { FederationRuntime } from './runtime.ts';

interface Who {
  actor: Actor | null;
  requestId: string | null;
}

export function newMessageId(now: Date): string {
  return uuidv7(now.getTime(), randomBytes(10));
}

export function peerValuesFromCard(signed: SignedNodeCard): PeerValues {
  const { card } = signed;
  if (isLowOrderX25519(card.keys.encryption.publicKey)) {
    throw new ValidationError('card_key_invalid', 'The card’s encryption key is a low-order X25519 point: anything sealed to it could be read by anyone. Ask the peer for a correct card.');
  }
  return {
    nodeId: card.nodeId,
    authorityName: card.authority.name,
    country: card.authority.state,
    kind: card.authority.kind,
    endpoint: card.endpoint.replace(/\/+$/, ''),
    signingKey: card.keys.signing.publicKey,
    encryptionKey: card.keys.encryption.publicKey,
    signingFingerprint: rawKeyFingerprint(card.keys.signing.publicKey),
    encryptionFingerprint: rawKeyFingerprint(card.keys.encryption.publicKey),
    requestTypes: card.accepts.requestTypes,
    languages: card.accepts.languages,
    validFrom: card.validFrom,
    validUntil: card.validUntil,
    card: signed,
  };
}

function checkEndpoint(runtime: FederationRuntime, endpoint: string): void {
  const problem = checkPeerEndpoint(endpoint, runtime.settings.allowPlainHttp);
  if (problem) throw new ValidationError('endpoint_not_allowed', `The card's endpoint ${endpoint} is refused: ${problem}.`);
}

export interface CardPreviewView {
  nodeId: string;
  authority: { name: string; state: string; kind: string };
  endpoint: string;
  signingFingerprint: string;
  encryptionFingerprint: string;
  validUntil: string;
  assessment: CardAssessment['kind'];
  currentStatus: PeerStatus | null;
}

/** What the administrator must check before trusting the card; changes nothing. */
export async function previewCard(runtime: FederationRuntime, signed: SignedNodeCard): Promise<CardPreviewView> {
  const known = await findPeer(runtime.deps.db, signed.card.nodeId);
  const assessment = assessCard(signed, {
    verify: verifyWithRawKey,
    now: runtime.deps.now(),
    known: known ? { nodeId: known.node_id, signingKey: known.signing_key } : undefined,
    selfNodeId: runtime.selfNodeId,
  });
  checkEndpoint(runtime, signed.card.endpoint);
  const v = peerValuesFromCard(signed);
  return {
    nodeId: v.nodeId,
    authority: signed.card.authority,
    endpoint: v.endpoint,
    signingFingerprint: v.signingFingerprint,
    encryptionFingerprint: v.encryptionFingerprint,
    validUntil: v.validUntil,
    assessment: assessment.kind,
    currentStatus: known?.status ?? null,
  };
}

/**
 * Trusts a peer. A new node needs the signing-key fingerprint confirmed with its operator; a known
 * node's refreshed card, or a rotated card endorsed by the key we trust, is taken as an update.
 */
export async function addPeer(
  runtime: FederationRuntime,
  who: Who,
  input: { card: SignedNodeCard; confirmFingerprint?: string | undefined; confirmed?: boolean },
): Promise<{ peer: PeerRow; assessment: CardAssessment['kind'] }> {
  const { deps } = runtime;
  const signed = input.card;
  checkEndpoint(runtime, signed.card.endpoint);
  const values = peerValuesFromCard(signed);
  return auditedTransaction(deps, who, async (trx, audit) => {
    const known = await findPeerForUpdate(trx, values.nodeId);
    const assessment = assessCard(signed, {
      verify: verifyWithRawKey,
      now: deps.now(),
      known: known ? { nodeId: known.node_id, signingKey: known.signing_key } : undefined,
      selfNodeId: runtime.selfNodeId,
    });
    if (known?.status === 'revoked') {
      throw new ConflictError('peer_revoked', `Node ${known.node_id} was revoked here; a revoked node is not trusted again.`);
    }
    const now = deps.now();
    if (assessment.kind === 'new') {
      const confirmed = input.confirmed === true || (input.confirmFingerprint !== undefined && sameFingerprint(input.confirmFingerprint, values.signingFingerprint));
      if (!confirmed) {
        throw new ValidationError(
          'fingerprint_mismatch',
          `The confirmed fingerprint does not match the card's signing key (${values.signingFingerprint}). Do not trust this card until its operator confirms the fingerprint.`,
        );
      }
      const peer = await insertPeer(trx, values, now);
      // The peer imported our card by hand; only later changes need announcing.
      const own = await ownSignedCard({ ...deps, db: trx }, runtime.settings, runtime.listenUrl).catch(() => null);
      if (own) await setPeerAnnounced(trx, peer.node_id, cardDigest(own.card), own.card.validUntil);
      audit('federation.peer.add', `peer:${peer.node_id}`, {
        authority: signed.card.authority,
        endpoint: values.endpoint,
        signingFingerprint: values.signingFingerprint,
        encryptionFingerprint: values.encryptionFingerprint,
        validUntil: values.validUntil,
      });
      for (const listener of runtime.peerTrustedListeners) await listener(trx, peer, audit);
      return { peer, assessment: assessment.kind };
    }
    const peer = await applyCardUpdate(trx, audit, known!, signed, assessment.kind, now);
    return { peer, assessment: assessment.kind };
  });
}

/** Records a refreshed or rotated card of a known peer (from an import or a node.card message). */
export async function applyCardUpdate(
  trx: Kysely<Database>,
  audit: AuditFn,
  known: PeerRow,
  signed: SignedNodeCard,
  kind: 'refresh' | 'rotation',
  now: Date,
): Promise<PeerRow> {
  const values = peerValuesFromCard(signed);
  const peer = await updatePeerCard(trx, values, now);
  audit(kind === 'rotation' ? 'federation.peer.rotate' : 'federation.peer.refresh', `peer:${peer.node_id}`, {
    authority: signed.card.authority,
    endpoint: values.endpoint,
    signingFingerprint: values.signingFingerprint,
    previousSigningFingerprint: known.signing_fingerprint,
    encryptionFingerprint: values.encryptionFingerprint,
    validUntil: values.validUntil,
  });
  return peer;
}

export async function changePeerStatus(runtime: FederationRuntime, who: Who, nodeId: string, action: PeerAction, reason: string): Promise<PeerRow> {
  const { deps } = runtime;
  const peer = await auditedTransaction(deps, who, async (trx, audit) => {
    const known = await findPeerForUpdate(trx, nodeId);
    if (!known) throw new NotFoundError('not_found', `No peer ${nodeId}.`);
    const next = transitionPeer(known.status, action);
    const now = deps.now();
    const updated = await setPeerStatus(trx, nodeId, next, reason, now);
    let failed = 0;
    if (next === 'revoked') {
      // Nothing more goes to a revoked node; queued messages fail visibly instead of waiting.
      const r = await trx
        .updateTable('outbox')
        .set({ state: 'failed', last_error: `The peer was revoked: ${reason}` })
        .where('recipient_node_id', '=', nodeId)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      failed = Number(r.numUpdatedRows);
    }
    if (next === 'active') {
      await trx.updateTable('outbox').set({ next_attempt_at: now }).where('recipient_node_id', '=', nodeId).where('state', '=', 'pending').execute();
    }
    audit(`federation.peer.${action}`, `peer:${nodeId}`, { from: known.status, to: next, reason, ...(failed ? { failedMessages: failed } : {}) });
    return updated;
  });
  runtime.wake();
  return peer;
}

export interface PeerView {
  nodeId: string;
  authority: { name: string; state: string; kind: string };
  endpoint: string;
  signingFingerprint: string;
  encryptionFingerprint: string;
  accepts: { requestTypes: string[]; languages: string[] };
  validFrom: string;
  validUntil: string;
  status: PeerStatus;
  /** Its card's validity ended: only a renewed card is accepted from it. */
  expired: boolean;
  statusReason: string | null;
  createdAt: string;
  updatedAt: string;
  outbox: { pending: number; failed: number };
}

export function presentPeer(p: PeerRow, counts?: { pending: number; failed: number }, now: Date = new Date()): PeerView {
  return {
    nodeId: p.node_id,
    authority: { name: p.authority_name, state: p.country, kind: p.kind },
    endpoint: p.endpoint,
    signingFingerprint: p.signing_fingerprint,
    encryptionFingerprint: p.encryption_fingerprint,
    accepts: { requestTypes: p.request_types as string[], languages: p.languages as string[] },
    validFrom: new Date(p.valid_from).toISOString(),
    validUntil: new Date(p.valid_until).toISOString(),
    status: p.status,
    expired: new Date(p.valid_until).getTime() <= now.getTime(),
    statusReason: p.status_reason,
    createdAt: new Date(p.created_at).toISOString(),
    updatedAt: new Date(p.updated_at).toISOString(),
    outbox: counts ?? { pending: 0, failed: 0 },
  };
}

export async function listPeerViews(db: Kysely<Database>, now: Date = new Date()): Promise<PeerView[]> {
  const [peers, counts] = await Promise.all([listPeers(db), outboxCountsByPeer(db)]);
  return peers.map((p) => presentPeer(p, counts.get(p.node_id), now));
}

export async function peerView(db: Kysely<Database>, nodeId: string, now: Date = new Date()): Promise<PeerView> {
  const p = await findPeer(db, nodeId);
  if (!p) throw new NotFoundError('not_found', `No peer ${nodeId}.`);
  return presentPeer(p, (await outboxCountsByPeer(db)).get(nodeId), now);
}

export async function directory(db: Kysely<Database>, f: DirectoryFilter) {
  const rows = await searchDirectory(db, f);
  return rows.map((p) => ({
    nodeId: p.node_id,
    name: p.authority_name,
    state: p.country,
    kind: p.kind,
    requestTypes: p.request_types as string[],
    languages: p.languages as string[],
  }));
}

/**
 * Queues this node's current card to every peer that has not had it yet (after a key rotation or a
 * change of name, endpoint or accepted types). Returns how many peers it was queued for.
 */
export async function announceOwnCard(runtime: FederationRuntime, who: Who = { actor: null, requestId: 'federation' }): Promise<number> {
  const { deps } = runtime;
  let own: SignedNodeCard;
  try {
    own = await ownSignedCard(deps, runtime.settings, runtime.listenUrl);
  } catch {
    return 0; // No authority or endpoint yet: nothing to announce.
  }
  const digest = cardDigest(own.card);
  // A peer gets the card when it changed, or when the copy it has runs out within the renewal
  // margin (or we do not know when it does): a card is renewed well before it expires.
  const renewBy = deps.now().getTime() + runtime.settings.cardRenewBeforeMs;
  const peers = (await listPeers(deps.db)).filter(
    (p) =>
      p.status !== 'revoked' &&
      (p.announced_card_digest !== digest || p.announced_card_valid_until === null || new Date(p.announced_card_valid_until).getTime() < renewBy),
  );
  if (peers.length === 0) return 0;
  await auditedTransaction(deps, who, async (trx, audit) => {
    const now = deps.now();
    for (const p of peers) {
      await insertOutbox(trx, {
        id: randomUUID(),
        messageId: newMessageId(now),
        conversationId: `node-card:${runtime.selfNodeId}`,
        type: 'node.card',
        senderOrganisationId: null,
        recipientOrganisationId: null,
        recipientNodeId: p.node_id,
        payload: { card: own },
        createdAt: now,
        marking: 'CLEAR',
      });
      await setPeerAnnounced(trx, p.node_id, digest, own.card.validUntil);
    }
    audit('federation.card.announce', `node:${runtime.selfNodeId}`, {
      peers: peers.map((p) => p.node_id),
      validUntil: own.card.validUntil,
      signingKey: own.card.keys.signing.publicKey,
      endorsed: own.endorsement !== undefined,
    });
  });
  runtime.wake();
  return peers.length;
}
