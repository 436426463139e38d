// Sign-in. A user who must change the password (first sign-in with a one-time password) does so here first.
import { DEFAULT_LOCKOUT } from '@comity/core/accounts/accounts';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { ChangePasswordForm } from '../components/change-password.tsx';
import { ErrorAlert, Field } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useT();
  const { session, setSession, refresh } = useSession();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const next = safeNext(search.get('next'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const signedIn = await api.signIn(email, password);
      setSession(signedIn);
      if (!signedIn.user.mustChangePassword) navigate(next, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (session?.user.mustChangePassword) {
    return (
      <section className="narrow" aria-labelledby="change-title">
        <h1 id="change-title">{t('password.title')}</h1>
        <p>{t('password.mustChange')}</p>
        <ChangePasswordForm
          idPrefix="first"
          knownCurrentPassword={password || undefined}
          oneTimePassword
          onChanged={async () => {
            await refresh();
            navigate(next, { replace: true });
          }}
        />
      </section>
    );
  }

  // The node answers a locked account exactly like a wrong password (so that nobody learns which
  // accounts exist), so the message says both: check the details, and that sign-in pauses.
  let message = null;
  if (error instanceof ApiError && error.status === 401) {
    message = t('signIn.failed', { attempts: DEFAULT_LOCKOUT.maxFailures, minutes: Math.round(DEFAULT_LOCKOUT.lockMs / 60_000) });
  } else if (error instanceof ApiError && error.status === 429) message = t('signIn.rateLimited');

  return (
    <section className="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {search.get('next') ? <p>{t('signIn.required')}</p> : null}
      <form onSubmit={submit} className="form">
        <Field
          id="email"
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field
          id="password"
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {message ? <ErrorAlert>{message}</ErrorAlert> : <ErrorAlert error={error} />}
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
