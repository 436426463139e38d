// Picking the requested authority: an organisation on this node, or a counterpart authority on a
// trusted peer node from the directory. The requested State follows the authority chosen.
import { useState } from 'react';
import type { Country } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';
import { countryName } from '../knowledge.ts';
import { authoritiesApi, type DirectoryAuthority } from '../authorities.ts';
import { type DirectoryEntry, federationApi, fieldId, type RequestType } from '../requests.ts';
import { useAsync } from '../use-async.ts';
import { CountryPicker } from './country-picker.tsx';
import { LevelTag, type RuleLevel } from './request-fields.tsx';
import { ErrorAlert, Loading } from './ui.tsx';

export interface LocalAuthority {
  id: string;
  name: string;
  country: string;
  kind: string;
}

export interface AuthorityChoice {
  requestedState: string | undefined;
  requestedOrganisationId: string | null;
  /** A counterpart on a peer node (federation carries the request there). */
  requestedNodeId: string | null;
  /** An authority without a node from the directory (the letter goes outside Comity). */
  requestedAuthorityId: string | null;
}

interface Props {
  type: RequestType;
  value: AuthorityChoice;
  localAuthorities: readonly LocalAuthority[];
  countries: readonly Country[];
  level?: RuleLevel | undefined;
  onChange: (value: AuthorityChoice) => void;
}

