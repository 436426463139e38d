// The log of public checks for the registry's investigators (issue 15 part 4): newest first, the
// filters (matched only, from/to day) kept in the address, what was asked (fields, digests, the kept
// photo's thumbnail), who asked as far as the person said, the matched records the reader may open,
// and the receipt's digest. Node administrators see every check; others those that matched their records.
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert, Field, Loading } from '../components/ui.tsx';
import { type CheckLogFilter, culturalApi } from '../cultural.ts';
import { formatDate } from '../format.ts';
import { useT } from '../i18n/use-t.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { useAsync } from '../use-async.ts';

const PAGE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = ['title', 'objectType', 'materials', 'maker', 'description', 'inscriptions'];

export function CulturalChecksPage() {
  const { t, ts, lng } = useT();
  const { search } = useLocation();
  const urlKey = search.toString();
  const matched = search.get('matched') === 'true';
  const from = DAY.test(search.get('from') ?? '') ? (search.get('from') as string) : '';
  const to = DAY.test(search.get('to') ?? '') ? (search.get('to') as string) : '';
  const offset = Math.max(0, Number.parseInt(search.get('offset') ?? '0', 10) || 0);
  const [form, setForm] = useState({ matched, from, to });
  // biome-ignore lint/correctness/useExhaustiveDependencies: urlKey stands for every filter in the address
  useEffect(() => setForm({ matched, from, to }), [urlKey]);
  const query: CheckLogFilter = { ...(matched ? { matched: 'true' as const } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), limit: PAGE, offset };
  const list = useAsync(() => culturalApi.checks(query), [urlKey]);

  const go = (f: { matched: boolean; from: string; to: string }, at = 0) => {
    const params = new URLSearchParams();
    if (f.matched) params.set('matched', 'true');
    if (f.from) params.set('from', f.from);
    if (f.to) params.set('to', f.to);
    if (at > 0) params.set('offset', String(at));
    const q = params.toString();
    navigate(q ? `/cultural-property/checks?${q}` : '/cultural-property/checks');
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    go(form);
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('culturalChecks.title')}</h1>
        <Link to="/cultural-property">{t('culturalChecks.back')}</Link>
      </div>
      <p className="lead">{t('culturalChecks.intro')}</p>
      <section className="panel" aria-labelledby="checks-filters">
        <h2 id="checks-filters">{t('culturalChecks.filters')}</h2>
        <form className="form grid" onSubmit={apply}>
          <div className="field checkbox">
            <label>
              <input type="checkbox" checked={form.matched} onChange={(e) => setForm({ ...form, matched: e.target.checked })} /> {t('culturalChecks.matchedOnly')}
            </label>
          </div>
          <Field id="checks-from" label={t('culturalChecks.from')} type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
          <Field id="checks-to" label={t('culturalChecks.to')} type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('common.apply')}
            </button>
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby="checks-results">
        <h2 id="checks-results" className="visually-hidden">
          {t('culturalChecks.results')}
        </h2>
        {list.loading && !list.data ? <Loading /> : null}
        <ErrorAlert error={list.error} />
        {list.data ? (
          <>
            <p className="meta" role="status">
              {t('culturalChecks.count', { count: list.data.total })}
            </p>
            {list.data.items.length === 0 ? (
              <p>{t('culturalChecks.none')}</p>
            ) : (
              <div className="table-scroll">
                <table className="requests-table cultural-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('culturalChecks.when')}</th>
                      <th scope="col">{t('culturalChecks.photo')}</th>
                      <th scope="col">{t('culturalChecks.asked')}</th>
                      <th scope="col">{t('culturalChecks.requester')}</th>
                      <th scope="col">{t('culturalChecks.result')}</th>
                      <th scope="col">{t('culturalChecks.receipt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.items.map((c) => (
                      <tr key={c.id}>
                        <td data-label={ts('culturalChecks.when')}>{formatDate(c.checkedAt, lng, true)}</td>
                        <td className="cultural-thumb-cell" data-label={ts('culturalChecks.photo')}>
                          {c.query.photoKept ? (
                            <img src={culturalApi.checkPhotoUrl(c.id)} alt={ts('culturalChecks.photoAlt')} width={64} height={64} loading="lazy" />
                          ) : (
                            <span className="muted">{c.query.imageSha256 ? t('culturalChecks.photoNotKept') : t('common.none')}</span>
                          )}
                        </td>
                        <td data-label={ts('culturalChecks.asked')}>
                          {c.query.fields.length ? <div>{c.query.fields.map((f) => (FIELDS.includes(f) ? ts(`cultural.field.${f}`) : f)).join(', ')}</div> : null}
                          {c.query.textSha256 ? (
                            <div>
                              {t('culturalChecks.text')}{' '}
                              <code dir="ltr" title={c.query.textSha256}>
                                {c.query.textSha256.slice(0, 12)}…
                              </code>
                            </div>
                          ) : null}
                          {c.query.imageSha256 ? (
                            <div>
                              {t('culturalChecks.image')}{' '}
                              <code dir="ltr" title={c.query.imageSha256}>
                                {c.query.imageSha256.slice(0, 12)}…
                              </code>
                            </div>
                          ) : null}
                        </td>
                        <td data-label={ts('culturalChecks.requester')}>
                          {c.requester ? (
                            Object.entries(c.requester).map(([k, v]) => (
                              <div key={k}>
                                <bdi>{v}</bdi>
                              </div>
                            ))
                          ) : (
                            <span className="muted">{t('culturalChecks.notGiven')}</span>
                          )}
                        </td>
                        <td data-label={ts('culturalChecks.result')}>
                          {c.outcome === 'no-match' ? t('culturalCheck.noMatch') : t('culturalCheck.matches', { count: c.matches.length + c.otherMatches })}
                          {c.matches.map((m) => (
                            <div key={m.recordId}>
                              <Link to={`/cultural-property/${m.recordId}`} className="reference">
                                <bdi>{m.reference}</bdi>
                              </Link>
                            </div>
                          ))}
                          {c.otherMatches > 0 ? <div className="muted">{t('culturalChecks.others', { count: c.otherMatches })}</div> : null}
                        </td>
                        <td data-label={ts('culturalChecks.receipt')}>
                          <code dir="ltr" title={c.receiptSha256}>
                            {c.receiptSha256.slice(0, 16)}…
                          </code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {list.data.total > PAGE ? (
              <nav className="actions" aria-label={ts('culturalChecks.pages')}>
                <button type="button" disabled={offset === 0} onClick={() => go({ matched, from, to }, Math.max(0, offset - PAGE))}>
                  {t('common.newer')}
                </button>
                <button type="button" disabled={offset + PAGE >= list.data.total} onClick={() => go({ matched, from, to }, offset + PAGE)}>
                  {t('common.older')}
                </button>
              </nav>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
