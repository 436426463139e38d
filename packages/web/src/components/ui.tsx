// Small accessible building blocks shared by the pages.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { ApiError } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';

/** The text to show for a failed call: the problem's detail or title, or a translated fallback. */
export function useErrorText(): (error: unknown) => ReactNode {
  const { t } = useT();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t('common.network');
      if (error.status === 403) return t('common.forbidden');
      const fields = error.fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; ');
      return fields ? `${error.message} (${fields})` : error.message;
    }
    return t('common.error');
  };
}

/** Errors are announced to screen readers as soon as they appear. */
export function ErrorAlert({ error, children }: { error?: unknown; children?: ReactNode }) {
  const text = useErrorText();
  if (!children && (error === undefined || error === null)) return null;
  return (
    <p className="alert alert-error" role="alert">
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
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
    </div>
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

/** Dates are shown in the user's language; ISO dates without time stay calendar dates (no time zone shift). */
export function formatDate(value: string | null | undefined, lng: string, withTime = false): string {
  if (!value) return '—';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lng, {
    dateStyle: 'medium',
    timeStyle: withTime && !dateOnly ? 'short' : undefined,
    timeZone: dateOnly ? 'UTC' : undefined,
  }).format(date);
}
