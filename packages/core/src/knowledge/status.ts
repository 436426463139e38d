// Three-valued treaty status: at a date a State is party, not party, or unknown. Missing data is
// never read as "not party": only a list that is complete at the date can say that.
import { entryIntoForceFor, ruleCitation } from './entry-into-force.ts';
import type { ConsentKind, EntryIntoForceRule, IsoDate, Participation, PartyList } from './model.ts';
import { because, type Said } from './said.ts';

export type StatusState = 'party' | 'not-party' | 'unknown';

/** A finer reading of the state, for display: consented but the treaty is not yet in force for
 * the State (not a basis yet); not party because the State may not join; party with the date of
 * consent unknown. */
export type StatusPhase = 'consented-not-in-force' | 'not-eligible' | 'party-date-unknown';

export interface StatusFact {
  state: StatusState;
  since?: IsoDate;
  source: string;
  asOf: IsoDate;
  signed?: IsoDate;
  curated?: boolean;
  inferredFrom?: string;
  phase?: StatusPhase;
  /** Date of deposit of the instrument of consent, and its kind. */
  consent?: IsoDate;
  consentKind?: ConsentKind;
  /** The final-clause article that gives the State's entry into force ("UNCAC art. 68(2)"). */
  entryIntoForceRule?: string;
  /** Plain-language explanation of the fact, for the answer's reasons. */
  reason: string;
  /** The same explanation as coded sentences (code, parameters, English text). */
  said: Said[];
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
  /** The final clauses' rule for a State's entry into force; without it the engine waits
   * ENTRY_INTO_FORCE_WINDOW_MONTHS before it calls a consent in force. */
  entryIntoForceRule?: EntryIntoForceRule;
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
        ...(signed
          ? because('signed-not-bound-list-complete', { state, instrument, signed, asOf: list.asOf }, `${what} (list complete as of ${list.asOf}).`)
          : because('not-in-complete-list', { state, instrument, asOf: list.asOf }, `${state} is not in the ${instrument} party list, which is complete as of ${list.asOf}.`)),
      };
    }
    if (list.complete) {
      return {
        ...base,
        state: 'unknown',
        ...because(
          'joined-after-data-unknown',
          { state, instrument, asOf: list.asOf, date },
          `${state} was not party to ${instrument} on ${list.asOf}, the date of the data; whether it joined by ${date} is unknown.`,
        ),
      };
    }
    return {
      ...base,
      state: 'unknown',
      ...(signed
        ? because('signed-not-bound-list-incomplete', { state, instrument, signed }, `${what}; the ${instrument} party list is incomplete, so later consent is unknown.`)
        : because(
            'not-in-incomplete-list',
            { state, instrument },
            `${state} is not in the ${instrument} party list, which is incomplete: status unknown (missing fact: whether ${state} is party).`,
          )),
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
      ...because('denounced', { state, instrument, denunciation: p.denunciation }, `${state} denounced ${instrument} with effect from ${p.denunciation}.`),
    };
  }
  if (!p.consent) {
    // The source says the State is bound but gives no date: it is party at least from the date the
    // source attests it; before that the data cannot tell.
    if (date >= p.asOf) {
      return {
        ...base,
        state: 'party',
        phase: 'party-date-unknown',
        consentKind: p.consentKind,
        ...because('party-date-unknown', { state, instrument, asOf: p.asOf }, `${state} is party to ${instrument} (party, date unknown: the source attests it as of ${p.asOf}).`),
      };
    }
    return {
      ...base,
      state: 'unknown',
      ...because(
        'consent-date-unknown',
        { state, instrument, asOf: p.asOf, date },
        `${state} is party to ${instrument} as of ${p.asOf}, but its consent date is not in the data, so its status on ${date} is unknown.`,
      ),
    };
  }
  const consent = { consent: p.consent, consentKind: p.consentKind };
  if (p.consent > date) {
    return {
      ...base,
      ...consent,
      state: 'not-party',
      ...because('consented-after-date', { state, instrument, consent: p.consent, date }, `${state} consented to ${instrument} only on ${p.consent}, after ${date}.`),
    };
  }
  const instrumentEif = options.instrumentEntryIntoForce;
  const rule = options.entryIntoForceRule;
  let eif = p.entryIntoForce;
  let how = eif ? 'as the data states' : '';
  // Which of the three ways gave the date: the data, the final-clause rule, the treaty's own date.
  let howCode: 'data' | 'rule' | 'instrument' = 'data';
  let citation: string | undefined;
  if (!eif && rule) {
    eif = entryIntoForceFor(rule, p.consent, instrumentEif);
    citation = ruleCitation(instrument, rule);
    howCode = eif === instrumentEif && instrumentEif > p.consent ? 'instrument' : 'rule';
    how = howCode === 'instrument' ? `the date ${instrument} itself entered into force` : citation;
  } else if (!eif && instrumentEif && p.consent < instrumentEif) {
    eif = instrumentEif;
    how = `the date ${instrument} itself entered into force`;
    howCode = 'instrument';
  }
  if (eif) {
    const withRule = { ...consent, since: eif, ...(citation ? { entryIntoForceRule: citation } : {}) };
    if (eif > date) {
      return {
        ...base,
        ...withRule,
        state: 'not-party',
        phase: 'consented-not-in-force',
        ...because(
          `consented-not-in-force.${howCode}`,
          { state, instrument, consentKind: p.consentKind, consent: p.consent, entryIntoForce: eif, date, ...(citation ? { rule: citation } : {}) },
          `${state} consented to ${instrument} (${p.consentKind} deposited ${p.consent}); it enters into force for ${state} on ${eif} (${how}): consented, not yet in force on ${date}.`,
        ),
      };
    }
    return {
      ...base,
      ...withRule,
      state: 'party',
      ...because(
        `party-in-force.${howCode}`,
        { state, instrument, consent: p.consent, entryIntoForce: eif, ...(citation ? { rule: citation } : {}) },
        `${state} is party to ${instrument} — consent deposited ${p.consent}, in force for it from ${eif} (${how}).`,
      ),
    };
  }
  if (addMonths(p.consent, ENTRY_INTO_FORCE_WINDOW_MONTHS) <= date) {
    const since = later(p.consent, instrumentEif);
    return {
      ...base,
      ...consent,
      state: 'party',
      ...(since ? { since } : {}),
      ...because(
        'party-rule-not-shipped',
        { state, instrument, consentKind: p.consentKind, consent: p.consent },
        `${state} is party to ${instrument} (${p.consentKind} ${p.consent}; in force for it within months of that date — the rule for a State's entry into force is not in the shipped text).`,
      ),
    };
  }
  return {
    ...base,
    ...consent,
    state: 'unknown',
    ...because(
      'consented-rule-not-shipped',
      { state, instrument, consent: p.consent, date },
      `${state} consented to ${instrument} on ${p.consent}; the rule for a State's entry into force is not in the shipped text, so whether it was already in force for ${state} on ${date} is not in the data.`,
    ),
  };
}
