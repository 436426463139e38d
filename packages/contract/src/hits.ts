// Hit/no-hit between nodes (issue 13 part 3): the federation payloads (`hits.query`, `hits.answer`,
// `hits.matched`, `hits.disclosure`) and the API of /api/v1/hits. Identifiers never travel in
// clear: a query carries ristretto255 points H(x)^a (RFC 9380 hash_to_ristretto255 of the
// normalised identifier, raised to a one-time scalar), 32 bytes each, base64url without padding.
import { z } from 'zod';

/** A ristretto255 point encoding: 32 bytes as base64url without padding (43 characters). */
export const GroupElement = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 32-byte ristretto255 encoding in base64url');
/** The most identifiers one query (or one answer's offered set) may carry. */
export const MAX_HIT_ITEMS = 20_000;

/** A 1024-bit CLK encoding (128 bytes, base64url without padding: 171 characters). */
export const ClkEncoding = z.string().regex(/^[A-Za-z0-9_-]{171}$/, 'a 1024-bit encoding in base64url');

export const HitsIdentifiersQuery = z.strictObject({
  queryId: z.uuid(),
  kind: z.literal('identifiers').describe('Exact identifiers (IBAN, IMO, E.164 phone, passport with country, wallet) by DH-PSI over ristretto255'),
  items: z.array(GroupElement).min(1).max(MAX_HIT_ITEMS).describe('H(x)^a for each of the querier’s identifiers, in the querier’s order'),
});
export const HitsNamesQuery = z.strictObject({
  queryId: z.uuid(),
  kind: z.literal('names').describe('Names with dates of birth as keyed CLK encodings under the pair’s secret of the epoch'),
  epoch: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('The month (UTC) whose pair secret keyed the encodings'),
  encodings: z.array(ClkEncoding).min(1).max(MAX_HIT_ITEMS).describe('One encoding per person of the querier, in the querier’s order'),
});
export const HitsQueryPayload = z
  .discriminatedUnion('kind', [HitsIdentifiersQuery, HitsNamesQuery])
  .meta({ id: 'HitsQueryPayload', description: 'hits.query: blinded identifiers, or keyed encodings of names with dates of birth' });
export const HitsQueryResult = z
  .strictObject({ queryId: z.uuid(), accepted: z.literal(true) })
  .meta({ description: 'hits.query: taken; the answer follows as hits.answer' });

export const HitsAnswerPayload = z
  .strictObject({
    queryId: z.uuid(),
    /** (H(x)^a)^b, in the order of the query's items. */
    doubled: z.array(GroupElement).max(MAX_HIT_ITEMS),
    /** H(y)^b for each identifier the answering node offers this peer, in a random order. */
    offered: z.array(GroupElement).max(MAX_HIT_ITEMS),
  })
  .meta({ id: 'HitsAnswerPayload', description: 'hits.answer: the query re-blinded and the answering node’s blinded offered set' });
export const HitsAnswerResult = z.strictObject({ queryId: z.uuid(), hits: z.number().int().min(0) }).meta({ description: 'hits.answer: how many of the querier’s records matched' });

export const HitsMatchedPayload = z
  .strictObject({
    queryId: z.uuid(),
    /**
     * Identifiers: positions in the answer's `offered` list that matched (sent by the querier). Names:
     * positions in the query's `encodings` that matched (sent by the answerer, which compared).
     * Each with the contact reference both nodes quote.
     */
    matches: z.array(z.strictObject({ index: z.number().int().min(0).max(MAX_HIT_ITEMS), contactReference: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) })).max(MAX_HIT_ITEMS),
  })
  .meta({ id: 'HitsMatchedPayload', description: 'hits.matched: which offered positions matched (so that the answering node gets the same hits)' });
export const HitsMatchedResult = z.strictObject({ queryId: z.uuid(), hits: z.number().int().min(0) }).meta({ description: 'hits.matched: how many hits were recorded' });

export const HitDisclosure = z.strictObject({
  decision: z.enum(['revealed', 'declined']),
  caseReference: z.string().min(1).max(300).optional(),
  contact: z.string().min(1).max(1000).optional(),
});
export const HitsDisclosurePayload = z
  .strictObject({ contactReference: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) })
  .extend(HitDisclosure.shape)
  .meta({ id: 'HitsDisclosurePayload', description: 'hits.disclosure: the owner of a record revealed its case reference and contact, or declined' });
