// Evidence items: ingest (stream → SHA-256 → content-addressed store → item + custody in one
// audited transaction), the custody log (appendCustody: hash-linked, signed, audited), and reading
// an item under organisation scoping and the release policy. Other capabilities (web capture,
// timestamps, transfer, court package) call these; they do not write the tables themselves.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ConflictError, ForbiddenError, NotFoundError, TooLargeError, ValidationError, assertCan, canSeeOrganisation } from '@comity/core';
import { CUSTODY_GENESIS, type CustodyEvent, type CustodyInput, linkCustodyEvent } from '@comity/core/evidence/custody';
import { type MarkedRecord, type MarkedSource, decide } from '@comity/core/policy/decide';
import { type Marking, NO_LIMITATIONS, combineAll } from '@comity/core/policy/marking';
import { type Database, appendAudit } from '@comity/db';
import { findCase } from '@comity/db/repos/cases-repo';
import { findRequest } from '@comity/db/repos/requests-repo';
import type { Kysely, Selectable } from 'kysely';
import { type Actor, type AppDeps, type AuditFn, auditedTransaction } from '../deps.ts';
import { assertCaseMember, caseMarkedRecord, readCaseWithAccess } from '../cases/case-service.ts';
import { effectiveMarkingOf, enforce, enforceRecord, markedRecordOf, policyActorOf } from '../policy/policy-service.ts';
import type { Who } from '../requests/request-deps.ts';
import { type BlobStore, BlobTooLargeError, type StreamedBlob } from '../storage/blob-store.ts';
import { detectMediaType } from './media-type.ts';

export type EvidenceItemRow = Selectable<Database['evidence_items']>;

export interface EvidenceSettings {
  /** Largest item this node accepts, in bytes (COMITY_EVIDENCE_MAX_BYTES, default 2 GiB). */
  maxBytes: number;
  /** An upload that receives nothing for this long is removed (COMITY_EVIDENCE_UPLOAD_EXPIRY_SECONDS, default 24 h). */
  uploadExpirySeconds: number;
}

export function evidenceSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): EvidenceSettings {
  const int = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
    return n;
  };
  return {
    maxBytes: int('COMITY_EVIDENCE_MAX_BYTES', 2 * 1024 ** 3, 1),
    uploadExpirySeconds: int('COMITY_EVIDENCE_UPLOAD_EXPIRY_SECONDS', 24 * 3600, 1),
  };
}

export type EvidenceDeps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> &
  Partial<Pick<AppDeps, 'auditAnchor'>> & {
    /** This node's id, written into every custody event. */
    nodeId: string;
    blobs: BlobStore;
    settings: EvidenceSettings;
    /**
     * Called after an item is committed (the SHA-512 job, timestamp requests ...). A listener that
     * fails is logged; the item stays.
     */
    ingested: ((item: EvidenceItemRow) => Promise<void> | void)[];
    log(message: string, err?: unknown): void;
    /** The check of a custody signature by the key it names (this node's current key), or null. */
    verifierFor(keyId: string): ((text: string, signature: string) => boolean) | null;
  };

/** Where an item belongs. */
export type EvidenceOwner = { caseId: string } | { requestId: string };

/** How the item came to this node; `kind` is its source_kind, the rest is kept as given. */
export type EvidenceSource =
  | { kind: 'uploaded'; /** A file of the request returned with an answer (answer-evidence.ts). */ attachmentId?: string }
  | { kind: 'captured'; url: string; [k: string]: unknown }
  | { kind: 'received'; nodeId: string; [k: string]: unknown }
  | { kind: 'working-copy'; fromItemId: string };

export interface IngestInput {
  owner: EvidenceOwner;
  title: string;
  description?: string | undefined;
  source: EvidenceSource;
  /** The name the file came with (kept for display; never used to decide its type). */
  filename?: string | undefined;
  /** What the uploader said the type is; kept beside the detected one. */
  mediaTypeHint?: string | undefined;
  /** The item's own marking; by default the effective marking of its case or request. */
  marking?: Marking | undefined;
  body: Readable;
  /** For working copies: the original the copy was made from. */
  derivedFrom?: string | undefined;
  /** Called as bytes arrive with the total so far. */
  onBytes?: ((total: number) => void) | undefined;
}

