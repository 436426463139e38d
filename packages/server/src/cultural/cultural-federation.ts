// Federation of the stolen cultural property registry (issue 15 part 5). A node publishes its
// public records to the peers an administrator chose (a setting per peer): a record goes to a peer
// only while its marking is TLP:CLEAR and the release policy (`decide`, transmit to that node)
// allows it; every change of such a record (status, fields, photos) sends its new version, and a
// record that stops being public, or a peer that is no longer published to, gets a withdrawal.
// Peers' records are kept apart (cultural_federated_*) and the public check covers them, naming
// the originating node and authority. Message type `cultural.record` (interop/federation/README.md §8.4).
import { ConflictError, NotFoundError, ValidationError } from '@comity/core';
import { CulturalRecordPayload, type CulturalRecordResult as ResultSchema, FEDERATED_IMAGES_MAX, OBJECT_ID_FIELDS } from '@comity/contract/cultural-property';
import type { Database } from '@comity/db';
import { findPeer, listPeers, type PeerRow } from '@comity/db/repos/federation-repo';
import { HashIndex } from '@comity/core/cultural/phash';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, type AppDeps, type AuditFn, auditedTransaction } from '../deps.ts';
import { federationOf } from '../federation/capability.ts';
import { enqueuePeerMessage } from '../federation/outbox-service.ts';
import type { FederationRuntime, InboundHandler } from '../federation/runtime.ts';
import { decideRecord, type PolicyWho } from '../policy/policy-service.ts';
import { type CulturalDeps, type CulturalObjectRow, PUBLIC_TLP, culturalMarkedRecord, normaliseText } from './cultural-service.ts';

export const CULTURAL_MESSAGE_TYPE = 'cultural.record';
const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';
type Payload = z.infer<typeof CulturalRecordPayload>;

/** Peers this node publishes to: active, and set to publish. */
async function publishingPeers(db: Kysely<Database>): Promise<PeerRow[]> {
  const chosen = await db.selectFrom('cultural_federation_peers').select('peer_node_id').where('publish', '=', true).execute();
  if (chosen.length === 0) return [];
  const ids = new Set(chosen.map((c) => c.peer_node_id));
  return (await listPeers(db, { status: 'active' })).filter((p) => ids.has(p.node_id));
}

async function recordPayload(trx: Kysely<Database>, row: CulturalObjectRow): Promise<Payload> {
  const images = await trx
    .selectFrom('cultural_object_images')
    .select(['id', 'thumbnail'])
    .where('object_id', '=', row.id)
    .orderBy('created_at')
    .orderBy('id')
    .limit(FEDERATED_IMAGES_MAX)
    .execute();
  const hashes = images.length ? await trx.selectFrom('cultural_image_hashes').select(['image_id', 'variant', 'hash']).where('object_id', '=', row.id).orderBy('variant').execute() : [];
  const fields = row.object_id_fields as Record<string, string | undefined>;
  const theft = row.theft as NonNullable<Payload['record']>['theft'];
  return {
    v: 1,
    recordId: row.id,
    version: row.version,
    state: 'published',
    record: {
      reference: row.reference,
      title: row.title,
      objectType: row.object_type,
      objectId: Object.fromEntries(OBJECT_ID_FIELDS.filter((k) => fields[k]).map((k) => [k, fields[k] as string])),
      theft: theft ?? null,
      reportingAuthority: row.reporting_authority,
      legalStatus: row.legal_status as NonNullable<Payload['record']>['legalStatus'],
      images: images.map((i) => ({ id: i.id, hashes: hashes.filter((h) => h.image_id === i.id).map((h) => h.hash), thumbnail: Buffer.from(i.thumbnail).toString('base64') })),
    },
  };
}

/**
 * Within the transaction that changed a record: for every peer published to, the new version if the
 * record is public and the release policy lets it go to that node, else a withdrawal of what was sent.
 */
