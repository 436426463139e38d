// A short-lived memo of valid credentials (API token or session → who is calling), so that an
// authenticated request does not read the token or session row and the user row every time.
//
// Revocation stays immediate in this process: every audited change to an account (sign-in,
// sign-out, password change, disable/enable, profile, token revocation — anything audited on
// `user:<id>`, which publishes an `account` live event after its commit) empties the memo before
// the change's answer is sent, and a lookup that began before such a change may not store what it
// read (the generation check below), so an answer read from the old rows can never come back.
// Only valid credentials are kept; a session is also checked against its own expiry on every use.
// A change made by another process on a shared PostgreSQL (an offline `comity user disable`) is not
// heard here and takes effect within TTL_MS.
import type { Actor } from '../deps.ts';
import type { Database } from '@comity/db';
import type { Kysely } from 'kysely';
import { liveEventsOf } from '../events/live-events.ts';

/** How long a credential is trusted without reading it again. */
export const CREDENTIAL_TTL_MS = 5_000;
/** Above this many entries the memo starts again from empty (a flood of distinct credentials). */
const MAX_ENTRIES = 10_000;

export interface CachedCredential {
  actor: Actor;
  /** Milliseconds (the node's clock) when the rows were read. */
  readAt: number;
  /** Token: its id and when its use was last recorded. */
  tokenId?: string;
  lastUsedAt?: number;
  /** Session: when it expires and was last seen (both slide, at most once a minute). */
  expiresAt?: number;
  lastSeenAt?: number;
}

export class CredentialCache {
  private readonly entries = new Map<string, CachedCredential>();
  private generation = 0;

  /** A credential read less than TTL_MS ago, or undefined. */
  get(key: string, now: number): CachedCredential | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now - e.readAt >= CREDENTIAL_TTL_MS || now < e.readAt) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** Call before reading the rows; pass the result to `put`. */
  begin(): number {
    return this.generation;
  }

  /** Keeps what a lookup read, unless an account changed since that lookup began. */
  put(key: string, entry: CachedCredential, begunAt: number): void {
    if (begunAt !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, entry);
  }

  /** Forgets every credential (an account changed) and refuses what lookups in flight read. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<object, CredentialCache>();

/** The node's credential memo (one per database handle, like the live-event bus), emptied by every
 * `account` live event. */
export function credentialCacheOf(db: Kysely<Database>): CredentialCache {
  let cache = caches.get(db);
  if (!cache) {
    const created = new CredentialCache();
    liveEventsOf(db).subscribe((events) => {
      if (events.some((e) => e.kind === 'account')) created.clear();
    });
    caches.set(db, created);
    cache = created;
  }
  return cache;
}
