// Every call the SPA makes to the node's HTTP API, typed in one place so that a change in the
// contract is adjusted here only. Same origin, session cookie, CSRF header on every change.
import type {
  ConflictList as ConflictListSchema,
  Country as CountrySchema,
  CountryProfile as CountryProfileSchema,
  CuratedFact as CuratedFactSchema,
  Curation as CurationSchema,
  ImportBody as ImportBodySchema,
  ImportReport as ImportReportSchema,
  InstrumentDetail as InstrumentDetailSchema,
  InstrumentList as InstrumentListSchema,
  InstrumentSummary as InstrumentSummarySchema,
  KnowledgeVersion as KnowledgeVersionSchema,
  LegalBasisAnswer as LegalBasisAnswerSchema,
  Taxonomy as TaxonomySchema,
} from '@comity/contract/knowledge';
import type { z } from 'zod';

export type Role = 'admin' | 'supervisor' | 'practitioner' | 'analyst' | 'viewer';
export const roles: readonly Role[] = ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'];

export type OrganisationKind =
  | 'central-authority'
  | 'prosecution-service'
  | 'police'
  | 'financial-intelligence-unit'
  | 'customs'
  | 'court'
  | 'other';
export const organisationKinds: readonly OrganisationKind[] = [
  'central-authority',
  'prosecution-service',
  'police',
  'financial-intelligence-unit',
  'customs',
  'court',
  'other',
];

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation: { id: string; name: string; country: string; kind: OrganisationKind };
  mustChangePassword: boolean;
}
export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}
export interface Organisation {
  id: string;
  name: string;
  country: string;
  kind: OrganisationKind;
  createdAt: string;
}
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  disabled: boolean;
  createdAt: string;
}
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  organisationId: string | null;
  action: string;
  target: string | null;
  requestId: string | null;
  digest: string;
}
export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}
export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBroken?: number;
}

export type UiLanguage = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

// Knowledge shapes are taken from the contract's zod schemas as types only (erased at build time, so
// zod never enters the bundle): when the contract changes, the compiler points at every page affected.
export type Country = z.infer<typeof CountrySchema>;
export type LegalBasisAnswer = z.infer<typeof LegalBasisAnswerSchema>;
export type LegalBasis = LegalBasisAnswer['bases'][number];
export type ContextInstrument = LegalBasisAnswer['context'][number];
export type StatusFact = LegalBasis['status']['requesting'];
export type AnswerReservation = LegalBasis['reservations'][number];
export type ReservationEffect = AnswerReservation['effect'];
export type InstrumentSummary = z.infer<typeof InstrumentSummarySchema>;
export type InstrumentDetail = z.infer<typeof InstrumentDetailSchema>;
export type Participation = InstrumentDetail['parties'][number];
export type CountryProfile = z.infer<typeof CountryProfileSchema>;
export type InstrumentList = z.infer<typeof InstrumentListSchema>;
export type Taxonomy = z.infer<typeof TaxonomySchema>;
export type KnowledgeVersion = z.infer<typeof KnowledgeVersionSchema>;
export type ImportBody = z.input<typeof ImportBodySchema>;
export type ImportReport = z.infer<typeof ImportReportSchema>;
export type CuratedFact = z.input<typeof CuratedFactSchema>;
export type Curation = z.infer<typeof CurationSchema>;
export type ConflictList = z.infer<typeof ConflictListSchema>;
export type ProfileInstrument = CountryProfile['party'][number];
/** An article as the pages show it: from an answer (with its flag) or from an instrument. */
export interface Article {
  number: string;
  heading: string;
  text?: string | undefined;
  toBeConfirmed?: boolean | undefined;
}
export interface LegalBasisQuery {
  requesting: string;
  requested: string;
  type: string;
  offence: string;
  date?: string;
  all?: boolean;
}

/** An RFC 9457 problem returned by the API, or a network failure dressed as one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly fieldErrors: { path: string; message: string }[];
  /** The whole problem document, for members such as `allowed` or `essentialMissing`. */
  readonly problem: Record<string, unknown>;
  constructor(
    status: number,
    message: string,
    code?: string,
    fieldErrors: { path: string; message: string }[] = [],
    problem: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.problem = problem;
  }
}

