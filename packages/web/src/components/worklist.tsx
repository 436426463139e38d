// The signed-in home page's worklist: one card per thing that waits for this person (the node
// decides which by role and organisation), with its count, the latest requests and a link to all
// of them. It follows live updates.
import { useT } from '../i18n/use-t.tsx';
import { useLive } from '../live.ts';
import { requestsApi, type WorklistGroup } from '../requests.ts';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { StateBadge } from './request-badges.tsx';
import { ErrorAlert, Loading } from './ui.tsx';

const OPEN_ON_REQUESTED_SIDE = 'received,under-execution,partially-executed,postponed';

/** Where "see all" leads for each group. */
const LINKS: Record<WorklistGroup['key'], string> = {
  drafts: '/requests?side=requesting&state=draft',
  'awaiting-my-approval': '/requests/approvals',
  'to-acknowledge': '/requests?side=requested&state=transmitted',
  'to-execute': `/requests?side=requested&state=${OPEN_ON_REQUESTED_SIDE}`,
  'more-information-asked': '/requests?side=requesting&state=more-information-requested',
  'answers-received': '/notifications',
  overdue: '/requests?overdue=true',
  'failed-deliveries': '/admin/peers',
};

export function Worklist() {
  const { t, ts } = useT();
  const list = useAsync(() => requestsApi.worklist(), []);
  useLive((m) => {
    if (m.kind === 'request' || m.kind === 'notification' || m.kind === 'reconnected') list.refresh();
  });
  const groups = list.data?.groups ?? [];
  const waiting = groups.filter((g) => g.count > 0);
  const nothing = groups.filter((g) => g.count === 0);
  return (
    <section className="worklist" aria-labelledby="worklist-title">
      <h2 id="worklist-title">{t('home.worklist.title')}</h2>
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data && waiting.length === 0 ? <p className="muted">{t('home.worklist.allClear')}</p> : null}
      {waiting.length > 0 ? (
        <ul className="worklist-groups">
          {waiting.map((g) => (
            <li key={g.key} className={`worklist-group worklist-${g.key}`}>
              <h3>
                <Link to={LINKS[g.key]}>
                  <span className="worklist-count">{g.count}</span> <span className="worklist-label">{t(`home.worklist.group.${g.key}`)}</span>
                </Link>
              </h3>
              <p className="hint">{t(`home.worklist.help.${g.key}`)}</p>
              {g.items.length > 0 ? (
                <ul className="worklist-items">
                  {g.items.map((r) => (
                    <li key={r.id}>
                      <Link to={`/requests/${r.id}`}>
                        <span className="reference">{r.reference}</span> <span dir="auto">{r.title}</span>
                      </Link>{' '}
                      <StateBadge state={r.state} />
                    </li>
                  ))}
                </ul>
              ) : null}
              {g.count > g.items.length ? (
                <p>
                  <Link to={LINKS[g.key]}>{t('home.worklist.seeAll', { n: g.count })}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {nothing.length > 0 && waiting.length > 0 ? (
        <p className="muted worklist-nothing">{t('home.worklist.nothingIn', { list: nothing.map((g) => ts(`home.worklist.group.${g.key}`)).join(' · ') })}</p>
      ) : null}
    </section>
  );
}
