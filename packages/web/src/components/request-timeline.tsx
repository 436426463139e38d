// The timeline of a request as both sides see it: every transition with who took it, on which side,
// the reason, and for transitions the other side reported, a mark saying so.
import { directionOf } from '../i18n/languages.ts';
import { useServerText } from '../i18n/server-text.tsx';
import { useT } from '../i18n/use-t.tsx';
import type { TimelineEvent } from '../requests.ts';
import { formatDate } from './ui.tsx';

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

export function RequestTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t, ts, lng, label } = useT();
  const server = useServerText();
  // From → to reads the other way round in a right-to-left language.
  const arrow = directionOf(lng) === 'rtl' ? '←' : '→';
  if (events.length === 0) return <p className="muted">{t('requests.timeline.empty')}</p>;
  return (
    <ol className="timeline">
      {events.map((e) => {
        const grounds = groundsOf(e.details);
        const until = typeof e.details.until === 'string' ? e.details.until : null;
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
            {until ? <p className="timeline-until">{t('requests.timeline.until', { date: formatDate(until, lng) })}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
