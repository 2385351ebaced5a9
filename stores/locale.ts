import { create } from 'zustand';

export type UiLanguage = 'zh-CN' | 'en';

/** The UI language: the seller's choice in settings, else the browser's language (zh-CN first). */
export function languageFromBrowser(tag: string | undefined): UiLanguage {
  return tag && !tag.toLowerCase().startsWith('zh') && tag.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

interface LocaleState {
  language: UiLanguage;
  setLanguage(language: UiLanguage): void;
}

export const useLocaleStore = create<LocaleState>((set) => ({
  language: languageFromBrowser(globalThis.navigator?.language),
  setLanguage: (language) => set({ language }),
}));
