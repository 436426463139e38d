// The audit anchor: the latest signed checkpoint (tree size and root; before migration 016 the
// number and hash of the last chain entry), kept outside the audit tables so that a log emptied or
// cut short in the database is still caught. It is written after the sequencer's commit, never
// before, so it may lag the log after a crash but never runs ahead of it.
import { readFileSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { type AuditAnchor, parseCheckpointNote, verifyCheckpointSignature } from '@comity/core';
import { type Database, advanceAnchorSecret, latestCheckpoint, readAnchorSecret } from '@comity/db';
import type { Kysely } from 'kysely';
import { type LogKeys, sha256Bytes } from './log-keys.ts';

export interface AuditAnchorStore {
  /** Where the anchor lives, for messages: a file path or "node_secrets". */
  readonly location: string;
  read(): Promise<AuditAnchor | null>;
  /** Moves the anchor forward to `anchor` if it is further than the one kept; never back. */
  advance(anchor: AuditAnchor): Promise<void>;
}

function parseAnchor(text: string): AuditAnchor | null {
  try {
    const v = JSON.parse(text) as { seq?: unknown; hash?: unknown; kind?: unknown };
    if (!(typeof v.seq === 'number' && Number.isSafeInteger(v.seq) && typeof v.hash === 'string')) return null;
    return v.kind === 'checkpoint' ? { seq: v.seq, hash: v.hash, kind: 'checkpoint' } : { seq: v.seq, hash: v.hash };
  } catch {
    return null;
  }
}

/** `<data>/keys/audit-anchor.json`, next to the key files that only the node's account can read. */
export function fileAuditAnchor(dataDir: string): AuditAnchorStore {
  const dir = join(dataDir, 'keys');
  const path = join(dir, 'audit-anchor.json');
  const readNow = (): AuditAnchor | null => {
    try {
      return parseAnchor(readFileSync(path, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  };
  // Appenders in this process take turns (each reads, writes and renames before the next starts);
  // the file work is asynchronous, so the fsync does not stop the node's event loop.
  let turn: Promise<void> = Promise.resolve();
  const write = async (anchor: AuditAnchor): Promise<void> => {
    const kept = readNow();
    // A checkpoint anchor replaces a chain anchor (migration 016) whatever the numbers.
    if (kept && kept.seq >= anchor.seq && (kept.kind === anchor.kind || kept.kind === 'checkpoint')) return;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = `${path}.${process.pid}.tmp`;
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(anchor.kind ? { seq: anchor.seq, hash: anchor.hash, kind: anchor.kind } : { seq: anchor.seq, hash: anchor.hash })}\n`);
      // On disk before the rename, so a crash leaves the old anchor or the new one, never an empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  };
  return {
    location: path,
    read: async () => {
      await turn;
      return readNow();
    },
    advance(anchor) {
      const mine = turn.then(() => write(anchor));
      turn = mine.catch(() => {});
      return mine;
    },
  };
}

/** With COMITY_MASTER_KEY the keys live in the database, and so does the anchor (node_secrets). */
export function databaseAuditAnchor(db: Kysely<Database>, now: () => Date): AuditAnchorStore {
  return {
    location: 'node_secrets',
    read: () => readAnchorSecret(db),
    advance: (anchor) => advanceAnchorSecret(db, anchor, now()),
  };
}

/**
 * At start: moves the anchor up to the latest stored checkpoint when its signature verifies with
 * the node's key, covering anchors lost to a crash between the sequencer's commit and the write.
 * A checkpoint that does not verify moves nothing.
 */
export async function catchUpAuditAnchor(anchor: AuditAnchorStore, db: Kysely<Database>, logKeys: LogKeys): Promise<void> {
  const cp = await latestCheckpoint(db);
  if (!cp) return;
  let valid = false;
  try {
    const note = parseCheckpointNote(cp.note);
    valid = note.size === cp.size && note.root === cp.root && verifyCheckpointSignature(sha256Bytes, logKeys.key, logKeys.verifiers[0]!.verify, note);
  } catch {
    valid = false;
  }
  if (valid) await anchor.advance({ seq: cp.size, hash: cp.root, kind: 'checkpoint' });
}
