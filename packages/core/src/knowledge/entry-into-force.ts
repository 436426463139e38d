// When a treaty enters into force for a State that consents to it, and who may become party at
// all: both are rules of the treaty's final clauses, kept as data in the catalogue with the
// article cited, and evaluated here.
import type { Eligibility, EntryIntoForceRule, IsoDate } from './model.ts';

function parts(date: IsoDate): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function iso(t: Date): IsoDate {
  return t.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The date the rule gives for a consent deposited on `deposit`, ignoring the treaty's own entry
 * into force. "The thirtieth day after deposit" is deposit + 30 days (UNCAC: 2014-11-12 →
 * 2014-12-12, the date the UN Treaty Collection gives for Germany). */
export function ruleDate(rule: EntryIntoForceRule, deposit: IsoDate): IsoDate {
  switch (rule.rule) {
    case 'days-after-deposit':
      return addDays(deposit, rule.days);
    case 'first-day-of-month-after-months': {
      // The period of N months after any day of month m ends in month m + N; the first day of
      // the following month is the first of m + N + 1.
      const [y, m] = parts(deposit);
      return iso(new Date(Date.UTC(y, m - 1 + rule.months + 1, 1)));
    }
    case 'months-after-deposit': {
      const [y, m, d] = parts(deposit);
      const t = new Date(Date.UTC(y, m - 1 + rule.months, 1));
      // Clamp to the month's last day (31 May + 3 months is 31 August; 30 November + 3 is 28/29 February).
      const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
      t.setUTCDate(Math.min(d, last));
      return iso(t);
    }
    default: {
      const never: never = rule;
      return never;
    }
  }
}

/** Entry into force for a State: the rule's date, but never before the treaty itself is in force
 * (a State that consents early is bound from the treaty's own entry into force). */
export function entryIntoForceFor(
  rule: EntryIntoForceRule,
  deposit: IsoDate,
  treatyEntryIntoForce: IsoDate | null | undefined,
): IsoDate {
  const byRule = ruleDate(rule, deposit);
  return treatyEntryIntoForce && treatyEntryIntoForce > byRule ? treatyEntryIntoForce : byRule;
}

/** "UNCAC art. 68(2)". */
export function ruleCitation(instrumentId: string, rule: { article: string }): string {
  return `${instrumentId} art. ${rule.article}`;
}

export type EligibilityVerdict =
  | { verdict: 'eligible'; citation: string }
  /** A member of the organisation, or the treaty is open to all States. */
  | { verdict: 'by-invitation'; citation: string; organisation: string }
  | { verdict: 'not-eligible'; citation: string; organisation: string }
  /** The final clauses are not in the shipped text, or the organisation's members are not known. */
  | { verdict: 'to-be-confirmed'; citation?: string };

/**
 * May `state` become party? `members` gives the sourced member lists of organisations (by id);
 * without the list of the organisation a rule names, the answer is "to be confirmed".
 */
export function eligibilityOf(
  instrumentId: string,
  eligibility: Eligibility | undefined,
  state: string,
  members: ReadonlyMap<string, ReadonlySet<string>>,
): EligibilityVerdict {
  if (!eligibility) return { verdict: 'to-be-confirmed' };
  const citation = ruleCitation(instrumentId, eligibility);
  if (eligibility.rule === 'any-state') return { verdict: 'eligible', citation };
  const list = members.get(eligibility.organisation);
  if (!list) return { verdict: 'to-be-confirmed', citation };
  if (list.has(state)) return { verdict: 'eligible', citation };
  return eligibility.rule === 'members-only'
    ? { verdict: 'not-eligible', citation, organisation: eligibility.organisation }
    : { verdict: 'by-invitation', citation, organisation: eligibility.organisation };
}
