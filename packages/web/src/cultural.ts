// The stolen cultural property registry from the browser (investigators): typed calls to
// /api/v1/cultural-property, and the few raw-body uploads (photos, CSV/XLSX imports) made with fetch.
import type { components } from '@comity/contract/generated/openapi';
import { ApiError, type BodyOf, client, currentCsrfToken, unwrap } from './api.ts';

export type CulturalObject = components['schemas']['CulturalObjectView'];
export type CulturalSummary = components['schemas']['CulturalObjectSummary'];
export type CulturalList = components['schemas']['CulturalObjectList'];
export type CulturalImportReport = components['schemas']['CulturalImportReport'];
export type CreateCulturalBody = BodyOf<'/api/v1/cultural-property', 'post'>;
export type PatchCulturalBody = BodyOf<'/api/v1/cultural-property/{id}', 'patch'>;
export type LegalStatus = components['schemas']['CulturalLegalStatus'];
export type CulturalPeerSetting = components['schemas']['CulturalPeerSetting'];
export type CulturalOrigin = 'all' | 'ours' | 'peers';
export const CULTURAL_ORIGINS: readonly CulturalOrigin[] = ['all', 'ours', 'peers'];

export const LEGAL_STATUSES: readonly LegalStatus[] = ['stolen', 'illicitly-exported', 'looted-from-site', 'recovered', 'returned'];
export const OBJECT_ID_FIELDS = ['materials', 'techniques', 'measurements', 'inscriptions', 'distinguishingFeatures', 'subject', 'dateOrPeriod', 'maker', 'description'] as const;
/** Fields long enough for a text area. */
export const LONG_FIELDS: ReadonlySet<string> = new Set(['inscriptions', 'distinguishingFeatures', 'description']);

export interface CulturalFilter {
  q?: string;
  legalStatus?: LegalStatus;
  objectType?: string;
  country?: string;
  origin?: CulturalOrigin;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function problemOf(response: Response): Promise<ApiError> {
  let problem: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await response.text());
    if (typeof parsed === 'object' && parsed !== null) problem = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: the status says enough.
  }
  const detail = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : `HTTP ${response.status}`;
  const errors = Array.isArray(problem.errors) ? problem.errors.map((e: { path?: unknown; message?: unknown }) => ({ path: String(e.path ?? ''), message: String(e.message ?? '') })) : [];
  return new ApiError(response.status, detail, typeof problem.code === 'string' ? problem.code : undefined, errors, problem);
}

/** A POST with a raw body (a photo, a CSV or XLSX file), answered with JSON. */
async function postRaw<T>(url: string, body: Blob, contentType: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': contentType, accept: 'application/json, application/problem+json' };
  const csrf = currentCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

/** The content type a photo is sent with: the file's own, or octet-stream (the node sniffs it). */
const photoType = (file: File) => (/^image\/(jpeg|png|webp)$/.test(file.type) ? file.type : 'application/octet-stream');

const listQuery = (f: CulturalFilter) => ({
  ...(f.q ? { q: f.q } : {}),
  ...(f.legalStatus ? { legalStatus: f.legalStatus } : {}),
  ...(f.objectType ? { objectType: f.objectType } : {}),
  ...(f.country ? { country: f.country } : {}),
  ...(f.origin && f.origin !== 'all' ? { origin: f.origin } : {}),
});

const qs = (f: CulturalFilter) => {
  const p = new URLSearchParams(listQuery(f) as Record<string, string>);
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const culturalApi = {
  list: (filter: CulturalFilter) => unwrap(client.GET('/api/v1/cultural-property', { params: { query: { ...listQuery(filter), limit: 200 } } })),
  searchByImage: (file: File, filter: CulturalFilter) => postRaw<CulturalList>(`/api/v1/cultural-property/search/image${qs(filter)}`, file, photoType(file)),
  get: (id: string) => unwrap(client.GET('/api/v1/cultural-property/{id}', { params: { path: { id } } })),
  /** A thumbnail served without sign-in (public records, and those peers published to this node). */
  publicImageUrl: (imageId: string) => `/api/v1/cultural-property/public/images/${encodeURIComponent(imageId)}`,
  peers: () => unwrap(client.GET('/api/v1/cultural-property/federation/peers')),
  /** The log of public checks the caller may see (node administrators: all; others: those that matched their records). */
  checks: (query: CheckLogFilter) => unwrap(client.GET('/api/v1/cultural-property/checks', { params: { query } })),
  /** A photo a person left with a check (only if they agreed), for those who may see the check. */
  checkPhotoUrl: (checkId: string) => `/api/v1/cultural-property/checks/${encodeURIComponent(checkId)}/photo?size=thumbnail`,
  setPeer: (nodeId: string, body: { publish?: boolean; accept?: boolean }) =>
    unwrap(client.PUT('/api/v1/cultural-property/federation/peers/{nodeId}', { params: { path: { nodeId } }, body })),
  create: (body: CreateCulturalBody) => unwrap(client.POST('/api/v1/cultural-property', { body })),
  update: (id: string, body: PatchCulturalBody) => unwrap(client.PATCH('/api/v1/cultural-property/{id}', { params: { path: { id } }, body })),
  addImage: (id: string, file: File) => postRaw<components['schemas']['CulturalImageView']>(`/api/v1/cultural-property/${encodeURIComponent(id)}/images`, file, photoType(file)),
  importFile: (file: File) =>
    postRaw<CulturalImportReport>('/api/v1/cultural-property/import', file, /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv'),
  imageUrl: (id: string, imageId: string, size: 'thumbnail' | 'original' = 'thumbnail') =>
    `/api/v1/cultural-property/${encodeURIComponent(id)}/images/${encodeURIComponent(imageId)}?size=${size}`,
};

export interface CheckLogFilter {
  matched?: 'true' | 'false';
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}
export type CheckLogEntry = components['schemas']['CulturalCheckEntry'];
