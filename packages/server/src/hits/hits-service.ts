// Hit/no-hit between nodes (issue 13 part 3), exact identifiers by DH-PSI (psi.ts).
//
// 1. An analyst of a case asks "check with peers": for each peer, the case's identifiers (IBAN, IMO,
//    E.164 phone, e-mail address, passport with country, wallet — checked and normalised by
//    core/matching) are hashed to curve25519 and blinded with a scalar drawn for this query (`hits.query`).
// 2. The peer re-blinds them with its own one-time scalar and adds its offered set, blinded the same
//    way and shuffled (`hits.answer`): what it offers this peer is set per peer (entity types and the
//    strictest case TLP), within the peer's hourly limits; a suspended peer gets nothing.
// 3. The querier compares, records a hit for each of its entities that matched — "your record may
//    match a record of authority X; contact reference R" — and tells the peer which offered
//    positions matched with the same references (`hits.matched`), so the peer records its hits.
// 4. Each owner reveals (case reference and contact) or declines (`hits.disclosure`). Nothing else
//    flows. Every step is audited on its node. See THREAT-MODEL.md.
import { randomBytes, randomUUID } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@comity/core';
import { normaliseEmail, normaliseIban, normaliseImo, normalisePassport, normalisePhone, normaliseWallet } from '@comity/core/matching/identifiers';
import { assertCan } from '@comity/core/policy/policy';
import {
  HIT_TLPS,
  HitsAnswerPayload,
  type HitsAnswerResult,
  HitsDisclosurePayload,
  type HitsDisclosureResult,
  HitsMatchedPayload,
  type HitsMatchedResult,
  HitsQueryPayload,
  type HitsQueryResult,
  MAX_HIT_ITEMS,
  PSI_SUITES,
} from '@comity/contract/hits';
import type { Database } from '@comity/db';
import { findPeer, listPeers, type PeerRow } from '@comity/db/repos/federation-repo';
import type { Kysely } from 'kysely';
import { type Actor, type AppDeps, auditedTransaction, type AuditFn } from '../deps.ts';
import { findCase } from '@comity/db/repos/cases-repo';
import { type CaseWho, caseMarkedRecord, mayReadCase, readCaseWithAccess } from '../cases/case-service.ts';
import { markedRecordOfEntity } from '../entities/entity-service.ts';
import { enforceRecord } from '../policy/policy-service.ts';
import { handlersOf, notify } from '../requests/notify.ts';
import { federationOf } from '../federation/capability.ts';
import { enqueuePeerMessage } from '../federation/outbox-service.ts';
import type { FederationRuntime, InboundHandler } from '../federation/runtime.ts';
import { expiredHandler } from './hits-expiry.ts';
import { acceptedEpochs, decodeEncoding, encodePerson, epochOf, matchEncodings, pairSecret } from './clk-pair.ts';
import { blindIdentifiers, blindPadded, decodeElement, dummyElements, intersect, paddedSize, randomScalar, reblind, scalarFromHex, scalarToHex, shuffledIndices } from './psi.ts';

/** Positions of a query that are records, not padding (null). */
const realCount = (entityIds: readonly (string | null)[]) => entityIds.filter((e) => e !== null).length;

const pagesOf = <T>(xs: readonly T[]): T[][] => Array.from({ length: Math.ceil(xs.length / MAX_HIT_ITEMS) }, (_, i) => xs.slice(i * MAX_HIT_ITEMS, (i + 1) * MAX_HIT_ITEMS));

type Deps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> & Partial<Pick<AppDeps, 'auditAnchor' | 'auditSequencer'>>;
type Tlp = (typeof HIT_TLPS)[number];

/** Hits recorded from one peer within a day beyond which, if also far above its usual volume, the peer is suspended for review. */
export const ENUMERATION_FLOOR = 200;
/** "Far more than usual": this many times the peer's average daily hits over the previous 30 days. */
export const ENUMERATION_FACTOR = 10;
/** A query must carry at least this many checked identifiers (one identifier is a complete field). */
export const MIN_QUERY_ITEMS = 1;

const SCHEMA_FIELDS: Record<string, (p: Record<string, string[]>) => string[]> = {
  BankAccount: (p) => (p.iban ?? []).map(normaliseIban).filter(isSet).map((v) => `iban:${v}`),
  Vessel: (p) => (p.imoNumber ?? []).map(normaliseImo).filter(isSet).map((v) => `imo:${v}`),
  CryptoWallet: (p) => (p.publicKey ?? []).map(normaliseWallet).filter(isSet).map((v) => `wallet:${v}`),
  Passport: (p) => passports(p, [...(p.passportNumber ?? []), ...(p.number ?? [])]),
  Identification: (p) => passports(p, p.number ?? []),
  UserAccount: (p) => [...phones(p.number), ...emails(p.email)],
};
/** Schemas whose `phone` and `email` properties are their own contact details (FtM LegalEntity and its children). */
const CONTACT_SCHEMAS = new Set(['Person', 'Organization', 'Company', 'LegalEntity']);

function isSet<T>(v: T | undefined): v is T {
  return v !== undefined;
}

function phones(values: string[] | undefined): string[] {
  return (values ?? []).map((v) => normalisePhone(v)).filter(isSet).map((v) => `phone:${v}`);
}

function emails(values: string[] | undefined): string[] {
  return (values ?? []).map(normaliseEmail).filter(isSet).map((v) => `email:${v}`);
}

function passports(p: Record<string, string[]>, numbers: string[]): string[] {
  const country = p.country?.[0];
  return numbers.map((n) => normalisePassport(n, country)).filter(isSet).map((v) => `passport:${v}`);
}

/** The exact identifiers of an FtM entity, normalised and prefixed by kind ("iban:DE89…"); invalid values give none. */
export function entityIdentifiers(schema: string, properties: unknown): string[] {
  const p = (properties ?? {}) as Record<string, string[]>;
  const out = [...(SCHEMA_FIELDS[schema]?.(p) ?? [])];
  if (CONTACT_SCHEMAS.has(schema)) out.push(...phones(p.phone), ...emails(p.email));
  return [...new Set(out)];
}

const tlpRank = (t: string) => HIT_TLPS.indexOf(t as Tlp);

// ---- offers ------------------------------------------------------------------------------------

export interface OfferInput {
  schemas: string[];
  maxTlp: Tlp;
  maxQueriesPerHour: number;
  maxItemsPerHour: number;
  resume?: boolean | undefined;
}

export async function listOffers(deps: Pick<AppDeps, 'db'>) {
  const rows = await deps.db.selectFrom('hit_offers').selectAll().orderBy('peer_node_id').execute();
  return rows.map(presentOffer);
}

function presentOffer(r: Awaited<ReturnType<typeof findOffer>> & object) {
  return {
    peerNodeId: r.peer_node_id,
    schemas: r.schemas as never,
    maxTlp: r.max_tlp as Tlp,
    maxQueriesPerHour: r.max_queries_per_hour,
    maxItemsPerHour: r.max_items_per_hour,
    suspendedAt: r.suspended_at ? new Date(r.suspended_at).toISOString() : null,
    suspendedReason: r.suspended_reason,
  };
}

async function findOffer(db: Kysely<Database>, peerNodeId: string) {
  return db.selectFrom('hit_offers').selectAll().where('peer_node_id', '=', peerNodeId).executeTakeFirst();
}