// The CSRF token lives in memory only: it is handed out with the session and sent back on changes.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const problem = isRecord(parsed) ? parsed : {};
    const detail = typeof problem.detail === 'string' && problem.detail ? problem.detail : undefined;
    const title = typeof problem.title === 'string' && problem.title ? problem.title : undefined;
    const errors = Array.isArray(problem.errors)
      ? problem.errors.filter(isRecord).map((e) => ({ path: String(e.path ?? ''), message: String(e.message ?? '') }))
      : [];
    throw new ApiError(
      response.status,
      detail ?? title ?? response.statusText ?? `HTTP ${response.status}`,
      typeof problem.code === 'string' ? problem.code : undefined,
      errors,
      problem,
    );
  }
  return parsed as T;
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export const api = {
  // Session
  getSession: async () => (await request<{ session: Session | null }>('GET', '/api/v1/session/current')).session,
  signIn: (email: string, password: string) => request<Session>('POST', '/api/v1/session', { email, password }),
  signOut: () => request<void>('DELETE', '/api/v1/session'),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/v1/account/password', { currentPassword, newPassword }),

  // Personal API tokens
  listTokens: () => request<{ items: ApiToken[] }>('GET', '/api/v1/account/tokens'),
  createToken: (name: string) => request<{ id: string; name: string; token: string }>('POST', '/api/v1/account/tokens', { name }),
  revokeToken: (id: string) => request<void>('DELETE', `/api/v1/account/tokens/${encodeURIComponent(id)}`),

  // Administration
  listOrganisations: () => request<{ items: Organisation[] }>('GET', '/api/v1/organisations'),
  listCounterparts: () => request<{ items: Organisation[] }>('GET', '/api/v1/counterparts'),
  createOrganisation: (input: { name: string; country: string; kind: OrganisationKind }) =>
    request<Organisation>('POST', '/api/v1/organisations', input),
  listUsers: (filter: { organisationId?: string; role?: string; q?: string }) =>
    request<{ items: UserRecord[] }>('GET', `/api/v1/users${query(filter)}`),
  createUser: (input: { email: string; name: string; role: Role; organisationId: string; password: string }) =>
    request<UserRecord>('POST', '/api/v1/users', input),
  disableUser: (id: string) => request<UserRecord>('POST', `/api/v1/users/${encodeURIComponent(id)}/disable`),
  enableUser: (id: string) => request<UserRecord>('POST', `/api/v1/users/${encodeURIComponent(id)}/enable`),
  listAudit: (filter: { action?: string; actor?: string; from?: string; to?: string; limit?: number; before?: number }) =>
    request<AuditPage>('GET', `/api/v1/audit${query(filter)}`),
  verifyAudit: () => request<AuditVerification>('GET', '/api/v1/audit/verify'),

  // Node and settings
  publicSettings: () => request<{ requireSignInForKnowledge: boolean }>('GET', '/api/v1/settings/public'),

  // Knowledge (public)
  countries: () => request<{ items: Country[] }>('GET', '/api/v1/countries'),
  country: (code: string) => request<CountryProfile>('GET', `/api/v1/countries/${encodeURIComponent(code)}`),
  instruments: () => request<InstrumentList>('GET', '/api/v1/instruments'),
  instrument: (id: string, version?: number) =>
    request<InstrumentDetail>('GET', `/api/v1/instruments/${encodeURIComponent(id)}${query({ version })}`),
  legalBasis: (q: LegalBasisQuery) => request<LegalBasisAnswer>('GET', `/api/v1/legal-basis${query({ ...q })}`),
  taxonomy: () => request<Taxonomy>('GET', '/api/v1/taxonomy'),
  knowledgeVersions: () => request<{ items: KnowledgeVersion[] }>('GET', '/api/v1/knowledge/versions'),

  // Knowledge administration
  importKnowledge: (body: ImportBody) => request<ImportReport>('POST', '/api/v1/knowledge/imports', body),
  curations: (all = false) => request<{ items: Curation[] }>('GET', `/api/v1/knowledge/curations${query({ all })}`),
  curate: (body: { fact: CuratedFact; source: string; note: string }) => request<Curation>('POST', '/api/v1/knowledge/curations', body),
  withdrawCuration: (id: string, note: string) =>
    request<Curation>('POST', `/api/v1/knowledge/curations/${encodeURIComponent(id)}/withdraw`, { note }),
  confirmCuration: (id: string) => request<Curation>('POST', `/api/v1/knowledge/curations/${encodeURIComponent(id)}/confirm`),
  knowledgeConflicts: () => request<ConflictList>('GET', '/api/v1/knowledge/conflicts'),
};
