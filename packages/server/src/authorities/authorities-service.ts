// Authorities an administrator adds to the directory: create, change (optimistic locking) and
// remove, each in one audited transaction. Requests already addressed to one keep their copy.
import { randomUUID } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@comity/core';
import type { CreateAuthorityBody, PatchAuthorityBody } from '@comity/contract/authorities';
import { deleteAuthority, findAuthority, insertAuthority, updateAuthority } from '@comity/db/repos/authorities-repo';
import { isKnownState } from '../accounts/states.ts';
import { auditedTransaction, type Actor, type AppDeps } from '../deps.ts';
import { fromAuthorityRow } from './directory.ts';

type Deps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now' | 'auditAnchor'>;
interface Who {
  actor: Actor | null;
  requestId: string | null;
}

function requireKnownState(state: string): void {
  if (!isKnownState(state)) throw new ValidationError('unknown_country', `"${state}" is not an ISO 3166 alpha-3 code known to this node.`, { field: 'state' });
}

function adminId(id: string): string {
  const m = /^(?:admin:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(id);
  if (!m?.[1]) throw new NotFoundError('not_found', 'No such authority added by an administrator.');
  return m[1].toLowerCase();
}

export async function createAuthority(deps: Deps, who: Who, body: CreateAuthorityBody) {
  if (!who.actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  requireKnownState(body.state);
  const now = deps.now();
  const row = await auditedTransaction(deps, who, async (trx, audit) => {
    const row = await insertAuthority(trx, {
      id: randomUUID(),
      name: body.name,
      state: body.state,
      address: body.address || null,
      channel: body.channel ?? null,
      languages: JSON.stringify(body.languages ?? []),
      email: body.email || null,
      notes: body.notes || null,
      created_by: who.actor?.userId ?? null,
      created_at: now,
      updated_at: now,
    });
    audit('authority.create', `authority:${row.id}`, { name: row.name, state: row.state, channel: row.channel, languages: body.languages ?? [] });
    return row;
  });
  return fromAuthorityRow(row);
}

export async function changeAuthority(deps: Deps, who: Who, id: string, body: PatchAuthorityBody) {
  const key = adminId(id);
  if (body.state) requireKnownState(body.state);
  const { version, ...patch } = body;
  const fields = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
  const row = await auditedTransaction(deps, who, async (trx, audit) => {
    const current = await findAuthority(trx, key);
    if (!current) throw new NotFoundError('not_found', 'No such authority added by an administrator.');
    const updated = await updateAuthority(trx, key, version, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.state !== undefined ? { state: patch.state } : {}),
      ...(patch.address !== undefined ? { address: patch.address || null } : {}),
      ...(patch.channel !== undefined ? { channel: patch.channel } : {}),
      ...(patch.languages !== undefined ? { languages: JSON.stringify(patch.languages) } : {}),
      ...(patch.email !== undefined ? { email: patch.email || null } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes || null } : {}),
      updated_at: deps.now(),
    });
    if (!updated) {
      throw new ConflictError('version_conflict', 'The authority was changed by someone else meanwhile; reload it and apply your change again.', { currentVersion: current.version });
    }
    audit('authority.update', `authority:${key}`, { fields, version: updated.version, ...Object.fromEntries(fields.map((f) => [f, (patch as Record<string, unknown>)[f]])) });
    return updated;
  });
  return fromAuthorityRow(row);
}

export async function removeAuthority(deps: Deps, who: Who, id: string): Promise<void> {
  const key = adminId(id);
  await auditedTransaction(deps, who, async (trx, audit) => {
    const gone = await deleteAuthority(trx, key);
    if (!gone) throw new NotFoundError('not_found', 'No such authority added by an administrator.');
    audit('authority.delete', `authority:${key}`, { name: gone.name, state: gone.state });
  });
}
