// What the current user may do with a request now (the node says which actions: its side, its
// role, four eyes), each behind a short form: a reason where the lifecycle asks for one, structured
// refusal grounds with their article, a date for a postponement.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api.ts';
import { useServerText } from '../i18n/server-text.tsx';
import { useT } from '../i18n/use-t.tsx';
import { type RefusalGround, type RequestAction, type RequestView, reasonRequired, requestsApi } from '../requests.ts';
import { useAsync } from '../use-async.ts';
import { DateEcho, ErrorAlert, Loading } from './ui.tsx';

interface Props {
  request: RequestView;
  onChanged: (next: RequestView) => void;
  /** The request moved on elsewhere: load it again. */
  onStale: () => void;
}

/** Actions that end or undo something get the "danger" look. */
const DANGEROUS: readonly RequestAction[] = ['refuse', 'withdraw', 'return-to-draft'];

export function RequestActions({ request, onChanged, onStale }: Props) {
  const { t, ts } = useT();
  const [open, setOpen] = useState<RequestAction | null>(null);
  const actions = request.allowedActions;
  return (
    <section className="panel request-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('requests.actions.title')}</h2>
      {actions.length === 0 ? <p className="muted">{t('requests.actions.none')}</p> : null}
      {request.state === 'awaiting-approval' && !actions.includes('approve') && request.side === 'requesting' ? (
        <p className="hint">{t('requests.actions.fourEyes')}</p>
      ) : null}
      <div className="actions wrap">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`${open === a ? 'pressed ' : ''}${a === 'approve' || a === 'transmit' || a === 'submit' ? 'primary' : DANGEROUS.includes(a) ? 'danger' : ''}`}
            aria-expanded={open === a}
            aria-controls="action-form"
            onClick={() => setOpen(open === a ? null : a)}
          >
            {ts(`requests.action.${a}`)}
          </button>
        ))}
      </div>
      {open ? (
        <ActionForm
          key={open}
          action={open}
          request={request}
          onCancel={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            onChanged(next);
          }}
          onStale={onStale}
        />
      ) : null}
    </section>
  );
}

