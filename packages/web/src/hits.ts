// Hit/no-hit between nodes in the UI: the hit inbox (reveal, decline) and "check with peers" on a case.
import type { components } from '@comity/contract/generated/openapi';
import { client, unwrap } from './api.ts';

type Schemas = components['schemas'];
export type Hit = Schemas['HitView'];
export type HitQuery = Schemas['HitQueryView'];
export type HitOffer = Schemas['HitOffer'];
export type HitOfferInput = Pick<HitOffer, 'schemas' | 'maxTlp' | 'maxQueriesPerHour' | 'maxItemsPerHour'> & { resume?: boolean };

/** The entity types a node may offer its peers, and the TLP ceilings (as the API knows them). */
export const OFFER_SCHEMAS = ['Person', 'Organization', 'Company', 'LegalEntity', 'BankAccount', 'Vessel', 'CryptoWallet', 'UserAccount', 'Passport', 'Identification'] as const;
export const OFFER_TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

export const hitsApi = {
  list: () => unwrap(client.GET('/api/v1/hits', { params: { query: {} } })),
  reveal: (id: string, body: { caseReference: string; contact: string }) => unwrap(client.POST('/api/v1/hits/{id}/reveal', { params: { path: { id } }, body })),
  decline: (id: string) => unwrap(client.POST('/api/v1/hits/{id}/decline', { params: { path: { id } }, body: {} })),
  check: (caseId: string) => unwrap(client.POST('/api/v1/hits/queries', { body: { caseId } })),
  offers: () => unwrap(client.GET('/api/v1/hits/offers')),
  putOffer: (nodeId: string, body: HitOfferInput) => unwrap(client.PUT('/api/v1/hits/offers/{nodeId}', { params: { path: { nodeId } }, body })),
  /** Backtracking across nodes: a seizure's or incident's shared elements through hit/no-hit. */
  checkRecord: (kind: 'seizure' | 'incident', id: string) =>
    kind === 'seizure'
      ? unwrap(client.POST('/api/v1/seizures/{id}/peer-check', { params: { path: { id } } }))
      : unwrap(client.POST('/api/v1/incidents/{id}/peer-check', { params: { path: { id } } })),
  recordHits: (kind: 'seizure' | 'incident', id: string) =>
    kind === 'seizure' ? unwrap(client.GET('/api/v1/seizures/{id}/peer-hits', { params: { path: { id } } })) : unwrap(client.GET('/api/v1/incidents/{id}/peer-hits', { params: { path: { id } } })),
  queries: (caseId: string) => unwrap(client.GET('/api/v1/hits/queries', { params: { query: { caseId } } })),
};