export async function publishRecordChange(trx: Kysely<Database>, deps: Pick<AppDeps, 'now'>, actor: Actor | null, recordId: string, audit: AuditFn, only?: PeerRow[]): Promise<number> {
  const peers = only ?? (await publishingPeers(trx));
  if (peers.length === 0) return 0;
  const row = await trx.selectFrom('cultural_objects').selectAll().where('id', '=', recordId).executeTakeFirst();
  const now = deps.now();
  const sent = await trx.selectFrom('cultural_publications').selectAll().where('record_id', '=', recordId).execute();
  let queued = 0;
  let payload: Payload | null = null;
  for (const peer of peers) {
    let allowed = false;
    if (row && row.marking === PUBLIC_TLP) {
      // The node sends on behalf of the holding organisation (whoever made the change, an
      // investigator or the administrator who chose the peer): the release policy is asked as
      // that organisation would be, for a transmission to that node.
      const holder: Actor = { userId: actor?.userId ?? SYSTEM_USER, email: actor?.email ?? '', role: 'practitioner', organisationId: row.organisation_id, mustChangePassword: false, via: 'session' };
      const decision = await decideRecord(trx, now, holder, await culturalMarkedRecord(trx, row), { kind: 'transmit', to: { nodeId: peer.node_id, organisationId: null } });
      allowed = decision.allow;
    }
    const last = sent.find((s) => s.peer_node_id === peer.node_id);
    if (allowed && row) {
      if (last && !last.withdrawn && last.version === row.version) continue;
      payload ??= await recordPayload(trx, row);
      await send(trx, now, peer, payload);
      await upsertPublication(trx, recordId, peer.node_id, row.version, false, now);
    } else {
      if (!last || last.withdrawn) continue;
      const version = (row?.version ?? last.version) + (row ? 0 : 1);
      await send(trx, now, peer, { v: 1, recordId, version, state: 'withdrawn', record: null });
      await upsertPublication(trx, recordId, peer.node_id, version, true, now);
    }
    queued++;
    audit('cultural.federation.send', `cultural-object:${recordId}`, { peer: peer.node_id, version: row?.version ?? null, state: allowed ? 'published' : 'withdrawn' });
  }
  return queued;
}

async function send(trx: Kysely<Database>, now: Date, peer: PeerRow, payload: Payload): Promise<void> {
  await enqueuePeerMessage(trx, now, {
    peerNodeId: peer.node_id,
    type: CULTURAL_MESSAGE_TYPE,
    conversationId: `cultural:${peer.node_id}`,
    payload,
    senderOrganisationId: null,
    marking: 'CLEAR',
  });
}

async function upsertPublication(trx: Kysely<Database>, recordId: string, peerNodeId: string, version: number, withdrawn: boolean, now: Date): Promise<void> {
  await trx
    .insertInto('cultural_publications')
    .values({ record_id: recordId, peer_node_id: peerNodeId, version, withdrawn, sent_at: now })
    .onConflict((oc) => oc.columns(['record_id', 'peer_node_id']).doUpdateSet({ version, withdrawn, sent_at: now }))
    .execute();
}

/** Wakes the delivery worker after a transaction queued messages. */
export function wakeFederation(deps: unknown): void {
  federationOf(deps as AppDeps)?.wake();
}

// ── The setting per peer ──────────────────────────────────────────────────────────────────────

export async function listCulturalPeers(deps: Pick<AppDeps, 'db'>) {
  const [peers, settings, published, received] = await Promise.all([
    listPeers(deps.db),
    deps.db.selectFrom('cultural_federation_peers').selectAll().execute(),
    deps.db.selectFrom('cultural_publications').select(['peer_node_id', 'withdrawn', 'sent_at']).execute(),
    deps.db.selectFrom('cultural_federated_records').select(['origin_node_id', 'received_at']).execute(),
  ]);
  const latest = (dates: readonly (Date | string)[]): string | null => (dates.length ? new Date(Math.max(...dates.map((d) => new Date(d).getTime()))).toISOString() : null);
  return {
    items: peers.map((p) => {
      const setting = settings.find((s) => s.peer_node_id === p.node_id);
      const sent = published.filter((r) => r.peer_node_id === p.node_id);
      const got = received.filter((r) => r.origin_node_id === p.node_id);
      return {
        nodeId: p.node_id,
        name: p.authority_name,
        country: p.country,
        status: p.status,
        publish: setting?.publish ?? false,
        accept: setting?.accept ?? true,
        publishedRecords: sent.filter((r) => !r.withdrawn).length,
        lastSentAt: latest(sent.map((r) => r.sent_at)),
        receivedRecords: got.length,
        lastReceivedAt: latest(got.map((r) => r.received_at)),
      };
    }),
  };
}

/** Whether this node stores what the peer publishes (no setting: yes). */
export async function acceptsFrom(db: Kysely<Database>, nodeId: string): Promise<boolean> {
  const row = await db.selectFrom('cultural_federation_peers').select('accept').where('peer_node_id', '=', nodeId).executeTakeFirst();
  return row?.accept ?? true;
}

