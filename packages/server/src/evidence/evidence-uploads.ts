// Resumable uploads (the tus 1.0 protocol: creation, HEAD for the offset, PATCH chunks, termination).
// Bytes go to <data>/uploads/<id> and into a running SHA-256 as they arrive; when the last byte is
// in, the file is adopted by the blob store under its hash (no second pass) and becomes an item.
// An upload announced over the node's limit is refused before anything exists; a chunk that would
// pass the announced length removes the whole upload; one that receives nothing until it expires
// is removed by the sweep. If the node restarted in between, the running hash is rebuilt from the
// bytes already on disk before the next chunk.
import { type Hash, createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ConflictError, ForbiddenError, NotFoundError, TooLargeError, assertCan } from '@comity/core';
import type { Database } from '@comity/db';
import type { Selectable } from 'kysely';
import { auditedTransaction } from '../deps.ts';
import type { Who } from '../requests/request-deps.ts';
import { HEAD_BYTES, streamIntoFile } from '../storage/blob-store.ts';
import { type EvidenceDeps, type EvidenceItemRow, type IngestMeta, prepareIngest, recordIngested, tooLarge } from './evidence-service.ts';

export type UploadRow = Selectable<Database['evidence_uploads']>;

interface Running {
  hash: Hash;
  hashed: number;
  head: Buffer;
}

/** Per node: the running hashes and which uploads are receiving a chunk right now. */
export interface UploadRuntime {
  dir: string;
  running: Map<string, Running>;
  busy: Set<string>;
}

export function uploadRuntime(dataDir: string): UploadRuntime {
  const dir = join(dataDir, 'uploads');
  mkdirSync(dir, { recursive: true });
  return { dir, running: new Map(), busy: new Set() };
}

export function presentUpload(u: UploadRow) {
  return {
    id: u.id,
    length: Number(u.length),
    received: Number(u.received),
    state: u.state,
    expiresAt: new Date(u.expires_at).toISOString(),
    itemId: u.item_id,
  };
}

const notFound = () => new NotFoundError('not_found', 'No such upload.');

