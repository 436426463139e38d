// Download of the formal letter of request as PDF or DOCX in one of the six UN languages. The node
// renders it from the request's data; if it cannot (no Chromium for PDF), its message is shown.
import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/use-t.tsx';
import { languages } from '../i18n/languages.ts';
import { DOCUMENT_LANGUAGES, type DocumentLanguage, downloadFile, type RequestView, requestsApi } from '../requests.ts';
import { formatBytes } from './request-attachments.tsx';
import { PolicyAwareError } from './request-marking.tsx';
import { Notice } from './ui.tsx';

function isDocumentLanguage(value: string): value is DocumentLanguage {
  return (DOCUMENT_LANGUAGES as readonly string[]).includes(value);
}

export function RequestDocument({ request }: { request: RequestView }) {
  const { t, lng } = useT();
  const initial: DocumentLanguage = isDocumentLanguage(request.language) ? request.language : isDocumentLanguage(lng) ? lng : 'en';
  const [format, setFormat] = useState<'pdf' | 'docx'>('pdf');
  const [lang, setLang] = useState<DocumentLanguage>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<{ filename: string; size: number; sha256: string | null } | null>(null);

  async function download(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(null);
    try {
      setDone(await downloadFile(requestsApi.documentUrl(request.id, format, lang), `${request.reference}-${lang}.${format}`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="document-title">
      <h2 id="document-title">{t('requests.document.title')}</h2>
      <p className="hint">{t('requests.document.intro')}</p>
      <form className="form inline" onSubmit={download}>
        <fieldset className="field inline-choices">
          <legend>{t('requests.document.format')}</legend>
          {(['pdf', 'docx'] as const).map((f) => (
            <span key={f} className="field checkbox">
              <input type="radio" id={`document-format-${f}`} name="document-format" checked={format === f} onChange={() => setFormat(f)} />
              <label htmlFor={`document-format-${f}`}>{f.toUpperCase()}</label>
            </span>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="document-lang">{t('requests.document.language')}</label>
          <select id="document-lang" value={lang} onChange={(e) => isDocumentLanguage(e.target.value) && setLang(e.target.value)}>
            {languages.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('requests.document.preparing') : t('requests.document.download')}
        </button>
      </form>
      <PolicyAwareError error={error} />
      {done ? (
        <Notice>
          {t('requests.document.done', { name: done.filename, size: formatBytes(done.size, lng) })}
          {done.sha256 ? (
            <>
              {' '}
              {t('requests.document.sha256')} <code className="code secret">{done.sha256}</code>
            </>
          ) : null}
        </Notice>
      ) : null}
    </section>
  );
}
