// The request as the editor holds it, and the pure steps between it and the API: from a saved
// request to a draft, from a draft to a request body, which fields two drafts differ in, and which
// field a 400 answer blames. Kept free of React so that it is unit-tested on its own.
import { ApiError } from './api.ts';
import type { RequestContent, RequestType, RequestView } from './requests.ts';

/** What the editor holds: the request's type and its content. */
export interface Draft extends RequestContent {
  type: RequestType;
  /** The requested authority on a peer node (from the directory), or null. */
  requestedNodeId: string | null;
  /** The requested authority without a node, from GET /api/v1/authorities, or null. */
  requestedAuthorityId: string | null;
}

const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export function emptyDraft(type: RequestType, lng: string): Draft {
  return {
    type,
    title: '',
    caseReference: '',
    requestedState: undefined,
    requestedOrganisationId: null,
    requestedNodeId: null,
    requestedAuthorityId: null,
    legalBasis: null,
    offences: [],
    facts: '',
    applicableLaw: '',
    proceedings: {},
    purpose: '',
    persons: [],
    measures: [],
    procedure: '',
    urgency: { urgent: false },
    deadline: null,
    deadlineReason: '',
    confidentiality: { confidential: false },
    useLimitations: {},
    language: UN_LANGUAGES.includes(lng) ? lng : 'en',
    marking: 'AMBER',
  };
}

export function draftOf(view: RequestView): Draft {
  const basis = view.legalBasis;
  return {
    type: view.type,
    title: view.title,
    caseReference: view.caseReference ?? '',
    requestedState: view.requestedState,
    requestedOrganisationId: view.requestedOrganisationId ?? null,
    requestedNodeId: view.requestedNodeId ?? null,
    requestedAuthorityId: view.requestedNodeId ? null : (view.requestedAuthority?.id ?? null),
    legalBasis: !basis
      ? null
      : basis.kind === 'treaty'
        ? { kind: 'treaty', instrument: basis.instrument, articles: basis.articles }
        : { kind: 'reciprocity', assurance: basis.assurance ?? '' },
    offences: view.offences,
    facts: view.facts ?? '',
    applicableLaw: view.applicableLaw ?? '',
    proceedings: view.proceedings,
    purpose: view.purpose ?? '',
    persons: view.persons,
    measures: view.measures,
    procedure: view.procedure ?? '',
    urgency: view.urgency,
    deadline: view.deadline ?? null,
    deadlineReason: view.deadlineReason ?? '',
    confidentiality: view.confidentiality,
    useLimitations: view.useLimitations,
    language: view.language,
    marking: view.marking,
  };
}

/** The body fields sent for a draft. Top-level text is sent even when blank so that clearing it saves;
 * nested parts (persons, measures…) are replaced whole, so their blank fields are left out. */
export function contentOf(d: Draft): RequestContent {
  const { type: _type, ...rest } = d;
  const body: RequestContent = {
    ...rest,
    offences: prune(d.offences ?? []),
    persons: prune(d.persons ?? []),
    measures: prune(d.measures ?? []),
    proceedings: prune(d.proceedings ?? {}),
    urgency: prune(d.urgency ?? { urgent: false }),
    confidentiality: prune(d.confidentiality ?? { confidential: false }),
    useLimitations: prune(d.useLimitations ?? {}),
    legalBasis: d.legalBasis ? prune(d.legalBasis) : null,
    deadline: d.deadline ? d.deadline : null,
  };
  if (!body.requestedState) delete body.requestedState;
  return body;
}

/** Top-level fields whose content differs between two drafts. */
export function changedFields(a: Draft, b: Draft): string[] {
  const ca = contentOf(a) as Record<string, unknown>;
  const cb = contentOf(b) as Record<string, unknown>;
  const keys = new Set([...Object.keys(ca), ...Object.keys(cb)]);
  return [...keys].filter((k) => JSON.stringify(ca[k] ?? null) !== JSON.stringify(cb[k] ?? null)).sort();
}

/** Removes empty strings and undefined from nested objects: optional fields are left out, not sent blank. */
export function prune<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => prune(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
      out[k] = prune(v);
    }
    return out as T;
  }
  return value;
}

/** Field errors of a 400 answer: zod paths (`body.persons.0.nationality`) and a service's `field`. */
export function fieldErrorsOf(error: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!(error instanceof ApiError) || error.status !== 400) return out;
  for (const e of error.fieldErrors) {
    const path = e.path.replace(/^body\.?/, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
    if (path) out.set(path, e.message);
  }
  if (typeof error.problem.field === 'string') out.set(error.problem.field, error.message);
  return out;
}
