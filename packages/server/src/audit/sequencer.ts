// The audit sequencer: gives unsequenced entries their tree positions in batches, stores the
// complete subtrees they complete, and signs one checkpoint per batch, all in one transaction that
// holds the log state row (one sequencer at a time, writers never wait for it). A crash before its
// commit leaves the entries unsequenced, and the next pass (at the latest when the node opens its
// store again) takes them up: nothing committed is lost. After the commit the audit anchor moves
// to the new checkpoint (size and root).
import { Frontier, auditLeafHash, completeSubtrees, emptyRoot, signCheckpoint } from '@comity/core';
import { type Database, type StoredCheckpointRow, lockLogState, pendingAudit, readSubtrees, recordSequencedBatch } from '@comity/db';
import type { Kysely } from 'kysely';
import type { AuditAnchorStore } from './audit-anchor.ts';
import { type LogKeys, sha256Bytes } from './log-keys.ts';

export interface SequencerDeps {
  db: Kysely<Database>;
  logKeys: LogKeys;
  now: () => Date;
  auditAnchor?: AuditAnchorStore | undefined;
}

const BATCH = 5000;

export class AuditTreeDamagedError extends Error {}

/** One batch (up to 5000 entries); returns its checkpoint, or null when nothing was pending. */
export async function sequenceBatch(deps: SequencerDeps, opts: { sign?: 'always' } = {}): Promise<StoredCheckpointRow | null> {
  const h = sha256Bytes;
  const checkpoint = await deps.db.transaction().execute(async (trx) => {
    const state = await lockLogState(trx, emptyRoot(h));
    const pending = await pendingAudit(trx, BATCH);
    if (pending.length === 0 && opts.sign !== 'always') return null;
    const edgeIds = completeSubtrees(0, state.size);
    const stored = await readSubtrees(trx, edgeIds);
    const edge = edgeIds.map((id) => ({ ...id, hash: stored.get(`${id.level}/${id.index}`) ?? '' }));
    if (edge.some((e) => e.hash === '')) {
      throw new AuditTreeDamagedError(`the stored audit tree of size ${state.size} lacks nodes of its right edge; entries stay unsequenced until \`comity audit verify\` is looked at`);
    }
    const frontier = new Frontier(h, state.size, edge);
    const nodes: ReturnType<Frontier['append']> = [];
    const positions: { seq: number; leafIndex: number }[] = [];
    for (const e of pending) {
      positions.push({ seq: e.seq, leafIndex: frontier.size });
      nodes.push(...frontier.append(auditLeafHash(h, e)));
    }
    const root = frontier.root();
    const at = deps.now().toISOString();
    const note = signCheckpoint(h, deps.logKeys.key, deps.logKeys.sign, { origin: deps.logKeys.origin, size: frontier.size, root, time: at });
    return recordSequencedBatch(trx, { positions, nodes, size: frontier.size, root, checkpoint: { at, keyId: deps.logKeys.key.publicKey, note } });
  });
  if (checkpoint && deps.auditAnchor) {
    await deps.auditAnchor.advance({ seq: checkpoint.size, hash: checkpoint.root, kind: 'checkpoint' }).catch((err: unknown) => {
      process.emitWarning(`audit anchor not updated at ${deps.auditAnchor?.location}: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
  return checkpoint;
}

/** Sequences everything pending now; returns the last checkpoint signed (null when none was needed). */
export async function sequencePending(deps: SequencerDeps): Promise<StoredCheckpointRow | null> {
  let last: StoredCheckpointRow | null = null;
  for (;;) {
    const cp = await sequenceBatch(deps);
    if (!cp) return last;
    last = cp;
  }
}

export interface AuditSequencer {
  /** An entry was committed: sequence it soon (batched with whatever else comes meanwhile). */
  nudge(): void;
  /** Sequences everything pending now and waits for it. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The background sequencer of a running node: a nudge after each audited commit schedules a pass
 * after `batchMs` (so concurrent writers share a batch), and a sweep every `delayMs` picks up
 * entries committed by other processes. Passes never overlap.
 */
export function startAuditSequencer(deps: SequencerDeps, opts: { delayMs: number }): AuditSequencer {
  const batchMs = Math.max(5, Math.min(100, Math.floor(opts.delayMs / 4)));
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  const pass = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await sequencePending(deps);
        } catch (err) {
          if (!closed) process.emitWarning(`audit sequencer: ${err instanceof Error ? err.message : String(err)}`);
        }
      } while (again && !closed);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const sweep = setInterval(() => void pass(), opts.delayMs);
  sweep.unref();
  return {
    nudge() {
      if (closed || timer) return;
      timer = setTimeout(() => {
        timer = null;
        void pass();
      }, batchMs);
      timer.unref();
    },
    async flush() {
      if (running) await running;
      await pass();
    },
    async close() {
      closed = true;
      clearInterval(sweep);
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
}