/**
 * Publication to a peer on (every public record is sent) or off (everything sent is withdrawn), and
 * acceptance of what the peer publishes on or off (off deletes the peer's records held here). Either
 * or both in one audited transaction; a setting not given is left as it is.
 */
export async function setCulturalPeer(deps: CulturalDeps & Pick<AppDeps, 'db'>, who: PolicyWho & { actor: Actor }, nodeId: string, change: { publish?: boolean | undefined; accept?: boolean | undefined }) {
  const peer = await findPeer(deps.db, nodeId);
  if (!peer) throw new NotFoundError('not_found', `No peer ${nodeId}.`);
  if (change.publish && peer.status !== 'active') throw new ConflictError('peer_not_active', `The peer is ${peer.status}; nothing can be published to it.`);
  const out = await auditedTransaction(deps, { actor: who.actor, requestId: who.requestId }, async (trx, audit) => {
    const now = deps.now();
    const before = await trx.selectFrom('cultural_federation_peers').selectAll().where('peer_node_id', '=', nodeId).forUpdate().executeTakeFirst();
    const publish = change.publish ?? before?.publish ?? false;
    const accept = change.accept ?? before?.accept ?? true;
    await trx
      .insertInto('cultural_federation_peers')
      .values({ peer_node_id: nodeId, publish, accept, changed_by: who.actor.userId, changed_at: now })
      .onConflict((oc) => oc.column('peer_node_id').doUpdateSet({ publish, accept, changed_by: who.actor.userId, changed_at: now }))
      .execute();
    let n = 0;
    if (change.publish === true) {
      const rows = await trx.selectFrom('cultural_objects').select('id').where('marking', '=', PUBLIC_TLP).orderBy('id').execute();
      for (const r of rows) n += await publishRecordChange(trx, deps, who.actor, r.id, audit, [peer]);
    } else if (change.publish === false) {
      const rows = await trx.selectFrom('cultural_publications').select(['record_id', 'version']).where('peer_node_id', '=', nodeId).where('withdrawn', '=', false).execute();
      for (const r of rows) {
        const current = await trx.selectFrom('cultural_objects').select('version').where('id', '=', r.record_id).executeTakeFirst();
        const version = current?.version ?? r.version + 1;
        await send(trx, now, peer, { v: 1, recordId: r.record_id, version, state: 'withdrawn', record: null });
        await upsertPublication(trx, r.record_id, nodeId, version, true, now);
        n++;
      }
    }
    let removed = 0;
    if (change.accept === false) {
      await trx.deleteFrom('cultural_federated_images').where('origin_node_id', '=', nodeId).execute();
      removed = (await trx.deleteFrom('cultural_federated_records').where('origin_node_id', '=', nodeId).returning('record_id').execute()).length;
    }
    audit('cultural.federation.peer', `peer:${nodeId}`, {
      ...(change.publish !== undefined ? { publish, messages: n } : {}),
      ...(change.accept !== undefined ? { accept, removedRecords: removed } : {}),
      before: before ? { publish: before.publish, accept: before.accept } : null,
    });
    return { publish, accept, messages: n, removedRecords: removed };
  });
  wakeFederation(deps);
  return { nodeId, ...out };
}

// ── Receiving ─────────────────────────────────────────────────────────────────────────────────

