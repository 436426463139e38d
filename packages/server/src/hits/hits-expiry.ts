// Expiry of half-received hit/no-hit queries (issue 13). A query, its answer and its matches travel
// in pages; when some pages of one arrived and the rest stop coming (the peer went away, a page was
// refused), each side would otherwise keep what it holds for the query for ever: the answering node
// its one-time scalar b and the identifiers it offers, the querying node its scalar a and the answer
// pages. A sweep on the node's job queue gives such a query up after a timeout of no new page
// (COMITY_HITS_PAGE_TIMEOUT_SECONDS, default one hour): it drops the stored pages and the scalar,
// marks the query `expired`, audits it and tells the peer (`hits.expired`), which does the same on
// its side, so both nodes' views of the query show it expired.
import { NotFoundError } from '@comity/core';
import { HitsExpiredPayload, type HitsExpiredResult } from '@comity/contract/hits';
import type { Database } from '@comity/db';
import type { Kysely } from 'kysely';
import { type AppDeps, auditedTransaction } from '../deps.ts';
import { federationOf } from '../federation/capability.ts';
import { enqueuePeerMessage } from '../federation/outbox-service.ts';
import type { InboundHandler } from '../federation/runtime.ts';
import { seenOf } from './hits-service.ts';

export const HITS_EXPIRY_QUEUE = 'hits.expiry';
/** How long a half-received query waits for its next page before it is given up, by default. */
export const DEFAULT_PAGE_TIMEOUT_SECONDS = 3600;

type Deps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> & Partial<Pick<AppDeps, 'auditAnchor' | 'auditSequencer'>>;

/**
 * Whether a query is half-received: some of its pages arrived and more are due. Received: the query
 * still has pages to come (`answering`), or some of its matches pages came but not all. Sent: some
 * answer pages (identifiers) or matches pages (names) came but not all. A sent query that has heard
 * nothing yet is not half-received: its first page may still be in the outbox's retries.
 */
export function isHalfReceived(q: { direction: string; state: string; pages_seen: unknown }): boolean {
  if (q.direction === 'received' && q.state === 'answering') return true;
  const seen = seenOf(q).length;
  if (q.direction === 'received') return q.state === 'answered' && seen > 0;
  return q.state === 'waiting' && seen > 0;
}

/** What a query still holds is dropped and it is marked expired (the caller audits). */
async function dropQuery(trx: Kysely<Database>, id: string, now: Date): Promise<void> {
  await trx.deleteFrom('hit_query_pages').where('query_id', '=', id).execute();
  await trx.updateTable('hit_queries').set({ state: 'expired', secret: null, pending_identifiers: null, pages_seen: null, updated_at: now }).where('id', '=', id).execute();
}

/**
 * The sweep: every half-received query with no new page for `timeoutSeconds` is expired, audited
 * (`hits.query.expire`) and the peer told with `hits.expired`. Each query in its own transaction,
 * re-read under lock so that a page arriving meanwhile wins. Returns the ids expired.
 */
export async function expireStalledQueries(deps: Deps, timeoutSeconds: number): Promise<string[]> {
  const now = deps.now();
  const cutoff = new Date(now.getTime() - timeoutSeconds * 1000);
  const candidates = await deps.db
    .selectFrom('hit_queries')
    .select(['id', 'direction', 'state', 'pages_seen', 'organisation_id'])
    .where('state', 'in', ['waiting', 'answering', 'answered'])
    .where('updated_at', '<', cutoff)
    .execute();
  const expired: string[] = [];
  for (const c of candidates.filter(isHalfReceived)) {
    const done = await auditedTransaction(deps, { actor: null, requestId: 'job:hits-expiry', organisationId: c.organisation_id }, async (trx, audit) => {
      const q = await trx.selectFrom('hit_queries').selectAll().where('id', '=', c.id).where('updated_at', '<', cutoff).forUpdate().executeTakeFirst();
      if (!q || !isHalfReceived(q)) return false;
      await dropQuery(trx, q.id, now);
      audit('hits.query.expire', `hit-query:${q.id}`, {
        peer: q.peer_node_id,
        direction: q.direction,
        kind: q.kind,
        state: q.state,
        pagesSeen: seenOf(q).length,
        pages: q.pages,
        idleSeconds: Math.round((now.getTime() - new Date(q.updated_at).getTime()) / 1000),
      });
      // Its own conversation: the query's may be held back behind the very page that never got through.
      await enqueuePeerMessage(trx, now, {
        peerNodeId: q.peer_node_id,
        type: 'hits.expired',
        conversationId: `hits-expired:${q.id}`,
        payload: { queryId: q.id, reason: 'timeout' },
        senderOrganisationId: q.organisation_id,
        marking: 'AMBER',
      });
      return true;
    });
    if (done) expired.push(c.id);
  }
  if (expired.length > 0) federationOf(deps as AppDeps)?.wake();
  return expired;
}

/**
 * A peer gave up a query between the two nodes: unless it completed here already, this side drops
 * what it holds of it too and marks it expired (`hits.peer.expired`), so the querier's view shows it.
 */
export const expiredHandler: InboundHandler<ReturnType<typeof HitsExpiredPayload.parse>> = {
  parse: (p) => HitsExpiredPayload.parse(p),
  async handle({ trx, payload, peer, audit, runtime }) {
    const q = await trx.selectFrom('hit_queries').selectAll().where('id', '=', payload.queryId).where('peer_node_id', '=', peer.node_id).forUpdate().executeTakeFirst();
    if (!q) throw new NotFoundError('query_not_found', 'No query from or to that peer has this id.');
    const complete = q.state === 'expired' || q.state === 'matched' || (q.direction === 'sent' && q.state === 'answered');
    if (complete) return { result: { queryId: q.id, expired: false } satisfies HitsExpiredResult };
    await dropQuery(trx, q.id, runtime.deps.now());
    audit('hits.peer.expired', `hit-query:${q.id}`, { peer: peer.node_id, direction: q.direction, kind: q.kind, state: q.state, reason: payload.reason, pagesSeen: seenOf(q).length });
    return { result: { queryId: q.id, expired: true } satisfies HitsExpiredResult };
  },
};
