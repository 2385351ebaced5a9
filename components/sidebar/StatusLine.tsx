import { useEffect, useState } from 'react';
import { useT } from '@/components/i18n';
import { useCatalog } from '@/stores/catalog';
import { useLocaleStore, type UiLanguage } from '@/stores/locale';
import { displayNumber } from '@/components/shared/format';
import { syncErrorText } from '@/components/options/feeds/sync-error-text';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 minutes ago", "刚刚" … for the last sync. */
export function relativeTime(at: number, now: number, language: UiLanguage): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const elapsed = at - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms) return format.format(Math.round(elapsed / ms), unit);
  }
  return format.format(0, 'minute');
}

/** One quiet line at the bottom: when the catalog last synced, how big it is, and whether a feed is failing. */
export function StatusLine() {
  const t = useT();
  // "3 minutes ago" has to move on while the panel stays open all day.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const language = useLocaleStore((s) => s.language);
  const status = useCatalog((s) => s.status);
  if (!status) return <footer className="sn-status" />;
  const failing = status.feeds.filter((f) => status.failingFeedIds.includes(f.id));
  const synced =
    status.lastSyncAt === null
      ? t('sidebar_status_never_synced')
      : now - status.lastSyncAt < 60_000
        ? t('sidebar_status_synced_now')
        : t('sidebar_status_synced', relativeTime(status.lastSyncAt, now, language));
  const count = t('sidebar_status_items', displayNumber(status.itemCount, language));
  const text =
    failing.length === 1
      ? t('sidebar_status_feed_failed', failing[0]!.title || failing[0]!.url)
      : failing.length > 1
        ? t('sidebar_status_feeds_failed', failing.length)
        : `${synced} · ${count}`;
  const detail = failing
    .map((f) => `${f.title || f.url}: ${f.lastError ? syncErrorText(t, f.lastError) : ''}`)
    .join('\n');
  return (
    <footer className={failing.length > 0 ? 'sn-status sn-status--error' : 'sn-status'} role="status">
      <span className="sn-status__dot" aria-hidden="true" />
      <span className="sn-status__text" title={detail || `${synced} · ${count}`}>
        {text}
      </span>
      <a href="/options.html" target="_blank" rel="noopener">
        {t('sidebar_status_settings')}
      </a>
    </footer>
  );
}