/** What an item belongs to, as the policy sees it. */
interface Owner {
  caseId: string | null;
  requestId: string | null;
  organisationId: string;
  /** The owner's marked sources (its own marking first). */
  sources: readonly MarkedSource[];
  effective: Marking;
}

/**
 * The case or request an item belongs to. With `adding`, the caller must be allowed to add
 * material to it: a case's team or its organisation's supervisors (`assertCaseMember`), or the
 * request's organisation; and must be allowed to read it (the release policy). Without a caller,
 * the node itself acts.
 */
async function loadOwner(deps: EvidenceDeps, who: Who, owner: EvidenceOwner, adding: boolean): Promise<Owner> {
  const actor = who.actor;
  if ('requestId' in owner) {
    const row = await findRequest(deps.db, owner.requestId);
    if (!row || (actor && !canSeeOrganisation(actor, row.organisation_id))) throw new NotFoundError('not_found', 'No such request.');
    if (adding && actor) {
      if (actor.organisationId !== row.organisation_id) throw new NotFoundError('not_found', 'No such request.');
      await enforce(deps, who, row, { kind: 'read' });
    }
    return { caseId: null, requestId: row.id, organisationId: row.organisation_id, sources: markedRecordOf(row).sources, effective: effectiveMarkingOf(row) };
  }
  const row = adding && actor ? (await assertCaseMember(deps, who, owner.caseId, 'link')).row : await findCase(deps.db, owner.caseId);
  if (!row) throw new NotFoundError('not_found', 'No such case.');
  const record = await caseMarkedRecord(deps.db, row);
  const own = record.sources[0] as MarkedSource;
  return { caseId: row.id, requestId: null, organisationId: row.organisation_id, sources: record.sources, effective: own.marking };
}

/** The key consents and policy decisions use for an item. */
export function evidenceKey(itemId: string): string {
  return `evidence:${itemId}`;
}

async function ownerOfItem(deps: EvidenceDeps, item: EvidenceItemRow): Promise<Owner> {
  const owner: EvidenceOwner = item.request_id ? { requestId: item.request_id } : { caseId: item.case_id as string };
  return loadOwner(deps, { actor: null, requestId: null }, owner, false);
}

/** The marked sources of a request (its own marking first), for an item of a case that travels with it. */
export async function requestSources(deps: EvidenceDeps, who: Who, requestId: string): Promise<readonly MarkedSource[]> {
  return (await loadOwner(deps, who, { requestId }, false)).sources;
}

/** The item as the release policy sees it: its own marking, then those of its case or request. */
export async function markedRecordOfItem(deps: EvidenceDeps, item: EvidenceItemRow): Promise<MarkedRecord> {
  const owner = await ownerOfItem(deps, item);
  const key = evidenceKey(item.id);
  return { key, organisationId: item.organisation_id, sources: [{ key, marking: item.marking as Marking }, ...owner.sources.filter((s) => s.key !== key)] };
}

function ownMarkingDefault(owner: Owner): Marking {
  return { ...owner.effective, limitations: { ...NO_LIMITATIONS, ...owner.effective.limitations } };
}

function cleanTitle(title: string): string {
  const t = title.replace(/\p{Cc}/gu, ' ').trim();
  if (!t) throw new ValidationError('title_required', 'Give the item a title.');
  if (t.length > 500) throw new ValidationError('title_too_long', 'A title has at most 500 characters.');
  return t;
}

function cleanFilename(name: string | undefined): string | null {
  if (name === undefined) return null;
  const f = name.replace(/[\\/]|\p{Cc}/gu, '_').trim().slice(0, 255);
  return f || null;
}

/**
 * Streams `body` into the store and records the item with its first two custody events
 * (`acquired`, `hashed`). Over the node's limit: TooLargeError (413) and nothing is kept. With a
 * null actor the node itself acts (an item received over federation); the owner decides the
 * organisation.
 */
