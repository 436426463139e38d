// Where the node asks core's `decide` about a marked record: a request's marking (its own, from its
// content, and those of what it was made from), the consents its originators granted, and the
// denial — audited, then a 403 problem that names the rule, cites it and says whether consent can
// be asked. Every route that declares a policy action in its config comes through here
// (policy-routes-check.ts verifies it on every response).
import { ForbiddenError } from '@comity/core';
import { type Decision, type GrantedConsent, type MarkedRecord, type MarkedSource, type PolicyAction, type PolicyActor, decide } from '@comity/core/policy/decide';
import { type Marking, type Originator, type RequestMarkingFields, combineAll, markingOfRequest } from '@comity/core/policy/marking';
import type { TlpMarking } from '@comity/core/requests/request';
import type { Database } from '@comity/db';
import type { RequestRow } from '@comity/db/repos/requests-repo';
import type { Kysely } from 'kysely';
import { type Actor, type AppDeps, auditedTransaction } from '../deps.ts';

/** A denial by the release policy: 403 with the rule, its citation and whether consent can be asked. */
export class PolicyDeniedError extends ForbiddenError {}

/** Counts the decisions taken while answering one HTTP request (see policy-routes-check.ts). */
export interface PolicyTrail {
  decisions: number;
}

export interface PolicyWho {
  actor: Actor | null;
  requestId: string | null;
  trail?: PolicyTrail | undefined;
}

export const GRANTED_STATES = ['granted', 'granted-with-conditions'] as const;

/** The key consents are recorded against: the conversation, the same on both sides' records. */
export function requestKey(row: Pick<RequestRow, 'conversation_id'>): string {
  return `request:${row.conversation_id}`;
}

/** Who marked a request: its author on the requesting side, the requesting authority on the requested side. */
export function originatorOfRow(row: RequestRow): Originator {
  if (row.side === 'requesting') return { nodeId: null, organisationId: row.organisation_id, name: row.requesting_organisation_name, state: row.requesting_state };
  return {
    nodeId: row.counterpart_node_id,
    organisationId: row.counterpart_node_id ? null : row.requesting_organisation_id,
    name: row.requesting_organisation_name,
    state: row.requesting_state,
  };
}

export function ownMarkingOf(row: RequestRow): Marking {
  const content = row.content as RequestMarkingFields & { title: string };
  return markingOfRequest({ ...content, title: content.title ?? row.title, marking: row.marking as TlpMarking }, originatorOfRow(row));
}

export function sourcesOf(row: RequestRow): MarkedSource[] {
  return (row.marking_sources as MarkedSource[] | null) ?? [];
}

export function markedRecordOf(row: RequestRow): MarkedRecord {
  const key = requestKey(row);
  return { key, organisationId: row.organisation_id, sources: [{ key, marking: ownMarkingOf(row) }, ...sourcesOf(row).filter((s) => s.key !== key)] };
}

export function effectiveMarkingOf(row: RequestRow): Marking {
  const [own, ...rest] = markedRecordOf(row).sources;
  return combineAll((own as MarkedSource).marking, ...rest.map((s) => s.marking));
}

/** The line printed in a document's header and footer: "TLP:AMBER · H2 · <limitations title>". */
export function markingLine(m: Marking, limitationsTitle: string): string {
  const l = m.limitations;
  const limited = l.speciality !== null || l.confidential || l.permittedUses !== null || l.reviewOn !== null || l.notes.length > 0 || m.handlingNotes.length > 0;
  return [`TLP:${m.tlp}`, ...(m.handling !== 'H0' ? [m.handling] : []), ...(limited ? [limitationsTitle] : [])].join(' · ');
}

/** The CLI runs as the node's operator: outside every organisation, like a node administrator. */
const OPERATOR: PolicyActor = { userId: 'operator', role: 'admin', organisationId: '' };

export function policyActorOf(actor: Actor | null): PolicyActor {
  return actor ? { userId: actor.userId, role: actor.role, organisationId: actor.organisationId } : OPERATOR;
}

