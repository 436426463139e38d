// One request (/requests/:id): summary, the actions open to the current user, completeness while it
// is prepared, its content, attachments, the formal letter and the timeline both sides share.
import { type ReactNode, useEffect, useState } from 'react';
import { RequestEvidenceSection } from '../components/evidence-list.tsx';
import { AttachmentsSection } from '../components/request-attachments.tsx';
import { RequestActions } from '../components/request-actions.tsx';
import { CompletenessPanel } from '../components/request-completeness.tsx';
import { EvidencePackageButton } from '../components/evidence-package.tsx';
import { RequestDocument } from '../components/request-document.tsx';
import { RecordedPanel } from '../components/request-recorded.tsx';
import { MarkingBadge, OverdueBadges, StateBadge } from '../components/request-badges.tsx';
import { MarkingPanel } from '../components/request-marking.tsx';
import { RequestCaseField } from '../components/request-case.tsx';
import { RequestTimeline } from '../components/request-timeline.tsx';
import { ErrorAlert, formatDate, Loading, languageName, Notice } from '../components/ui.tsx';
import { useServerText } from '../i18n/server-text.tsx';
import { useT } from '../i18n/use-t.tsx';
import { useLive } from '../live.ts';
import { countryName, loadCountries } from '../knowledge.ts';
import { type Measure, type Person, type RequestView, refreshUnread, requestsApi } from '../requests.ts';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';

const PREPARING = ['draft', 'awaiting-approval', 'approved'];

export function RequestPage({ id }: { id: string }) {
  const { t } = useT();
  const loaded = useAsync(() => requestsApi.get(id), [id]);
  const [view, setView] = useState<RequestView | undefined>(undefined);
  const [notice, setNotice] = useState<ReactNode>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new answer from the node counts, not the view it replaces
  useEffect(() => {
    if (!loaded.data) return;
    // A live update that moved the request on makes the notice about the user's own last action stale.
    if (view && (view.version !== loaded.data.version || view.state !== loaded.data.state)) setNotice(null);
    setView(loaded.data);
  }, [loaded.data]);
  // Opening a request may answer its notifications; the header count follows.
  useEffect(() => {
    void refreshUnread();
  }, []);
  // What the other side (or a colleague) does appears without a reload: state, timeline, files.
  useLive((m) => {
    if ((m.kind === 'request' && m.requestId === id) || m.kind === 'reconnected') loaded.refresh();
  });

  if (loaded.loading && !view) return <Loading />;
  if (loaded.error && !view) {
    return (
      <>
        <h1>{t('requests.view.title')}</h1>
        <ErrorAlert error={loaded.error} />
        <p>
          <Link to="/requests">{t('requests.backToList')}</Link>
        </p>
      </>
    );
  }
  if (!view) return null;
  return (
    <RequestDetails
      view={view}
      notice={notice}
      onChanged={(next, message) => {
        setView(next);
        setNotice(message);
      }}
      onReload={loaded.reload}
    />
  );
}

