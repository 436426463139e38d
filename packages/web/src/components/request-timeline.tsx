// The timeline of a request as both sides see it: every transition with who took it, on which side,
// the reason, the files that went with it (downloadable), and for transitions the other side
// reported, a mark saying so. Files returned with an answer to or from a peer node travel as
// evidence items: the answer links to each item (or says it was refused or has not arrived).
import { useState } from 'react';
import { directionOf } from '../i18n/languages.ts';
import { useServerText } from '../i18n/server-text.tsx';
import { useT } from '../i18n/use-t.tsx';
import { downloadFile, requestsApi, type TimelineEvent } from '../requests.ts';
import { Link } from '../router.tsx';
import { formatBytes } from './request-attachments.tsx';
import { ErrorAlert, formatDate } from './ui.tsx';

interface EventFile {
  attachmentId: string;
  filename: string;
  size: number;
  /** Set when the file left for a peer node as an item of this node's evidence vault. */
  evidenceItemId: string | null;
}

interface EventEvidence {
  transferId: string;
  title: string;
  itemId: string | null;
  state: string;
  refusal: string | null;
}

function evidenceOf(details: Record<string, unknown>): EventEvidence[] {
  const raw = details.evidence;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e) => {
    if (typeof e !== 'object' || e === null) return [];
    const r = e as Record<string, unknown>;
    if (typeof r.transferId !== 'string' || typeof r.title !== 'string') return [];
    return [{ transferId: r.transferId, title: r.title, itemId: typeof r.itemId === 'string' ? r.itemId : null, state: String(r.state ?? ''), refusal: typeof r.refusal === 'string' ? r.refusal : null }];
  });
}

function filesOf(details: Record<string, unknown>): EventFile[] {
  const raw = details.files;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((f) =>
    typeof f === 'object' && f !== null && typeof (f as EventFile).attachmentId === 'string' && typeof (f as EventFile).filename === 'string'
      ? [
          {
            attachmentId: (f as EventFile).attachmentId,
            filename: (f as EventFile).filename,
            size: Number((f as EventFile).size) || 0,
            evidenceItemId: typeof (f as EventFile).evidenceItemId === 'string' ? (f as EventFile).evidenceItemId : null,
          },
        ]
      : [],
  );
}

interface Ground {
  ground?: unknown;
  citation?: unknown;
  label?: unknown;
}

function groundsOf(details: Record<string, unknown>): { ground: string; citation: string; label: string }[] {
  const raw = details.grounds;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((g): g is Ground => typeof g === 'object' && g !== null)
    .map((g) => ({ ground: String(g.ground ?? ''), citation: String(g.citation ?? ''), label: typeof g.label === 'string' ? g.label : '' }));
}

