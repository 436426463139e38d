// Facts a State's own node declares and publishes, signed (see core/knowledge/declared-facts.ts):
// the document that travels as `knowledge.facts`, the draft an administrator edits, and the API
// around them (four-eyes publication, what peers declared, disagreements with depositary data).
import { DECLARATION_EFFECTS } from '@comity/core/knowledge/declared-facts';
import { COOPERATION_TYPES } from '@comity/core/knowledge/taxonomy';
import { z } from 'zod';
import { isWellFormedText } from '@comity/core';
import { IsoDateTime, StrictIsoDate } from './common.ts';

const Text = (max: number) => z.string().max(max).refine(isWellFormedText, 'well-formed Unicode without NUL');
const State = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166 alpha-3 code in capitals, such as FRA');
const InstrumentId = z.string().regex(/^[A-Z0-9][A-Za-z0-9.()-]{1,59}$/, 'an instrument id such as UNTOC or FRA-BRA-MLA-1996');
const Language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as fr or pt-BR');
const CONSENT_KINDS = ['ratification', 'accession', 'acceptance', 'approval', 'succession', 'definitive-signature', 'unknown'] as const;

export const DeclaredTreaty = z
  .strictObject({
    id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,59}$/, 'capitals, digits and hyphens (3 to 60), e.g. FRA-BRA-MLA-1996'),
    title: Text(500).refine((s) => s.trim().length > 0, 'give the treaty its title'),
    kind: z.enum(['bilateral', 'regional']),
    parties: z.array(State).min(2).max(60),
    signed: StrictIsoDate.nullable(),
    entryIntoForce: StrictIsoDate.nullable().describe('In force for the declaring State (bilateral: between the two) since; null when not in force or not known'),
    terminated: StrictIsoDate.optional(),
    offences: z.array(z.string().max(60)).min(1).max(60).describe("Offence ids, or '*any-offence' / '*any-extraditable'"),
    cooperation: z.partialRecord(z.enum(COOPERATION_TYPES), z.strictObject({ articles: z.array(Text(20)).max(50), notes: Text(1000).optional() })),
    articles: z.array(z.strictObject({ number: Text(20).min(1), heading: Text(300), text: Text(20_000).optional() })).max(200),
  })
  .meta({ id: 'DeclaredTreaty' });

export const DeclaredCentralAuthority = z
  .strictObject({
    instrument: InstrumentId,
    name: Text(300).min(1),
    address: Text(1000),
    channels: z.array(Text(100).min(1)).max(20),
    languages: z.array(Language).max(20),
  })
  .meta({ id: 'DeclaredCentralAuthority' });

export const DeclaredDeclaration = z
  .strictObject({
    instrument: InstrumentId,
    article: Text(40).min(1),
    effect: z.enum(DECLARATION_EFFECTS),
    text: Text(5000).min(1),
  })
  .meta({ id: 'DeclaredDeclaration' });

export const DeclaredParticipation = z
  .strictObject({
    instrument: InstrumentId,
    consentKind: z.enum(CONSENT_KINDS),
    consent: StrictIsoDate.nullable(),
    entryIntoForce: StrictIsoDate.nullable(),
    denunciation: StrictIsoDate.optional(),
  })
  .meta({ id: 'DeclaredParticipation' });

const contentShape = {
  treaties: z.array(DeclaredTreaty).max(500),
  centralAuthorities: z.array(DeclaredCentralAuthority).max(200),
  languages: z.array(Language).max(20),
  channels: z.array(Text(100).min(1)).max(20),
  declarations: z.array(DeclaredDeclaration).max(200),
  participations: z.array(DeclaredParticipation).max(300),
};

export const DeclaredFactsContent = z.strictObject(contentShape).meta({ id: 'DeclaredFactsContent', description: 'The facts a node declares about its own State' });

