// Every call the SPA makes to the node's HTTP API. Types and paths come from the client generated
// from the committed API document (packages/contract/src/generated/openapi.ts, written by
// `npm run openapi:sync`), so a server change that the document reflects fails `npm run typecheck`
// here and in the pages. Same origin, session cookie, CSRF header on every change.
import type { components, paths } from '@comity/contract/generated/openapi';
import createClient from 'openapi-fetch';

type Schemas = components['schemas'];
type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body an operation answers with `status`. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: infer R;
}
  ? S extends keyof R
    ? JsonContent<R[S]>
    : never
  : never;
/** The JSON body an operation accepts. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;
/** The query string an operation accepts. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Role = Schemas['User']['role'];
export const roles: readonly Role[] = ['admin', 'supervisor', 'practitioner', 'analyst', 'viewer'];

export type OrganisationKind = Schemas['Organisation']['kind'];
export const organisationKinds: readonly OrganisationKind[] = [
  'central-authority',
  'prosecution-service',
  'police',
  'financial-intelligence-unit',
  'customs',
  'court',
  'other',
];

export type SessionUser = Schemas['SessionUser'];
export type Session = Schemas['Session'];
export type ApiToken = ResponseOf<'/api/v1/account/tokens', 'get'>['items'][number];
export type CreatedToken = ResponseOf<'/api/v1/account/tokens', 'post', 201>;
export type Organisation = Schemas['Organisation'];
export type UserRecord = Schemas['User'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = ResponseOf<'/api/v1/audit', 'get'>;
export type AuditVerification = Schemas['AuditVerification'];
export type AuditProblem = NonNullable<AuditVerification['problems']>[number];
export type PublicSettings = ResponseOf<'/api/v1/settings/public', 'get'>;

export type UiLanguage = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

export type Country = Schemas['Country'];
/** A sentence of the legal-basis engine: code, parameters and the English text. */
export type CodedText = Schemas['CodedText'];
export type LegalBasisAnswer = Schemas['LegalBasisAnswer'];
export type LegalBasis = LegalBasisAnswer['bases'][number];
export type ContextInstrument = LegalBasisAnswer['context'][number];
export type StatusFact = LegalBasis['status']['requesting'];
export type AnswerReservation = LegalBasis['reservations'][number];
export type ReservationEffect = AnswerReservation['effect'];
export type InstrumentSummary = Schemas['InstrumentSummary'];
export type InstrumentDetail = Schemas['InstrumentDetail'];
export type Participation = InstrumentDetail['parties'][number];
export type CountryProfile = Schemas['CountryProfile'];
export type InstrumentList = Schemas['InstrumentList'];
export type Taxonomy = Schemas['Taxonomy'];
export type KnowledgeVersion = Schemas['KnowledgeVersion'];
export type ImportBody = Schemas['KnowledgeImportBodyInput'];
export type ImportReport = Schemas['KnowledgeImportReport'];
export type CuratedFact = Schemas['KnowledgeCurationBodyInput']['fact'];
export type Curation = Schemas['KnowledgeCuration'];
export type ConflictList = Schemas['KnowledgeConflictList'];
export type ProfileInstrument = CountryProfile['party'][number];
export type OwnDeclaredFacts = Schemas['OwnDeclaredFacts'];
export type DeclaredFactsContent = Schemas['DeclaredFactsContent'];
export type DeclaredFactsView = Schemas['ReceivedFacts'];
export type DeclaredDisagreement = Schemas['DeclaredDisagreement'];
/** An article as the pages show it: from an answer (with its flag) or from an instrument. */
export interface Article {
  number: string;
  heading: string;
  text?: string | undefined;
  toBeConfirmed?: boolean | undefined;
}
/** The finder's question; `all` is sent as `all=true` only when set. */
export type LegalBasisQuery = Omit<QueryOf<'/api/v1/legal-basis', 'get'>, 'all'> & { all?: boolean };

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
/** For the few calls made with fetch directly (resumable uploads). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The ApiError for a failed answer: the problem document's detail, else its title, else the status. */
function problemError(response: Response, parsed: unknown): ApiError {
  const problem = isRecord(parsed) ? parsed : {};
  const detail = typeof problem.detail === 'string' && problem.detail ? problem.detail : undefined;
  const title = typeof problem.title === 'string' && problem.title ? problem.title : undefined;
  const errors = Array.isArray(problem.errors)
    ? problem.errors.filter(isRecord).map((e) => ({ path: String(e.path ?? ''), message: String(e.message ?? '') }))
    : [];
  return new ApiError(
    response.status,
    detail ?? title ?? response.statusText ?? `HTTP ${response.status}`,
    typeof problem.code === 'string' ? problem.code : undefined,
    errors,
    problem,
  );
}

