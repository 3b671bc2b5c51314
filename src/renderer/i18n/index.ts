import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type sv from './sv.json';

/** Interface languages. Swedish is the default; Danish follows the second market. */
export const UI_LANGUAGES = ['sv', 'en', 'da'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** One language's interface strings (every bundle has Swedish's keys; a unit test keeps them equal). */
export type Translation = typeof sv;

const STORAGE_KEY = 'ombud.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

/**
 * Each language is its own chunk, fetched when it is first used: a start evaluates only the
 * strings it shows (about 48 kB of the 143 kB the three bundles were), and a switch fetches the
 * new language from the app's own files before it applies.
 */
const BUNDLES: Record<UiLanguage, () => Promise<{ default: Translation }>> = {
  sv: () => import('./sv.json'),
  en: () => import('./en.json'),
  da: () => import('./da.json'),
};

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

/**
 * Initialises i18next once, synchronously, with the strings it is given (tests hand it all three),
 * and returns it. The app starts through `startI18n`, which loads the one language it needs first.
 */
export function initI18n(language: UiLanguage, bundles: Partial<Record<UiLanguage, Translation>>) {
  if (!i18next.isInitialized) {
    const resources = Object.fromEntries(Object.entries(bundles).map(([lng, translation]) => [lng, { translation }]));
    void i18next.use(initReactI18next).init({
      resources,
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

/**
 * Loads the stored interface language (Swedish unless this computer chose another) and initialises
 * i18next with it. The first render waits for this, so no key is ever shown untranslated.
 */
export async function startI18n(language: UiLanguage = storedLanguage()) {
  try {
    const { default: strings } = await BUNDLES[language]();
    return initI18n(language, { [language]: strings });
  } catch (error) {
    // Only a damaged installation lacks its own files; keys on screen beat a blank window.
    console.error(`The ${language} interface strings did not load:`, error);
    return initI18n(language, {});
  }
}

/** Adds a language's strings to i18next unless they are there already. */
async function ensureLoaded(language: UiLanguage): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const { default: strings } = await BUNDLES[language]();
  i18next.addResourceBundle(language, 'translation', strings);
}

/** The language asked for last, so a slower load of an earlier choice does not win. */
let requested: UiLanguage | undefined;

/**
 * Switches the interface language and remembers it on this computer. The interface stays in the
 * current language until the new one's strings have loaded, then changes in one render.
 */
export async function setUiLanguage(language: UiLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be unavailable (private mode); the switch still applies to this session.
  }
  requested = language;
  await ensureLoaded(language);
  if (requested === language) await i18next.changeLanguage(language);
}

export function currentUiLanguage(): UiLanguage {
  return isUiLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'sv';
}
