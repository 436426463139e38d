// A type-ahead State picker (ARIA 1.2 combobox + listbox) that searches names in the user's language
// (and English). A typed exact name or code is taken on Enter, on Tab and when focus leaves.
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import type { Country } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';
import { countryName, exactCountry, searchCountries } from '../knowledge.ts';

interface Props {
  id: string;
  label: ReactNode;
  countries: readonly Country[];
  value: string | null;
  onChange: (code: string | null) => void;
  required?: boolean;
}

export function CountryPicker({ id, label, countries, value, onChange, required }: Props) {
  const { t, ts, lng } = useT();
  const selected = useMemo(() => countries.find((c) => c.code === value), [countries, value]);
  const [text, setText] = useState(() => (selected ? countryName(selected, lng) : ''));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  // When the language or the chosen State changes, show the chosen State's name in the new language.
  useEffect(() => {
    setText(selected ? countryName(selected, lng) : '');
  }, [selected, lng]);

  const sorted = useMemo(
    () => [...countries].sort((a, b) => countryName(a, lng).localeCompare(countryName(b, lng), lng)),
    [countries, lng],
  );
  const options = useMemo(() => searchCountries(sorted, text, lng, 12), [sorted, text, lng]);
  const listId = `${id}-listbox`;
  const optionId = (code: string) => `${id}-option-${code}`;
  const activeOption = open ? options[active] : undefined;

  function choose(country: Country) {
    onChange(country.code);
    setText(countryName(country, lng));
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && value === null && exactCountry(countries, text, lng)) {
      event.preventDefault();
      choose(exactCountry(countries, text, lng) as Country);
    } else if (event.key === 'Enter' && open && activeOption) {
      event.preventDefault();
      choose(activeOption);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? optionId(activeOption.code) : undefined}
        placeholder={ts('finder.choose')}
        required={required}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (value !== null) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          // Tab (or a click elsewhere) after typing "France", "FRA" or "fr" takes that State.
          const exact = value === null ? exactCountry(countries, text, lng) : null;
          if (exact) choose(exact);
        }}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <div id={listId} role="listbox" className="listbox" aria-label={typeof label === 'string' ? label : undefined}>
          {options.length === 0 ? (
            <div className="listbox-empty">
              {t('finder.noCountry')}
            </div>
          ) : (
            options.map((c, i) => (
              <div
                key={c.code}
                id={optionId(c.code)}
                role="option"
                aria-selected={i === active}
                // Focus stays in the input (aria-activedescendant); -1 only makes the option programmatically focusable.
                tabIndex={-1}
                className={i === active ? 'active' : undefined}
                // mousedown, not click: the input's blur would close the list before a click lands.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(c);
                }}
                onMouseEnter={() => setActive(i)}
              >
                {countryName(c, lng)} <span className="code">{c.code}</span>
              </div>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
