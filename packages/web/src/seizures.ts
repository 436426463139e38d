// The seizure and maritime-incident registries from the browser: typed calls to /api/v1/seizures and /api/v1/incidents.
import type { components } from '@comity/contract/generated/openapi';
import { client, unwrap } from './api.ts';

export type SeizureList = components['schemas']['SeizureList'];
export type SeizureView = components['schemas']['SeizureView'];
export type IncidentList = components['schemas']['IncidentList'];
export type IncidentView = components['schemas']['IncidentView'];
export type SeizureImportReport = components['schemas']['SeizureImportReport'];
export type SeizureImportBody = components['schemas']['SeizureImportBody'];
export type IncidentImportBody = components['schemas']['IncidentImportBody'];
/** What an import's rows are: the node checks and stores them as seizures or as maritime incidents. */
export const IMPORT_KINDS = ['seizure', 'incident'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportProblem = SeizureImportReport['problems'][number];

export const SEIZURE_DOMAINS = ['wildlife', 'drugs', 'medical', 'tobacco', 'other'] as const;
export const INCIDENT_KINDS = ['piracy', 'armed-robbery', 'boarding', 'hijacking', 'kidnapping', 'attempted', 'other'] as const;

export interface SeizureFilters {
  domain?: (typeof SEIZURE_DOMAINS)[number] | undefined;
  country?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  name?: string | undefined;
  q?: string | undefined;
  caseId?: string | undefined;
  offset?: number | undefined;
}

const byId = (id: string) => ({ params: { path: { id } } });

export const seizuresApi = {
  list: (f: SeizureFilters) => unwrap(client.GET('/api/v1/seizures', { params: { query: { limit: 50, offset: 0, ...f } } })),
  get: (id: string) => unwrap(client.GET('/api/v1/seizures/{id}', byId(id))),
  importFile: (kind: ImportKind, body: SeizureImportBody | IncidentImportBody) =>
    kind === 'incident' ? unwrap(client.POST('/api/v1/incidents/import', { body: body as IncidentImportBody })) : unwrap(client.POST('/api/v1/seizures/import', { body: body as SeizureImportBody })),
  incidents: (f: { kind?: (typeof INCIDENT_KINDS)[number] | undefined; caseId?: string | undefined; offset?: number | undefined }) => unwrap(client.GET('/api/v1/incidents', { params: { query: { limit: 50, offset: 0, ...f } } })),
  incident: (id: string) => unwrap(client.GET('/api/v1/incidents/{id}', byId(id))),
};

/** A file as base64 (XLSX travels in JSON). */
export async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
