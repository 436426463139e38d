// Entities on cases (issue 13 part 1): which FollowTheMoney schemas a case may hold, the record key
// the release policy and consents use, and the name key for lookup. The FtM model itself (which
// properties a schema has, their types) comes from @alephdata/followthemoney on the server.

/**
 * Things and people a case may hold (FtM schema names). FtM has no schema of its own for a phone
 * number or an e-mail address: a person's or company's are its `phone`/`email` properties, and one
 * known on its own (a seized handset's number, an address in a ransom note, owner unknown) is a
 * `UserAccount` whose `number` or `email` holds it (and whose `username` repeats it, as FtM requires
 * one), linked to its owner once known.
 */
export const ENTITY_SCHEMAS = [
  'Person',
  'Organization',
  'Company',
  'Vessel',
  'Vehicle',
  'Airplane',
  'Address',
  'BankAccount',
  'CryptoWallet',
  'UserAccount',
  'Passport',
  'Identification',
] as const;

/** Links between them: FtM interval entities with a source and a target. */
export const LINK_SCHEMAS = ['Ownership', 'Directorship', 'Family', 'Associate', 'Payment', 'UnknownLink'] as const;

export type EntitySchemaName = (typeof ENTITY_SCHEMAS)[number];
export type LinkSchemaName = (typeof LINK_SCHEMAS)[number];
export type OfferedSchema = EntitySchemaName | LinkSchemaName;

export const OFFERED_SCHEMAS: readonly OfferedSchema[] = [...ENTITY_SCHEMAS, ...LINK_SCHEMAS];

export function isOfferedSchema(name: string): name is OfferedSchema {
  return (OFFERED_SCHEMAS as readonly string[]).includes(name);
}

/** The key of an entity for `decide` and consents. */
export function entityKey(id: string): string {
  return `entity:${id}`;
}

/** Name lookup key: NFKC, case-folded, spaces collapsed. */
export function captionKey(caption: string): string {
  return caption.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** FtM ids: what Aleph and the FtM tools write (hex digests, slugs with dots and dashes). */
export const FTM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** FtM properties: each property a list of strings. */
export type FtmProperties = Record<string, string[]>;

/** An entity as FtM JSON (one line of an FtM JSON-lines file). */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: FtmProperties;
}

/** One problem with one property (or the entity as a whole: property null). */
export interface EntityProblem {
  property: string | null;
  code: string;
  message: string;
}

/** Limits of a neighbourhood answer. */
export const GRAPH_MAX_HOPS = 3;
export const GRAPH_MAX_NODES = 5000;