function RequestDetails({
  view,
  notice,
  onChanged,
  onReload,
}: {
  view: RequestView;
  notice: ReactNode;
  onChanged: (next: RequestView, message: ReactNode) => void;
  onReload: () => void;
}) {
  const { t, ts, label, lng } = useT();
  const server = useServerText();
  const countries = useAsync(() => loadCountries(), []);
  const byCode = new Map((countries.data ?? []).map((c) => [c.code, c]));
  const state = (code: string) => `${countryName(byCode.get(code), lng, code)} (${code})`;
  const preparing = view.side === 'requesting' && PREPARING.includes(view.state);
  const completeness = useAsync(() => (preparing ? requestsApi.completeness(view.id) : Promise.resolve(undefined)), [view.id, view.version, preparing]);
  const basis = view.legalBasis;

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/requests">{t('nav.requests')}</Link>
      </p>
      <h1>
        <span className="reference">{view.reference}</span> <bdi>{view.title || t('requests.untitled')}</bdi>
      </h1>
      <p className="badges">
        <StateBadge state={view.state} /> <span className="badge">{ts(`requests.type.${view.type}`)}</span>{' '}
        <span className="badge">{t(view.side === 'requesting' ? 'requests.direction.outgoing' : 'requests.direction.incoming')}</span>{' '}
        <MarkingBadge marking={view.marking} /> {view.urgency.urgent ? <span className="badge badge-urgent">{t('requests.urgent')}</span> : null}{' '}
        <OverdueBadges overdue={view.overdue} />
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <div className={preparing ? 'request-layout has-side' : 'request-layout'}>
        <div className="request-main">
          <RequestActions
            request={view}
            onChanged={(next) => {
              onChanged(next, t('requests.view.changed', { state: ts(`requests.state.${next.state}`) }));
              void refreshUnread();
            }}
            onStale={onReload}
          />
          <RecordedPanel request={view} onChanged={(next) => onChanged(next, t('requests.view.changed', { state: ts(`requests.state.${next.state}`) }))} />
          {view.editable ? (
            <p>
              <Link to={`/requests/${view.id}/edit`} className="button">
                {t('requests.view.edit')}
              </Link>
            </p>
          ) : null}

          <section className="panel" aria-labelledby="summary-title">
            <h2 id="summary-title">{t('requests.view.summary')}</h2>
            <dl className="facts">
              <dt>{t('requests.field.requesting')}</dt>
              <dd>
                {view.requesting.name ?? '—'} · {state(view.requesting.state)}
              </dd>
              <dt>{t('requests.field.requested')}</dt>
              <dd>
                {view.requested.name ?? t('requests.view.noAuthority')} · {state(view.requested.state)}
                {view.requestedAuthority && view.delivery === 'recorded' ? (
                  <div className="muted">
                    {t(`authorities.source.${view.requestedAuthority.source}`)} · {t('authorities.noNode')}
                    {view.requestedAuthority.instrument ? (
                      <>
                        {' · '}
                        <cite className="citation">{[view.requestedAuthority.instrument, view.requestedAuthority.article].filter(Boolean).join(' ')}</cite>
                      </>
                    ) : null}
                  </div>
                ) : null}
              </dd>
              <dt>{t('requests.field.legalBasis')}</dt>
              <dd>
                {!basis ? (
                  t('requests.view.noBasis')
                ) : basis.kind === 'treaty' ? (
                  <>
                    {/* The treaty's title as recorded on the request (English data); the citation in the reader's words. */}
                    <bdi lang="en">{basis.title ?? basis.instrument}</bdi> — <cite className="citation">{server.citation(basis.citation ?? basis.instrument)}</cite>
                  </>
                ) : (
                  <>
                    {t('requests.basis.reciprocity')}
                    {basis.assurance ? ` — ${basis.assurance}` : ''}
                  </>
                )}
              </dd>
              {view.caseReference ? (
                <>
                  {/* On the requested side the file number came with the request: it is the requesting side's. */}
                  <dt>{t(view.side === 'requesting' ? 'requests.field.caseReference' : 'requests.view.theirCaseReference')}</dt>
                  <dd>{view.caseReference}</dd>
                </>
              ) : null}
              {view.counterpartReference ? (
                <>
                  <dt>{t('requests.view.counterpartReference')}</dt>
                  <dd className="reference">{view.counterpartReference}</dd>
                </>
              ) : null}
              {view.counterpartNodeId ? (
                <>
                  <dt>{t('requests.view.counterpartNode')}</dt>
                  {/* People know the authority, not the node's key-derived id (kept as a tooltip for operators). */}
                  <dd title={view.counterpartNodeId}>{(view.side === 'requesting' ? view.requested.name : view.requesting.name) ?? t('common.unknown')}</dd>
                </>
              ) : null}
              <dt>{t('requests.field.language')}</dt>
              <dd>{languageName(view.language, lng)}</dd>
              <dt>{t('requests.field.deadline')}</dt>
              <dd>
                {formatDate(view.deadline, lng)}
                {view.deadlineReason ? ` — ${view.deadlineReason}` : ''}
              </dd>
              {view.urgency.urgent ? (
                <>
                  <dt>{t('requests.field.urgencyReason')}</dt>
                  <dd>{view.urgency.reason ?? '—'}</dd>
                </>
              ) : null}
              <dt>{t('requests.view.created')}</dt>
              <dd>
                {formatDate(view.createdAt, lng, true)} {view.createdBy ? `· ${view.createdBy.email}` : ''}
              </dd>
              {view.submittedAt ? (
                <>
                  <dt>{t('requests.view.submitted')}</dt>
                  <dd>
                    {formatDate(view.submittedAt, lng, true)} {view.submittedBy ? `· ${view.submittedBy.email}` : ''}
                  </dd>
                </>
              ) : null}
              {view.approvedAt ? (
                <>
                  <dt>{t('requests.view.approved')}</dt>
                  <dd>
                    {formatDate(view.approvedAt, lng, true)} {view.approvedBy ? `· ${view.approvedBy.email}` : ''}
                  </dd>
                </>
              ) : null}
              {view.transmittedAt ? (
                <>
                  <dt>{t('requests.view.transmitted')}</dt>
                  <dd>{formatDate(view.transmittedAt, lng, true)}</dd>
                </>
              ) : null}
              {view.receivedAt ? (
                <>
                  <dt>{t('requests.view.received')}</dt>
                  <dd>{formatDate(view.receivedAt, lng, true)}</dd>
                </>
              ) : null}
              {view.executedAt ? (
                <>
                  <dt>{t('requests.view.executed')}</dt>
                  <dd>{formatDate(view.executedAt, lng, true)}</dd>
                </>
              ) : null}
              {view.refusal ? (
                <>
                  <dt>{t('requests.view.refusal')}</dt>
                  <dd>
                    <ul className="grounds">
                      {view.refusal.grounds.map((g) => (
                        <li key={g.ground}>
                          {g.label} {g.citation ? <cite className="citation">{g.citation}</cite> : null}
                          {g.note ? ` — ${g.note}` : ''}
                        </li>
                      ))}
                    </ul>
                    {view.refusal.reason}
                  </dd>
                </>
              ) : null}
              {view.postponement ? (
                <>
                  <dt>{t('requests.view.postponed')}</dt>
                  <dd>
                    {t('requests.timeline.until', { date: formatDate(view.postponement.until, lng) })} — {view.postponement.reason}
                  </dd>
                </>
              ) : null}
            </dl>
          </section>

          <RequestCaseField requestId={view.id} current={view.case} onChanged={onReload} />

          <section className="panel" aria-labelledby="content-title">
            <h2 id="content-title">{t('requests.view.content')}</h2>
            <Content view={view} countryLabel={state} offenceLabel={(id) => label('offence', id)} />
          </section>

          <section className="panel" aria-labelledby="attachments-title">
            <h2 id="attachments-title">{t('requests.section.attachments')}</h2>
            <AttachmentsSection requestId={view.id} attachments={view.attachments} canUpload={false} canUseElsewhere={view.side === 'requested'} />
          </section>

          <section className="panel" aria-labelledby="web-capture-title">
            <h2 id="web-capture-title">{t('capture.panelTitle')}</h2>
            <p className="hint">{t('capture.panelHint')}</p>
            <Link className="button" to={`/evidence/capture?requestId=${encodeURIComponent(view.id)}`}>
              {t('capture.panelLink')}
            </Link>
          </section>
          <RequestEvidenceSection requestId={view.id} />

          <MarkingPanel policy={view.policy} />

          <RequestDocument request={view} />

          <section className="panel" aria-labelledby="evidence-package-title">
            <h2 id="evidence-package-title">{t('evidencePackage.title')}</h2>
            <EvidencePackageButton kind="request" id={view.id} />
          </section>

          <section className="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('requests.timeline.title')}</h2>
            <RequestTimeline events={view.timeline} requestId={view.id} />
          </section>
        </div>
        {preparing ? (
          <aside className="request-side" aria-label={ts('requests.completeness.title')}>
            <CompletenessPanel report={completeness.data} checking={completeness.loading} error={completeness.error} />
          </aside>
        ) : null}
      </div>
    </>
  );
}

