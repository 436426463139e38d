// Requests, notifications and federation as the SPA sees them: shapes taken from the contract as
// types only (zod stays out of the bundle), vocabularies from core, and every call these pages make.
import { COMPLETENESS_RULES, type CompletenessRule } from '@comity/core/requests/completeness-rules';
import { LIFECYCLE, REQUEST_ACTIONS, type RequestAction } from '@comity/core/requests/lifecycle';
import {
  cooperationTypeOf,
  DISPOSAL_GROUNDS,
  MEASURE_KINDS,
  MEASURES_BY_TYPE,
  type MeasureKind,
  ORDER_KINDS,
  PERSON_ROLES,
  type PersonRole,
  PROCEEDING_STAGES,
  REQUEST_STATES,
  REQUEST_TYPES,
  type RequestState,
  type RequestType,
  TLP_MARKINGS,
  type TlpMarking,
} from '@comity/core/requests/request';
import type { components } from '@comity/contract/generated/openapi';
import { ApiError, type BodyOf, client, type QueryOf, query, type ResponseOf, unwrap } from './api.ts';

// Shapes from the client generated from the API document (see api.ts).
type Schemas = components['schemas'];
export type { RequestAction, RequestState, RequestType, TlpMarking };
export type Completeness = Schemas['Completeness'];
export type RequestView = Schemas['Request'];
export type SignedNodeCard = Schemas['SignedNodeCard'];
export type TransitionBody = Schemas['TransitionBodyInput'];
export type CompletenessItem = Completeness['essentialMissing'][number];
export type CompletenessProblem = Completeness['problems'][number];
export type RequestSummary = Schemas['RequestSummary'];
export type WorklistGroup = Schemas['WorklistGroup'];
export type RequestList = Schemas['RequestList'];
export type TimelineEvent = Schemas['RequestTimelineEvent'];
export type Attachment = Schemas['RequestAttachment'];
export type RequestStatistics = Schemas['RequestStatistics'];
export type StatisticsGroup = RequestStatistics['groups'][number];
export type Notification = Schemas['Notification'];
export type NotificationList = Schemas['NotificationList'];
export type RefusalGround = Schemas['RefusalGroundList']['items'][number];
export type LetterWarning = Schemas['LetterWarning'];
/** What the editor sends: the client's view of the request body (defaults not yet applied). */
export type CreateRequestBody = Schemas['CreateRequestBodyInput'];
export type PatchRequestBody = Schemas['PatchRequestBodyInput'];
export type RequestContent = Omit<CreateRequestBody, 'type'>;
export type Person = NonNullable<RequestContent['persons']>[number];
export type Measure = NonNullable<RequestContent['measures']>[number];
export type Offence = NonNullable<RequestContent['offences']>[number];
export type Order = NonNullable<Measure['order']>;
export type LegalBasisChoiceInput = NonNullable<RequestContent['legalBasis']>;
export type Peer = Schemas['Peer'];
export type CardPreview = Schemas['CardPreview'];
export type DirectoryEntry = Schemas['DirectoryEntry'];

export {
  cooperationTypeOf,
  DISPOSAL_GROUNDS,
  LIFECYCLE,
  MEASURE_KINDS,
  MEASURES_BY_TYPE,
  type MeasureKind,
  ORDER_KINDS,
  PERSON_ROLES,
  type PersonRole,
  PROCEEDING_STAGES,
  REQUEST_ACTIONS,
  REQUEST_STATES,
  REQUEST_TYPES,
  TLP_MARKINGS,
};

export const DOCUMENT_LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** Languages a request can be written in: the six UN languages first, then others practitioners use. */
export const REQUEST_LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru', 'zh', 'pt', 'de', 'it', 'nl', 'tr', 'pl', 'ja', 'ko'] as const;

/** A query whose parameters (names from the document) come from the address bar or a select: a
 * vocabulary value is any string there, and the server answers an unknown one with 400. */
type FromForm<Q> = { [K in keyof Q]?: NonNullable<Q[K]> extends string ? string : Q[K] };
type RequestQuery = QueryOf<'/api/v1/requests', 'get'>;
type StatisticsQuery = QueryOf<'/api/v1/requests/statistics', 'get'>;
export type RequestFilter = FromForm<RequestQuery>;
export type StatisticsFilter = FromForm<StatisticsQuery>;
export type TransitionInput = TransitionBody;

const id = (value: string) => ({ path: { id: value } });
const segment = (value: string) => encodeURIComponent(value);

