// Inputs of the request editor. Each input's id is derived from its completeness path
// (`measures[1].location` → `f-measures-1-location`) so that the completeness panel can move focus
// to it; a tag beside the label says whether the rules for this type ask for it.
import { createContext, type ReactNode, useContext } from 'react';
import { useT } from '../i18n/use-t.tsx';
import { fieldId } from '../requests.ts';
import { DateEcho } from './ui.tsx';

/** What the node said was wrong with which field, by completeness-style path (`persons[0].nationality`). */
export const FieldErrors = createContext<ReadonlyMap<string, string>>(new Map());

export type RuleLevel = 'essential' | 'recommended';

export function LevelTag({ level }: { level: RuleLevel | undefined }) {
  const { t } = useT();
  if (!level) return null;
  return <span className={`level-tag level-${level}`}>{t(`requests.level.${level}`)}</span>;
}

interface TextProps {
  path: string;
  label: ReactNode;
  value: string | undefined;
  onChange: (value: string) => void;
  multiline?: boolean;
  level?: RuleLevel | undefined;
  hint?: ReactNode;
  maxLength?: number;
  type?: 'text' | 'date' | 'search';
  disabled?: boolean;
  invalid?: string | undefined;
}

export function TextInput({ path, label, value, onChange, multiline, level, hint, maxLength, type = 'text', disabled, invalid: given }: TextProps) {
  const id = fieldId(path);
  const errors = useContext(FieldErrors);
  const invalid = given ?? errors.get(path);
  const { ts, lng } = useT();
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null, type === 'date' ? `${id}-date` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${multiline ? ' wide' : ''}`}>
      <label htmlFor={id}>
        {label} <LevelTag level={level} />
      </label>
      {multiline ? (
        <textarea
          id={id}
          name={path}
          rows={4}
          value={value ?? ''}
          maxLength={maxLength ?? 20_000}
          disabled={disabled}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          name={path}
          type={type}
          value={value ?? ''}
          maxLength={type === 'date' ? undefined : (maxLength ?? 500)}
          disabled={disabled}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {type === 'date' ? <DateEcho id={id} value={value ?? ''} /> : null}
      {invalid ? (
        <small id={`${id}-error`} className="field-error" title={lng === 'en' ? undefined : invalid}>
          {/* The node's schema message is English; other languages get a plain sentence (the detail stays in the tooltip). */}
          {lng === 'en' ? invalid : ts('common.invalidValue')}
        </small>
      ) : null}
    </div>
  );
}

export function CheckboxInput({
  path,
  label,
  checked,
  onChange,
  level,
}: {
  path: string;
  label: ReactNode;
  checked: boolean | undefined;
  onChange: (value: boolean) => void;
  level?: RuleLevel | undefined;
}) {
  const id = fieldId(path);
  return (
    <div className="field checkbox">
      <input id={id} name={path} type="checkbox" checked={checked ?? false} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>
        {label} <LevelTag level={level} />
      </label>
    </div>
  );
}

export function SelectInput({
  path,
  label,
  value,
  onChange,
  options,
  level,
  disabled,
  hint,
}: {
  path: string;
  label: ReactNode;
  value: string | undefined;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  level?: RuleLevel | undefined;
  disabled?: boolean;
  hint?: ReactNode;
}) {
  const id = fieldId(path);
  const invalid = useContext(FieldErrors).get(path);
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} <LevelTag level={level} />
      </label>
      <select
        id={id}
        name={path}
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {invalid ? (
        <small id={`${id}-error`} className="field-error">
          {invalid}
        </small>
      ) : null}
    </div>
  );
}

/** A titled part of the editor; its id lets the completeness panel point at a whole list. */
export function EditorSection({ path, title, children, intro }: { path: string; title: ReactNode; children: ReactNode; intro?: ReactNode }) {
  const id = fieldId(path);
  return (
    <section className="panel editor-section" aria-labelledby={`${id}-title`} id={id} tabIndex={-1}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <p className="hint">{intro}</p> : null}
      {children}
    </section>
  );
}