/** An administrator sets what this node offers a peer (audited); `resume` lifts a suspension. */
export async function putOffer(deps: Deps, who: CaseWho, peerNodeId: string, input: OfferInput) {
  if (who.actor) assertCan(who.actor.role, 'hits:offers');
  if (!(await findPeer(deps.db, peerNodeId))) throw new NotFoundError('peer_not_found', 'No such peer.');
  const now = deps.now();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const before = await findOffer(trx, peerNodeId);
    const values = {
      schemas: JSON.stringify([...new Set(input.schemas)]),
      max_tlp: input.maxTlp,
      max_queries_per_hour: input.maxQueriesPerHour,
      max_items_per_hour: input.maxItemsPerHour,
      updated_at: now,
      ...(input.resume ? { suspended_at: null, suspended_reason: null } : {}),
      ...(input.resume && before?.suspended_at ? { resumed_at: now } : {}),
    };
    if (before) await trx.updateTable('hit_offers').set(values).where('peer_node_id', '=', peerNodeId).execute();
    else await trx.insertInto('hit_offers').values({ peer_node_id: peerNodeId, resumed_at: null, ...values, suspended_at: null, suspended_reason: null }).execute();
    audit('hits.offer.set', `peer:${peerNodeId}`, {
      schemas: input.schemas,
      maxTlp: input.maxTlp,
      maxQueriesPerHour: input.maxQueriesPerHour,
      maxItemsPerHour: input.maxItemsPerHour,
      resumed: Boolean(input.resume && before?.suspended_at),
    });
    return presentOffer((await findOffer(trx, peerNodeId)) as NonNullable<Awaited<ReturnType<typeof findOffer>>>);
  });
}

// ---- asking ------------------------------------------------------------------------------------

/** The case's entities with their identifiers (one position per identifier). */
async function caseIdentifiers(db: Kysely<Database>, caseId: string): Promise<{ entityId: string; identifier: string }[]> {
  const rows = await db.selectFrom('entities').select(['id', 'schema', 'properties']).where('case_id', '=', caseId).where('is_link', '=', false).orderBy('id').execute();
  return rows.flatMap((r) => entityIdentifiers(r.schema, r.properties).map((identifier) => ({ entityId: r.id, identifier })));
}

/** The case's people with a name and a date of birth (the minimum for a name query), one position each. */
async function casePersons(db: Kysely<Database>, caseId: string): Promise<{ entityId: string; name: string; birthDate: string }[]> {
  const rows = await db.selectFrom('entities').select(['id', 'properties']).where('case_id', '=', caseId).where('schema', '=', 'Person').orderBy('id').execute();
  return namedPeople(rows);
}

function namedPeople(rows: { id: string; properties: unknown }[]) {
  return rows.flatMap((r) => {
    const p = (r.properties ?? {}) as Record<string, string[]>;
    const name = p.name?.[0];
    const birthDate = p.birthDate?.[0];
    return name && birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? [{ entityId: r.id, name, birthDate }] : [];
  });
}

/**
 * "Check with peers": one query per active peer (or the peers named) with the case's identifiers,
 * each blinded under a scalar of its own. Refused when the case has fewer than MIN_QUERY_ITEMS.
 */
export async function checkWithPeers(
  deps: Deps & Pick<AppDeps, 'keys'>,
  who: CaseWho,
  caseId: string,
  peers?: string[],
  kinds: readonly ('identifiers' | 'names')[] = ['identifiers', 'names'],
  /** Only these entities of the case (a seizure's or incident's shared elements); all when absent. */
  only?: readonly string[],
) {
  const actor = who.actor;
  if (!actor) throw new ForbiddenError('forbidden', 'Sign in first.');
  assertCan(actor.role, 'hits:query');
  const readable = await readCaseWithAccess(deps, who, caseId);
  const chosen = <T extends { entityId: string }>(rows: T[]) => (only ? rows.filter((r) => only.includes(r.entityId)) : rows);
  const items = kinds.includes('identifiers') ? chosen(await caseIdentifiers(deps.db, caseId)) : [];
  const people = kinds.includes('names') ? chosen(await casePersons(deps.db, caseId)) : [];
  if (items.length + people.length < MIN_QUERY_ITEMS) {
    throw new ValidationError(
      'too_few_fields',
      `The case holds ${items.length} checked identifier(s) (IBAN, IMO number, phone, e-mail address, passport with country, wallet) and ${people.length} person(s) with a name and a date of birth; a query needs at least ${MIN_QUERY_ITEMS}.`,
    );
  }
  const active = (await listPeers(deps.db, { status: 'active' })).filter((p) => !peers || peers.includes(p.node_id));
  if (peers && active.length !== new Set(peers).size) throw new NotFoundError('peer_not_found', 'One of the peers named is not an active peer.');
  if (active.length === 0) throw new ValidationError('no_peers', 'This node has no active peer to ask.');
  const now = deps.now();
  const epoch = epochOf(now);
  const queries = await auditedTransaction(deps, who, async (trx, audit) => {
    const out: string[] = [];
    const scope = only ? { only: only.length } : {};
    const record = async (peer: PeerRow, kind: 'identifiers' | 'names', entityIds: (string | null)[], secret: string | null, payloads: Record<string, unknown>[], detail: Record<string, unknown>) => {
      const id = randomUUID();
      await trx
        .insertInto('hit_queries')
        .values({
          id,
          direction: 'sent',
          peer_node_id: peer.node_id,
          organisation_id: readable.row.organisation_id,
          case_id: caseId,
          kind,
          state: 'waiting',
          item_count: realCount(entityIds),
          offered_count: null,
          hit_count: null,
          secret,
          // Positions of padding are null: they never make a hit.
          entity_ids: JSON.stringify(entityIds),
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      // A query goes in pages of at most MAX_HIT_ITEMS, all under the same scalar (identifiers) or epoch (names).
      for (const payload of payloads) {
        await enqueuePeerMessage(trx, now, {
          peerNodeId: peer.node_id,
          type: 'hits.query',
          conversationId: `hits:${id}`,
          payload: { queryId: id, kind, ...payload },
          senderOrganisationId: readable.row.organisation_id,
          marking: 'AMBER',
        });
      }
      audit('hits.query.send', `hit-query:${id}`, { caseId, peer: peer.node_id, kind, items: realCount(entityIds), ...scope, ...detail });
      out.push(id);
    };
    for (const peer of active) {
      if (items.length > 0) {
        const a = randomScalar();
        // Padded before paging with dummy elements (after the real ones: the peer cannot tell them apart, and only this node reads positions of its query).
        const size = paddedSize(items.length);
        const blinded = [
          ...blindIdentifiers(
            items.map((i) => i.identifier),
            a,
          ),
          ...dummyElements(size - items.length),
        ];
        await record(
          peer,
          'identifiers',
          [...items.map((i) => i.entityId), ...Array<null>(size - items.length).fill(null)],
          scalarToHex(a),
          pagesOf(blinded).map((page, i, all) => ({ suite: PSI_SUITES[0], page: i, pages: all.length, total: blinded.length, items: page })),
          { kinds: countKinds(items.map((i) => i.identifier)), padded: size },
        );
      }
      if (people.length > 0) {
        const secret = pairSecret(deps.keys, peer, epoch);
        // A names query goes in pages of at most MAX_HIT_ITEMS too, all keyed by the same epoch.
        const encodings = people.map((p) => encodePerson(p, secret, 'sent'));
        await record(
          peer,
          'names',
          people.map((p) => p.entityId),
          null,
          pagesOf(encodings).map((page, i, all) => ({ epoch, page: i, pages: all.length, total: encodings.length, encodings: page })),
          { epoch, pages: Math.ceil(encodings.length / MAX_HIT_ITEMS) },
        );
      }
    }
    return out;
  });
  federationOf(deps as AppDeps)?.wake();
  return queries;
}

function countKinds(identifiers: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of identifiers) {
    const k = i.slice(0, i.indexOf(':'));
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

// ---- answering (a peer's query) ----------------------------------------------------------------

/** The identifiers this node offers a peer: entities of the offered schemas in cases marked at most the offer's TLP. */
async function offeredIdentifiers(trx: Kysely<Database>, offer: { schemas: unknown; max_tlp: string }) {
  return (await offeredRows(trx, offer)).flatMap((r) => entityIdentifiers(r.schema, r.properties).map((identifier) => ({ entityId: r.id, identifier })));
}

async function offeredRows(trx: Kysely<Database>, offer: { schemas: unknown; max_tlp: string }) {
  const schemas = (offer.schemas as string[]) ?? [];
  if (schemas.length === 0) return [];
  const allowed = HIT_TLPS.filter((t) => tlpRank(t) <= tlpRank(offer.max_tlp));
  const rows = await trx
    .selectFrom('entities as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.id', 'e.schema', 'e.properties', 'e.marking', 'e.organisation_id'])
    .where('e.schema', 'in', schemas)
    .where('e.is_link', '=', false)
    .where('c.marking', 'in', allowed)
    .orderBy('e.id')
    .execute();
  return rows.filter((r) => tlpRank(String((r.marking as { tlp?: string })?.tlp ?? 'RED')) <= tlpRank(offer.max_tlp));
}

async function sinceCount(trx: Kysely<Database>, peer: string, direction: 'sent' | 'received', since: Date) {
  const r = await trx
    .selectFrom('hit_queries')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<string>('item_count').as('items')])
    .where('peer_node_id', '=', peer)
    .where('direction', '=', direction)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return { queries: Number(r.n), items: Number(r.items ?? 0) };
}

