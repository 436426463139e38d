// Live events: what changed, told to the browsers that show it, only after the change committed.
// Writers queue an event on their transaction (`queueLiveEvent(trx, …)`); the code that runs the
// transaction (`runWithLiveEvents`) publishes the queue on the node's in-process bus once the
// commit succeeded, and drops it on a rollback. The bus is per database handle, so several nodes
// in one process (tests, the demo) each have their own. One node = one process: a bus in memory
// is enough; several processes behind one database would need PostgreSQL LISTEN/NOTIFY instead.
import { can, canSeeOrganisation, type Role } from '@comity/core';
import type { Database } from '@comity/db';
import type { Kysely } from 'kysely';

/**
 * Events carry identifiers only, never content: a browser that hears one reads the record again
 * through the API, with that API's own access checks.
 */
export type LiveEvent =
  /** A request (its state, timeline, files or flags) changed; readers are its organisation and node-wide roles. */
  | { kind: 'request'; requestId: string; organisationId: string }
  /**
   * A case (its details, team or linked requests) changed. Readers are its team (as it was and is,
   * so a removed member's page learns it), its organisation's supervisors, and node administrators
   * when the case's marking lets someone outside the organisation read it (`openToAdmins`, asked of
   * `decide` when the event is queued).
   */
  | { kind: 'case'; caseId: string; organisationId: string; teamUserIds: readonly string[]; openToAdmins: boolean }
  /** New notifications for these users. */
  | { kind: 'notification'; userIds: readonly string[] }
  /** A web capture's progress (a URL queued, running, captured or failed); heard by the user who started it. */
  | { kind: 'capture'; captureId: string; userIds: readonly string[] }
  /** Something about this account changed (signed out, password, role, disabled): its streams re-check their credentials. */
  | { kind: 'account'; userId: string };

export type LiveListener = (events: readonly LiveEvent[]) => void;

export class LiveEventBus {
  private readonly listeners = new Set<LiveListener>();

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  publish(events: readonly LiveEvent[]): void {
    if (events.length === 0) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(events);
      } catch (err) {
        // One broken stream must not keep the others from hearing.
        process.emitWarning(`live event listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}

const buses = new WeakMap<object, LiveEventBus>();
const pending = new WeakMap<object, LiveEvent[]>();

/** The node's bus (one per database handle). */
export function liveEventsOf(db: Kysely<Database>): LiveEventBus {
  let bus = buses.get(db);
  if (!bus) {
    bus = new LiveEventBus();
    buses.set(db, bus);
  }
  return bus;
}

/** Queues an event on the transaction; published if and when it commits. Outside `runWithLiveEvents` it is dropped. */
export function queueLiveEvent(trx: Kysely<Database>, event: LiveEvent): void {
  pending.get(trx)?.push(event);
}

/** Runs `work` in one transaction of `db`, then publishes the events it queued. */
export async function runWithLiveEvents<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  const events: LiveEvent[] = [];
  const result = await db.transaction().execute(async (trx) => {
    pending.set(trx, events);
    try {
      return await work(trx);
    } finally {
      pending.delete(trx);
    }
  });
  liveEventsOf(db).publish(events);
  return result;
}

/** May this reader hear about this event? The same rule as reading the record. */
export function mayHear(reader: { userId: string; role: Role; organisationId: string }, event: LiveEvent): boolean {
  switch (event.kind) {
    case 'request':
      return can(reader.role, 'request:read') && canSeeOrganisation(reader, event.organisationId);
    case 'case':
      if (!can(reader.role, 'case:read')) return false;
      if (reader.organisationId === event.organisationId && (reader.role === 'supervisor' || event.teamUserIds.includes(reader.userId))) return true;
      return reader.role === 'admin' && event.openToAdmins;
    case 'notification':
      return event.userIds.includes(reader.userId);
    case 'capture':
      return event.userIds.includes(reader.userId);
    case 'account':
      return event.userId === reader.userId;
    default: {
      const never: never = event;
      return never;
    }
  }
}
