// Account use cases shared by the HTTP routes and the CLI. Each state change is written together
// with its audit entry in one transaction (auditedTransaction).
import { randomUUID } from 'node:crypto';
import {
  AFTER_SUCCESSFUL_LOGIN,
  ConflictError,
  NotFoundError,
  ORGANISATION_KINDS,
  type OrganisationKind,
  type Role,
  UnauthenticatedError,
  ValidationError,
  DEFAULT_LOCKOUT,
  afterFailedLogin,
  canSeeOrganisation,
  checkPasswordPolicy,
  isLocked,
  isRole,
} from '@comity/core';
import {
  type OrganisationRow,
  type UserRow,
  deleteSession,
  deleteSessionsOfUser,
  findOrganisation,
  findOrganisationByName,
  findUser,
  findUserByEmail,
  insertApiToken,
  insertOrganisationIfNameFree,
  insertSession,
  insertUser,
  revokeAllApiTokens,
  revokeApiToken,
  updateUser,
} from '@comity/db';
import type { Actor, AppDeps } from '../deps.ts';
import { auditedStatement, auditedTransaction } from '../deps.ts';
import { queueLiveEvent } from '../events/live-events.ts';
import { SESSION_IDLE_MS, TOKEN_PREFIX, newSecret, secretHash } from '../auth/authenticate.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../auth/passwords.ts';
import { isKnownState } from './states.ts';

type Deps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'>;
interface Who {
  actor: Actor | null;
  requestId: string | null;
}

function assertState(country: string): string {
  const code = country.toUpperCase();
  if (!isKnownState(code)) {
    throw new ValidationError('unknown_country', `"${country}" is not an ISO 3166 alpha-3 code known to this node.`);
  }
  return code;
}

function assertKind(kind: string): OrganisationKind {
  if (!(ORGANISATION_KINDS as readonly string[]).includes(kind)) {
    throw new ValidationError('invalid_kind', `Organisation kind must be one of: ${ORGANISATION_KINDS.join(', ')}.`);
  }
  return kind as OrganisationKind;
}

export async function createOrganisation(
  deps: Deps,
  who: Who,
  input: { name: string; country: string; kind: string },
): Promise<OrganisationRow> {
  const country = assertState(input.country);
  const kind = assertKind(input.kind);
  const name = input.name.trim();
  // One statement stores the organisation and its audit entry; the unique index on lower(name)
  // refuses a taken name (nothing stored, nothing audited) without a lookup first.
  const id = randomUUID();
  const [org] = await auditedStatement(deps, who, insertOrganisationIfNameFree(deps.db, { id, name, country, kind, createdAt: deps.now() }), [
    { action: 'organisation.create', target: `organisation:${id}`, change: { name, country, kind } },
  ]);
  if (!org) throw new ConflictError('organisation_exists', `An organisation named "${name}" already exists.`);
  return org;
}

export async function updateOrganisation(
  deps: Deps,
  who: Who,
  id: string,
  patch: { name?: string | undefined; country?: string | undefined; kind?: string | undefined },
): Promise<OrganisationRow> {
  return auditedTransaction(deps, who, async (trx, audit) => {
    const org = await findOrganisation(trx, id);
    if (!org) throw new NotFoundError('not_found', 'No such organisation.');
    const next = {
      name: patch.name?.trim() ?? org.name,
      country: patch.country ? assertState(patch.country) : org.country,
      kind: patch.kind ? assertKind(patch.kind) : org.kind,
    };
    if (next.name.toLowerCase() !== org.name.toLowerCase() && (await findOrganisationByName(trx, next.name))) {
      throw new ConflictError('organisation_exists', `An organisation named "${next.name}" already exists.`);
    }
    const row = await trx.updateTable('organisations').set(next).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    audit('organisation.update', `organisation:${id}`, { before: { name: org.name, country: org.country, kind: org.kind }, after: next });
    return row;
  });
}

export async function createUser(
  deps: Deps,
  who: Who,
  input: { email: string; name: string; role: string; organisationId: string; password: string; mustChangePassword?: boolean },
): Promise<UserRow> {
  if (!isRole(input.role)) throw new ValidationError('invalid_role', `Unknown role "${input.role}".`);
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new ValidationError('invalid_email', 'Give a valid e-mail address.');
  checkPasswordPolicy(input.password, email);
  const passwordHash = await hashPassword(input.password);
  return auditedTransaction(deps, who, async (trx, audit) => {
    const org = await findOrganisation(trx, input.organisationId);
    if (!org || (who.actor && !canSeeOrganisation(who.actor, org.id))) throw new NotFoundError('not_found', 'No such organisation.');
    if (await findUserByEmail(trx, email)) throw new ConflictError('user_exists', `A user with e-mail ${email} already exists.`);
    const user = await insertUser(trx, {
      id: randomUUID(),
      organisationId: org.id,
      email,
      name: input.name.trim(),
      role: input.role,
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? false,
      now: deps.now(),
    });
    audit('user.create', `user:${user.id}`, { email, name: user.name, role: user.role, organisationId: org.id });
    return user;
  });
}

