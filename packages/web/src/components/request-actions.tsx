// What the current user may do with a request now (the node says which actions: its side, its
// role, four eyes), each behind a short form that says what it is for: a text field labelled for
// that action, structured refusal grounds with their article, a date for a postponement, and for an
// execution (full or partial) or an answer for more information the files returned with it.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api.ts';
import { useServerText } from '../i18n/server-text.tsx';
import { useT } from '../i18n/use-t.tsx';
import { type RefusalGround, type RequestAction, type RequestView, readAsBase64, reasonRequired, requestsApi } from '../requests.ts';
import { useAsync } from '../use-async.ts';
import type { TransmissionChannel } from '../authorities.ts';
import { RecordedTransmissionFields } from './request-recorded.tsx';
import { DateEcho, ErrorAlert, Loading } from './ui.tsx';

interface Props {
  request: RequestView;
  onChanged: (next: RequestView) => void;
  /** The request moved on elsewhere: load it again. */
  onStale: () => void;
}

/** Answers that carry files back to the other side (the documents and evidence obtained). */
export const ANSWERS_WITH_FILES: readonly RequestAction[] = ['execute', 'partially-execute', 'provide-more-info'];

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
  // An authority without a node: "transmit" records how and when the letter was sent.
  const recorded = action === 'transmit' && request.delivery === 'recorded';
  const [channel, setChannel] = useState<TransmissionChannel>('diplomatic');
  const [sentOn, setSentOn] = useState(() => new Date().toISOString().slice(0, 10));
  const carriesFiles = ANSWERS_WITH_FILES.includes(action);
  // Files this side attached earlier that have not gone to the other side yet: sent unless unticked.
  const waiting = carriesFiles ? request.attachments.filter((a) => a.suppliedBy === request.side && a.sentWith === null) : [];
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [chosen, setChosen] = useState<File[]>([]);
  // Files uploaded by an attempt that then failed are not uploaded twice.
  const [uploaded, setUploaded] = useState<Map<File, string>>(new Map());
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
      let attachmentIds: string[] | undefined;
      if (carriesFiles) {
        const done = new Map(uploaded);
        for (const file of chosen) {
          if (done.has(file)) continue;
          const saved = await requestsApi.uploadAttachment(request.id, { filename: file.name, mediaType: file.type || undefined, contentBase64: await readAsBase64(file) });
          done.set(file, saved.id);
          setUploaded(new Map(done));
        }
        attachmentIds = [...waiting.filter((a) => !unticked.has(a.id)).map((a) => a.id), ...chosen.map((f) => done.get(f) as string)];
      }
      const next = await requestsApi.transition(request.id, {
        action,
        version: request.version,
        ...(attachmentIds ? { attachmentIds } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(action === 'postpone' ? { until } : {}),
        ...(recorded ? { transmission: { channel, sentOn } } : {}),
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
      {recorded ? <RecordedTransmissionFields channel={channel} sentOn={sentOn} onChannel={setChannel} onSentOn={setSentOn} /> : null}
      {action === 'postpone' ? (
        <div className="field">
          <label htmlFor="action-until">{t('requests.actions.until')}</label>
          <input id="action-until" type="date" required aria-describedby="action-until-date" value={until} onChange={(e) => setUntil(e.target.value)} />
          <DateEcho id="action-until" value={until} />
        </div>
      ) : null}
      <div className="field wide">
        <label htmlFor="action-reason">
          {t(`requests.answer.label.${action}`)} <span className="muted">{needsReason ? t('requests.answer.required') : t('requests.answer.optional')}</span>
        </label>
        <textarea
          id="action-reason"
          rows={3}
          required={needsReason}
          maxLength={20_000}
          value={reason}
          aria-describedby="action-reason-hint"
          dir="auto"
          onChange={(e) => setReason(e.target.value)}
        />
        <p className="hint" id="action-reason-hint">
          {t(`requests.answer.hint.${action}`)}
        </p>
      </div>
      {carriesFiles ? (
        <fieldset className="answer-files">
          <legend>{t(`requests.answer.files.${action}`)}</legend>
          <p className="hint">{t('requests.answer.filesHint')}</p>
          {waiting.length > 0 ? (
            <ul className="plain">
              {waiting.map((a) => (
                <li key={a.id} className="field checkbox">
                  <input
                    id={`send-${a.id}`}
                    type="checkbox"
                    checked={!unticked.has(a.id)}
                    onChange={(e) => {
                      const next = new Set(unticked);
                      if (e.target.checked) next.delete(a.id);
                      else next.add(a.id);
                      setUnticked(next);
                    }}
                  />
                  <label htmlFor={`send-${a.id}`}>{a.filename}</label>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="field">
            <label htmlFor="answer-files">{t('requests.answer.addFiles')}</label>
            <input id="answer-files" type="file" multiple onChange={(e) => setChosen([...(e.target.files ?? [])])} />
          </div>
          {chosen.length > 0 ? (
            <ul className="chosen-files">
              {chosen.map((f) => (
                <li key={`${f.name}|${f.size}|${f.lastModified}`}>{f.name}</li>
              ))}
            </ul>
          ) : null}
        </fieldset>
      ) : null}
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
