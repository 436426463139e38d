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
export const PASSWORD_MAX_LENGTH = 1024;
/** Fewer distinct characters than this is "too repetitive" (aaaaaaaaaaaa, 121212121212). */
export const PASSWORD_MIN_DISTINCT = 5;

/** The rules a new password must meet, as codes the interfaces explain before the person types. */
export const PASSWORD_RULES = ['too-short', 'too-long', 'contains-account-name', 'too-repetitive'] as const;
export type PasswordProblem = (typeof PASSWORD_RULES)[number];

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  'too-short': `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
  'too-long': `The password is too long (${PASSWORD_MAX_LENGTH} characters at most).`,
  'contains-account-name': 'The password must not contain the account name.',
  'too-repetitive': 'The password is too repetitive.',
};

/** The account name a password must not contain: the e-mail's local part, when it has 3 characters or more. */
export function accountNameOf(email: string): string | null {
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  return local.length >= 3 ? local : null;
}

/** Every rule the password breaks (empty when it is acceptable). Pure, so the web checks as the person types. */
export function passwordProblems(password: string, email: string): PasswordProblem[] {
  const out: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) out.push('too-short');
  if (password.length > PASSWORD_MAX_LENGTH) out.push('too-long');
  const name = accountNameOf(email);
  if (name && password.toLowerCase().includes(name)) out.push('contains-account-name');
  if (new Set(password).size < PASSWORD_MIN_DISTINCT) out.push('too-repetitive');
  return out;
}

export function checkPasswordPolicy(password: string, email: string): void {
  const [first] = passwordProblems(password, email);
  if (first) throw new ValidationError('weak_password', PASSWORD_MESSAGES[first], { rule: first });
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