export async function setUserDisabled(deps: Deps, who: Who, id: string, disabled: boolean): Promise<UserRow> {
  return auditedTransaction(deps, who, async (trx, audit) => {
    const user = await findUser(trx, id);
    if (!user || (who.actor && !canSeeOrganisation(who.actor, user.organisation_id))) throw new NotFoundError('not_found', 'No such user.');
    if (who.actor && who.actor.userId === id && disabled) throw new ConflictError('cannot_disable_self', 'You cannot disable your own account.');
    const row = await updateUser(trx, id, { disabled, updated_at: deps.now() });
    if (disabled) await deleteSessionsOfUser(trx, id);
    audit(disabled ? 'user.disable' : 'user.enable', `user:${id}`, { email: user.email });
    return row;
  });
}

export interface SignInResult {
  user: UserRow;
  organisation: OrganisationRow;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

const SIGN_IN_FAILED = `Sign-in failed. Check the e-mail and password; after ${DEFAULT_LOCKOUT.maxFailures} failures sign-in is paused for ${DEFAULT_LOCKOUT.lockMs / 60_000} minutes.`;

export async function signIn(
  deps: Deps,
  requestId: string,
  email: string,
  password: string,
  opts: { replacesSessionHash?: string | undefined } = {},
): Promise<SignInResult> {
  const user = await findUserByEmail(deps.db, email.trim());
  const now = deps.now();
  if (!user) {
    await verifyAgainstDummy(password);
    throw new UnauthenticatedError('sign_in_failed', SIGN_IN_FAILED);
  }
  const counters = { failedCount: user.failed_count, firstFailedAt: user.first_failed_at ? new Date(user.first_failed_at) : null, lockedUntil: user.locked_until ? new Date(user.locked_until) : null };
  const locked = isLocked(counters, now);
  // Verify even when locked or disabled, so the answer takes the same time either way.
  const ok = await verifyPassword(user.password_hash, password);
  const actor: Actor = { userId: user.id, email: user.email, role: user.role as Role, organisationId: user.organisation_id, mustChangePassword: user.must_change_password, via: 'session' };
  if (!ok || locked || user.disabled) {
    const next = ok ? counters : afterFailedLogin(counters, now);
    await auditedTransaction(deps, { actor, requestId }, async (trx, audit) => {
      await updateUser(trx, user.id, { failed_count: next.failedCount, first_failed_at: next.firstFailedAt, locked_until: next.lockedUntil });
      const reason = locked ? 'locked' : user.disabled ? 'disabled' : 'wrong-password';
      audit('session.sign-in-failed', `user:${user.id}`, { reason, lockedUntil: next.lockedUntil?.toISOString() ?? null });
    });
    throw new UnauthenticatedError('sign_in_failed', SIGN_IN_FAILED);
  }
  const sessionToken = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  const organisation = await auditedTransaction(deps, { actor, requestId }, async (trx, audit) => {
    await updateUser(trx, user.id, {
      failed_count: AFTER_SUCCESSFUL_LOGIN.failedCount,
      first_failed_at: null,
      locked_until: null,
    });
    // The browser's previous session (whoever it belonged to) ends: one cookie, one session.
    const replaced = opts.replacesSessionHash ? await deleteSession(trx, opts.replacesSessionHash) : false;
    await insertSession(trx, { idHash: secretHash(sessionToken), userId: user.id, csrfToken, now, expiresAt });
    audit('session.sign-in', `user:${user.id}`, replaced ? { replacedSession: true } : {});
    const org = await findOrganisation(trx, user.organisation_id);
    if (!org) throw new NotFoundError('not_found', 'The user has no organisation.');
    return org;
  });
  return { user, organisation, sessionToken, csrfToken, expiresAt };
}

export async function signOut(deps: Deps, who: Who & { actor: Actor }): Promise<void> {
  const idHash = who.actor.sessionIdHash;
  if (!idHash) return;
  await auditedTransaction(deps, who, async (trx, audit) => {
    await deleteSession(trx, idHash);
    audit('session.sign-out', `user:${who.actor.userId}`, {});
  });
}

export async function changePassword(
  deps: Deps,
  who: Who & { actor: Actor },
  current: string,
  next: string,
  opts: { revokeApiTokens?: boolean | undefined } = {},
): Promise<{ revokedApiTokens: number }> {
  const user = await findUser(deps.db, who.actor.userId);
  if (!user) throw new UnauthenticatedError('unauthenticated', 'Sign in first.');
  if (!(await verifyPassword(user.password_hash, current))) {
    throw new ValidationError('wrong_password', 'The current password is not right.');
  }
  if (current === next) throw new ValidationError('weak_password', 'The new password must differ from the current one.');
  checkPasswordPolicy(next, user.email);
  const passwordHash = await hashPassword(next);
  return auditedTransaction(deps, who, async (trx, audit) => {
    await updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: false, updated_at: deps.now() });
    // Other sessions of this user end: a changed password must lock out whoever had the old one.
    await deleteSessionsOfUser(trx, user.id, who.actor.sessionIdHash);
    // API tokens are separate credentials (they never contained the password), so they survive a
    // change unless the user asks, e.g. because the account may have been compromised.
    const revoked = opts.revokeApiTokens ? await revokeAllApiTokens(trx, user.id, deps.now()) : [];
    audit('user.password-change', `user:${user.id}`, opts.revokeApiTokens ? { revokedApiTokens: revoked } : {});
    return { revokedApiTokens: revoked.length };
  });
}

