// Web capture as the SPA sees it: the calls of the capture form and its progress list.
import type { components } from '@comity/contract/generated/openapi';
import { type BodyOf, client, unwrap } from './api.ts';

type Schemas = components['schemas'];
export type CaptureView = Schemas['CaptureView'];
export type CaptureUrl = CaptureView['urls'][number];
export type CaptureItemKind = CaptureUrl['items'][number]['kind'];

/** Where an evidence item is shown (the vault's item page). */
export function evidenceItemPath(itemId: string): string {
  return `/evidence/items/${encodeURIComponent(itemId)}`;
}

/** One URL per line (or separated by spaces); blank lines dropped. */
export function parseUrlList(text: string): string[] {
  return text
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const capturesApi = {
  start: (body: BodyOf<'/api/v1/evidence/captures', 'post'>) => unwrap(client.POST('/api/v1/evidence/captures', { body })),
  get: (id: string) => unwrap(client.GET('/api/v1/evidence/captures/{id}', { params: { path: { id } } })),
  list: (owner: { caseId?: string; requestId?: string }) => unwrap(client.GET('/api/v1/evidence/captures', { params: { query: owner } })),
  retry: (id: string, urlId: string) => unwrap(client.POST('/api/v1/evidence/captures/{id}/urls/{urlId}/retry', { params: { path: { id, urlId } } })),
};
