// Requests, notifications and federation as the SPA sees them: shapes taken from the contract as
// types only (zod stays out of the bundle), vocabularies from core, and every call these pages make.
import type {
  Attachment as AttachmentSchema,
  Completeness,
  CreateRequestBody as CreateRequestBodySchema,
  Notification as NotificationSchema,
  NotificationList as NotificationListSchema,
  PatchRequestBody as PatchRequestBodySchema,
  RefusalGroundList as RefusalGroundListSchema,
  RequestList as RequestListSchema,
  RequestStatistics as RequestStatisticsSchema,
  RequestSummary as RequestSummarySchema,
  RequestView,
  TimelineEvent as TimelineEventSchema,
  TransitionBody,
} from '@comity/contract/requests';
import type {
  CardPreview as CardPreviewSchema,
  DirectoryEntry as DirectoryEntrySchema,
  Peer as PeerSchema,
  SignedNodeCard,
} from '@comity/contract/federation';
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
import type { z } from 'zod';
import { ApiError, query, request } from './api.ts';

export type { Completeness, RequestAction, RequestState, RequestType, RequestView, SignedNodeCard, TlpMarking, TransitionBody };
export type CompletenessItem = Completeness['essentialMissing'][number];
export type CompletenessProblem = Completeness['problems'][number];
export type RequestSummary = z.infer<typeof RequestSummarySchema>;
export type RequestList = z.infer<typeof RequestListSchema>;
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type RequestStatistics = z.infer<typeof RequestStatisticsSchema>;
export type StatisticsGroup = RequestStatistics['groups'][number];
export type Notification = z.infer<typeof NotificationSchema>;
export type NotificationList = z.infer<typeof NotificationListSchema>;
export type RefusalGround = z.infer<typeof RefusalGroundListSchema>['items'][number];
/** What the editor sends: the client's view of the request body (defaults not yet applied). */
export type CreateRequestBody = z.input<typeof CreateRequestBodySchema>;
export type PatchRequestBody = z.input<typeof PatchRequestBodySchema>;
export type RequestContent = Omit<CreateRequestBody, 'type'>;
export type Person = NonNullable<RequestContent['persons']>[number];
export type Measure = NonNullable<RequestContent['measures']>[number];
export type Offence = NonNullable<RequestContent['offences']>[number];
export type Order = NonNullable<Measure['order']>;
export type LegalBasisChoiceInput = NonNullable<RequestContent['legalBasis']>;
export type Peer = z.infer<typeof PeerSchema>;
export type CardPreview = z.infer<typeof CardPreviewSchema>;
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

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

export interface RequestFilter {
  type?: string;
  state?: string;
  side?: string;
  counterpart?: string;
  q?: string;
  overdue?: string;
  awaitingMyApproval?: string;
  limit?: number;
  offset?: number;
}

export interface StatisticsFilter {
  side?: string;
  from?: string;
  to?: string;
  type?: string;
}

export interface TransitionInput {
  action: RequestAction;
  reason?: string;
  version?: number;
  grounds?: { ground: string; citation?: string; note?: string }[];
  until?: string;
}

const id = (value: string) => encodeURIComponent(value);

export const requestsApi = {
  list: (filter: RequestFilter) => request<RequestList>('GET', `/api/v1/requests${query({ ...filter })}`),
  get: (requestId: string) => request<RequestView>('GET', `/api/v1/requests/${id(requestId)}`),
  create: (body: CreateRequestBody) => request<RequestView>('POST', '/api/v1/requests', body),
  update: (requestId: string, body: PatchRequestBody) => request<RequestView>('PATCH', `/api/v1/requests/${id(requestId)}`, body),
  completeness: (requestId: string) => request<Completeness>('GET', `/api/v1/requests/${id(requestId)}/completeness`),
  /** Checks what is on screen, saved or not. */
  check: (body: CreateRequestBody) => request<Completeness>('POST', '/api/v1/requests/check', body),
  transition: (requestId: string, body: TransitionInput) => request<RequestView>('POST', `/api/v1/requests/${id(requestId)}/transitions`, body),
  refusalGrounds: (type?: RequestType) => request<{ items: RefusalGround[] }>('GET', `/api/v1/requests/refusal-grounds${query({ type })}`),
  statistics: (filter: StatisticsFilter) => request<RequestStatistics>('GET', `/api/v1/requests/statistics${query({ ...filter })}`),
  uploadAttachment: (requestId: string, body: { filename: string; mediaType?: string; contentBase64: string }) =>
    request<Attachment>('POST', `/api/v1/requests/${id(requestId)}/attachments`, body),
  attachmentUrl: (requestId: string, attachmentId: string) => `/api/v1/requests/${id(requestId)}/attachments/${id(attachmentId)}`,
  documentUrl: (requestId: string, format: 'pdf' | 'docx', lang: DocumentLanguage) =>
    `/api/v1/requests/${id(requestId)}/document${query({ format, lang })}`,
};

export const notificationsApi = {
  list: (filter: { unread?: string; limit?: number } = {}) => request<NotificationList>('GET', `/api/v1/notifications${query({ ...filter })}`),
  markRead: (notificationId: string) => request<Notification>('POST', `/api/v1/notifications/${id(notificationId)}/read`),
  /** The API marks one at a time; the unread ones are marked in turn. */
  async markAllRead(): Promise<number> {
    const unread = await request<NotificationList>('GET', `/api/v1/notifications${query({ unread: 'true', limit: 200 })}`);
    for (const n of unread.items) await notificationsApi.markRead(n.id);
    return unread.items.length;
  },
};

export interface FederationProfile {
  organisationId: string | null;
  endpoint: string | null;
  requestTypes: string[];
  languages: string[];
  card: SignedNodeCard | null;
}

export const federationApi = {
  peers: () => request<{ items: Peer[] }>('GET', '/api/v1/peers'),
  previewCard: (card: SignedNodeCard) => request<CardPreview>('POST', '/api/v1/peers/preview', { card }),
  addPeer: (card: SignedNodeCard, confirmFingerprint: string) => request<Peer>('POST', '/api/v1/peers', { card, confirmFingerprint }),
  peerAction: (nodeId: string, action: 'suspend' | 'resume' | 'revoke', reason: string) =>
    request<Peer>('POST', `/api/v1/peers/${id(nodeId)}/${action}`, { reason }),
  ownCard: () => request<SignedNodeCard>('GET', '/federation/v1/card'),
  profile: () => request<FederationProfile>('GET', '/api/v1/federation/profile'),
  updateProfile: (body: { organisationId?: string; endpoint?: string | null; requestTypes?: string[]; languages?: string[] }) =>
    request<FederationProfile>('PUT', '/api/v1/federation/profile', body),
  directory: (filter: { q?: string; state?: string; requestType?: string; language?: string }) =>
    request<{ items: DirectoryEntry[] }>('GET', `/api/v1/directory${query({ ...filter })}`),
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