/**
 * A name query: the answerer holds the pair's secret too, so it encodes the people it offers this
 * peer, compares each page of the query by Dice as it comes, records its hits and sends the matching
 * query positions of that page back with their contact references (`hits.matched`, one page per
 * query page). Nothing about its own people leaves the node, and nothing of the query is kept but
 * its epoch and the pages seen.
 */
async function startNames(
  trx: Kysely<Database>,
  payload: Extract<ReturnType<typeof HitsQueryPayload.parse>, { kind: 'names' }>,
  peer: PeerRow,
  audit: AuditFn,
  now: Date,
  offer: Awaited<ReturnType<typeof findOffer>>,
) {
  if (!acceptedEpochs(now).includes(payload.epoch)) throw new ValidationError('epoch_not_accepted', `Epoch ${payload.epoch} is not current (${acceptedEpochs(now).join(', ')}).`);
  const offered = await offeredPeople(trx, offer);
  await trx
    .insertInto('hit_queries')
    .values({
      id: payload.queryId,
      direction: 'received',
      peer_node_id: peer.node_id,
      organisation_id: null,
      case_id: null,
      kind: 'names',
      state: 'answering',
      item_count: payload.total,
      offered_count: offered.people.length,
      hit_count: 0,
      secret: null,
      entity_ids: JSON.stringify(offered.people.map((p) => p.entityId)),
      pages: payload.pages,
      pages_seen: JSON.stringify([]),
      epoch: payload.epoch,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  audit('hits.query.receive', `hit-query:${payload.queryId}`, { peer: peer.node_id, kind: 'names', epoch: payload.epoch, items: payload.total, pages: payload.pages, offered: offered.people.length });
  return trx.selectFrom('hit_queries').selectAll().where('id', '=', payload.queryId).executeTakeFirstOrThrow();
}

/** The people (name and date of birth) this node offers a peer, with the organisation of each record. */
async function offeredPeople(trx: Kysely<Database>, offer: Awaited<ReturnType<typeof findOffer>>) {
  const schemas = (offer?.schemas as string[] | undefined) ?? [];
  const rows = offer && schemas.includes('Person') ? (await offeredRows(trx, { schemas: ['Person'], max_tlp: offer.max_tlp })).filter((r) => r.schema === 'Person') : [];
  return { people: namedPeople(rows), owners: new Map(rows.map((r) => [r.id, r.organisation_id])) };
}

/** The checks every page of a received query passes against its row: same peer and kind, still being answered, not seen, same pages and total, full pages but the last. */
function checkQueryPage(q: HitQueryRow, payload: { page: number; pages: number; total: number }, kind: 'identifiers' | 'names', peer: PeerRow, size: number) {
  if (q.direction !== 'received' || q.peer_node_id !== peer.node_id || q.kind !== kind) throw new ConflictError('query_exists', 'This query id is already known.');
  if (q.state === 'expired') throw new ConflictError('query_expired', 'This query expired: its pages stopped coming.');
  if (q.state !== 'answering') throw new ConflictError('query_answered', 'This query was answered already.');
  if (seenOf(q).includes(payload.page)) throw new ConflictError('page_received', `Page ${payload.page} of this query was received already.`);
  if (payload.pages !== q.pages || payload.total !== q.item_count) throw new ValidationError('malformed_encoding', 'The pages and total of a query are the same on every page.');
  const lastPage = payload.page === payload.pages - 1;
  if (size !== (lastPage ? payload.total - payload.page * MAX_HIT_ITEMS : MAX_HIT_ITEMS)) {
    throw new ValidationError('malformed_encoding', `Page ${payload.page} carries ${size} items; ${payload.total} in ${payload.pages} pages of ${MAX_HIT_ITEMS} do not give that.`);
  }
}

/** One page of a peer's names query: compared at once, its hits recorded and sent back as the matches page of the same number. */
async function namesPage(
  trx: Kysely<Database>,
  header: { conversationId: string; messageId: string },
  payload: Extract<ReturnType<typeof HitsQueryPayload.parse>, { kind: 'names' }>,
  peer: PeerRow,
  audit: AuditFn,
  runtime: FederationRuntime,
  q: HitQueryRow,
  offer: Awaited<ReturnType<typeof findOffer>>,
): Promise<{ result: HitsQueryResult }> {
  const now = runtime.deps.now();
  checkQueryPage(q, payload, 'names', peer, payload.encodings.length);
  if (payload.epoch !== q.epoch) throw new ValidationError('malformed_encoding', `Every page of a query carries the epoch of its first (${q.epoch}).`);
  if (!acceptedEpochs(now).includes(payload.epoch)) throw new ValidationError('epoch_not_accepted', `Epoch ${payload.epoch} is not current (${acceptedEpochs(now).join(', ')}).`);
  const offset = payload.page * MAX_HIT_ITEMS;
  const theirs = payload.encodings.map((e, i) => decodeEncoding(e, `encodings[${offset + i}]`));
  const { people, owners } = await offeredPeople(trx, offer);
  const secret = pairSecret(runtime.deps.keys, peer, payload.epoch);
  const mine = people.map((p) => decodeEncoding(encodePerson(p, secret), 'own'));
  const pairs = matchEncodings(theirs, mine);
  const matches: { index: number; contactReference: string }[] = [];
  for (const [i, j] of pairs) {
    const person = people[j] as { entityId: string };
    const ref = randomBytes(16).toString('base64url');
    const id = randomUUID();
    await insertHit(trx, { id, queryId: q.id, peer: peer.node_id, organisationId: owners.get(person.entityId) as string, entityId: person.entityId, ref, now });
    audit('hits.hit.record', `hit:${id}`, { queryId: q.id, entityId: person.entityId, peer: peer.node_id, contactReference: ref, kind: 'names' });
    matches.push({ index: offset + i, contactReference: ref });
  }
  await enqueuePeerMessage(trx, now, {
    peerNodeId: peer.node_id,
    type: 'hits.matched',
    conversationId: header.conversationId,
    inReplyTo: header.messageId,
    payload: { queryId: q.id, page: payload.page, pages: payload.pages, matches },
    senderOrganisationId: null,
    marking: 'AMBER',
  });
  const nowSeen = [...seenOf(q), payload.page];
  const complete = nowSeen.length === payload.pages;
  await trx
    .updateTable('hit_queries')
    .set({ pages_seen: complete ? null : JSON.stringify(nowSeen), hit_count: (q.hit_count ?? 0) + matches.length, updated_at: now, ...(complete ? { state: 'matched' } : {}) })
    .where('id', '=', q.id)
    .execute();
  if (payload.pages > 1) audit('hits.query.page', `hit-query:${q.id}`, { peer: peer.node_id, kind: 'names', page: payload.page, pages: payload.pages, items: theirs.length, hits: matches.length });
  await detectEnumeration(trx, peer, audit, now);
  runtime.wake();
  return { result: { queryId: q.id, accepted: true } };
}

/**
 * Records a hit and tells the people who may see it (the case team of the record and the
 * supervisors of its organisation) by a notification: which authority, the contact reference,
 * never the record's name (the inbox shows that, with its own access checks).
 */
async function insertHit(trx: Kysely<Database>, h: { id: string; queryId: string; peer: string; organisationId: string; entityId: string; ref: string; now: Date }) {
  await trx
    .insertInto('hits')
    .values({
      id: h.id,
      query_id: h.queryId,
      peer_node_id: h.peer,
      organisation_id: h.organisationId,
      entity_id: h.entityId,
      contact_reference: h.ref,
      state: 'pending',
      own_disclosure: null,
      decided_by: null,
      decided_at: null,
      peer_disclosure: null,
      created_at: h.now,
      updated_at: h.now,
    })
    .execute();
  const entity = await trx.selectFrom('entities').select('case_id').where('id', '=', h.entityId).executeTakeFirst();
  const peer = await findPeer(trx, h.peer);
  const authority = peer?.authority_name ?? h.peer;
  await notify(trx, h.now, {
    userIds: await hitAudience(trx, h.organisationId, entity?.case_id ?? null),
    organisationId: h.organisationId,
    requestId: null,
    kind: 'hit-recorded',
    message: {
      code: 'hit-recorded',
      params: { hitId: h.id, authority, contactReference: h.ref },
      text: `One of your records may match a record of ${authority}; contact reference ${h.ref}.`,
    },
  });
}

/** Who may see a hit: the team of the record's case and the supervisors of the organisation (active users). */
async function hitAudience(db: Kysely<Database>, organisationId: string, caseId: string | null): Promise<string[]> {
  const supervisors = await handlersOf(db, organisationId, new Set(['supervisor']));
  if (!caseId) return supervisors;
  const team = await db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.case_id', '=', caseId)
    .where('u.organisation_id', '=', organisationId)
    .where('u.disabled', '=', false)
    .execute();
  return [...new Set([...team.map((t) => t.user_id), ...supervisors])];
}

export const seenOf = (q: { pages_seen: unknown }) => (q.pages_seen as number[] | null) ?? [];

const queryHandler: InboundHandler<ReturnType<typeof HitsQueryPayload.parse>> = {
  parse: (p) => HitsQueryPayload.parse(p),
  async handle({ trx, header, payload, peer, audit, runtime }) {
    const now = runtime.deps.now();
    const offer = await findOffer(trx, peer.node_id);
    // A refusal rolls this transaction back; the inbox audits it (federation.inbox.reject) with the reason.
    if (offer?.suspended_at) {
      throw new ForbiddenError('peer_suspended', 'Hit/no-hit queries from this node are suspended for review.');
    }
    // Both kinds travel in pages: `total` fixes how many there are and how full each is.
    if (payload.page >= payload.pages) throw new ValidationError('malformed_encoding', `Page ${payload.page} of ${payload.pages}.`);
    if (payload.total > payload.pages * MAX_HIT_ITEMS || payload.total <= (payload.pages - 1) * MAX_HIT_ITEMS) {
      throw new ValidationError('malformed_encoding', `${payload.total} ${payload.kind === 'names' ? 'people' : 'identifiers'} do not fit ${payload.pages} page(s).`);
    }
    const known = await trx.selectFrom('hit_queries').selectAll().where('id', '=', payload.queryId).forUpdate().executeTakeFirst();
    if (known) {
      return payload.kind === 'identifiers' ? queryPage(trx, header, payload, peer, audit, runtime, known) : namesPage(trx, header, payload, peer, audit, runtime, known, offer);
    }
    // A new query: the hourly limits take its declared size (a paged query reserves its whole total at its first page).
    const hour = await sinceCount(trx, peer.node_id, 'received', new Date(now.getTime() - 3_600_000));
    const maxQ = offer?.max_queries_per_hour ?? 60;
    const maxItems = offer?.max_items_per_hour ?? 50_000;
    if (hour.queries + 1 > maxQ || hour.items + payload.total > maxItems) {
      throw new ConflictError('hits_rate_limited', `At most ${maxQ} queries and ${maxItems} identifiers an hour from this node.`);
    }
    if (payload.kind === 'names') return namesPage(trx, header, payload, peer, audit, runtime, await startNames(trx, payload, peer, audit, now, offer), offer);
    // b is drawn once for the whole query and the offered set shuffled once; both are kept until the last answer page is out.
    const b = randomScalar();
    // The offered set is padded with dummies (null here, a fresh random element when sent) before it is shuffled and paged.
    const offered = offer ? await offeredIdentifiers(trx, offer) : [];
    const padded = [...offered, ...Array<null>(paddedSize(offered.length) - offered.length).fill(null)];
    const shuffled = shuffledIndices(padded.length).map((i) => padded[i] as { entityId: string; identifier: string } | null);
    await trx
      .insertInto('hit_queries')
      .values({
        id: payload.queryId,
        direction: 'received',
        peer_node_id: peer.node_id,
        organisation_id: null,
        case_id: null,
        kind: payload.kind,
        state: 'answering',
        item_count: payload.total,
        offered_count: offered.length,
        hit_count: null,
        secret: scalarToHex(b),
        entity_ids: JSON.stringify(shuffled.map((o) => o?.entityId ?? null)),
        pages: payload.pages,
        pages_seen: JSON.stringify([]),
        pending_identifiers: JSON.stringify(shuffled.map((o) => o?.identifier ?? null)),
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    audit('hits.query.receive', `hit-query:${payload.queryId}`, { peer: peer.node_id, items: payload.total, pages: payload.pages, offered: offered.length, padded: shuffled.length, suite: payload.suite });
    const started = await trx.selectFrom('hit_queries').selectAll().where('id', '=', payload.queryId).executeTakeFirstOrThrow();
    return queryPage(trx, header, payload, peer, audit, runtime, started);
  },
};

/**
 * One page of a peer's identifiers query: re-blinded under the query's b and answered with the same
 * page of the offered set (`hits.answer` page p). When the last query page is in, the offered pages
 * beyond the query's are sent too and b and the offered identifiers are forgotten.
 */
async function queryPage(
  trx: Kysely<Database>,
  header: { conversationId: string; messageId: string },
  payload: Extract<ReturnType<typeof HitsQueryPayload.parse>, { kind: 'identifiers' }>,
  peer: PeerRow,
  audit: AuditFn,
  runtime: FederationRuntime,
  q: HitQueryRow,
): Promise<{ result: HitsQueryResult }> {
  const now = runtime.deps.now();
  checkQueryPage(q, payload, 'identifiers', peer, payload.items.length);
  if (!q.secret) throw new ConflictError('query_answered', 'This query was answered already.');
  const seen = seenOf(q);
  const b = scalarFromHex(q.secret);
  // Malformed elements refuse the whole envelope (ValidationError → payload_rejected).
  const doubled = reblind(payload.items, b, 'items', payload.page * MAX_HIT_ITEMS);
  const identifiers = (q.pending_identifiers as (string | null)[] | null) ?? [];
  const answerPages = Math.max(payload.pages, Math.ceil(identifiers.length / MAX_HIT_ITEMS), 1);
  const answer = async (page: number, pageDoubled: string[]) => {
    await enqueuePeerMessage(trx, now, {
      peerNodeId: peer.node_id,
      type: 'hits.answer',
      conversationId: header.conversationId,
      inReplyTo: header.messageId,
      payload: {
        queryId: q.id,
        page,
        pages: answerPages,
        doubled: pageDoubled,
        offered: blindPadded(identifiers.slice(page * MAX_HIT_ITEMS, (page + 1) * MAX_HIT_ITEMS), b),
        offeredTotal: identifiers.length,
      },
      senderOrganisationId: null,
      marking: 'AMBER',
    });
  };
  await answer(payload.page, doubled);
  const nowSeen = [...seen, payload.page];
  const complete = nowSeen.length === payload.pages;
  if (complete) for (let page = payload.pages; page < answerPages; page++) await answer(page, []);
  await trx
    .updateTable('hit_queries')
    .set({
      pages_seen: JSON.stringify(nowSeen),
      updated_at: now,
      ...(complete ? { state: 'answered', secret: null, pending_identifiers: null, pages_seen: JSON.stringify([]), pages: answerPages } : {}),
    })
    .where('id', '=', q.id)
    .execute();
  if (payload.pages > 1) audit('hits.query.page', `hit-query:${q.id}`, { peer: peer.node_id, page: payload.page, pages: payload.pages, items: payload.items.length });
  runtime.wake();
  return { result: { queryId: q.id, accepted: true } satisfies HitsQueryResult };
}

function findQuery(trx: Kysely<Database>, id: string) {
  return trx.selectFrom('hit_queries').selectAll().where('id', '=', id).executeTakeFirst();
}
type HitQueryRow = NonNullable<Awaited<ReturnType<typeof findQuery>>>;

const answerHandler: InboundHandler<ReturnType<typeof HitsAnswerPayload.parse>> = {
  parse: (p) => HitsAnswerPayload.parse(p),
  async handle({ trx, header, payload, peer, audit, runtime }) {
    const now = runtime.deps.now();
    const q = await trx
      .selectFrom('hit_queries')
      .selectAll()
      .where('id', '=', payload.queryId)
      .where('direction', '=', 'sent')
      .where('peer_node_id', '=', peer.node_id)
      .forUpdate()
      .executeTakeFirst();
    if (!q) throw new NotFoundError('query_not_found', 'No query of this node to that peer has this id.');
    if (q.state === 'expired') throw new ConflictError('query_expired', 'This query expired: its answer stopped coming.');
    if (q.state !== 'waiting' || !q.secret) throw new ConflictError('query_answered', 'This query was answered already.');
    const entityIds = q.entity_ids as (string | null)[];
    const seen = seenOf(q);
    const queryPages = Math.ceil(entityIds.length / MAX_HIT_ITEMS);
    const expectDoubled = Math.max(0, Math.min(MAX_HIT_ITEMS, entityIds.length - payload.page * MAX_HIT_ITEMS));
    const expectOffered = Math.max(0, Math.min(MAX_HIT_ITEMS, payload.offeredTotal - payload.page * MAX_HIT_ITEMS));
    const expectPages = Math.max(queryPages, Math.ceil(payload.offeredTotal / MAX_HIT_ITEMS), 1);
    if (payload.pages !== expectPages || payload.page >= payload.pages || (q.pages !== null && q.pages !== payload.pages)) {
      throw new ValidationError('malformed_encoding', `Answer page ${payload.page} of ${payload.pages}; this query expects ${expectPages}.`);
    }
    if (payload.doubled.length !== expectDoubled) throw new ValidationError('malformed_encoding', `The answer re-blinds ${payload.doubled.length} items on page ${payload.page}; the query had ${expectDoubled} there.`);
    if (payload.offered.length !== expectOffered) throw new ValidationError('malformed_encoding', `Answer page ${payload.page} offers ${payload.offered.length}; ${payload.offeredTotal} in all gives ${expectOffered} there.`);
    if (seen.includes(payload.page)) throw new ConflictError('page_received', `Answer page ${payload.page} was received already.`);
    // Every element is checked as its page arrives, so a malformed page is refused on its own.
    for (const [i, e] of payload.doubled.entries()) decodeElement(e, `doubled[${payload.page * MAX_HIT_ITEMS + i}]`);
    for (const [i, e] of payload.offered.entries()) decodeElement(e, `offered[${payload.page * MAX_HIT_ITEMS + i}]`);
    const nowSeen = [...seen, payload.page];
    if (nowSeen.length < payload.pages) {
      await trx.insertInto('hit_query_pages').values({ query_id: q.id, page: payload.page, doubled: JSON.stringify(payload.doubled), offered: JSON.stringify(payload.offered) }).execute();
      await trx.updateTable('hit_queries').set({ pages: payload.pages, pages_seen: JSON.stringify(nowSeen), updated_at: now }).where('id', '=', q.id).execute();
      return { result: { queryId: q.id, hits: null } satisfies HitsAnswerResult };
    }
    // The last page: every page in, the intersection over the whole query and the whole offered set.
    const stored = await trx.selectFrom('hit_query_pages').selectAll().where('query_id', '=', q.id).execute();
    const byPage = new Map(stored.map((r) => [r.page, { doubled: r.doubled as string[], offered: r.offered as string[] }]));
    byPage.set(payload.page, { doubled: payload.doubled, offered: payload.offered });
    const ordered = Array.from({ length: payload.pages }, (_, p) => byPage.get(p) ?? { doubled: [], offered: [] });
    const { pairs } = intersect(
      ordered.flatMap((p) => p.doubled),
      ordered.flatMap((p) => p.offered),
      scalarFromHex(q.secret),
    );
    await trx.deleteFrom('hit_query_pages').where('query_id', '=', q.id).execute();
    // One hit per (own entity, offered position): the contact reference both nodes quote.
    const byKey = new Map<string, { entityId: string; index: number; ref: string }>();
    for (const [i, j] of pairs) {
      const entityId = entityIds[i];
      if (!entityId) continue; // padding: never a hit (a dummy equals a peer's element with negligible probability)
      const key = `${entityId}|${j}`;
      if (!byKey.has(key)) byKey.set(key, { entityId, index: j, ref: randomBytes(16).toString('base64url') });
    }
    // Several of one's identifiers may match one offered identifier: one hit per own entity and peer position.
    const hits = [...byKey.values()];
    for (const h of hits) {
      const id = randomUUID();
      await insertHit(trx, { id, queryId: q.id, peer: peer.node_id, organisationId: q.organisation_id as string, entityId: h.entityId, ref: h.ref, now });
      audit('hits.hit.record', `hit:${id}`, { queryId: q.id, entityId: h.entityId, peer: peer.node_id, contactReference: h.ref });
    }
    await trx
      .updateTable('hit_queries')
      .set({ state: 'answered', secret: null, pages: payload.pages, pages_seen: null, offered_count: payload.offeredTotal, hit_count: hits.length, updated_at: now })
      .where('id', '=', q.id)
      .execute();
    const matchPages = pagesOf(hits.map((h) => ({ index: h.index, contactReference: h.ref })));
    for (const [page, matches] of (matchPages.length ? matchPages : [[]]).entries()) {
      await enqueuePeerMessage(trx, now, {
        peerNodeId: peer.node_id,
        type: 'hits.matched',
        conversationId: header.conversationId,
        inReplyTo: header.messageId,
        payload: { queryId: q.id, page, pages: Math.max(matchPages.length, 1), matches },
        senderOrganisationId: q.organisation_id,
        marking: 'AMBER',
      });
    }
    audit('hits.query.answered', `hit-query:${q.id}`, { peer: peer.node_id, items: realCount(entityIds), offered: payload.offeredTotal, pages: payload.pages, hits: hits.length });
    runtime.wake();
    return { result: { queryId: q.id, hits: hits.length } satisfies HitsAnswerResult };
  },
};

const matchedHandler: InboundHandler<ReturnType<typeof HitsMatchedPayload.parse>> = {
  parse: (p) => HitsMatchedPayload.parse(p),
  async handle({ trx, payload, peer, audit, runtime }) {
    const now = runtime.deps.now();
    const q = await trx
      .selectFrom('hit_queries')
      .selectAll()
      .where('id', '=', payload.queryId)
      .where('direction', '=', 'received')
      .where('kind', '=', 'identifiers')
      .where('peer_node_id', '=', peer.node_id)
      .forUpdate()
      .executeTakeFirst();
    if (!q) return namesMatched(trx, payload, peer, audit, now);
    if (q.state === 'expired') throw new ConflictError('query_expired', 'This query expired: its matches stopped coming.');
    if (q.state !== 'answered') throw new ConflictError('query_matched', q.state === 'answering' ? 'This query is not answered yet.' : 'The matches of this query were received already.');
    const seen = seenOf(q);
    if (payload.page >= payload.pages) throw new ValidationError('malformed_encoding', `Matches page ${payload.page} of ${payload.pages}.`);
    if (seen.includes(payload.page)) throw new ConflictError('page_received', `Matches page ${payload.page} was received already.`);
    const entityIds = q.entity_ids as (string | null)[];
    const seenRefs = new Set<string>();
    for (const m of payload.matches) {
      if (m.index >= entityIds.length) throw new ValidationError('malformed_encoding', `Match position ${m.index} is outside the ${entityIds.length} offered.`);
      if (seenRefs.has(m.contactReference)) throw new ValidationError('malformed_encoding', 'A contact reference is repeated.');
      seenRefs.add(m.contactReference);
    }
    const wanted = [...new Set(payload.matches.map((m) => entityIds[m.index]).filter((e): e is string => typeof e === 'string'))];
    const owners = new Map((wanted.length ? await trx.selectFrom('entities').select(['id', 'organisation_id']).where('id', 'in', wanted).execute() : []).map((r) => [r.id, r.organisation_id]));
    let recorded = 0;
    for (const m of payload.matches) {
      const entityId = entityIds[m.index];
      // A padding position (only a dishonest querier names one) or a record deleted since the answer: accepted, nothing recorded.
      const organisationId = entityId ? owners.get(entityId) : undefined;
      if (!entityId || !organisationId) continue;
      const id = randomUUID();
      await insertHit(trx, { id, queryId: q.id, peer: peer.node_id, organisationId, entityId, ref: m.contactReference, now });
      audit('hits.hit.record', `hit:${id}`, { queryId: q.id, entityId, peer: peer.node_id, contactReference: m.contactReference });
      recorded++;
    }
    const nowSeen = [...seen, payload.page];
    const complete = nowSeen.length === payload.pages;
    await trx
      .updateTable('hit_queries')
      .set({ hit_count: (q.hit_count ?? 0) + recorded, pages_seen: JSON.stringify(nowSeen), updated_at: now, ...(complete ? { state: 'matched' } : {}) })
      .where('id', '=', q.id)
      .execute();
    audit('hits.query.matched', `hit-query:${q.id}`, { peer: peer.node_id, hits: recorded, page: payload.page, pages: payload.pages });
    await detectEnumeration(trx, peer, audit, now);
    // The receipt counts the matches accepted, not those recorded: otherwise a querier naming positions could tell padding from records.
    return { result: { queryId: q.id, hits: payload.matches.length } satisfies HitsMatchedResult };
  },
};

/** The answer to one of this node's name queries: the query positions the peer found, with their references. */
async function namesMatched(trx: Kysely<Database>, payload: ReturnType<typeof HitsMatchedPayload.parse>, peer: PeerRow, audit: AuditFn, now: Date) {
  const q = await trx
    .selectFrom('hit_queries')
    .selectAll()
    .where('id', '=', payload.queryId)
    .where('direction', '=', 'sent')
    .where('kind', '=', 'names')
    .where('peer_node_id', '=', peer.node_id)
    .forUpdate()
    .executeTakeFirst();
  if (!q) throw new NotFoundError('query_not_found', 'No query from or to that peer has this id.');
  if (q.state === 'expired') throw new ConflictError('query_expired', 'This query expired: its matches stopped coming.');
  if (q.state !== 'waiting') throw new ConflictError('query_matched', 'The matches of this query were received already.');
  // One matches page per query page, each naming positions of its own page only.
  const entityIds = q.entity_ids as string[];
  const pages = Math.max(1, Math.ceil(entityIds.length / MAX_HIT_ITEMS));
  if (payload.pages !== pages || payload.page >= pages) throw new ValidationError('malformed_encoding', `Matches page ${payload.page} of ${payload.pages}; this query has ${pages} page(s).`);
  const pagesSeen = seenOf(q);
  if (pagesSeen.includes(payload.page)) throw new ConflictError('page_received', `Matches page ${payload.page} was received already.`);
  const from = payload.page * MAX_HIT_ITEMS;
  const to = Math.min(entityIds.length, from + MAX_HIT_ITEMS);
  const seen = new Set<string>();
  for (const m of payload.matches) {
    if (m.index < from || m.index >= to) throw new ValidationError('malformed_encoding', `Match position ${m.index} is outside page ${payload.page} (${from}–${to - 1}) of the ${entityIds.length} sent.`);
    if (seen.has(m.contactReference)) throw new ValidationError('malformed_encoding', 'A contact reference is repeated.');
    seen.add(m.contactReference);
  }
  for (const m of payload.matches) {
    const id = randomUUID();
    const entityId = entityIds[m.index] as string;
    await insertHit(trx, { id, queryId: q.id, peer: peer.node_id, organisationId: q.organisation_id as string, entityId, ref: m.contactReference, now });
    audit('hits.hit.record', `hit:${id}`, { queryId: q.id, entityId, peer: peer.node_id, contactReference: m.contactReference, kind: 'names' });
  }
  const nowSeen = [...pagesSeen, payload.page];
  const complete = nowSeen.length === pages;
  const hits = (q.hit_count ?? 0) + payload.matches.length;
  await trx
    .updateTable('hit_queries')
    .set({ hit_count: hits, updated_at: now, ...(complete ? { state: 'answered', pages_seen: null } : { pages, pages_seen: JSON.stringify(nowSeen) }) })
    .where('id', '=', q.id)
    .execute();
  if (pages > 1) audit('hits.query.page', `hit-query:${q.id}`, { peer: peer.node_id, kind: 'names', page: payload.page, pages, hits: payload.matches.length });
  if (complete) audit('hits.query.answered', `hit-query:${q.id}`, { peer: peer.node_id, kind: 'names', items: entityIds.length, pages, hits });
  return { result: { queryId: q.id, hits: payload.matches.length } satisfies HitsMatchedResult };
}

/**
 * The decision of `detectEnumeration`: `lastDay` hits recorded from a peer in the last 24 hours
 * against its `usualPerDay` (average over the 30 days before) is enumeration when it exceeds both
 * ENUMERATION_FLOOR and ENUMERATION_FACTOR × the usual volume.
 */
export function looksLikeEnumeration(lastDay: number, usualPerDay: number): boolean {
  return lastDay > Math.max(ENUMERATION_FLOOR, ENUMERATION_FACTOR * usualPerDay);
}

/**
 * A peer whose queries matched far more of this node's records in the last day than it usually does
 * (over ENUMERATION_FLOOR and ENUMERATION_FACTOR × its daily average of the previous 30 days) is
 * suspended for review: its next queries are refused until an administrator resumes the offer.
 */
async function detectEnumeration(trx: Kysely<Database>, peer: PeerRow, audit: AuditFn, now: Date): Promise<void> {
  const count = async (from: Date, to: Date) =>
    Number(
      (
        await trx
          .selectFrom('hits as h')
          .innerJoin('hit_queries as q', 'q.id', 'h.query_id')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('q.direction', '=', 'received')
          .where('h.peer_node_id', '=', peer.node_id)
          .where('h.created_at', '>=', from)
          .where('h.created_at', '<', to)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const day = 86_400_000;
  const offer = await findOffer(trx, peer.node_id);
  if (offer?.suspended_at) return;
  // The last day's window starts no earlier than an administrator's last resume: the hits that caused
  // the suspension were reviewed then.
  const dayAgo = new Date(now.getTime() - day);
  const resumedAt = offer?.resumed_at ? new Date(offer.resumed_at) : null;
  const windowStart = resumedAt && resumedAt > dayAgo ? resumedAt : dayAgo;
  const lastDay = await count(windowStart, new Date(now.getTime() + 1));
  const usual = (await count(new Date(now.getTime() - 31 * day), dayAgo)) / 30;
  if (!looksLikeEnumeration(lastDay, usual)) return;
  const since = windowStart === dayAgo ? 'in 24 hours' : `since the resume at ${windowStart.toISOString()}`;
  const reason = `${lastDay} hits ${since} against a usual ${usual.toFixed(1)} a day`;
  if (offer) await trx.updateTable('hit_offers').set({ suspended_at: now, suspended_reason: reason, updated_at: now }).where('peer_node_id', '=', peer.node_id).execute();
  else
    await trx
      .insertInto('hit_offers')
      .values({ peer_node_id: peer.node_id, schemas: '[]', max_tlp: 'CLEAR', max_queries_per_hour: 60, max_items_per_hour: 50_000, suspended_at: now, suspended_reason: reason, resumed_at: null, updated_at: now })
      .execute();
  audit('hits.peer.suspend', `peer:${peer.node_id}`, { reason, lastDay, usualPerDay: usual });
}

const disclosureHandler: InboundHandler<ReturnType<typeof HitsDisclosurePayload.parse>> = {
  parse: (p) => HitsDisclosurePayload.parse(p),
  async handle({ trx, payload, peer, audit, runtime }) {
    if (payload.decision === 'revealed' && (!payload.caseReference || !payload.contact)) {
      throw new ValidationError('disclosure_incomplete', 'A revealed hit carries its case reference and contact.');
    }
    if (payload.decision === 'declined' && (payload.caseReference || payload.contact)) {
      throw new ValidationError('disclosure_incomplete', 'A declined hit carries nothing else.');
    }
    const rows = await trx.selectFrom('hits').select(['id']).where('peer_node_id', '=', peer.node_id).where('contact_reference', '=', payload.contactReference).execute();
    if (rows.length === 0) throw new NotFoundError('hit_not_found', 'No hit with this peer has this contact reference.');
    const disclosure = { decision: payload.decision, ...(payload.caseReference ? { caseReference: payload.caseReference } : {}), ...(payload.contact ? { contact: payload.contact } : {}) };
    await trx.updateTable('hits').set({ peer_disclosure: JSON.stringify(disclosure), updated_at: runtime.deps.now() }).where('peer_node_id', '=', peer.node_id).where('contact_reference', '=', payload.contactReference).execute();
    for (const r of rows) audit(`hits.peer.${payload.decision}`, `hit:${r.id}`, { peer: peer.node_id, contactReference: payload.contactReference });
    return { result: { updated: rows.length } satisfies HitsDisclosureResult };
  },
};

export function registerHitHandlers(runtime: FederationRuntime): void {
  runtime.registerHandler('hits.query', queryHandler);
  runtime.registerHandler('hits.answer', answerHandler);
  runtime.registerHandler('hits.matched', matchedHandler);
  runtime.registerHandler('hits.disclosure', disclosureHandler);
  runtime.registerHandler('hits.expired', expiredHandler);
}

// ---- the hit inbox -----------------------------------------------------------------------------

type HitRow = Awaited<ReturnType<typeof hitRows>>[number];

function hitRows(db: Kysely<Database>, organisationId?: string, hitId?: string) {
  let q = db
    .selectFrom('hits as h')
    .innerJoin('hit_queries as q', 'q.id', 'h.query_id')
    .leftJoin('entities as e', 'e.id', 'h.entity_id')
    .leftJoin('federation_peers as p', 'p.node_id', 'h.peer_node_id')
    .select([
      'h.id',
      'h.entity_id',
      'h.organisation_id',
      'h.peer_node_id',
      'h.contact_reference',
      'h.state',
      'h.own_disclosure',
      'h.peer_disclosure',
      'h.created_at',
      'q.direction',
      'e.caption',
      'e.case_id',
      'p.authority_name',
    ])
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id');
  if (organisationId) q = q.where('h.organisation_id', '=', organisationId);
  if (hitId) q = q.where('h.id', '=', hitId);
  return q.execute();
}

function presentHit(r: HitRow) {
  return {
    id: r.id,
    entityId: r.entity_id,
    entityCaption: r.caption ?? null,
    caseId: r.case_id ?? null,
    peerNodeId: r.peer_node_id,
    authority: r.authority_name ?? r.peer_node_id,
    contactReference: r.contact_reference,
    direction: r.direction,
    state: r.state,
    ownDisclosure: (r.own_disclosure as never) ?? null,
    peerDisclosure: (r.peer_disclosure as never) ?? null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/**
 * Whether the caller may see the hits of a case (and a query made for it): the case team, the
 * supervisors of its organisation, and a node administrator when the case's marking lets someone
 * outside the organisation read it — the rule of the case itself (`mayReadCase`). A hit whose
 * record was deleted since (no case any more) is seen by the organisation's supervisors only.
 */
async function caseReaders(deps: Pick<AppDeps, 'db' | 'now'>, actor: Actor) {
  const memo = new Map<string, Promise<boolean>>();
  return (caseId: string | null, organisationId: string | null): Promise<boolean> => {
    if (!caseId) return Promise.resolve(actor.role === 'supervisor' && organisationId === actor.organisationId);
    let seen = memo.get(caseId);
    if (!seen) {
      seen = findCase(deps.db, caseId).then((row) => (row ? mayReadCase(deps, actor, row) : false));
      memo.set(caseId, seen);
    }
    return seen;
  };
}

async function visibleHits(deps: Pick<AppDeps, 'db' | 'now'>, actor: Actor, rows: HitRow[]): Promise<HitRow[]> {
  const may = await caseReaders(deps, actor);
  const out: HitRow[] = [];
  for (const r of rows) {
    if (actor.role !== 'admin' && r.organisation_id !== actor.organisationId) continue;
    if (await may(r.case_id, r.organisation_id)) out.push(r);
  }
  return out;
}

/** The hits the caller may see (their cases' records; supervisors: the organisation's), newest first. */
export async function listHits(
  deps: Pick<AppDeps, 'db' | 'now'>,
  who: CaseWho,
  filter: { state?: string | undefined; caseId?: string | undefined; entityIds?: readonly string[] | undefined },
) {
  const actor = who.actor;
  if (!actor) throw new ForbiddenError('forbidden', 'Sign in first.');
  assertCan(actor.role, 'hits:read');
  const rows = (await hitRows(deps.db, actor.role === 'admin' ? undefined : actor.organisationId))
    .filter((r) => !filter.state || r.state === filter.state)
    .filter((r) => !filter.caseId || r.case_id === filter.caseId)
    .filter((r) => !filter.entityIds || filter.entityIds.includes(r.entity_id));
  return (await visibleHits(deps, actor, rows)).map(presentHit);
}

/** One hit, if the caller may see it (404 otherwise). */
export async function getHit(deps: Pick<AppDeps, 'db' | 'now'>, who: CaseWho, hitId: string) {
  const actor = who.actor;
  if (!actor) throw new ForbiddenError('forbidden', 'Sign in first.');
  assertCan(actor.role, 'hits:read');
  const row = (await hitRows(deps.db, undefined, hitId))[0];
  if (!row || (await visibleHits(deps, actor, [row])).length === 0) throw new NotFoundError('hit_not_found', 'No such hit.');
  return presentHit(row);
}

export async function listQueries(deps: Pick<AppDeps, 'db' | 'now'>, who: CaseWho, filter: { caseId?: string | undefined }) {
  const actor = who.actor;
  if (!actor) throw new ForbiddenError('forbidden', 'Sign in first.');
  assertCan(actor.role, 'hits:read');
  let q = deps.db.selectFrom('hit_queries').selectAll().orderBy('created_at', 'desc').orderBy('id');
  if (actor.role !== 'admin') q = q.where('organisation_id', '=', actor.organisationId).where('direction', '=', 'sent');
  if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
  const may = await caseReaders(deps, actor);
  const rows: Awaited<ReturnType<typeof q.execute>> = [];
  for (const r of await q.limit(500).execute()) {
    // A received query belongs to no case (administrators see them); a sent one to its case's readers.
    if (r.direction === 'received' ? actor.role === 'admin' : await may(r.case_id, r.organisation_id)) rows.push(r);
  }
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    peerNodeId: r.peer_node_id,
    direction: r.direction,
    kind: r.kind as 'identifiers' | 'names',
    state: r.state as 'waiting' | 'answering' | 'answered' | 'matched' | 'expired',
    items: r.item_count,
    offered: r.offered_count,
    hits: r.hit_count,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/**
 * The owner's decision on one hit: reveal the case reference and a contact to the peer, or decline.
 * Only someone who sees the hit decides (404 otherwise), and both answers are a transmission to the
 * peer that the release policy must allow for the record (its marking, then its case's): a denial
 * is the policy's 403, audited. Once decided it stays decided; the peer learns only what is
 * revealed here.
 */
export async function decideHit(deps: Deps, who: CaseWho, hitId: string, decision: { decision: 'revealed'; caseReference: string; contact: string } | { decision: 'declined' }) {
  const actor = who.actor;
  if (!actor) throw new ForbiddenError('forbidden', 'Sign in first.');
  assertCan(actor.role, 'hits:decide');
  const seen = await getHit(deps, who, hitId);
  const entity = await deps.db.selectFrom('entities').selectAll().where('id', '=', seen.entityId).executeTakeFirst();
  const caseRow = entity ? await findCase(deps.db, entity.case_id) : undefined;
  if (!entity || !caseRow) throw new ConflictError('record_gone', 'The record of this hit was deleted since; there is nothing to reveal or decline.');
  const record = markedRecordOfEntity(entity, await caseMarkedRecord(deps.db, caseRow));
  await enforceRecord(
    deps,
    who,
    { record, auditTarget: `hit:${hitId}`, details: { hitId, entityId: entity.id, caseId: caseRow.id, decision: decision.decision } },
    { kind: 'transmit', to: { nodeId: seen.peerNodeId, organisationId: null } },
  );
  const now = deps.now();
  await auditedTransaction(deps, who, async (trx, audit) => {
    const hit = await trx.selectFrom('hits').selectAll().where('id', '=', hitId).forUpdate().executeTakeFirst();
    if (!hit) throw new NotFoundError('hit_not_found', 'No such hit.');
    if (hit.state !== 'pending') throw new ConflictError('hit_decided', `This hit was ${hit.state} already.`);
    const peer = await findPeer(trx, hit.peer_node_id);
    if (peer?.status !== 'active') throw new ConflictError('peer_inactive', 'The peer of this hit is no longer active.');
    await trx
      .updateTable('hits')
      .set({ state: decision.decision, own_disclosure: JSON.stringify(decision), decided_by: actor.userId, decided_at: now, updated_at: now })
      .where('id', '=', hitId)
      .execute();
    await enqueuePeerMessage(trx, now, {
      peerNodeId: hit.peer_node_id,
      type: 'hits.disclosure',
      conversationId: `hits:${hit.query_id}`,
      payload: { contactReference: hit.contact_reference, ...decision },
      senderOrganisationId: hit.organisation_id,
      marking: 'AMBER',
    });
    audit(`hits.hit.${decision.decision === 'revealed' ? 'reveal' : 'decline'}`, `hit:${hitId}`, {
      peer: hit.peer_node_id,
      contactReference: hit.contact_reference,
      ...(decision.decision === 'revealed' ? { caseReference: decision.caseReference, contact: decision.contact } : {}),
    });
  });
  federationOf(deps as AppDeps)?.wake();
  return presentHit((await hitRows(deps.db, undefined, hitId))[0] as HitRow);
}
