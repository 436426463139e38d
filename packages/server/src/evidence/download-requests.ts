// Download requests of sealed items: the user who needs a copy picks one of the organisation's
// other active supervisors and says why; the request is a `download-requested` custody event (so
// the court package shows it too) and a notification to that supervisor, who answers it with the
// existing approval (POST …/download-approvals with `requestSeq`). Four eyes stay server-side: the
// requester is never an eligible approver, and approveDownload refuses a user's own download.
import { ConflictError, ForbiddenError, NotFoundError, assertCan } from '@comity/core';
import { listUsers } from '@comity/db';
import { auditedTransaction } from '../deps.ts';
import { notify } from '../requests/notify.ts';
import type { Who } from '../requests/request-deps.ts';
import { type EvidenceDeps, type PendingDownloadRequest, appendCustody, loadForChange, pendingDownloadRequestEvents, readEvidenceItem } from './evidence-service.ts';

export interface EligibleApprover {
  id: string;
  name: string;
  email: string;
}

async function approversOf(deps: EvidenceDeps, organisationId: string, requesterId: string): Promise<EligibleApprover[]> {
  const users = await listUsers(deps.db, { organisationId, role: 'supervisor' });
  return users.filter((u) => !u.disabled && u.id !== requesterId).map((u) => ({ id: u.id, name: u.name, email: u.email }));
}

/** The supervisors you may ask to approve a download of this item: active, of its organisation, not you. */
export async function eligibleApprovers(deps: EvidenceDeps, who: Who, itemId: string): Promise<EligibleApprover[]> {
  const { actor, item } = await loadForChange(deps, who, itemId);
  return approversOf(deps, item.organisation_id, actor.userId);
}

/** Asks one supervisor to approve one download of a sealed item; answers the custody event's number. */
export async function requestDownload(deps: EvidenceDeps, who: Who, itemId: string, body: { approverId: string; reason: string }): Promise<{ seq: number }> {
  const { actor, item } = await loadForChange(deps, who, itemId);
  assertCan(actor.role, 'evidence:read');
  if (!item.sealed_at) throw new ConflictError('not_sealed', 'This item is not sealed; downloads need no approval.');
  if (body.approverId === actor.userId) throw new ForbiddenError('four_eyes', 'Another supervisor must approve your own download.');
  const approver = (await approversOf(deps, item.organisation_id, actor.userId)).find((a) => a.id === body.approverId);
  if (!approver) throw new NotFoundError('approver_not_eligible', 'No active supervisor of this organisation with that id (you cannot approve your own download).');
  const reason = body.reason.trim();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const e = await appendCustody(
      trx,
      deps,
      item.id,
      {
        kind: 'download-requested',
        actorUserId: actor.userId,
        actorEmail: actor.email,
        details: { userId: actor.userId, userEmail: actor.email, approverId: approver.id, approverEmail: approver.email, reason },
      },
      audit,
    );
    const title = item.title.length > 80 ? `${item.title.slice(0, 77)}…` : item.title;
    await notify(trx, deps.now(), {
      userIds: [approver.id],
      organisationId: item.organisation_id,
      requestId: null,
      kind: 'evidence-download-requested',
      message: {
        code: 'evidence-download-requested',
        params: { itemId: item.id, item: title, by: actor.email, reason },
        text: `${actor.email} asks you to approve a download of the sealed evidence item "${title}": ${reason}`,
      },
    });
    return { seq: e.seq };
  });
}

/** The download requests of an item that wait for an approval (anyone who may read the item sees them). */
export async function pendingDownloadRequests(deps: EvidenceDeps, who: Who, itemId: string): Promise<PendingDownloadRequest[]> {
  const { item } = await readEvidenceItem(deps, who, itemId);
  if (!item.sealed_at) return [];
  return pendingDownloadRequestEvents(deps.db, item.id);
}
