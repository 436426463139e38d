// Small accessible building blocks shared by the pages.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { ApiError } from '../api.ts';
import { formatDate } from '../format.ts';
import { useServerText } from '../i18n/server-text.tsx';
import { useT } from '../i18n/use-t.tsx';

/**
 * The text to show for a failed call: the problem worded from its code in the reader's language,
 * with the fields it names in words; else the node's English detail, marked as such.
 */
export function useErrorText(): (error: unknown) => ReactNode {
  const { t, ts, lng } = useT();
  const server = useServerText();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t('common.network');
      if (error.status === 403) return t('common.forbidden');
      const fields = [...new Set(error.fieldErrors.map((e) => server.field(e.path)))].join(', ');
      const worded = server.problem(error);
      if (worded) return fields ? `${worded} ${ts('common.checkFields', { fields })}` : worded;
      const text = fields ? `${error.message} (${fields})` : error.message;
      return lng === 'en' ? (
        text
      ) : (
        <span lang="en" dir="ltr" className="fallback">
          {text}
        </span>
      );
    }
    return t('common.error');
  };
}

/** Errors are announced to screen readers as soon as they appear. */
export function ErrorAlert({ error, children }: { error?: unknown; children?: ReactNode }) {
  const text = useErrorText();
  if (!children && (error === undefined || error === null)) return null;
  return (
    <p className="alert alert-error" role="alert" aria-live="assertive">
      {children ?? text(error)}
    </p>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="alert alert-ok" role="status">
      {children}
    </p>
  );
}

export function Loading() {
  const { t } = useT();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('app.loading')}
    </p>
  );
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { id: string; label: ReactNode; hint?: ReactNode };

export function Field({ id, label, hint, ...input }: FieldProps) {
  const isDate = input.type === 'date';
  const describedBy = [hint ? `${id}-hint` : null, isDate ? `${id}-date` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={id} aria-describedby={describedBy} {...input} />
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {isDate ? <DateEcho id={id} value={typeof input.value === 'string' ? input.value : ''} /> : null}
    </div>
  );
}

/**
 * The browser's date input shows the browser's own format (mm/dd/yyyy in an English Chromium, even
 * inside the Arabic interface), so the chosen date is also written out in the interface's language.
 */
export function DateEcho({ id, value }: { id: string; value: string }) {
  const { t, lng } = useT();
  return (
    <output id={`${id}-date`} htmlFor={id} className="hint date-echo" aria-live="polite">
      {/^\d{4}-\d{2}-\d{2}$/.test(value) ? t('common.dateChosen', { date: formatDate(value, lng) }) : t('common.dateNone')}
    </output>
  );
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: ReactNode;
  options: readonly { value: string; label: string }[];
};

export function SelectField({ id, label, options, ...select }: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export { formatDate, languageName } from '../format.ts';
