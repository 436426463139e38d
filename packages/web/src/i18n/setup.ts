// One i18n layer for the whole UI: i18next with the six bundled resource files and English fallback.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import ftmAr from './ftm/ar.json';
import ftmEn from './ftm/en.json';
import ftmEs from './ftm/es.json';
import ftmFr from './ftm/fr.json';
import ftmRu from './ftm/ru.json';
import ftmZh from './ftm/zh.json';
import { directionOf, initialLanguage, type LanguageCode } from './languages.ts';
import ru from './ru.json';
import zh from './zh.json';

const storageKey = 'comity.language';

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** Sets <html lang dir> so that the CSS (logical properties only) mirrors for Arabic by itself. */
function applyToDocument(code: LanguageCode): void {
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}

export async function setupI18n(): Promise<typeof i18next> {
  const lng = initialLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
  await i18next.use(initReactI18next).init({
    resources: {
      // FtM property labels (ftm/README.md) under the "ftm" key of each language.
      en: { translation: { ...en, ftm: ftmEn } },
      fr: { translation: { ...fr, ftm: ftmFr } },
      es: { translation: { ...es, ftm: ftmEs } },
      ar: { translation: { ...ar, ftm: ftmAr } },
      zh: { translation: { ...zh, ftm: ftmZh } },
      ru: { translation: { ...ru, ftm: ftmRu } },
    },
    lng,
    fallbackLng: 'en',
    supportedLngs: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
    // React escapes text already.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(lng);
  return i18next;
}

export async function changeLanguage(code: LanguageCode): Promise<void> {
  await i18next.changeLanguage(code);
  applyToDocument(code);
  try {
    window.localStorage.setItem(storageKey, code);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}