export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export async function grantedConsents(db: Kysely<Database>, organisationId: string, keys: readonly string[]): Promise<GrantedConsent[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('consents')
    .select(['id', 'source_key', 'action', 'recipient_node_id', 'proceedings', 'conditions'])
    .where('organisation_id', '=', organisationId)
    .where('direction', '=', 'asked')
    .where('state', 'in', [...GRANTED_STATES])
    .where('source_key', 'in', [...keys])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sourceKey: r.source_key,
    action: r.action as GrantedConsent['action'],
    recipientNodeId: r.recipient_node_id,
    proceedings: r.proceedings,
    conditions: r.conditions,
  }));
}

/** The decision without side effects (what the presenter shows as "you may / may not"). */
export async function decideFor(db: Kysely<Database>, now: Date, actor: Actor | null, row: RequestRow, action: PolicyAction): Promise<Decision> {
  const record = markedRecordOf(row);
  const consents = action.kind === 'read' ? [] : await grantedConsents(db, row.organisation_id, record.sources.map((s) => s.key));
  return decide(policyActorOf(actor), action, record, { today: todayOf(now), consents });
}

/**
 * For bench/policy only: its baseline phase lists requests without asking the policy, in the same
 * process and run as the measured phase. Nothing else may change it.
 */
export const LIST_POLICY = { decide: true };

/** Reading needs no consent lookup: the list asks it for every row, synchronously. */
export function readDecision(actor: Actor | null, row: RequestRow, today: string): Decision {
  return decide(policyActorOf(actor), { kind: 'read' }, markedRecordOf(row), { today, consents: [] });
}

/** The limitation flags a list row shows (its own and those of what it was made from). */
export function limitationFlags(m: Marking, derived: boolean): ('speciality' | 'confidential' | 'permitted-uses' | 'review-date' | 'handling-note' | 'derived')[] {
  const l = m.limitations;
  return [
    ...(l.speciality ? (['speciality'] as const) : []),
    ...(l.confidential ? (['confidential'] as const) : []),
    ...(l.permittedUses ? (['permitted-uses'] as const) : []),
    ...(l.reviewOn ? (['review-date'] as const) : []),
    ...(m.handlingNotes.length > 0 ? (['handling-note'] as const) : []),
    ...(derived ? (['derived'] as const) : []),
  ];
}

export const EXPORT_FORMATS_SHOWN = ['pdf', 'docx', 'api-download'] as const;

/** What the request page shows about the marking: the effective one, its sources, and which exports the caller may make. */
export async function policyView(db: Kysely<Database>, now: Date, actor: Actor | null, row: RequestRow) {
  const record = markedRecordOf(row);
  const consents = await grantedConsents(db, row.organisation_id, record.sources.map((s) => s.key));
  const exports: Record<string, { allow: boolean; rule: string; reason?: string }> = {};
  for (const format of EXPORT_FORMATS_SHOWN) {
    const d = decide(policyActorOf(actor), { kind: 'export', format }, record, { today: todayOf(now), consents });
    exports[format] = d.allow ? { allow: true, rule: d.rule } : { allow: false, rule: d.rule, reason: d.reason };
  }
  return { effective: effectiveMarkingOf(row), sources: record.sources.map((s) => ({ key: s.key, marking: s.marking })), exports };
}

function describeAction(action: PolicyAction): Record<string, unknown> {
  switch (action.kind) {
    case 'export':
      return { action: 'export', format: action.format };
    case 'transmit':
      return { action: 'transmit', toNode: action.to.nodeId, toOrganisation: action.to.organisationId };
    case 'attach':
      return { action: 'attach', into: action.to.key, proceedings: action.to.proceedings };
    case 'remark':
      return { action: 'remark', tlp: action.to.tlp, handling: action.to.handling };
    default:
      return { action: action.kind };
  }
}

/**
 * Asks `decide`; a denial is written to the audit trail (its own transaction: nothing else
 * happened) and thrown as a 403 problem. Returns the allowing decision (with the consent used).
 */
