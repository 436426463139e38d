// Roles and permissions as data: one table, checked by every route through `can`/`assertCan`.
import { ForbiddenError } from '../shared/errors.ts';

export const ROLES = ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'node:read': ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'],
  'organisation:read': ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'],
  'organisation:manage': ['admin'],
  'user:read': ['admin', 'supervisor'],
  'user:manage': ['admin'],
  'audit:read': ['admin'],
  'audit:verify': ['admin', 'supervisor'],
  'settings:manage': ['admin'],
  'knowledge:curate': ['admin'],
  /** Approve this node's declared facts for publication (four eyes: not the one who prepared them). */
  'knowledge:facts:approve': ['admin', 'supervisor'],
  'request:read': ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'],
  'request:draft': ['supervisor', 'practitioner'],
  'request:approve': ['supervisor'],
  'request:transmit': ['supervisor', 'practitioner'],
  /** The requested side's actions: receive, execute, ask for more information, refuse, postpone. */
  'request:execute': ['supervisor', 'practitioner'],
  /** Service levels (e.g. acknowledge within N days) the organisation expects of its counterparts. */
  'request:configure': ['supervisor'],
  /** Peers (trust, suspension, revocation), this node's card and undeliverable messages. */
  'federation:manage': ['admin'],
  /** Authorities without a node that administrators add to the directory of requested authorities. */
  'authority:manage': ['admin'],
  /** Link open requests to an authority that joined with a node. */
  'request:link': ['admin', 'supervisor'],
  /** Ask an originator for a use outside its limitations, and answer such a question as originator. */
  'consent:ask': ['supervisor', 'practitioner'],
  'consent:answer': ['supervisor', 'practitioner'],
  /** The second pair of eyes on a consent question before it leaves, and on an answer. */
  'consent:approve': ['supervisor'],
  /** Denied attempts per user (the release policy's report). */
  'policy:report': ['admin', 'supervisor'],
  /** ICCS-coded counts of the organisation's seizures, incidents and requests (node administrators: of the node). */
  'statistics:read': ['admin', 'supervisor', 'analyst'],
  /** Send the organisation's aggregated statistics (never records) to a peer node under a marking. */
  'statistics:share': ['supervisor'],
  /** Cases (investigation files): reading is further limited to the team and the supervisors (core/src/cases/case.ts). */
  'case:read': ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'],
  'case:create': ['supervisor', 'practitioner', 'analyst'],
  /** Change a case, its team and its linked requests (as its lead or member, see mayWorkOnCase). */
  'case:edit': ['supervisor', 'practitioner', 'analyst'],
  'account:self': ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'],
  /** Evidence items of the organisation's cases and requests (the release policy still decides per item). */
  'evidence:read': ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'],
  /** Add items (upload, capture) and make working copies. */
  'evidence:add': ['supervisor', 'practitioner', 'analyst'],
  /** Seal and release an evidentiary original, and approve a download of a sealed one (four eyes). */
  'evidence:seal': ['supervisor'],
  /** Build a court package of items, cases and requests (each item's export is still the release policy's). */
  'evidence:export': ['supervisor', 'practitioner'],
  /** Stolen cultural property records of the organisation (the public check needs no sign-in). */
  'cultural:read': ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'],
  'cultural:edit': ['supervisor', 'practitioner', 'analyst'],
  /** Seizure and maritime-incident registries (a record of a case is further limited to those who may read the case). */
  'registry:read': ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'],
  'registry:edit': ['supervisor', 'practitioner', 'analyst'],
  /** Hit/no-hit between nodes: the hit inbox of the organisation, asking peers about a case's entities, revealing or declining. */
  'hits:read': ['admin', 'supervisor', 'practitioner', 'analyst'],
  'hits:query': ['supervisor', 'practitioner', 'analyst'],
  'hits:decide': ['supervisor', 'practitioner'],
  /** What this node offers each peer, and lifting a suspension. */
  'hits:offers': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Node administrators see every organisation; every other role sees its own organisation only. */
export const NODE_WIDE_ROLES: readonly Role[] = ['admin'];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new ForbiddenError('forbidden', 'You do not have permission for this action.');
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether an actor may see a record that belongs to `organisationId`. */
export function canSeeOrganisation(actor: { role: Role; organisationId: string }, organisationId: string): boolean {
  return NODE_WIDE_ROLES.includes(actor.role) || actor.organisationId === organisationId;
}
