// Account rules: organisation kinds, password policy and the login lockout, kept pure so the
// server and the CLI enforce the same thing.
import { ValidationError } from '../shared/errors.ts';

export const ORGANISATION_KINDS = [
  'central-authority',
  'prosecution-service',
  'police',
  'financial-intelligence-unit',
  'customs',
  'court',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PASSWORD_MIN_LENGTH = 12;

export function checkPasswordPolicy(password: string, email: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new ValidationError('weak_password', `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  if (password.length > 1024) throw new ValidationError('weak_password', 'The password is too long (1024 characters at most).');
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && password.toLowerCase().includes(local)) {
    throw new ValidationError('weak_password', 'The password must not contain the account name.');
  }
  if (new Set(password).size < 5) throw new ValidationError('weak_password', 'The password is too repetitive.');
}

export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export interface LoginCounters {
  failedCount: number;
  firstFailedAt: Date | null;
  lockedUntil: Date | null;
}

export function isLocked(c: LoginCounters, now: Date): boolean {
  return c.lockedUntil !== null && c.lockedUntil.getTime() > now.getTime();
}

/** The counters after one more failed attempt; locks the account once the threshold is reached. */
export function afterFailedLogin(c: LoginCounters, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT): LoginCounters {
  const inWindow = c.firstFailedAt !== null && now.getTime() - c.firstFailedAt.getTime() < policy.windowMs;
  const failedCount = inWindow ? c.failedCount + 1 : 1;
  const firstFailedAt = inWindow ? c.firstFailedAt : now;
  const lockedUntil = failedCount >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : c.lockedUntil;
  return { failedCount: failedCount >= policy.maxFailures ? 0 : failedCount, firstFailedAt: failedCount >= policy.maxFailures ? null : firstFailedAt, lockedUntil };
}

export const AFTER_SUCCESSFUL_LOGIN: LoginCounters = { failedCount: 0, firstFailedAt: null, lockedUntil: null };

const ALPHA3 = /^[A-Z]{3}$/;
export function normaliseStateCode(code: string): string {
  const upper = code.trim().toUpperCase();
  if (!ALPHA3.test(upper)) throw new ValidationError('invalid_country', `"${code}" is not an ISO 3166 alpha-3 code.`);
  return upper;
}
