// Output shaping for the knowledge API: index entries → the contract's instrument, party, country
// and curation shapes. Party tables are derived once per index and date.
import type { CurationConflict } from '@comity/core/knowledge/curation';
import { instrumentStatus, type KnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import type { Country, Instrument, IsoDate, Participation } from '@comity/core/knowledge/model';
import { reservationId } from '@comity/core/knowledge/reservations';
import { COOPERATION_TYPES, type CooperationType } from '@comity/core/knowledge/taxonomy';
import type { CurationRow, KnowledgeVersionRow } from '@comity/db';

/** Participations per instrument, including those inferred from a Protocol (built once per index). */
const participationsCache = new WeakMap<KnowledgeIndex, Map<string, Participation[]>>();

export function participationsOf(index: KnowledgeIndex, instrument: string): Participation[] {
  let byInstrument = participationsCache.get(index);
  if (!byInstrument) {
    byInstrument = new Map();
    for (const [key, p] of index.participations) {
      const id = key.slice(0, key.indexOf('|'));
      const list = byInstrument.get(id) ?? [];
      list.push(p);
      byInstrument.set(id, list);
    }
    participationsCache.set(index, byInstrument);
  }
  return byInstrument.get(instrument) ?? [];
}

function cooperationTypesOf(i: Instrument): CooperationType[] {
  return COOPERATION_TYPES.filter((t) => i.cooperation[t]);
}

const summaryCache = new WeakMap<KnowledgeIndex, Map<string, ReturnType<typeof buildSummary>>>();

function buildSummary(index: KnowledgeIndex, i: Instrument, date: IsoDate) {
  const list = index.partyLists.get(i.id);
  const participations = participationsOf(index, i.id);
  let partyCount = 0;
  for (const p of participations) if (instrumentStatus(index, i.id, p.state, date).state === 'party') partyCount++;
  return {
    id: i.id,
    title: i.titles.en ?? i.short,
    titles: i.titles as Record<string, string>,
    short: i.short,
    kind: i.kind,
    ...(i.openToNonMembers ? { openToNonMembers: true } : {}),
    depositary: i.depositary,
    adopted: i.adopted,
    entryIntoForce: i.entryIntoForce,
    supplements: i.supplements,
    contextOnly: i.contextOnly,
    offences: i.offences,
    cooperationTypes: cooperationTypesOf(i),
    articlesChecked: i.articlesChecked,
    ...(i.states ? { states: [...i.states] } : {}),
    ...(i.curated ? { curated: true } : {}),
    partyCount,
    signatoryCount: participations.filter((p) => p.signature).length,
    listComplete: list?.complete ?? false,
    dataAsOf: list?.asOf ?? index.dataAsOf,
  };
}

export function presentInstrumentSummary(index: KnowledgeIndex, i: Instrument, date: IsoDate) {
  let byKey = summaryCache.get(index);
  if (!byKey) {
    byKey = new Map();
    summaryCache.set(index, byKey);
  }
  const key = `${i.id}|${date}`;
  let s = byKey.get(key);
  if (!s) {
    if (byKey.size > 500) byKey.clear();
    s = buildSummary(index, i, date);
    byKey.set(key, s);
  }
  return s;
}

export function presentInstrumentDetail(
  index: KnowledgeIndex,
  i: Instrument,
  opts: { date: IsoDate; version: number; currentVersion: number },
) {
  const list = index.partyLists.get(i.id);
  const parties = participationsOf(index, i.id)
    .map((p) => {
      const s = instrumentStatus(index, i.id, p.state, opts.date);
      const name = index.countries.get(p.state)?.names.en;
      return {
        state: p.state,
        ...(name ? { name } : {}),
        status: s.state,
        ...(s.since ? { since: s.since } : {}),
        reason: s.reason,
        reasonCodes: s.said,
        ...(p.signature ? { signature: p.signature } : {}),
        ...(p.consent ? { consent: p.consent } : {}),
        ...(p.consentKind ? { consentKind: p.consentKind } : {}),
        ...(p.entryIntoForce ? { entryIntoForce: p.entryIntoForce } : {}),
        ...(p.denunciation ? { denunciation: p.denunciation } : {}),
        source: p.source,
        asOf: p.asOf,
        ...(p.curated ? { curated: true } : {}),
        ...(p.inferredFrom ? { inferredFrom: p.inferredFrom } : {}),
      };
    })
    .sort((a, b) => (a.name ?? a.state).localeCompare(b.name ?? b.state));
  const reservations = [...(index.reservations.get(i.id)?.values() ?? [])].flat().map((r) => ({
    id: reservationId(r),
    state: r.state,
    kind: r.kind,
    text: r.text,
    source: r.source,
    effects: r.effects,
    ...(r.curated ? { curated: true } : {}),
  }));
  const summary = presentInstrumentSummary(index, i, opts.date);
  return {
    ...summary,
    notes: i.notes,
    scopeConditions: i.scopeConditions.map((c) => ({ id: c.id, question: c.question, citation: c.citation })),
    cooperation: i.cooperation as Record<string, { articles: string[]; notes?: string }>,
    articles: i.articles.map((a) => ({
      number: a.number,
      heading: a.heading,
      ...(a.text ? { text: a.text } : {}),
      ...(i.articlesChecked ? {} : { toBeConfirmed: true }),
    })),
    parties,
    counts: {
      parties: parties.filter((p) => p.status === 'party').length,
      signatories: parties.filter((p) => p.signature).length,
      listed: parties.length,
    },
    list: list ? { complete: list.complete, source: list.source, asOf: list.asOf } : null,
    reservations,
    date: opts.date,
    version: opts.version,
    currentVersion: opts.currentVersion,
  };
}

export function presentCountry(c: Country) {
  return {
    code: c.code,
    alpha2: c.alpha2,
    kind: c.kind,
    names: c.names as Record<string, string>,
    region: c.region,
    subRegion: c.subRegion,
  };
}

interface VersionSummary {
  files?: unknown[];
}

export function presentVersion(v: KnowledgeVersionRow, opts: { current: number; admin: boolean }) {
  const files = Array.isArray((v.summary as VersionSummary | null)?.files) ? ((v.summary as VersionSummary).files as never[]) : [];
  return {
    version: v.number,
    current: v.number === opts.current,
    createdAt: v.createdAt,
    source: v.source,
    digest: v.digest,
    dataAsOf: v.dataAsOf,
    forced: v.forced,
    ...(opts.admin ? { importedBy: v.actorEmail } : {}),
    files,
  };
}

export function presentCuration(c: CurationRow, conflicts: readonly CurationConflict[]) {
  return {
    id: c.id,
    kind: c.kind as 'participation' | 'bilateral-treaty' | 'reservation-effect',
    instrument: c.instrument,
    state: c.state,
    fact: c.fact as Record<string, unknown>,
    source: c.source,
    note: c.note,
    basedOnVersion: c.basedOnVersion,
    createdAt: c.createdAt,
    createdBy: c.createdByEmail,
    confirmedAt: c.confirmedAt,
    withdrawnAt: c.withdrawnAt,
    withdrawnBy: c.withdrawnByEmail,
    withdrawalNote: c.withdrawalNote,
    inConflict: conflicts.some((x) => x.curationId === c.id),
  };
}
