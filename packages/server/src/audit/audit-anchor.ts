// The audit anchor: the sequence number and hash of the last committed entry, kept outside the
// audit tables so that a trail emptied or cut short in the database is still caught. It is written
// after commit, never before, so it may lag the trail after a crash but never runs ahead of it.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type AuditAnchor, type Verifier, headSigningText } from '@comity/core';
import { type Database, advanceAnchorSecret, readAnchorSecret, readAuditHead } from '@comity/db';
import type { Kysely } from 'kysely';

export interface AuditAnchorStore {
  /** Where the anchor lives, for messages: a file path or "node_secrets". */
  readonly location: string;
  read(): Promise<AuditAnchor | null>;
  /** Moves the anchor forward to `anchor` if it is further than the one kept; never back. */
  advance(anchor: AuditAnchor): Promise<void>;
}

function parseAnchor(text: string): AuditAnchor | null {
  try {
    const v = JSON.parse(text) as { seq?: unknown; hash?: unknown };
    return typeof v.seq === 'number' && Number.isSafeInteger(v.seq) && typeof v.hash === 'string' ? { seq: v.seq, hash: v.hash } : null;
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
  return {
    location: path,
    read: async () => readNow(),
    async advance(anchor) {
      // Synchronous from read to rename: two appenders in this process cannot interleave here.
      const kept = readNow();
      if (kept && kept.seq >= anchor.seq) return;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = `${path}.${process.pid}.tmp`;
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, `${JSON.stringify({ seq: anchor.seq, hash: anchor.hash })}\n`);
        // On disk before the rename, so a crash leaves the old anchor or the new one, never an empty file.
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, path);
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
 * At start: moves the anchor up to the database's signed head when that head verifies with the
 * node's key, covering entries appended outside `auditedTransaction` (key rotation, background
 * jobs) and anchors lost to a crash. A head that does not verify moves nothing.
 */
export async function catchUpAuditAnchor(anchor: AuditAnchorStore, db: Kysely<Database>, verifier: Verifier): Promise<void> {
  const head = await readAuditHead(db);
  if (!head) return;
  if (verifier.verify(headSigningText(head.seq, head.hash), head.signature)) await anchor.advance({ seq: head.seq, hash: head.hash });
}