function ActionForm({
  action,
  request,
  onCancel,
  onDone,
  onStale,
}: {
  action: RequestAction;
  request: RequestView;
  onCancel: () => void;
  onDone: (next: RequestView) => void;
  onStale: () => void;
}) {
  const { t, ts, label } = useT();
  const server = useServerText();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [grounds, setGrounds] = useState<Record<string, { note: string; citation: string }>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const needsReason = reasonRequired(action);
  const refusal = useAsync<{ items: RefusalGround[] } | null>(
    () => (action === 'refuse' ? requestsApi.refusalGrounds(request.type) : Promise.resolve(null)),
    [action, request.type],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (needsReason && !reason.trim()) {
      setError(new ApiError(400, ts('requests.actions.reasonRequired')));
      return;
    }
    if (action === 'refuse' && Object.keys(grounds).length === 0) {
      setError(new ApiError(400, ts('requests.actions.groundsRequired')));
      return;
    }
    if (action === 'postpone' && !until) {
      setError(new ApiError(400, ts('requests.actions.untilRequired')));
      return;
    }
    setBusy(true);
    try {
      const next = await requestsApi.transition(request.id, {
        action,
        version: request.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(action === 'postpone' ? { until } : {}),
        ...(action === 'refuse'
          ? {
              grounds: Object.entries(grounds).map(([ground, g]) => ({
                ground,
                ...(g.note.trim() ? { note: g.note.trim() } : {}),
                ...(g.citation.trim() ? { citation: g.citation.trim() } : {}),
              })),
            }
          : {}),
      });
      onDone(next);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const stale = error instanceof ApiError && error.status === 409 && error.code !== 'illegal_transition' && error.code !== 'request_incomplete';
  const allowed = error instanceof ApiError && Array.isArray(error.problem.allowed) ? (error.problem.allowed as string[]) : null;
  const missing =
    error instanceof ApiError && Array.isArray(error.problem.essentialMissing)
      ? (error.problem.essentialMissing as { field: string; reason: string; citation: string; rule: string }[])
      : [];

  return (
    // noValidate: the form explains what is missing itself, in the user's language, in one alert.
    <form id="action-form" className="form action-form" onSubmit={submit} aria-labelledby="action-form-title" noValidate>
      <h3 id="action-form-title">{ts(`requests.action.${action}`)}</h3>
      <p className="hint">{t(`requests.actionHelp.${action}`)}</p>
      {action === 'refuse' ? (
        <fieldset className="grounds-picker">
          <legend>{t('requests.actions.grounds')}</legend>
          {refusal.loading ? <Loading /> : null}
          <ErrorAlert error={refusal.error} />
          {refusal.data?.items.map((g) => {
            const id = `ground-${g.id}`;
            const chosen = grounds[g.id];
            return (
              <div key={g.id} className="ground">
                <div className="field checkbox">
                  <input
                    id={id}
                    type="checkbox"
                    checked={Boolean(chosen)}
                    onChange={(e) => {
                      const next = { ...grounds };
                      if (e.target.checked) next[g.id] = { note: '', citation: '' };
                      else delete next[g.id];
                      setGrounds(next);
                    }}
                  />
                  <label htmlFor={id}>
                    {label('requests.refusalGround', g.id, g.label)} {g.citation ? <cite className="citation">{server.citation(g.citation)}</cite> : null}
                  </label>
                </div>
                {chosen ? (
                  <div className="form grid ground-details">
                    {g.citation ? null : (
                      <div className="field">
                        <label htmlFor={`${id}-citation`}>{t('requests.actions.groundCitation')}</label>
                        <input
                          id={`${id}-citation`}
                          value={chosen.citation}
                          onChange={(e) => setGrounds({ ...grounds, [g.id]: { ...chosen, citation: e.target.value } })}
                        />
                      </div>
                    )}
                    <div className="field">
                      <label htmlFor={`${id}-note`}>{t('requests.actions.groundNote')}</label>
                      <input id={`${id}-note`} value={chosen.note} onChange={(e) => setGrounds({ ...grounds, [g.id]: { ...chosen, note: e.target.value } })} />
                    </div>
                  </div>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      {action === 'postpone' ? (
        <div className="field">
          <label htmlFor="action-until">{t('requests.actions.until')}</label>
          <input id="action-until" type="date" required aria-describedby="action-until-date" value={until} onChange={(e) => setUntil(e.target.value)} />
          <DateEcho id="action-until" value={until} />
        </div>
      ) : null}
      <div className="field wide">
        <label htmlFor="action-reason">
          {needsReason ? t('requests.actions.reason') : t('requests.actions.reasonOptional')}
        </label>
        <textarea id="action-reason" rows={3} required={needsReason} maxLength={20_000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className={DANGEROUS.includes(action) ? 'danger' : 'primary'} disabled={busy}>
          {t('requests.actions.confirm', { action: ts(`requests.action.${action}`) })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('requests.actions.cancel')}
        </button>
      </div>
      <ErrorAlert error={error} />
      {allowed ? (
        <p className="hint">
          {t('requests.actions.allowedNow', { list: allowed.length ? allowed.map((a) => ts(`requests.action.${a}`)).join(', ') : ts('common.none') })}
        </p>
      ) : null}
      {missing.length > 0 ? (
        <ul className="missing">
          {missing.map((m) => (
            <li key={`${m.field}|${m.reason}`}>
              {server.reason(m)} <cite className="citation">{server.citation(m.citation)}</cite>
            </li>
          ))}
        </ul>
      ) : null}
      {stale || allowed ? (
        <button type="button" onClick={onStale}>
          {t('requests.actions.reload')}
        </button>
      ) : null}
    </form>
  );
}