export async function ingestEvidence(deps: EvidenceDeps, who: Who, input: IngestInput): Promise<EvidenceItemRow> {
  const prepared = await prepareIngest(deps, who, input);
  let stored: StreamedBlob;
  try {
    stored = await deps.blobs.putStream(input.body, { maxBytes: deps.settings.maxBytes, onBytes: input.onBytes });
  } catch (err) {
    if (err instanceof BlobTooLargeError) throw tooLarge(deps);
    throw err;
  }
  return recordIngested(deps, who, prepared, input, stored);
}

export function tooLarge(deps: Pick<EvidenceDeps, 'settings'>): TooLargeError {
  return new TooLargeError('evidence_too_large', `This node accepts items of at most ${deps.settings.maxBytes} bytes.`, { limit: deps.settings.maxBytes });
}

export type IngestMeta = Omit<IngestInput, 'body' | 'onBytes'>;

interface PreparedIngest {
  owner: Owner;
  title: string;
  description: string;
  marking: Marking;
}

/** The checks before any byte is stored: permission, owner (and the caller's access to it), text. */
export async function prepareIngest(deps: EvidenceDeps, who: Who, input: IngestMeta): Promise<PreparedIngest> {
  const actor = who.actor;
  if (actor) assertCan(actor.role, 'evidence:add');
  const title = cleanTitle(input.title);
  const description = (input.description ?? '').trim();
  if (description.length > 20000) throw new ValidationError('description_too_long', 'A description has at most 20,000 characters.');
  const owner = await loadOwner(deps, who, input.owner, true);
  return { owner, title, description, marking: input.marking ?? ownMarkingDefault(owner) };
}