export function AuthorityPicker({ type, value, localAuthorities, countries, level, onChange }: Props) {
  const { t, ts, label, lng } = useT();
  const [where, setWhere] = useState<'local' | 'peer' | 'directory'>(value.requestedAuthorityId ? 'directory' : value.requestedNodeId ? 'peer' : 'local');
  const [q, setQ] = useState('');
  const directory = useAsync(() => (where === 'peer' ? federationApi.directory({ q: q.trim() || undefined }) : Promise.resolve(null)), [where, q]);
  const byCode = new Map(countries.map((c) => [c.code, c]));
  const stateName = (code: string) => countryName(byCode.get(code), lng, code);
  const group = fieldId('requestedOrganisationId');

  function pickPeer(entry: DirectoryEntry) {
    onChange({ requestedState: entry.state, requestedOrganisationId: null, requestedNodeId: entry.nodeId, requestedAuthorityId: null });
  }

  return (
    <>
      <fieldset className="authority-picker" id={group} tabIndex={-1}>
        <legend>
          {t('requests.authority.legend')} <LevelTag level={level} />
        </legend>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('requests.authority.where')}</legend>
          <div className="field checkbox">
            <input type="radio" id="authority-where-local" name="authority-where" checked={where === 'local'} onChange={() => setWhere('local')} />
            <label htmlFor="authority-where-local">{t('requests.authority.local')}</label>
          </div>
          <div className="field checkbox">
            <input type="radio" id="authority-where-peer" name="authority-where" checked={where === 'peer'} onChange={() => setWhere('peer')} />
            <label htmlFor="authority-where-peer">{t('requests.authority.peer')}</label>
          </div>
          <div className="field checkbox">
            <input type="radio" id="authority-where-directory" name="authority-where" checked={where === 'directory'} onChange={() => setWhere('directory')} />
            <label htmlFor="authority-where-directory">{t('authorities.picker.directory')}</label>
          </div>
        </fieldset>
        {where === 'directory' ? (
          <DirectoryAuthorityPick
            state={value.requestedState}
            chosen={value.requestedAuthorityId ?? (value.requestedNodeId ? `peer:${value.requestedNodeId}` : null)}
            stateName={stateName}
            onPick={(entry) =>
              onChange({
                requestedState: entry.state,
                requestedOrganisationId: null,
                requestedNodeId: entry.source === 'peer-node' ? entry.nodeId : null,
                requestedAuthorityId: entry.source === 'peer-node' ? null : entry.id,
              })
            }
          />
        ) : where === 'local' ? (
          <div className="field">
            <label htmlFor="requested-organisation">{t('requests.authority.organisation')}</label>
            <select
              id="requested-organisation"
              value={value.requestedOrganisationId ?? ''}
              onChange={(e) => {
                const org = localAuthorities.find((o) => o.id === e.target.value);
                onChange({
                  requestedOrganisationId: org?.id ?? null,
                  requestedState: org?.country ?? value.requestedState,
                  requestedNodeId: null,
                  requestedAuthorityId: null,
                });
              }}
            >
              <option value="">{ts('finder.choose')}</option>
              {localAuthorities.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} — {stateName(o.country)} ({label('kind', o.kind)})
                </option>
              ))}
            </select>
            {localAuthorities.length === 0 ? <small className="hint">{t('requests.authority.noLocal')}</small> : null}
          </div>
        ) : (
          <div className="directory-pick">
            <div className="field">
              <label htmlFor="authority-search">{t('directory.search')}</label>
              <input id="authority-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
            </div>
            {directory.loading && !directory.data ? <Loading /> : null}
            <ErrorAlert error={directory.error} />
            {directory.data?.items.length === 0 ? <p className="muted">{t('directory.none')}</p> : null}
            <div className="choice-list">
              {directory.data?.items.map((entry) => {
                const id = `authority-peer-${entry.nodeId}`;
                const accepts = entry.requestTypes.length === 0 || entry.requestTypes.includes(type);
                return (
                  <div key={entry.nodeId} className="choice">
                    <input type="radio" id={id} name="authority-peer" checked={value.requestedNodeId === entry.nodeId} onChange={() => pickPeer(entry)} />
                    <label htmlFor={id}>
                      <span className="choice-title">{entry.name}</span>{' '}
                      <span className="choice-detail">
                        {stateName(entry.state)} · {label('kind', entry.kind)} · {t('directory.languages')}: {entry.languages.join(', ') || '—'}
                      </span>
                      {accepts ? null : <span className="flag">{t('requests.authority.typeNotAccepted')}</span>}
                    </label>
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </fieldset>
      <CountryPicker
        id={fieldId('requestedState')}
        label={ts('finder.requested')}
        countries={countries}
        value={value.requestedState ?? null}
        onChange={(code) => {
          // Typing a State by hand unlinks an authority of another State.
          const keepOrg = localAuthorities.find((o) => o.id === value.requestedOrganisationId && o.country === code);
          onChange({ requestedState: code ?? undefined, requestedOrganisationId: keepOrg ? keepOrg.id : null, requestedNodeId: null, requestedAuthorityId: null });
        }}
      />
    </>
  );
}

/** The directory of requested authorities for the chosen State, each with its source; a treaty
 * designation shows its instrument and article, and one without a plain name only its text. */
function DirectoryAuthorityPick({
  state,
  chosen,
  stateName,
  onPick,
}: {
  state: string | undefined;
  chosen: string | null;
  stateName: (code: string) => string;
  onPick: (entry: DirectoryAuthority) => void;
}) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const directory = useAsync(() => authoritiesApi.directory({ ...(state ? { state } : {}), ...(q.trim() ? { q: q.trim() } : {}) }), [state, q]);
  return (
    <div className="directory-pick">
      <p className="hint">{state ? t('authorities.picker.forState', { state: stateName(state) }) : t('authorities.picker.chooseState')}</p>
      <div className="field">
        <label htmlFor="authority-directory-search">{t('directory.search')}</label>
        <input id="authority-directory-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {directory.loading && !directory.data ? <Loading /> : null}
      <ErrorAlert error={directory.error} />
      {directory.data?.items.length === 0 ? <p className="muted">{t('authorities.picker.none')}</p> : null}
      <div className="choice-list">
        {directory.data?.items.map((entry) => (
          <DirectoryChoice key={entry.id} entry={entry} checked={chosen === entry.id} stateName={stateName} onPick={() => onPick(entry)} />
        ))}
      </div>
    </div>
  );
}

function DirectoryChoice({ entry, checked, stateName, onPick }: { entry: DirectoryAuthority; checked: boolean; stateName: (code: string) => string; onPick: () => void }) {
  const { t } = useT();
  const id = `authority-directory-${entry.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <div className="choice">
      <input type="radio" id={id} name="authority-directory" checked={checked} disabled={!entry.selectable} onChange={onPick} />
      <label htmlFor={id}>
        <span className="choice-title">
          <bdi>{entry.name ?? t('authorities.unnamed')}</bdi>
        </span>{' '}
        <span className="badge">{t(`authorities.source.${entry.source}`)}</span>{' '}
        <span className="choice-detail">
          {stateName(entry.state)}
          {entry.instrument ? (
            <>
              {' · '}
              <cite className="citation">{entry.article ? `${entry.instrument} ${entry.article}` : `${entry.instrument} (${t('authorities.articleUnknown')})`}</cite>
            </>
          ) : null}
          {entry.channel ? ` · ${t(`authorities.channel.${entry.channel}`)}` : ''}
          {entry.languages.length ? ` · ${t('directory.languages')}: ${entry.languages.join(', ')}` : ''}
          {entry.source === 'peer-node' ? '' : ` · ${t('authorities.noNode')}`}
        </span>
        <span className="choice-detail muted">
          {entry.asOf && !entry.provenance.includes(entry.asOf)
            ? t('authorities.provenance', { source: entry.provenance, date: entry.asOf })
            : t('authorities.provenanceOnly', { source: entry.provenance })}
        </span>
      </label>
      {entry.declarationText ? (
        <details className="declaration">
          <summary>{entry.selectable ? t('authorities.declaration') : t('authorities.declarationOnly')}</summary>
          <p className="prose" dir="ltr" lang="en">
            {entry.declarationText}
          </p>
        </details>
      ) : null}
    </div>
  );
}
