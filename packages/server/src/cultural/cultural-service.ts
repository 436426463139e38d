// Stolen cultural property (issue 15): object records of an organisation (read and changed like
// its cases: another organisation's record answers 404; every change one audited transaction),
// their images with perceptual hashes, investigators' search, and the public check that answers
// from the records marked TLP:CLEAR and hands out a signed receipt.
import { randomUUID, sign } from 'node:crypto';
import { ConflictError, ForbiddenError, NODE_WIDE_ROLES, NotFoundError, ValidationError, assertCan, canSeeOrganisation } from '@comity/core';
import { type CheckReceipt, type CheckReceiptBody, NO_MATCH_NOTICE, RECEIPT_FORMAT, type ReceiptMatch, receiptFileText, receiptSigningText } from '@comity/core/cultural/receipt';
import type { MarkedRecord } from '@comity/core/policy/decide';
import { type HandlingCode, type Marking, NO_LIMITATIONS, type TlpMarking } from '@comity/core/policy/marking';
import type { CreateCulturalObjectBody, PatchCulturalObjectBody } from '@comity/contract/cultural-property';
import { OBJECT_ID_FIELDS } from '@comity/contract/cultural-property';
import { type Database, findOrganisation } from '@comity/db';
import { type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import { assertCaseMember } from '../cases/case-service.ts';
import { type Actor, type AppDeps, type AuditFn, auditedTransaction } from '../deps.ts';
import { sha256Hex } from '../identity/crypto-adapters.ts';
import { type PolicyWho, decideRecord, enforceRecord } from '../policy/policy-service.ts';
import { type FederatedPublicRecord, federatedPublicRecords, publishRecordChange, readFederatedThumbnail, wakeFederation } from './cultural-federation.ts';
import { type ImageLimits, MATCH_DISTANCE, inspectImage, queryHash, storedHashes, thumbnailOf } from './images.ts';
import { currentRegistry } from './registry-sync.ts';

export type CulturalDeps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now' | 'keys'> & Partial<Pick<AppDeps, 'auditAnchor' | 'auditSequencer'>> & { images: ImageLimits };
export type CulturalObjectRow = Selectable<Database['cultural_objects']>;
type CreateBody = z.infer<typeof CreateCulturalObjectBody>;
type PatchBody = z.infer<typeof PatchCulturalObjectBody>;

/** Only what the release policy lets anyone see: TLP:CLEAR, FIRST's "no limit on disclosure". */
export const PUBLIC_TLP: TlpMarking = 'CLEAR';

export function culturalKey(id: string): string {
  return `cultural-object:${id}`;
}

function requireActor(who: PolicyWho): Actor {
  if (!who.actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  return who.actor;
}

/** The record as the release policy sees it: its own marking, its organisation the originator. */
export async function culturalMarkedRecord(db: Kysely<Database>, row: CulturalObjectRow): Promise<MarkedRecord> {
  const org = await findOrganisation(db, row.organisation_id);
  const marking: Marking = {
    tlp: row.marking as TlpMarking,
    handling: row.handling as HandlingCode,
    handlingNotes: [],
    originators: [{ nodeId: null, organisationId: row.organisation_id, name: org?.name ?? '', state: org?.country ?? 'XXX' }],
    limitations: NO_LIMITATIONS,
  };
  const key = culturalKey(row.id);
  return { key, organisationId: row.organisation_id, sources: [{ key, marking }] };
}

function searchTextOf(row: { title: string; object_type: string; reference: string; reporting_authority: string; object_id_fields: Record<string, string | undefined>; theft: { place?: string | undefined } | null }): string {
  const parts = [row.title, row.object_type, row.reference, row.reporting_authority, row.theft?.place ?? '', ...OBJECT_ID_FIELDS.map((k) => row.object_id_fields[k] ?? '')];
  return normaliseText(parts.join(' '));
}

/** Lower case, accents removed, one space between words. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function wordsOf(text: string): string[] {
  return [...new Set(normaliseText(text).split(' ').filter((w) => w.length >= 3))];
}

async function checkCase(deps: CulturalDeps, who: PolicyWho, actor: Actor, caseId: string | null | undefined, organisationId: string): Promise<void> {
  if (!caseId) return;
  const { row } = await assertCaseMember(deps, who, caseId, 'link');
  if (row.organisation_id !== organisationId) throw new NotFoundError('not_found', 'No such case.');
  void actor;
}

export async function createCulturalObject(deps: CulturalDeps, who: PolicyWho, body: CreateBody): Promise<CulturalObjectRow> {
  const actor = requireActor(who);
  assertCan(actor.role, 'cultural:edit');
  await checkCase(deps, who, actor, body.caseId, actor.organisationId);
  const row = await auditedTransaction(deps, { actor, requestId: who.requestId }, async (trx, audit) => {
    const inserted = await insertCulturalObject(trx, audit, deps.now(), actor, body);
    await publishRecordChange(trx, deps, actor, inserted.id, audit);
    return inserted;
  });
  wakeFederation(deps);
  return row;
}

/** Several records in one transaction: all are stored or none (the CSV import). */
export async function createCulturalObjects(deps: CulturalDeps, who: PolicyWho, bodies: readonly { line: number; body: CreateBody }[]): Promise<{ line: number; row: CulturalObjectRow }[]> {
  const actor = requireActor(who);
  assertCan(actor.role, 'cultural:edit');
  for (const { body } of bodies) await checkCase(deps, who, actor, body.caseId, actor.organisationId);
  const created = await auditedTransaction(deps, { actor, requestId: who.requestId }, async (trx, audit) => {
    const out: { line: number; row: CulturalObjectRow }[] = [];
    for (const { line, body } of bodies) {
      try {
        const inserted = await insertCulturalObject(trx, audit, deps.now(), actor, body);
        await publishRecordChange(trx, deps, actor, inserted.id, audit);
        out.push({ line, row: inserted });
      } catch (err) {
        if (err instanceof ConflictError) throw new ConflictError(err.code, `Line ${line}: ${err.message} Nothing was imported.`, { ...err.details, line });
        throw err;
      }
    }
    return out;
  });
  wakeFederation(deps);
  return created;
}

async function insertCulturalObject(trx: Kysely<Database>, audit: AuditFn, now: Date, actor: Actor, body: CreateBody): Promise<CulturalObjectRow> {
  const organisationId = actor.organisationId;
  const id = randomUUID();
  const objectIdFields = body.objectId ?? {};
  let reference = body.reference;
  if (!reference) {
    const year = now.getUTCFullYear();
    const { n } = await trx.selectFrom('cultural_objects').select((eb) => eb.fn.countAll<string>().as('n')).where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
    reference = `CP-${year}-${String(Number(n) + 1).padStart(4, '0')}`;
  }
  const taken = await trx.selectFrom('cultural_objects').select('id').where('organisation_id', '=', organisationId).where('reference', '=', reference).executeTakeFirst();
  if (taken) throw new ConflictError('reference_taken', `Your organisation already has a record ${reference}.`, { field: 'reference' });
  const values = {
    id,
    organisation_id: organisationId,
    reference,
    title: body.title,
    object_type: body.objectType,
    object_id_fields: JSON.stringify(objectIdFields),
    theft: JSON.stringify(body.theft ?? null),
    theft_country: body.theft?.country ?? null,
    reporting_authority: body.reportingAuthority,
    case_id: body.caseId ?? null,
    legal_status: body.legalStatus,
    marking: body.marking ?? 'AMBER',
    handling: body.handling ?? 'H0',
    search_text: searchTextOf({ title: body.title, object_type: body.objectType, reference, reporting_authority: body.reportingAuthority, object_id_fields: objectIdFields, theft: body.theft ?? null }),
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  const row = await trx.insertInto('cultural_objects').values(values).returningAll().executeTakeFirstOrThrow();
  audit('cultural.object.create', culturalKey(id), { reference, title: body.title, legalStatus: body.legalStatus, marking: values.marking, caseId: values.case_id });
  return row;
}

/** The record if the caller's organisation holds it (node administrators: any, as the marking allows); 404 otherwise. */
export async function readCulturalObject(deps: CulturalDeps, who: PolicyWho, id: string): Promise<CulturalObjectRow> {
  const actor = requireActor(who);
  const row = await deps.db.selectFrom('cultural_objects').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !canSeeOrganisation(actor, row.organisation_id)) throw new NotFoundError('not_found', 'No such cultural object record.');
  await enforceRecord(deps, who, { record: await culturalMarkedRecord(deps.db, row), auditTarget: culturalKey(row.id), details: { recordId: row.id, reference: row.reference } }, { kind: 'read' });
  return row;
}

async function loadForChange(deps: CulturalDeps, who: PolicyWho, id: string): Promise<{ actor: Actor; row: CulturalObjectRow }> {
  const actor = requireActor(who);
  const row = await readCulturalObject(deps, who, id);
  // Only the holding organisation changes its records (a node administrator reads them).
  if (actor.organisationId !== row.organisation_id) throw new NotFoundError('not_found', 'No such cultural object record.');
  assertCan(actor.role, 'cultural:edit');
  return { actor, row };
}

export async function updateCulturalObject(deps: CulturalDeps, who: PolicyWho, id: string, body: PatchBody): Promise<CulturalObjectRow> {
  const { actor, row } = await loadForChange(deps, who, id);
  if (body.caseId !== undefined && body.caseId !== row.case_id) await checkCase(deps, who, actor, body.caseId, row.organisation_id);
  const result = await auditedTransaction(deps, { actor, requestId: who.requestId }, async (trx, audit) => {
    const current = await trx.selectFrom('cultural_objects').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (current.version !== body.version) throw new ConflictError('version_conflict', `The record changed since you opened it (version ${current.version}, you edited ${body.version}).`, { version: current.version });
    const objectIdFields = body.objectId ?? (current.object_id_fields as Record<string, string>);
    const theft = body.theft !== undefined ? body.theft : (current.theft as CreateBody['theft'] | null);
    const next = {
      title: body.title ?? current.title,
      object_type: body.objectType ?? current.object_type,
      object_id_fields: JSON.stringify(objectIdFields),
      theft: JSON.stringify(theft ?? null),
      theft_country: theft?.country ?? null,
      reporting_authority: body.reportingAuthority ?? current.reporting_authority,
      case_id: body.caseId !== undefined ? body.caseId : current.case_id,
      legal_status: body.legalStatus ?? current.legal_status,
      marking: body.marking ?? current.marking,
      handling: body.handling ?? current.handling,
    };
    const search_text = searchTextOf({ ...next, reference: current.reference, object_id_fields: objectIdFields, theft: theft ?? null });
    const updated = await trx
      .updateTable('cultural_objects')
      .set({ ...next, search_text, version: current.version + 1, updated_at: deps.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changed = Object.fromEntries(
      Object.entries(body).filter(([k]) => k !== 'version'),
    );
    audit('cultural.object.update', culturalKey(id), { reference: current.reference, version: updated.version, changed });
    // A change of status, fields or marking goes to the peers published to (or withdraws the record there).
    await publishRecordChange(trx, deps, actor, id, audit);
    return updated;
  });
  wakeFederation(deps);
  return result;
}

export async function addCulturalImage(deps: CulturalDeps, who: PolicyWho, id: string, bytes: Buffer) {
  const { actor, row } = await loadForChange(deps, who, id);
  const image = await inspectImage(bytes, deps.images);
  const thumbnail = await thumbnailOf(image, deps.images);
  const hashes = await storedHashes(image, deps.images);
  const imageId = randomUUID();
  await auditedTransaction(deps, { actor, requestId: who.requestId }, async (trx, audit) => {
    await trx
      .insertInto('cultural_object_images')
      .values({ id: imageId, object_id: row.id, media_type: image.mediaType, width: image.width, height: image.height, size_bytes: bytes.length, sha256: image.sha256, content: bytes, thumbnail, created_at: deps.now() })
      .execute();
    await trx.insertInto('cultural_image_hashes').values(hashes.map((h) => ({ image_id: imageId, object_id: row.id, variant: h.variant, hash: h.hash }))).execute();
    // A new image changes what the public check and the peers answer: the record's version moves
    // (so a record is at version 2 after its first photo; a peer keeps the highest version it saw,
    // and an unchanged version is not sent again). Incremented in SQL: two photos added at once
    // must give two versions, or the second would never reach the peers.
    await trx.updateTable('cultural_objects').set((eb) => ({ version: eb('version', '+', 1), updated_at: deps.now() })).where('id', '=', row.id).execute();
    audit('cultural.image.add', culturalKey(row.id), { imageId, sha256: image.sha256, mediaType: image.mediaType, width: image.width, height: image.height, hash: hashes[0]?.hash ?? null });
    await publishRecordChange(trx, deps, actor, row.id, audit);
  });
  wakeFederation(deps);
  return { id: imageId, mediaType: image.mediaType, width: image.width, height: image.height, sizeBytes: bytes.length, sha256: image.sha256 };
}

export async function imagesOf(db: Kysely<Database>, objectIds: readonly string[]) {
  if (objectIds.length === 0) return [];
  return db
    .selectFrom('cultural_object_images')
    .select(['id', 'object_id', 'media_type', 'width', 'height', 'size_bytes', 'sha256', 'created_at'])
    .where('object_id', 'in', objectIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function readCulturalImage(deps: CulturalDeps, who: PolicyWho, objectId: string, imageId: string, kind: 'content' | 'thumbnail') {
  await readCulturalObject(deps, who, objectId);
  const img = await deps.db.selectFrom('cultural_object_images').select(['media_type', 'content', 'thumbnail']).where('id', '=', imageId).where('object_id', '=', objectId).executeTakeFirst();
  if (!img) throw new NotFoundError('not_found', 'No such image.');
  return kind === 'content' ? { mediaType: img.media_type, bytes: Buffer.from(img.content) } : { mediaType: 'image/jpeg', bytes: Buffer.from(img.thumbnail) };
}

/** A thumbnail of a public record, for the public check's answer (no sign-in). */
export async function readPublicThumbnail(db: Kysely<Database>, imageId: string) {
  const img = await db
    .selectFrom('cultural_object_images as i')
    .innerJoin('cultural_objects as o', 'o.id', 'i.object_id')
    .select(['i.thumbnail'])
    .where('i.id', '=', imageId)
    .where('o.marking', '=', PUBLIC_TLP)
    .executeTakeFirst();
  if (img) return Buffer.from(img.thumbnail);
  const federated = await readFederatedThumbnail(db, imageId);
  if (!federated) throw new NotFoundError('not_found', 'No such public image.');
  return federated;
}

/**
 * Nearest records by image among the given organisation's (or every) local record, within
 * MATCH_DISTANCE, from the node-resident index (current as of this call). Who may read them is
 * decided afterwards, on the rows the database returns, by the release policy.
 */
async function imageCandidates(db: Kysely<Database>, hash: string, scope: { organisationId: string | null }): Promise<Map<string, number>> {
  const index = await currentRegistry(db);
  return index.nearPhoto(hash, MATCH_DISTANCE, 200, (e) => e.origin === null && (scope.organisationId === null || e.organisationId === scope.organisationId));
}

export interface ListQuery {
  q?: string | undefined;
  legalStatus?: string | undefined;
  objectType?: string | undefined;
  country?: string | undefined;
  limit?: number | undefined;
}

/** Investigators' search: text filters, and optionally a photo (nearest first). */
export async function searchCulturalObjects(deps: CulturalDeps, who: PolicyWho, query: ListQuery, photo?: Buffer) {
  const actor = requireActor(who);
  const scopeOrg = NODE_WIDE_ROLES.includes(actor.role) ? null : actor.organisationId;
  let distances: Map<string, number> | null = null;
  if (photo) {
    const image = await inspectImage(photo, deps.images);
    distances = await imageCandidates(deps.db, await queryHash(image, deps.images), { organisationId: scopeOrg });
    if (distances.size === 0) return { items: [], total: 0 };
  }
  let q = deps.db.selectFrom('cultural_objects').selectAll();
  if (scopeOrg) q = q.where('organisation_id', '=', scopeOrg);
  if (query.legalStatus) q = q.where('legal_status', '=', query.legalStatus);
  if (query.objectType) q = q.where('object_type', '=', query.objectType);
  if (query.country) q = q.where('theft_country', '=', query.country);
  for (const w of normaliseText(query.q ?? '').split(' ').filter(Boolean)) q = q.where('search_text', 'like', `%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (distances) q = q.where('id', 'in', [...distances.keys()]);
  const rows = await q.orderBy('updated_at', 'desc').orderBy('id').limit(query.limit ?? 100).execute();
  // A node administrator sees another organisation's record only as its marking allows.
  const visible: CulturalObjectRow[] = [];
  for (const row of rows) {
    if (row.organisation_id === actor.organisationId) visible.push(row);
    else if ((await decideRecord(deps.db, deps.now(), actor, await culturalMarkedRecord(deps.db, row), { kind: 'read' })).allow) visible.push(row);
  }
  if (distances) visible.sort((a, b) => (distances.get(a.id) ?? 99) - (distances.get(b.id) ?? 99));
  const images = await imagesOf(deps.db, visible.map((r) => r.id));
  return {
    items: visible.map((r) => {
      const mine = images.filter((i) => i.object_id === r.id);
      return {
        id: r.id,
        reference: r.reference,
        title: r.title,
        objectType: r.object_type,
        legalStatus: r.legal_status as CreateBody['legalStatus'],
        marking: r.marking as TlpMarking,
        public: r.marking === PUBLIC_TLP,
        reportingAuthority: r.reporting_authority,
        imageCount: mine.length,
        firstImageId: mine[0]?.id ?? null,
        imageDistance: distances?.get(r.id) ?? null,
      };
    }),
    total: visible.length,
  };
}

// ── Public check and receipt ──────────────────────────────────────────────────────────────────

export interface PublicCheckInput {
  text?: Record<string, string | undefined> | undefined;
  image?: Buffer | undefined;
  requester?: Record<string, string | undefined> | undefined;
  /** The person agreed to leave the photo with the registry's investigators (default: not kept). */
  keepPhoto?: boolean | undefined;
}

/** Share of the query's words a record holds for a text to count as a possible match. */
export const TEXT_MATCH_SHARE = 0.5;

export function rawSigningKey(deps: Pick<AppDeps, 'keys'>): string {
  return deps.keys.signingPublic.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64url');
}

export async function publicCheck(deps: CulturalDeps, input: PublicCheckInput) {
  const textEntries = Object.entries(input.text ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
  if (textEntries.length === 0 && !input.image) throw new ValidationError('check_empty', 'Describe the object or add a photo of it.');
  const image = input.image ? await inspectImage(input.image, deps.images) : null;
  const hash = image ? await queryHash(image, deps.images) : null;
  const keep = image && input.keepPhoto === true ? { image, thumbnail: await thumbnailOf(image, deps.images) } : null;
  const words = wordsOf(textEntries.map(([, v]) => v).join(' '));
  // The node-resident index, with every change committed before this check (registry-sync.ts):
  // this node's TLP:CLEAR records and the records active peers published here (federation, part 5).
  const index = await currentRegistry(deps.db);
  const registrySet = index.publicSet();
  const distances = hash ? index.nearPhoto(hash, MATCH_DISTANCE, 200, (e) => e.public) : new Map<string, number>();
  const textScores = index.publicTextMatches(words, TEXT_MATCH_SHARE);
  type Candidate = { key: string; imageDistance: number | null; textScore: number | null };
  const candidates: Candidate[] = [...new Set([...distances.keys(), ...textScores.keys()])].map((key) => ({ key, imageDistance: distances.get(key) ?? null, textScore: textScores.get(key) ?? null }));
  candidates.sort((a, b) => (a.imageDistance ?? 99) - (b.imageDistance ?? 99) || (b.textScore ?? 0) - (a.textScore ?? 0) || (a.key < b.key ? -1 : 1));
  // What a match shows is read from the database, and only while it is still public there.
  type Found = Candidate & { row: CulturalObjectRow | null; fed: FederatedPublicRecord | null };
  const top: Found[] = [];
  for (let from = 0; top.length < 20 && from < candidates.length; from += 40) {
    const slice = candidates.slice(from, from + 40);
    const localIds = slice.filter((c) => !c.key.includes('/')).map((c) => c.key);
    const rows = localIds.length ? await deps.db.selectFrom('cultural_objects').selectAll().where('id', 'in', localIds).where('marking', '=', PUBLIC_TLP).execute() : [];
    const fed = await federatedPublicRecords(deps.db, slice.filter((c) => c.key.includes('/')).map((c) => c.key));
    for (const c of slice) {
      if (top.length >= 20) break;
      const row = rows.find((r) => r.id === c.key) ?? null;
      const f = fed.get(c.key) ?? null;
      if (row || f) top.push({ ...c, row, fed: f });
    }
  }
  const images = await imagesOf(deps.db, top.flatMap((f) => (f.row ? [f.row.id] : [])));
  const now = deps.now();
  const checkId = randomUUID();
  const textCanonical = textEntries.length ? JSON.stringify(Object.fromEntries(textEntries.sort(([a], [b]) => (a < b ? -1 : 1)))) : null;
  const view = (f: Found) => {
    if (f.row) return { recordId: f.row.id, reference: f.row.reference, title: f.row.title, objectType: f.row.object_type, legalStatus: f.row.legal_status as CreateBody['legalStatus'], reportingAuthority: f.row.reporting_authority, theft: (f.row.theft as CreateBody['theft']) ?? null, origin: null };
    const fed = f.fed as FederatedPublicRecord;
    const r = fed.record;
    return { recordId: fed.recordId, reference: r.reference, title: r.title, objectType: r.objectType, legalStatus: r.legalStatus, reportingAuthority: r.reportingAuthority, theft: r.theft ?? null, origin: { nodeId: fed.originNodeId, authority: fed.originAuthority, country: fed.originCountry } };
  };
  const receiptMatches: ReceiptMatch[] = top.map((f) => {
    const v = view(f);
    return { recordId: v.recordId, reference: v.reference, title: v.title, reportingAuthority: v.reportingAuthority, imageDistance: f.imageDistance, textScore: f.textScore, ...(v.origin ? { origin: { nodeId: v.origin.nodeId, authority: v.origin.authority } } : {}) };
  });
  const registry: CheckReceiptBody['registry'] = {
    publicRecords: registrySet.count,
    digest: registrySet.digest,
    ...(registrySet.peers.length ? { peers: registrySet.peers } : {}),
  };
  const body: CheckReceiptBody = {
    format: RECEIPT_FORMAT,
    checkId,
    checkedAt: now.toISOString(),
    node: { id: deps.keys.nodeId, publicKey: rawSigningKey(deps) },
    query: { textSha256: textCanonical ? sha256Hex(textCanonical) : null, imageSha256: image?.sha256 ?? null, fields: textEntries.map(([k]) => k).sort(), ...(keep ? { photoKept: true as const } : {}) },
    registry,
    result: { outcome: top.length ? 'possible-matches' : 'no-match', matches: receiptMatches },
    notice: NO_MATCH_NOTICE,
  };
  const receipt: CheckReceipt = { ...body, signature: { algorithm: 'Ed25519', value: sign(null, Buffer.from(receiptSigningText(body), 'utf8'), deps.keys.signingPrivate).toString('base64url') } };
  const requester = input.requester && Object.values(input.requester).some((v) => v?.trim()) ? input.requester : null;
  await auditedTransaction(deps, { actor: null, requestId: null, organisationId: null }, async (trx, audit) => {
    await trx
      .insertInto('cultural_checks')
      .values({
        id: checkId,
        checked_at: now,
        text_sha256: body.query.textSha256,
        image_sha256: body.query.imageSha256,
        requester: requester ? JSON.stringify(requester) : null,
        registry_count: body.registry.publicRecords,
        registry_digest: body.registry.digest,
        outcome: body.result.outcome,
        matches: JSON.stringify(top.map((f) => f.key)),
        receipt: JSON.stringify(receipt),
      })
      .execute();
    // The photo's bytes (already checked for size, pixels and format) only with the person's agreement.
    if (keep) {
      const { image: kept, thumbnail } = keep;
      await trx
        .insertInto('cultural_check_photos')
        .values({ check_id: checkId, media_type: kept.mediaType, width: kept.width, height: kept.height, size_bytes: input.image?.length ?? 0, sha256: kept.sha256, content: input.image as Buffer, thumbnail })
        .execute();
    }
    audit('cultural.check', `cultural-check:${checkId}`, { outcome: body.result.outcome, matches: top.map((f) => f.key), registryDigest: body.registry.digest, textSha256: body.query.textSha256, imageSha256: body.query.imageSha256, requester, photoKept: keep !== null });
  });
  return {
    matches: top.map((f) => ({
      ...view(f),
      imageIds: f.row ? images.filter((i) => i.object_id === (f.row as CulturalObjectRow).id).map((i) => i.id) : (f.fed as FederatedPublicRecord).images.map((i) => i.id),
      imageDistance: f.imageDistance,
      textScore: f.textScore,
    })),
    receipt,
    receiptText: receiptFileText(receipt),
  };
}

/**
 * Who may read a public check's log entry and its kept photo, for the registry's investigators: a
 * node-wide role (node administrator) reads every check; anyone else only the checks that matched a
 * record of this node held by their organisation. The one rule for the check log and the photo route.
 */
export function checksVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'cultural_checks'>): Expression<SqlBool> =>
    NODE_WIDE_ROLES.includes(actor.role)
      ? sql<SqlBool>`true`
      : eb.exists(
          eb
            .selectFrom('cultural_objects')
            .select('cultural_objects.id')
            .where('cultural_objects.organisation_id', '=', actor.organisationId)
            .where(sql<SqlBool>`cultural_checks.matches @> jsonb_build_array(cultural_objects.id::text)`),
        );
}

/**
 * A photo the person left with a public check, for those `checksVisibleTo` lets see the check.
 * Anyone else, a check without a kept photo or an unknown check: 404. Each reading is audited.
 */
export async function readCheckPhoto(deps: CulturalDeps, who: PolicyWho, checkId: string, kind: 'content' | 'thumbnail') {
  const actor = requireActor(who);
  assertCan(actor.role, 'cultural:read');
  const missing = () => new NotFoundError('not_found', 'No such photo.');
  const check = await deps.db.selectFrom('cultural_checks').select(['id']).where('id', '=', checkId).where(checksVisibleTo(actor)).executeTakeFirst();
  if (!check) throw missing();
  const photo = await deps.db.selectFrom('cultural_check_photos').select(['media_type', 'content', 'thumbnail', 'sha256']).where('check_id', '=', checkId).executeTakeFirst();
  if (!photo) throw missing();
  await auditedTransaction(deps, { actor, requestId: who.requestId }, async (_trx, audit) => {
    audit('cultural.check.photo.read', `cultural-check:${checkId}`, { sha256: photo.sha256, size: kind });
  });
  return kind === 'content' ? { mediaType: photo.media_type, bytes: Buffer.from(photo.content) } : { mediaType: 'image/jpeg', bytes: Buffer.from(photo.thumbnail) };
}

export interface CheckListQuery {
  matched?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * The log of public checks (issue 15 part 4), newest first, as far as `checksVisibleTo` lets the
 * caller see it. Matched records are named only when they are this node's and the caller may see
 * them (their organisation's, or any for a node-wide role). The reading is audited like the photo's.
 */
export async function listChecks(deps: CulturalDeps, who: PolicyWho, q: CheckListQuery) {
  const actor = requireActor(who);
  assertCan(actor.role, 'cultural:read');
  if (q.from && q.to && q.from > q.to) throw new ValidationError('invalid_range', '`from` must not be after `to`.');
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  let base = deps.db.selectFrom('cultural_checks').where(checksVisibleTo(actor));
  if (q.matched === true) base = base.where('outcome', '=', 'possible-matches');
  if (q.matched === false) base = base.where('outcome', '=', 'no-match');
  if (q.from) base = base.where('checked_at', '>=', new Date(`${q.from}T00:00:00.000Z`));
  if (q.to) base = base.where('checked_at', '<', new Date(new Date(`${q.to}T00:00:00.000Z`).getTime() + 86_400_000));
  const { total } = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await base.select(['id', 'checked_at', 'requester', 'outcome', 'matches', 'receipt']).orderBy('checked_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  const keys = [...new Set(rows.flatMap((r) => ((r.matches as string[] | null) ?? []).filter((k) => typeof k === 'string' && !k.includes('/'))))];
  let visible = keys.length ? deps.db.selectFrom('cultural_objects').select(['id', 'reference']).where('id', 'in', keys) : null;
  if (visible && !NODE_WIDE_ROLES.includes(actor.role)) visible = visible.where('organisation_id', '=', actor.organisationId);
  const named = new Map((visible ? await visible.execute() : []).map((o) => [o.id, o.reference]));
  const items = rows.map((r) => {
    const receipt = r.receipt as unknown as CheckReceipt;
    const all = ((r.matches as string[] | null) ?? []).filter((k) => typeof k === 'string');
    const matches = all.flatMap((k) => (named.has(k) ? [{ recordId: k, reference: named.get(k) as string }] : []));
    const requester = r.requester && typeof r.requester === 'object' ? Object.fromEntries(Object.entries(r.requester as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string')) : null;
    return {
      id: r.id,
      checkedAt: new Date(r.checked_at as unknown as string | Date).toISOString(),
      query: { fields: receipt.query.fields, textSha256: receipt.query.textSha256, imageSha256: receipt.query.imageSha256, photoKept: receipt.query.photoKept === true },
      requester,
      outcome: r.outcome as 'no-match' | 'possible-matches',
      matches,
      otherMatches: all.length - matches.length,
      receiptSha256: sha256Hex(receiptFileText(receipt)),
    };
  });
  await auditedTransaction(deps, { actor, requestId: who.requestId }, async (_trx, audit) => {
    audit('cultural.check.list', 'cultural-checks', { matched: q.matched ?? null, from: q.from ?? null, to: q.to ?? null, limit, offset, returned: items.map((i) => i.id) });
  });
  return { items, total: Number(total), limit, offset };
}