export const HitsDisclosureResult = z.strictObject({ updated: z.number().int().min(0) }).meta({ description: 'hits.disclosure: how many hits took it' });

// ---- API ---------------------------------------------------------------------------------------

export const HitView = z
  .strictObject({
    id: z.uuid(),
    entityId: z.uuid().describe('Your record that may match'),
    entityCaption: z.string().nullable(),
    caseId: z.uuid().nullable(),
    peerNodeId: z.string(),
    authority: z.string().describe('The authority that may hold a matching record'),
    contactReference: z.string(),
    direction: z.enum(['sent', 'received']).describe('sent: found by a query of this node; received: a peer’s query found it'),
    state: z.enum(['pending', 'revealed', 'declined']),
    ownDisclosure: HitDisclosure.nullable(),
    peerDisclosure: HitDisclosure.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'HitView' });
export const HitList = z.strictObject({ items: z.array(HitView) }).meta({ id: 'HitList' });
export const HitListQuery = z.strictObject({ state: z.enum(['pending', 'revealed', 'declined']).optional(), caseId: z.uuid().optional() });
export const RevealHitBody = z.strictObject({ caseReference: z.string().trim().min(1).max(300), contact: z.string().trim().min(1).max(1000) });

export const CheckWithPeersBody = z.strictObject({
  caseId: z.uuid(),
  /** The peers to ask (default: every active peer). */
  peers: z.array(z.string().min(1).max(200)).max(100).optional(),
  /** What to compare (default both): exact identifiers by PSI, names with dates of birth by keyed encodings. */
  kinds: z.array(z.enum(['identifiers', 'names'])).min(1).max(2).optional(),
});
export const HitQueryView = z
  .strictObject({
    id: z.uuid(),
    caseId: z.uuid().nullable(),
    peerNodeId: z.string(),
    direction: z.enum(['sent', 'received']),
    kind: z.enum(['identifiers', 'names']),
    state: z.enum(['waiting', 'answered', 'matched']),
    items: z.number().int(),
    offered: z.number().int().nullable(),
    hits: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'HitQueryView' });
export const HitQueryList = z.strictObject({ items: z.array(HitQueryView) }).meta({ id: 'HitQueryList' });
export const HitQueryListQuery = z.strictObject({ caseId: z.uuid().optional() });

export const HIT_TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export const HitOffer = z
  .strictObject({
    peerNodeId: z.string().min(1).max(200),
    schemas: z.array(z.enum(['Person', 'Organization', 'Company', 'LegalEntity', 'BankAccount', 'Vessel', 'CryptoWallet', 'Passport', 'Identification'])).max(20),
    maxTlp: z.enum(HIT_TLPS),
    maxQueriesPerHour: z.number().int().min(0).max(10_000),
    maxItemsPerHour: z.number().int().min(0).max(1_000_000),
    suspendedAt: z.string().nullable(),
    suspendedReason: z.string().nullable(),
  })
  .meta({ id: 'HitOffer' });
export const HitOfferList = z.strictObject({ items: z.array(HitOffer) }).meta({ id: 'HitOfferList' });
export const PutHitOfferBody = z.strictObject({
  schemas: HitOffer.shape.schemas,
  maxTlp: HitOffer.shape.maxTlp,
  maxQueriesPerHour: HitOffer.shape.maxQueriesPerHour.default(60),
  maxItemsPerHour: HitOffer.shape.maxItemsPerHour.default(50_000),
  /** Lift a suspension for enumeration after review. */
  resume: z.boolean().optional(),
});
export const PeerParams = z.strictObject({ nodeId: z.string().min(1).max(200) });

export type HitsQueryResult = z.infer<typeof HitsQueryResult>;
export type HitsAnswerResult = z.infer<typeof HitsAnswerResult>;
export type HitsMatchedResult = z.infer<typeof HitsMatchedResult>;
export type HitsDisclosureResult = z.infer<typeof HitsDisclosureResult>;
