// The password change form, used on the account page and forced after a first sign-in.
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';
import { ErrorAlert, Field, Notice } from './ui.tsx';

const minimumLength = 12;

interface Props {
  /** When the current password is already known (just typed at sign-in), it is not asked again. */
  knownCurrentPassword?: string;
  onChanged?: () => void | Promise<void>;
  idPrefix?: string;
  /** Offer to revoke the personal API tokens with the change (they survive it otherwise). */
  offerTokenRevocation?: boolean;
}

export function ChangePasswordForm({ knownCurrentPassword, onChanged, idPrefix = 'pw', offerTokenRevocation = false }: Props) {
  const { t } = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [revokeTokens, setRevokeTokens] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [localError, setLocalError] = useState<'tooShort' | 'mismatch' | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    if (next.length < minimumLength) return setLocalError('tooShort');
    if (next !== confirm) return setLocalError('mismatch');
    setLocalError(null);
    setBusy(true);
    try {
      await api.changePassword(knownCurrentPassword ?? current, next, { revokeApiTokens: offerTokenRevocation && revokeTokens });
      setRevokeTokens(false);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      await onChanged?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="form" noValidate>
      {knownCurrentPassword === undefined ? (
        <Field
          id={`${idPrefix}-current`}
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      ) : null}
      <Field
        id={`${idPrefix}-new`}
        label={t('password.new')}
        hint={t('password.hint')}
        type="password"
        autoComplete="new-password"
        required
        minLength={minimumLength}
        value={next}
        onChange={(e) => setNext(e.target.value)}
      />
      <Field
        id={`${idPrefix}-confirm`}
        label={t('password.confirm')}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
      />
      {offerTokenRevocation ? (
        <div className="field checkbox">
          <input id={`${idPrefix}-revoke-tokens`} type="checkbox" checked={revokeTokens} onChange={(e) => setRevokeTokens(e.target.checked)} />
          <label htmlFor={`${idPrefix}-revoke-tokens`}>{t('password.revokeTokens')}</label>
        </div>
      ) : null}
      {localError ? <ErrorAlert>{t(`password.${localError}`)}</ErrorAlert> : <ErrorAlert error={error} />}
      {done ? <Notice>{t('password.changed')}</Notice> : null}
      <button type="submit" className="primary" disabled={busy}>
        {t('password.submit')}
      </button>
    </form>
  );
}
