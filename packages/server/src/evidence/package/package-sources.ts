// What a court package is made of, read through the other capabilities: the items of an item, a
// case or a request (each read with the vault's scoping and release-policy check), the subject's
// reference and title, and each item's RFC 3161 tokens.
import { NotFoundError, canSeeOrganisation } from '@comity/core';
import type { MarkedRecord } from '@comity/core/policy/decide';
import { findRequest } from '@comity/db/repos/requests-repo';
import type { Who } from '../../requests/request-deps.ts';
import { readCase } from '../../cases/case-service.ts';
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
    // The case's own rule (its team and the organisation's supervisors) and its marking decide first.
    const row = await readCase(deps, who, subject.id);
    query = query.where('case_id', '=', row.id);
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
  const row = await deps.db.selectFrom('cases').select(['reference', 'title']).where('id', '=', subject.id).executeTakeFirst();
  return { reference: row?.reference ?? null, title: row?.title ?? null, organisationName };
}

/** The item's granted RFC 3161 tokens (the tsa capability's rows), oldest first. */
export async function timestampsOfItem(deps: EvidenceDeps, item: EvidenceItemRow): Promise<PackageTimestampSource[]> {
  const rows = await deps.db
    .selectFrom('evidence_timestamps')
    .select(['tsa_url', 'token', 'sha256', 'gen_time'])
    .where('item_id', '=', item.id)
    .where('status', '=', 'granted')
    .orderBy('gen_time')
    .orderBy('tsa_url')
    .execute();
  return rows
    .filter((r) => r.token !== null)
    .map((r) => ({
      tsa: r.tsa_url,
      token: new Uint8Array(r.token as Uint8Array),
      imprintSha256: r.sha256,
      genTime: r.gen_time === null ? null : new Date(r.gen_time).toISOString(),
    }));
}
