// Entities API (issue 13 part 1): FollowTheMoney entities held for a case, their links, the graph
// around them, FtM JSON-lines import and export and CSV import with a column mapping. Properties
// are FtM JSON ({ property: [values] }); the server checks them against the FtM model.
import { GRAPH_MAX_HOPS, GRAPH_MAX_NODES, OFFERED_SCHEMAS } from '@comity/core/entities/entity';
import { z } from 'zod';
import { HandlingCode, MarkingView, TlpMarking } from './requests.ts';

export const EntitySchemaName = z.enum(OFFERED_SCHEMAS).meta({ id: 'EntitySchema', description: 'An FtM schema a case holds (things and people, and the links between them)' });
const FtmId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'letters, digits and . _ : - (at most 128)');
const FtmProperties = z.record(z.string(), z.array(z.string())).describe('FtM properties: each a list of strings; entity-typed values are FtM ids of the same case');

export const EntityMarkingInput = z
  .strictObject({ tlp: TlpMarking, handling: HandlingCode.optional(), handlingNote: z.string().max(2000).optional() })
  .meta({ id: 'EntityMarkingInput', description: 'The entity’s own marking; its case’s when absent (the stricter always applies)' });

const Sources = z.array(z.string().max(2000)).max(50).describe('Where the information came from');

export const CreateEntityBody = z
  .strictObject({
    schema: EntitySchemaName,
    properties: z.record(z.string(), z.union([z.array(z.string()), z.string()])),
    id: FtmId.optional().describe('The FtM id; a fresh one when absent'),
    marking: EntityMarkingInput.optional(),
    sources: Sources.optional(),
  })
  .meta({ id: 'CreateEntityBody' });

export const PatchEntityBody = z
  .strictObject({
    version: z.number().int().min(1).describe('The version you read (optimistic locking)'),
    properties: z.record(z.string(), z.union([z.array(z.string()), z.string()])).optional().describe('All properties (replaces them)'),
    marking: EntityMarkingInput.optional(),
    sources: Sources.optional(),
  })
  .meta({ id: 'PatchEntityBody' });

const Withheld = z.object({ rule: z.string(), citation: z.string(), reason: z.string() });

