// The worklist on the home page: what waits for this person, by role and organisation, each group
// with its count and the most recently changed requests. Every query is scoped as the request
// list is (own organisation; node-wide roles see every organisation).
import { can, NODE_WIDE_ROLES } from '@comity/core';
import { OPEN_AFTER_TRANSMISSION } from '@comity/core/requests/request';
import type { Worklist } from '@comity/contract/requests';
import { listRequests, type RequestFilter } from '@comity/db/repos/requests-repo';
import type { Actor } from '../deps.ts';
import { todayOf as policyToday } from '../policy/policy-service.ts';
import { presentSummary } from './request-presenter.ts';
import type { RequestDeps } from './request-deps.ts';

const SHOWN = 5;
type Group = Worklist['groups'][number];

export async function worklistFor(deps: Pick<RequestDeps, 'db' | 'now'>, actor: Actor): Promise<Worklist> {
  // Rows go through the release policy as in the request list: a row the person may not read keeps
  // its reference and marking, not its title.
  const today = policyToday(deps.now());
  const organisationId = NODE_WIDE_ROLES.includes(actor.role) ? undefined : actor.organisationId;
  const group = async (key: Group['key'], f: Omit<RequestFilter, 'limit' | 'offset' | 'organisationId'>): Promise<Group> => {
    const { rows, total } = await listRequests(deps.db, { ...f, organisationId, limit: SHOWN, offset: 0 });
    return { key, count: total, items: rows.map((row) => presentSummary(row, actor, today)) };
  };
  const groups: Group[] = [];
  if (can(actor.role, 'request:draft')) groups.push(await group('drafts', { side: 'requesting', draftsOf: actor.userId }));
  if (can(actor.role, 'request:approve')) groups.push(await group('awaiting-my-approval', { side: 'requesting', approvableBy: actor.userId }));
  if (can(actor.role, 'request:execute')) {
    groups.push(await group('to-acknowledge', { side: 'requested', states: ['transmitted'] }));
    groups.push(await group('to-execute', { side: 'requested', states: ['received', 'under-execution', 'partially-executed', 'postponed'] }));
  }
  if (can(actor.role, 'request:draft')) groups.push(await group('more-information-asked', { side: 'requesting', states: ['more-information-requested'] }));
  if (can(actor.role, 'request:read')) {
    // Answers: the requests on the requesting side about which this person has unread news.
    const unread = await deps.db
      .selectFrom('notifications')
      .select('request_id')
      .distinct()
      .where('user_id', '=', actor.userId)
      .where('read_at', 'is', null)
      .where('kind', '=', 'status-changed')
      .where('request_id', 'is not', null)
      .execute();
    groups.push(await group('answers-received', { side: 'requesting', ids: unread.flatMap((n) => (n.request_id ? [n.request_id] : [])) }));
    groups.push(await group('overdue', { overdue: true, states: [...OPEN_AFTER_TRANSMISSION] }));
  }
  if (can(actor.role, 'federation:manage')) {
    const failed = await deps.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('state', '=', 'failed').executeTakeFirstOrThrow();
    groups.push({ key: 'failed-deliveries', count: Number(failed.n), items: [] });
  }
  return { groups };
}
