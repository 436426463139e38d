// Download of the formal letter of request as PDF or DOCX in one of the six UN languages. The node
// renders it from the request's data; if it cannot (no Chromium for PDF), its message is shown.
// Before exporting, the node's check is asked: free text in another language than the letter, or
// a signatory without a title, is listed and the person confirms (or goes back to fix it).
import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/use-t.tsx';
import { languages } from '../i18n/languages.ts';
import { DOCUMENT_LANGUAGES, type DocumentLanguage, downloadFile, type LetterWarning, type RequestView, requestsApi } from '../requests.ts';
import { formatBytes } from './request-attachments.tsx';
import { PolicyAwareError } from './request-marking.tsx';
import { Notice } from './ui.tsx';

function isDocumentLanguage(value: string): value is DocumentLanguage {
  return (DOCUMENT_LANGUAGES as readonly string[]).includes(value);
}

export function RequestDocument({ request }: { request: RequestView }) {
  const { t, lng, label } = useT();
  const initial: DocumentLanguage = isDocumentLanguage(request.language) ? request.language : isDocumentLanguage(lng) ? lng : 'en';
  const [format, setFormat] = useState<'pdf' | 'docx'>('pdf');
  const [lang, setLang] = useState<DocumentLanguage>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<{ filename: string; size: number; sha256: string | null } | null>(null);
  /** Warnings the person is asked to confirm, for the format and language they chose. */
  const [pending, setPending] = useState<{ format: 'pdf' | 'docx'; lang: DocumentLanguage; warnings: LetterWarning[] } | null>(null);

  async function fetchDocument(f: 'pdf' | 'docx', l: DocumentLanguage) {
    setDone(await downloadFile(requestsApi.documentUrl(request.id, f, l), `${request.reference}-${l}.${f}`));
  }

  async function download(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(null);
    setPending(null);
    try {
      const check = await requestsApi.documentCheck(request.id, lang);
      if (check.warnings.length > 0) setPending({ format, lang, warnings: check.warnings });
      else await fetchDocument(format, lang);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    try {
      await fetchDocument(pending.format, pending.lang);
      setPending(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  // In the interface's language, as the sentences around it need ("en anglais", not "en English").
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([lng], { type: 'language' }).of(code) ?? code;
    } catch {
      return languages.find((l) => l.code === code)?.name ?? code;
    }
  };

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
      {pending ? (
        <div className="alert alert-warn letter-warnings" role="alertdialog" aria-labelledby="letter-warnings-title" aria-describedby="letter-warnings-intro">
          <p id="letter-warnings-title">
            <strong>{t('requests.document.warnings.title')}</strong>
          </p>
          <p id="letter-warnings-intro">{t('requests.document.warnings.intro', { language: languageName(pending.lang) })}</p>
          <ul>
            {pending.warnings.map((w) =>
              w.code === 'free-text-language' ? (
                <li key={w.path}>
                  {w.detected
                    ? t('requests.document.warnings.language', { field: label('requests.field', w.field), detected: languageName(w.detected), expected: languageName(w.expected) })
                    : t('requests.document.warnings.script', { field: label('requests.field', w.field), expected: languageName(w.expected) })}{' '}
                  {/* Isolated, so that a left-to-right excerpt reads in order inside a right-to-left sentence. */}
                  <bdi dir="auto" className="excerpt">
                    “{w.excerpt}”
                  </bdi>
                </li>
              ) : (
                <li key={w.code}>{t('requests.document.warnings.signatoryTitle')}</li>
              ),
            )}
          </ul>
          <p className="actions">
            <button type="button" className="primary" onClick={confirm} disabled={busy}>
              {t('requests.document.warnings.confirm')}
            </button>{' '}
            <button type="button" onClick={() => setPending(null)} disabled={busy}>
              {t('requests.document.warnings.cancel')}
            </button>
          </p>
        </div>
      ) : null}
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

