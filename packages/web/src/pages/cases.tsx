// Cases: the list (/cases, filters and search kept in the address), the new-case form (/cases/new)
// and the case page (/cases/:id) with its details, marking, team editor, linked requests and the
// sections other capabilities add (CASE_SECTIONS below: one line each).
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { CaseCapturePanel } from '../components/case-capture-panel.tsx';
import { CaseEntitiesSection } from '../components/case-entities.tsx';
import { CaseSeizuresSection } from '../components/case-seizures.tsx';
import { CaseEvidenceSection } from '../components/evidence-list.tsx';
import { EvidencePackagePanel } from '../components/evidence-package.tsx';
import { CaseEvidenceSend } from '../components/evidence-transfers.tsx';
import {
  CASE_STATUSES,
  type CaseFilter,
  type CaseOffence,
  type CaseSummary,
  type CaseTeamRole,
  type CaseView,
  type CreateCaseBody,
  casesApi,
  OFFENCE_IDS,
} from '../cases.ts';
import { MarkingBadge, StateBadge } from '../components/request-badges.tsx';
import { MarkingPanel } from '../components/request-marking.tsx';
import { ErrorAlert, Field, formatDate, Loading, Notice, SelectField } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { useLive } from '../live.ts';
import { requestsApi, TLP_MARKINGS, type TlpMarking } from '../requests.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';

const PAGE = 50;
const FILTER_KEYS = ['status', 'offence', 'mine', 'q'] as const;
const HANDLING = ['H0', 'H1', 'H2', 'H3'] as const;

/**
 * Sections other capabilities add to the case page, in order, each one line:
 * `{ id: 'evidence', render: (c) => <CaseEvidenceSection view={c} /> }`.
 */
export const CASE_SECTIONS: { id: string; render: (view: CaseView, reload: () => void) => ReactNode }[] = [
  { id: 'evidence', render: (view) => <CaseEvidenceSection caseId={view.id} /> },
  { id: 'evidence-send', render: (view) => <CaseEvidenceSend caseId={view.id} /> },
  { id: 'capture', render: (view) => <CaseCapturePanel caseId={view.id} /> },
  { id: 'evidence-package', render: (view) => <EvidencePackagePanel kind="case" id={view.id} /> },
  { id: 'entities', render: (view) => <CaseEntitiesSection caseId={view.id} /> },
  { id: 'seizures', render: (view) => <CaseSeizuresSection caseId={view.id} /> },
];

function mayCreate(role: string | undefined): boolean {
  return role === 'supervisor' || role === 'practitioner' || role === 'analyst';
}

