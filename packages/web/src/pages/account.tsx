// The signed-in user's own page: profile, password and personal API tokens.
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { ChangePasswordForm } from '../components/change-password.tsx';
import { SignatureProfileSection } from '../components/signature-profile.tsx';
import { ErrorAlert, Field, formatDate, Loading, Notice } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';

export function AccountPage() {
  const { t, label } = useT();
  const { session } = useSession();
  // Bumped after a password change, which may have revoked the tokens listed below.
  const [tokensVersion, setTokensVersion] = useState(0);
  if (!session) return null;
  const { user } = session;
  return (
    <>
      <h1>{t('account.title')}</h1>
      <section aria-labelledby="profile-title" className="panel">
        <h2 id="profile-title">{t('account.profile')}</h2>
        <dl className="facts">
          <dt>{t('account.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('account.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('account.role')}</dt>
          <dd>{label('role', user.role)}</dd>
          <dt>{t('account.organisation')}</dt>
          <dd>
            {user.organisation.name} ({user.organisation.country}, {label('kind', user.organisation.kind)})
          </dd>
        </dl>
      </section>
      <SignatureProfileSection />
      <section aria-labelledby="password-title" className="panel">
        <h2 id="password-title">{t('password.title')}</h2>
        <ChangePasswordForm idPrefix="account-pw" offerTokenRevocation onChanged={() => setTokensVersion((v) => v + 1)} />
      </section>
      <TokensSection version={tokensVersion} />
    </>
  );
}

function TokensSection({ version }: { version: number }) {
  const { t, ts, lng } = useT();
  const tokens = useAsync(() => api.listTokens(), [version]);
  const [revokedAll, setRevokedAll] = useState(false);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const token = await api.createToken(name.trim());
      setCreated({ name: token.name, token: token.token });
      setName('');
      tokens.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function revokeAll() {
    setError(undefined);
    try {
      await api.revokeAllTokens();
      setRevokedAll(true);
      setCreated(null);
      tokens.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function revoke(id: string) {
    setError(undefined);
    try {
      await api.revokeToken(id);
      tokens.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section aria-labelledby="tokens-title" className="panel">
      <h2 id="tokens-title">{t('tokens.title')}</h2>
      <p>{t('tokens.intro')}</p>
      <p>{t('tokens.passwordChange')}</p>
      <form onSubmit={create} className="form inline">
        <Field id="token-name" label={t('tokens.name')} required value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('tokens.create')}
        </button>
      </form>
      {created ? (
        <div className="alert alert-ok" role="status">
          <p>{t('tokens.created')}</p>
          <p>
            <code className="secret" data-testid="new-token">
              {created.token}
            </code>
          </p>
        </div>
      ) : null}
      <ErrorAlert error={error} />
      {tokens.loading && !tokens.data ? <Loading /> : null}
      <ErrorAlert error={tokens.error} />
      {revokedAll ? <Notice>{t('tokens.revokedAll')}</Notice> : null}
      {tokens.data && tokens.data.items.length === 0 ? <p>{t('tokens.none')}</p> : null}
      {tokens.data && tokens.data.items.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.createdAt')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tokens.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{formatDate(token.createdAt, lng, true)}</td>
                <td>{token.lastUsedAt ? formatDate(token.lastUsedAt, lng, true) : t('tokens.never')}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => revoke(token.id)}
                    aria-label={ts('tokens.revokeLabel', { name: token.name })}
                  >
                    {t('tokens.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {tokens.data && tokens.data.items.length > 0 ? (
        <p>
          <button type="button" className="danger" onClick={revokeAll}>
            {t('tokens.revokeAll')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
