// The password change form, used on the account page and forced after a first sign-in. The rules
// (core's passwordProblems) are listed before the person types and ticked off as they type, so a
// refusal by the server is the exception, not the way to learn the rules.
import { accountNameOf, PASSWORD_MIN_DISTINCT, PASSWORD_MIN_LENGTH, type PasswordProblem, passwordProblems } from '@comity/core/accounts/accounts';
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';
import { useSession } from '../session.tsx';
import { ErrorAlert, Field, Notice } from './ui.tsx';

interface Props {
  /** When the current password is already known (just typed at sign-in), it is not asked again. */
  knownCurrentPassword?: string;
  /** The current password is the one-time password an administrator gave (forced change). */
  oneTimePassword?: boolean;
  onChanged?: () => void | Promise<void>;
  idPrefix?: string;
  /** Offer to revoke the personal API tokens with the change (they survive it otherwise). */
  offerTokenRevocation?: boolean;
}

type LocalError = 'currentMissing' | 'oneTimeMissing' | 'rulesNotMet' | 'mismatch';

/** The rules shown to people; 'too-long' (over 1024 characters) only ever appears as a refusal. */
const SHOWN_RULES: readonly PasswordProblem[] = ['too-short', 'contains-account-name', 'too-repetitive'];

export function ChangePasswordForm({ knownCurrentPassword, oneTimePassword = false, onChanged, idPrefix = 'pw', offerTokenRevocation = false }: Props) {
  const { t } = useT();
  const { session } = useSession();
  const email = session?.user.email ?? '';
  const accountName = accountNameOf(email);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [revokeTokens, setRevokeTokens] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [localError, setLocalError] = useState<LocalError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const broken = new Set(passwordProblems(next, email));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    if (knownCurrentPassword === undefined && current === '') return setLocalError(oneTimePassword ? 'oneTimeMissing' : 'currentMissing');
    if (broken.size > 0) return setLocalError('rulesNotMet');
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

  const rulesId = `${idPrefix}-rules`;
  return (
    <form onSubmit={submit} className="form" noValidate>
      {knownCurrentPassword === undefined ? (
        <Field
          id={`${idPrefix}-current`}
          label={oneTimePassword ? t('password.oneTime') : t('password.current')}
          hint={oneTimePassword ? t('password.oneTimeHint') : undefined}
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={localError === 'currentMissing' || localError === 'oneTimeMissing' ? true : undefined}
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      ) : null}
      <div className="field">
        <label htmlFor={`${idPrefix}-new`}>{t('password.new')}</label>
        <input
          id={`${idPrefix}-new`}
          name={`${idPrefix}-new`}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          aria-describedby={rulesId}
          aria-invalid={localError === 'rulesNotMet' ? true : undefined}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <div id={rulesId} className="hint password-rules">
          {t('password.rulesIntro')}
          <ul>
            {SHOWN_RULES.filter((rule) => rule !== 'contains-account-name' || accountName).map((rule) => {
              const met = next !== '' && !broken.has(rule);
              return (
                <li key={rule} data-rule={rule} className={met ? 'met' : next === '' ? undefined : 'unmet'}>
                  <span aria-hidden="true">{met ? '✓ ' : '• '}</span>
                  {t(`password.rule.${rule}`, { min: PASSWORD_MIN_LENGTH, name: accountName ?? '', distinct: PASSWORD_MIN_DISTINCT })}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
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
