// Country profile: what one State is bound by, has signed or whose status is unknown, and its
// declarations that matter for cooperation, grouped by the kind of cooperation they affect.
import { type KnowledgeIndex, instrumentStatus } from './knowledge-index.ts';
import type { IsoDate, ReservationEffect } from './model.ts';
import { describeEffect, effectParams } from './reservations.ts';
import type { Said } from './said.ts';
import type { StatusState } from './status.ts';
import type { CooperationType } from './taxonomy.ts';

export interface ProfileInstrument {
  instrument: string;
  title: string;
  state: StatusState;
  since?: IsoDate;
  signed?: IsoDate;
  source: string;
  asOf: IsoDate;
  reason: string;
  /** The reason as coded sentences (code, parameters, English text). */
  reasonCodes: Said[];
}

export interface ProfileDeclaration {
  instrument: string;
  effect: ReservationEffect['kind'];
  description: string;
  params: Record<string, string>;
  text: string;
  source: string;
}

export interface CountryProfile {
  state: string;
  date: IsoDate;
  dataAsOf: IsoDate;
  party: ProfileInstrument[];
  signed: ProfileInstrument[];
  unknown: ProfileInstrument[];
  notParty: ProfileInstrument[];
  declarations: Partial<Record<CooperationType | 'general', ProfileDeclaration[]>>;
}

function groupsOf(effect: ReservationEffect): Array<CooperationType | 'general'> {
  switch (effect.kind) {
    case 'central-authority':
    case 'languages':
      return ['mla'];
    case 'no-treaty-basis-for-extradition':
    case 'treaty-basis-for-extradition':
      return ['extradition'];
    case 'territorial-exclusion':
    case 'other':
      return ['general'];
    case 'dispute-settlement':
      return [];
    default: {
      const never: never = effect;
      return never;
    }
  }
}

export function countryProfile(index: KnowledgeIndex, state: string, date: IsoDate): CountryProfile {
  const profile: CountryProfile = {
    state,
    date,
    dataAsOf: index.dataAsOf,
    party: [],
    signed: [],
    unknown: [],
    notParty: [],
    declarations: {},
  };
  for (const i of index.instrumentOrder) {
    if (i.kind === 'bilateral' && !i.states?.includes(state)) continue;
    const s = instrumentStatus(index, i.id, state, date);
    const entry: ProfileInstrument = {
      instrument: i.id,
      title: i.titles.en ?? i.short,
      state: s.state,
      source: s.source,
      asOf: s.asOf,
      reason: s.reason,
      reasonCodes: s.said,
      ...(s.since ? { since: s.since } : {}),
      ...(s.signed ? { signed: s.signed } : {}),
    };
    if (s.state === 'party') profile.party.push(entry);
    else if (s.signed) profile.signed.push(entry);
    else if (s.state === 'unknown') profile.unknown.push(entry);
    else profile.notParty.push(entry);
  }
  for (const r of index.reservationsByState.get(state) ?? []) {
    for (const e of r.effects) {
      for (const g of groupsOf(e)) {
        const list = profile.declarations[g] ?? [];
        list.push({ instrument: r.instrument, effect: e.kind, description: describeEffect(e), params: effectParams(e), text: r.text, source: r.source });
        profile.declarations[g] = list;
      }
    }
  }
  return profile;
}
