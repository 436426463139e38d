// A peer's trust state. Suspension is reversible (an incident being looked into); revocation is
// final — a revoked node must be introduced again with a fresh card and fingerprint check.
import { ConflictError } from '../shared/errors.ts';

export const PEER_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type PeerStatus = (typeof PEER_STATUSES)[number];

export const PEER_ACTIONS = ['suspend', 'resume', 'revoke'] as const;
export type PeerAction = (typeof PEER_ACTIONS)[number];

const NEXT: Record<PeerStatus, Partial<Record<PeerAction, PeerStatus>>> = {
  active: { suspend: 'suspended', revoke: 'revoked' },
  suspended: { resume: 'active', revoke: 'revoked' },
  revoked: {},
};

export function allowedPeerActions(status: PeerStatus): PeerAction[] {
  return Object.keys(NEXT[status]) as PeerAction[];
}

export function transitionPeer(status: PeerStatus, action: PeerAction): PeerStatus {
  const next = NEXT[status][action];
  if (!next) {
    const allowed = allowedPeerActions(status);
    throw new ConflictError('illegal_peer_transition', `A ${status} peer cannot be ${action === 'resume' ? 'resumed' : `${action}d`}.`, { allowed });
  }
  return next;
}
