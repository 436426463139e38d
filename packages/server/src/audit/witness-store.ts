// What peers witnessed of each other: the co-signatures peers returned for our checkpoints, and
// the checkpoints of each peer this node verified and co-signed.
import type { Database } from '@comity/db';
import type { Kysely } from 'kysely';

export interface CosignatureView {
  peerNodeId: string;
  line: string;
  receivedAt: string;
}

export async function cosignaturesOf(db: Kysely<Database>, checkpointIds: readonly number[]): Promise<Map<number, CosignatureView[]>> {
  const out = new Map<number, CosignatureView[]>();
  if (checkpointIds.length === 0) return out;
  const rows = await db.selectFrom('audit_cosignatures').selectAll().where('checkpoint_id', 'in', [...checkpointIds]).orderBy('received_at').execute();
  for (const r of rows) {
    const list = out.get(Number(r.checkpoint_id)) ?? [];
    list.push({ peerNodeId: r.peer_node_id, line: r.line, receivedAt: new Date(r.received_at).toISOString() });
    out.set(Number(r.checkpoint_id), list);
  }
  return out;
}

export async function recordCosignature(db: Kysely<Database>, c: { checkpointId: number; peerNodeId: string; line: string; at: Date }): Promise<void> {
  await db
    .insertInto('audit_cosignatures')
    .values({ checkpoint_id: c.checkpointId, peer_node_id: c.peerNodeId, line: c.line, received_at: c.at })
    .onConflict((oc) => oc.columns(['checkpoint_id', 'peer_node_id']).doUpdateSet({ line: c.line, received_at: c.at }))
    .execute();
}

export interface WitnessedRow {
  peerNodeId: string;
  size: number;
  root: string;
  note: string;
  cosignature: string;
  witnessedAt: string;
}

function toWitnessed(r: { peer_node_id: string; size: number; root: string; note: string; cosignature: string; witnessed_at: Date | string }): WitnessedRow {
  return { peerNodeId: r.peer_node_id, size: Number(r.size), root: r.root, note: r.note, cosignature: r.cosignature, witnessedAt: new Date(r.witnessed_at).toISOString() };
}

/** The latest checkpoint of `peer` this node witnessed (null before the first). */
export async function latestWitnessed(db: Kysely<Database>, peerNodeId: string): Promise<WitnessedRow | null> {
  const r = await db.selectFrom('audit_witnessed').selectAll().where('peer_node_id', '=', peerNodeId).orderBy('size', 'desc').limit(1).executeTakeFirst();
  return r ? toWitnessed(r) : null;
}

/** Every checkpoint of `peer` this node witnessed, newest first (what the peer can ask back). */
export async function witnessedOf(db: Kysely<Database>, peerNodeId: string, limit = 100): Promise<WitnessedRow[]> {
  const rows = await db.selectFrom('audit_witnessed').selectAll().where('peer_node_id', '=', peerNodeId).orderBy('size', 'desc').limit(limit).execute();
  return rows.map(toWitnessed);
}

export async function recordWitnessed(db: Kysely<Database>, w: Omit<WitnessedRow, 'witnessedAt'> & { at: Date }): Promise<void> {
  await db
    .insertInto('audit_witnessed')
    .values({ peer_node_id: w.peerNodeId, size: w.size, root: w.root, note: w.note, cosignature: w.cosignature, witnessed_at: w.at })
    .onConflict((oc) => oc.columns(['peer_node_id', 'size']).doNothing())
    .execute();
}