export async function revokeAllTokens(deps: Deps, who: Who & { actor: Actor }): Promise<{ revoked: number }> {
  return auditedTransaction(deps, who, async (trx, audit) => {
    const revoked = await revokeAllApiTokens(trx, who.actor.userId, deps.now());
    audit('api-token.revoke-all', `user:${who.actor.userId}`, { tokens: revoked });
    return { revoked: revoked.length };
  });
}

export async function createApiToken(deps: Deps, who: Who & { actor: Actor }, name: string) {
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const row = await auditedTransaction(deps, who, async (trx, audit) => {
    const r = await insertApiToken(trx, { id: randomUUID(), userId: who.actor.userId, name, tokenHash: secretHash(token), now: deps.now() });
    audit('api-token.create', `api-token:${r.id}`, { name });
    return r;
  });
  return { id: row.id, name: row.name, token };
}

export async function revokeToken(deps: Deps, who: Who & { actor: Actor }, id: string): Promise<void> {
  await auditedTransaction(deps, who, async (trx, audit) => {
    if (!(await revokeApiToken(trx, who.actor.userId, id, deps.now()))) throw new NotFoundError('not_found', 'No such token.');
    audit('api-token.revoke', `api-token:${id}`, {});
    // The token's account changed: memoised credentials are dropped and its event streams re-check.
    queueLiveEvent(trx, { kind: 'account', userId: who.actor.userId });
  });
}

// ── Profile: what letters print for their signatory ───────────────────────────────────────────

export interface AccountProfileView {
  email: string;
  name: string;
  title: string | null;
  signatureBlock: string | null;
  organisation: { id: string; name: string; country: string };
}

function presentProfile(user: UserRow, org: OrganisationRow): AccountProfileView {
  return {
    email: user.email,
    name: user.name,
    title: user.title,
    signatureBlock: user.signature_block,
    organisation: { id: org.id, name: org.name, country: org.country },
  };
}

export async function readProfile(deps: Pick<Deps, 'db'>, actor: Actor): Promise<AccountProfileView> {
  const user = await findUser(deps.db, actor.userId);
  const org = user ? await findOrganisation(deps.db, user.organisation_id) : undefined;
  if (!user || !org) throw new UnauthenticatedError('unauthenticated', 'Sign in first.');
  return presentProfile(user, org);
}

/** Blank strings clear a field; line ends are normalised so the letter prints what was typed. */
export async function updateProfile(
  deps: Deps,
  who: Who & { actor: Actor },
  patch: { name?: string | undefined; title?: string | null | undefined; signatureBlock?: string | null | undefined },
): Promise<AccountProfileView> {
  const clean = (s: string | null | undefined) => {
    if (s === undefined) return undefined;
    const t = (s ?? '').replace(/\r\n?/g, '\n').trim();
    return t === '' ? null : t;
  };
  return auditedTransaction(deps, who, async (trx, audit) => {
    const user = await findUser(trx, who.actor.userId);
    const org = user ? await findOrganisation(trx, user.organisation_id) : undefined;
    if (!user || !org) throw new UnauthenticatedError('unauthenticated', 'Sign in first.');
    const next: Partial<UserRow> = {};
    if (patch.name !== undefined) {
      const name = patch.name.trim();
      if (!name) throw new ValidationError('invalid_name', 'The name cannot be empty.');
      next.name = name;
    }
    const title = clean(patch.title);
    if (title !== undefined) next.title = title;
    const block = clean(patch.signatureBlock);
    if (block !== undefined) next.signature_block = block;
    const before = { name: user.name, title: user.title, signatureBlock: user.signature_block };
    const updated = await updateUser(trx, user.id, { ...next, updated_at: deps.now() });
    const after = { name: updated.name, title: updated.title, signatureBlock: updated.signature_block };
    audit('user.profile-update', `user:${user.id}`, { before, after });
    return presentProfile(updated, org);
  });
}
