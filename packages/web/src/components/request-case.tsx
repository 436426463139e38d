// The request page's "Case" field: the case the request is linked to (shown only when you may read
// that case), and for those who work on cases a choice among the open cases they may link to.
import { useState } from 'react';
import { type CaseRef, casesApi } from '../cases.ts';
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';
import { ErrorAlert, SelectField } from './ui.tsx';

const WORKS_ON_CASES = ['supervisor', 'practitioner', 'analyst'];

export function RequestCaseField({ requestId, current, onChanged }: { requestId: string; current: CaseRef | null | undefined; onChanged: () => void }) {
  const { t, ts } = useT();
  const { session } = useSession();
  const works = WORKS_ON_CASES.includes(session?.user.role ?? '');
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState(current?.id ?? '');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const open = useAsync(() => (editing ? casesApi.list({ status: 'open', limit: 200 }) : Promise.resolve(undefined)), [editing]);

  async function save(caseId: string | null) {
    setBusy(true);
    setError(undefined);
    try {
      await casesApi.setRequestCase(requestId, caseId);
      setEditing(false);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel request-case" aria-labelledby="request-case-title">
      <h2 id="request-case-title">{t('cases.requestField.title')}</h2>
      <ErrorAlert error={error} />
      <p>
        {current ? (
          <>
            <Link to={`/cases/${current.id}`} className="reference">
              <bdi>{current.reference}</bdi>
            </Link>{' '}
            <bdi>{current.title}</bdi> <span className="badge">{t(`cases.status.${current.status}`)}</span>
          </>
        ) : (
          <span className="muted">{t('cases.requestField.none')}</span>
        )}
      </p>
      {works && !editing ? (
        <div className="actions wrap">
          <button type="button" onClick={() => setEditing(true)}>
            {t(current ? 'cases.requestField.change' : 'cases.requestField.link')}
          </button>
          {current ? (
            <button type="button" disabled={busy} onClick={() => void save(null)}>
              {t('cases.requestField.unlink')}
            </button>
          ) : null}
        </div>
      ) : null}
      {editing ? (
        <form
          className="form grid"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) void save(choice);
          }}
        >
          <SelectField
            id="request-case-choice"
            label={t('cases.requestField.choose')}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            options={[
              { value: '', label: ts('cases.requestField.pick') },
              ...(open.data?.items ?? []).filter((c) => !c.withheld).map((c) => ({ value: c.id, label: `${c.reference} — ${c.title}` })),
            ]}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || !choice}>
              {t('cases.common.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('cases.common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
