// Identifiers compared exactly after normalisation. Each normaliser returns the canonical form, or
// undefined when the value is not a valid identifier of that kind (a bad checksum never matches).

export type IdentifierKind = 'iban' | 'imo' | 'phone' | 'email' | 'passport' | 'wallet';

/** IBAN: spaces removed, upper case, ISO 13616 mod-97 check (remainder 1). */
export function normaliseIban(raw: string): string | undefined {
  const iban = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return undefined;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1 ? iban : undefined;
}

/** IMO ship number: seven digits, the last a check digit (digits weighted 7…2, sum mod 10). */
export function normaliseImo(raw: string): string | undefined {
  const digits = raw.replace(/^\s*imo\s*:?\s*/i, '').replace(/\s/g, '');
  if (!/^\d{7}$/.test(digits)) return undefined;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  return sum % 10 === Number(digits[6]) ? digits : undefined;
}

/**
 * Phone number to E.164 (+ and 8–15 digits). A number written without its country code is accepted only
 * with a default calling code (given without +) and loses a single national trunk 0.
 */
export function normalisePhone(raw: string, defaultCallingCode?: string): string | undefined {
  const trimmed = raw.trim();
  let digits = trimmed.replace(/[\s().\-/]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (!digits.startsWith('+')) {
    if (!defaultCallingCode || !/^\d+$/.test(digits)) return undefined;
    digits = `+${defaultCallingCode}${digits.replace(/^0/, '')}`;
  }
  return /^\+[1-9]\d{7,14}$/.test(digits) ? digits : undefined;
}

/**
 * E-mail address: trimmed, lower-cased whole (providers treat the local part case-insensitively in
 * practice, and a hit on a case variant is what an investigator wants), one `@`, a local part of
 * 1–64 characters without spaces or quotes, a domain of dot-separated labels (letters, digits,
 * hyphens; internationalised domains as written in Unicode or punycode) ending in a label of at
 * least two letters. Anything else is not an identifier.
 */
export function normaliseEmail(raw: string): string | undefined {
  const e = raw.trim().replace(/^mailto:/i, '').normalize('NFC').toLowerCase();
  const at = e.lastIndexOf('@');
  if (at < 1 || at !== e.indexOf('@') || e.length > 254) return undefined;
  const local = e.slice(0, at);
  const domain = e.slice(at + 1);
  if (local.length > 64 || !/^[^\s"(),:;<>@[\]\\]+$/u.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(l))) return undefined;
  if (!/^(?:[\p{L}]{2,63}|xn--[a-z0-9-]{2,59})$/u.test(labels[labels.length - 1]!)) return undefined;
  return `${local}@${domain}`;
}

/** Passport: issuing country (ISO 3166 alpha-3 or alpha-2 as given, upper case) and number without separators. */
export function normalisePassport(number: string, country: string | undefined): string | undefined {
  const n = number.replace(/[\s-]/g, '').toUpperCase();
  const c = (country ?? '').trim().toUpperCase();
  if (!/^[A-Z0-9]{5,20}$/.test(n) || !/^[A-Z]{2,3}$/.test(c)) return undefined;
  return `${c}:${n}`;
}

/**
 * Crypto wallet: hexadecimal (0x…, Ethereum-style) addresses are case-insensitive and lower-cased; Bech32
 * (bc1…) likewise; Base58 addresses are case-sensitive and kept as written.
 */
export function normaliseWallet(raw: string): string | undefined {
  const w = raw.trim();
  if (/^0x[0-9a-fA-F]{40}$/.test(w)) return w.toLowerCase();
  if (/^(bc1|tb1|ltc1)[0-9a-zA-Z]{8,87}$/i.test(w)) return w.toLowerCase();
  if (/^[1-9A-HJ-NP-Za-km-z]{25,44}$/.test(w)) return w;
  return undefined;
}
