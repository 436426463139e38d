// Sharing aggregated statistics with peers (issue 14 part 6): a supervisor sends the
// organisation's ICCS-coded counts for a span of months — aggregates from the rollup, never
// records — to one peer node under a marking (TLP and handling code). The release policy decides,
// as for any transmission to that node: the share is a marked record whose own marking is the one
// chosen and whose sources are the markings of the cooperation requests it counts (a request a
// foreign authority sent under TLP:AMBER, say, or with confidentiality asked, may not be counted in
// what goes to a third State without that authority's consent; going back to it is allowed).
// Seizures and incidents are the organisation's own records. Both sides audit; the receiver keeps
// the share apart from its own rollup and shows it with its origin node, period and marking.
// Message type `statistics.share` (interop/federation/README.md §8.5).
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, assertCan } from '@comity/core';
import type { MarkedRecord, MarkedSource } from '@comity/core/policy/decide';
import { type HandlingCode, type Marking, NO_LIMITATIONS, type TlpMarking } from '@comity/core/policy/marking';
import { type MonthlyCount, SDMX_DATAFLOW, foldStatistics } from '@comity/core/seizures/statistics';
import {
  type ReceivedStatisticsShares,
  SHARE_ROWS_MAX,
  type SentStatisticsShares,
  type ShareStatisticsBody,
  StatisticsSharePayload,
  type StatisticsShareResult,
} from '@comity/contract/statistics-share';
import { type Database, findOrganisation } from '@comity/db';
import { findPeer, listPeers } from '@comity/db/repos/federation-repo';
import type { RequestRow } from '@comity/db/repos/requests-repo';
import { readRollup } from '@comity/db/repos/statistics-repo';
import { type Kysely, sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type Actor, type AppDeps, auditedTransaction } from '../deps.ts';
import { federationOf } from '../federation/capability.ts';
import { enqueuePeerMessage } from '../federation/outbox-service.ts';
import type { FederationRuntime, InboundHandler } from '../federation/runtime.ts';
import { type PolicyWho, enforceRecord, markedRecordOf } from '../policy/policy-service.ts';
import { iccsTitle } from './statistics-service.ts';

export const STATISTICS_SHARE_TYPE = 'statistics.share';
type Payload = z.infer<typeof StatisticsSharePayload>;
type Source = 'seizure' | 'incident' | 'request';
export type ShareDeps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> & Partial<Pick<AppDeps, 'auditAnchor' | 'auditSequencer'>>;

