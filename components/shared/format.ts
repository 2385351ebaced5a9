import type { UiLanguage } from '@/stores/locale';

/** `https://www.example.com/x` → `example.com`; null for anything that is not a URL. */
export function displayHost(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** A calendar date in the seller's time zone (2024-01-30), or null when the date is missing or invalid. */
export function displayDate(iso: string | null, language: UiLanguage): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-CA' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(date)
    .replaceAll('/', '-');
}

export function displayNumber(n: number, language: UiLanguage): string {
  return new Intl.NumberFormat(language).format(n);
}