export async function enforce(
  deps: Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> & Partial<Pick<AppDeps, 'auditAnchor'>>,
  who: PolicyWho,
  row: RequestRow,
  action: PolicyAction,
): Promise<Extract<Decision, { allow: true }>> {
  if (who.trail) who.trail.decisions++;
  const d = await decideFor(deps.db, deps.now(), who.actor, row, action);
  if (d.allow) return d;
  const sourceRequest =
    d.sourceKey && d.sourceKey !== requestKey(row)
      ? await deps.db
          .selectFrom('requests')
          .select('id')
          .where('conversation_id', '=', d.sourceKey.replace(/^request:/, ''))
          .where('organisation_id', '=', row.organisation_id)
          .executeTakeFirst()
      : { id: row.id };
  const details = {
    ...describeAction(action),
    rule: d.rule,
    citation: d.citation,
    consentable: d.consentable,
    sourceKey: d.sourceKey || null,
    sourceRequestId: sourceRequest?.id ?? null,
    originator: d.originator,
    requestId: row.id,
  };
  await auditedTransaction(deps, { actor: who.actor, requestId: who.requestId, organisationId: row.organisation_id }, async (_trx, audit) => {
    audit('policy.deny', `request:${row.id}`, { ...details, reason: d.reason, reference: row.reference });
  });
  throw new PolicyDeniedError('policy_denied', d.reason, details);
}

/** A marked record of another kind than a request (a case, an evidence item), for `enforceRecord`. */
export interface PolicyTarget {
  record: MarkedRecord;
  /** The audit target of a denial, e.g. `case:<id>`. */
  auditTarget: string;
  /** Added to the denial's problem details and audit entry (its id, reference). */
  details: Record<string, unknown>;
}

/** `decideFor` for any marked record: the consents its holder was granted for its sources count. */
export async function decideRecord(db: Kysely<Database>, now: Date, actor: Actor | null, record: MarkedRecord, action: PolicyAction): Promise<Decision> {
  const consents = action.kind === 'read' ? [] : await grantedConsents(db, record.organisationId, record.sources.map((s) => s.key));
  return decide(policyActorOf(actor), action, record, { today: todayOf(now), consents });
}

/**
 * `enforce` for any marked record: asks `decide`; a denial is audited (its own transaction) and
 * thrown as the same 403 `policy_denied` problem a request's denial is.
 */
export async function enforceRecord(
  deps: Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> & Partial<Pick<AppDeps, 'auditAnchor'>>,
  who: PolicyWho,
  target: PolicyTarget,
  action: PolicyAction,
): Promise<Extract<Decision, { allow: true }>> {
  if (who.trail) who.trail.decisions++;
  const d = await decideRecord(deps.db, deps.now(), who.actor, target.record, action);
  if (d.allow) return d;
  const details = {
    ...describeAction(action),
    rule: d.rule,
    citation: d.citation,
    consentable: d.consentable,
    sourceKey: d.sourceKey || null,
    originator: d.originator,
    ...target.details,
  };
  await auditedTransaction(deps, { actor: who.actor, requestId: who.requestId, organisationId: target.record.organisationId }, async (_trx, audit) => {
    audit('policy.deny', target.auditTarget, { ...details, reason: d.reason });
  });
  throw new PolicyDeniedError('policy_denied', d.reason, details);
}

/** A marked record that is not a request (an evidence item, a case): what `enforceMarked` needs. */
export interface MarkedTarget {
  record: MarkedRecord;
  /** The audit target of a denial, e.g. `evidence:<id>`. */
  auditTarget: string;
  /** Facts the denial's audit entry and problem carry (item id, title ...). */
  context: Record<string, unknown>;
}

/**
 * The vault's name for `enforceRecord` (the cases and vault branches each wrote one; merged here
 * into one decision point): the same `decide`, the same audited denial, the same 403 problem.
 */
export async function enforceMarked(
  deps: Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> & Partial<Pick<AppDeps, 'auditAnchor'>>,
  who: PolicyWho,
  target: MarkedTarget,
  action: PolicyAction,
): Promise<Extract<Decision, { allow: true }>> {
  return enforceRecord(deps, who, { record: target.record, auditTarget: target.auditTarget, details: target.context }, action);
}
