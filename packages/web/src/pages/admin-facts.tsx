// The facts this node declares about its own State: its treaties, central authorities, accepted
// languages and channels, declarations and participations. An administrator edits the draft and
// submits it; a second person (administrator or supervisor) approves it, which signs it and sends
// it to every trusted peer. Below: where declared facts disagree with the depositary data.
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { ApiError, api, type DeclaredFactsContent, type OwnDeclaredFacts } from '../api.ts';
import { ErrorAlert, Field, formatDate, Loading, Notice, SelectField } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { cooperationTypes, offenceIds } from '../knowledge.ts';
import { DisagreementList, FactsList } from '../components/declared-facts.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';

type Treaty = DeclaredFactsContent['treaties'][number];
type Authority = DeclaredFactsContent['centralAuthorities'][number];
type Declaration = DeclaredFactsContent['declarations'][number];
type Participation = DeclaredFactsContent['participations'][number];

const EMPTY: DeclaredFactsContent = { treaties: [], centralAuthorities: [], languages: [], channels: [], declarations: [], participations: [] };
const EFFECTS = ['treaty-basis-for-extradition', 'no-treaty-basis-for-extradition', 'territorial-exclusion', 'other'] as const;
const CONSENT_KINDS = ['ratification', 'accession', 'acceptance', 'approval', 'succession', 'definitive-signature', 'unknown'] as const;

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function DeclaredFactsPage() {
  const { t, lng } = useT();
  const { session } = useSession();
  const isAdmin = session?.user.role === 'admin';
  const [tick, setTick] = useState(0);
  const own = useAsync(() => api.ownFacts(), [tick]);
  const [content, setContent] = useState<DeclaredFactsContent>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<ReactNode>(null);

  useEffect(() => {
    const o = own.data;
    if (o) setContent(o.draft?.content ?? (o.published ? strip(o.published.facts.facts) : EMPTY));
  }, [own.data]);

  async function act(what: () => Promise<OwnDeclaredFacts>, message: ReactNode) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await what();
      setDone(message);
      setTick((n) => n + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const o = own.data;
  return (
    <>
      <h1>{t('facts.title')}</h1>
      <p>{t('facts.intro')}</p>
      {own.loading && !o ? <Loading /> : null}
      <ErrorAlert error={own.error} />
      {o ? (
        <section aria-labelledby="facts-status" className="panel">
          <h2 id="facts-status">{t('facts.status')}</h2>
          <dl className="facts">
            <dt>{t('facts.state')}</dt>
            <dd>
              <bdi>{o.authority}</bdi> <span className="code">{o.state}</span> · <span className="code">{o.nodeId}</span>
            </dd>
            <dt>{t('facts.published')}</dt>
            <dd>
              {o.published ? (
                <>
                  {t('facts.publishedVersion', { version: o.published.facts.facts.version, date: formatDate(o.published.publishedAt, lng, true) })}
                  <br />
                  <small className="source" lang="en" dir="ltr">
                    {o.published.provenance}
                  </small>
                  <br />
                  <small>{t('facts.approvedBy', { submitter: o.published.submittedBy ?? '—', approver: o.published.approvedBy ?? '—' })}</small>
                </>
              ) : (
                t('facts.nothingPublished')
              )}
            </dd>
            <dt>{t('facts.draft')}</dt>
            <dd>
              {o.draft
                ? o.draft.status === 'submitted'
                  ? t('facts.draftSubmitted', { who: o.draft.submittedBy ?? '—', date: formatDate(o.draft.submittedAt, lng, true) })
                  : t('facts.draftEditing', { who: o.draft.editedBy ?? '—', date: formatDate(o.draft.editedAt, lng, true) })
                : t('facts.noDraft')}
            </dd>
            <dt>{t('facts.peers')}</dt>
            <dd>
              {o.peers.length === 0 ? t('facts.noPeers') : null}
              <ul className="compact">
                {o.peers.map((p) => (
                  <li key={p.nodeId}>
                    <bdi>{p.name}</bdi> <span className="code">{p.state}</span> —{' '}
                    {p.sentVersion === null
                      ? t('facts.peerNothing')
                      : p.delivered
                        ? t('facts.peerDelivered', { version: p.sentVersion })
                        : t('facts.peerPending', { version: p.sentVersion })}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          <div className="actions">
            {isAdmin && o.draft?.status === 'draft' ? (
              <button type="button" disabled={busy} onClick={() => act(() => api.submitFacts(), t('facts.submitted'))}>
                {t('facts.submit')}
              </button>
            ) : null}
            {o.draft?.status === 'submitted' ? (
              <button type="button" className="primary" disabled={busy} onClick={() => act(() => api.approveFacts(), t('facts.approvedDone'))}>
                {t('facts.approve')}
              </button>
            ) : null}
          </div>
          {o.draft?.status === 'submitted' ? <p className="meta">{t('facts.fourEyes')}</p> : null}
          <ErrorAlert error={error}>{error instanceof ApiError && error.code === 'four_eyes' ? t('facts.fourEyesRefused') : undefined}</ErrorAlert>
          {done ? <Notice>{done}</Notice> : null}
        </section>
      ) : null}
      {o && isAdmin ? (
        <>
          <DraftEditor content={content} setContent={setContent} ownState={o.state} />
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => act(() => api.saveFactsDraft(content), t('facts.saved'))}>
              {t('facts.saveDraft')}
            </button>
          </div>
          <Disagreements tick={tick} />
        </>
      ) : o?.draft ? (
        <Summary content={o.draft.content} />
      ) : null}
    </>
  );
}

function strip(facts: DeclaredFactsContent): DeclaredFactsContent {
  const { treaties, centralAuthorities, languages, channels, declarations, participations } = facts;
  return { treaties, centralAuthorities, languages, channels, declarations, participations };
}

/** What is being approved, read-only (for the supervisor who approves). */
function Summary({ content }: { content: DeclaredFactsContent }) {
  const { t } = useT();
  return (
    <section aria-labelledby="facts-summary" className="panel">
      <h2 id="facts-summary">{t('facts.toApprove')}</h2>
      <FactsList content={content} />
    </section>
  );
}

function DraftEditor({ content, setContent, ownState }: { content: DeclaredFactsContent; setContent: (c: DeclaredFactsContent) => void; ownState: string }) {
  const { t } = useT();
  const remove = (kind: keyof DeclaredFactsContent, index: number) => {
    const next = { ...content, [kind]: (content[kind] as unknown[]).filter((_, i) => i !== index) };
    setContent(next as DeclaredFactsContent);
  };
  return (
    <section aria-labelledby="facts-draft" className="panel">
      <h2 id="facts-draft">{t('facts.editDraft')}</h2>
      <p className="meta">{t('facts.editHint')}</p>
      <FactsList content={content} onRemove={remove} />
      <TreatyForm ownState={ownState} onAdd={(tr) => setContent({ ...content, treaties: [...content.treaties.filter((x) => x.id !== tr.id), tr] })} />
      <AuthorityForm onAdd={(a) => setContent({ ...content, centralAuthorities: [...content.centralAuthorities, a] })} />
      <DeclarationForm onAdd={(d) => setContent({ ...content, declarations: [...content.declarations, d] })} />
      <ParticipationForm onAdd={(p) => setContent({ ...content, participations: [...content.participations.filter((x) => x.instrument !== p.instrument), p] })} />
      <h3>{t('facts.languagesAndChannels')}</h3>
      <div className="form grid">
        <Field id="facts-languages" label={t('facts.acceptedLanguages')} hint={t('facts.commaHint')} value={content.languages.join(', ')} onChange={(e) => setContent({ ...content, languages: list(e.target.value) })} dir="ltr" />
        <Field id="facts-channels" label={t('facts.acceptedChannels')} hint={t('facts.commaHint')} value={content.channels.join(', ')} onChange={(e) => setContent({ ...content, channels: list(e.target.value) })} dir="ltr" />
      </div>
    </section>
  );
}

function TreatyForm({ ownState, onAdd }: { ownState: string; onAdd: (t: Treaty) => void }) {
  const { t, ts, label } = useT();
  const [kind, setKind] = useState<'bilateral' | 'regional'>('bilateral');
  const [parties, setParties] = useState('');
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [signed, setSigned] = useState('');
  const [inForce, setInForce] = useState('');
  const [offences, setOffences] = useState<string[]>(['*any-offence']);
  const [types, setTypes] = useState<Record<string, string>>({});
  const [articles, setArticles] = useState('');
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const others = list(parties.toUpperCase()).filter((p) => p !== ownState);
    onAdd({
      id: id.trim().toUpperCase(),
      title,
      kind,
      parties: [ownState, ...others],
      signed: signed || null,
      entryIntoForce: inForce || null,
      offences,
      cooperation: Object.fromEntries(Object.entries(types).map(([type, numbers]) => [type, { articles: list(numbers) }])),
      articles: articles
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const [number, ...heading] = line.split('|');
          return { number: (number ?? '').trim(), heading: heading.join('|').trim() };
        }),
    });
  }
  return (
    <form onSubmit={onSubmit} className="form grid curation-form" aria-labelledby="facts-add-treaty">
      <h3 id="facts-add-treaty" className="wide">
        {t('facts.addTreaty')}
      </h3>
      <SelectField
        id="ft-kind"
        label={t('facts.treatyKind')}
        value={kind}
        onChange={(e) => setKind(e.target.value === 'regional' ? 'regional' : 'bilateral')}
        options={[
          { value: 'bilateral', label: label('instrumentKind', 'bilateral') },
          { value: 'regional', label: label('instrumentKind', 'regional') },
        ]}
      />
      <Field id="ft-parties" label={t('facts.otherParties', { state: ownState })} hint={t('facts.partiesHint')} required value={parties} onChange={(e) => setParties(e.target.value)} dir="ltr" />
      <Field id="ft-title" label={t('knowledgeAdmin.treatyTitle')} required value={title} onChange={(e) => setTitle(e.target.value)} />
      <Field id="ft-id" label={t('knowledgeAdmin.treatyId')} hint={t('knowledgeAdmin.treatyIdHint')} required value={id} onChange={(e) => setId(e.target.value.toUpperCase())} dir="ltr" />
      <Field id="ft-signed" type="date" label={t('facts.signedOn')} value={signed} onChange={(e) => setSigned(e.target.value)} />
      <Field id="ft-eif" type="date" label={t('knowledgeAdmin.inForceSince')} value={inForce} onChange={(e) => setInForce(e.target.value)} />
      <div className="field wide">
        <label htmlFor="ft-offences">{t('knowledgeAdmin.offences')}</label>
        <select id="ft-offences" multiple size={6} value={offences} onChange={(e) => setOffences([...e.target.selectedOptions].map((o) => o.value))}>
          <option value="*any-offence">{ts('knowledgeAdmin.anyOffence')}</option>
          <option value="*any-extraditable">{ts('knowledgeAdmin.anyExtraditable')}</option>
          {offenceIds.map((o) => (
            <option key={o} value={o}>
              {label('offence', o)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field wide">
        <legend>{t('knowledgeAdmin.types')}</legend>
        {cooperationTypes.map((type) => (
          <div key={type} className="field checkbox">
            <input
              id={`ft-type-${type}`}
              type="checkbox"
              checked={type in types}
              onChange={(e) => {
                const next = { ...types };
                if (e.target.checked) next[type] = '';
                else delete next[type];
                setTypes(next);
              }}
            />
            <label htmlFor={`ft-type-${type}`}>{label('type', type)}</label>
            {type in types ? (
              <Field
                id={`ft-articles-${type}`}
                label={t('knowledgeAdmin.articlesFor', { type: label('type', type) })}
                value={types[type] ?? ''}
                onChange={(e) => setTypes({ ...types, [type]: e.target.value })}
                dir="ltr"
              />
            ) : null}
          </div>
        ))}
      </fieldset>
      <div className="field wide">
        <label htmlFor="ft-articles">{t('knowledgeAdmin.articles')}</label>
        <textarea id="ft-articles" rows={4} value={articles} onChange={(e) => setArticles(e.target.value)} dir="ltr" placeholder="1 | …" />
      </div>
      <div className="actions">
        <button type="submit">{t('facts.addToDraft')}</button>
      </div>
    </form>
  );
}

function AuthorityForm({ onAdd }: { onAdd: (a: Authority) => void }) {
  const { t } = useT();
  const [instrument, setInstrument] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [channels, setChannels] = useState('');
  const [languages, setLanguages] = useState('');
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onAdd({ instrument: instrument.trim().toUpperCase(), name, address, channels: list(channels), languages: list(languages) });
  }
  return (
    <form onSubmit={onSubmit} className="form grid curation-form" aria-labelledby="facts-add-authority">
      <h3 id="facts-add-authority" className="wide">
        {t('facts.addAuthority')}
      </h3>
      <Field id="fa-instrument" label={t('facts.instrument')} hint={t('facts.instrumentHint')} required value={instrument} onChange={(e) => setInstrument(e.target.value)} dir="ltr" />
      <Field id="fa-name" label={t('facts.authorityName')} required value={name} onChange={(e) => setName(e.target.value)} />
      <Field id="fa-address" label={t('facts.address')} value={address} onChange={(e) => setAddress(e.target.value)} />
      <Field id="fa-channels" label={t('facts.acceptedChannels')} hint={t('facts.commaHint')} value={channels} onChange={(e) => setChannels(e.target.value)} dir="ltr" />
      <Field id="fa-languages" label={t('facts.acceptedLanguages')} hint={t('facts.commaHint')} value={languages} onChange={(e) => setLanguages(e.target.value)} dir="ltr" />
      <div className="actions">
        <button type="submit">{t('facts.addToDraft')}</button>
      </div>
    </form>
  );
}

function DeclarationForm({ onAdd }: { onAdd: (d: Declaration) => void }) {
  const { t, label } = useT();
  const [instrument, setInstrument] = useState('');
  const [article, setArticle] = useState('');
  const [effect, setEffect] = useState<Declaration['effect']>('treaty-basis-for-extradition');
  const [text, setText] = useState('');
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onAdd({ instrument: instrument.trim().toUpperCase(), article, effect, text });
  }
  return (
    <form onSubmit={onSubmit} className="form grid curation-form" aria-labelledby="facts-add-declaration">
      <h3 id="facts-add-declaration" className="wide">
        {t('facts.addDeclaration')}
      </h3>
      <Field id="fd-instrument" label={t('facts.instrument')} required value={instrument} onChange={(e) => setInstrument(e.target.value)} dir="ltr" />
      <Field id="fd-article" label={t('facts.article')} placeholder="16(5)" required value={article} onChange={(e) => setArticle(e.target.value)} dir="ltr" />
      <SelectField
        id="fd-effect"
        label={t('facts.effect')}
        value={effect}
        onChange={(e) => setEffect(EFFECTS.find((x) => x === e.target.value) ?? 'other')}
        options={EFFECTS.map((x) => ({ value: x, label: label('effect', x) }))}
      />
      <div className="field wide">
        <label htmlFor="fd-text">{t('facts.declarationText')}</label>
        <textarea id="fd-text" rows={3} required value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit">{t('facts.addToDraft')}</button>
      </div>
    </form>
  );
}

function ParticipationForm({ onAdd }: { onAdd: (p: Participation) => void }) {
  const { t, label } = useT();
  const [instrument, setInstrument] = useState('');
  const [consentKind, setConsentKind] = useState<Participation['consentKind']>('ratification');
  const [consent, setConsent] = useState('');
  const [inForce, setInForce] = useState('');
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onAdd({ instrument: instrument.trim().toUpperCase(), consentKind, consent: consent || null, entryIntoForce: inForce || null });
  }
  return (
    <form onSubmit={onSubmit} className="form grid curation-form" aria-labelledby="facts-add-participation">
      <h3 id="facts-add-participation" className="wide">
        {t('facts.addParticipation')}
      </h3>
      <Field id="fp-instrument" label={t('facts.instrument')} required value={instrument} onChange={(e) => setInstrument(e.target.value)} dir="ltr" />
      <SelectField
        id="fp-kind"
        label={t('facts.consentKind')}
        value={consentKind}
        onChange={(e) => setConsentKind(CONSENT_KINDS.find((x) => x === e.target.value) ?? 'unknown')}
        options={CONSENT_KINDS.map((x) => ({ value: x, label: label('consentKind', x) }))}
      />
      <Field id="fp-consent" type="date" label={t('facts.consentDate')} value={consent} onChange={(e) => setConsent(e.target.value)} />
      <Field id="fp-eif" type="date" label={t('facts.inForceForState')} value={inForce} onChange={(e) => setInForce(e.target.value)} />
      <div className="actions">
        <button type="submit">{t('facts.addToDraft')}</button>
      </div>
    </form>
  );
}

function Disagreements({ tick }: { tick: number }) {
  const { t } = useT();
  const items = useAsync(() => api.factsDisagreements(), [tick]);
  return (
    <section aria-labelledby="facts-disagreements" className="panel">
      <h2 id="facts-disagreements">{t('facts.disagreements')}</h2>
      <p className="meta">{t('facts.disagreementsIntro')}</p>
      <ErrorAlert error={items.error} />
      {items.data && items.data.items.length === 0 ? <p>{t('facts.noDisagreements')}</p> : null}
      <DisagreementList items={items.data?.items ?? []} />
    </section>
  );
}
