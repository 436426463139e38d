// The directory of requested authorities and requests to authorities without a node, as the SPA
// sees them: shapes from the generated client, vocabularies from core, and the calls these pages make.
import { AUTHORITY_SOURCES, TRANSMISSION_CHANNELS } from '@comity/core/authorities/authority';
import { RECORDED_ANSWERS } from '@comity/core/requests/lifecycle';
import type { components } from '@comity/contract/generated/openapi';
import { type BodyOf, client, type QueryOf, unwrap } from './api.ts';

type Schemas = components['schemas'];
export type DirectoryAuthority = Schemas['DirectoryAuthority'];
export type CreateAuthorityBody = Schemas['CreateAuthorityBodyInput'];
export type RecordAnswerBody = Schemas['RecordAnswerBodyInput'];
export type AuthoritySource = (typeof AUTHORITY_SOURCES)[number];
export type TransmissionChannel = (typeof TRANSMISSION_CHANNELS)[number];
export type RecordedAnswer = (typeof RECORDED_ANSWERS)[number];
export { AUTHORITY_SOURCES, RECORDED_ANSWERS, TRANSMISSION_CHANNELS };

const path = (id: string) => ({ path: { id } });

export const authoritiesApi = {
  directory: (filter: QueryOf<'/api/v1/authorities', 'get'>) => unwrap(client.GET('/api/v1/authorities', { params: { query: filter } })),
  create: (body: CreateAuthorityBody) => unwrap(client.POST('/api/v1/authorities', { body })),
  update: (id: string, body: BodyOf<'/api/v1/authorities/{id}', 'patch'>) => unwrap(client.PATCH('/api/v1/authorities/{id}', { params: path(id), body })),
  remove: (id: string) => unwrap(client.DELETE('/api/v1/authorities/{id}', { params: path(id) })),
  recordAnswer: (requestId: string, body: RecordAnswerBody) => unwrap(client.POST('/api/v1/requests/{id}/answers', { params: path(requestId), body })),
  link: (requestId: string, nodeId: string) => unwrap(client.POST('/api/v1/requests/{id}/link', { params: path(requestId), body: { nodeId } })),
};

/** A file as base64, for a document that came with a recorded answer. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
