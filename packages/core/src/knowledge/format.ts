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
  | 'toBeConfirmed',
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
  },
};

export function formatLegalBasisTable(answer: LegalBasisAnswer, options: { lang?: string } = {}): string {
  const l = LABELS[options.lang ?? 'en'] ?? (LABELS.en as Labels);
  const q = answer.query;
  const out: string[] = [];
  out.push(`${l.heading}: ${q.requesting} → ${q.requested}, ${q.type}, ${q.offence}, ${q.date} (${l.dataAsOf} ${answer.dataAsOf})`);
  if (answer.bases.length === 0) out.push('', l.none);
  answer.bases.forEach((b, n) => {
    out.push('', `${n + 1}. [${b.outcome.toUpperCase()}] ${b.instrument} — ${b.title}`);
    if (b.articles.length) {
      out.push(`   ${l.articles}:`);
      for (const a of b.articles) {
        const flag = a.toBeConfirmed ? ` (${l.toBeConfirmed})` : '';
        out.push(`     ${b.instrument} art. ${a.number}${a.heading ? ` — ${a.heading}` : ''}${flag}`);
      }
    }
    const s = (label: string, code: string, f: LegalBasisAnswer['bases'][number]['status']['requesting']) =>
      `     ${label} ${code}: ${f.state}${f.since ? ` ${l.since} ${f.since}` : ''} (${l.source}: ${f.source}; ${l.dataAsOf} ${f.asOf})`;
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
