// The deadline job: for every transmitted, open request, applies the service level agreed with the
// counterpart and the request's own deadline, marks it overdue (or no longer overdue) and raises
// each reminder once, as notifications. It runs on the job queue (pg-boss) every few minutes.
import { type AuditInput, canonicalJson, type JsonValue } from '@comity/core';
import { assessDeadlines, type ReminderKind } from '@comity/core/requests/deadlines';
import type { RequestState, Side } from '@comity/core/requests/request';
import { appendAudit } from '@comity/db';
import { listServiceLevels, openTransmittedRequests, type RequestRow } from '@comity/db/repos/requests-repo';
import { queueLiveEvent, runWithLiveEvents } from '../events/live-events.ts';
import { concernedUsers, label, type NotificationText, notify, requestParams } from './notify.ts';
import type { RequestDeps } from './request-deps.ts';
import { serviceLevelFor } from './inbox-service.ts';

export const DEADLINE_QUEUE = 'requests.deadlines';

const TEXTS: Record<ReminderKind, (row: RequestRow) => string> = {
  'acknowledgement-overdue': (r) => `${label(r)}: ${r.requested_organisation_name ?? r.requested_state} has not acknowledged receipt within the agreed time.`,
  'execution-overdue': (r) => `${label(r)}: not executed within the time agreed with ${r.requested_organisation_name ?? r.requested_state}.`,
  'deadline-approaching': (r) => `${label(r)}: the deadline ${r.deadline} is approaching.`,
  'deadline-passed': (r) => `${label(r)}: the deadline ${r.deadline} has passed.`,
};

/** The reminder's code is its kind; the web words it in the reader's language. */
function reminderText(kind: ReminderKind, r: RequestRow): NotificationText {
  return { code: kind, params: { ...requestParams(r), counterpart: r.requested_organisation_name ?? r.requested_state, deadline: r.deadline }, text: TEXTS[kind](r) };
}

export interface ScanReport {
  checked: number;
  changed: number;
  reminders: number;
}

export async function runDeadlineScan(deps: Pick<RequestDeps, 'db' | 'hasher' | 'signer' | 'now'>): Promise<ScanReport> {
  const now = deps.now();
  const rows = await openTransmittedRequests(deps.db);
  const levels = await listServiceLevels(deps.db);
  const report: ScanReport = { checked: rows.length, changed: 0, reminders: 0 };
  for (const row of rows) {
    const mine = levels.filter((l) => l.organisation_id === row.organisation_id);
    const counterpart =
      row.side === 'requesting'
        ? { organisationId: row.requested_organisation_id, state: row.requested_state }
        : { organisationId: row.requesting_organisation_id, state: row.requesting_state };
    const reminded = (row.reminded ?? []) as ReminderKind[];
    const result = assessDeadlines(
      { side: row.side as Side, state: row.state as RequestState, transmittedAt: row.transmitted_at ? new Date(row.transmitted_at) : null, deadline: row.deadline, reminded },
      serviceLevelFor(mine, counterpart),
      now,
    );
    const before = (row.overdue ?? []) as string[];
    const overdueChanged = canonicalJson(before as JsonValue) !== canonicalJson(result.overdue as JsonValue);
    if (!overdueChanged && result.due.length === 0) continue;
    const recipients = result.due.length ? await concernedUsers(deps.db, row) : [];
    await runWithLiveEvents(deps.db, async (trx) => {
      // Overdue flags and reminders are derived, not edits: the version stays, so nobody's
      // optimistic lock breaks because a deadline passed.
      const updated = await trx
        .updateTable('requests')
        .set({ overdue: JSON.stringify(result.overdue), reminded: JSON.stringify([...reminded, ...result.due]) })
        .where('id', '=', row.id)
        .where('state', '=', row.state)
        .returning('id')
        .executeTakeFirst();
      if (!updated) return;
      const entries: AuditInput[] = [];
      if (overdueChanged) {
        queueLiveEvent(trx, { kind: 'request', requestId: row.id, organisationId: row.organisation_id });
        entries.push({ actorId: null, actorEmail: null, organisationId: row.organisation_id, action: 'request.overdue', target: `request:${row.id}`, requestId: 'job:deadlines', change: { before, after: result.overdue } });
      }
      for (const kind of result.due) {
        await notify(trx, now, { userIds: recipients, organisationId: row.organisation_id, requestId: row.id, kind, message: reminderText(kind, row) });
        entries.push({ actorId: null, actorEmail: null, organisationId: row.organisation_id, action: 'request.reminder', target: `request:${row.id}`, requestId: 'job:deadlines', change: { kind, recipients: recipients.length } });
      }
      await appendAudit(trx, deps, entries);
      report.changed++;
      report.reminders += result.due.length;
    });
  }
  return report;
}
