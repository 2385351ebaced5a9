import { create } from 'zustand';

export type UiLanguage = 'zh-CN' | 'en';
/** What the seller picked in settings: a language, or follow the browser. */
export type LanguagePreference = UiLanguage | 'auto';

/** The UI language: the seller's choice in settings, else the browser's language (zh-CN first). */
export function languageFromBrowser(tag: string | undefined): UiLanguage {
  return tag && !tag.toLowerCase().startsWith('zh') && tag.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function resolveLanguage(preference: LanguagePreference): UiLanguage {
  return preference === 'auto' ? languageFromBrowser(globalThis.navigator?.language) : preference;
}

interface LocaleState {
  language: UiLanguage;
  preference: LanguagePreference;
  setLanguage(language: UiLanguage): void;
  setPreference(preference: LanguagePreference): void;
}

/**
 * The language every extension page renders in. This module stays free of storage so that any bundle may
 * import it; pages load and save the seller's choice through stores/locale-preference.ts.
 */
export const useLocaleStore = create<LocaleState>((set) => ({
  language: languageFromBrowser(globalThis.navigator?.language),
  preference: 'auto',
  setLanguage: (language) => set({ language }),
  setPreference: (preference) => set({ preference, language: resolveLanguage(preference) }),
}));
