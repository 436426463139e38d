// The request list (/requests) with filters and search kept in the address so a view can be shared,
// and the approval queue (/requests/approvals): requests awaiting approval that the supervisor did
// not draft.
import { type FormEvent, useEffect, useState } from 'react';
import type { Country } from '../api.ts';
import { CountryPicker } from '../components/country-picker.tsx';
import { MarkingBadge, OverdueBadges, StateBadge } from '../components/request-badges.tsx';
import { MarkingNotes } from '../components/request-marking.tsx';
import { ErrorAlert, Field, formatDate, Loading, SelectField } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { countryName, loadCountries } from '../knowledge.ts';
import { REQUEST_STATES, REQUEST_TYPES, type RequestFilter, type RequestSummary, requestsApi } from '../requests.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useLive } from '../live.ts';
import { useAsync } from '../use-async.ts';

const PAGE = 50;
const FILTER_KEYS = ['type', 'state', 'side', 'counterpart', 'q', 'overdue'] as const;

export function RequestsPage() {
  const { t, ts } = useT();
  const { session } = useSession();
  const { search } = useLocation();
  const countries = useAsync(() => loadCountries(), []);
  const urlKey = search.toString();
  const fromUrl = Object.fromEntries(FILTER_KEYS.map((k) => [k, search.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>;
  const offset = Number(search.get('offset') ?? '0') || 0;
  const [form, setForm] = useState(fromUrl);

  // Back and forward refill the form from the address.
  // biome-ignore lint/correctness/useExhaustiveDependencies: urlKey stands for every filter in the address
  useEffect(() => setForm(fromUrl), [urlKey]);

  const filter: RequestFilter = { ...fromUrl, limit: PAGE, offset };
  const list = useAsync(() => requestsApi.list(filter), [urlKey]);
  // A request arriving or moving on updates the list in place.
  useLive((m) => {
    if (m.kind === 'request' || m.kind === 'reconnected') list.refresh();
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = form[k].trim();
      if (v) params.set(k, v);
    }
    const qs = params.toString();
    navigate(qs ? `/requests?${qs}` : '/requests');
  }

  function page(nextOffset: number) {
    const params = new URLSearchParams(search);
    if (nextOffset > 0) params.set('offset', String(nextOffset));
    else params.delete('offset');
    navigate(`/requests?${params.toString()}`);
  }

  const canDraft = session?.user.role === 'practitioner' || session?.user.role === 'supervisor';

  return (
    <>
      <div className="page-head">
        <h1>{t('requests.list.title')}</h1>
        {canDraft ? (
          <Link to="/requests/new" className="button primary">
            {t('requests.list.new')}
          </Link>
        ) : null}
      </div>
      <section className="panel" aria-labelledby="requests-filters">
        <h2 id="requests-filters">{t('requests.list.filters')}</h2>
        <form className="form grid" onSubmit={apply}>
          <Field id="filter-q" type="search" label={t('requests.list.search')} value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
          <SelectField
            id="filter-type"
            label={t('requests.field.type')}
            value={form.type}
            onChange={(e) => setForm({ ...form, type: e.target.value })}
            options={[{ value: '', label: ts('common.any') }, ...REQUEST_TYPES.map((v) => ({ value: v, label: ts(`requests.type.${v}`) }))]}
          />
          <SelectField
            id="filter-state"
            label={t('requests.list.state')}
            value={form.state}
            onChange={(e) => setForm({ ...form, state: e.target.value })}
            options={[{ value: '', label: ts('common.any') }, ...REQUEST_STATES.map((v) => ({ value: v, label: ts(`requests.state.${v}`) }))]}
          />
          <SelectField
            id="filter-side"
            label={t('requests.list.direction')}
            value={form.side}
            onChange={(e) => setForm({ ...form, side: e.target.value })}
            options={[
              { value: '', label: ts('common.any') },
              { value: 'requesting', label: ts('requests.direction.outgoing') },
              { value: 'requested', label: ts('requests.direction.incoming') },
            ]}
          />
          <CountryPicker
            id="filter-counterpart"
            label={ts('requests.list.counterpart')}
            countries={countries.data ?? []}
            value={form.counterpart || null}
            onChange={(code) => setForm({ ...form, counterpart: code ?? '' })}
          />
          <div className="field checkbox">
            <input id="filter-overdue" type="checkbox" checked={form.overdue === 'true'} onChange={(e) => setForm({ ...form, overdue: e.target.checked ? 'true' : '' })} />
            <label htmlFor="filter-overdue">{t('requests.list.overdueOnly')}</label>
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              {t('common.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                setForm(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as typeof form);
                navigate('/requests');
              }}
            >
              {t('common.reset')}
            </button>
          </div>
        </form>
      </section>
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data ? (
        <>
          <p className="meta" role="status">
            {t('requests.list.count', { count: list.data.total })}
          </p>
          <RequestTable items={list.data.items} countries={countries.data} />
          {list.data.total > PAGE ? (
            <nav className="pager" aria-label={ts('requests.list.pages')}>
              <button type="button" disabled={offset === 0} onClick={() => page(Math.max(0, offset - PAGE))}>
                {t('common.newer')}
              </button>
              <span>{t('requests.list.range', { from: offset + 1, to: Math.min(offset + PAGE, list.data.total), total: list.data.total })}</span>
              <button type="button" disabled={offset + PAGE >= list.data.total} onClick={() => page(offset + PAGE)}>
                {t('common.older')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function ApprovalQueuePage() {
  const { t } = useT();
  const countries = useAsync(() => loadCountries(), []);
  const list = useAsync(() => requestsApi.list({ awaitingMyApproval: 'true', limit: 200 }), []);
  useLive((m) => {
    if (m.kind === 'request' || m.kind === 'reconnected') list.refresh();
  });
  return (
    <>
      <h1>{t('requests.approvals.title')}</h1>
      <p className="lead">{t('requests.approvals.intro')}</p>
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data ? (
        list.data.items.length === 0 ? (
          <p>{t('requests.approvals.none')}</p>
        ) : (
          <RequestTable items={list.data.items} countries={countries.data} />
        )
      ) : null}
    </>
  );
}

function RequestTable({ items, countries }: { items: readonly RequestSummary[]; countries: readonly Country[] | undefined }) {
  const { t, ts, lng } = useT();
  const byCode = new Map((countries ?? []).map((c) => [c.code, c]));
  if (items.length === 0) return <p>{t('requests.list.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="requests-table">
        <thead>
          <tr>
            <th scope="col">{t('requests.list.reference')}</th>
            <th scope="col">{t('requests.field.title')}</th>
            <th scope="col">{t('requests.field.type')}</th>
            <th scope="col">{t('requests.list.direction')}</th>
            <th scope="col">{t('requests.list.counterpart')}</th>
            <th scope="col">{t('requests.list.state')}</th>
            <th scope="col">{t('requests.field.marking')}</th>
            <th scope="col">{t('requests.field.deadline')}</th>
            <th scope="col">{t('requests.list.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => {
            const other = r.side === 'requesting' ? r.requested : r.requesting;
            return (
              <tr key={r.id}>
                <td>
                  <Link to={`/requests/${r.id}`} className="reference">
                    {r.reference}
                  </Link>
                </td>
                <td className="title-cell">
                  {r.title ? <bdi>{r.title}</bdi> : <span className="muted">{t(r.withheld ? 'policy.withheld' : 'requests.untitled')}</span>}
                  {r.urgent ? <span className="badge badge-urgent">{t('requests.urgent')}</span> : null}
                  {r.case ? (
                    <span className="case-ref">
                      {t('cases.requestField.inCase')}{' '}
                      <Link to={`/cases/${r.case.id}`}>
                        <bdi>{r.case.reference}</bdi>
                      </Link>
                    </span>
                  ) : null}
                </td>
                <td data-label={ts('requests.field.type')}>{ts(`requests.type.${r.type}`)}</td>
                <td data-label={ts('requests.list.direction')}>{t(r.side === 'requesting' ? 'requests.direction.outgoing' : 'requests.direction.incoming')}</td>
                <td data-label={ts('requests.list.counterpart')}>
                  {other.name ? `${other.name} · ` : ''}
                  {countryName(byCode.get(other.state), lng, other.state)}
                </td>
                <td data-label={ts('requests.list.state')}>
                  <StateBadge state={r.state} /> <OverdueBadges overdue={r.overdue} />
                </td>
                <td data-label={ts('requests.field.marking')}>
                  <MarkingBadge marking={r.marking} /> <MarkingNotes row={r} />
                </td>
                <td data-label={ts('requests.field.deadline')}>{formatDate(r.deadline, lng)}</td>
                <td data-label={ts('requests.list.updated')}>{formatDate(r.updatedAt, lng, true)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
