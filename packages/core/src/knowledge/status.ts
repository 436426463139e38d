// Three-valued treaty status: at a date a State is party, not party, or unknown. Missing data is
// never read as "not party": only a list that is complete at the date can say that.
import type { IsoDate, Participation, PartyList } from './model.ts';

export type StatusState = 'party' | 'not-party' | 'unknown';

export interface StatusFact {
  state: StatusState;
  since?: IsoDate;
  source: string;
  asOf: IsoDate;
  signed?: IsoDate;
  curated?: boolean;
  inferredFrom?: string;
  /** Plain-language explanation of the fact, for the answer's reasons. */
  reason: string;
  /** The public part of the fact, built once and shared by answers (see engine.ts). */
  summary?: unknown;
}

/** Longest time between consent and entry into force for a State under the catalogued treaties:
 * UN conventions take 30 or 90 days, Council of Europe treaties the first day of the month after
 * three months. Within this window the data cannot say whether the treaty is in force yet. */
const ENTRY_INTO_FORCE_WINDOW_MONTHS = 4;

export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, d));
  return t.toISOString().slice(0, 10);
}

function later(a: IsoDate | null | undefined, b: IsoDate | null | undefined): IsoDate | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return a > b ? a : b;
}

export interface StatusOptions {
  /** The instrument's own entry into force, if known. */
  instrumentEntryIntoForce?: IsoDate | null;
}

/** Status of one State under one party list at a date, with the reason in plain words. */
export function statusAt(
  list: PartyList,
  state: string,
  date: IsoDate,
  options: StatusOptions = {},
): StatusFact {
  const p = list.participations.find((x) => x.state === state);
  return statusFromParticipation(list, p, state, date, options);
}

export function statusFromParticipation(
  list: Pick<PartyList, 'instrument' | 'complete' | 'source' | 'asOf'>,
  p: Participation | undefined,
  state: string,
  date: IsoDate,
  options: StatusOptions = {},
): StatusFact {
  const instrument = list.instrument;
  if (!p?.consentKind) {
    const signed = p?.signature;
    const base = { source: p?.source ?? list.source, asOf: list.asOf, ...(signed ? { signed } : {}) };
    const what = signed ? `${state} signed ${instrument} on ${signed} but had not consented to be bound` : '';
    if (list.complete && date <= list.asOf) {
      return {
        ...base,
        state: 'not-party',
        reason: signed
          ? `${what} (list complete as of ${list.asOf}).`
          : `${state} is not in the ${instrument} party list, which is complete as of ${list.asOf}.`,
      };
    }
    if (list.complete) {
      return {
        ...base,
        state: 'unknown',
        reason: `${state} was not party to ${instrument} on ${list.asOf}, the date of the data; whether it joined by ${date} is unknown.`,
      };
    }
    return {
      ...base,
      state: 'unknown',
      reason: signed
        ? `${what}; the ${instrument} party list is incomplete, so later consent is unknown.`
        : `${state} is not in the ${instrument} party list, which is incomplete: status unknown (missing fact: whether ${state} is party).`,
    };
  }

  const base = {
    source: p.source,
    asOf: p.asOf,
    ...(p.signature ? { signed: p.signature } : {}),
    ...(p.curated ? { curated: true } : {}),
    ...(p.inferredFrom ? { inferredFrom: p.inferredFrom } : {}),
  };
  if (p.denunciation && p.denunciation <= date) {
    return {
      ...base,
      state: 'not-party',
      reason: `${state} denounced ${instrument} with effect from ${p.denunciation}.`,
    };
  }
  if (!p.consent) {
    // The source says the State is bound but gives no date: it is party at least from the date the
    // source attests it; before that the data cannot tell.
    if (date >= p.asOf) {
      return {
        ...base,
        state: 'party',
        reason: `${state} is party to ${instrument} (consent date not in the data; attested as of ${p.asOf}).`,
      };
    }
    return {
      ...base,
      state: 'unknown',
      reason: `${state} is party to ${instrument} as of ${p.asOf}, but its consent date is not in the data, so its status on ${date} is unknown.`,
    };
  }
  if (p.consent > date) {
    return {
      ...base,
      state: 'not-party',
      reason: `${state} consented to ${instrument} only on ${p.consent}, after ${date}.`,
    };
  }
  const instrumentEif = options.instrumentEntryIntoForce;
  const eif = p.entryIntoForce ?? (instrumentEif && p.consent < instrumentEif ? instrumentEif : undefined);
  if (eif) {
    if (eif > date) {
      return {
        ...base,
        state: 'not-party',
        since: eif,
        reason: `${instrument} enters into force for ${state} on ${eif}, after ${date} (consent ${p.consent}).`,
      };
    }
    return {
      ...base,
      state: 'party',
      since: eif,
      reason: `${state} is party to ${instrument}, in force for it since ${eif} (${p.consentKind} ${p.consent}).`,
    };
  }
  if (addMonths(p.consent, ENTRY_INTO_FORCE_WINDOW_MONTHS) <= date) {
    const since = later(p.consent, instrumentEif);
    return {
      ...base,
      state: 'party',
      ...(since ? { since } : {}),
      reason: `${state} is party to ${instrument} (${p.consentKind} ${p.consent}; in force for it within months of that date).`,
    };
  }
  return {
    ...base,
    state: 'unknown',
    reason: `${state} consented to ${instrument} on ${p.consent}; whether it was already in force for ${state} on ${date} is not in the data.`,
  };
}
