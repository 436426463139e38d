// The account page's "Signature on letters": the display name, official title and signature block
// that a letter of request prints under its closing formula when this person approved it.
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';
import { ErrorAlert, Field, Loading, Notice } from './ui.tsx';

export function SignatureProfileSection() {
  const { t } = useT();
  const { refresh } = useSession();
  const profile = useAsync(() => api.getProfile(), []);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [block, setBlock] = useState('');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    if (!profile.data) return;
    setName(profile.data.name);
    setTitle(profile.data.title ?? '');
    setBlock(profile.data.signatureBlock ?? '');
  }, [profile.data]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setError(undefined);
    try {
      const next = await api.updateProfile({ name: name.trim(), title: title.trim() || null, signatureBlock: block.trim() || null });
      setName(next.name);
      setTitle(next.title ?? '');
      setBlock(next.signatureBlock ?? '');
      setSaved(true);
      // The name shown in the header and the profile comes from the session.
      await refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="signature-title" className="panel">
      <h2 id="signature-title">{t('account.signature.title')}</h2>
      <p className="hint">{t('account.signature.intro')}</p>
      {profile.loading && !profile.data ? <Loading /> : null}
      <ErrorAlert error={profile.error} />
      {profile.data ? (
        <form className="form" onSubmit={save}>
          <Field id="signature-name" dir="auto" label={t('account.signature.name')} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          <Field
            id="signature-job-title"
            dir="auto"
            label={t('account.signature.jobTitle')}
            hint={t('account.signature.jobTitleHint')}
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <div className="field">
            <label htmlFor="signature-block">{t('account.signature.block')}</label>
            <textarea id="signature-block" dir="auto" rows={4} maxLength={1000} aria-describedby="signature-block-hint" value={block} onChange={(e) => setBlock(e.target.value)} />
            <small id="signature-block-hint" className="hint">
              {t('account.signature.blockHint')}
            </small>
          </div>
          <p>
            <button type="submit" className="primary" disabled={busy || !name.trim()}>
              {t('account.signature.save')}
            </button>
          </p>
        </form>
      ) : null}
      <ErrorAlert error={error} />
      {saved ? <Notice>{t('account.signature.saved')}</Notice> : null}
    </section>
  );
}
