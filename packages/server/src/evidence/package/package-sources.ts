// What a court package is made of, read through the other capabilities: the items of an item, a
// case or a request (each read with the vault's scoping and release-policy check), the subject's
// reference and title, and each item's RFC 3161 tokens.
import { NotFoundError, canSeeOrganisation } from '@comity/core';
import type { MarkedRecord } from '@comity/core/policy/decide';
import { findRequest } from '@comity/db/repos/requests-repo';
import type { Who } from '../../requests/request-deps.ts';
import { enforce } from '../../policy/policy-service.ts';
import { type EvidenceDeps, type EvidenceItemRow, readEvidenceItem } from '../evidence-service.ts';

export type PackageSubject = { kind: 'item' | 'case' | 'request'; id: string };

export interface PackageTimestampSource {
  tsa: string;
  token: Uint8Array;
  imprintSha256: string;
  genTime: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The items to package, each readable by the caller (404 / 403 otherwise); originals only for a case or request. */
export async function itemsOfSubject(deps: EvidenceDeps, who: Who, subject: PackageSubject): Promise<Array<{ item: EvidenceItemRow; record: MarkedRecord }>> {
  if (subject.kind === 'item') return [await readEvidenceItem(deps, who, subject.id)];
  let query = deps.db.selectFrom('evidence_items').select('id').where('role', '=', 'original');
  if (subject.kind === 'request') {
    const row = UUID.test(subject.id) ? await findRequest(deps.db, subject.id) : undefined;
    if (!row || (who.actor && !canSeeOrganisation(who.actor, row.organisation_id))) throw new NotFoundError('not_found', 'No such request.');
    await enforce(deps, who, row, { kind: 'read' });
    query = query.where('request_id', '=', row.id);
  } else {
    throw new NotFoundError('not_found', 'No such case.');
  }
  const ids = await query.orderBy('created_at').orderBy('id').execute();
  const out = [];
  for (const { id } of ids) out.push(await readEvidenceItem(deps, who, id));
  return out;
}

export async function subjectFacts(
  deps: EvidenceDeps,
  subject: PackageSubject,
  first: EvidenceItemRow,
): Promise<{ reference: string | null; title: string | null; organisationName: string }> {
  const org = await deps.db.selectFrom('organisations').select('name').where('id', '=', first.organisation_id).executeTakeFirst();
  const organisationName = org?.name ?? '';
  if (subject.kind === 'item') return { reference: null, title: first.title, organisationName };
  if (subject.kind === 'request') {
    const row = await findRequest(deps.db, subject.id);
    return { reference: row?.reference ?? null, title: row?.title ?? null, organisationName };
  }
  return { reference: null, title: null, organisationName };
}

export async function timestampsOfItem(_deps: EvidenceDeps, _item: EvidenceItemRow): Promise<PackageTimestampSource[]> {
  return [];
}