function Content({ view, countryLabel, offenceLabel }: { view: RequestView; countryLabel: (code: string) => string; offenceLabel: (id: string) => string }) {
  const { t, ts } = useT();
  const text = (key: string, value: string | undefined) =>
    value ? (
      <>
        <dt>{t(key)}</dt>
        <dd className="prose" dir="auto">
          {value}
        </dd>
      </>
    ) : null;
  return (
    <>
      <dl className="facts">
        {text('requests.field.facts', view.facts)}
        {text('requests.field.applicableLaw', view.applicableLaw)}
        {view.proceedings.stage ? (
          <>
            <dt>{t('requests.field.stage')}</dt>
            <dd>{ts(`requests.stage.${view.proceedings.stage}`)}</dd>
          </>
        ) : null}
        {text('requests.field.proceedingsAuthority', view.proceedings.authority)}
        {text('requests.field.authorityFunctions', view.proceedings.authorityFunctions)}
        {text('requests.field.purpose', view.purpose)}
        {text('requests.field.procedure', view.procedure)}
        {view.confidentiality.confidential ? (
          <>
            <dt>{t('requests.field.confidential')}</dt>
            <dd>{view.confidentiality.note ?? t('common.yes')}</dd>
          </>
        ) : null}
        {view.useLimitations.speciality || view.useLimitations.limits ? (
          <>
            <dt>{t('requests.field.useLimitations')}</dt>
            <dd>
              {view.useLimitations.speciality ? <>{t('requests.field.speciality')}. </> : null}
              {view.useLimitations.limits ?? ''}
            </dd>
          </>
        ) : null}
      </dl>
      <h3>{t('requests.section.offences')}</h3>
      {view.offences.length === 0 ? (
        <p className="muted">{t('common.none')}</p>
      ) : (
        <ul>
          {view.offences.map((o, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: offences have no id of their own
            <li key={i}>
              <strong>{offenceLabel(o.category)}</strong>
              {o.iccs ? <span className="code"> ICCS {o.iccs}</span> : null}
              {o.legalDescription ? ` — ${o.legalDescription}` : ''}
              {o.provisions ? <div className="muted">{o.provisions}</div> : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('requests.section.persons')}</h3>
      {view.persons.length === 0 ? <p className="muted">{t('common.none')}</p> : <PersonsList persons={view.persons} countryLabel={countryLabel} />}
      <h3>{t('requests.section.measures')}</h3>
      {view.measures.length === 0 ? <p className="muted">{t('common.none')}</p> : <MeasuresList measures={view.measures} persons={view.persons} />}
    </>
  );
}

function PersonsList({ persons, countryLabel }: { persons: readonly Person[]; countryLabel: (code: string) => string }) {
  const { t, ts } = useT();
  return (
    <ul>
      {persons.map((p) => (
        <li key={p.id}>
          <strong>{p.name || t('requests.editor.unnamed')}</strong> ({ts(`requests.personRole.${p.role}`)})
          {p.nationality ? ` · ${countryLabel(p.nationality)}` : ''}
          {p.dateOfBirth ? ` · ${p.dateOfBirth}` : ''}
          {p.location ? <div className="muted">{p.location}</div> : null}
          {p.protectionNeeded ? <span className="flag">{t('requests.personField.protectionNeeded')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function MeasuresList({ measures, persons }: { measures: readonly Measure[]; persons: readonly Person[] }) {
  const { t, ts } = useT();
  const name = new Map(persons.map((p) => [p.id, p.name ?? p.id]));
  return (
    <ul>
      {measures.map((m) => (
        <li key={m.id}>
          <strong>{ts(`requests.measure.${m.kind}`)}</strong>
          {m.description ? ` — ${m.description}` : ''}
          {m.personIds?.length ? (
            <div className="muted">
              {t('requests.measureField.personIds')}: {m.personIds.map((id) => name.get(id) ?? id).join(', ')}
            </div>
          ) : null}
          {m.location ? (
            <div className="muted">
              {t('requests.measureField.location')}: {m.location}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
