// Keeps a node's RegistryIndex current with its database (issue 15). Triggers on the records, their
// hashes, the peers' records and the peers' status write one numbered line per change, numbered in
// commit order (migration 031). Before every query the index reads the counter (one row); if it
// moved, it reads the new lines and reloads only the records they name. A change committed by this
// process, by another process on the same PostgreSQL database, or by hand in SQL is therefore seen
// by the next query, and a record that stopped being public is out of the answer at once.
//
// Built on the first query (a node that never answers a check never holds it); built again from
// scratch if the lines it needs were pruned (a process asleep for more than PRUNE_KEEP changes).
import type { Database } from '@comity/db';
import { listPeers } from '@comity/db/repos/federation-repo';
import type { Kysely } from 'kysely';
import { type RegistryEntry, RegistryIndex } from './registry-index.ts';

const PUBLIC_TLP = 'CLEAR';
/** Ids per query when records are reloaded. */
const CHUNK = 500;
/** Change lines kept for processes that are behind; older ones are deleted now and then. */
export const PRUNE_KEEP = 100_000;

function peerKey(origin: string, recordId: string): string {
  return `${origin}/${recordId}`;
}

async function readGeneration(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('cultural_index_state').select('generation').where('id', '=', 1).executeTakeFirst();
  return Number(row?.generation ?? 0);
}

async function loadLocal(db: Kysely<Database>, ids: readonly string[] | null): Promise<RegistryEntry[]> {
  const out: RegistryEntry[] = [];
  const chunks = ids === null ? [null] : Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_, i) => ids.slice(i * CHUNK, (i + 1) * CHUNK));
  for (const chunk of chunks) {
    if (chunk?.length === 0) continue;
    let rq = db.selectFrom('cultural_objects').select(['id', 'organisation_id', 'marking', 'version', 'search_text']);
    let hq = db.selectFrom('cultural_image_hashes').select(['object_id', 'hash']);
    if (chunk) {
      rq = rq.where('id', 'in', chunk);
      hq = hq.where('object_id', 'in', chunk);
    }
    const [rows, hashes] = await Promise.all([rq.execute(), hq.execute()]);
    const byObject = new Map<string, string[]>();
    for (const h of hashes) {
      const list = byObject.get(h.object_id);
      if (list) list.push(h.hash);
      else byObject.set(h.object_id, [h.hash]);
    }
    for (const r of rows) {
      out.push({ key: r.id, origin: null, organisationId: r.organisation_id, public: r.marking === PUBLIC_TLP, version: r.version, searchText: r.search_text, hashes: byObject.get(r.id) ?? [] });
    }
  }
  return out;
}

/** The records of these peers (all of them if null) while the peer is active; an inactive peer's are none. */
async function loadPeers(db: Kysely<Database>, origins: readonly string[] | null, records?: readonly string[]): Promise<RegistryEntry[]> {
  const active = (await listPeers(db, { status: 'active' })).map((p) => p.node_id).filter((n) => origins === null || origins.includes(n));
  if (active.length === 0) return [];
  let rq = db.selectFrom('cultural_federated_records').select(['origin_node_id', 'record_id', 'version', 'search_text']).where('origin_node_id', 'in', active);
  let iq = db.selectFrom('cultural_federated_images').select(['origin_node_id', 'record_id', 'hashes']).where('origin_node_id', 'in', active);
  if (records) {
    if (records.length === 0) return [];
    rq = rq.where('record_id', 'in', records);
    iq = iq.where('record_id', 'in', records);
  }
  const [rows, images] = await Promise.all([rq.execute(), iq.execute()]);
  const byRecord = new Map<string, string[]>();
  for (const i of images) {
    const key = peerKey(i.origin_node_id, i.record_id);
    const list = byRecord.get(key) ?? [];
    list.push(...(i.hashes as string[]));
    byRecord.set(key, list);
  }
  return rows.map((r) => {
    const key = peerKey(r.origin_node_id, r.record_id);
    return { key, origin: r.origin_node_id, organisationId: null, public: true, version: r.version, searchText: r.search_text, hashes: byRecord.get(key) ?? [] };
  });
}

export class RegistrySync {
  index = new RegistryIndex();
  /** Every change line up to this one is in the index (-1: not built). */
  generation = -1;
  rebuilds = 0;
  private lastPrune = 0;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The index with every change committed before this call. A refresh already under way may have
   * read the counter before such a change, so a caller arriving during one waits for the next.
   */
  async current(): Promise<RegistryIndex> {
    await this.sync();
    return this.index;
  }

  private sync(): Promise<void> {
    if (!this.running) {
      this.running = this.refresh().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.sync();
      });
    return this.queued;
  }

  private async rebuild(): Promise<void> {
    // The counter first: a change committed after it is read again later, and reloading is idempotent.
    const generation = await readGeneration(this.db);
    const index = new RegistryIndex();
    for (const e of await loadLocal(this.db, null)) index.put(e);
    for (const e of await loadPeers(this.db, null)) index.put(e);
    this.index = index;
    this.generation = generation;
    this.rebuilds++;
  }

  private async refresh(): Promise<void> {
    if (this.generation < 0) return this.rebuild();
    const now = await readGeneration(this.db);
    if (now === this.generation) return;
    const lines = await this.db.selectFrom('cultural_index_changes').select(['generation', 'key']).where('generation', '>', String(this.generation) as never).orderBy('generation').execute();
    if (lines.length === 0 || Number(lines[0]?.generation) !== this.generation + 1) return this.rebuild();
    const local = new Set<string>();
    const peerRecords = new Map<string, Set<string>>();
    const peers = new Set<string>();
    for (const l of lines) {
      if (l.key.startsWith('peer:')) peers.add(l.key.slice(5));
      else if (l.key.includes('/')) {
        const [origin, record] = l.key.split('/') as [string, string];
        const set = peerRecords.get(origin) ?? new Set<string>();
        set.add(record);
        peerRecords.set(origin, set);
      } else local.add(l.key);
    }
    const ids = [...local];
    const loaded = await loadLocal(this.db, ids);
    for (const id of ids) this.index.remove(id);
    for (const e of loaded) this.index.put(e);
    for (const origin of peers) {
      const fresh = await loadPeers(this.db, [origin]);
      for (const key of this.index.keysOf(origin)) this.index.remove(key);
      for (const e of fresh) this.index.put(e);
      peerRecords.delete(origin);
    }
    for (const [origin, set] of peerRecords) {
      const records = [...set];
      const fresh = await loadPeers(this.db, [origin], records);
      for (const r of records) this.index.remove(peerKey(origin, r));
      for (const e of fresh) this.index.put(e);
    }
    this.generation = Number(lines[lines.length - 1]?.generation);
    if (this.generation - this.lastPrune > PRUNE_KEEP / 10) {
      this.lastPrune = this.generation;
      await this.db.deleteFrom('cultural_index_changes').where('generation', '<', String(this.generation - PRUNE_KEEP) as never).execute();
    }
  }
}

const syncs = new WeakMap<Kysely<Database>, RegistrySync>();

/** The index of the registry in this database, current as of this call (built on first use). */
export function registrySync(db: Kysely<Database>): RegistrySync {
  const had = syncs.get(db);
  if (had) return had;
  const made = new RegistrySync(db);
  syncs.set(db, made);
  return made;
}

export async function currentRegistry(db: Kysely<Database>): Promise<RegistryIndex> {
  return registrySync(db).current();
}
