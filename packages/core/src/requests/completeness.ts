// Evaluates the completeness rules on a request and adds the consistency problems that the
// legal-basis engine finds (the chosen basis does not cover this type or offence, a State is not
// party at the date, the status is unknown), each with the article that asks for it.
import type { LegalBasis, LegalBasisAnswer } from '../knowledge/engine.ts';
import { COMPLETENESS_RULES, type CompletenessRule, type RuleCheck, type RuleCondition } from './completeness-rules.ts';
import type { RequestDraft } from './request.ts';

export interface CompletenessItem {
  /** Path of the field to complete, e.g. `measures[1].location`. */
  field: string;
  reason: string;
  citation: string;
  /** Stable id of the rule or problem: interfaces word `reason` in their own language from it and `params`. */
  rule: string;
  /** Data the reason mentions (instrument, States, dates, ids), for wording it in another language. */
  params?: Record<string, string | number>;
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface CompletenessProblem extends CompletenessItem {
  severity: ProblemSeverity;
}

export interface CompletenessReport {
  essentialMissing: CompletenessItem[];
  recommendedMissing: CompletenessItem[];
  problems: CompletenessProblem[];
}

export interface CompletenessContext {
  /** The date the legal basis must hold at (YYYY-MM-DD): today, or the date of transmission. */
  date: string;
  /** The engine's answers (asked with all: true) for each offence category of the request. */
  basisAnswers: readonly LegalBasisAnswer[];
  /** The Convention a Protocol chosen as the basis supplements, for citations. */
  basisSupplements?: string | null;
  /** Languages the requested State declared acceptable, as English names, and where it said so. */
  requestedLanguages?: { languages: readonly string[]; instrument: string } | null;
}

/** ISO 639-1 codes of the languages the reservation texts name (see knowledge/reservations.ts). */
export const LANGUAGE_NAMES_BY_CODE: Readonly<Record<string, string>> = {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  ru: 'Russian',
  ar: 'Arabic',
  zh: 'Chinese',
  pt: 'Portuguese',
  de: 'German',
  it: 'Italian',
  nl: 'Dutch',
  tr: 'Turkish',
  el: 'Greek',
  pl: 'Polish',
  cs: 'Czech',
  hu: 'Hungarian',
  ro: 'Romanian',
  sv: 'Swedish',
  da: 'Danish',
  fi: 'Finnish',
  no: 'Norwegian',
  ja: 'Japanese',
  ko: 'Korean',
  vi: 'Vietnamese',
  id: 'Indonesian',
  th: 'Thai',
  fa: 'Persian',
  he: 'Hebrew',
  uk: 'Ukrainian',
  sr: 'Serbian',
  hr: 'Croatian',
  bg: 'Bulgarian',
  sk: 'Slovak',
  sl: 'Slovenian',
  lt: 'Lithuanian',
  lv: 'Latvian',
  et: 'Estonian',
};

/** Reads a dotted path ("order.reference") from a plain object. */
export function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Whether a value counts as given: blank strings, empty lists, null and undefined do not. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function conditionHolds(cond: RuleCondition, target: unknown, request: RequestDraft): boolean {
  if ('notOnlyMeasures' in cond) {
    return request.measures.length === 0 || request.measures.some((m) => !cond.notOnlyMeasures.includes(m.kind));
  }
  const v = valueAt(target, cond.path);
  if ('equals' in cond) return v === cond.equals;
  return isPresent(v) === cond.present;
}

function checkPasses(check: RuleCheck, target: unknown, request: RequestDraft): boolean {
  if ('present' in check) return isPresent(valueAt(target, check.present));
  if ('equals' in check) return valueAt(target, check.equals.path) === check.equals.value;
  const list = request[check.count] as readonly unknown[];
  const where = check.where;
  const n = where ? list.filter((item) => where.in.includes(String(valueAt(item, where.path)))).length : list.length;
  return n >= check.min;
}

/** The rule's article for the chosen basis (or the Convention a Protocol supplements); all otherwise. */
export function citeRule(citations: Readonly<Record<string, string>>, instrument: string | null, supplements: string | null): string {
  for (const id of [instrument, supplements]) {
    if (id && citations[id]) return `${id} ${citations[id]}`;
  }
  return Object.entries(citations)
    .map(([id, article]) => `${id} ${article}`)
    .join('; ');
}

function evaluateRule(
  rule: CompletenessRule,
  request: RequestDraft,
  cite: (citations: Readonly<Record<string, string>>) => string,
  out: CompletenessItem[],
): void {
  if (!rule.types.includes(request.type)) return;
  const visit = (target: unknown, prefix: string) => {
    if (rule.when && !rule.when.every((c) => conditionHolds(c, target, request))) return;
    if (checkPasses(rule.check, target, request)) return;
    out.push({ field: prefix + rule.field, reason: rule.reason, citation: cite(rule.citations), rule: rule.id });
  };
  switch (rule.scope.on) {
    case 'request':
      visit(request, '');
      return;
    case 'measure': {
      const kinds = rule.scope.kinds;
      request.measures.forEach((m, i) => {
        if (kinds.includes(m.kind)) visit(m, `measures[${i}].`);
      });
      return;
    }
    case 'person': {
      const roles = rule.scope.roles;
      request.persons.forEach((p, i) => {
        if (roles.includes(p.role)) visit(p, `persons[${i}].`);
      });
      return;
    }
    case 'offence':
      request.offences.forEach((o, i) => {
        visit(o, `offences[${i}].`);
      });
      return;
    default: {
      const never: never = rule.scope;
      throw new Error(`unknown rule scope ${JSON.stringify(never)}`);
    }
  }
}

function basisProblems(request: RequestDraft, ctx: CompletenessContext): CompletenessProblem[] {
  const problems: CompletenessProblem[] = [];
  const basis = request.legalBasis;
  if (!basis) return problems;
  if (basis.kind === 'reciprocity') {
    // Say so when a treaty would do: a treaty basis is usually firmer than an assurance.
    const usable = new Map<string, LegalBasis>();
    for (const answer of ctx.basisAnswers) {
      for (const b of answer.bases) if (b.outcome === 'applicable' && !usable.has(b.instrument)) usable.set(b.instrument, b);
    }
    if (usable.size > 0) {
      const first = [...usable.values()][0] as LegalBasis;
      problems.push({
        field: 'legalBasis',
        severity: 'info',
        rule: 'basis-treaty-available',
        params: { instruments: [...usable.keys()].join(', ') },
        reason: `Reciprocity is chosen, but ${[...usable.keys()].join(', ')} applies between the two States for this request.`,
        citation: first.citation,
      });
    }
    if (!basis.assurance?.trim()) {
      problems.push({
        field: 'legalBasis.assurance',
        severity: 'warning',
        rule: 'reciprocity-assurance',
        reason: 'A request on the basis of reciprocity should give the assurance of reciprocity.',
        citation: 'Reciprocity (no treaty)',
      });
    }
    return problems;
  }
  for (const answer of ctx.basisAnswers) {
    const offence = answer.query.offence;
    const found = answer.bases.find((b) => b.instrument === basis.instrument);
    const citation = basis.citation ?? `${basis.instrument}${basis.articles.length ? ` art. ${basis.articles.join(', ')}` : ''}`;
    if (!found) {
      problems.push({
        field: 'legalBasis',
        severity: 'error',
        rule: 'basis-not-found',
        params: { instrument: basis.instrument, type: answer.query.type, offence },
        reason: `${basis.instrument} is not among the instruments the legal-basis engine knows for ${answer.query.type} and ${offence}.`,
        citation,
      });
      continue;
    }
    const because = found.reasons.join(' ');
    switch (found.outcome) {
      case 'not-applicable':
        problems.push({
          field: 'legalBasis',
          severity: 'error',
          rule: 'basis-not-applicable',
          params: { instrument: basis.instrument, type: answer.query.type, offence, requesting: answer.query.requesting, requested: answer.query.requested, date: answer.query.date, because },
          reason: `${basis.instrument} is not a legal basis for this request (${answer.query.type}, ${offence}, ${answer.query.requesting}\u2192${answer.query.requested} on ${answer.query.date}): ${because}`,
          citation: found.citation,
        });
        break;
      case 'unknown':
        problems.push({
          field: 'legalBasis',
          severity: 'warning',
          rule: 'basis-status-unknown',
          params: { instrument: basis.instrument, requesting: answer.query.requesting, requested: answer.query.requested, date: answer.query.date, because },
          reason: `Whether ${basis.instrument} applies is unknown from the data (${answer.query.requesting}\u2192${answer.query.requested} on ${answer.query.date}): ${because} Confirm the status with the depositary.`,
          citation: found.citation,
        });
        break;
      case 'conditional':
        for (const condition of found.conditions) {
          problems.push({
            field: 'legalBasis',
            severity: 'warning',
            rule: 'basis-condition',
            params: { instrument: basis.instrument, condition },
            reason: `${basis.instrument} applies only if: ${condition}`,
            citation: found.citation,
          });
        }
        break;
      case 'applicable':
        break;
      default: {
        const never: never = found.outcome;
        return never;
      }
    }
    const provided = new Set(found.articles.map((a) => a.number));
    const foreign = basis.articles.filter((a) => !provided.has(a));
    if (provided.size > 0 && foreign.length > 0) {
      problems.push({
        field: 'legalBasis.articles',
        severity: 'warning',
        rule: 'basis-articles',
        params: { instrument: basis.instrument, type: answer.query.type, provided: [...provided].join(', '), foreign: foreign.join(', ') },
        reason: `${basis.instrument} provides ${answer.query.type} in art. ${[...provided].join(', ')}, not in art. ${foreign.join(', ')}.`,
        citation: found.citation,
      });
    }
  }
  return dedupe(problems);
}

function dedupe<T extends CompletenessItem>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.rule}|${i.field}|${i.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Completeness of a request: essential items (block transmission), recommended items, problems. */
export function checkCompleteness(request: RequestDraft, ctx: CompletenessContext): CompletenessReport {
  const instrument = request.legalBasis?.kind === 'treaty' ? request.legalBasis.instrument : null;
  const supplements = ctx.basisSupplements ?? null;
  const cite = (citations: Readonly<Record<string, string>>) => citeRule(citations, instrument, supplements);
  const essential: CompletenessItem[] = [];
  const recommended: CompletenessItem[] = [];
  for (const rule of COMPLETENESS_RULES) evaluateRule(rule, request, cite, rule.level === 'essential' ? essential : recommended);

  const problems = basisProblems(request, ctx);
  const langs = ctx.requestedLanguages;
  if (langs && langs.languages.length > 0 && request.language) {
    const name = LANGUAGE_NAMES_BY_CODE[request.language.toLowerCase()];
    if (!name || !langs.languages.includes(name)) {
      problems.push({
        field: 'language',
        severity: 'warning',
        rule: 'language-not-accepted',
        params: { state: request.requestedState, instrument: langs.instrument, accepted: langs.languages.join(', '), language: request.language },
        reason: `${request.requestedState} declared under ${langs.instrument} that it accepts ${langs.languages.join(', ')}; the request is in ${name ?? request.language}.`,
        citation: citeRule({ UNTOC: 'art. 18(14)', UNCAC: 'art. 46(14)', 'ETS-024': 'art. 23' }, langs.instrument, null),
      });
    }
  }
  if (request.deadline && request.deadline < ctx.date) {
    problems.push({
      field: 'deadline',
      severity: 'warning',
      rule: 'deadline-past',
      params: { deadline: request.deadline },
      reason: `The deadline ${request.deadline} is already past.`,
      citation: cite({ UNTOC: 'art. 18(24)', UNCAC: 'art. 46(24)' }),
    });
  }
  const personIds = new Set(request.persons.map((p) => p.id));
  request.measures.forEach((m, i) => {
    for (const id of m.personIds ?? []) {
      if (!personIds.has(id)) {
        problems.push({
          field: `measures[${i}].personIds`,
          severity: 'error',
          rule: 'measure-unknown-person',
          params: { person: id },
          reason: `The measure refers to person "${id}", who is not listed under Persons.`,
          citation: cite({ UNTOC: 'art. 18(15)(e)', UNCAC: 'art. 46(15)(e)' }),
        });
      }
    }
  });
  return { essentialMissing: dedupe(essential), recommendedMissing: dedupe(recommended), problems };
}
