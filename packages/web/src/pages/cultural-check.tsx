// The public check of the stolen cultural property registry (issue 15): anyone, without signing in,
// describes an object and/or adds a photo; the answer lists possible matches among the public
// records with the authority to contact, and a signed receipt to download. A receipt file can be
// checked here too. The photo is sent for this check only, and kept with the check's log
// only if the person ticks "leave my photo" (unticked by default; the receipt then says so).
import type { components } from '@comity/contract/generated/openapi';
import { type FormEvent, useState } from 'react';
import { client, unwrap } from '../api.ts';
import { ErrorAlert, Field } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';

type CheckAnswer = components['schemas']['CulturalCheckAnswer'];
type Verification = components['schemas']['CulturalReceiptVerification'];

async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function CulturalCheckPage() {
  const { t } = useT();
  const [title, setTitle] = useState('');
  const [objectType, setObjectType] = useState('');
  const [description, setDescription] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [keepPhoto, setKeepPhoto] = useState(false);
  const [answer, setAnswer] = useState<CheckAnswer | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(undefined);

  async function check(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setAnswer(null);
    setBusy(true);
    try {
      const text = Object.fromEntries(Object.entries({ title, objectType, description }).filter(([, v]) => v.trim() !== ''));
      const body = { ...(Object.keys(text).length ? { text } : {}), ...(photo ? { image: await fileBase64(photo), ...(keepPhoto ? { keepPhoto: true } : {}) } : {}) };
      setAnswer(await unwrap(client.POST('/api/v1/cultural-property/check', { body })));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function download() {
    if (!answer) return;
    const url = URL.createObjectURL(new Blob([answer.receiptText], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `check-receipt-${answer.receipt.checkId}.json`;
    a.click();
    URL.revokeObjectURL(url);
  }

  async function verifyFile(file: File | undefined) {
    setVerification(null);
    setVerifyError(undefined);
    if (!file) return;
    try {
      setVerification(await unwrap(client.POST('/api/v1/cultural-property/receipts/verify', { body: { receipt: await file.text() } })));
    } catch (err) {
      setVerifyError(err);
    }
  }

  return (
    <section className="cultural-check">
      <h1>{t('culturalCheck.title')}</h1>
      <p>{t('culturalCheck.intro')}</p>
      <p className="alert alert-ok" role="note">
        {t('culturalCheck.privacy')}
      </p>
      <form onSubmit={check} aria-describedby="cultural-check-hint">
        <Field id="cc-title" label={t('culturalCheck.objectTitle')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} />
        <Field id="cc-type" label={t('culturalCheck.objectType')} value={objectType} onChange={(e) => setObjectType(e.target.value)} maxLength={500} />
        <div className="field">
          <label htmlFor="cc-description">{t('culturalCheck.description')}</label>
          <textarea id="cc-description" name="cc-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={10000} rows={3} />
        </div>
        <div className="field">
          <label htmlFor="cc-photo">{t('culturalCheck.photo')}</label>
          <input id="cc-photo" name="cc-photo" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="cc-photo-hint" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
          <small id="cc-photo-hint" className="hint">
            {t('culturalCheck.photoHint')}
          </small>
        </div>
        <div className="field checkbox switch">
          <input id="cc-keep-photo" name="cc-keep-photo" type="checkbox" checked={keepPhoto} aria-describedby="cc-keep-photo-hint" onChange={(e) => setKeepPhoto(e.target.checked)} />
          <label htmlFor="cc-keep-photo">{t('culturalCheck.keepPhoto')}</label>
          <small id="cc-keep-photo-hint" className="hint">
            {t('culturalCheck.keepPhotoHint')}
          </small>
        </div>
        <p id="cultural-check-hint" className="hint">
          {t('culturalCheck.needOne')}
        </p>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('culturalCheck.checking') : t('culturalCheck.submit')}
        </button>
      </form>
      <ErrorAlert error={error} />
      {answer ? (
        <section aria-live="polite" className="cultural-check-answer">
          <h2>{answer.matches.length ? t('culturalCheck.matches', { count: answer.matches.length }) : t('culturalCheck.noMatch')}</h2>
          <p className="alert alert-error" role="note">
            {t('culturalCheck.notice')}
          </p>
          <ul className="cultural-matches">
            {answer.matches.map((m) => (
              <li key={m.recordId} className="cultural-match">
                {m.imageIds[0] ? <img src={`/api/v1/cultural-property/public/images/${m.imageIds[0]}`} alt={m.title} width={160} /> : null}
                <div>
                  <strong lang="und">{m.title}</strong> <span lang="und">({m.reference})</span>
                  <div>
                    {t('culturalCheck.status')}: {t(`culturalCheck.legalStatus.${m.legalStatus}`)}
                  </div>
                  <div>
                    {t('culturalCheck.contact')}: <span lang="und">{m.reportingAuthority}</span>
                  </div>
                  {m.origin ? (
                    <div className="cultural-origin">
                      {t('culturalCheck.origin')}: <span lang="und">{m.origin.authority}</span> (<span dir="ltr">{m.origin.country}</span>)
                    </div>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          <p>
            {t('culturalCheck.registry', { count: answer.receipt.registry.publicRecords })} <code>{answer.receipt.registry.digest.slice(0, 16)}</code>
          </p>
          {answer.receipt.query.photoKept ? (
            <p className="hint" role="note">
              {t('culturalCheck.photoKept')}
            </p>
          ) : null}
          <button type="button" className="button" onClick={download}>
            {t('culturalCheck.download')}
          </button>
        </section>
      ) : null}
      <section className="cultural-verify">
        <h2>{t('culturalCheck.verifyTitle')}</h2>
        <div className="field">
          <label htmlFor="cc-receipt">{t('culturalCheck.verifyFile')}</label>
          <input id="cc-receipt" name="cc-receipt" type="file" accept="application/json,.json" onChange={(e) => void verifyFile(e.target.files?.[0])} />
        </div>
        <ErrorAlert error={verifyError} />
        {verification ? (
          verification.ok ? (
            <p className="alert alert-ok" role="status">
              {verification.signedByThisNode ? t('culturalCheck.validHere') : t('culturalCheck.validElsewhere', { node: verification.nodeId ?? '' })}
            </p>
          ) : (
            <p className="alert alert-error" role="alert">
              {t('culturalCheck.invalid', { problem: verification.problem ?? '' })} <span lang="en">{verification.reason}</span>
            </p>
          )
        ) : null}
      </section>
    </section>
  );
}
