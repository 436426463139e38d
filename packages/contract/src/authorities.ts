// The directory of requested authorities (GET /api/v1/authorities) and the authorities an
// administrator adds to it for States whose authorities run no node.
import { AUTHORITY_SOURCES, TRANSMISSION_CHANNELS } from '@comity/core/authorities/authority';
import { z } from 'zod';
import { Alpha3 } from './common.ts';

export const AuthoritySource = z.enum(AUTHORITY_SOURCES).meta({ id: 'AuthoritySource' });
export const TransmissionChannel = z.enum(TRANSMISSION_CHANNELS).meta({ id: 'TransmissionChannel' });

export const DirectoryAuthority = z
  .object({
    id: z.string().describe('Prefixed by its source: admin:<uuid>, peer:<node id>, treaty:<declaration id>'),
    source: AuthoritySource,
    name: z.string().nullable().describe('Null when the declaration does not name it plainly: read declarationText'),
    state: z.string(),
    instrument: z.string().nullable().describe('The treaty of the designation'),
    article: z.string().nullable().describe('The article of the designation, e.g. art. 46(13); null when the text does not say'),
    declarationText: z.string().nullable(),
    provenance: z.string().describe('Where the entry comes from'),
    asOf: z.string().nullable(),
    nodeId: z.string().nullable().describe('Its node, when it has one (peer-node entries)'),
    address: z.string().nullable(),
    channel: TransmissionChannel.nullable(),
    languages: z.array(z.string()),
    email: z.string().nullable(),
    notes: z.string().nullable(),
    selectable: z.boolean().describe('Whether a request can be addressed to it'),
    version: z.number().int().optional().describe('administrator entries: for PATCH'),
  })
  .meta({ id: 'DirectoryAuthority' });
export type DirectoryAuthority = z.infer<typeof DirectoryAuthority>;

export const AuthorityDirectoryQuery = z.strictObject({
  state: Alpha3.optional(),
  source: AuthoritySource.optional(),
  q: z.string().max(200).optional().describe('Search in names, States and declaration texts'),
});

export const AuthorityDirectory = z
  .object({
    items: z.array(DirectoryAuthority),
    sources: z.array(z.object({ source: AuthoritySource, count: z.number().int() })).describe('How many entries each source gave'),
  })
  .meta({ id: 'AuthorityDirectory' });

const Language = z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as pt');

export const CreateAuthorityBody = z
  .strictObject({
    name: z.string().trim().min(2).max(300),
    state: Alpha3,
    address: z.string().trim().max(2000).nullable().optional(),
    channel: TransmissionChannel.nullable().optional(),
    languages: z.array(Language).max(10).optional(),
    email: z.email().max(300).nullable().optional(),
    notes: z.string().trim().max(5000).nullable().optional(),
  })
  .meta({ id: 'CreateAuthorityBody' });
export type CreateAuthorityBody = z.infer<typeof CreateAuthorityBody>;

export const PatchAuthorityBody = z
  .strictObject({
    version: z.number().int().min(1),
    name: z.string().trim().min(2).max(300).optional(),
    state: Alpha3.optional(),
    address: z.string().trim().max(2000).nullable().optional(),
    channel: TransmissionChannel.nullable().optional(),
    languages: z.array(Language).max(10).optional(),
    email: z.email().max(300).nullable().optional(),
    notes: z.string().trim().max(5000).nullable().optional(),
  })
  .meta({ id: 'PatchAuthorityBody' });
export type PatchAuthorityBody = z.infer<typeof PatchAuthorityBody>;

