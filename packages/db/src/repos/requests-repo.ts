// Requests, their timelines and attachments, reference counters, service levels and notifications.
// Plain functions over a Kysely handle; callers pass a transaction when the change must be atomic.
import { type Insertable, type Kysely, type Selectable, type Updateable, sql } from 'kysely';
import type {
  Database,
  NotificationsTable,
  RequestAttachmentsTable,
  RequestEventsTable,
  RequestsTable,
  ServiceLevelsTable,
} from '../schema.ts';

export type RequestRow = Selectable<RequestsTable>;
export type RequestEventRow = Selectable<RequestEventsTable>;
export type RequestAttachmentRow = Selectable<RequestAttachmentsTable>;
export type ServiceLevelRow = Selectable<ServiceLevelsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type RequestUpdate = Updateable<RequestsTable>;

/** The next number in an organisation's series (e.g. OUT-2025): atomic under concurrent creation. */
export async function nextReferenceNumber(trx: Kysely<Database>, organisationId: string, prefix: string): Promise<number> {
  const row = await trx
    .insertInto('request_counters')
    .values({ organisation_id: organisationId, prefix, next: 1 })
    .onConflict((oc) => oc.columns(['organisation_id', 'prefix']).doUpdateSet({ next: sql`request_counters.next + 1` }))
    .returning('next')
    .executeTakeFirstOrThrow();
  return row.next;
}

export async function insertRequest(trx: Kysely<Database>, row: Insertable<RequestsTable>): Promise<RequestRow> {
  return trx.insertInto('requests').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findRequest(db: Kysely<Database>, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the row for the rest of the transaction (PostgreSQL), so concurrent transitions queue. */
export async function findRequestForUpdate(trx: Kysely<Database>, id: string): Promise<RequestRow | undefined> {
  return trx.selectFrom('requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findConversationRecord(
  trx: Kysely<Database>,
  conversationId: string,
  side: 'requesting' | 'requested',
  organisationId?: string | null,
): Promise<RequestRow | undefined> {
  let q = trx.selectFrom('requests').selectAll().where('conversation_id', '=', conversationId).where('side', '=', side);
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return q.forUpdate().executeTakeFirst();
}

/**
 * Updates a request and bumps its version. With `expectedVersion`, only when the stored version
 * is that one (optimistic locking); returns undefined when it is not.
 */
export async function updateRequest(
  trx: Kysely<Database>,
  id: string,
  expectedVersion: number | null,
  set: RequestUpdate,
): Promise<RequestRow | undefined> {
  let q = trx
    .updateTable('requests')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export interface RequestFilter {
  /** Only this organisation's records; undefined = every organisation (node administrators). */
  organisationId?: string | undefined;
  states?: string[] | undefined;
  type?: string | undefined;
  side?: string | undefined;
  counterpartState?: string | undefined;
  q?: string | undefined;
  overdue?: boolean | undefined;
  /** The approval queue: awaiting approval and not drafted, edited or submitted by this user. */
  approvableBy?: string | undefined;
  /** Drafts this user created or last edited (the worklist). */
  draftsOf?: string | undefined;
  /** Only these records (the worklist's answers received). */
  ids?: readonly string[] | undefined;
  limit: number;
  offset: number;
}

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, (c) => `\\${c}`);
}

export async function listRequests(db: Kysely<Database>, f: RequestFilter): Promise<{ rows: RequestRow[]; total: number }> {
  let q = db.selectFrom('requests');
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.states?.length) q = q.where('state', 'in', f.states);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.side) q = q.where('side', '=', f.side);
  if (f.counterpartState) {
    const c = f.counterpartState;
    q = q.where((eb) =>
      eb.or([eb.and([eb('side', '=', 'requesting'), eb('requested_state', '=', c)]), eb.and([eb('side', '=', 'requested'), eb('requesting_state', '=', c)])]),
    );
  }
  if (f.q?.trim()) {
    const like = `%${escapeLike(f.q.trim().toLowerCase())}%`;
    q = q.where((eb) =>
      eb.or([eb(sql`lower(reference)`, 'like', like), eb(sql`lower(title)`, 'like', like), eb(sql`lower(content::text)`, 'like', like)]),
    );
  }
  if (f.overdue !== undefined) q = f.overdue ? q.where(sql<boolean>`jsonb_array_length(overdue) > 0`) : q.where(sql<boolean>`jsonb_array_length(overdue) = 0`);
  if (f.approvableBy) {
    const u = f.approvableBy;
    q = q
      .where('state', '=', 'awaiting-approval')
      .where((eb) =>
        eb.and([
          eb.or([eb('created_by', 'is', null), eb('created_by', '!=', u)]),
          eb.or([eb('submitted_by', 'is', null), eb('submitted_by', '!=', u)]),
          eb.or([eb('last_edited_by', 'is', null), eb('last_edited_by', '!=', u)]),
        ]),
      );
  }
  if (f.draftsOf) {
    const u = f.draftsOf;
    q = q.where('state', '=', 'draft').where((eb) => eb.or([eb('created_by', '=', u), eb('last_edited_by', '=', u)]));
  }
  if (f.ids) {
    if (f.ids.length === 0) return { rows: [], total: 0 };
    q = q.where('id', 'in', [...f.ids]);
  }
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}