export const culturalRecordHandler: InboundHandler<Payload> = {
  parse: (p) => CulturalRecordPayload.parse(p),
  async handle({ trx, header, payload, runtime, audit }) {
    const origin = header.sender;
    if (!(await acceptsFrom(trx, origin))) {
      // This node's administrator turned the peer's records off: acknowledged, not stored.
      audit('cultural.federation.receive', `peer:${origin}`, { recordId: payload.recordId, version: payload.version, state: payload.state, ignored: 'not-accepted' });
      return { result: { recordId: payload.recordId, version: payload.version, stored: false } };
    }
    const held = await trx.selectFrom('cultural_federated_records').select(['version']).where('origin_node_id', '=', origin).where('record_id', '=', payload.recordId).executeTakeFirst();
    const result = (stored: boolean): z.infer<typeof ResultSchema> => ({ recordId: payload.recordId, version: payload.version, stored });
    if (held && held.version > payload.version) return { result: result(false) };
    if (held && held.version === payload.version && payload.state === 'published') return { result: result(false) };
    await trx.deleteFrom('cultural_federated_images').where('origin_node_id', '=', origin).where('record_id', '=', payload.recordId).execute();
    await trx.deleteFrom('cultural_federated_records').where('origin_node_id', '=', origin).where('record_id', '=', payload.recordId).execute();
    if (payload.state === 'published' && payload.record) {
      const r = payload.record;
      for (const img of r.images) {
        const bytes = Buffer.from(img.thumbnail, 'base64');
        // A JPEG starts with FF D8 FF: anything else is not shown to the public.
        if (bytes.length < 3 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) throw new ValidationError('thumbnail_not_jpeg', `The thumbnail of image ${img.id} is not a JPEG.`);
      }
      const searchText = normaliseText([r.title, r.objectType, r.reference, r.reportingAuthority, r.theft?.place ?? '', ...OBJECT_ID_FIELDS.map((k) => r.objectId[k] ?? '')].join(' '));
      await trx
        .insertInto('cultural_federated_records')
        .values({ origin_node_id: origin, record_id: payload.recordId, version: payload.version, record: JSON.stringify(r), search_text: searchText, received_at: runtime.deps.now() })
        .execute();
      // An image id is the originator's; another node's copy of the same id is refused rather than overwritten.
      for (const [position, img] of r.images.entries()) {
        const clash = await trx.selectFrom('cultural_federated_images').select('origin_node_id').where('id', '=', img.id).executeTakeFirst();
        if (clash) throw new ValidationError('image_id_taken', `Image ${img.id} is already held for another record.`);
        await trx
          .insertInto('cultural_federated_images')
          .values({ id: img.id, origin_node_id: origin, record_id: payload.recordId, position, hashes: JSON.stringify(img.hashes), thumbnail: Buffer.from(img.thumbnail, 'base64') })
          .execute();
      }
    }
    audit('cultural.federation.receive', `peer:${origin}`, { recordId: payload.recordId, version: payload.version, state: payload.state, previousVersion: held?.version ?? null });
    return { result: result(true) };
  },
};

export function registerCulturalFederation(runtime: FederationRuntime): void {
  runtime.registerHandler(CULTURAL_MESSAGE_TYPE, culturalRecordHandler);
}

// ── What the public check reads ───────────────────────────────────────────────────────────────

export interface FederatedPublicRecord {
  originNodeId: string;
  originAuthority: string;
  originCountry: string;
  recordId: string;
  version: number;
  searchText: string;
  record: NonNullable<Payload['record']>;
  images: { id: string; hashes: string[] }[];
}

/**
 * These records ('origin-node/record-id') as active peers published them to this node (a suspended
 * or revoked peer's are not used): what a public check's answer shows of the matches the
 * registry index found (the index itself is built in registry-sync.ts).
 */
export async function federatedPublicRecords(db: Kysely<Database>, keys: readonly string[]): Promise<Map<string, FederatedPublicRecord>> {
  const out = new Map<string, FederatedPublicRecord>();
  if (keys.length === 0) return out;
  for (const f of await readFederatedRecords(db, keys)) out.set(`${f.originNodeId}/${f.recordId}`, f);
  return out;
}

/** The records active peers published to this node (a suspended or revoked peer's are not used). */
export function federatedPublicSet(db: Kysely<Database>): Promise<FederatedPublicRecord[]> {
  return readFederatedRecords(db);
}

/** Peers whose published records this node no longer accepts (the receiving switch, migration 030). */
async function refusedPeers(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('cultural_federation_peers').select('peer_node_id').where('accept', '=', false).execute();
  return new Set(rows.map((r) => r.peer_node_id));
}

/**
 * Peers' published records with their photos' hashes, from active peers this node accepts records
 * from: all of them, or only those named by `keys` ('origin-node/record-id').
 */
