// Choosing the legal basis of a request from the engine's answer for the two States, the offence
// and the kind of cooperation (GET /api/v1/legal-basis), or reciprocity. The choice is the
// instrument and its articles; the node resolves the title and citation when it saves.
import { useState } from 'react';
import { api, type LegalBasis } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';
import { cooperationTypeOf, fieldId, type LegalBasisChoiceInput, type Offence, type RequestType } from '../requests.ts';
import { useAsync } from '../use-async.ts';
import { LevelTag, type RuleLevel, TextInput } from './request-fields.tsx';
import { ErrorAlert, Loading } from './ui.tsx';

interface Props {
  type: RequestType;
  requestingState: string;
  requestedState: string | undefined;
  offences: readonly Offence[];
  value: LegalBasisChoiceInput | null | undefined;
  /** What the node resolved on the last save (title and citation), for display. */
  saved?: { title?: string | undefined; citation?: string | undefined } | undefined;
  level?: RuleLevel | undefined;
  onChange: (value: LegalBasisChoiceInput | null) => void;
}

export function LegalBasisChooser({ type, requestingState, requestedState, offences, value, saved, level, onChange }: Props) {
  const { t, ts, label } = useT();
  const categories = [...new Set(offences.map((o) => o.category))];
  const [offencePick, setOffencePick] = useState<string | undefined>(undefined);
  const offence = offencePick && categories.includes(offencePick as Offence['category']) ? offencePick : categories[0];
  const cooperation = cooperationTypeOf(type);
  const ready = Boolean(requestedState && offence);
  const answer = useAsync(
    () =>
      ready && requestedState && offence
        ? api.legalBasis({ requesting: requestingState, requested: requestedState, type: cooperation, offence })
        : Promise.resolve(null),
    [ready, requestingState, requestedState, cooperation, offence],
  );
  const group = fieldId('legalBasis');
  const chosenInstrument = value?.kind === 'treaty' ? value.instrument : null;
  const bases = answer.data?.bases ?? [];
  const listed = new Set(bases.map((b) => b.instrument));

  function chooseTreaty(basis: LegalBasis) {
    onChange({ kind: 'treaty', instrument: basis.instrument, articles: basis.articles.map((a) => a.number) });
  }

  return (
    <fieldset className="legal-basis-chooser" id={group} tabIndex={-1} aria-describedby={`${group}-hint`}>
      <legend>
        {t('requests.basis.legend')} <LevelTag level={level} />
      </legend>
      <p id={`${group}-hint`} className="hint">
        {t('requests.basis.hint', { requesting: requestingState, requested: requestedState ?? '—', type: label('type', cooperation) })}
      </p>
      {categories.length > 1 ? (
        <div className="field">
          <label htmlFor="basis-offence">{t('requests.basis.forOffence')}</label>
          <select id="basis-offence" value={offence} onChange={(e) => setOffencePick(e.target.value)}>
            {categories.map((c) => (
              <option key={c} value={c}>
                {label('offence', c)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {!requestedState ? <p className="muted">{t('requests.basis.needState')}</p> : null}
      {requestedState && !offence ? <p className="muted">{t('requests.basis.needOffence')}</p> : null}
      {answer.loading && ready ? <Loading /> : null}
      <ErrorAlert error={answer.error} />
      {answer.data && bases.length === 0 ? <p className="muted">{t('requests.basis.noneFound')}</p> : null}
      <div className="choice-list">
        {bases.map((b) => {
          const id = `basis-${b.instrument}`;
          return (
            <div key={b.instrument} className={`choice outcome-${b.outcome}`}>
              <input type="radio" id={id} name="legal-basis" checked={chosenInstrument === b.instrument} onChange={() => chooseTreaty(b)} />
              <label htmlFor={id}>
                <span className="choice-title">
                  {b.short} — {b.title}
                </span>{' '}
                <span className={`badge badge-${b.outcome}`}>{t(`outcome.${b.outcome}`)}</span>
                <span className="choice-detail">
                  <cite className="citation">{b.citation}</cite>
                  {b.conditions.length > 0 ? <> · {t('requests.basis.conditions', { count: b.conditions.length })}</> : null}
                </span>
              </label>
            </div>
          );
        })}
        {chosenInstrument && !listed.has(chosenInstrument) ? (
          <div className="choice">
            <input type="radio" id="basis-current" name="legal-basis" checked readOnly />
            <label htmlFor="basis-current">
              <span className="choice-title">{saved?.title ?? chosenInstrument}</span>
              <span className="choice-detail">
                {saved?.citation ? <cite className="citation">{saved.citation}</cite> : null} {t('requests.basis.notInAnswer')}
              </span>
            </label>
          </div>
        ) : null}
        <div className="choice">
          <input
            type="radio"
            id="basis-reciprocity"
            name="legal-basis"
            checked={value?.kind === 'reciprocity'}
            onChange={() => onChange({ kind: 'reciprocity', assurance: value?.kind === 'reciprocity' ? value.assurance : '' })}
          />
          <label htmlFor="basis-reciprocity">
            <span className="choice-title">{t('requests.basis.reciprocity')}</span>
            <span className="choice-detail">{t('requests.basis.reciprocityHint')}</span>
          </label>
        </div>
        <div className="choice">
          <input type="radio" id="basis-none" name="legal-basis" checked={!value} onChange={() => onChange(null)} />
          <label htmlFor="basis-none">
            <span className="choice-title">{t('requests.basis.none')}</span>
          </label>
        </div>
      </div>
      {value?.kind === 'reciprocity' ? (
        <TextInput
          path="legalBasis.assurance"
          multiline
          label={t('requests.basis.assurance')}
          value={value.assurance}
          onChange={(assurance) => onChange({ kind: 'reciprocity', assurance })}
        />
      ) : null}
      {value?.kind === 'treaty' ? (
        <p className="chosen-basis" id={fieldId('legalBasis.articles')} tabIndex={-1}>
          {t('requests.basis.chosen')}{' '}
          <strong>
            {value.instrument}
            {value.articles && value.articles.length > 0 ? ` ${ts('requests.basis.articles', { list: value.articles.join(', ') })}` : ''}
          </strong>
        </p>
      ) : null}
    </fieldset>
  );
}