export async function insertRequestEvent(trx: Kysely<Database>, e: Insertable<RequestEventsTable>): Promise<void> {
  await trx.insertInto('request_events').values(e).execute();
}

export async function listRequestEvents(db: Kysely<Database>, requestId: string): Promise<RequestEventRow[]> {
  return db.selectFrom('request_events').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
}

export async function insertAttachment(trx: Kysely<Database>, a: Insertable<RequestAttachmentsTable>): Promise<RequestAttachmentRow> {
  return trx.insertInto('request_attachments').values(a).returningAll().executeTakeFirstOrThrow();
}

export async function listAttachments(db: Kysely<Database>, requestId: string): Promise<RequestAttachmentRow[]> {
  return db.selectFrom('request_attachments').selectAll().where('request_id', '=', requestId).orderBy('uploaded_at').orderBy('id').execute();
}

/** Marks files as sent with an answer (or the transmission); returns those that were waiting. */
export async function markAttachmentsSent(trx: Kysely<Database>, requestId: string, ids: readonly string[], sentWith: string, at: Date): Promise<RequestAttachmentRow[]> {
  if (ids.length === 0) return [];
  return trx
    .updateTable('request_attachments')
    .set({ sent_with: sentWith, sent_at: at })
    .where('request_id', '=', requestId)
    .where('id', 'in', [...ids])
    .where('sent_with', 'is', null)
    .returningAll()
    .execute();
}

export async function findAttachment(db: Kysely<Database>, requestId: string, id: string): Promise<RequestAttachmentRow | undefined> {
  return db.selectFrom('request_attachments').selectAll().where('request_id', '=', requestId).where('id', '=', id).executeTakeFirst();
}

/** Open requests the deadline job looks at: transmitted and not closed. */
export async function openTransmittedRequests(db: Kysely<Database>, limit = 5000): Promise<RequestRow[]> {
  return db
    .selectFrom('requests')
    .selectAll()
    .where('closed_at', 'is', null)
    .where('transmitted_at', 'is not', null)
    .orderBy('transmitted_at')
    .limit(limit)
    .execute();
}

export interface StatisticsFilter {
  organisationId?: string | undefined;
  side: 'requesting' | 'requested';
  from?: string | undefined;
  to?: string | undefined;
  type?: string | undefined;
}

export async function statisticsRows(db: Kysely<Database>, f: StatisticsFilter): Promise<RequestRow[]> {
  let q = db.selectFrom('requests').selectAll().where('side', '=', f.side);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.from) q = q.where('created_at', '>=', new Date(`${f.from}T00:00:00Z`));
  if (f.to) q = q.where('created_at', '<', new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000));
  return q.execute();
}

export async function upsertServiceLevel(trx: Kysely<Database>, row: Insertable<ServiceLevelsTable>): Promise<ServiceLevelRow> {
  return trx
    .insertInto('service_levels')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'counterpart']).doUpdateSet({
        acknowledge_days: row.acknowledge_days,
        execute_days: row.execute_days,
        reminder_days: row.reminder_days,
        updated_at: row.updated_at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listServiceLevels(db: Kysely<Database>, organisationId?: string): Promise<ServiceLevelRow[]> {
  let q = db.selectFrom('service_levels').selectAll();
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return q.orderBy('organisation_id').orderBy('counterpart').execute();
}

export async function deleteServiceLevel(trx: Kysely<Database>, organisationId: string, counterpart: string): Promise<boolean> {
  const r = await trx.deleteFrom('service_levels').where('organisation_id', '=', organisationId).where('counterpart', '=', counterpart).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function insertNotifications(trx: Kysely<Database>, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('notifications').values(rows).execute();
}

export async function listNotifications(
  db: Kysely<Database>,
  userId: string,
  f: { unread?: boolean | undefined; limit: number },
): Promise<{ rows: NotificationRow[]; unread: number }> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (f.unread) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(f.limit).execute();
  const unread = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { rows, unread: Number(unread.n) };
}

export async function markNotificationRead(trx: Kysely<Database>, userId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
  const row = await trx.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row || row.read_at) return row;
  return trx.updateTable('notifications').set({ read_at: at }).where('id', '=', id).returningAll().executeTakeFirst();
}
