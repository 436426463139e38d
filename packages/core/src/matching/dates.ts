// Dates of birth: parsed from the usual written forms and compared with tolerance for the errors
// registers make (day and month swapped, year off by one, a single digit mistyped).

export interface BirthDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Parses YYYY-MM-DD, YYYYMMDD, YYYY/MM/DD, DD.MM.YYYY and DD/MM/YYYY (day first, as outside the US).
 * Returns undefined for anything else or an impossible date.
 */
export function parseBirthDate(raw: string): BirthDate | undefined {
  const s = raw.trim();
  let m = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})$/.exec(s);
  let year: number;
  let month: number;
  let day: number;
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
    if (!m) return undefined;
    day = Number(m[1]);
    month = Number(m[2]);
    year = Number(m[3]);
  }
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year, month, day };
}

export type BirthDateAgreement = 'exact' | 'day-month-swapped' | 'year-off-by-one' | 'one-field-differs' | 'year-only' | 'different';

/** How two birth dates agree, best first; `weight` is the share of the date's evidence it keeps. */
export function compareBirthDates(a: BirthDate, b: BirthDate): { agreement: BirthDateAgreement; weight: number } {
  if (a.year === b.year && a.month === b.month && a.day === b.day) return { agreement: 'exact', weight: 1 };
  if (a.year === b.year && a.month === b.day && a.day === b.month) return { agreement: 'day-month-swapped', weight: 0.85 };
  if (Math.abs(a.year - b.year) === 1 && a.month === b.month && a.day === b.day) return { agreement: 'year-off-by-one', weight: 0.75 };
  const same = Number(a.year === b.year) + Number(a.month === b.month) + Number(a.day === b.day);
  if (same === 2) return { agreement: 'one-field-differs', weight: 0.6 };
  if (a.year === b.year) return { agreement: 'year-only', weight: 0.2 };
  return { agreement: 'different', weight: 0 };
}

export function formatBirthDate(d: BirthDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