function requireActor(who: PolicyWho): Actor {
  if (!who.actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  return who.actor;
}

/** First instant of a YYYY-MM month, and of the month after another. */
function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00.000Z`);
}
function monthAfter(month: string): Date {
  const d = monthStart(month);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/**
 * The share as a marked record: its own marking (the one chosen, originated by the organisation),
 * then the markings of every request it counts (those the organisation wrote itself are its own
 * and do not limit it; those received carry their originator's).
 */
async function shareMarkedRecord(db: Kysely<Database>, actor: Actor, id: string, body: z.infer<typeof ShareStatisticsBody>, sources: readonly Source[]): Promise<MarkedRecord> {
  const org = await findOrganisation(db, actor.organisationId);
  const key = `statistics-share:${id}`;
  const own: Marking = {
    tlp: body.marking.tlp as TlpMarking,
    handling: body.marking.handling as HandlingCode,
    handlingNotes: [],
    originators: [{ nodeId: null, organisationId: actor.organisationId, name: org?.name ?? '', state: org?.country ?? 'XXX' }],
    limitations: NO_LIMITATIONS,
  };
  const counted: MarkedSource[] = [];
  if (sources.includes('request')) {
    const rows = (await db
      .selectFrom('requests')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId)
      .where(sql<Date>`coalesce(submitted_at, received_at)`, '>=', monthStart(body.from))
      .where(sql<Date>`coalesce(submitted_at, received_at)`, '<', monthAfter(body.to))
      .execute()) as RequestRow[];
    const seen = new Set<string>();
    for (const row of rows) {
      for (const s of markedRecordOf(row).sources) {
        if (seen.has(s.key)) continue;
        seen.add(s.key);
        counted.push(s);
      }
    }
  }
  return { key, organisationId: actor.organisationId, sources: [{ key, marking: own }, ...counted] };
}

/** Sends the organisation's counts to a peer under a marking, if the release policy allows it. */
export async function shareStatistics(deps: ShareDeps, who: PolicyWho, body: z.infer<typeof ShareStatisticsBody>) {
  const actor = requireActor(who);
  assertCan(actor.role, 'statistics:share');
  const peer = await findPeer(deps.db, body.peerNodeId);
  if (!peer) throw new NotFoundError('not_found', `No peer ${body.peerNodeId}.`);
  if (peer.status !== 'active') throw new ConflictError('peer_not_active', `The peer is ${peer.status}; nothing can be sent to it.`);
  const sources: Source[] = body.sources ? [...new Set(body.sources)] : ['seizure', 'incident', 'request'];
  const { rows } = await readRollup(deps.db, { organisationId: actor.organisationId, sources, fromMonth: body.from, toMonth: body.to });
  const folded = foldStatistics(rows as MonthlyCount[], body.period).filter((r) => r.count > 0);
  if (folded.length > SHARE_ROWS_MAX) {
    throw new ValidationError('share_too_large', `These statistics have ${folded.length} rows; at most ${SHARE_ROWS_MAX} go in one share. Choose a coarser period or fewer months.`);
  }
  const id = randomUUID();
  const record = await shareMarkedRecord(deps.db, actor, id, body, sources);
  await enforceRecord(deps, who, { record, auditTarget: record.key, details: { peerNodeId: peer.node_id } }, { kind: 'transmit', to: { nodeId: peer.node_id, organisationId: null } });
  const org = await findOrganisation(deps.db, actor.organisationId);
  const now = deps.now();
  const payload: Payload = StatisticsSharePayload.parse({
    v: 1,
    shareId: id,
    dataflow: SDMX_DATAFLOW,
    period: body.period,
    from: body.from,
    to: body.to,
    sources,
    marking: body.marking,
    sharedBy: { organisation: org?.name ?? '', state: org?.country ?? 'XXX' },
    sharedAt: now.toISOString(),
    note: body.note || null,
    rows: folded.map((r) => ({ period: r.period, country: r.country, source: r.source, iccsCode: r.iccsCode, count: r.count })),
  });
  await auditedTransaction(deps, { actor, requestId: who.requestId }, async (trx, audit) => {
    await trx
      .insertInto('statistics_shares')
      .values({
        id,
        organisation_id: actor.organisationId,
        peer_node_id: peer.node_id,
        period: body.period,
        from_month: body.from,
        to_month: body.to,
        sources: JSON.stringify(sources),
        tlp: body.marking.tlp,
        handling: body.marking.handling,
        note: payload.note,
        rows: payload.rows.length,
        shared_by: actor.userId,
        shared_at: now,
      })
      .execute();
    await enqueuePeerMessage(trx, now, {
      peerNodeId: peer.node_id,
      type: STATISTICS_SHARE_TYPE,
      conversationId: `statistics:${peer.node_id}`,
      payload,
      senderOrganisationId: actor.organisationId,
      marking: body.marking.tlp,
    });
    audit('statistics.share.send', `peer:${peer.node_id}`, {
      shareId: id,
      period: body.period,
      from: body.from,
      to: body.to,
      sources,
      marking: body.marking,
      rows: payload.rows.length,
    });
  });
  federationOf(deps as AppDeps)?.wake();
  return { id, period: body.period, from: body.from, to: body.to, sources, marking: body.marking, note: payload.note, sharedAt: now.toISOString(), peer: { nodeId: peer.node_id, name: peer.authority_name, country: peer.country }, rows: payload.rows.length, sharedBy: actor.userId };
}

/** The fields a sent share and a received one have in common, from either table's row. */
function shareSummary(r: { period: string; from_month: string; to_month: string; sources: unknown; tlp: string; handling: string; note: string | null; shared_at: Date | string }) {
  return {
    period: r.period as 'month',
    from: r.from_month,
    to: r.to_month,
    sources: r.sources as Source[],
    marking: { tlp: r.tlp as 'CLEAR', handling: r.handling as HandlingCode },
    note: r.note,
    sharedAt: new Date(r.shared_at).toISOString(),
  };
}

/** What the organisation shared, newest first. */
export async function listSentShares(deps: Pick<AppDeps, 'db'>, who: PolicyWho): Promise<z.infer<typeof SentStatisticsShares>> {
  const actor = requireActor(who);
  assertCan(actor.role, 'statistics:read');
  const [rows, peers] = await Promise.all([
    deps.db.selectFrom('statistics_shares').selectAll().where('organisation_id', '=', actor.organisationId).orderBy('shared_at', 'desc').limit(200).execute(),
    listPeers(deps.db),
  ]);
  return {
    items: rows.map((r) => {
      const peer = peers.find((p) => p.node_id === r.peer_node_id);
      return {
        id: r.id,
        ...shareSummary(r),
        peer: { nodeId: r.peer_node_id, name: peer?.authority_name ?? '', country: peer?.country ?? '' },
        rows: r.rows,
        sharedBy: r.shared_by,
      };
    }),
  };
}

/**
 * Statistics active peers shared with this node, newest first: everyone on the node who reads
 * statistics sees them (the markings a share may carry are for that audience). A suspended or
 * revoked peer's shares are not shown.
 */
export async function listReceivedShares(deps: Pick<AppDeps, 'db'>, who: PolicyWho): Promise<z.infer<typeof ReceivedStatisticsShares>> {
  const actor = requireActor(who);
  assertCan(actor.role, 'statistics:read');
  const peers = await listPeers(deps.db, { status: 'active' });
  if (peers.length === 0) return { items: [] };
  const rows = await deps.db
    .selectFrom('statistics_received')
    .selectAll()
    .where('origin_node_id', 'in', peers.map((p) => p.node_id))
    .orderBy('received_at', 'desc')
    .orderBy('share_id')
    .limit(100)
    .execute();
  return {
    items: rows.map((r) => {
      const peer = peers.find((p) => p.node_id === r.origin_node_id);
      return {
        id: r.share_id,
        ...shareSummary(r),
        origin: { nodeId: r.origin_node_id, name: peer?.authority_name ?? '', country: peer?.country ?? '' },
        sharedBy: r.shared_by as { organisation: string; state: string },
        receivedAt: new Date(r.received_at).toISOString(),
        rows: (r.rows as Payload['rows']).map((x) => ({ ...x, iccsTitle: iccsTitle(x.iccsCode) ?? null })),
      };
    }),
  };
}

// ── Receiving ─────────────────────────────────────────────────────────────────────────────────

export const statisticsShareHandler: InboundHandler<Payload> = {
  parse: (p) => StatisticsSharePayload.parse(p),
  async handle({ trx, header, payload, runtime, audit }) {
    const origin = header.sender;
    const result = (stored: boolean): z.infer<typeof StatisticsShareResult> => ({ shareId: payload.shareId, stored });
    // The clear header's marking is what intermediaries and the inbox show: it must be the share's.
    if (header.marking !== undefined && header.marking !== payload.marking.tlp) {
      throw new ValidationError('marking_mismatch', `The envelope is marked ${header.marking} but the statistics ${payload.marking.tlp}.`);
    }
    const held = await trx.selectFrom('statistics_received').select('share_id').where('origin_node_id', '=', origin).where('share_id', '=', payload.shareId).executeTakeFirst();
    if (held) return { result: result(false) };
    await trx
      .insertInto('statistics_received')
      .values({
        origin_node_id: origin,
        share_id: payload.shareId,
        period: payload.period,
        from_month: payload.from,
        to_month: payload.to,
        sources: JSON.stringify(payload.sources),
        tlp: payload.marking.tlp,
        handling: payload.marking.handling,
        note: payload.note,
        shared_by: JSON.stringify(payload.sharedBy),
        shared_at: new Date(payload.sharedAt),
        rows: JSON.stringify(payload.rows),
        received_at: runtime.deps.now(),
      })
      .execute();
    audit('statistics.share.receive', `peer:${origin}`, {
      shareId: payload.shareId,
      period: payload.period,
      from: payload.from,
      to: payload.to,
      sources: payload.sources,
      marking: payload.marking,
      rows: payload.rows.length,
    });
    return { result: result(true) };
  },
};

export function registerStatisticsShare(runtime: FederationRuntime): void {
  runtime.registerHandler(STATISTICS_SHARE_TYPE, statisticsShareHandler);
}
