// Statistics shared between nodes, on the registry statistics page (issue 14 part 6): what peers
// shared with this node — each share with its origin node, the organisation that shared it, the
// period, the months covered and its marking, and its counts as a table — and, for a supervisor,
// the form that shares the organisation's counts with a peer under a marking (the release policy
// decides; a denial is shown as the node words it) and the list of what was shared.
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorAlert, Field, Loading, Notice, SelectField } from '../components/ui.tsx';
import { MarkingBadge } from '../components/request-badges.tsx';
import { useT } from '../i18n/use-t.tsx';
import { SHARE_TLP, STATISTICS_SOURCES, type ShareBody, type StatisticsPeriod, registryAnalysisApi } from '../registry-analysis.ts';
import { federationApi } from '../requests.ts';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';

/** An ICCS title (the taxonomy is in English): outside English, marked as English text the way every fallback is. */
export function IccsTitle({ title }: { title: string }) {
  const { lng } = useT();
  if (lng === 'en') return <bdi>{title}</bdi>;
  return (
    <span lang="en" dir="ltr" className="fallback">
      {title}
    </span>
  );
}

/** ICCS-coded counts by period, country and source: the node's own statistics and a peer's shared ones. */
export function CountsTable({ rows, caption, testId }: { rows: CountRow[]; caption: ReactNode; testId?: string }) {
  const { t, ts, lng } = useT();
  const n = new Intl.NumberFormat(lng);
  return (
    <table className="stats-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('registry.statistics.periodCol')}</th>
          <th scope="col">{t('registry.statistics.country')}</th>
          <th scope="col">{t('registry.statistics.sourceLabel')}</th>
          <th scope="col">{t('registry.statistics.iccs')}</th>
          <th scope="col">{t('registry.statistics.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.period}-${r.source}-${r.country}-${r.iccsCode}`}>
            <td>
              <bdi dir="ltr">{r.period}</bdi>
            </td>
            <td>{r.country === '_X' ? ts('registry.statistics.unspecified') : r.country}</td>
            <td>{ts(`registry.statistics.source.${r.source}`)}</td>
            <td>
              <span dir="ltr">{r.iccsCode === '_X' ? '—' : r.iccsCode}</span> {r.iccsTitle ? <IccsTitle title={r.iccsTitle} /> : null}
            </td>
            <td>{n.format(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface CountRow {
  period: string;
  country: string;
  source: string;
  iccsCode: string;
  iccsTitle?: string | null;
  count: number;
}

export function ReceivedStatistics() {
  const { t, ts, lng } = useT();
  const received = useAsync(() => registryAnalysisApi.received(), []);
  const when = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
  const items = received.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="stats-received" data-testid="statistics-received">
      <h2 id="stats-received">{t('registry.statistics.received.title')}</h2>
      <p className="muted">{t('registry.statistics.received.intro')}</p>
      {received.error ? <ErrorAlert error={received.error} /> : null}
      {received.loading && !received.data ? <Loading /> : null}
      {received.data && items.length === 0 ? <p>{t('registry.statistics.received.none')}</p> : null}
      {items.map((s) => (
        <article key={`${s.origin.nodeId}-${s.id}`} className="received-share" aria-labelledby={`share-${s.id}`}>
          <h3 id={`share-${s.id}`}>
            <bdi>{s.origin.name}</bdi> ({s.origin.country}) <MarkingBadge marking={s.marking.tlp} /> <span className="badge">{s.marking.handling}</span>
          </h3>
          <dl className="meta-list">
            <dt>{t('registry.statistics.received.node')}</dt>
            <dd>
              <code dir="ltr">{s.origin.nodeId}</code>
            </dd>
            <dt>{t('registry.statistics.received.sharedBy')}</dt>
            <dd>
              <bdi>{s.sharedBy.organisation}</bdi> ({s.sharedBy.state})
            </dd>
            <dt>{t('registry.statistics.received.months')}</dt>
            <dd>
              <bdi dir="ltr">
                {s.from} – {s.to}
              </bdi>{' '}
              ({t('registry.statistics.period')} {ts(`registry.statistics.per.${s.period}`)})
            </dd>
            <dt>{t('registry.statistics.received.sources')}</dt>
            <dd>{s.sources.map((x) => ts(`registry.statistics.source.${x}`)).join(', ')}</dd>
            <dt>{t('registry.statistics.received.at')}</dt>
            <dd>{when.format(new Date(s.receivedAt))}</dd>
            {s.note ? (
              <>
                <dt>{t('registry.statistics.received.note')}</dt>
                <dd>
                  <bdi>{s.note}</bdi>
                </dd>
              </>
            ) : null}
          </dl>
          {s.rows.length === 0 ? (
            <p>{t('registry.statistics.empty')}</p>
          ) : (
            <div className="table-scroll">
            <CountsTable rows={s.rows} caption={t('registry.statistics.received.caption', { origin: s.origin.name })} />
            </div>
          )}
        </article>
      ))}
    </section>
  );
}

interface ShareForm {
  peerNodeId: string;
  period: StatisticsPeriod;
  from: string;
  to: string;
  sources: string[];
  tlp: (typeof SHARE_TLP)[number];
  handling: 'H0' | 'H1' | 'H2' | 'H3';
  note: string;
}

/** A supervisor shares the organisation's counts with a peer under a marking; the list of what was shared. */
export function ShareStatistics() {
  const { t, ts, lng } = useT();
  const { session } = useSession();
  const supervisor = session?.user.role === 'supervisor';
  const peers = useAsync(() => (supervisor ? federationApi.directory({}) : Promise.resolve({ items: [] })), [supervisor]);
  const [reload, setReload] = useState(0);
  const sent = useAsync(() => (supervisor ? registryAnalysisApi.sent() : Promise.resolve({ items: [] })), [supervisor, reload]);
  const [form, setForm] = useState<ShareForm>({ peerNodeId: '', period: 'quarter', from: '', to: '', sources: [...STATISTICS_SOURCES], tlp: 'GREEN', handling: 'H0', note: '' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ peer: string; rows: number } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!supervisor) return null;
  // One choice per node (a node may list several authorities).
  const nodes = [...new Map((peers.data?.items ?? []).map((p) => [p.nodeId, p])).values()];
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const body: ShareBody = {
        peerNodeId: form.peerNodeId,
        period: form.period,
        from: form.from,
        to: form.to,
        sources: form.sources as ShareBody['sources'],
        marking: { tlp: form.tlp, handling: form.handling },
        ...(form.note.trim() ? { note: form.note.trim() } : {}),
      };
      const answer = await registryAnalysisApi.share(body);
      setDone({ peer: answer.peer.name, rows: answer.rows });
      setReload((r) => r + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const toggle = (s: string) => setForm({ ...form, sources: form.sources.includes(s) ? form.sources.filter((x) => x !== s) : [...form.sources, s] });
  return (
    <section className="panel" aria-labelledby="stats-share">
      <h2 id="stats-share">{t('registry.statistics.share.title')}</h2>
      <p className="muted">{t('registry.statistics.share.intro')}</p>
      <form className="form grid" onSubmit={submit} data-testid="statistics-share-form">
        <SelectField
          id="share-peer"
          label={t('registry.statistics.share.peer')}
          value={form.peerNodeId}
          required
          onChange={(e) => setForm({ ...form, peerNodeId: e.target.value })}
          options={[{ value: '', label: ts('registry.statistics.share.choosePeer') }, ...nodes.map((p) => ({ value: p.nodeId, label: `${p.name} (${p.state})` }))]}
        />
        <SelectField
          id="share-period"
          label={t('registry.statistics.period')}
          value={form.period}
          onChange={(e) => setForm({ ...form, period: e.target.value as StatisticsPeriod })}
          options={(['month', 'quarter', 'year'] as const).map((p) => ({ value: p, label: ts(`registry.statistics.per.${p}`) }))}
        />
        <Field id="share-from" type="month" required label={t('registry.statistics.from')} value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        <Field id="share-to" type="month" required label={t('registry.statistics.to')} value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        <fieldset className="field">
          <legend>{t('registry.statistics.sourceLabel')}</legend>
          {STATISTICS_SOURCES.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={form.sources.includes(s)} onChange={() => toggle(s)} /> {ts(`registry.statistics.source.${s}`)}
            </label>
          ))}
        </fieldset>
        <SelectField
          id="share-tlp"
          label={t('registry.statistics.share.tlp')}
          value={form.tlp}
          onChange={(e) => setForm({ ...form, tlp: e.target.value as ShareForm['tlp'] })}
          options={SHARE_TLP.map((m) => ({ value: m, label: `TLP:${m}` }))}
        />
        <SelectField
          id="share-handling"
          label={t('registry.statistics.share.handling')}
          value={form.handling}
          onChange={(e) => setForm({ ...form, handling: e.target.value as ShareForm['handling'] })}
          options={(['H0', 'H1', 'H2', 'H3'] as const).map((h) => ({ value: h, label: h }))}
        />
        <div className="field wide">
          <label htmlFor="share-note">{t('registry.statistics.share.note')}</label>
          <textarea id="share-note" maxLength={2000} rows={2} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
        </div>
        <div className="actions">
          <button type="submit" disabled={busy || form.sources.length === 0}>
            {t('registry.statistics.share.submit')}
          </button>
        </div>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      {done ? <Notice>{t('registry.statistics.share.sent', { peer: done.peer, rows: new Intl.NumberFormat(lng).format(done.rows) })}</Notice> : null}
      {sent.data && sent.data.items.length > 0 ? (
        <table className="stats-table" data-testid="statistics-shared">
          <caption>{t('registry.statistics.share.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registry.statistics.share.peer')}</th>
              <th scope="col">{t('registry.statistics.received.months')}</th>
              <th scope="col">{t('registry.statistics.share.tlp')}</th>
              <th scope="col">{t('registry.statistics.count')}</th>
              <th scope="col">{t('registry.statistics.share.when')}</th>
            </tr>
          </thead>
          <tbody>
            {sent.data.items.map((s) => (
              <tr key={s.id}>
                <td>
                  <bdi>{s.peer.name}</bdi> ({s.peer.country})
                </td>
                <td>
                  <bdi dir="ltr">
                    {s.from} – {s.to}
                  </bdi>
                </td>
                <td>
                  <MarkingBadge marking={s.marking.tlp} /> {s.marking.handling}
                </td>
                <td>{new Intl.NumberFormat(lng).format(s.rows)}</td>
                <td>{new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(s.sharedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
