// The node-resident index of the stolen cultural property registry (issue 15): every record's
// perceptual hashes (local records and the public records active peers published here), whether
// it is public, its organisation, its version and its words, held in memory so that a public check
// or an investigator's photo search scans typed arrays instead of reading every hash from the
// database. The class here is pure (no database): `registry-sync.ts` builds it and keeps it current
// from the change lines the database's triggers write (migration 031), before every query.
//
// What the index decides: which records are near a photo, which public records hold a check's
// words, and the public set's size and digest for the receipt. What it does not decide: whether
// an investigator may read a record (the release policy, `decideRecord`, on the rows the database
// returns) and what a match shows (read from the database, still public, when the answer is made).
import { HashIndex } from '@comity/core/cultural/phash';
import { sha256Hex } from '../identity/crypto-adapters.ts';

export interface RegistryEntry {
  /** A local record's id, or 'origin-node/record-id' for a record a peer published here. */
  key: string;
  /** The peer that published it; null for this node's own records. */
  origin: string | null;
  /** The holding organisation of a local record; null for a peer's. */
  organisationId: string | null;
  /** Shown by the public check: a local TLP:CLEAR record, or a record of an active peer. */
  public: boolean;
  version: number;
  /** The record's normalised search text (see normaliseText). */
  searchText: string;
  hashes: readonly string[];
}

export interface PublicSetSummary {
  count: number;
  digest: string;
  peers: { nodeId: string; records: number }[];
}

/** Words a check can match: the query keeps words of three letters or more, so only those are indexed. */
function indexedWords(searchText: string): string[] {
  return [...new Set(searchText.split(' ').filter((w) => w.length >= 3))];
}

export class RegistryIndex {
  private readonly entries = new Map<string, RegistryEntry>();
  private readonly hashes = new HashIndex();
  /** Word → keys of the public records holding it. */
  private readonly words = new Map<string, Set<string>>();
  private summary: PublicSetSummary | null = null;
  /**
   * Keys of the public records in the order of `registryDigest` (code units), kept sorted one change
   * at a time once built, so a change does not cost a sort of the whole public set; null until the
   * first summary (a bulk build then sorts once).
   */
  private sortedPublic: string[] | null = null;

  get records(): number {
    return this.entries.size;
  }

  get hashCount(): number {
    return this.hashes.size;
  }

  get(key: string): RegistryEntry | undefined {
    return this.entries.get(key);
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Adds or replaces a record (its hashes, words and public flag as given). */
  put(entry: RegistryEntry): void {
    this.remove(entry.key);
    this.entries.set(entry.key, entry);
    for (const h of entry.hashes) this.hashes.add(h, entry.key);
    if (entry.public) {
      for (const w of indexedWords(entry.searchText)) {
        const set = this.words.get(w);
        if (set) set.add(entry.key);
        else this.words.set(w, new Set([entry.key]));
      }
      if (this.sortedPublic) this.sortedPublic.splice(lowerBound(this.sortedPublic, entry.key), 0, entry.key);
      this.summary = null;
    }
  }

  /** Takes a record out (nothing if it is not held). */
  remove(key: string): void {
    const had = this.entries.get(key);
    if (!had) return;
    this.entries.delete(key);
    this.hashes.remove(key);
    if (had.public) {
      for (const w of indexedWords(had.searchText)) {
        const set = this.words.get(w);
        set?.delete(key);
        if (set?.size === 0) this.words.delete(w);
      }
      if (this.sortedPublic) this.sortedPublic.splice(lowerBound(this.sortedPublic, key), 1);
      this.summary = null;
    }
  }

  /** Keys of every record a peer published here. */
  keysOf(origin: string): string[] {
    return [...this.entries.values()].filter((e) => e.origin === origin).map((e) => e.key);
  }

  /** Records with a photo within `maxDistance` of `hash` that `accept` takes, nearest first: key → distance. */
  nearPhoto(hash: string, maxDistance: number, limit: number, accept: (e: RegistryEntry) => boolean): Map<string, number> {
    const hits = this.hashes.search([hash], maxDistance, limit, (key) => {
      const e = this.entries.get(key);
      return e !== undefined && accept(e);
    });
    return new Map(hits.map((h) => [h.owner, h.distance]));
  }

  /** Public records holding at least `share` of the (distinct, three letters or more) words: key → share held. */
  publicTextMatches(words: readonly string[], share: number): Map<string, number> {
    const out = new Map<string, number>();
    if (words.length === 0) return out;
    const counts = new Map<string, number>();
    for (const w of new Set(words)) for (const key of this.words.get(w) ?? []) counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const [key, n] of counts) {
      const s = n / words.length;
      if (s >= share) out.set(key, Math.round(s * 1000) / 1000);
    }
    return out;
  }

  /**
   * How many records the public check covers, their digest for the receipt, and the count per peer
   * (computed once per change). The digest is `registryDigest` of the public `[key, version]` list
   * (RFC 8785 JSON of the sorted list, SHA-256), written here without a sort or a generic serialiser:
   * keys are UUIDs or 'node-<hex>/<uuid>', which JSON writes as they are (registry-index.test.ts
   * compares the two).
   */
  publicSet(): PublicSetSummary {
    if (this.summary) return this.summary;
    if (!this.sortedPublic) {
      this.sortedPublic = [];
      for (const e of this.entries.values()) if (e.public) this.sortedPublic.push(e.key);
      this.sortedPublic.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    const parts: string[] = new Array(this.sortedPublic.length);
    const peers = new Map<string, number>();
    for (let i = 0; i < this.sortedPublic.length; i++) {
      const e = this.entries.get(this.sortedPublic[i] as string) as RegistryEntry;
      parts[i] = `[${JSON.stringify(e.key)},${e.version}]`;
      if (e.origin) peers.set(e.origin, (peers.get(e.origin) ?? 0) + 1);
    }
    this.summary = {
      count: parts.length,
      digest: sha256Hex(`[${parts.join(',')}]`),
      peers: [...peers].sort(([a], [b]) => (a < b ? -1 : 1)).map(([nodeId, records]) => ({ nodeId, records })),
    };
    return this.summary;
  }
}

/** First position in a sorted list whose value is not below `key`. */
function lowerBound(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