export const DeclaredFacts = z
  .strictObject({
    v: z.literal(1),
    nodeId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{2,127}$/),
    state: State,
    authority: Text(300).min(1),
    version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    signedAt: z.iso.datetime({ offset: false, precision: 3 }),
    ...contentShape,
  })
  .meta({ id: 'DeclaredFacts' });

export const SignedDeclaredFacts = z
  .strictObject({
    facts: DeclaredFacts,
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'an Ed25519 signature: 64 bytes in unpadded base64url'),
  })
  .meta({ id: 'SignedDeclaredFacts', description: 'Declared facts signed by the declaring node over JCS({"purpose":"comity-declared-facts-v1","facts":facts})' });

/** Payload of the federation message type `knowledge.facts`. */
export const KnowledgeFactsPayload = z.strictObject({ facts: SignedDeclaredFacts });
export const KnowledgeFactsResult = z
  .strictObject({
    version: z.number().int().min(1).describe('the version received'),
    stored: z.boolean().describe('false when a version at least as recent was already held (nothing changed)'),
  })
  .meta({ description: 'knowledge.facts: whether the declared facts were stored' });
export type KnowledgeFactsResult = z.infer<typeof KnowledgeFactsResult>;

// ---- API ---------------------------------------------------------------------------------------

export const DeclaredFactsDraft = z
  .object({
    content: DeclaredFactsContent,
    status: z.enum(['draft', 'submitted']),
    editedBy: z.string().nullable(),
    editedAt: IsoDateTime,
    submittedBy: z.string().nullable(),
    submittedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'DeclaredFactsDraft' });

export const PublishedFacts = z
  .object({
    facts: SignedDeclaredFacts,
    provenance: z.string(),
    approvedBy: z.string().nullable(),
    submittedBy: z.string().nullable(),
    publishedAt: IsoDateTime,
  })
  .meta({ id: 'PublishedFacts' });

export const OwnDeclaredFacts = z
  .object({
    nodeId: z.string(),
    state: z.string(),
    authority: z.string(),
    draft: DeclaredFactsDraft.nullable(),
    published: PublishedFacts.nullable(),
    peers: z.array(z.object({ nodeId: z.string(), name: z.string(), state: z.string(), sentVersion: z.number().int().nullable(), delivered: z.boolean() })),
  })
  .meta({ id: 'OwnDeclaredFacts' });

export const ReceivedFacts = z
  .object({
    nodeId: z.string(),
    state: z.string(),
    authority: z.string(),
    version: z.number().int(),
    signedAt: IsoDateTime,
    receivedAt: IsoDateTime.nullable().describe('null for this node’s own published facts'),
    own: z.boolean(),
    provenance: z.string(),
    facts: DeclaredFactsContent,
  })
  .meta({ id: 'ReceivedFacts' });
export const DeclaredFactsList = z.object({ items: z.array(ReceivedFacts) }).meta({ id: 'DeclaredFactsList' });
export const DeclaredFactsQuery = z.strictObject({ state: z.string().regex(/^[A-Za-z]{3}$/).transform((s) => s.toUpperCase()).optional() });

export const DeclaredDisagreement = z
  .object({
    kind: z.enum(['not-party-per-depositary', 'party-per-depositary', 'different-dates', 'extradition-basis', 'treaty-dates', 'unknown-instrument']),
    state: z.string(),
    nodeId: z.string(),
    authority: z.string(),
    instrument: z.string(),
    provenance: z.string(),
    message: z.string(),
    declared: z.unknown().describe('the declared fact'),
    depositary: z.unknown().describe('what the depositary data holds (null when nothing)'),
  })
  .meta({ id: 'DeclaredDisagreement' });
export const DeclaredDisagreementList = z.object({ items: z.array(DeclaredDisagreement) }).meta({ id: 'DeclaredDisagreementList' });

export const SubmitFactsBody = z.strictObject({ note: Text(1000).optional() });
export const ApproveFactsBody = z.strictObject({ note: Text(1000).optional() });
