// Entities from the browser: typed calls to /api/v1/cases/{id}/entities and /api/v1/entities.
import type { components } from '@comity/contract/generated/openapi';
import { client, unwrap } from './api.ts';

export type EntitySummary = components['schemas']['EntitySummary'];
export type EntityView = components['schemas']['Entity'];
export type EntityGraph = components['schemas']['EntityGraph'];
export type EntitySchema = components['schemas']['EntitySchema'];
export type CreateEntityBody = components['schemas']['CreateEntityBody'];
export type PersonSearchBody = components['schemas']['PersonSearchBody'];
export type PersonSearchResult = components['schemas']['PersonSearchResult'];

/** Things and people, in the order the add form offers them (FtM schema names). */
export const ENTITY_SCHEMAS: readonly EntitySchema[] = ['Person', 'Company', 'Organization', 'Vessel', 'Vehicle', 'Airplane', 'Address', 'BankAccount', 'CryptoWallet', 'UserAccount'];

/**
 * What the add form offers: the schemas, plus a phone number and an e-mail address known on their
 * own, which FtM holds as a UserAccount (core/entities/entity.ts) — the form fills its `number` or
 * `email`, and its required `username` with the same value.
 */
export type AddKind = EntitySchema | 'phone' | 'email';
export const ADD_KINDS: readonly AddKind[] = [...ENTITY_SCHEMAS.filter((s) => s !== 'UserAccount'), 'phone', 'email'];

/** The label key of the add form's one text field for a kind. */
export function addFieldKey(kind: AddKind): string {
  if (kind === 'phone') return 'entities.main.number';
  if (kind === 'email') return 'entities.main.email';
  return `entities.main.${MAIN_PROPERTY[kind] ?? 'name'}`;
}

/** The entity the add form creates from its kind and one value. */
export function addBody(kind: AddKind, value: string): CreateEntityBody {
  if (kind === 'phone') return { schema: 'UserAccount', properties: { number: [value], username: [value] } };
  if (kind === 'email') return { schema: 'UserAccount', properties: { email: [value], username: [value] } };
  return { schema: kind, properties: { [MAIN_PROPERTY[kind] ?? 'name']: [value] } };
}
export const LINK_SCHEMAS: readonly EntitySchema[] = ['Ownership', 'Directorship', 'Family', 'Associate', 'Payment', 'UnknownLink'];

/** The property the add form's one text field fills (the schema's main FtM caption property). */
export const MAIN_PROPERTY: Partial<Record<EntitySchema, string>> = {
  Address: 'full',
  BankAccount: 'iban',
  CryptoWallet: 'publicKey',
  Vehicle: 'registrationNumber',
  Airplane: 'registrationNumber',
  UserAccount: 'username',
};

/** The two ends of each link schema (FtM edge source and target properties). */
export const LINK_ENDS: Record<string, [string, string]> = {
  Ownership: ['owner', 'asset'],
  Directorship: ['director', 'organization'],
  Family: ['person', 'relative'],
  Associate: ['person', 'associate'],
  Payment: ['payer', 'beneficiary'],
  UnknownLink: ['subject', 'object'],
};

const caseId = (id: string) => ({ params: { path: { id } } });

export const entitiesApi = {
  list: (id: string, query: { schema?: EntitySchema; kind?: 'entity' | 'link' | 'all'; limit?: number } = {}) =>
    unwrap(client.GET('/api/v1/cases/{id}/entities', { params: { path: { id }, query: { kind: 'all', limit: 1000, offset: 0, ...query } } })),
  create: (id: string, body: CreateEntityBody) => unwrap(client.POST('/api/v1/cases/{id}/entities', { ...caseId(id), body })),
  importFtm: (id: string, content: string) => unwrap(client.POST('/api/v1/cases/{id}/entities/import', { ...caseId(id), body: { format: 'ftm', content } })),
  caseGraph: (id: string, limit = 2000) => unwrap(client.GET('/api/v1/cases/{id}/entities/graph', { params: { path: { id }, query: { limit } } })),
  get: (id: string) => unwrap(client.GET('/api/v1/entities/{id}', caseId(id))),
  graph: (id: string, hops = 2, limit = 500) => unwrap(client.GET('/api/v1/entities/{id}/graph', { params: { path: { id }, query: { hops, limit } } })),
  remove: (id: string) => unwrap(client.DELETE('/api/v1/entities/{id}', caseId(id))),
  personSearch: (body: PersonSearchBody) => unwrap(client.POST('/api/v1/entities/person-search', { body })),
  exportUrl: (id: string) => `/api/v1/cases/${encodeURIComponent(id)}/entities/export`,
};