/** Creates an upload for `length` bytes after the same checks an item gets (permission, owner, text). */
export async function createUpload(deps: EvidenceDeps, rt: UploadRuntime, who: Who, meta: IngestMeta, length: number): Promise<UploadRow> {
  const actor = who.actor;
  if (!actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  assertCan(actor.role, 'evidence:add');
  if (length > deps.settings.maxBytes) throw tooLarge(deps);
  const prepared = await prepareIngest(deps, who, meta);
  const id = randomUUID();
  const now = deps.now();
  const row = await auditedTransaction(deps, who, async (trx, audit) => {
    const created = await trx
      .insertInto('evidence_uploads')
      .values({
        id,
        organisation_id: prepared.owner.organisationId,
        user_id: actor.userId,
        case_id: prepared.owner.caseId,
        request_id: prepared.owner.requestId,
        title: prepared.title,
        description: prepared.description,
        filename: meta.filename ?? null,
        media_type_hint: meta.mediaTypeHint ?? null,
        marking: meta.marking ? JSON.stringify(meta.marking) : null,
        length,
        received: 0,
        created_at: now,
        updated_at: now,
        expires_at: new Date(now.getTime() + deps.settings.uploadExpirySeconds * 1000),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    audit('evidence.upload.create', `evidence-upload:${id}`, { length, title: prepared.title, filename: meta.filename ?? null });
    return created;
  });
  // An empty file is complete at once.
  await (await open(join(rt.dir, id), 'wx')).close();
  return row;
}

/** The caller's own open upload (another user's answers 404). */
export async function loadUpload(deps: Pick<EvidenceDeps, 'db'>, who: Who, id: string): Promise<UploadRow> {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!UUID.test(id) || !who.actor) throw notFound();
  const row = await deps.db.selectFrom('evidence_uploads').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.user_id !== who.actor.userId || row.state === 'expired') throw notFound();
  return row;
}

async function runningFor(rt: UploadRuntime, id: string, received: number): Promise<Running> {
  const have = rt.running.get(id);
  if (have && have.hashed === received) return have;
  // After a restart or a broken chunk: hash what is on disk again, up to what was recorded.
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  if (received > 0) {
    for await (const chunk of createReadStream(join(rt.dir, id), { start: 0, end: received - 1 })) {
      const b = chunk as Buffer;
      hash.update(b);
      if (headLength < HEAD_BYTES) {
        const part = b.subarray(0, HEAD_BYTES - headLength);
        head.push(Buffer.from(part));
        headLength += part.length;
      }
    }
  }
  const r = { hash, hashed: received, head: Buffer.concat(head) };
  rt.running.set(id, r);
  return r;
}

async function removeUpload(deps: EvidenceDeps, rt: UploadRuntime, who: Who, row: UploadRow, why: string): Promise<void> {
  rt.running.delete(row.id);
  await rm(join(rt.dir, row.id), { force: true });
  await auditedTransaction(deps, who, async (trx, audit) => {
    await trx.deleteFrom('evidence_uploads').where('id', '=', row.id).execute();
    audit('evidence.upload.remove', `evidence-upload:${row.id}`, { why, received: Number(row.received), length: Number(row.length) });
  });
}

export interface ChunkResult {
  upload: UploadRow;
  item: EvidenceItemRow | null;
}

/**
 * Appends a chunk at `offset` (which must be the bytes received so far: 409 otherwise, with the
 * right offset to resume from). A chunk that passes the announced length removes the upload (413).
 * The last byte turns the upload into an item.
 */
export async function appendChunk(deps: EvidenceDeps, rt: UploadRuntime, who: Who, id: string, offset: number, body: Readable): Promise<ChunkResult> {
  const row = await loadUpload(deps, who, id);
  if (row.state === 'complete') throw new ConflictError('upload_complete', 'This upload is complete.', { itemId: row.item_id });
  const received = Number(row.received);
  const length = Number(row.length);
  if (offset !== received) throw new ConflictError('offset_mismatch', `The upload has ${received} bytes; send from there.`, { offset: received });
  if (rt.busy.has(id)) throw new ConflictError('upload_busy', 'Another chunk of this upload is arriving.');
  rt.busy.add(id);
  try {
    const running = await runningFor(rt, id, received);
    const path = join(rt.dir, id);
    let over = false;
    // One pass: the length check and the running hash per piece, while the previous pieces are
    // being written (streamIntoFile); a piece past the announced length is not written.
    const each = (piece: Buffer) => {
      if (running.hashed + piece.length > length) {
        over = true;
        throw new TooLargeError('upload_over_length', `The upload announced ${length} bytes.`);
      }
      running.hash.update(piece);
      running.hashed += piece.length;
      if (running.head.length < HEAD_BYTES) running.head = Buffer.concat([running.head, piece.subarray(0, HEAD_BYTES - running.head.length)]);
    };
    let broken: unknown = null;
    const fh = await open(path, 'r+');
    try {
      await streamIntoFile(body, fh, received, each);
    } catch (err) {
      broken = err;
    } finally {
      await fh.close();
    }
    if (over) {
      await removeUpload(deps, rt, who, row, 'over the announced length');
      throw new TooLargeError('upload_over_length', `The upload announced ${length} bytes; more arrived, and the upload was removed.`, { length });
    }
    // What is on disk is what counts (a broken connection keeps the bytes that arrived).
    const onDisk = Math.min((await stat(path)).size, length);
    if (running.hashed !== onDisk) rt.running.delete(id);
    const now = deps.now();
    // One statement per chunk: the new offset, and the row as the answer (no second read).
    const updated = await deps.db
      .updateTable('evidence_uploads')
      .set({ received: onDisk, updated_at: now, expires_at: new Date(now.getTime() + deps.settings.uploadExpirySeconds * 1000) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (broken) throw broken;
    if (onDisk < length) {
      return { upload: updated, item: null };
    }
    return { upload: row, item: await complete(deps, rt, who, { ...row, received: onDisk }) };
  } finally {
    rt.busy.delete(id);
  }
}

async function complete(deps: EvidenceDeps, rt: UploadRuntime, who: Who, row: UploadRow): Promise<EvidenceItemRow> {
  const running = await runningFor(rt, row.id, Number(row.received));
  const sha256 = running.hash.digest('hex');
  rt.running.delete(row.id);
  const meta: IngestMeta = {
    owner: row.case_id ? { caseId: row.case_id } : { requestId: row.request_id as string },
    title: row.title,
    description: row.description,
    source: { kind: 'uploaded' },
    filename: row.filename ?? undefined,
    mediaTypeHint: row.media_type_hint ?? undefined,
    marking: (row.marking as IngestMeta['marking']) ?? undefined,
  };
  // The caller's access is checked again: it may have changed while the bytes arrived.
  const prepared = await prepareIngest(deps, who, meta);
  const stored = { sha256, size: Number(row.received), head: running.head };
  await deps.blobs.adopt(join(rt.dir, row.id), stored);
  const item = await recordIngested(deps, who, prepared, meta, stored);
  await deps.db.updateTable('evidence_uploads').set({ state: 'complete', item_id: item.id, updated_at: deps.now() }).where('id', '=', row.id).execute();
  return item;
}

export async function cancelUpload(deps: EvidenceDeps, rt: UploadRuntime, who: Who, id: string): Promise<void> {
  const row = await loadUpload(deps, who, id);
  if (row.state === 'complete') throw new ConflictError('upload_complete', 'This upload is complete.', { itemId: row.item_id });
  if (rt.busy.has(id)) throw new ConflictError('upload_busy', 'A chunk of this upload is arriving.');
  await removeUpload(deps, rt, who, row, 'cancelled');
}

/** Removes open uploads past their expiry (bytes and row); returns how many. */
export async function sweepExpiredUploads(deps: EvidenceDeps, rt: UploadRuntime): Promise<number> {
  const rows = await deps.db.selectFrom('evidence_uploads').selectAll().where('state', '=', 'open').where('expires_at', '<', deps.now()).execute();
  let removed = 0;
  for (const row of rows) {
    if (rt.busy.has(row.id)) continue;
    await removeUpload(deps, rt, { actor: null, requestId: null }, row, 'expired');
    removed++;
  }
  return removed;
}
