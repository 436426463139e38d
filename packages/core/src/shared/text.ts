// The one rule for text the node stores, signs or audits: well-formed Unicode (no lone UTF-16
// surrogate) without NUL. PostgreSQL cannot store NUL in text and silently replaces a lone
// surrogate, so text that breaks the rule would differ from what was checked, hashed or signed.

// Without the `u` flag the pattern sees UTF-16 code units: a high surrogate not followed by a low
// one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_OR_NUL = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\0/g;

export type BadTextReason = 'nul' | 'lone_surrogate';

/** Why `s` breaks the rule, or undefined when it keeps it. */
export function badTextReason(s: string): BadTextReason | undefined {
  if (s.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(s)) return 'lone_surrogate';
  return undefined;
}

export function isWellFormedText(s: string): boolean {
  return badTextReason(s) === undefined;
}

/** `s` with every lone surrogate and every NUL replaced by U+FFFD. */
export function toWellFormedText(s: string): string {
  return s.replace(LONE_SURROGATE_OR_NUL, '\uFFFD');
}
