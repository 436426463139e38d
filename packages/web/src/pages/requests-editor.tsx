// The guided request editor (/requests/new, /requests/:id/edit): sections per part of the request,
// the completeness panel always in view and re-checked as the user types, and optimistic locking —
// a save that meets a newer version keeps the user's edits and offers to re-apply them.
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, type Organisation } from '../api.ts';
import { AttachmentsSection } from '../components/request-attachments.tsx';
import { AuthorityPicker, type LocalAuthority } from '../components/request-authority.tsx';
import { CompletenessPanel } from '../components/request-completeness.tsx';
import { CheckboxInput, EditorSection, FieldErrors, SelectInput, TextInput } from '../components/request-fields.tsx';
import { LegalBasisChooser } from '../components/request-legal-basis.tsx';
import { MeasuresEditor, OffencesEditor, PersonsEditor } from '../components/request-parts.tsx';
import { ErrorAlert, Loading, languageName, Notice } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { loadCountries } from '../knowledge.ts';
import {
  type Completeness,
  type CreateRequestBody,
  focusField,
  isRequestType,
  measureKindsFor,
  PROCEEDING_STAGES,
  REQUEST_LANGUAGES,
  REQUEST_TYPES,
  type RequestView,
  requestFieldLevels,
  requestsApi,
  TLP_MARKINGS,
} from '../requests.ts';
import { changedFields, contentOf, type Draft, draftOf, emptyDraft, fieldErrorsOf } from '../request-draft.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';
import { RequestCaseField } from '../components/request-case.tsx';

// A draft just created on /requests/new is handed to its edit page, so the page need not load it again.
let handoff: { view: RequestView; notice: ReactNode } | null = null;

export function RequestEditorPage({ id }: { id?: string }) {
  const { t, ts } = useT();
  const { session } = useSession();
  // Held in state: the hand-off is cleared once taken, but this page keeps what it was given.
  const [fresh] = useState(() => (id && handoff?.view.id === id ? handoff : null));
  const loaded = useAsync(() => (id && !fresh ? requestsApi.get(id) : Promise.resolve(null)), [id]);
  if (!session) return null;
  if (fresh) return <Editor key={fresh.view.id} initial={fresh.view} initialNotice={fresh.notice} />;
  if (id && loaded.loading && !loaded.data) return <Loading />;
  if (id && loaded.error) {
    return (
      <>
        <h1>{t('requests.editor.editTitle')}</h1>
        <ErrorAlert error={loaded.error} />
        <p>
          <Link to="/requests">{t('requests.backToList')}</Link>
        </p>
      </>
    );
  }
  const view = loaded.data ?? null;
  if (session.user.role !== 'practitioner' && session.user.role !== 'supervisor') {
    return (
      <p className="alert alert-error" role="alert">
        {t('common.forbidden')}
      </p>
    );
  }
  if (view && !view.editable) {
    return (
      <>
        <h1>{t('requests.editor.editTitle')}</h1>
        <p className="alert alert-warn" role="alert">
          {t('requests.editor.notEditable', { state: ts(`requests.state.${view.state}`) })}
        </p>
        <p>
          <Link to={`/requests/${view.id}`}>{t('requests.editor.openRequest', { reference: view.reference })}</Link>
        </p>
      </>
    );
  }
  return <Editor key={view?.id ?? 'new'} initial={view} />;
}