async function readFederatedRecords(db: Kysely<Database>, keys?: readonly string[]): Promise<FederatedPublicRecord[]> {
  const wanted = keys?.map((k) => k.split('/') as [string, string]);
  const refused = await refusedPeers(db);
  const peers = (await listPeers(db, { status: 'active' })).filter((p) => !refused.has(p.node_id) && (!wanted || wanted.some(([origin]) => origin === p.node_id)));
  if (peers.length === 0) return [];
  const origins = peers.map((p) => p.node_id);
  const recordIds = wanted?.filter(([origin]) => origins.includes(origin)).map(([, id]) => id);
  let rowsQuery = db.selectFrom('cultural_federated_records').selectAll().where('origin_node_id', 'in', origins);
  if (recordIds) rowsQuery = rowsQuery.where('record_id', 'in', recordIds);
  const keySet = keys ? new Set(keys) : null;
  const rows = (await rowsQuery.execute()).filter((r) => !keySet || keySet.has(`${r.origin_node_id}/${r.record_id}`));
  if (rows.length === 0) return [];
  let imagesQuery = db
    .selectFrom('cultural_federated_images')
    .select(['id', 'origin_node_id', 'record_id', 'position', 'hashes'])
    .where('origin_node_id', 'in', [...new Set(rows.map((r) => r.origin_node_id))]);
  if (recordIds) imagesQuery = imagesQuery.where('record_id', 'in', recordIds);
  const images = await imagesQuery.orderBy('position').execute();
  return rows.map((r) => {
    const peer = peers.find((p) => p.node_id === r.origin_node_id) as PeerRow;
    return {
      originNodeId: r.origin_node_id,
      originAuthority: peer.authority_name,
      originCountry: peer.country,
      recordId: r.record_id,
      version: r.version,
      searchText: r.search_text,
      record: r.record as FederatedPublicRecord['record'],
      images: images.filter((i) => i.origin_node_id === r.origin_node_id && i.record_id === r.record_id).map((i) => ({ id: i.id, hashes: i.hashes as string[] })),
    };
  });
}

/** A thumbnail of a record an active peer published (the public check shows it without sign-in). */
export async function readFederatedThumbnail(db: Kysely<Database>, imageId: string): Promise<Buffer | null> {
  const img = await db
    .selectFrom('cultural_federated_images as i')
    .innerJoin('federation_peers as p', 'p.node_id', 'i.origin_node_id')
    .select(['i.thumbnail'])
    .where('i.id', '=', imageId)
    .where('p.status', '=', 'active')
    .executeTakeFirst();
  return img ? Buffer.from(img.thumbnail) : null;
}

// ── Peers' records in the investigators' search ───────────────────────────────────────────────

export interface PeerSearchQuery {
  q?: string | undefined;
  legalStatus?: string | undefined;
  objectType?: string | undefined;
  country?: string | undefined;
  limit?: number | undefined;
}

/**
 * The public records active, accepted peers published to this node that meet the investigators'
 * filters (the same words-in-every-field rule as the node's own records), read-only and labelled
 * with their origin; with a photo's hash, only those within `maxDistance`, nearest first. They are
 * TLP:CLEAR by construction (a sender publishes nothing else), so no release decision is asked.
 */
export async function searchFederatedRecords(db: Kysely<Database>, query: PeerSearchQuery, photo?: { hash: string; maxDistance: number }) {
  const set = await federatedPublicSet(db);
  const words = normaliseText(query.q ?? '').split(' ').filter(Boolean);
  let found = set.filter(
    (f) =>
      (!query.legalStatus || f.record.legalStatus === query.legalStatus) &&
      (!query.objectType || f.record.objectType === query.objectType) &&
      (!query.country || f.record.theft?.country === query.country) &&
      words.every((w) => f.searchText.includes(w)),
  );
  const distances = new Map<string, number>();
  if (photo) {
    const index = new HashIndex();
    for (const f of found) for (const img of f.images) for (const h of img.hashes) index.add(h, `${f.originNodeId}/${f.recordId}`);
    for (const m of index.search([photo.hash], photo.maxDistance, 200)) distances.set(m.owner, m.distance);
    found = found.filter((f) => distances.has(`${f.originNodeId}/${f.recordId}`));
    found.sort((a, b) => (distances.get(`${a.originNodeId}/${a.recordId}`) ?? 99) - (distances.get(`${b.originNodeId}/${b.recordId}`) ?? 99));
  } else found.sort((a, b) => a.originAuthority.localeCompare(b.originAuthority) || a.record.reference.localeCompare(b.record.reference) || (a.recordId < b.recordId ? -1 : 1));
  return found.slice(0, query.limit ?? 100).map((f) => ({
    id: f.recordId,
    reference: f.record.reference,
    title: f.record.title,
    objectType: f.record.objectType,
    legalStatus: f.record.legalStatus,
    marking: PUBLIC_TLP,
    public: true,
    reportingAuthority: f.record.reportingAuthority,
    imageCount: f.images.length,
    firstImageId: f.images[0]?.id ?? null,
    imageDistance: distances.get(`${f.originNodeId}/${f.recordId}`) ?? null,
    origin: { nodeId: f.originNodeId, authority: f.originAuthority, country: f.originCountry },
  }));
}
