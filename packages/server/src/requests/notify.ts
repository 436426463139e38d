// Notifications: who hears about what happens to a request. Written in the transaction of the
// change they report, so a reminder is never lost nor raised for a change that did not commit.
import { randomUUID } from 'node:crypto';
import type { Database } from '@comity/db';
import { listUsers } from '@comity/db';
import { insertNotifications, type RequestRow } from '@comity/db/repos/requests-repo';
import type { Kysely } from 'kysely';
import { queueLiveEvent } from '../events/live-events.ts';

export const NOTIFICATION_KINDS = [
  'incoming-request',
  'approval-requested',
  'status-changed',
  'acknowledgement-overdue',
  'execution-overdue',
  'deadline-approaching',
  'deadline-passed',
  'evidence-download-requested',
  'hit-recorded',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const HANDLERS = new Set(['supervisor', 'practitioner']);

/** Active users of an organisation who handle requests (optionally only some roles). */
export async function handlersOf(db: Kysely<Database>, organisationId: string, roles: ReadonlySet<string> = HANDLERS): Promise<string[]> {
  const users = await listUsers(db, { organisationId });
  return users.filter((u) => !u.disabled && roles.has(u.role)).map((u) => u.id);
}

/**
 * The people concerned by a request on this side: on the requesting side whoever drafted,
 * submitted or approved it; on the requested side whoever acted on it. When nobody did yet (or
 * they left), every handler of the organisation.
 */
export async function concernedUsers(db: Kysely<Database>, row: RequestRow): Promise<string[]> {
  const handlers = new Set(await handlersOf(db, row.organisation_id));
  const involved = new Set<string>();
  for (const id of [row.created_by, row.submitted_by, row.approved_by, row.last_edited_by]) if (id) involved.add(id);
  if (row.side === 'requested') {
    const acted = await db
      .selectFrom('request_events')
      .select('actor_id')
      .distinct()
      .where('request_id', '=', row.id)
      .where('origin', '=', 'own')
      .where('actor_id', 'is not', null)
      .execute();
    for (const a of acted) if (a.actor_id) involved.add(a.actor_id);
  }
  const present = [...involved].filter((id) => handlers.has(id));
  return present.length > 0 ? present : [...handlers];
}

/**
 * What a notification says: a stable code with its parameters (the web renders
 * notifications.message.<code> in the reader's language) and the English text for everyone else.
 * Parameters hold data, not prose: references, names, state and action ids, dates.
 */
export interface NotificationText {
  code: string;
  params: Record<string, string | number | null>;
  text: string;
}

export async function notify(
  trx: Kysely<Database>,
  now: Date,
  n: { userIds: readonly string[]; organisationId: string; requestId: string | null; kind: NotificationKind; message: NotificationText },
): Promise<void> {
  await insertNotifications(
    trx,
    [...new Set(n.userIds)].map((userId) => ({
      id: randomUUID(),
      user_id: userId,
      organisation_id: n.organisationId,
      request_id: n.requestId,
      kind: n.kind,
      message: n.message.text,
      code: n.message.code,
      params: JSON.stringify(n.message.params),
      created_at: now,
      read_at: null,
    })),
  );
  if (n.userIds.length > 0) queueLiveEvent(trx, { kind: 'notification', userIds: [...new Set(n.userIds)] });
}

/** The request as notifications name it: reference and (shortened) subject. */
export function requestParams(row: Pick<RequestRow, 'reference' | 'title'>): { reference: string; subject: string | null } {
  return { reference: row.reference, subject: row.title ? (row.title.length > 80 ? `${row.title.slice(0, 77)}…` : row.title) : null };
}

/** "OUT-2025-00001 (subject)" for messages. */
export function label(row: Pick<RequestRow, 'reference' | 'title'>): string {
  return row.title ? `${row.reference} (${row.title.length > 80 ? `${row.title.slice(0, 77)}…` : row.title})` : row.reference;
}
