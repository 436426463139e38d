// Dates and language names in the reader's language, for every page (Intl, no library).

/** Dates are shown in the user's language; ISO dates without time stay calendar dates (no time zone shift). */
export function formatDate(value: string | null | undefined, lng: string, withTime = false): string {
  if (!value) return '—';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lng, {
    dateStyle: 'medium',
    timeStyle: withTime && !dateOnly ? 'short' : undefined,
    timeZone: dateOnly ? 'UTC' : undefined,
  }).format(date);
}

/** A language code as its name in the user's language, with the code: "arabe (ar)". */
export function languageName(code: string, lng: string): string {
  try {
    const name = new Intl.DisplayNames([lng], { type: 'language' }).of(code);
    return name ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
