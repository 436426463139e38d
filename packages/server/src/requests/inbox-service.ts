// The notification inbox (each user's own) and the service levels an organisation expects of its
// counterparts (e.g. acknowledge within N days), which the deadline job applies.
import { NotFoundError, ValidationError } from '@comity/core';
import { DEFAULT_SERVICE_LEVEL, type ServiceLevel } from '@comity/core/requests/deadlines';
import { findOrganisation } from '@comity/db';
import {
  deleteServiceLevel,
  listNotifications,
  listServiceLevels,
  markNotificationRead,
  type NotificationRow,
  type ServiceLevelRow,
  upsertServiceLevel,
} from '@comity/db/repos/requests-repo';
import { type Actor, auditedTransaction } from '../deps.ts';
import { queueLiveEvent } from '../events/live-events.ts';
import type { RequestDeps, Who } from './request-deps.ts';

/** jsonb comes back parsed from PostgreSQL and as text from some drivers; rows before migration 013 have none. */
function parseParams(raw: unknown): Record<string, string | number | null> | null {
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string | number | null>) : null;
}

export function presentNotification(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind,
    message: n.message,
    code: n.code,
    params: parseParams(n.params),
    requestId: n.request_id,
    createdAt: new Date(n.created_at).toISOString(),
    readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
  };
}

export async function myNotifications(deps: Pick<RequestDeps, 'db'>, actor: Actor, q: { unread?: boolean | undefined; limit: number }) {
  const { rows, unread } = await listNotifications(deps.db, actor.userId, q);
  return { items: rows.map(presentNotification), unread };
}

export async function readNotification(deps: RequestDeps, who: Who & { actor: Actor }, id: string) {
  return auditedTransaction(deps, who, async (trx, audit) => {
    const n = await markNotificationRead(trx, who.actor.userId, id, deps.now());
    if (!n) throw new NotFoundError('not_found', 'No such notification.');
    audit('notification.read', `notification:${id}`, { kind: n.kind, requestId: n.request_id });
    // The unread count in the user's other tabs goes down too.
    queueLiveEvent(trx, { kind: 'notification', userIds: [who.actor.userId] });
    return presentNotification(n);
  });
}

/** '*' (every counterpart), 'org:<uuid>' or 'state:<alpha-3>'. */
export function counterpartKey(k: { counterpartOrganisationId?: string | undefined; counterpartState?: string | undefined }): string {
  if (k.counterpartOrganisationId && k.counterpartState) {
    throw new ValidationError('one_counterpart', 'Give a counterpart organisation or a counterpart State, not both.');
  }
  if (k.counterpartOrganisationId) return `org:${k.counterpartOrganisationId}`;
  if (k.counterpartState) return `state:${k.counterpartState}`;
  return '*';
}

export function presentServiceLevel(r: ServiceLevelRow) {
  return {
    counterpartOrganisationId: r.counterpart.startsWith('org:') ? r.counterpart.slice(4) : null,
    counterpartState: r.counterpart.startsWith('state:') ? r.counterpart.slice(6) : null,
    acknowledgeDays: r.acknowledge_days,
    executeDays: r.execute_days,
    reminderDays: r.reminder_days,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function serviceLevelsOf(deps: Pick<RequestDeps, 'db'>, organisationId: string) {
  return (await listServiceLevels(deps.db, organisationId)).map(presentServiceLevel);
}

export async function setServiceLevel(
  deps: RequestDeps,
  who: Who & { actor: Actor },
  body: {
    counterpartOrganisationId?: string | undefined;
    counterpartState?: string | undefined;
    acknowledgeDays: number | null;
    executeDays: number | null;
    reminderDays: number | null;
  },
) {
  const key = counterpartKey(body);
  if (body.counterpartOrganisationId && !(await findOrganisation(deps.db, body.counterpartOrganisationId))) {
    throw new ValidationError('unknown_organisation', 'The counterpart is not an organisation on this node.', { field: 'counterpartOrganisationId' });
  }
  return auditedTransaction(deps, who, async (trx, audit) => {
    const row = await upsertServiceLevel(trx, {
      organisation_id: who.actor.organisationId,
      counterpart: key,
      acknowledge_days: body.acknowledgeDays,
      execute_days: body.executeDays,
      reminder_days: body.reminderDays,
      updated_at: deps.now(),
    });
    audit('service-level.set', `service-level:${who.actor.organisationId}:${key}`, {
      acknowledgeDays: body.acknowledgeDays,
      executeDays: body.executeDays,
      reminderDays: body.reminderDays,
    });
    return presentServiceLevel(row);
  });
}

export async function removeServiceLevel(deps: RequestDeps, who: Who & { actor: Actor }, k: { counterpartOrganisationId?: string | undefined; counterpartState?: string | undefined }) {
  const key = counterpartKey(k);
  await auditedTransaction(deps, who, async (trx, audit) => {
    if (!(await deleteServiceLevel(trx, who.actor.organisationId, key))) throw new NotFoundError('not_found', 'No such service level.');
    audit('service-level.remove', `service-level:${who.actor.organisationId}:${key}`, {});
  });
}

/** The service level for one counterpart: its organisation's, else its State's, else the default. */
export function serviceLevelFor(rows: readonly ServiceLevelRow[], counterpart: { organisationId: string | null; state: string }): ServiceLevel {
  const keys = [counterpart.organisationId ? `org:${counterpart.organisationId}` : null, `state:${counterpart.state}`, '*'];
  for (const k of keys) {
    const r = k && rows.find((x) => x.counterpart === k);
    if (r) return { acknowledgeDays: r.acknowledge_days, executeDays: r.execute_days, reminderDays: r.reminder_days };
  }
  return DEFAULT_SERVICE_LEVEL;
}