export function RequestTimeline({ events, requestId }: { events: readonly TimelineEvent[]; requestId?: string }) {
  const { t, ts, lng, label } = useT();
  const server = useServerText();
  const [error, setError] = useState<unknown>(undefined);
  // From → to reads the other way round in a right-to-left language.
  const arrow = directionOf(lng) === 'rtl' ? '←' : '→';
  if (events.length === 0) return <p className="muted">{t('requests.timeline.empty')}</p>;
  return (
    <>
    <ErrorAlert error={error} />
    <ol className="timeline">
      {events.map((e) => {
        const grounds = groundsOf(e.details);
        const until = typeof e.details.until === 'string' ? e.details.until : null;
        const files = filesOf(e.details);
        const evidence = evidenceOf(e.details);
        return (
          <li key={e.seq} className={`timeline-event side-${e.side} origin-${e.origin}`}>
            <div className="timeline-head">
              <time dateTime={e.at}>{formatDate(e.at, lng, true)}</time>{' '}
              <strong className="timeline-action">{ts(`requests.action.${e.action}`)}</strong>{' '}
              {/* Events that change nothing (an edit, a letter generated) show no transition. */}
              {e.fromState === e.toState ? null : (
                <span className="timeline-states">
                  {e.fromState ? <span className={`state state-${e.fromState}`}>{ts(`requests.state.${e.fromState}`)}</span> : null}
                  {e.fromState ? <span aria-hidden="true"> {arrow} </span> : null}
                  {e.fromState ? <span className="visually-hidden"> {t('requests.timeline.to')} </span> : null}
                  <span className={`state state-${e.toState}`}>{ts(`requests.state.${e.toState}`)}</span>
                </span>
              )}
            </div>
            <div className="timeline-meta">
              <span className={`side-label side-${e.side}`}>{t(`requests.side.${e.side}`)}</span>
              {e.origin === 'counterpart' ? <span className="flag">{t('requests.timeline.reported')}</span> : null}
              {e.details.recordedBy === 'requesting-side' ? <span className="flag flag-recorded">{t('authorities.timeline.recorded')}</span> : null}
              {e.actor.email || e.actor.organisation ? (
                <span className="actor">
                  {' '}
                  · {e.actor.email ?? ''}
                  {e.actor.organisation ? ` (${e.actor.organisation})` : ''}
                </span>
              ) : null}
            </div>
            {e.reason ? (
              <p className="timeline-reason" dir="auto">
                <span className="label">{t('requests.timeline.reason')}</span> {e.reason}
              </p>
            ) : null}
            {grounds.length > 0 ? (
              <ul className="grounds">
                {grounds.map((g) => (
                  <li key={g.ground}>
                    {label('requests.refusalGround', g.ground, g.label || g.ground)} {g.citation ? <cite className="citation">{server.citation(g.citation)}</cite> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            <RecordedDetails details={e.details} />
            {until ? <p className="timeline-until">{t('requests.timeline.until', { date: formatDate(until, lng) })}</p> : null}
            {files.length > 0 ? (
              <div className="timeline-files">
                <span className="label">{t('requests.timeline.files')}</span>
                <ul>
                  {files.map((f) => (
                    <li key={f.attachmentId}>
                      <span dir="auto">{f.filename}</span> <span className="muted">(<bdi>{formatBytes(f.size, lng)}</bdi>)</span>{' '}
                      {requestId ? (
                        <button
                          type="button"
                          className="link-button"
                          aria-label={ts('requests.attachments.downloadLabel', { name: f.filename })}
                          onClick={() => {
                            setError(undefined);
                            downloadFile(requestsApi.attachmentUrl(requestId, f.attachmentId), f.filename).catch(setError);
                          }}
                        >
                          {t('requests.attachments.download')}
                        </button>
                      ) : null}
                      {f.evidenceItemId ? (
                        <>
                          {' '}
                          <Link to={`/evidence/items/${f.evidenceItemId}`}>{t('requests.timeline.asEvidence')}</Link>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {evidence.length > 0 ? (
              <div className="timeline-files timeline-evidence">
                <span className="label">{t('requests.timeline.evidence')}</span>
                <ul>
                  {evidence.map((x) => (
                    <li key={x.transferId}>
                      {x.itemId ? (
                        <Link to={`/evidence/items/${x.itemId}`} dir="auto">
                          {x.title}
                        </Link>
                      ) : (
                        <>
                          <span dir="auto">{x.title}</span>{' '}
                          <span className="muted">
                            {x.state === 'refused' ? t('requests.timeline.evidenceRefused', { reason: x.refusal ?? '' }) : t('requests.timeline.evidencePending')}
                          </span>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
    </>
  );
}

/** What a step recorded by the requesting side adds: the channel and day a letter left, the day an
 * answer came and the documents that came with it. */
function RecordedDetails({ details }: { details: Record<string, unknown> }) {
  const { t, ts, lng } = useT();
  if (details.recordedBy !== 'requesting-side') return null;
  const recorded = (details.recorded ?? null) as { channel?: unknown; sentOn?: unknown } | null;
  const documents = Array.isArray(details.documents) ? (details.documents as { filename?: unknown }[]) : [];
  return (
    <p className="timeline-recorded">
      {recorded && typeof recorded.channel === 'string' && typeof recorded.sentOn === 'string'
        ? t('authorities.timeline.sent', { channel: ts(`authorities.channel.${recorded.channel}`), date: formatDate(recorded.sentOn, lng) })
        : null}
      {typeof details.receivedOn === 'string' ? t('authorities.timeline.received', { date: formatDate(details.receivedOn, lng) }) : null}
      {documents.length ? ` ${t('authorities.timeline.documents', { list: documents.map((d) => String(d.filename ?? '')).join(', ') })}` : null}
    </p>
  );
}