export const requestsApi = {
  list: (filter: RequestFilter) => unwrap(client.GET('/api/v1/requests', { params: { query: filter as RequestQuery } })),
  worklist: () => unwrap(client.GET('/api/v1/worklist')),
  get: (requestId: string) => unwrap(client.GET('/api/v1/requests/{id}', { params: id(requestId) })),
  create: (body: CreateRequestBody) => unwrap(client.POST('/api/v1/requests', { body })),
  update: (requestId: string, body: PatchRequestBody) => unwrap(client.PATCH('/api/v1/requests/{id}', { params: id(requestId), body })),
  completeness: (requestId: string) => unwrap(client.GET('/api/v1/requests/{id}/completeness', { params: id(requestId) })),
  /** Checks what is on screen, saved or not. */
  check: (body: BodyOf<'/api/v1/requests/check', 'post'>) => unwrap(client.POST('/api/v1/requests/check', { body })),
  transition: (requestId: string, body: TransitionInput) =>
    unwrap(client.POST('/api/v1/requests/{id}/transitions', { params: id(requestId), body })),
  refusalGrounds: (type?: RequestType) => unwrap(client.GET('/api/v1/requests/refusal-grounds', { params: { query: { type } } })),
  statistics: (filter: StatisticsFilter) =>
    unwrap(client.GET('/api/v1/requests/statistics', { params: { query: filter as StatisticsQuery } })),
  /** The document gives this operation no JSON body (it also takes the raw file), so the JSON form
   * is typed from its own component and sent through the same client. */
  uploadAttachment: (requestId: string, body: Schemas['AttachmentJsonBodyInput']) =>
    unwrap(
      client.POST('/api/v1/requests/{id}/attachments', {
        params: id(requestId),
        body: body as never,
      }) as Promise<{ data?: ResponseOf<'/api/v1/requests/{id}/attachments', 'post', 201>; error?: unknown; response: Response }>,
    ),
  copyAttachment: (requestId: string, from: { requestId: string; attachmentId: string }) =>
    unwrap(client.POST('/api/v1/requests/{id}/attachments/copy', { params: id(requestId), body: from })),
  attachmentUrl: (requestId: string, attachmentId: string) => `/api/v1/requests/${segment(requestId)}/attachments/${segment(attachmentId)}`,
  /** What to confirm before exporting the letter in `lang`. */
  documentCheck: (requestId: string, lang: DocumentLanguage) =>
    unwrap(client.GET('/api/v1/requests/{id}/document/check', { params: { path: { id: requestId }, query: { lang } } })),
  documentUrl: (requestId: string, format: 'pdf' | 'docx', lang: DocumentLanguage) =>
    `/api/v1/requests/${segment(requestId)}/document${query({ format, lang })}`,
};

export const notificationsApi = {
  list: (filter: QueryOf<'/api/v1/notifications', 'get'> = {}) => unwrap(client.GET('/api/v1/notifications', { params: { query: filter } })),
  markRead: (notificationId: string) => unwrap(client.POST('/api/v1/notifications/{id}/read', { params: id(notificationId) })),
  /** The API marks one at a time; the unread ones are marked in turn. */
  async markAllRead(): Promise<number> {
    const unread = await notificationsApi.list({ unread: 'true', limit: 200 });
    for (const n of unread.items) await notificationsApi.markRead(n.id);
    return unread.items.length;
  },
};

export type FederationProfile = ResponseOf<'/api/v1/federation/profile', 'get'>;

export const federationApi = {
  peers: () => unwrap(client.GET('/api/v1/peers')),
  previewCard: (card: SignedNodeCard) => unwrap(client.POST('/api/v1/peers/preview', { body: { card } })),
  addPeer: (card: SignedNodeCard, confirmFingerprint: string) => unwrap(client.POST('/api/v1/peers', { body: { card, confirmFingerprint } })),
  peerAction: (nodeId: string, action: 'suspend' | 'resume' | 'revoke', reason: string) =>
    unwrap(client.POST(`/api/v1/peers/{nodeId}/${action}`, { params: { path: { nodeId } }, body: { reason } })),
  ownCard: () => unwrap(client.GET('/federation/v1/card')),
  profile: () => unwrap(client.GET('/api/v1/federation/profile')),
  updateProfile: (body: BodyOf<'/api/v1/federation/profile', 'put'>) => unwrap(client.PUT('/api/v1/federation/profile', { body })),
  directory: (filter: QueryOf<'/api/v1/directory', 'get'>) => unwrap(client.GET('/api/v1/directory', { params: { query: filter } })),
};

/**
 * Fetches a file the API renders (a PDF or DOCX letter, an attachment) and hands it to the browser
 * as a download. A failure (e.g. no Chromium on the node for PDF) arrives as problem+json and is
 * thrown as an ApiError, so the page can say why instead of saving an error page as a file.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<{ filename: string; size: number; sha256: string | null }> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { accept: '*/*' } });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!response.ok) {
    let problem: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(await response.text());
      if (typeof parsed === 'object' && parsed !== null) problem = parsed as Record<string, unknown>;
    } catch {
      // Not JSON: keep the status text.
    }
    const detail = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : response.statusText;
    throw new ApiError(response.status, detail || `HTTP ${response.status}`, typeof problem.code === 'string' ? problem.code : undefined, [], problem);
  }
  const blob = await response.blob();
  const filename = filenameFrom(response.headers.get('content-disposition')) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the browser reads the blob after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { filename, size: blob.size, sha256: response.headers.get('x-content-sha256') };
}

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}

