// Hit/no-hit between nodes in the UI: the hit inbox (reveal, decline) and "check with peers" on a case.
import type { components } from '@comity/contract/generated/openapi';
import { client, unwrap } from './api.ts';

type Schemas = components['schemas'];
export type Hit = Schemas['HitView'];
export type HitQuery = Schemas['HitQueryView'];

export const hitsApi = {
  list: () => unwrap(client.GET('/api/v1/hits', { params: { query: {} } })),
  reveal: (id: string, body: { caseReference: string; contact: string }) => unwrap(client.POST('/api/v1/hits/{id}/reveal', { params: { path: { id } }, body })),
  decline: (id: string) => unwrap(client.POST('/api/v1/hits/{id}/decline', { params: { path: { id } }, body: {} })),
  check: (caseId: string) => unwrap(client.POST('/api/v1/hits/queries', { body: { caseId } })),
  queries: (caseId: string) => unwrap(client.GET('/api/v1/hits/queries', { params: { query: { caseId } } })),
};