/** Records content already in the store as an item, with `acquired` and `hashed`, in one audited transaction. */
export async function recordIngested(
  deps: EvidenceDeps,
  who: Who,
  prepared: PreparedIngest,
  input: IngestMeta,
  stored: StreamedBlob,
  knownMediaType?: string,
): Promise<EvidenceItemRow> {
  const { owner, title, description, marking } = prepared;
  const actor = who.actor;
  const mediaType = knownMediaType ?? (await detectMediaType(stored.head));
  const id = randomUUID();
  const now = deps.now();
  const filename = cleanFilename(input.filename);
  const item = await auditedTransaction(deps, { actor, requestId: who.requestId, organisationId: owner.organisationId }, async (trx, audit) => {
    await trx
      .insertInto('evidence_items')
      .values({
        id,
        organisation_id: owner.organisationId,
        case_id: owner.caseId,
        request_id: owner.requestId,
        title,
        description,
        source_kind: input.source.kind,
        source: JSON.stringify(input.source),
        filename,
        captured_by: actor?.userId ?? null,
        captured_by_email: actor?.email ?? null,
        sha256: stored.sha256,
        size_bytes: stored.size,
        media_type: mediaType,
        media_type_hint: input.mediaTypeHint?.slice(0, 255) ?? null,
        marking: JSON.stringify(marking),
        role: input.source.kind === 'working-copy' ? 'working-copy' : 'original',
        derived_from: input.derivedFrom ?? null,
        custody_seq: 0,
        custody_head: CUSTODY_GENESIS,
        created_at: now,
        updated_at: now,
      })
      .execute();
    audit('evidence.add', evidenceKey(id), {
      title,
      owner: owner.caseId ? { caseId: owner.caseId } : { requestId: owner.requestId },
      source: input.source,
      filename,
      sha256: stored.sha256,
      size: stored.size,
      mediaType,
      tlp: marking.tlp,
    });
    const by = { actorUserId: actor?.userId ?? null, actorEmail: actor?.email ?? null };
    await appendCustody(trx, deps, id, { kind: 'acquired', ...by, details: { source: input.source, title, filename, mediaTypeHint: input.mediaTypeHint ?? null } }, audit);
    await appendCustody(trx, deps, id, { kind: 'hashed', ...by, details: { algorithm: 'sha-256', sha256: stored.sha256, size: stored.size, mediaType } }, audit);
    return trx.selectFrom('evidence_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
  for (const listener of deps.ingested) {
    try {
      await listener(item);
    } catch (err) {
      deps.log(`after ingest of ${item.id}`, err);
    }
  }
  return item;
}

/**
 * Appends one event to an item's custody log inside the caller's transaction: locks the item,
 * links to its last event, signs with the node key, stores, and writes the same event to the audit
 * trail (through `audit` when the caller is in an `auditedTransaction`, directly otherwise).
 */
export async function appendCustody(
  trx: Kysely<Database>,
  deps: Pick<EvidenceDeps, 'hasher' | 'signer' | 'now' | 'nodeId'>,
  itemId: string,
  input: Omit<CustodyInput, 'actorUserId' | 'actorEmail'> & { actorUserId?: string | null | undefined; actorEmail?: string | null | undefined },
  audit?: AuditFn,
): Promise<CustodyEvent> {
  const item = await trx
    .selectFrom('evidence_items')
    .select(['id', 'organisation_id', 'custody_seq', 'custody_head'])
    .where('id', '=', itemId)
    .forUpdate()
    .executeTakeFirst();
  if (!item) throw new NotFoundError('not_found', 'No such evidence item.');
  const actorUserId = input.actorUserId ?? null;
  let actorEmail = input.actorEmail ?? null;
  if (actorUserId && actorEmail === null) {
    actorEmail = (await trx.selectFrom('users').select('email').where('id', '=', actorUserId).executeTakeFirst())?.email ?? null;
  }
  const at = deps.now();
  const event = linkCustodyEvent(deps.hasher, deps.signer, item.custody_seq > 0 ? { seq: item.custody_seq, hash: item.custody_head } : null, {
    itemId,
    at,
    nodeId: deps.nodeId,
    kind: input.kind,
    actorUserId,
    actorEmail,
    details: input.details,
  });
  await storeCustody(trx, deps, item.organisation_id, event, audit);
  return event;
}

/** Thrown by `appendLinkedCustody` when the item's log has grown since the event was linked. */
export class CustodyMovedError extends ConflictError {
  constructor(itemId: string) {
    super('custody_moved', 'The custody log of an item changed while this was being prepared; try again.', { itemId });
  }
}

/**
 * Stores an event linked beforehand (`linkCustodyEvent` on the log as it was read), for a record
 * that must carry its own custody event before it is committed (a court package). Locks the item;
 * if its log has grown since (the event would fork the chain), CustodyMovedError and nothing is stored.
 */
export async function appendLinkedCustody(trx: Kysely<Database>, deps: Pick<EvidenceDeps, 'hasher' | 'signer' | 'now'>, event: CustodyEvent, audit?: AuditFn): Promise<void> {
  const item = await trx
    .selectFrom('evidence_items')
    .select(['id', 'organisation_id', 'custody_seq', 'custody_head'])
    .where('id', '=', event.itemId)
    .forUpdate()
    .executeTakeFirst();
  if (!item) throw new NotFoundError('not_found', 'No such evidence item.');
  const head = item.custody_seq > 0 ? item.custody_head : CUSTODY_GENESIS;
  if (item.custody_seq !== event.seq - 1 || head !== event.prevHash) throw new CustodyMovedError(event.itemId);
  await storeCustody(trx, deps, item.organisation_id, event, audit);
}

async function storeCustody(
  trx: Kysely<Database>,
  deps: Pick<EvidenceDeps, 'hasher' | 'signer' | 'now'>,
  organisationId: string,
  event: CustodyEvent,
  audit: AuditFn | undefined,
): Promise<void> {
  const itemId = event.itemId;
  await trx
    .insertInto('evidence_custody')
    .values({
      item_id: itemId,
      seq: event.seq,
      at: event.at,
      kind: event.kind,
      actor_user_id: event.actorUserId,
      actor_email: event.actorEmail,
      node_id: event.nodeId,
      details: JSON.stringify(event.details),
      prev_hash: event.prevHash,
      hash: event.hash,
      signature: event.signature,
      key_id: event.keyId,
    })
    .execute();
  await trx.updateTable('evidence_items').set({ custody_seq: event.seq, custody_head: event.hash, updated_at: new Date(event.at) }).where('id', '=', itemId).execute();
  const change = { seq: event.seq, hash: event.hash, details: event.details };
  if (audit) audit(`evidence.custody.${event.kind}`, evidenceKey(itemId), change);
  else {
    await appendAudit(trx, { hasher: deps.hasher, signer: deps.signer, now: deps.now }, [
      {
        actorId: event.actorUserId,
        actorEmail: event.actorEmail,
        organisationId,
        action: `evidence.custody.${event.kind}`,
        target: evidenceKey(itemId),
        requestId: null,
        change,
      },
    ]);
  }
}

/** An item's custody log, oldest first, as the chain verifier reads it. */
export async function listCustody(db: Kysely<Database>, itemId: string): Promise<CustodyEvent[]> {
  const rows = await db.selectFrom('evidence_custody').selectAll().where('item_id', '=', itemId).orderBy('seq').execute();
  return rows.map((r) => ({
    itemId: r.item_id,
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    kind: r.kind as CustodyEvent['kind'],
    actorUserId: r.actor_user_id,
    actorEmail: r.actor_email,
    nodeId: r.node_id,
    details: r.details as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
    signature: r.signature,
    keyId: r.key_id,
  }));
}

export interface ReadableItem {
  item: EvidenceItemRow;
  /** Its own marking, then those of its case or request. */
  record: MarkedRecord;
}

/** The item row if it exists and the caller's organisation may see it (404 otherwise). */
/**
 * The item row if it exists and the caller may see it: its organisation's members for an item of a
 * request; for an item of a case, those who may read the case (its team, the organisation's
 * supervisors, a node administrator the case's marking lets in). 404 otherwise.
 */
export async function loadVisibleItem(deps: Pick<EvidenceDeps, 'db' | 'hasher' | 'signer' | 'now' | 'auditAnchor'>, who: Who, itemId: string): Promise<EvidenceItemRow> {
  const notFound = () => new NotFoundError('not_found', 'No such evidence item.');
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const row = UUID.test(itemId) ? await deps.db.selectFrom('evidence_items').selectAll().where('id', '=', itemId).executeTakeFirst() : undefined;
  if (!row || (who.actor && !canSeeOrganisation(who.actor, row.organisation_id))) throw notFound();
  if (row.case_id && who.actor) {
    try {
      await readCaseWithAccess(deps, who, row.case_id);
    } catch (err) {
      if (err instanceof NotFoundError) throw notFound();
      throw err;
    }
  }
  return row;
}

/**
 * The item, if the caller may see it (another organisation's item is a 404) and the release policy
 * lets the caller read it (`enforceRecord`, with its case's or request's markings as sources).
 */
export async function readEvidenceItem(deps: EvidenceDeps, who: Who, itemId: string): Promise<ReadableItem> {
  if (who.actor) assertCan(who.actor.role, 'evidence:read');
  const item = await loadVisibleItem(deps, who, itemId);
  const record = await markedRecordOfItem(deps, item);
  await enforceRecord(deps, who, { record, auditTarget: evidenceKey(item.id), details: { itemId: item.id, title: item.title } }, { kind: 'read' });
  return { item, record };
}

// ── Listing, presenting, content ──────────────────────────────────────────────────────────────

export type PreviewKind = 'image' | 'pdf' | 'video' | 'audio' | 'text' | 'none';

/** Which types the item page shows inline. SVG and HTML never: they could run script in the node's origin. */
export function previewKind(mediaType: string): PreviewKind {
  if (/^image\/(png|jpeg|gif|webp|bmp|avif)$/.test(mediaType)) return 'image';
  if (mediaType === 'application/pdf') return 'pdf';
  if (/^video\/(mp4|webm|ogg|quicktime)$/.test(mediaType)) return 'video';
  if (/^audio\/(mpeg|ogg|wav|x-wav|webm|mp4|aac|flac|x-flac)$/.test(mediaType)) return 'audio';
  if (mediaType === 'text/plain') return 'text';
  return 'none';
}

export function effectiveItemMarking(record: MarkedRecord): Marking {
  const [own, ...rest] = record.sources;
  return combineAll((own as MarkedSource).marking, ...rest.map((s) => s.marking));
}

export function presentItem(item: EvidenceItemRow, record: MarkedRecord) {
  return {
    id: item.id,
    caseId: item.case_id,
    requestId: item.request_id,
    title: item.title,
    description: item.description,
    source: item.source as { kind: 'uploaded' | 'captured' | 'received' | 'working-copy' },
    filename: item.filename,
    capturedBy: item.captured_by ? { id: item.captured_by, email: item.captured_by_email } : null,
    sha256: item.sha256,
    sha512: item.sha512,
    size: Number(item.size_bytes),
    mediaType: item.media_type,
    mediaTypeHint: item.media_type_hint,
    preview: previewKind(item.media_type),
    marking: effectiveItemMarking(record),
    role: item.role,
    derivedFrom: item.derived_from,
    sealed: item.sealed_at ? { at: new Date(item.sealed_at).toISOString(), by: item.sealed_by } : null,
    timestampState: item.timestamp_state,
    custody: { events: item.custody_seq, head: item.custody_head },
    createdAt: new Date(item.created_at).toISOString(),
  };
}

/**
 * The items of a case or a request the caller may read: the owner's own read check first (404 for
 * a case the caller is not on, another organisation's request), then the release policy per item
 * (an item the caller may not read is left out, not an error).
 */
export async function listEvidence(deps: EvidenceDeps, who: Who, owner: EvidenceOwner): Promise<{ item: EvidenceItemRow; record: MarkedRecord }[]> {
  if (who.actor) assertCan(who.actor.role, 'evidence:read');
  let q = deps.db.selectFrom('evidence_items').selectAll();
  if ('caseId' in owner) {
    await readCaseWithAccess(deps, who, owner.caseId);
    q = q.where('case_id', '=', owner.caseId);
  } else {
    const row = await findRequest(deps.db, owner.requestId);
    if (!row || (who.actor && !canSeeOrganisation(who.actor, row.organisation_id))) throw new NotFoundError('not_found', 'No such request.');
    await enforce(deps, who, row, { kind: 'read' });
    q = q.where('request_id', '=', owner.requestId);
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
  const out: { item: EvidenceItemRow; record: MarkedRecord }[] = [];
  const today = deps.now().toISOString().slice(0, 10);
  for (const item of rows) {
    const record = await markedRecordOfItem(deps, item);
    if (decide(policyActorOf(who.actor), { kind: 'read' }, record, { today, consents: [] }).allow) out.push({ item, record });
  }
  return out;
}

/** Downloads of a sealed item each need a supervisor's approval for that user, used once. */
async function unusedApproval(db: Kysely<Database>, itemId: string, userId: string): Promise<number | null> {
  const events = await db.selectFrom('evidence_custody').select(['seq', 'kind', 'details']).where('item_id', '=', itemId).where('kind', 'in', ['download-approved', 'downloaded']).orderBy('seq').execute();
  const used = new Set(events.filter((e) => e.kind === 'downloaded').map((e) => (e.details as { approvalSeq?: number }).approvalSeq));
  const sealedAfter = await db.selectFrom('evidence_custody').select('seq').where('item_id', '=', itemId).where('kind', '=', 'sealed').orderBy('seq', 'desc').executeTakeFirst();
  const open = events.filter(
    (e) => e.kind === 'download-approved' && (e.details as { userId?: string }).userId === userId && !used.has(e.seq) && e.seq > (sealedAfter?.seq ?? 0),
  );
  return open[0]?.seq ?? null;
}

export interface PendingDownloadRequest {
  seq: number;
  at: Date;
  userId: string;
  userEmail: string;
  approverId: string;
  approverEmail: string;
  reason: string;
}

/** `download-requested` events since the item was last sealed that no `download-approved` answered. */
export async function pendingDownloadRequestEvents(db: Kysely<Database>, itemId: string): Promise<PendingDownloadRequest[]> {
  const sealed = await db.selectFrom('evidence_custody').select('seq').where('item_id', '=', itemId).where('kind', '=', 'sealed').orderBy('seq', 'desc').executeTakeFirst();
  const events = await db
    .selectFrom('evidence_custody')
    .select(['seq', 'kind', 'at', 'details'])
    .where('item_id', '=', itemId)
    .where('kind', 'in', ['download-requested', 'download-approved'])
    .where('seq', '>', sealed?.seq ?? 0)
    .orderBy('seq')
    .execute();
  const answered = new Set(events.filter((e) => e.kind === 'download-approved').map((e) => (e.details as { requestSeq?: number }).requestSeq));
  return events
    .filter((e) => e.kind === 'download-requested' && !answered.has(e.seq))
    .map((e) => {
      const d = e.details as { userId: string; userEmail: string; approverId: string; approverEmail: string; reason: string };
      return { seq: e.seq, at: new Date(e.at), userId: d.userId, userEmail: d.userEmail, approverId: d.approverId, approverEmail: d.approverEmail, reason: d.reason };
    });
}

/**
 * The content for a preview (`inline`: policy read, custody `viewed`) or a download (`attachment`:
 * policy export api-download, custody `downloaded`; a sealed item needs an unused approval).
 */
export async function openEvidenceContent(
  deps: EvidenceDeps,
  who: Who,
  itemId: string,
  disposition: 'inline' | 'attachment',
  range?: { start: number; end: number },
): Promise<{ item: EvidenceItemRow; stream: Readable }> {
  const { item, record } = await readEvidenceItem(deps, who, itemId);
  if (disposition === 'attachment') {
    await enforceRecord(deps, who, { record, auditTarget: evidenceKey(item.id), details: { itemId: item.id, title: item.title } }, { kind: 'export', format: 'api-download' });
  }
  let approvalSeq: number | null = null;
  if (disposition === 'attachment' && item.sealed_at) {
    approvalSeq = who.actor ? await unusedApproval(deps.db, item.id, who.actor.userId) : null;
    if (approvalSeq === null && who.actor) {
      throw new ForbiddenError('sealed_needs_approval', 'This item is sealed: a supervisor must approve each download.', { itemId: item.id });
    }
  }
  // A preview of a sealed item is allowed (reading is not taking a copy); a range request after
  // the first one of a video is not a new viewing.
  const firstPart = !range || range.start === 0;
  if (firstPart) {
    await auditedTransaction(deps, { actor: who.actor, requestId: who.requestId, organisationId: item.organisation_id }, async (trx, audit) => {
      await appendCustody(
        trx,
        deps,
        item.id,
        {
          kind: disposition === 'attachment' ? 'downloaded' : 'viewed',
          actorUserId: who.actor?.userId ?? null,
          actorEmail: who.actor?.email ?? null,
          details: { sha256: item.sha256, ...(approvalSeq !== null ? { approvalSeq } : {}) },
        },
        audit,
      );
    });
  }
  const stream = await deps.blobs.openRead(item.sha256, range);
  if (!stream) throw new NotFoundError('content_not_here', 'The content of this item is not in this node’s store.');
  return { item, stream };
}

// ── Seal, release, approvals, working copies ──────────────────────────────────────────────────

export async function loadForChange(deps: EvidenceDeps, who: Who, itemId: string): Promise<{ actor: Actor; item: EvidenceItemRow; record: MarkedRecord }> {
  const actor = who.actor;
  if (!actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  const { item, record } = await readEvidenceItem(deps, who, itemId);
  if (actor.organisationId !== item.organisation_id) throw new NotFoundError('not_found', 'No such evidence item.');
  return { actor, item, record };
}

export async function sealEvidence(deps: EvidenceDeps, who: Who, itemId: string, note: string | undefined): Promise<EvidenceItemRow> {
  const { actor, item } = await loadForChange(deps, who, itemId);
  assertCan(actor.role, 'evidence:seal');
  if (item.role !== 'original') throw new ConflictError('not_original', 'Only an evidentiary original is sealed; a working copy is for analysis.');
  if (item.sealed_at) throw new ConflictError('already_sealed', 'This item is already sealed.');
  return auditedTransaction(deps, who, async (trx, audit) => {
    const now = deps.now();
    await trx.updateTable('evidence_items').set({ sealed_at: now, sealed_by: actor.userId }).where('id', '=', item.id).execute();
    await appendCustody(trx, deps, item.id, { kind: 'sealed', actorUserId: actor.userId, actorEmail: actor.email, details: { note: note?.trim() ?? null } }, audit);
    return trx.selectFrom('evidence_items').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
  });
}

export async function releaseEvidence(deps: EvidenceDeps, who: Who, itemId: string, note: string | undefined): Promise<EvidenceItemRow> {
  const { actor, item } = await loadForChange(deps, who, itemId);
  assertCan(actor.role, 'evidence:seal');
  if (!item.sealed_at) throw new ConflictError('not_sealed', 'This item is not sealed.');
  return auditedTransaction(deps, who, async (trx, audit) => {
    await trx.updateTable('evidence_items').set({ sealed_at: null, sealed_by: null }).where('id', '=', item.id).execute();
    await appendCustody(trx, deps, item.id, { kind: 'released', actorUserId: actor.userId, actorEmail: actor.email, details: { note: note?.trim() ?? null } }, audit);
    return trx.selectFrom('evidence_items').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
  });
}

/** A supervisor approves one download of a sealed item by another user (four eyes: never their own). */
export async function approveDownload(
  deps: EvidenceDeps,
  who: Who,
  itemId: string,
  body: { userId: string; reason: string; requestSeq?: number | undefined },
): Promise<{ seq: number }> {
  const { actor, item } = await loadForChange(deps, who, itemId);
  assertCan(actor.role, 'evidence:seal');
  if (!item.sealed_at) throw new ConflictError('not_sealed', 'This item is not sealed; downloads need no approval.');
  if (body.requestSeq !== undefined) {
    const asked = (await pendingDownloadRequestEvents(deps.db, item.id)).find((r) => r.seq === body.requestSeq);
    if (!asked || asked.userId !== body.userId) throw new NotFoundError('download_request_not_found', 'No pending download request of this user with that number.');
    if (asked.approverId !== actor.userId) throw new ForbiddenError('not_the_approver', 'This download request asks another supervisor to approve.');
  }
  if (body.userId === actor.userId) throw new ForbiddenError('four_eyes', 'Another supervisor must approve your own download.');
  const user = await deps.db.selectFrom('users').select(['id', 'email', 'organisation_id']).where('id', '=', body.userId).executeTakeFirst();
  if (!user || user.organisation_id !== item.organisation_id) throw new NotFoundError('user_not_found', 'No such user in this organisation.');
  return auditedTransaction(deps, who, async (trx, audit) => {
    const e = await appendCustody(
      trx,
      deps,
      item.id,
      { kind: 'download-approved', actorUserId: actor.userId, actorEmail: actor.email, details: { userId: user.id, userEmail: user.email, reason: body.reason.trim(), ...(body.requestSeq !== undefined ? { requestSeq: body.requestSeq } : {}) } },
      audit,
    );
    return { seq: e.seq };
  });
}

/**
 * A working copy for analysis: a new item with the same content, role `working-copy`, linked to the
 * original; custody `working-copy` on the original. The original stays as it is (read-only).
 */
export async function makeWorkingCopy(deps: EvidenceDeps, who: Who, itemId: string, title: string | undefined): Promise<EvidenceItemRow> {
  const { actor, item } = await loadForChange(deps, who, itemId);
  assertCan(actor.role, 'evidence:add');
  if (item.role !== 'original') throw new ConflictError('not_original', 'Make working copies from the original.');
  if (item.sealed_at) throw new ConflictError('sealed', 'This item is sealed; release it first or ask for an approved download.');
  const owner: EvidenceOwner = item.case_id ? { caseId: item.case_id } : { requestId: item.request_id as string };
  const meta: IngestMeta = {
    owner,
    title: title?.trim() || `${item.title} (working copy)`,
    description: item.description,
    source: { kind: 'working-copy', fromItemId: item.id },
    filename: item.filename ?? undefined,
    marking: item.marking as Marking,
    derivedFrom: item.id,
  };
  const prepared = await prepareIngest(deps, who, meta);
  const copy = await recordIngested(deps, who, prepared, meta, { sha256: item.sha256, size: Number(item.size_bytes), head: Buffer.alloc(0) }, item.media_type);
  await auditedTransaction(deps, who, async (trx, audit) => {
    await appendCustody(trx, deps, item.id, { kind: 'working-copy', actorUserId: actor.userId, actorEmail: actor.email, details: { copyId: copy.id } }, audit);
  });
  return copy;
}
