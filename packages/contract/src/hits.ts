// Hit/no-hit between nodes (issue 13 part 3): the federation payloads (`hits.query`, `hits.answer`,
// `hits.matched`, `hits.disclosure`, `hits.expired`) and the API of /api/v1/hits. Identifiers never travel in
// clear: a query carries curve25519 u-coordinates H(x)^a (RFC 9380 hash_to_curve of the normalised
// identifier, suite curve25519_XMD:SHA-512_ELL2_RO_, raised by X25519 to a one-time scalar), 32
// bytes each, base64url without padding. A query (identifiers or names), its answer and its matches travel in pages of at
// most MAX_HIT_ITEMS elements, so the set sizes are bounded by MAX_HIT_PAGES pages, not by one envelope.
import { z } from 'zod';

/** A curve25519 u-coordinate: 32 bytes little-endian as base64url without padding (43 characters). */
export const GroupElement = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 32-byte curve25519 u-coordinate in base64url');
/** The most elements one page (of a query, of an answer's doubled or offered part, of the matches) may carry. */
export const MAX_HIT_ITEMS = 20_000;
/** The most pages of one query or of one answer: 2,000,000 identifiers each way. */
export const MAX_HIT_PAGES = 100;
/** The one PSI suite of protocol §8.3: hash to curve25519 with Elligator 2 (RFC 9380), exponentiation by X25519 (RFC 7748). */
export const PSI_SUITES = ['curve25519-ell2-x25519-v1'] as const;

/** A 1024-bit CLK encoding (128 bytes, base64url without padding: 171 characters). */
export const ClkEncoding = z.string().regex(/^[A-Za-z0-9_-]{171}$/, 'a 1024-bit encoding in base64url');

const Page = z.number().int().min(0).max(MAX_HIT_PAGES - 1);
const Pages = z.number().int().min(1).max(MAX_HIT_PAGES);

export const HitsIdentifiersQuery = z.strictObject({
  queryId: z.uuid(),
  kind: z.literal('identifiers').describe('Exact identifiers (IBAN, IMO, E.164 phone, e-mail address, passport with country, wallet) by DH-PSI on curve25519'),
  suite: z.enum(PSI_SUITES).describe('The PSI suite: hash to curve and exponentiation'),
  page: Page.describe('This page, from 0; every page of a query is blinded under the same scalar'),
  pages: Pages.describe('How many pages the query has'),
  total: z.number().int().min(1).max(MAX_HIT_ITEMS * MAX_HIT_PAGES).describe('How many identifiers the whole query declares (the same on every page): checked against the hourly limit at page 0'),
  items: z.array(GroupElement).min(1).max(MAX_HIT_ITEMS).describe('H(x)^a for each of the querier’s identifiers of this page, in the querier’s order'),
});
export const HitsNamesQuery = z.strictObject({
  queryId: z.uuid(),
  kind: z.literal('names').describe('Names with dates of birth as keyed CLK encodings under the pair’s secret of the epoch'),
  epoch: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('The month (UTC) whose pair secret keyed the encodings (the same on every page)'),
  page: Page.describe('This page, from 0; every page of a query is keyed by the same epoch'),
  pages: Pages.describe('How many pages the query has'),
  total: z.number().int().min(1).max(MAX_HIT_ITEMS * MAX_HIT_PAGES).describe('How many people the whole query declares (the same on every page): checked against the hourly limit at the first page received'),
  encodings: z.array(ClkEncoding).min(1).max(MAX_HIT_ITEMS).describe('One encoding per person of the querier on this page, in the querier’s order'),
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
    page: Page.describe('This page of the answer, from 0'),
    pages: Pages.describe('How many answer pages: max(query pages, offered pages), at least 1'),
    /** (H(x)^a)^b for the query's page `page`, in its order; empty when the query has fewer pages. */
    doubled: z.array(GroupElement).max(MAX_HIT_ITEMS),
    /** H(y)^b for the offered identifiers at positions page × MAX_HIT_ITEMS onwards of one random order of the whole offered set. */
    offered: z.array(GroupElement).max(MAX_HIT_ITEMS),
    /** How many identifiers the answering node offers in all (the same on every page). */
    offeredTotal: z.number().int().min(0).max(MAX_HIT_ITEMS * MAX_HIT_PAGES),
  })
  .meta({ id: 'HitsAnswerPayload', description: 'hits.answer: one page of the query re-blinded and one page of the answering node’s blinded offered set' });
export const HitsAnswerResult = z
  .strictObject({ queryId: z.uuid(), hits: z.number().int().min(0).nullable() })
  .meta({ description: 'hits.answer: how many of the querier’s records matched (null until the last page is in)' });

export const HitsMatchedPayload = z
  .strictObject({
    queryId: z.uuid(),
    page: Page.default(0).describe('This page of the matches, from 0'),
    pages: Pages.default(1).describe('How many pages of matches'),
    /**
     * Identifiers: positions in the whole offered set (over all answer pages) that matched (sent by
     * the querier). Names: positions in the query's `encodings` that matched (sent by the answerer,
     * which compared). Each with the contact reference both nodes quote.
     */
    matches: z
      .array(z.strictObject({ index: z.number().int().min(0).max(MAX_HIT_ITEMS * MAX_HIT_PAGES), contactReference: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }))
      .max(MAX_HIT_ITEMS),
  })
  .meta({ id: 'HitsMatchedPayload', description: 'hits.matched: which offered positions matched (so that the answering node gets the same hits), in pages' });
export const HitsMatchedResult = z.strictObject({ queryId: z.uuid(), hits: z.number().int().min(0) }).meta({ description: 'hits.matched: how many matches were accepted (a position of padding or of a record deleted since the answer is accepted and records nothing, so the count does not tell padding from records)' });

export const HitsExpiredPayload = z
  .strictObject({
    queryId: z.uuid(),
    reason: z.literal('timeout').describe('Pages of the query, its answer or its matches stopped coming for longer than the sender waits'),
  })
  .meta({ id: 'HitsExpiredPayload', description: 'hits.expired: the sender gave up a half-received query and dropped what it kept of it' });
export const HitsExpiredResult = z
  .strictObject({ queryId: z.uuid(), expired: z.boolean().describe('false when the query had completed here already (nothing changed)') })
  .meta({ description: 'hits.expired: whether the receiver expired its side of the query too' });

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
    state: z
      .enum(['waiting', 'answering', 'answered', 'matched', 'expired'])
      .describe('sent: waiting → answered; received: answering (pages of the query still due) → answered → matched; expired: pages stopped coming on either side and the query was given up'),
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
    schemas: z.array(z.enum(['Person', 'Organization', 'Company', 'LegalEntity', 'BankAccount', 'Vessel', 'CryptoWallet', 'UserAccount', 'Passport', 'Identification'])).max(20),
    maxTlp: z.enum(HIT_TLPS),
    maxQueriesPerHour: z.number().int().min(0).max(10_000),
    maxItemsPerHour: z.number().int().min(0).max(MAX_HIT_ITEMS * MAX_HIT_PAGES),
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
export type HitsExpiredResult = z.infer<typeof HitsExpiredResult>;
