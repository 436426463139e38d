// Translation hook that makes English fallback visible instead of silently mixing languages.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from './languages.ts';

type Vars = Record<string, string | number>;

export interface Translator {
  /** Text for element content; untranslated keys come back as marked English. */
  t: (key: string, vars?: Vars) => ReactNode;
  /** Plain string for attributes and <option>, where markup cannot go. */
  ts: (key: string, vars?: Vars) => string;
  /** Translation of a data value such as an offence id; else the API's own label, else the raw value. */
  label: (group: string, value: string, apiLabel?: string) => string;
  /** Whether a key has a translation (in this language or the English fallback). */
  has: (key: string) => boolean;
  lng: LanguageCode;
}

export function useT(): Translator {
  const { t: raw, i18n } = useTranslation();
  const lng = (i18n.resolvedLanguage ?? i18n.language ?? 'en') as LanguageCode;
  const ts = (key: string, vars?: Vars): string => raw(key, vars ?? {}) as string;
  const t = (key: string, vars?: Vars): ReactNode => {
    // With a count, i18next looks for the plural form of the language (finder.moreUnknown_few …).
    const count = typeof vars?.count === 'number' ? { count: vars.count } : {};
    if (lng === 'en' || i18n.exists(key, { lng, fallbackLng: [], ...count })) return ts(key, vars);
    if (!i18n.exists(key, { lng: 'en', fallbackLng: [], ...count })) return key;
    return (
      <span lang="en" dir="ltr" className="fallback" title={raw('app.fallbackTitle', { lng: 'en' }) as string}>
        {ts(key, vars)}
      </span>
    );
  };
  const label = (group: string, value: string, apiLabel?: string): string => {
    const key = `${group}.${value}`;
    return i18n.exists(key) ? ts(key) : (apiLabel ?? value);
  };
  const has = (key: string): boolean => i18n.exists(key);
  return { t, ts, label, has, lng };
}
