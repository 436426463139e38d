// Admin: requested authorities without a node that this node's users can address requests to
// (name, State, address, channel, languages, e-mail, notes). Every change is audited by the node.
import { type FormEvent, useState } from 'react';
import { authoritiesApi, type DirectoryAuthority, TRANSMISSION_CHANNELS, type TransmissionChannel } from '../authorities.ts';
import { CountryPicker } from '../components/country-picker.tsx';
import { ErrorAlert, Field, Loading, Notice } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { countryName, loadCountries } from '../knowledge.ts';
import { useAsync } from '../use-async.ts';

interface FormState {
  name: string;
  state: string | null;
  address: string;
  channel: TransmissionChannel | '';
  languages: string;
  email: string;
  notes: string;
}

const EMPTY: FormState = { name: '', state: null, address: '', channel: '', languages: '', email: '', notes: '' };

function formOf(a: DirectoryAuthority): FormState {
  return {
    name: a.name ?? '',
    state: a.state,
    address: a.address ?? '',
    channel: a.channel ?? '',
    languages: a.languages.join(', '),
    email: a.email ?? '',
    notes: a.notes ?? '',
  };
}

export function AuthoritiesAdminPage() {
  const { t, ts, lng } = useT();
  const list = useAsync(() => authoritiesApi.directory({ source: 'administrator' }), []);
  const countries = useAsync(() => loadCountries(), []);
  const [form, setForm] = useState<FormState>(EMPTY);
  const [editing, setEditing] = useState<DirectoryAuthority | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const byCode = new Map((countries.data ?? []).map((c) => [c.code, c]));

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setNotice(null);
    if (!form.state) return setError(new Error('state'));
    const body = {
      name: form.name.trim(),
      state: form.state,
      address: form.address.trim() || null,
      channel: form.channel || null,
      languages: form.languages
        .split(/[\s,]+/)
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean),
      email: form.email.trim() || null,
      notes: form.notes.trim() || null,
    };
    try {
      if (editing) await authoritiesApi.update(editing.id, { ...body, version: editing.version ?? 1 });
      else await authoritiesApi.create(body);
      setNotice(editing ? 'authorities.admin.saved' : 'authorities.admin.added');
      setForm(EMPTY);
      setEditing(null);
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function remove(a: DirectoryAuthority) {
    setError(undefined);
    setNotice(null);
    if (!window.confirm(ts('authorities.admin.confirmRemove', { name: a.name ?? '' }))) return;
    try {
      await authoritiesApi.remove(a.id);
      setNotice('authorities.admin.removed');
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <h1>{t('authorities.admin.title')}</h1>
      <p className="hint">{t('authorities.admin.intro')}</p>
      <section className="panel" aria-labelledby="authority-form-title">
        <h2 id="authority-form-title">{editing ? t('authorities.admin.edit') : t('authorities.admin.add')}</h2>
        <form className="form grid" onSubmit={save}>
          <Field id="authority-name" label={t('authorities.field.name')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <CountryPicker id="authority-state" label={ts('authorities.field.state')} countries={countries.data ?? []} value={form.state} onChange={(state) => setForm({ ...form, state })} required />
          <div className="field wide">
            <label htmlFor="authority-address">{t('authorities.field.address')}</label>
            <textarea id="authority-address" rows={2} value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="authority-channel">{t('authorities.field.channel')}</label>
            <select id="authority-channel" value={form.channel} onChange={(e) => setForm({ ...form, channel: e.target.value as TransmissionChannel | '' })}>
              <option value="">{ts('authorities.field.channelUnknown')}</option>
              {TRANSMISSION_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {ts(`authorities.channel.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <Field
            id="authority-languages"
            label={t('authorities.field.languages')}
            hint={t('authorities.field.languagesHint')}
            value={form.languages}
            onChange={(e) => setForm({ ...form, languages: e.target.value })}
          />
          <Field id="authority-email" type="email" label={t('authorities.field.email')} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
          <div className="field wide">
            <label htmlFor="authority-notes">{t('authorities.field.notes')}</label>
            <textarea id="authority-notes" rows={3} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              {editing ? t('authorities.admin.save') : t('authorities.admin.submit')}
            </button>
            {editing ? (
              <button
                type="button"
                onClick={() => {
                  setEditing(null);
                  setForm(EMPTY);
                }}
              >
                {t('requests.actions.cancel')}
              </button>
            ) : null}
          </div>
        </form>
        {error instanceof Error && error.message === 'state' ? <ErrorAlert>{t('finder.pickCountry')}</ErrorAlert> : <ErrorAlert error={error} />}
        {/* The key, not the text: the notice follows a change of language. */}
        {notice ? <Notice>{t(notice)}</Notice> : null}
      </section>
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data?.items.length === 0 ? <p>{t('authorities.admin.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="table-scroll">
        <table className="authorities-table">
          <thead>
            <tr>
              <th scope="col">{t('authorities.field.name')}</th>
              <th scope="col">{t('authorities.field.state')}</th>
              <th scope="col">{t('authorities.field.channel')}</th>
              <th scope="col">{t('authorities.field.languages')}</th>
              <th scope="col">{t('authorities.admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <bdi>{a.name}</bdi>
                  {a.email ? <div className="muted">{a.email}</div> : null}
                </td>
                <td>{countryName(byCode.get(a.state), lng, a.state)}</td>
                <td>{a.channel ? ts(`authorities.channel.${a.channel}`) : '—'}</td>
                <td>{a.languages.join(', ') || '—'}</td>
                <td className="actions">
                  <button
                    type="button"
                    onClick={() => {
                      setEditing(a);
                      setForm(formOf(a));
                    }}
                  >
                    {t('authorities.admin.editButton')}
                  </button>
                  <button type="button" className="danger" onClick={() => void remove(a)}>
                    {t('authorities.admin.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
    </>
  );
}
