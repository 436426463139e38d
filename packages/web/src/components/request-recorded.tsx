// Requests to an authority without a node: the letter goes outside Comity, so the requesting side
// records how and when it was sent and the answers it receives (with the documents that came with
// them). When the authority joins with a node, a supervisor links the request to it.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api.ts';
import { authoritiesApi, fileToBase64, RECORDED_ANSWERS, type RecordedAnswer, TRANSMISSION_CHANNELS, type TransmissionChannel } from '../authorities.ts';
import { useT } from '../i18n/use-t.tsx';
import { type RefusalGround, type RequestView, requestsApi } from '../requests.ts';
import { useAsync } from '../use-async.ts';
import { ErrorAlert, Loading } from './ui.tsx';

const today = () => new Date().toISOString().slice(0, 10);

export function RecordedTransmissionFields({
  channel,
  sentOn,
  onChannel,
  onSentOn,
}: {
  channel: TransmissionChannel;
  sentOn: string;
  onChannel: (c: TransmissionChannel) => void;
  onSentOn: (d: string) => void;
}) {
  const { t } = useT();
  return (
    <fieldset className="recorded-transmission">
      <legend>{t('authorities.transmission.legend')}</legend>
      <p className="hint">{t('authorities.transmission.hint')}</p>
      <div className="form grid">
        <div className="field">
          <label htmlFor="transmission-channel">{t('authorities.transmission.channel')}</label>
          <select id="transmission-channel" value={channel} onChange={(e) => onChannel(e.target.value as TransmissionChannel)}>
            {TRANSMISSION_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`authorities.channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="transmission-sent-on">{t('authorities.transmission.sentOn')}</label>
          <input id="transmission-sent-on" type="date" required max={today()} value={sentOn} onChange={(e) => onSentOn(e.target.value)} />
        </div>
      </div>
    </fieldset>
  );
}

const REASON_REQUIRED: readonly RecordedAnswer[] = ['more-information-requested', 'refused'];
const WITH_DOCUMENTS: readonly RecordedAnswer[] = ['partially-executed', 'executed'];

export function RecordedPanel({ request, onChanged }: { request: RequestView; onChanged: (next: RequestView) => void }) {
  const { t } = useT();
  const answers = request.recordableAnswers ?? [];
  const candidates = request.linkCandidates ?? [];
  if (request.delivery !== 'recorded' || request.side !== 'requesting') return null;
  return (
    <section className="panel recorded-panel" aria-labelledby="recorded-title">
      <h2 id="recorded-title">{t('authorities.panel.title')}</h2>
      <p className="hint">{request.transmittedAt ? t('authorities.panel.afterTransmission') : t('authorities.panel.beforeTransmission')}</p>
      {answers.length > 0 ? <AnswerForm request={request} answers={answers} onChanged={onChanged} /> : null}
      {candidates.length > 0 ? <LinkForm request={request} candidates={candidates} onChanged={onChanged} /> : null}
    </section>
  );
}

function AnswerForm({ request, answers, onChanged }: { request: RequestView; answers: readonly RecordedAnswer[]; onChanged: (next: RequestView) => void }) {
  const { t, ts } = useT();
  const [answer, setAnswer] = useState<RecordedAnswer>(answers[0] ?? 'acknowledged');
  const [receivedOn, setReceivedOn] = useState(today());
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [grounds, setGrounds] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const refusal = useAsync<{ items: RefusalGround[] } | null>(
    () => (answer === 'refused' ? requestsApi.refusalGrounds(request.type) : Promise.resolve(null)),
    [answer, request.type],
  );
  const needsReason = REASON_REQUIRED.includes(answer);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (needsReason && !reason.trim()) return setError(new ApiError(400, ts('authorities.answer.reasonRequired')));
    if (answer === 'refused' && Object.keys(grounds).length === 0) return setError(new ApiError(400, ts('requests.actions.groundsRequired')));
    setBusy(true);
    try {
      const documents = WITH_DOCUMENTS.includes(answer)
        ? await Promise.all(files.map(async (f) => ({ filename: f.name, mediaType: f.type || 'application/octet-stream', contentBase64: await fileToBase64(f) })))
        : [];
      const next = await authoritiesApi.recordAnswer(request.id, {
        answer,
        receivedOn,
        version: request.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(answer === 'refused' ? { grounds: Object.entries(grounds).map(([ground, note]) => ({ ground, ...(note.trim() ? { note: note.trim() } : {}) })) } : {}),
        ...(documents.length ? { documents } : {}),
      });
      setReason('');
      setFiles([]);
      setGrounds({});
      onChanged(next);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form record-answer" onSubmit={submit} aria-labelledby="record-answer-title" noValidate>
      <h3 id="record-answer-title">{t('authorities.answer.title')}</h3>
      <p className="hint">{t('authorities.answer.hint')}</p>
      <div className="form grid">
        <div className="field">
          <label htmlFor="answer-kind">{t('authorities.answer.kind')}</label>
          <select id="answer-kind" value={answer} onChange={(e) => setAnswer(e.target.value as RecordedAnswer)}>
            {RECORDED_ANSWERS.filter((a) => answers.includes(a)).map((a) => (
              <option key={a} value={a}>
                {t(`authorities.answer.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="answer-received-on">{t('authorities.answer.receivedOn')}</label>
          <input id="answer-received-on" type="date" required max={today()} value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
        </div>
      </div>
      <p className="hint">{t(`authorities.answerHelp.${answer}`)}</p>
      {answer === 'refused' ? (
        <fieldset className="grounds-picker">
          <legend>{t('requests.actions.grounds')}</legend>
          {refusal.loading ? <Loading /> : null}
          <ErrorAlert error={refusal.error} />
          {refusal.data?.items.map((g) => {
            const id = `answer-ground-${g.id}`;
            return (
              <div key={g.id} className="ground">
                <div className="field checkbox">
                  <input
                    id={id}
                    type="checkbox"
                    checked={g.id in grounds}
                    onChange={(e) => {
                      const next = { ...grounds };
                      if (e.target.checked) next[g.id] = '';
                      else delete next[g.id];
                      setGrounds(next);
                    }}
                  />
                  <label htmlFor={id}>
                    <span lang="en">{g.label}</span> {g.citation ? <cite className="citation">{g.citation}</cite> : null}
                  </label>
                </div>
              </div>
            );
          })}
        </fieldset>
      ) : null}
      {WITH_DOCUMENTS.includes(answer) ? (
        <div className="field wide">
          <label htmlFor="answer-documents">{t('authorities.answer.documents')}</label>
          <input id="answer-documents" type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
          {files.length ? <small className="hint">{files.map((f) => f.name).join(', ')}</small> : null}
        </div>
      ) : null}
      <div className="field wide">
        <label htmlFor="answer-reason">{needsReason ? t('authorities.answer.said') : t('authorities.answer.saidOptional')}</label>
        <textarea id="answer-reason" rows={3} maxLength={20_000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('authorities.answer.submit')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}

function LinkForm({ request, candidates, onChanged }: { request: RequestView; candidates: readonly { nodeId: string; name: string }[]; onChanged: (next: RequestView) => void }) {
  const { t } = useT();
  const [nodeId, setNodeId] = useState(candidates[0]?.nodeId ?? '');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      onChanged(await authoritiesApi.link(request.id, nodeId));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="form link-node" onSubmit={submit} aria-labelledby="link-title">
      <h3 id="link-title">{t('authorities.link.title')}</h3>
      <p className="hint">{t('authorities.link.hint')}</p>
      <div className="field">
        <label htmlFor="link-node">{t('authorities.link.node')}</label>
        <select id="link-node" value={nodeId} onChange={(e) => setNodeId(e.target.value)}>
          {candidates.map((c) => (
            <option key={c.nodeId} value={c.nodeId}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !nodeId}>
          {t('authorities.link.submit')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}
