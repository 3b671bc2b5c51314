import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import da from './da.json';
import en from './en.json';
import sv from './sv.json';

/** Interface languages. Swedish is the default; Danish follows the second market. */
export const UI_LANGUAGES = ['sv', 'en', 'da'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'ombud.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv };
  }
}

function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): UiLanguage {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : 'sv';
  } catch {
    return 'sv';
  }
}

/** Initialises i18next once, synchronously (the resources are bundled), and returns it. */
export function initI18n(language: UiLanguage = storedLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { sv: { translation: sv }, en: { translation: en }, da: { translation: da } },
      lng: language,
      fallbackLng: 'sv',
      supportedLngs: [...UI_LANGUAGES],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    i18next.on('languageChanged', (lng) => {
      document.documentElement.lang = lng;
    });
    document.documentElement.lang = i18next.language;
  }
  return i18next;
}

/** Switches the interface language and remembers it on this computer. */
export function setUiLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be unavailable (private mode); the switch still applies to this session.
  }
  void i18next.changeLanguage(language);
}

export function currentUiLanguage(): UiLanguage {
  return isUiLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'sv';
}