/** Reads a file the user chose as base64 (the attachments endpoint takes JSON). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** The element id of the editor input for a completeness path such as `measures[1].order.issuedOn`. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}

/** Moves focus to the input a completeness item points at, or to the closest enclosing section. */
export function focusField(path: string): boolean {
  let p = path;
  for (;;) {
    const el = document.getElementById(fieldId(p));
    if (el) {
      // Open a collapsed <details> so that the field can take focus.
      for (let parent = el.parentElement; parent; parent = parent.parentElement) {
        if (parent instanceof HTMLDetailsElement) parent.open = true;
      }
      el.scrollIntoView({ block: 'center' });
      el.focus();
      return true;
    }
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return false;
    p = p.slice(0, cut);
  }
}

export function reasonRequired(action: RequestAction): boolean {
  return LIFECYCLE[action].reasonRequired;
}

/** Measure kinds a request of this type offers. */
export function measureKindsFor(type: RequestType): readonly MeasureKind[] {
  return MEASURES_BY_TYPE[type];
}

// ---- what the completeness rules ask for, so the editor can guide before the check runs ----------

export type RuleLevel = 'essential' | 'recommended';

function levelsWhere(type: RequestType, scoped: (rule: CompletenessRule) => boolean): Map<string, RuleLevel> {
  const out = new Map<string, RuleLevel>();
  for (const rule of COMPLETENESS_RULES) {
    if (!rule.types.includes(type) || !scoped(rule)) continue;
    if (out.get(rule.field) !== 'essential') out.set(rule.field, rule.level);
  }
  return out;
}

/** Request-level fields the rules ask for in a request of this type. */
export function requestFieldLevels(type: RequestType): Map<string, RuleLevel> {
  return levelsWhere(type, (r) => r.scope.on === 'request');
}

export function offenceFieldLevels(type: RequestType): Map<string, RuleLevel> {
  return levelsWhere(type, (r) => r.scope.on === 'offence');
}

export function measureFieldLevels(type: RequestType, kind: MeasureKind): Map<string, RuleLevel> {
  return levelsWhere(type, (r) => r.scope.on === 'measure' && r.scope.kinds.includes(kind));
}

export function personFieldLevels(type: RequestType, role: PersonRole): Map<string, RuleLevel> {
  return levelsWhere(type, (r) => r.scope.on === 'person' && r.scope.roles.includes(role));
}

/** Fields of a measure or person that rules look at, including the ones their conditions read
 * (e.g. `videoconference` decides whether `videoconferenceReason` is needed). Top-level names. */
export function fieldsRulesRead(type: RequestType, scoped: (rule: CompletenessRule) => boolean): Set<string> {
  const out = new Set<string>();
  for (const rule of COMPLETENESS_RULES) {
    if (!rule.types.includes(type) || !scoped(rule)) continue;
    out.add(rule.field.split('.')[0] as string);
    for (const c of rule.when ?? []) if ('path' in c) out.add(c.path.split('.')[0] as string);
  }
  return out;
}

export function measureFields(type: RequestType, kind: MeasureKind): Set<string> {
  return fieldsRulesRead(type, (r) => r.scope.on === 'measure' && r.scope.kinds.includes(kind));
}

export function personFields(type: RequestType, role: PersonRole): Set<string> {
  return fieldsRulesRead(type, (r) => r.scope.on === 'person' && r.scope.roles.includes(role));
}

export function isRequestType(value: string): value is RequestType {
  return (REQUEST_TYPES as readonly string[]).includes(value);
}

export function isTerminal(state: RequestState): boolean {
  return state === 'executed' || state === 'refused' || state === 'withdrawn';
}

// ---- unread notifications, shared by the header badge and the inbox -------------------------------

const unreadListeners = new Set<(count: number) => void>();
let unreadCount = 0;

export function onUnreadChange(listener: (count: number) => void): () => void {
  unreadListeners.add(listener);
  listener(unreadCount);
  return () => unreadListeners.delete(listener);
}

export function setUnread(count: number): void {
  unreadCount = count;
  for (const l of unreadListeners) l(count);
}

export async function refreshUnread(): Promise<void> {
  try {
    const list = await notificationsApi.list({ unread: 'true', limit: 1 });
    setUnread(list.unread);
  } catch {
    // Signed out or the capability is missing: the badge just stays as it was.
  }
}
