// The release policy in the UI: consents (ask an originator, answer as one, approve with a second
// pair of eyes), the report of denied attempts, and the denial a route answers with (403 policy_denied).
import type { components } from '@comity/contract/generated/openapi';
import { ApiError, type BodyOf, client, unwrap } from './api.ts';

type Schemas = components['schemas'];
export type Consent = Schemas['Consent'];
export type MarkingView = Schemas['Marking'];
export type CreateConsentBody = BodyOf<'/api/v1/consents', 'post'>;
export type AnswerConsentBody = BodyOf<'/api/v1/consents/{id}/answer', 'post'>;
export type DeniedAttemptsReport = Schemas['DeniedAttemptsReport'];

export const consentsApi = {
  list: (direction?: 'asked' | 'received') => unwrap(client.GET('/api/v1/consents', { params: { query: direction ? { direction } : {} } })),
  ask: (body: CreateConsentBody) => unwrap(client.POST('/api/v1/consents', { body })),
  answer: (consentId: string, body: AnswerConsentBody) => unwrap(client.POST('/api/v1/consents/{id}/answer', { params: { path: { id: consentId } }, body })),
  approve: (consentId: string) => unwrap(client.POST('/api/v1/consents/{id}/approve', { params: { path: { id: consentId } } })),
  denials: () => unwrap(client.GET('/api/v1/policy/denials', { params: { query: {} } })),
};

/** What a 403 policy_denied problem says: the rule, its source, and whether consent can be asked. */
export interface PolicyDenialInfo {
  reason: string;
  rule: string;
  citation: string;
  action: string;
  consentable: boolean;
  sourceRequestId: string | null;
  proceedings: string | null;
  toNode: string | null;
  originatorName: string | null;
}

export function policyDenialOf(err: unknown): PolicyDenialInfo | null {
  if (!(err instanceof ApiError) || err.code !== 'policy_denied') return null;
  const p = err.problem;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const originator = p.originator as { name?: unknown } | null | undefined;
  return {
    reason: err.message,
    rule: str(p.rule) ?? '',
    citation: str(p.citation) ?? '',
    action: str(p.action) ?? '',
    consentable: p.consentable === true,
    sourceRequestId: str(p.sourceRequestId),
    proceedings: str(p.proceedings),
    toNode: str(p.toNode),
    originatorName: originator ? str(originator.name) : null,
  };
}
