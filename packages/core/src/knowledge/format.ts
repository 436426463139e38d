// Plain-text rendering of a legal-basis answer for the CLI: one block per basis with its
// citation, status facts, questions to confirm and reservations.
import type { LegalBasisAnswer } from './engine.ts';

type Labels = Record<
  | 'heading'
  | 'dataAsOf'
  | 'none'
  | 'articles'
  | 'status'
  | 'requesting'
  | 'requested'
  | 'since'
  | 'source'
  | 'confirm'
  | 'reservations'
  | 'reasons'
  | 'context'
  | 'toBeConfirmed'
  | 'party'
  | 'notParty'
  | 'unknown'
  | 'deposited'
  | 'inForceFrom'
  | 'dateUnknown'
  | 'notYetInForce'
  | 'notEligible',
  string
>;

const LABELS: Record<string, Labels> = {
  en: {
    heading: 'Legal bases',
    dataAsOf: 'data as of',
    none: 'No legal basis found in the data (use --all to see why each instrument does not apply).',
    articles: 'Articles',
    status: 'Status',
    requesting: 'requesting',
    requested: 'requested',
    since: 'since',
    source: 'source',
    confirm: 'To confirm',
    reservations: 'Reservations and declarations',
    reasons: 'Reasons',
    context: 'Context (not a legal basis)',
    toBeConfirmed: 'to be confirmed',
    party: 'party',
    notParty: 'not party',
    unknown: 'unknown',
    deposited: 'consent deposited',
    inForceFrom: 'in force for it from',
    dateUnknown: 'party, date unknown',
    notYetInForce: 'consented, not yet in force',
    notEligible: 'not party (not eligible)',
  },
  fr: {
    heading: 'Bases juridiques',
    dataAsOf: 'données au',
    none: 'Aucune base juridique trouvée dans les données (--all pour voir pourquoi).',
    articles: 'Articles',
    status: 'Statut',
    requesting: 'requérant',
    requested: 'requis',
    since: 'depuis',
    source: 'source',
    confirm: 'À confirmer',
    reservations: 'Réserves et déclarations',
    reasons: 'Motifs',
    context: 'Contexte (pas une base juridique)',
    toBeConfirmed: 'à confirmer',
    party: 'partie',
    notParty: 'non partie',
    unknown: 'inconnu',
    deposited: 'consentement déposé le',
    inForceFrom: 'en vigueur à son égard depuis le',
    dateUnknown: 'partie, date inconnue',
    notYetInForce: 'a consenti, pas encore en vigueur',
    notEligible: 'non partie (ne peut pas devenir partie)',
  },
};

type Summary = LegalBasisAnswer['bases'][number]['status']['requesting'];

/** "party — consent deposited 2014-11-12, in force for it from 2014-12-12 (UNCAC art. 68(2))". */
export function describeStatus(f: Summary, l: Labels = LABELS.en as Labels): string {
  const rule = f.entryIntoForceRule ? ` (${f.entryIntoForceRule})` : '';
  const dates = f.consent && f.since ? `${l.deposited} ${f.consent}, ${l.inForceFrom} ${f.since}${rule}` : '';
  switch (f.phase) {
    case 'party-date-unknown':
      return l.dateUnknown;
    case 'consented-not-in-force':
      return `${l.notYetInForce} — ${dates}`;
    case 'not-eligible':
      return l.notEligible;
    default:
      break;
  }
  const word = f.state === 'party' ? l.party : f.state === 'not-party' ? l.notParty : l.unknown;
  if (f.state === 'party' && dates) return `${word} — ${dates}`;
  return `${word}${f.since ? ` ${l.since} ${f.since}` : ''}`;
}

/** The headline in the table's language (the API's `text` is English). */
export function headlineText(h: LegalBasisAnswer['headline'], lang: string): string {
  if (lang !== 'fr') return h.text;
  if (h.code === 'no-known-basis') {
    const n = h.params.unknown;
    return `Aucun traité applicable n'est connu dans les données : envisager la réciprocité ou le droit interne ; ${n} instrument${n > 1 ? 's ont' : ' a'} un statut inconnu`;
  }
  const p = h.params;
  const who = (name: string, since: string | null) => (since ? `${name} depuis ${since}` : `${name}, date inconnue`);
  const parties = p.requesting === p.requested ? who(p.requesting, p.requestingSince) : `${who(p.requesting, p.requestingSince)}, ${who(p.requested, p.requestedSince)}`;
  return h.code === 'best-basis'
    ? `Meilleure base : ${p.citation} — les deux États sont parties (${parties})`
    : `Base possible, sous conditions : ${p.citation} — les deux États sont parties (${parties}) ; ${p.conditions} condition${p.conditions > 1 ? 's' : ''} à confirmer`;
}

export function formatLegalBasisTable(answer: LegalBasisAnswer, options: { lang?: string } = {}): string {
  const l = LABELS[options.lang ?? 'en'] ?? (LABELS.en as Labels);
  const q = answer.query;
  const out: string[] = [];
  out.push(`${l.heading}: ${q.requesting} → ${q.requested}, ${q.type}, ${q.offence}, ${q.date} (${l.dataAsOf} ${answer.dataAsOf})`);
  out.push('', headlineText(answer.headline, options.lang ?? 'en'));
  if (answer.bases.length === 0) out.push('', l.none);
  answer.bases.forEach((b, n) => {
    out.push('', `${b.rank ?? n + 1}. [${b.outcome.toUpperCase()}] ${b.instrument} — ${b.title}`);
    if (b.articles.length) {
      out.push(`   ${l.articles}:`);
      for (const a of b.articles) {
        const flag = a.toBeConfirmed ? ` (${l.toBeConfirmed})` : '';
        out.push(`     ${b.instrument} art. ${a.number}${a.heading ? ` — ${a.heading}` : ''}${flag}`);
      }
    }
    const s = (label: string, code: string, f: LegalBasisAnswer['bases'][number]['status']['requesting']) =>
      `     ${label} ${code}: ${describeStatus(f, l)} (${l.source}: ${f.source}; ${l.dataAsOf} ${f.asOf})`;
    out.push(`   ${l.status}:`, s(l.requesting, q.requesting, b.status.requesting), s(l.requested, q.requested, b.status.requested));
    if (b.conditions.length) {
      out.push(`   ${l.confirm}:`);
      for (const c of b.conditions) out.push(`     - ${c}`);
    }
    if (b.reservations.length) {
      out.push(`   ${l.reservations}:`);
      for (const r of b.reservations) out.push(`     - ${r.state} (${r.instrument}): ${r.description}`);
    }
    out.push(`   ${l.reasons}:`);
    for (const r of b.reasons) out.push(`     - ${r}`);
  });
  if (answer.context.length) {
    out.push('', `${l.context}:`);
    for (const c of answer.context) out.push(`   ${c.instrument} — ${c.title}: ${c.reasons.join(' ')}`);
  }
  return `${out.join('\n')}\n`;
}
