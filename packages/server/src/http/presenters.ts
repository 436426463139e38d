// Output shaping: database rows → API objects (no hashes, no counters leave the node).
import type { OrganisationRow, StoredAuditEntry, UserRow, UserSummaryRow } from '@comity/db';

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentOrganisation(o: OrganisationRow) {
  return { id: o.id, name: o.name, country: o.country, kind: o.kind as never, createdAt: iso(o.created_at) };
}

export function presentUser(u: UserSummaryRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as never,
    organisationId: u.organisation_id,
    disabled: u.disabled,
    mustChangePassword: u.must_change_password,
    createdAt: iso(u.created_at),
  };
}

export function presentSessionUser(u: UserRow, o: OrganisationRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as never,
    organisation: { id: o.id, name: o.name, country: o.country, kind: o.kind as never },
    mustChangePassword: u.must_change_password,
  };
}

export function presentAuditEntry(e: StoredAuditEntry) {
  return {
    seq: e.seq,
    at: e.at,
    actorId: e.actorId,
    actorEmail: e.actorEmail,
    organisationId: e.organisationId,
    action: e.action,
    target: e.target,
    requestId: e.requestId,
    digest: e.digest,
    hash: e.hash,
    change: e.change,
  };
}
