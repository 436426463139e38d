// The facts a State's own node declares, as a list (the declared-facts page and the country
// profile), and their disagreements with the depositary data.
import type { DeclaredFactsContent } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';
import { formatDate } from './ui.tsx';

/** The declared facts as a list; with `onRemove`, each item can be taken out of the draft. */
export function FactsList({ content, onRemove }: { content: DeclaredFactsContent; onRemove?: (kind: keyof DeclaredFactsContent, index: number) => void }) {
  const { t, label, lng } = useT();
  const remove = (kind: keyof DeclaredFactsContent, n: number) =>
    onRemove ? (
      <button type="button" className="link" onClick={() => onRemove(kind, n)}>
        {t('facts.remove')}
      </button>
    ) : null;
  return (
    <>
      <h3>{t('facts.treaties')}</h3>
      {content.treaties.length === 0 ? <p>{t('country.none')}</p> : null}
      <ul>
        {content.treaties.map((tr, n) => (
          <li key={tr.id}>
            <bdi lang="und">{tr.title}</bdi> <span className="code">{tr.id}</span> — {label('instrumentKind', tr.kind)} · <bdi dir="ltr">{tr.parties.join(' · ')}</bdi>
            {tr.entryIntoForce ? <> — {t('finder.since', { date: formatDate(tr.entryIntoForce, lng) })}</> : <> — {t('facts.notInForce')}</>}
            <small className="source">
              {' '}
              · {Object.keys(tr.cooperation).map((c) => label('type', c)).join(', ')}
            </small>{' '}
            {remove('treaties', n)}
          </li>
        ))}
      </ul>
      <h3>{t('facts.authorities')}</h3>
      {content.centralAuthorities.length === 0 ? <p>{t('country.none')}</p> : null}
      <ul>
        {content.centralAuthorities.map((a, n) => (
          <li key={`${a.instrument}:${a.name}`}>
            <strong>{a.instrument}</strong> — <bdi lang="und">{a.name}</bdi>, <bdi lang="und">{a.address}</bdi>
            {a.channels.length ? <> · {t('facts.channelsList', { list: a.channels.join(', ') })}</> : null}
            {a.languages.length ? <> · {t('facts.languagesList', { list: a.languages.join(', ') })}</> : null} {remove('centralAuthorities', n)}
          </li>
        ))}
      </ul>
      <h3>{t('facts.languagesAndChannels')}</h3>
      <p>
        {t('facts.languagesList', { list: content.languages.join(', ') || '—' })} · {t('facts.channelsList', { list: content.channels.join(', ') || '—' })}
      </p>
      <h3>{t('facts.declarations')}</h3>
      {content.declarations.length === 0 ? <p>{t('country.none')}</p> : null}
      <ul>
        {content.declarations.map((d, n) => (
          <li key={`${d.instrument}:${d.article}:${d.effect}:${d.text}`}>
            <strong>
              {d.instrument} art. {d.article}
            </strong>{' '}
            — {label('effect', d.effect)}
            <blockquote lang="und">{d.text}</blockquote> {remove('declarations', n)}
          </li>
        ))}
      </ul>
      <h3>{t('facts.participations')}</h3>
      {content.participations.length === 0 ? <p>{t('country.none')}</p> : null}
      <ul>
        {content.participations.map((p, n) => (
          <li key={p.instrument}>
            <strong>{p.instrument}</strong> — {label('consentKind', p.consentKind)}
            {p.consent ? <> {formatDate(p.consent, lng)}</> : null}
            {p.entryIntoForce ? <> — {t('finder.since', { date: formatDate(p.entryIntoForce, lng) })}</> : null} {remove('participations', n)}
          </li>
        ))}
      </ul>
    </>
  );
}

export function DisagreementList({ items }: { items: { kind: string; state: string; instrument: string; message: string; provenance: string }[] }) {
  const { ts } = useT();
  return (
    <ul>
      {items.map((d) => (
        <li key={`${d.provenance}:${d.instrument}:${d.kind}`}>
          <strong>{d.instrument}</strong> <span className="code">{d.state}</span> — {ts(`facts.disagreement.${d.kind}`)}
          <br />
          <small lang="en" dir="ltr">
            {d.message}
          </small>
          <br />
          <small className="source" lang="en" dir="ltr">
            {d.provenance}
          </small>
        </li>
      ))}
    </ul>
  );
}
