// Reference data that every knowledge page needs, fetched once per page load.
import { COOPERATION_TYPES, OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { api, type Country, type InstrumentDetail, type UiLanguage } from './api.ts';

// The offence and cooperation vocabulary is fixed in core; the pages translate each id themselves.
export const cooperationTypes: readonly string[] = COOPERATION_TYPES;
export const offenceIds: readonly string[] = OFFENCE_IDS;

let countriesPromise: Promise<Country[]> | null = null;

export function loadCountries(): Promise<Country[]> {
  countriesPromise ??= api.countries().then(
    (r) => r.items,
    (error: unknown) => {
      countriesPromise = null;
      throw error;
    },
  );
  return countriesPromise;
}

export function countryName(country: Country | undefined, lng: UiLanguage, fallbackCode = ''): string {
  if (!country) return fallbackCode;
  return country.names[lng] ?? country.names.en ?? country.code;
}

/** Case- and accent-insensitive form used for type-ahead, so "bres" finds "Brésil". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * The State whose name is exactly the typed text (in the user's language or in English, ignoring
 * case and accents) or whose alpha-3 or alpha-2 code it is; null when none or the text is empty.
 */
export function exactCountry(countries: readonly Country[], text: string, lng: UiLanguage): Country | null {
  const needle = fold(text.trim());
  if (!needle) return null;
  return (
    countries.find((c) => fold(countryName(c, lng)) === needle || fold(c.names.en ?? '') === needle) ??
    countries.find((c) => c.code.toLowerCase() === needle || c.alpha2.toLowerCase() === needle) ??
    null
  );
}

/** Countries whose name in the user's language (or in English, or whose code) matches the typed text; prefix matches first. */
export function searchCountries(countries: readonly Country[], text: string, lng: UiLanguage, limit = 12): Country[] {
  const needle = fold(text.trim());
  if (!needle) return countries.slice(0, limit);
  const starts: Country[] = [];
  const contains: Country[] = [];
  for (const c of countries) {
    const name = fold(countryName(c, lng));
    const english = fold(c.names.en ?? '');
    if (name.startsWith(needle) || english.startsWith(needle) || c.code.toLowerCase() === needle || c.alpha2.toLowerCase() === needle) starts.push(c);
    else if (name.includes(needle) || english.includes(needle)) contains.push(c);
  }
  return [...starts, ...contains].slice(0, limit);
}

const instrumentCache = new Map<string, Promise<InstrumentDetail>>();

/** Instrument details (articles and parties), cached: the finder opens article texts from them. */
export function loadInstrument(id: string): Promise<InstrumentDetail> {
  let promise = instrumentCache.get(id);
  if (!promise) {
    promise = api.instrument(id).catch((error: unknown) => {
      instrumentCache.delete(id);
      throw error;
    });
    instrumentCache.set(id, promise);
  }
  return promise;
}