export function CaseListPage() {
  const { t, ts } = useT();
  const { session } = useSession();
  const { search } = useLocation();
  const urlKey = search.toString();
  const fromUrl = Object.fromEntries(FILTER_KEYS.map((k) => [k, search.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>;
  const offset = Number(search.get('offset') ?? '0') || 0;
  const [form, setForm] = useState(fromUrl);
  // biome-ignore lint/correctness/useExhaustiveDependencies: urlKey stands for every filter in the address
  useEffect(() => setForm(fromUrl), [urlKey]);
  const filter: CaseFilter = { ...Object.fromEntries(Object.entries(fromUrl).filter(([, v]) => v)), limit: PAGE, offset };
  const list = useAsync(() => casesApi.list(filter), [urlKey]);
  useLive((m) => {
    if (m.kind === 'case' || m.kind === 'reconnected') list.refresh();
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = form[k].trim();
      if (v) params.set(k, v);
    }
    const qs = params.toString();
    navigate(qs ? `/cases?${qs}` : '/cases');
  }

  function page(nextOffset: number) {
    const params = new URLSearchParams(search);
    if (nextOffset > 0) params.set('offset', String(nextOffset));
    else params.delete('offset');
    navigate(`/cases?${params.toString()}`);
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('cases.list.title')}</h1>
        {mayCreate(session?.user.role) ? (
          <Link to="/cases/new" className="button primary">
            {t('cases.list.new')}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t('cases.list.intro')}</p>
      <section className="panel" aria-labelledby="cases-filters">
        <h2 id="cases-filters">{t('cases.list.filters')}</h2>
        <form className="form grid" onSubmit={apply}>
          <Field id="case-filter-q" type="search" label={t('cases.list.search')} value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
          <SelectField
            id="case-filter-status"
            label={t('cases.field.status')}
            value={form.status}
            onChange={(e) => setForm({ ...form, status: e.target.value })}
            options={[{ value: '', label: ts('common.any') }, ...CASE_STATUSES.map((v) => ({ value: v, label: ts(`cases.status.${v}`) }))]}
          />
          <SelectField
            id="case-filter-offence"
            label={t('cases.field.offence')}
            value={form.offence}
            onChange={(e) => setForm({ ...form, offence: e.target.value })}
            options={[{ value: '', label: ts('common.any') }, ...OFFENCE_IDS.map((v) => ({ value: v, label: ts(`offence.${v}`) }))]}
          />
          <div className="field checkbox">
            <input id="case-filter-mine" type="checkbox" checked={form.mine === 'true'} onChange={(e) => setForm({ ...form, mine: e.target.checked ? 'true' : '' })} />
            <label htmlFor="case-filter-mine">{t('cases.list.mine')}</label>
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              {t('common.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                setForm(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as typeof form);
                navigate('/cases');
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
            {t('cases.list.count', { count: list.data.total })}
          </p>
          <CaseTable items={list.data.items} />
          {list.data.total > PAGE ? (
            <nav className="pager" aria-label={ts('cases.list.pages')}>
              <button type="button" disabled={offset === 0} onClick={() => page(Math.max(0, offset - PAGE))}>
                {t('common.newer')}
              </button>
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

function CaseTable({ items }: { items: readonly CaseSummary[] }) {
  const { t, ts, lng } = useT();
  if (items.length === 0) return <p>{t('cases.list.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="requests-table cases-table">
        <thead>
          <tr>
            <th scope="col">{t('cases.field.reference')}</th>
            <th scope="col">{t('cases.field.title')}</th>
            <th scope="col">{t('cases.field.status')}</th>
            <th scope="col">{t('cases.field.offences')}</th>
            <th scope="col">{t('requests.field.marking')}</th>
            <th scope="col">{t('cases.field.team')}</th>
            <th scope="col">{t('cases.field.requests')}</th>
            <th scope="col">{t('requests.list.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/cases/${c.id}`} className="reference">
                  <bdi>{c.reference}</bdi>
                </Link>
              </td>
              <td className="title-cell">{c.withheld ? <span className="muted">{t('policy.withheld')}</span> : <bdi>{c.title}</bdi>}</td>
              <td data-label={ts('cases.field.status')}>
                <span className={`badge case-status case-${c.status}`}>{t(`cases.status.${c.status}`)}</span>
              </td>
              <td data-label={ts('cases.field.offences')}>{c.offences.map((o) => ts(`offence.${o}`)).join(', ')}</td>
              <td data-label={ts('requests.field.marking')}>
                <MarkingBadge marking={c.marking} />
              </td>
              <td data-label={ts('cases.field.team')}>{c.teamSize}</td>
              <td data-label={ts('cases.field.requests')}>{c.requestCount}</td>
              <td data-label={ts('requests.list.updated')}>{formatDate(c.updatedAt, lng, true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Offence categories as checkboxes (the taxonomy requests use). */
function OffencePicker({ value, onChange }: { value: readonly CaseOffence[]; onChange: (next: CaseOffence[]) => void }) {
  const { t, ts } = useT();
  return (
    <fieldset className="choice-group case-offences">
      <legend>{t('cases.field.offences')}</legend>
      {OFFENCE_IDS.map((o) => (
        <div className="field checkbox" key={o}>
          <input
            id={`case-offence-${o}`}
            type="checkbox"
            checked={value.includes(o)}
            onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((x) => x !== o))}
          />
          <label htmlFor={`case-offence-${o}`}>{ts(`offence.${o}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

type MarkingForm = { marking: TlpMarking; handling: (typeof HANDLING)[number]; handlingNote: string; confidential: boolean; speciality: boolean };

function MarkingFields({ value, onChange }: { value: MarkingForm; onChange: (next: MarkingForm) => void }) {
  const { t, ts } = useT();
  return (
    <fieldset className="choice-group case-marking">
      <legend>{t('policy.marking.title')}</legend>
      <SelectField
        id="case-marking"
        label={t('requests.field.marking')}
        value={value.marking}
        onChange={(e) => onChange({ ...value, marking: e.target.value as TlpMarking })}
        options={TLP_MARKINGS.map((m) => ({ value: m, label: `TLP:${m}` }))}
      />
      <p className="hint">{t(`policy.tlpAudience.${value.marking}`)}</p>
      <SelectField
        id="case-handling"
        label={t('policy.marking.handling')}
        value={value.handling}
        onChange={(e) => onChange({ ...value, handling: e.target.value as MarkingForm['handling'] })}
        options={HANDLING.map((h) => ({ value: h, label: `${h} — ${ts(`policy.handling.${h}`)}` }))}
      />
      {value.handling === 'H3' ? (
        <Field id="case-handling-note" label={t('policy.marking.notes')} value={value.handlingNote} onChange={(e) => onChange({ ...value, handlingNote: e.target.value })} />
      ) : null}
      <div className="field checkbox">
        <input id="case-confidential" type="checkbox" checked={value.confidential} onChange={(e) => onChange({ ...value, confidential: e.target.checked })} />
        <label htmlFor="case-confidential">{t('cases.field.confidential')}</label>
      </div>
      <div className="field checkbox">
        <input id="case-speciality" type="checkbox" checked={value.speciality} onChange={(e) => onChange({ ...value, speciality: e.target.checked })} />
        <label htmlFor="case-speciality">{t('cases.field.speciality')}</label>
      </div>
    </fieldset>
  );
}

function markingBody(m: MarkingForm) {
  return {
    marking: m.marking,
    handling: m.handling,
    ...(m.handling === 'H3' ? { handlingNote: m.handlingNote } : { handlingNote: '' }),
    confidentiality: { confidential: m.confidential },
    useLimitations: { speciality: m.speciality },
  };
}

export function NewCasePage() {
  const { t } = useT();
  const [title, setTitle] = useState('');
  const [reference, setReference] = useState('');
  const [description, setDescription] = useState('');
  const [openedOn, setOpenedOn] = useState('');
  const [offences, setOffences] = useState<CaseOffence[]>([]);
  const [marking, setMarking] = useState<MarkingForm>({ marking: 'AMBER', handling: 'H0', handlingNote: '', confidential: false, speciality: false });
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body: CreateCaseBody = {
        title,
        offences,
        ...markingBody(marking),
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(description.trim() ? { description } : {}),
        ...(openedOn ? { openedOn } : {}),
      };
      const created = await casesApi.create(body);
      navigate(`/cases/${created.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/cases">{t('cases.list.title')}</Link>
      </p>
      <h1>{t('cases.new.title')}</h1>
      <p className="lead">{t('cases.new.intro')}</p>
      <ErrorAlert error={error} />
      <form className="form panel" onSubmit={submit}>
        <Field id="case-title" label={t('cases.field.title')} value={title} required maxLength={500} onChange={(e) => setTitle(e.target.value)} />
        <Field id="case-reference" label={t('cases.field.reference')} hint={t('cases.new.referenceHint')} value={reference} maxLength={64} onChange={(e) => setReference(e.target.value)} />
        <div className="field">
          <label htmlFor="case-description">{t('cases.field.description')}</label>
          <textarea id="case-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <Field id="case-opened-on" type="date" label={t('cases.field.openedOn')} hint={t('cases.new.openedHint')} value={openedOn} onChange={(e) => setOpenedOn(e.target.value)} />
        <OffencePicker value={offences} onChange={setOffences} />
        <MarkingFields value={marking} onChange={setMarking} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('cases.new.create')}
          </button>
        </div>
      </form>
    </>
  );
}

export function CasePage({ id }: { id: string }) {
  const { t } = useT();
  const loaded = useAsync(() => casesApi.get(id), [id]);
  const [view, setView] = useState<CaseView | undefined>(undefined);
  const [notice, setNotice] = useState<ReactNode>(null);
  useEffect(() => setView(loaded.data), [loaded.data]);
  useLive((m) => {
    if ((m.kind === 'case' && m.caseId === id) || m.kind === 'reconnected') loaded.refresh();
  });
  if (loaded.loading && !view) return <Loading />;
  if (loaded.error && !view) {
    const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <>
        <h1>{t('cases.view.title')}</h1>
        {missing ? <ErrorAlert>{t('cases.view.notFound')}</ErrorAlert> : <ErrorAlert error={loaded.error} />}
        <p>
          <Link to="/cases">{t('cases.backToList')}</Link>
        </p>
      </>
    );
  }
  if (!view) return null;
  const changed = (next: CaseView | null, message: ReactNode) => {
    if (next === null) {
      navigate('/cases');
      return;
    }
    setView(next);
    setNotice(message);
  };
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/cases">{t('cases.list.title')}</Link>
      </p>
      <h1>
        <span className="reference">
          <bdi>{view.reference}</bdi>
        </span>{' '}
        <bdi>{view.title}</bdi>
      </h1>
      <p className="badges">
        <span className={`badge case-status case-${view.status}`}>{t(`cases.status.${view.status}`)}</span> <MarkingBadge marking={view.marking} />{' '}
        {view.myTeamRole ? <span className="badge">{t(`cases.teamRole.${view.myTeamRole}`)}</span> : null}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <CaseDetails view={view} onChanged={changed} />
      <MarkingPanel policy={{ effective: view.effectiveMarking, sources: [{ key: `case:${view.id}`, marking: view.effectiveMarking }], exports: {} }} />
      <CaseTeam view={view} onChanged={changed} />
      <CaseRequests view={view} onChanged={changed} />
      {CASE_SECTIONS.map((s) => (
        <div key={s.id} className="case-section">
          {s.render(view, loaded.refresh)}
        </div>
      ))}
    </>
  );
}

type Changed = (next: CaseView | null, message: ReactNode) => void;

function CaseDetails({ view, onChanged }: { view: CaseView; onChanged: Changed }) {
  const { t, ts, lng } = useT();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(view.title);
  const [description, setDescription] = useState(view.description);
  const [offences, setOffences] = useState<CaseOffence[]>(view.offences);
  const [marking, setMarking] = useState<MarkingForm>({
    marking: view.marking,
    handling: view.handling,
    handlingNote: view.handlingNote ?? '',
    confidential: view.confidentiality.confidential,
    speciality: view.useLimitations.speciality === true,
  });
  const [closingNote, setClosingNote] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  async function patch(body: Omit<Parameters<typeof casesApi.update>[1], 'version'>, message: string) {
    setBusy(true);
    setError(undefined);
    try {
      const next = await casesApi.update(view.id, { version: view.version, ...body });
      setEditing(false);
      onChanged(next, message);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="case-details">
      <h2 id="case-details">{t('cases.view.details')}</h2>
      <ErrorAlert error={error} />
      {editing ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void patch({ title, description, offences, ...markingBody(marking) }, ts('cases.view.saved'));
          }}
        >
          <Field id="case-edit-title" label={t('cases.field.title')} value={title} required maxLength={500} onChange={(e) => setTitle(e.target.value)} />
          <div className="field">
            <label htmlFor="case-edit-description">{t('cases.field.description')}</label>
            <textarea id="case-edit-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <OffencePicker value={offences} onChange={setOffences} />
          <MarkingFields value={marking} onChange={setMarking} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('cases.common.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('cases.common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('cases.field.organisation')}</dt>
            <dd>
              <bdi>{view.organisation.name}</bdi>
            </dd>
            <dt>{t('cases.field.offences')}</dt>
            <dd>{view.offences.length ? view.offences.map((o) => ts(`offence.${o}`)).join(', ') : t('cases.view.noOffences')}</dd>
            {view.description ? (
              <>
                <dt>{t('cases.field.description')}</dt>
                <dd>
                  <bdi>{view.description}</bdi>
                </dd>
              </>
            ) : null}
            <dt>{t('cases.field.openedOn')}</dt>
            <dd>{formatDate(view.openedOn, lng)}</dd>
            {view.closedOn ? (
              <>
                <dt>{t('cases.field.closedOn')}</dt>
                <dd>
                  {formatDate(view.closedOn, lng)}
                  {view.closingNote ? (
                    <>
                      {' — '}
                      <bdi>{view.closingNote}</bdi>
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
          </dl>
          {view.may.edit ? (
            <div className="actions wrap">
              <button type="button" onClick={() => setEditing(true)}>
                {t('cases.view.edit')}
              </button>
              {view.status === 'open' ? (
                <>
                  <Field id="case-closing-note" label={t('cases.view.closingNote')} value={closingNote} onChange={(e) => setClosingNote(e.target.value)} />
                  <button type="button" disabled={busy} onClick={() => void patch({ status: 'closed', ...(closingNote.trim() ? { closingNote } : {}) }, ts('cases.view.closed'))}>
                    {t('cases.view.close')}
                  </button>
                </>
              ) : (
                <button type="button" disabled={busy} onClick={() => void patch({ status: 'open' }, ts('cases.view.reopened'))}>
                  {t('cases.view.reopen')}
                </button>
              )}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

function CaseTeam({ view, onChanged }: { view: CaseView; onChanged: Changed }) {
  const { t, ts } = useT();
  const { session } = useSession();
  const candidates = useAsync(() => (view.may.team ? casesApi.candidates(view.id) : Promise.resolve({ items: [] })), [view.id, view.may.team]);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<CaseTeamRole>('member');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const onTeam = new Set(view.team.map((m) => m.userId));
  const offer = (candidates.data?.items ?? []).filter((u) => !onTeam.has(u.userId));

  async function run(work: () => Promise<CaseView | null>, message: string) {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await work(), message);
      setUserId('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="case-team">
      <h2 id="case-team">{t('cases.view.team')}</h2>
      <ErrorAlert error={error} />
      <ul className="case-team">
        {view.team.map((m) => (
          <li key={m.userId}>
            <bdi>{m.name || m.email}</bdi> <span className="muted">({m.email})</span> <span className="badge">{t(`cases.teamRole.${m.teamRole}`)}</span>{' '}
            <span className="muted">{ts(`role.${m.role}`)}</span>
            {view.may.team ? (
              <span className="actions inline">
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void run(() => casesApi.setMember(view.id, m.userId, m.teamRole === 'lead' ? 'member' : 'lead'), ts('cases.view.teamChanged'))}
                >
                  {t(m.teamRole === 'lead' ? 'cases.view.makeMember' : 'cases.view.makeLead')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={ts('cases.view.removeNamed', { name: m.email })}
                  onClick={() => void run(() => casesApi.removeMember(view.id, m.userId), m.userId === session?.user.id ? ts('cases.view.left') : ts('cases.view.teamChanged'))}
                >
                  {t('cases.view.remove')}
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {view.may.team ? (
        <form
          className="form grid"
          onSubmit={(e) => {
            e.preventDefault();
            if (userId) void run(() => casesApi.setMember(view.id, userId, role), ts('cases.view.teamChanged'));
          }}
        >
          <SelectField
            id="case-add-member"
            label={t('cases.view.addMember')}
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            options={[{ value: '', label: ts('cases.view.chooseUser') }, ...offer.map((u) => ({ value: u.userId, label: `${u.name || u.email} (${u.email})` }))]}
          />
          <SelectField
            id="case-add-role"
            label={t('cases.field.teamRole')}
            value={role}
            onChange={(e) => setRole(e.target.value as CaseTeamRole)}
            options={(['member', 'lead'] as const).map((r) => ({ value: r, label: ts(`cases.teamRole.${r}`) }))}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || !userId}>
              {t('cases.view.add')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function CaseRequests({ view, onChanged }: { view: CaseView; onChanged: Changed }) {
  const { t, ts } = useT();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  const found = useAsync(() => (view.may.link && asked ? requestsApi.list({ q: asked, limit: 20 }) : Promise.resolve(undefined)), [asked, view.may.link, view.requests.length]);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const linked = new Set(view.requests.map((r) => r.id));

  async function run(work: () => Promise<CaseView>, message: string) {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await work(), message);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="case-requests">
      <h2 id="case-requests">{t('cases.view.requests')}</h2>
      <ErrorAlert error={error} />
      {view.requests.length === 0 ? <p>{t('cases.view.noRequests')}</p> : null}
      <ul className="case-requests">
        {view.requests.map((r) => (
          <li key={r.id}>
            <Link to={`/requests/${r.id}`} className="reference">
              {r.reference}
            </Link>{' '}
            {r.withheld ? <span className="muted">{t('policy.withheld')}</span> : <bdi>{r.title || t('requests.untitled')}</bdi>}{' '}
            <span className="badge">{t(r.side === 'requesting' ? 'requests.direction.outgoing' : 'requests.direction.incoming')}</span>{' '}
            <StateBadge state={r.state as Parameters<typeof StateBadge>[0]['state']} /> <MarkingBadge marking={r.marking} />
            {view.may.link ? (
              <button
                type="button"
                disabled={busy}
                aria-label={ts('cases.view.unlinkNamed', { reference: r.reference })}
                onClick={() => void run(() => casesApi.unlink(view.id, r.id), ts('cases.view.unlinked', { reference: r.reference }))}
              >
                {t('cases.view.unlink')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {view.may.link ? (
        <form
          className="form grid link-picker"
          onSubmit={(e) => {
            e.preventDefault();
            setAsked(q.trim());
          }}
        >
          <Field id="case-link-search" type="search" label={t('cases.view.findRequest')} hint={t('cases.view.findRequestHint')} value={q} onChange={(e) => setQ(e.target.value)} />
          <div className="actions">
            <button type="submit">{t('cases.view.search')}</button>
          </div>
        </form>
      ) : null}
      {found.data ? (
        found.data.items.length === 0 ? (
          <p>{t('cases.view.noMatch')}</p>
        ) : (
          <ul className="link-candidates">
            {found.data.items.map((r) => (
              <li key={r.id}>
                <span className="reference">{r.reference}</span> {r.title ? <bdi>{r.title}</bdi> : <span className="muted">{t('policy.withheld')}</span>}{' '}
                {linked.has(r.id) ? (
                  <span className="badge">{t('cases.view.alreadyHere')}</span>
                ) : r.case ? (
                  <span className="muted">{t('cases.view.inOtherCase', { reference: r.case.reference })}</span>
                ) : (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={ts('cases.view.linkNamed', { reference: r.reference })}
                    onClick={() => void run(() => casesApi.link(view.id, r.id), ts('cases.view.linked', { reference: r.reference }))}
                  >
                    {t('cases.view.link')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
