// The completeness panel: what is missing (essential items block submission and transmission), what
// is recommended, and consistency problems, each with the treaty article that asks for it. Each item
// can move focus to the field it points at.
import type { ReactNode } from 'react';
import { useServerText } from '../i18n/server-text.tsx';
import { useT } from '../i18n/use-t.tsx';
import { type Completeness, type CompletenessItem, focusField } from '../requests.ts';
import { ErrorAlert } from './ui.tsx';

interface Props {
  report: Completeness | undefined;
  checking: boolean;
  error?: unknown;
  /** In the editor, each item offers to jump to its field. */
  canJump?: boolean;
  /** The report describes unsaved changes (the editor) or the saved request. */
  live?: boolean;
}

export function CompletenessPanel({ report, checking, error, canJump = false, live = false }: Props) {
  const { t } = useT();
  const blocking = report?.essentialMissing.length ?? 0;
  return (
    <section className="panel completeness" aria-labelledby="completeness-title" aria-busy={checking}>
      <h2 id="completeness-title">{t('requests.completeness.title')}</h2>
      {/* One polite live region with the summary, so a screen reader hears the count change, not the whole list. */}
      <p className={`completeness-summary ${blocking > 0 ? 'blocking' : 'ready'}`} role="status" aria-live="polite">
        {report
          ? blocking > 0
            ? t('requests.completeness.blocking', { count: blocking })
            : t('requests.completeness.ready')
          : checking
            ? t('requests.completeness.checking')
            : null}
      </p>
      {live ? <p className="hint">{t('requests.completeness.liveHint')}</p> : null}
      <ErrorAlert error={error} />
      {report ? (
        <>
          <ItemList
            id="completeness-essential"
            title={t('requests.completeness.essential')}
            items={report.essentialMissing}
            kind="essential"
            canJump={canJump}
            empty={t('requests.completeness.noneEssential')}
          />
          <ItemList
            id="completeness-recommended"
            title={t('requests.completeness.recommended')}
            items={report.recommendedMissing}
            kind="recommended"
            canJump={canJump}
            empty={t('requests.completeness.noneRecommended')}
          />
          <ItemList
            id="completeness-problems"
            title={t('requests.completeness.problems')}
            items={report.problems}
            kind="problem"
            canJump={canJump}
            empty={t('requests.completeness.noneProblems')}
          />
        </>
      ) : null}
    </section>
  );
}

function ItemList({
  id,
  title,
  items,
  kind,
  canJump,
  empty,
}: {
  id: string;
  title: ReactNode;
  items: readonly (CompletenessItem & { severity?: string })[];
  kind: 'essential' | 'recommended' | 'problem';
  canJump: boolean;
  empty: ReactNode;
}) {
  const { t, ts } = useT();
  const server = useServerText();
  return (
    <div className={`completeness-group completeness-${kind}`} id={id}>
      <h3>
        {title} <span className="count">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={`${item.rule}|${item.field}|${item.reason}`} className={item.severity ? `severity-${item.severity}` : undefined}>
              {item.severity ? <span className={`badge severity-${item.severity}`}>{t(`requests.severity.${item.severity}`)}</span> : null}{' '}
              <span className="reason">{server.reason(item)}</span>
              {item.citation ? (
                <>
                  {' '}
                  <cite className="citation">{server.citation(item.citation)}</cite>
                </>
              ) : null}
              <div className="item-meta">
                <span className="field-name">{server.field(item.field)}</span>
                {canJump ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => focusField(item.field)}
                    aria-label={ts('requests.completeness.goToLabel', { field: server.field(item.field) })}
                  >
                    {t('requests.completeness.goTo')}
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