function Editor({ initial, initialNotice = null }: { initial: RequestView | null; initialNotice?: ReactNode }) {
  const { t, ts, lng } = useT();
  const { session } = useSession();
  const { search } = useLocation();
  const me = session?.user;
  const requestedType = search.get('type') ?? '';
  const [base, setBase] = useState<RequestView | null>(initial);
  const [form, setForm] = useState<Draft>(() =>
    initial ? draftOf(initial) : emptyDraft(isRequestType(requestedType) ? requestedType : 'mla', lng),
  );
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<ReactNode>(initialNotice);
  useEffect(() => {
    handoff = null;
  }, []);
  const [conflict, setConflict] = useState<RequestView | null>(null);
  const countries = useAsync(() => loadCountries(), []);
  const organisations = useAsync(() => api.listCounterparts(), []);

  const localAuthorities: LocalAuthority[] = useMemo(
    () =>
      (organisations.data?.items ?? [])
        .filter((o: Organisation) => o.id !== me?.organisation.id)
        .map((o) => ({ id: o.id, name: o.name, country: o.country, kind: o.kind })),
    [organisations.data, me?.organisation.id],
  );

  const saved = useMemo(() => (base ? draftOf(base) : null), [base]);
  const dirty = saved ? changedFields(saved, form).length > 0 : true;

  // Leaving the page with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const check = useLiveCheck(form);
  const levels = requestFieldLevels(form.type);
  const set = (patch: Partial<Draft>) => setForm((f) => ({ ...f, ...patch }));

  async function save(): Promise<RequestView | null> {
    setSaveError(undefined);
    setNotice(null);
    setSaving(true);
    const snapshot = form;
    try {
      if (!base) {
        const created = await requestsApi.create({ type: form.type, ...contentOf(form) } as CreateRequestBody);
        // The draft now has an address: its edit page replaces /requests/new in the history.
        handoff = { view: created, notice: t('requests.editor.created', { reference: created.reference }) };
        navigate(`/requests/${created.id}/edit`, { replace: true });
        return created;
      }
      const next = await requestsApi.update(base.id, { version: base.version, ...contentOf(form) });
      setBase(next);
      // Show what the node made of the draft (resolved citation, normalised State) unless the user typed meanwhile.
      setForm((current) => (current === snapshot ? draftOf(next) : current));
      setNotice(t('requests.editor.saved', { reference: next.reference, version: next.version }));
      return next;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && base) {
        await handleConflict(err, base);
      } else {
        setSaveError(err);
      }
      return null;
    } finally {
      setSaving(false);
    }
  }

  async function handleConflict(err: ApiError, mine: RequestView) {
    let latest: RequestView;
    try {
      latest = await requestsApi.get(mine.id);
    } catch {
      setSaveError(err);
      return;
    }
    if (!latest.editable) {
      setSaveError(new ApiError(409, ts('requests.editor.noLongerEditable', { state: ts(`requests.state.${latest.state}`) }), err.code));
      return;
    }
    if (latest.version === mine.version) {
      setSaveError(err);
      return;
    }
    // A newer version exists. If its content is what this page started from (an attachment was
    // added, say), the edits apply cleanly on it; otherwise the user decides.
    if (changedFields(draftOf(mine), draftOf(latest)).length === 0) {
      setBase(latest);
      setSaveError(new ApiError(409, ts('requests.editor.versionMovedRetry', { version: latest.version })));
      return;
    }
    setConflict(latest);
  }

  function reapply(latest: RequestView) {
    const original = saved ?? draftOf(latest);
    const theirs = draftOf(latest);
    const mineChanged = changedFields(original, form);
    const merged: Draft = { ...theirs };
    for (const key of mineChanged) (merged as unknown as Record<string, unknown>)[key] = (form as unknown as Record<string, unknown>)[key];
    setBase(latest);
    setForm(merged);
    setConflict(null);
    setSaveError(undefined);
    setNotice(t('requests.conflict.reapplied', { version: latest.version }));
  }

  function discardMine(latest: RequestView) {
    setBase(latest);
    setForm(draftOf(latest));
    setConflict(null);
    setSaveError(undefined);
    setNotice(t('requests.conflict.discarded', { version: latest.version }));
  }

  async function submitForApproval() {
    const current = dirty || !base ? await save() : base;
    if (!current) return;
    setSaving(true);
    try {
      const next = await requestsApi.transition(current.id, { action: 'submit', version: current.version });
      navigate(`/requests/${next.id}`);
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  }

  // A refusal that names a field takes the person to it (scrolled into view, focused); any other
  // refusal is read in the sticky save bar, which is always on screen.
  useEffect(() => {
    const [first] = fieldErrorsOf(saveError).keys();
    if (first) focusField(first);
  }, [saveError]);
  useEffect(() => {
    if (conflict) document.getElementById('conflict-title')?.scrollIntoView({ block: 'center' });
  }, [conflict]);

  const blocking = check.report?.essentialMissing.length ?? 0;
  // Invalid values (a malformed date, an unknown State) are marked on their inputs.
  const fieldErrors = useMemo(() => new Map([...fieldErrorsOf(check.error), ...fieldErrorsOf(saveError)]), [check.error, saveError]);
  const canSubmit = Boolean(me && (me.role === 'practitioner' || me.role === 'supervisor'));
  const kinds = measureKindsFor(form.type);

  return (
    <>
      <h1>
        {base ? t('requests.editor.editTitle') : t('requests.editor.newTitle')}
        {base ? <span className="reference"> {base.reference}</span> : null}
      </h1>
      {base ? (
        <RequestCaseField
          requestId={base.id}
          current={base.case}
          onChanged={() => void requestsApi.get(base.id).then((r) => setBase((b) => (b ? { ...b, case: r.case ?? null } : b)))}
        />
      ) : null}
      <nav aria-label={ts('requests.editor.sections')} className="section-nav">
        <ul>
          {(['basics', 'parties', 'legalBasis', 'offences', 'facts', 'persons', 'measures', 'handling', 'attachments'] as const).map((s) => (
            <li key={s}>
              <a href={`#f-${s}`}>{t(`requests.section.${s}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <FieldErrors.Provider value={fieldErrors}>
      <div className="editor-layout">
        <form
          className="editor-form"
          aria-label={ts(base ? 'requests.editor.editTitle' : 'requests.editor.newTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <EditorSection path="basics" title={t('requests.section.basics')}>
            <div className="form grid">
              <SelectInput
                path="type"
                label={t('requests.field.type')}
                value={form.type}
                disabled={Boolean(base)}
                hint={base ? t('requests.editor.typeFixed') : undefined}
                onChange={(v) => {
                  if (!isRequestType(v)) return;
                  const allowed = measureKindsFor(v);
                  set({ type: v, measures: (form.measures ?? []).filter((m) => allowed.includes(m.kind)) });
                }}
                options={REQUEST_TYPES.map((rt) => ({ value: rt, label: ts(`requests.type.${rt}`) }))}
              />
              <TextInput path="title" label={t('requests.field.title')} value={form.title} onChange={(v) => set({ title: v })} level={levels.get('title')} />
              <TextInput path="caseReference" label={t('requests.field.caseReference')} value={form.caseReference} onChange={(v) => set({ caseReference: v })} />
              <SelectInput
                path="language"
                label={t('requests.field.language')}
                value={form.language}
                onChange={(v) => set({ language: v })}
                level={levels.get('language')}
                options={REQUEST_LANGUAGES.map((code) => ({ value: code, label: languageName(code, lng) }))}
              />
              <SelectInput
                path="marking"
                label={t('requests.field.marking')}
                value={form.marking}
                onChange={(v) => set({ marking: v as Draft['marking'] })}
                hint={t(`requests.tlpHint.${form.marking ?? 'AMBER'}`)}
                options={TLP_MARKINGS.map((m) => ({ value: m, label: `TLP:${m}` }))}
              />
              <SelectInput
                path="handling"
                label={t('policy.marking.handling')}
                value={form.handling ?? 'H0'}
                onChange={(v) => set({ handling: v as NonNullable<Draft['handling']> })}
                hint={t(`policy.handling.${form.handling ?? 'H0'}`)}
                options={(['H0', 'H1', 'H2', 'H3'] as const).map((h) => ({ value: h, label: h }))}
              />
              {form.handling === 'H3' ? (
                <TextInput path="handlingNote" multiline label={t('policy.marking.notes')} value={form.handlingNote} onChange={(handlingNote) => set({ handlingNote })} />
              ) : null}
            </div>
          </EditorSection>

          <EditorSection path="parties" title={t('requests.section.parties')}>
            <dl className="facts">
              <dt>{t('requests.field.requesting')}</dt>
              <dd>
                {me?.organisation.name} ({me?.organisation.country})
              </dd>
            </dl>
            <div className="form grid">
              <AuthorityPicker
                type={form.type}
                value={{
                  requestedState: form.requestedState,
                  requestedOrganisationId: form.requestedOrganisationId ?? null,
                  requestedNodeId: form.requestedNodeId,
                  requestedAuthorityId: form.requestedAuthorityId,
                }}
                localAuthorities={localAuthorities}
                countries={countries.data ?? []}
                level={levels.get('requestedOrganisationId')}
                onChange={(v) => set(v)}
              />
            </div>
          </EditorSection>

          <EditorSection path="legalBasis-section" title={t('requests.section.legalBasis')}>
            <LegalBasisChooser
              type={form.type}
              requestingState={me?.organisation.country ?? ''}
              requestedState={form.requestedState}
              offences={form.offences ?? []}
              value={form.legalBasis}
              saved={base?.legalBasis?.kind === 'treaty' ? base.legalBasis : undefined}
              level={levels.get('legalBasis')}
              onChange={(legalBasis) => set({ legalBasis })}
            />
          </EditorSection>

          <EditorSection path="offences" title={t('requests.section.offences')} intro={levels.has('offences') ? t(`requests.level.${levels.get('offences')}`) : undefined}>
            <OffencesEditor type={form.type} offences={form.offences ?? []} onChange={(offences) => set({ offences })} />
          </EditorSection>

          <EditorSection path="facts-section" title={t('requests.section.facts')}>
            <div className="form grid">
              <TextInput path="facts" multiline maxLength={100_000} label={t('requests.field.facts')} value={form.facts} onChange={(v) => set({ facts: v })} level={levels.get('facts')} />
              <TextInput
                path="applicableLaw"
                multiline
                maxLength={100_000}
                label={t('requests.field.applicableLaw')}
                value={form.applicableLaw}
                onChange={(v) => set({ applicableLaw: v })}
                level={levels.get('applicableLaw')}
              />
              <SelectInput
                path="proceedings.stage"
                label={t('requests.field.stage')}
                level={levels.get('proceedings.stage')}
                value={form.proceedings?.stage ?? ''}
                onChange={(v) => set({ proceedings: { ...form.proceedings, stage: v === '' ? undefined : (v as (typeof PROCEEDING_STAGES)[number]) } })}
                options={[{ value: '', label: ts('requests.editor.notStated') }, ...PROCEEDING_STAGES.map((s) => ({ value: s, label: ts(`requests.stage.${s}`) }))]}
              />
              <TextInput
                path="proceedings.authority"
                label={t('requests.field.proceedingsAuthority')}
                level={levels.get('proceedings.authority')}
                value={form.proceedings?.authority}
                onChange={(v) => set({ proceedings: { ...form.proceedings, authority: v } })}
              />
              <TextInput
                path="proceedings.authorityFunctions"
                label={t('requests.field.authorityFunctions')}
                level={levels.get('proceedings.authorityFunctions')}
                value={form.proceedings?.authorityFunctions}
                onChange={(v) => set({ proceedings: { ...form.proceedings, authorityFunctions: v } })}
              />
              <TextInput path="purpose" multiline label={t('requests.field.purpose')} value={form.purpose} onChange={(v) => set({ purpose: v })} level={levels.get('purpose')} />
            </div>
          </EditorSection>

          <EditorSection path="persons" title={t('requests.section.persons')} intro={levels.has('persons') ? t(`requests.level.${levels.get('persons')}`) : undefined}>
            <PersonsEditor type={form.type} persons={form.persons ?? []} countries={countries.data ?? []} onChange={(persons) => set({ persons })} />
          </EditorSection>

          <EditorSection
            path="measures"
            title={t('requests.section.measures')}
            intro={t('requests.editor.measuresIntro', { list: kinds.map((k) => ts(`requests.measure.${k}`)).join(', ') })}
          >
            <MeasuresEditor type={form.type} measures={form.measures ?? []} persons={form.persons ?? []} onChange={(measures) => set({ measures })} />
          </EditorSection>

          <EditorSection path="handling" title={t('requests.section.handling')}>
            <div className="form grid">
              <TextInput path="procedure" multiline label={t('requests.field.procedure')} value={form.procedure} onChange={(v) => set({ procedure: v })} level={levels.get('procedure')} />
              <CheckboxInput
                path="urgency.urgent"
                label={t('requests.field.urgent')}
                checked={form.urgency?.urgent}
                onChange={(urgent) => set({ urgency: { ...form.urgency, urgent } })}
              />
              {form.urgency?.urgent ? (
                <TextInput
                  path="urgency.reason"
                  multiline
                  label={t('requests.field.urgencyReason')}
                  value={form.urgency.reason}
                  onChange={(reason) => set({ urgency: { urgent: true, reason } })}
                  level={levels.get('urgency.reason')}
                />
              ) : null}
              <TextInput path="deadline" type="date" label={t('requests.field.deadline')} value={form.deadline ?? ''} onChange={(v) => set({ deadline: v || null })} />
              {form.deadline ? (
                <TextInput
                  path="deadlineReason"
                  multiline
                  label={t('requests.field.deadlineReason')}
                  value={form.deadlineReason}
                  onChange={(v) => set({ deadlineReason: v })}
                  level={levels.get('deadlineReason')}
                />
              ) : null}
              <CheckboxInput
                path="confidentiality.confidential"
                label={t('requests.field.confidential')}
                checked={form.confidentiality?.confidential}
                onChange={(confidential) => set({ confidentiality: { ...form.confidentiality, confidential } })}
              />
              {form.confidentiality?.confidential ? (
                <TextInput
                  path="confidentiality.note"
                  multiline
                  label={t('requests.field.confidentialityNote')}
                  value={form.confidentiality.note}
                  onChange={(note) => set({ confidentiality: { confidential: true, note } })}
                />
              ) : null}
              <CheckboxInput
                path="useLimitations.speciality"
                label={t('requests.field.speciality')}
                checked={form.useLimitations?.speciality}
                onChange={(speciality) => set({ useLimitations: { ...form.useLimitations, speciality } })}
              />
              <TextInput
                path="useLimitations.limits"
                multiline
                label={t('requests.field.useLimits')}
                hint={t('requests.field.useLimitsHint')}
                value={form.useLimitations?.limits}
                onChange={(limits) => set({ useLimitations: { ...form.useLimitations, limits } })}
              />
              <fieldset className="field">
                <legend>{t('policy.marking.permittedUses')}</legend>
                {(['investigation', 'prosecution', 'trial', 'enforcement', 'intelligence'] as const).map((use) => (
                  <CheckboxInput
                    key={use}
                    path={`useLimitations.permittedUses.${use}`}
                    label={t(`policy.use.${use}`)}
                    checked={form.useLimitations?.permittedUses?.includes(use) ?? false}
                    onChange={(on) => {
                      const now = new Set(form.useLimitations?.permittedUses ?? []);
                      if (on) now.add(use);
                      else now.delete(use);
                      set({ useLimitations: { ...form.useLimitations, permittedUses: [...now] } });
                    }}
                  />
                ))}
              </fieldset>
              <TextInput
                path="useLimitations.reviewOn"
                type="date"
                label={t('policy.marking.reviewOn')}
                value={form.useLimitations?.reviewOn ?? ''}
                onChange={(reviewOn) => set({ useLimitations: { ...form.useLimitations, reviewOn: reviewOn || null } })}
              />
            </div>
          </EditorSection>

          <EditorSection path="attachments" title={t('requests.section.attachments')}>
            {base ? (
              <AttachmentsSection
                requestId={base.id}
                attachments={base.attachments}
                canUpload
                onUploaded={async () => {
                  // The upload may move the version on; keep editing on top of it.
                  try {
                    const latest = await requestsApi.get(base.id);
                    if (changedFields(draftOf(base), draftOf(latest)).length === 0) setBase(latest);
                  } catch {
                    // The list refreshes on the next save.
                  }
                }}
              />
            ) : (
              <p className="muted">{t('requests.attachments.saveFirst')}</p>
            )}
          </EditorSection>

          <section className="editor-bar" aria-label={ts('requests.editor.actions')}>
            <span className="save-state" role="status">
              {saving ? t('requests.editor.saving') : dirty ? t('requests.editor.unsaved') : base ? t('requests.editor.upToDate', { version: base.version }) : null}
            </span>
            <button type="submit" disabled={saving}>
              {t('requests.editor.save')}
            </button>
            {canSubmit ? (
              <button
                type="button"
                className="primary"
                disabled={saving || blocking > 0 || !check.report}
                aria-describedby="submit-hint"
                onClick={() => void submitForApproval()}
              >
                {t('requests.editor.submit')}
              </button>
            ) : null}
            {base ? <Link to={`/requests/${base.id}`}>{t('requests.editor.openRequest', { reference: base.reference })}</Link> : null}
            <small id="submit-hint" className="hint">
              {blocking > 0 ? t('requests.editor.submitBlocked', { count: blocking }) : t('requests.editor.submitHint')}
            </small>
            {/* Inside the sticky bar, next to the button just pressed: not at the foot of a long page. */}
            <div className="editor-bar-messages">
              <ErrorAlert error={saveError} />
              {notice ? <Notice>{notice}</Notice> : null}
            </div>
          </section>
          {conflict ? <ConflictPanel form={form} base={saved} latest={conflict} onReapply={reapply} onDiscard={discardMine} /> : null}
        </form>
        <aside className="editor-side" aria-label={ts('requests.completeness.title')}>
          <CompletenessPanel report={check.report} checking={check.checking} error={check.error} canJump live />
        </aside>
      </div>
      </FieldErrors.Provider>
    </>
  );
}

/** The check runs on what is on screen, a moment after the user stops typing. */
function useLiveCheck(form: Draft): { report: Completeness | undefined; checking: boolean; error: unknown } {
  const { ts } = useT();
  const body = JSON.stringify({ type: form.type, ...contentOf(form) });
  const needsState = !form.requestedState;
  const [report, setReport] = useState<Completeness | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const generation = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: body stands for the whole draft; ts only translates
  useEffect(() => {
    const mine = ++generation.current;
    // The node checks against the requested State's profile and treaties; until a State is chosen
    // that is the one thing to say.
    if (needsState) {
      setReport({
        essentialMissing: [{ field: 'requestedOrganisationId', reason: ts('requests.completeness.needState'), citation: '', rule: 'local:requested-state' }],
        recommendedMissing: [],
        problems: [],
      });
      setError(undefined);
      setChecking(false);
      return;
    }
    setChecking(true);
    const timer = setTimeout(() => {
      requestsApi.check(JSON.parse(body) as CreateRequestBody).then(
        (r) => {
          if (mine !== generation.current) return;
          setReport(r);
          setError(undefined);
          setChecking(false);
        },
        (err: unknown) => {
          if (mine !== generation.current) return;
          setError(err);
          setChecking(false);
        },
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [body, needsState]);
  return { report, checking, error };
}

function ConflictPanel({
  form,
  base,
  latest,
  onReapply,
  onDiscard,
}: {
  form: Draft;
  base: Draft | null;
  latest: RequestView;
  onReapply: (latest: RequestView) => void;
  onDiscard: (latest: RequestView) => void;
}) {
  const { t, ts } = useT();
  const theirs = draftOf(latest);
  const original = base ?? theirs;
  const mine = changedFields(original, form);
  const other = changedFields(original, theirs);
  const both = mine.filter((f) => other.includes(f));
  const names = (fields: string[]) => (fields.length ? fields.map((f) => ts(`requests.field.${f}`)).join(', ') : ts('common.none'));
  return (
    <section className="alert alert-warn conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('requests.conflict.title')}</h2>
      <p>
        {t('requests.conflict.body', {
          version: latest.version,
          who: latest.lastEditedBy?.email ?? ts('common.unknown'),
        })}
      </p>
      <dl className="facts">
        <dt>{t('requests.conflict.theirs')}</dt>
        <dd>{names(other)}</dd>
        <dt>{t('requests.conflict.mine')}</dt>
        <dd>{names(mine)}</dd>
        <dt>{t('requests.conflict.both')}</dt>
        <dd>{names(both)}</dd>
      </dl>
      <div className="actions">
        <button type="button" className="primary" onClick={() => onReapply(latest)}>
          {t('requests.conflict.reapply')}
        </button>
        <button type="button" onClick={() => onDiscard(latest)}>
          {t('requests.conflict.discard')}
        </button>
      </div>
    </section>
  );
}
