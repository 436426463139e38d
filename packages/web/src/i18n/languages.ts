// The six UN languages, each named in its own language for the switcher, with its writing direction.
export const languages = [
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'zh', name: '中文', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
] as const;

export type LanguageCode = (typeof languages)[number]['code'];

export function isLanguage(value: unknown): value is LanguageCode {
  return typeof value === 'string' && languages.some((l) => l.code === value);
}

export function directionOf(code: LanguageCode): 'ltr' | 'rtl' {
  return languages.find((l) => l.code === code)?.dir ?? 'ltr';
}

/** Picks the stored choice, else the browser's first UN language, else English. */
export function initialLanguage(stored: string | null, browser: readonly string[]): LanguageCode {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
