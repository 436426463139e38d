// Admin: users of this node, with filters, creation, and disabling / re-enabling.
import { type FormEvent, useState } from 'react';
import { api, type Role, roles } from '../api.ts';
import { ErrorAlert, Field, formatDate, Loading, Notice, SelectField } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { useAsync } from '../use-async.ts';

export function UsersPage() {
  const { t, ts, label, lng } = useT();
  const organisations = useAsync(() => api.listOrganisations(), []);
  const [filter, setFilter] = useState({ organisationId: '', role: '', q: '' });
  const [applied, setApplied] = useState(filter);
  const users = useAsync(() => api.listUsers(applied), [applied.organisationId, applied.role, applied.q]);
  const [actionError, setActionError] = useState<unknown>(undefined);

  const orgOptions = (organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  const orgName = new Map(orgOptions.map((o) => [o.value, o.label]));

  async function toggle(id: string, disabled: boolean) {
    setActionError(undefined);
    try {
      if (disabled) await api.enableUser(id);
      else await api.disableUser(id);
      users.reload();
    } catch (err) {
      setActionError(err);
    }
  }

  return (
    <>
      <h1>{t('users.title')}</h1>
      <CreateUser organisations={orgOptions} onCreated={users.reload} />
      <section aria-labelledby="users-filters" className="panel">
        <h2 id="users-filters">{t('users.filters')}</h2>
        <form
          className="form grid"
          onSubmit={(e) => {
            e.preventDefault();
            setApplied({ ...filter, q: filter.q.trim() });
          }}
        >
          <SelectField
            id="filter-org"
            label={t('users.organisation')}
            value={filter.organisationId}
            onChange={(e) => setFilter({ ...filter, organisationId: e.target.value })}
            options={[{ value: '', label: ts('common.any') }, ...orgOptions]}
          />
          <SelectField
            id="filter-role"
            label={t('users.role')}
            value={filter.role}
            onChange={(e) => setFilter({ ...filter, role: e.target.value })}
            options={[{ value: '', label: ts('common.any') }, ...roles.map((r) => ({ value: r, label: label('role', r) }))]}
          />
          <Field id="filter-q" type="search" label={t('users.q')} value={filter.q} onChange={(e) => setFilter({ ...filter, q: e.target.value })} />
          <div className="actions">
            <button type="submit">{t('common.apply')}</button>
          </div>
        </form>
      </section>
      <ErrorAlert error={actionError} />
      {users.loading && !users.data ? <Loading /> : null}
      <ErrorAlert error={users.error} />
      {users.data?.items.length === 0 ? <p>{t('users.none')}</p> : null}
      {users.data && users.data.items.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.organisation')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('orgs.createdAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.disable')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((u) => (
              <tr key={u.id} className={u.disabled ? 'muted' : undefined}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{label('role', u.role)}</td>
                <td>{orgName.get(u.organisationId) ?? u.organisationId}</td>
                <td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
                <td>{formatDate(u.createdAt, lng)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => toggle(u.id, u.disabled)}
                    aria-label={ts(u.disabled ? 'users.enableLabel' : 'users.disableLabel', { email: u.email })}
                  >
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function CreateUser({
  organisations,
  onCreated,
}: {
  organisations: { value: string; label: string }[];
  onCreated: () => void;
}) {
  const { t, label } = useT();
  const empty = { email: '', name: '', role: 'practitioner' as Role, organisationId: '', password: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<unknown>(undefined);
  const [created, setCreated] = useState(false);
  const organisationId = form.organisationId || organisations[0]?.value || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setCreated(false);
    try {
      await api.createUser({ ...form, email: form.email.trim(), name: form.name.trim(), organisationId });
      setForm(empty);
      setCreated(true);
      onCreated();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section aria-labelledby="user-create" className="panel">
      <h2 id="user-create">{t('users.create')}</h2>
      <form onSubmit={submit} className="form grid">
        <Field id="user-name" label={t('users.name')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <Field
          id="user-email"
          type="email"
          label={t('users.email')}
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <SelectField
          id="user-role"
          label={t('users.role')}
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
          options={roles.map((r) => ({ value: r, label: label('role', r) }))}
        />
        <SelectField
          id="user-org"
          label={t('users.organisation')}
          required
          value={organisationId}
          onChange={(e) => setForm({ ...form, organisationId: e.target.value })}
          options={organisations}
        />
        <Field
          id="user-password"
          type="password"
          autoComplete="new-password"
          label={t('users.password')}
          hint={t('password.hint')}
          required
          minLength={12}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <div className="actions">
          <button type="submit" className="primary">
            {t('users.submit')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      {created ? <Notice>{t('users.createdOk')}</Notice> : null}
    </section>
  );
}
