// The "Entities" section of a case page: the case's FtM entities (name, kind, marking), a form to
// add a person, company, vessel, account… and one to link two of them, an FtM JSON-lines import and
// export, and the case's link graph.
import { type FormEvent, useState } from 'react';
import { ADD_KINDS, type AddKind, addBody, addFieldKey, type EntitySchema, LINK_ENDS, LINK_SCHEMAS, entitiesApi } from '../entities.ts';
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';
import { EntityGraphView } from './entity-graph.tsx';
import { MarkingBadge } from './request-badges.tsx';
import { ErrorAlert, Field, Loading, Notice, SelectField } from './ui.tsx';

const CAN_ADD = new Set(['supervisor', 'practitioner', 'analyst']);

export function CaseEntitiesSection({ caseId }: { caseId: string }) {
  const { t, ts, lng } = useT();
  const { session } = useSession();
  const [version, setVersion] = useState(0);
  const loaded = useAsync(() => entitiesApi.list(caseId, { kind: 'entity', limit: 100 }), [caseId, version]);
  const [graphShown, setGraphShown] = useState(false);
  const graph = useAsync(() => (graphShown ? entitiesApi.caseGraph(caseId) : Promise.resolve(null)), [caseId, graphShown, version]);
  const items = loaded.data?.items ?? [];
  const canAdd = CAN_ADD.has(session?.user.role ?? '');
  const changed = () => setVersion((v) => v + 1);
  return (
    <section className="case-entities" aria-labelledby="case-entities-title">
      <h2 id="case-entities-title">{t('entities.title')}</h2>
      {loaded.loading && !loaded.data ? <Loading /> : null}
      <ErrorAlert error={loaded.error} />
      {loaded.data && items.length === 0 ? <p className="muted">{t('entities.none')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('entities.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('entities.field.name')}</th>
                <th scope="col">{t('entities.field.schema')}</th>
                <th scope="col">{t('entities.field.marking')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/entities/${e.id}`} dir="auto">
                      {e.caption ?? ts('entities.withheld')}
                    </Link>
                  </td>
                  <td>{ts(`entities.schema.${e.schema}`)}</td>
                  <td>
                    <MarkingBadge marking={e.marking.tlp} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {loaded.data && loaded.data.total > items.length ? <p className="muted">{t('entities.more', { n: new Intl.NumberFormat(lng).format(loaded.data.total - items.length) })}</p> : null}
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setGraphShown((s) => !s)} aria-expanded={graphShown}>
          {graphShown ? t('entities.graph.hide') : t('entities.graph.show')}
        </button>
        {items.length > 0 ? (
          <a className="button secondary" href={entitiesApi.exportUrl(caseId)} download>
            {t('entities.export')}
          </a>
        ) : null}
      </div>
      {graphShown ? (
        <>
          <ErrorAlert error={graph.error} />
          {graph.data ? <EntityGraphView graph={graph.data} /> : <Loading />}
        </>
      ) : null}
      {canAdd ? (
        <div className="entity-forms">
          <AddEntityForm caseId={caseId} onDone={changed} />
          {items.length > 1 ? <AddLinkForm caseId={caseId} entities={items.map((e) => ({ ftmId: e.ftmId, label: `${e.caption ?? e.ftmId} (${ts(`entities.schema.${e.schema}`)})` }))} onDone={changed} /> : null}
          <ImportForm caseId={caseId} onDone={changed} />
        </div>
      ) : null}
    </section>
  );
}

function AddEntityForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t, ts } = useT();
  const [kind, setKind] = useState<AddKind>('Person');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await entitiesApi.create(caseId, addBody(kind, name.trim()));
      setDone(created.caption ?? '');
      setName('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="entity-form" aria-labelledby="entity-add-title">
      <h3 id="entity-add-title">{t('entities.add.title')}</h3>
      <SelectField
        id="entity-schema"
        label={t('entities.field.schema')}
        value={kind}
        onChange={(e) => setKind(e.target.value as AddKind)}
        options={ADD_KINDS.map((k) => ({ value: k, label: ts(k === 'phone' || k === 'email' ? `entities.kind.${k}` : `entities.schema.${k}`) }))}
      />
      <Field
        id="entity-name"
        label={t(addFieldKey(kind))}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        dir={kind === 'phone' || kind === 'email' ? 'ltr' : 'auto'}
        inputMode={kind === 'email' ? 'email' : kind === 'phone' ? 'tel' : undefined}
      />
      <ErrorAlert error={error} />
      {done ? <Notice>{t('entities.add.done', { name: done })}</Notice> : null}
      <button type="submit" disabled={busy || !name.trim()}>
        {t('entities.add.submit')}
      </button>
    </form>
  );
}

function AddLinkForm({ caseId, entities, onDone }: { caseId: string; entities: { ftmId: string; label: string }[]; onDone: () => void }) {
  const { t, ts } = useT();
  const [schema, setSchema] = useState<EntitySchema>('Ownership');
  const [from, setFrom] = useState(entities[0]?.ftmId ?? '');
  const [to, setTo] = useState(entities[1]?.ftmId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const ends = LINK_ENDS[schema];
    if (!ends) return;
    setBusy(true);
    setError(null);
    try {
      await entitiesApi.create(caseId, { schema, properties: { [ends[0]]: [from], [ends[1]]: [to] } });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const options = entities.map((e) => ({ value: e.ftmId, label: e.label }));
  return (
    <form onSubmit={submit} className="entity-form" aria-labelledby="entity-link-title">
      <h3 id="entity-link-title">{t('entities.link.title')}</h3>
      <SelectField id="link-schema" label={t('entities.link.kind')} value={schema} onChange={(e) => setSchema(e.target.value as EntitySchema)} options={LINK_SCHEMAS.map((s) => ({ value: s, label: ts(`entities.edge.${s}`) }))} />
      <SelectField id="link-from" label={t('entities.link.from')} value={from} onChange={(e) => setFrom(e.target.value)} options={options} />
      <SelectField id="link-to" label={t('entities.link.to')} value={to} onChange={(e) => setTo(e.target.value)} options={options} />
      <ErrorAlert error={error} />
      <button type="submit" disabled={busy || !from || !to || from === to}>
        {t('entities.link.submit')}
      </button>
    </form>
  );
}

function ImportForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t, lng } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ created: number; updated: number } | null>(null);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await entitiesApi.importFtm(caseId, await file.text()));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const n = (x: number) => new Intl.NumberFormat(lng).format(x);
  return (
    <form onSubmit={submit} className="entity-form" aria-labelledby="entity-import-title">
      <h3 id="entity-import-title">{t('entities.import.title')}</h3>
      <div className="field">
        <label htmlFor="entity-import-file">{t('entities.import.file')}</label>
        <input id="entity-import-file" type="file" accept=".json,.ftm,.jsonl,application/x-ndjson" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <ErrorAlert error={error} />
      {result ? <Notice>{t('entities.import.done', { created: n(result.created), updated: n(result.updated) })}</Notice> : null}
      <button type="submit" disabled={busy || !file}>
        {t('entities.import.submit')}
      </button>
    </form>
  );
}