export const EntitySummary = z
  .object({
    id: z.uuid(),
    ftmId: z.string(),
    caseId: z.uuid(),
    schema: z.string(),
    isLink: z.boolean().describe('An FtM edge (Ownership, Payment, …) between two entities'),
    caption: z.string().nullable().describe('null when withheld'),
    properties: FtmProperties.nullable().describe('null when withheld'),
    marking: MarkingView.describe('Effective: the entity’s own and its case’s'),
    withheld: Withheld.nullable().describe('Why the release policy keeps this entity from you'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EntitySummary' });

export const EntityMention = z
  .object({ id: z.uuid(), requestId: z.uuid().nullable(), evidenceId: z.uuid().nullable(), note: z.string(), createdAt: z.string() })
  .meta({ id: 'EntityMention' });

export const EntityView = EntitySummary.extend({
  link: z.object({ source: z.string(), target: z.string(), directed: z.boolean(), label: z.string() }).nullable().describe('For a link: the properties naming its two ends'),
  references: z.array(z.object({ property: z.string(), id: z.uuid(), ftmId: z.string(), schema: z.string(), caption: z.string() })).describe('The entities its entity-typed properties name'),
  sources: z.array(z.string()),
  ownMarking: MarkingView,
  mentions: z.array(EntityMention),
  caseReference: z.string(),
  editable: z.boolean(),
}).meta({ id: 'Entity' });

export const EntityList = z.object({ items: z.array(EntitySummary), total: z.number().int() }).meta({ id: 'EntityList' });

export const EntityListQuery = z.strictObject({
  schema: EntitySchemaName.optional(),
  kind: z.enum(['entity', 'link', 'all']).default('all'),
  q: z.string().max(200).optional().describe('Part of the name'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const GraphQuery = z.strictObject({
  hops: z.coerce.number().int().min(1).max(GRAPH_MAX_HOPS).default(1),
  limit: z.coerce.number().int().min(1).max(GRAPH_MAX_NODES).default(500),
});

export const CaseGraphQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(GRAPH_MAX_NODES).default(2000),
});

export const EntityGraph = z
  .object({
    nodes: z.array(z.object({ id: z.uuid(), ftmId: z.string(), schema: z.string(), caption: z.string(), withheld: z.boolean() })),
    edges: z.array(
      z.object({
        id: z.string(),
        schema: z.string(),
        label: z.string().describe('FtM edge label ("owns") or the property'),
        source: z.uuid(),
        target: z.uuid(),
        directed: z.boolean(),
        caption: z.string(),
      }),
    ),
    truncated: z.boolean().describe('More was reachable than the limit allowed'),
  })
  .meta({ id: 'EntityGraph' });

export const CsvMapping = z
  .strictObject({
    schema: EntitySchemaName.describe('The schema of every row'),
    columns: z.record(z.string(), z.string()).describe('CSV column → FtM property ("id" for the FtM id)'),
    separator: z.string().min(1).max(3).optional().describe('Splits multi-valued cells'),
  })
  .meta({ id: 'CsvMapping' });

export const EntityImportBody = z
  .strictObject({
    format: z.enum(['ftm', 'csv']),
    content: z.string().describe('FtM JSON lines, or CSV with a header line'),
    mapping: CsvMapping.optional().describe('Required for csv'),
    marking: EntityMarkingInput.optional(),
    sources: Sources.optional(),
  })
  .meta({ id: 'EntityImportBody' });

export const EntityImportResult = z.object({ created: z.number().int(), updated: z.number().int() }).meta({ id: 'EntityImportResult' });

export const MentionBody = z
  .strictObject({ requestId: z.uuid().optional(), evidenceId: z.uuid().optional(), note: z.string().max(2000).optional() })
  .meta({ id: 'EntityMentionBody', description: 'A request or an evidence item (one of them)' });

export const EntityDeleted = z.object({ deleted: z.array(z.uuid()).describe('The entity and the links that joined it to others') }).meta({ id: 'EntityDeleted' });

export const PersonSearchBody = z
  .strictObject({
    name: z.string().trim().min(1).max(500).describe('The full name, in any script'),
    birthDate: z.string().max(40).optional().describe('Date of birth (YYYY-MM-DD, DD/MM/YYYY, …; day and month may be swapped)'),
    nationality: z.string().max(60).optional().describe('Nationality (ISO code or name)'),
    identifiers: z
      .array(z.strictObject({ kind: z.enum(['iban', 'imo', 'phone', 'email', 'passport', 'wallet']), value: z.string().min(1).max(200) }))
      .max(20)
      .optional()
      .describe('Identifiers, compared exactly after normalisation'),
    limit: z.number().int().min(1).max(100).optional().describe('At most this many hits (20 when absent)'),
    threshold: z.number().min(0).max(1).optional().describe('Smallest score returned (0.7 when absent)'),
  })
  .meta({ id: 'PersonSearchBody' });

export const PersonSearchResult = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        key: z.string(),
        ftmId: z.string(),
        schema: z.string(),
        caption: z.string(),
        caseId: z.uuid(),
        caseReference: z.string(),
        caseTitle: z.string(),
        score: z.number().describe('0–1'),
        parts: z.array(z.object({ part: z.string(), similarity: z.number(), weight: z.number(), detail: z.string() })).describe('What was compared and how much each part weighed'),
        sharedKeys: z.number().int().describe('Blocking keys shared with the query'),
      }),
    ),
    candidates: z.number().int().describe('Entities scored after blocking'),
    rejected: z.array(z.string()).describe('Fields given but unusable (bad checksum, unparseable date)'),
  })
  .meta({ id: 'PersonSearchResult' });
