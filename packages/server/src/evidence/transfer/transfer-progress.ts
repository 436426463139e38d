// How far the chunks of each outgoing transfer are, on this node while the delivery worker sends
// them (memory only: after a restart the next attempt asks the peer again what it lacks).
const progress = new Map<string, { have: number; count: number }>();

/** The peer holds `have` of `count` chunks (its answer to the status call). */
export function transferStarted(transferId: string, have: number, count: number): void {
  progress.set(transferId, { have, count });
}

/** One more chunk taken by the peer. */
export function chunkTaken(transferId: string): void {
  const p = progress.get(transferId);
  if (p) p.have = Math.min(p.count, p.have + 1);
}

export function transferEnded(transferId: string): void {
  progress.delete(transferId);
}

/** Percent of the chunks the peer holds, or null when nothing is being sent now. */
export function transferProgress(transferId: string): number | null {
  const p = progress.get(transferId);
  if (!p) return null;
  return p.count === 0 ? 100 : Math.floor((100 * p.have) / p.count);
}
