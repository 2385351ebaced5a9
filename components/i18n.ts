import zhMessages from '@/public/_locales/zh_CN/messages.json';
import enMessages from '@/public/_locales/en/messages.json';
import { useLocaleStore, type UiLanguage } from '@/stores/locale';

/**
 * Extension pages translate from the bundled locale files rather than `browser.i18n`, because the seller can
 * switch the UI language in settings, which `browser.i18n` (always the browser's language) cannot do.
 */
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const catalogs: Record<UiLanguage, Messages> = {
  'zh-CN': zhMessages as Messages,
  en: enMessages as Messages,
};

export type MessageKey = keyof typeof zhMessages;

/** Looks a message up; `$1`, `$2`… (and named placeholders) are filled from `substitutions`. */
export function translate(
  language: UiLanguage,
  key: MessageKey,
  ...substitutions: (string | number)[]
): string {
  const entry = catalogs[language][key] ?? catalogs['zh-CN'][key];
  if (!entry) return key;
  let text = entry.message;
  for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
    text = text
      .replaceAll(`$${name.toUpperCase()}$`, placeholder.content)
      .replaceAll(`$${name}$`, placeholder.content);
  }
  return text.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}

/** `const t = useT(); t('sidebar_search_label')` — re-renders when the language changes. */
export function useT(): (key: MessageKey, ...substitutions: (string | number)[]) => string {
  const language = useLocaleStore((s) => s.language);
  return (key, ...substitutions) => translate(language, key, ...substitutions);
}