/** A query string without empty, false or absent values (`?a=1&b=x`, or nothing). */
export function query(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** The fetch under the typed client: adds the CSRF token to changes and turns a network failure
 * into ApiError(0, 'network'), as the pages expect. */
async function send(input: Request): Promise<Response> {
  if (input.method !== 'GET' && csrfToken) input.headers.set('x-csrf-token', csrfToken);
  try {
    return await fetch(input);
  } catch {
    throw new ApiError(0, 'network');
  }
}

/** The client generated from the API document: paths, parameters and bodies are checked by tsc. */
export const client = createClient<paths>({
  credentials: 'same-origin',
  headers: { accept: 'application/json, application/problem+json' },
  querySerializer: (params) => query(params),
  fetch: send,
});

/** The success body of a typed call, or the problem+json answer thrown as an ApiError. */
export async function unwrap<D>(pending: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  const { data, error, response } = await pending;
  if (!response.ok) throw problemError(response, error);
  return data as D;
}

/** For operations that answer 204 No Content. */
export async function unwrapVoid(pending: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await pending;
  if (!response.ok) throw problemError(response, error);
}

const id = (value: string) => ({ path: { id: value } });

export const api = {
  // Session
  // Answers 200 with `session: null` to an anonymous visitor, so the first page logs no 401.
  getSession: async () => (await unwrap(client.GET('/api/v1/session/current'))).session,
  signIn: (email: string, password: string) => unwrap(client.POST('/api/v1/session', { body: { email, password } })),
  signOut: () => unwrapVoid(client.DELETE('/api/v1/session')),
  changePassword: (currentPassword: string, newPassword: string, opts: { revokeApiTokens?: boolean } = {}) =>
    unwrapVoid(
      client.POST('/api/v1/account/password', {
        body: { currentPassword, newPassword, ...(opts.revokeApiTokens ? { revokeApiTokens: true } : {}) },
      }),
    ),

  // Personal API tokens
  listTokens: () => unwrap(client.GET('/api/v1/account/tokens')),
  createToken: (name: string) => unwrap(client.POST('/api/v1/account/tokens', { body: { name } })),
  revokeToken: (tokenId: string) => unwrapVoid(client.DELETE('/api/v1/account/tokens/{id}', { params: id(tokenId) })),
  revokeAllTokens: () => unwrap(client.DELETE('/api/v1/account/tokens')),

  // What letters print for their signatory
  getProfile: () => unwrap(client.GET('/api/v1/account/profile')),
  updateProfile: (input: BodyOf<'/api/v1/account/profile', 'patch'>) => unwrap(client.PATCH('/api/v1/account/profile', { body: input })),

  // Administration
  listOrganisations: () => unwrap(client.GET('/api/v1/organisations')),
  listCounterparts: () => unwrap(client.GET('/api/v1/counterparts')),
  createOrganisation: (input: BodyOf<'/api/v1/organisations', 'post'>) => unwrap(client.POST('/api/v1/organisations', { body: input })),
  /** `role` comes from a select whose options are `roles`; anything else (the empty "all") is left out. */
  listUsers: ({ role, ...filter }: Omit<QueryOf<'/api/v1/users', 'get'>, 'role'> & { role?: string }) =>
    unwrap(client.GET('/api/v1/users', { params: { query: { ...filter, role: roles.find((r) => r === role) } } })),
  createUser: (input: BodyOf<'/api/v1/users', 'post'>) => unwrap(client.POST('/api/v1/users', { body: input })),
  disableUser: (userId: string) => unwrap(client.POST('/api/v1/users/{id}/disable', { params: id(userId) })),
  enableUser: (userId: string) => unwrap(client.POST('/api/v1/users/{id}/enable', { params: id(userId) })),
  listAudit: (filter: QueryOf<'/api/v1/audit', 'get'>) => unwrap(client.GET('/api/v1/audit', { params: { query: filter } })),
  verifyAudit: () => unwrap(client.GET('/api/v1/audit/verify')),

  // Node and settings
  publicSettings: () => unwrap(client.GET('/api/v1/settings/public')),

  // Knowledge (public)
  countries: () => unwrap(client.GET('/api/v1/countries')),
  country: (code: string) => unwrap(client.GET('/api/v1/countries/{code}', { params: { path: { code } } })),
  instruments: () => unwrap(client.GET('/api/v1/instruments')),
  instrument: (instrumentId: string, version?: number) =>
    unwrap(client.GET('/api/v1/instruments/{id}', { params: { ...id(instrumentId), query: { version } } })),
  legalBasis: ({ all, ...q }: LegalBasisQuery) =>
    unwrap(client.GET('/api/v1/legal-basis', { params: { query: { ...q, all: all ? 'true' : undefined } } })),
  taxonomy: () => unwrap(client.GET('/api/v1/taxonomy')),
  knowledgeVersions: () => unwrap(client.GET('/api/v1/knowledge/versions')),

  // Knowledge administration
  importKnowledge: (body: ImportBody) => unwrap(client.POST('/api/v1/knowledge/imports', { body })),
  curations: (all = false) => unwrap(client.GET('/api/v1/knowledge/curations', { params: { query: { all: all ? 'true' : undefined } } })),
  curate: (body: BodyOf<'/api/v1/knowledge/curations', 'post'>) => unwrap(client.POST('/api/v1/knowledge/curations', { body })),
  withdrawCuration: (curationId: string, note: string) =>
    unwrap(client.POST('/api/v1/knowledge/curations/{id}/withdraw', { params: id(curationId), body: { note } })),
  confirmCuration: (curationId: string) => unwrap(client.POST('/api/v1/knowledge/curations/{id}/confirm', { params: id(curationId) })),
  knowledgeConflicts: () => unwrap(client.GET('/api/v1/knowledge/conflicts')),

  // Facts this node declares about its own State (four eyes before publication)
  ownFacts: () => unwrap(client.GET('/api/v1/knowledge/facts/own')),
  saveFactsDraft: (body: DeclaredFactsContent) => unwrap(client.PUT('/api/v1/knowledge/facts/draft', { body })),
  submitFacts: () => unwrap(client.POST('/api/v1/knowledge/facts/draft/submit', { body: {} })),
  approveFacts: (note?: string) => unwrap(client.POST('/api/v1/knowledge/facts/draft/approve', { body: note ? { note } : {} })),
  factsDisagreements: () => unwrap(client.GET('/api/v1/knowledge/facts/disagreements')),
};
