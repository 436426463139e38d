// The repeating parts of a request in the editor: offences, persons and measures. Which fields a
// measure or person shows first comes from the completeness rules for its kind or role; the rest
// stay one click away under "More details".
import { type ReactNode, useState } from 'react';
import type { Country } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';
import { offenceIds } from '../knowledge.ts';
import {
  DISPOSAL_GROUNDS,
  fieldId,
  type Measure,
  type MeasureKind,
  measureFieldLevels,
  measureFields,
  measureKindsFor,
  type Offence,
  offenceFieldLevels,
  ORDER_KINDS,
  PERSON_ROLES,
  type Person,
  personFieldLevels,
  personFields,
  type RequestType,
} from '../requests.ts';
import { CountryPicker } from './country-picker.tsx';
import { CheckboxInput, LevelTag, SelectInput, TextInput } from './request-fields.tsx';

type PersonRole = Person['role'];

// ---- offences ---------------------------------------------------------------------------------

const OFFENCE_TEXT_FIELDS = ['legalDescription', 'provisions', 'maxPenalty', 'timeAndPlace', 'limitation'] as const;

export function OffencesEditor({ type, offences, onChange }: { type: RequestType; offences: Offence[]; onChange: (next: Offence[]) => void }) {
  const { t, ts, label } = useT();
  const levels = offenceFieldLevels(type);
  const set = (i: number, patch: Partial<Offence>) => onChange(offences.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <>
      {offences.length === 0 ? <p className="muted">{t('requests.editor.noOffences')}</p> : null}
      {offences.map((offence, i) => {
        const base = `offences[${i}]`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: offences have no id; their position is their identity here
          <fieldset key={i} className="item">
            <legend>{t('requests.editor.offenceN', { n: i + 1 })}</legend>
            <div className="form grid">
              <SelectInput
                path={`${base}.category`}
                label={t('requests.offenceField.category')}
                value={offence.category}
                onChange={(v) => set(i, { category: v as Offence['category'] })}
                options={offenceIds.map((id) => ({ value: id, label: label('offence', id) }))}
              />
              <TextInput
                path={`${base}.iccs`}
                label={t('requests.offenceField.iccs')}
                hint={t('requests.offenceField.iccsHint')}
                value={offence.iccs}
                onChange={(v) => set(i, { iccs: v })}
                maxLength={6}
              />
              {OFFENCE_TEXT_FIELDS.map((f) => (
                <TextInput
                  key={f}
                  path={`${base}.${f}`}
                  label={t(`requests.offenceField.${f}`)}
                  value={offence[f]}
                  onChange={(v) => set(i, { [f]: v })}
                  multiline={f !== 'maxPenalty'}
                  level={levels.get(f)}
                />
              ))}
            </div>
            <RemoveButton label={ts('requests.editor.removeOffence', { n: i + 1 })} onClick={() => onChange(offences.filter((_, j) => j !== i))} />
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange([...offences, { category: (offenceIds[0] ?? 'other-serious-crime') as Offence['category'] }])}>
        {t('requests.editor.addOffence')}
      </button>
    </>
  );
}

// ---- persons ----------------------------------------------------------------------------------

type PersonField = Exclude<keyof Person, 'id' | 'role' | 'kind'>;
const PERSON_FIELD_ORDER: readonly PersonField[] = [
  'name',
  'aliases',
  'dateOfBirth',
  'placeOfBirth',
  'nationality',
  'identityDocuments',
  'location',
  'description',
  'protectionNeeded',
  'protectionDetails',
  'consent',
  'wishesToBeInformed',
  'notes',
];
const ALWAYS_PERSON: readonly PersonField[] = ['name', 'dateOfBirth', 'nationality', 'location'];
const PROTECTED_ROLES: readonly PersonRole[] = ['witness', 'victim'];

export function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const used = new Set(taken.map((x) => x.id));
  for (let n = taken.length + 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function PersonsEditor({
  type,
  persons,
  countries,
  onChange,
}: {
  type: RequestType;
  persons: Person[];
  countries: readonly Country[];
  onChange: (next: Person[]) => void;
}) {
  const { t, ts } = useT();
  const set = (i: number, patch: Partial<Person>) => onChange(persons.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <>
      {persons.length === 0 ? <p className="muted">{t('requests.editor.noPersons')}</p> : null}
      {persons.map((person, i) => {
        const base = `persons[${i}]`;
        const levels = personFieldLevels(type, person.role);
        const read = personFields(type, person.role);
        const primary = PERSON_FIELD_ORDER.filter(
          (f) =>
            ALWAYS_PERSON.includes(f) ||
            read.has(f) ||
            (PROTECTED_ROLES.includes(person.role) && ['protectionNeeded', 'consent'].includes(f)) ||
            (f === 'protectionDetails' && person.protectionNeeded === true) ||
            (f === 'wishesToBeInformed' && person.role === 'victim'),
        );
        const rest = PERSON_FIELD_ORDER.filter((f) => !primary.includes(f));
        const field = (f: PersonField) => (
          <PersonInput key={f} base={base} field={f} person={person} countries={countries} level={levels.get(f)} onChange={(patch) => set(i, patch)} />
        );
        return (
          <fieldset key={person.id} className="item">
            <legend>
              {t('requests.editor.personN', { n: i + 1 })} <span className="code">{person.id}</span>
            </legend>
            <div className="form grid">
              <SelectInput
                path={`${base}.role`}
                label={t('requests.personField.role')}
                value={person.role}
                onChange={(v) => set(i, { role: v as PersonRole })}
                options={PERSON_ROLES.map((r) => ({ value: r, label: ts(`requests.personRole.${r}`) }))}
              />
              <SelectInput
                path={`${base}.kind`}
                label={t('requests.personField.kind')}
                value={person.kind ?? 'natural'}
                onChange={(v) => set(i, { kind: v as 'natural' | 'legal' })}
                options={[
                  { value: 'natural', label: ts('requests.personKind.natural') },
                  { value: 'legal', label: ts('requests.personKind.legal') },
                ]}
              />
              {primary.map(field)}
            </div>
            {rest.length > 0 ? (
              <details className="more">
                <summary>{t('requests.editor.moreDetails')}</summary>
                <div className="form grid">{rest.map(field)}</div>
              </details>
            ) : null}
            <RemoveButton label={ts('requests.editor.removePerson', { n: i + 1 })} onClick={() => onChange(persons.filter((_, j) => j !== i))} />
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange([...persons, { id: nextId('p', persons), role: 'suspect', kind: 'natural' }])}>
        {t('requests.editor.addPerson')}
      </button>
    </>
  );
}

function PersonInput({
  base,
  field,
  person,
  countries,
  level,
  onChange,
}: {
  base: string;
  field: PersonField;
  person: Person;
  countries: readonly Country[];
  level: 'essential' | 'recommended' | undefined;
  onChange: (patch: Partial<Person>) => void;
}) {
  const { t, ts } = useT();
  const path = `${base}.${field}`;
  const label = t(`requests.personField.${field}`);
  switch (field) {
    case 'nationality':
      return (
        <CountryPicker
          id={fieldId(path)}
          label={ts(`requests.personField.${field}`)}
          countries={countries}
          value={person.nationality ?? null}
          onChange={(code) => onChange({ nationality: code ?? undefined })}
        />
      );
    case 'dateOfBirth':
      return <TextInput path={path} type="date" label={label} value={person.dateOfBirth} onChange={(v) => onChange({ dateOfBirth: v })} level={level} />;
    case 'protectionNeeded':
    case 'wishesToBeInformed':
      return <CheckboxInput path={path} label={label} checked={person[field]} onChange={(v) => onChange({ [field]: v })} level={level} />;
    case 'consent':
      return (
        <SelectInput
          path={path}
          label={label}
          level={level}
          value={person.consent ?? ''}
          onChange={(v) => onChange({ consent: v === '' ? undefined : (v as Person['consent']) })}
          options={[
            { value: '', label: ts('requests.editor.notStated') },
            ...(['given', 'refused', 'not-asked'] as const).map((c) => ({ value: c, label: ts(`requests.consent.${c}`) })),
          ]}
        />
      );
    case 'description':
    case 'protectionDetails':
    case 'notes':
    case 'location':
      return <TextInput path={path} multiline label={label} value={person[field]} onChange={(v) => onChange({ [field]: v })} level={level} />;
    default:
      return <TextInput path={path} label={label} value={person[field]} onChange={(v) => onChange({ [field]: v })} level={level} />;
  }
}

// ---- measures ---------------------------------------------------------------------------------

type MeasureField = Exclude<keyof Measure, 'id' | 'kind'>;
const MEASURE_FIELD_ORDER: readonly MeasureField[] = [
  'description',
  'personIds',
  'location',
  'custodian',
  'accounts',
  'period',
  'items',
  'questions',
  'videoconference',
  'videoconferenceReason',
  'relationToOffence',
  'necessity',
  'followUpRequestIntended',
  'consentGiven',
  'custodyArrangements',
  'order',
  'sentence',
  'estimatedValue',
  'thirdPartyNotice',
  'disposalGround',
  'disposalProposal',
  'priorOwnership',
  'reasons',
  'composition',
  'duration',
  'conditions',
];
const SHORT_MEASURE_FIELDS: readonly MeasureField[] = ['custodian', 'period', 'sentence', 'estimatedValue', 'duration'];
const BOOLEAN_MEASURE_FIELDS: readonly MeasureField[] = ['videoconference', 'followUpRequestIntended', 'consentGiven'];

export function MeasuresEditor({
  type,
  measures,
  persons,
  onChange,
}: {
  type: RequestType;
  measures: Measure[];
  persons: Person[];
  onChange: (next: Measure[]) => void;
}) {
  const { t, ts } = useT();
  const kinds = measureKindsFor(type);
  const set = (i: number, patch: Partial<Measure>) => onChange(measures.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <>
      {measures.length === 0 ? <p className="muted">{t('requests.editor.noMeasures')}</p> : null}
      {measures.map((measure, i) => {
        const base = `measures[${i}]`;
        const levels = measureFieldLevels(type, measure.kind);
        const read = measureFields(type, measure.kind);
        const primary = MEASURE_FIELD_ORDER.filter((f) => f === 'description' || read.has(f));
        const rest = MEASURE_FIELD_ORDER.filter((f) => !primary.includes(f));
        const field = (f: MeasureField) => (
          <MeasureInput key={f} base={base} field={f} measure={measure} persons={persons} levels={levels} onChange={(patch) => set(i, patch)} />
        );
        return (
          <fieldset key={measure.id} className="item">
            <legend>
              {t('requests.editor.measureN', { n: i + 1 })}: {ts(`requests.measure.${measure.kind}`)}
            </legend>
            <div className="form grid">
              <SelectInput
                path={`${base}.kind`}
                label={t('requests.measureField.kind')}
                value={measure.kind}
                onChange={(v) => set(i, { kind: v as MeasureKind })}
                options={kinds.map((k) => ({ value: k, label: ts(`requests.measure.${k}`) }))}
              />
              {primary.map(field)}
            </div>
            <details className="more">
              <summary>{t('requests.editor.moreDetails')}</summary>
              <div className="form grid">{rest.map(field)}</div>
            </details>
            <RemoveButton label={ts('requests.editor.removeMeasure', { n: i + 1 })} onClick={() => onChange(measures.filter((_, j) => j !== i))} />
          </fieldset>
        );
      })}
      <AddMeasure kinds={kinds} onAdd={(kind) => onChange([...measures, { id: nextId('m', measures), kind }])} />
    </>
  );
}

function AddMeasure({ kinds, onAdd }: { kinds: readonly MeasureKind[]; onAdd: (kind: MeasureKind) => void }) {
  const { t, ts } = useT();
  const [kind, setKind] = useState<MeasureKind | undefined>(kinds[0]);
  // The type (and so its measures) can change in a new request; fall back to its first measure.
  const chosen = kind && kinds.includes(kind) ? kind : kinds[0];
  return (
    <div className="form inline add-measure">
      <div className="field">
        <label htmlFor="add-measure-kind">{t('requests.editor.newMeasureKind')}</label>
        <select id="add-measure-kind" value={chosen} onChange={(e) => setKind(kinds.find((k) => k === e.target.value))}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {ts(`requests.measure.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={() => chosen && onAdd(chosen)}>
        {t('requests.editor.addMeasure')}
      </button>
    </div>
  );
}

function MeasureInput({
  base,
  field,
  measure,
  persons,
  levels,
  onChange,
}: {
  base: string;
  field: MeasureField;
  measure: Measure;
  persons: Person[];
  levels: Map<string, 'essential' | 'recommended'>;
  onChange: (patch: Partial<Measure>) => void;
}) {
  const { t, ts } = useT();
  const path = `${base}.${field}`;
  const label = t(`requests.measureField.${field}`);
  const level = levels.get(field);
  if (field === 'personIds') {
    const chosen = new Set(measure.personIds ?? []);
    return (
      <fieldset className="field wide choice-group" id={fieldId(path)} tabIndex={-1}>
        <legend>
          {label} <LevelTag level={level} />
        </legend>
        {persons.length === 0 ? <p className="muted">{t('requests.editor.addPersonsFirst')}</p> : null}
        {persons.map((p) => (
          <div key={p.id} className="field checkbox">
            <input
              id={`${fieldId(path)}-${p.id}`}
              type="checkbox"
              checked={chosen.has(p.id)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(p.id);
                else next.delete(p.id);
                onChange({ personIds: persons.map((x) => x.id).filter((x) => next.has(x)) });
              }}
            />
            <label htmlFor={`${fieldId(path)}-${p.id}`}>
              {p.name || ts('requests.editor.unnamed')} ({ts(`requests.personRole.${p.role}`)}, <span className="code">{p.id}</span>)
            </label>
          </div>
        ))}
      </fieldset>
    );
  }
  if (field === 'order') return <OrderInput path={path} order={measure.order} levels={levels} onChange={(order) => onChange({ order })} />;
  if (field === 'disposalGround') {
    return (
      <SelectInput
        path={path}
        label={label}
        level={level}
        value={measure.disposalGround ?? ''}
        onChange={(v) => onChange({ disposalGround: v === '' ? undefined : (v as Measure['disposalGround']) })}
        options={[{ value: '', label: ts('requests.editor.notStated') }, ...DISPOSAL_GROUNDS.map((g) => ({ value: g, label: ts(`requests.disposal.${g}`) }))]}
      />
    );
  }
  if (BOOLEAN_MEASURE_FIELDS.includes(field)) {
    const key = field as 'videoconference' | 'followUpRequestIntended' | 'consentGiven';
    return <CheckboxInput path={path} label={label} level={level} checked={measure[key]} onChange={(v) => onChange({ [key]: v })} />;
  }
  const key = field as Exclude<MeasureField, 'personIds' | 'order' | 'disposalGround' | 'videoconference' | 'followUpRequestIntended' | 'consentGiven'>;
  return (
    <TextInput path={path} label={label} level={level} multiline={!SHORT_MEASURE_FIELDS.includes(field)} value={measure[key]} onChange={(v) => onChange({ [key]: v })} />
  );
}

function OrderInput({
  path,
  order,
  levels,
  onChange,
}: {
  path: string;
  order: Measure['order'];
  levels: Map<string, 'essential' | 'recommended'>;
  onChange: (order: Measure['order']) => void;
}) {
  const { t, ts } = useT();
  const set = (patch: Partial<NonNullable<Measure['order']>>) => onChange({ kind: order?.kind ?? 'arrest-warrant', ...order, ...patch });
  return (
    <fieldset className="field wide choice-group" id={fieldId(path)} tabIndex={-1}>
      <legend>
        {t('requests.measureField.order')} <LevelTag level={levels.get('order')} />
      </legend>
      {order ? (
        <div className="form grid">
          <SelectInput
            path={`${path}.kind`}
            label={t('requests.order.kind')}
            value={order.kind}
            onChange={(v) => set({ kind: v as NonNullable<Measure['order']>['kind'] })}
            options={ORDER_KINDS.map((k) => ({ value: k, label: ts(`requests.orderKind.${k}`) }))}
          />
          <TextInput path={`${path}.reference`} label={t('requests.order.reference')} value={order.reference} onChange={(v) => set({ reference: v })} level={levels.get('order.reference')} />
          <TextInput path={`${path}.issuedBy`} label={t('requests.order.issuedBy')} value={order.issuedBy} onChange={(v) => set({ issuedBy: v })} level={levels.get('order.issuedBy')} />
          <TextInput
            path={`${path}.issuedOn`}
            type="date"
            label={t('requests.order.issuedOn')}
            value={order.issuedOn}
            onChange={(v) => set({ issuedOn: v })}
            level={levels.get('order.issuedOn')}
          />
          <CheckboxInput path={`${path}.final`} label={t('requests.order.final')} checked={order.final} onChange={(v) => set({ final: v })} level={levels.get('order.final')} />
          <div className="actions">
            <button type="button" onClick={() => onChange(undefined)}>
              {t('requests.order.remove')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => onChange({ kind: 'arrest-warrant' })}>
          {t('requests.order.add')}
        </button>
      )}
    </fieldset>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }): ReactNode {
  const { t } = useT();
  return (
    <div className="actions item-actions">
      <button type="button" className="danger" onClick={onClick} aria-label={label}>
        {t('requests.editor.remove')}
      </button>
    </div>
  );
}
