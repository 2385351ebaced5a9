import { useId, useState, type FormEvent } from 'react';
import { useT } from '@/components/i18n';
import { useLocaleStore } from '@/stores/locale';
import { addFeed, removeFeed, setFeedPaused, syncFeedNow, useFeeds } from '@/stores/feeds';
import type { FeedRecord } from '@/storage/types';
import { syncErrorText } from './feeds/sync-error-text';

const STARTER_FEED_ID = 'starter';

function formatTime(at: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

function FeedRow({ feed }: { feed: FeedRecord }) {
  const t = useT();
  const language = useLocaleStore((s) => s.language);
  const busy = useFeeds((s) => s.busy[feed.id] === true);
  const [confirming, setConfirming] = useState(false);
  const bundled = feed.id === STARTER_FEED_ID;
  const title = bundled ? t('sync_starter_title') : feed.title || feed.url;

  return (
    <li data-testid="feed-row" data-feed-id={feed.id} aria-busy={busy}>
      <strong>{title}</strong>
      {bundled ? null : (
        <>
          {' '}
          <small>{feed.url}</small>
        </>
      )}
      <div>
        <span>
          {feed.lastSuccessAt === null
            ? t('sync_never_synced')
            : t('sync_last_synced', formatTime(feed.lastSuccessAt, language))}
        </span>
        {' · '}
        <span data-testid="feed-item-count">{t('sync_item_count', feed.itemCount)}</span>
        {feed.paused ? (
          <>
            {' · '}
            <span>{t('sync_paused')}</span>
          </>
        ) : null}
      </div>
      {feed.lastError ? (
        <p role="alert" data-testid="feed-error">
          {t('sync_last_error', syncErrorText(t, feed.lastError))}
        </p>
      ) : null}
      {bundled ? null : (
        <div>
          <button type="button" disabled={busy} onClick={() => void syncFeedNow(feed)}>
            {t('sync_now')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => void setFeedPaused(feed.id, !feed.paused)}>
            {feed.paused ? t('sync_resume') : t('sync_pause')}
          </button>{' '}
          {confirming ? (
            <button type="button" disabled={busy} onClick={() => void removeFeed(feed)}>
              {t('sync_remove_confirm')}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              {t('sync_remove')}
            </button>
          )}
          {busy ? <span role="status"> {t('sync_busy')}</span> : null}
        </div>
      )}
    </li>
  );
}

/** Settings section "Feeds": subscribe by URL, and per feed last sync, item count, last error, actions. */
export function FeedsSettings() {
  const t = useT();
  const id = useId();
  const feeds = useFeeds((s) => s.feeds);
  const adding = useFeeds((s) => s.adding);
  const addResult = useFeeds((s) => s.addResult);
  const [url, setUrl] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // addFeed asks for the origin's permission first thing, inside this user gesture.
    void addFeed(url).then((added) => {
      if (added) setUrl('');
    });
  };

  return (
    <section aria-labelledby={`${id}-title`} data-testid="feeds-settings">
      <h2 id={`${id}-title`}>{t('sync_title')}</h2>
      <p>{t('sync_intro')}</p>
      <form onSubmit={onSubmit}>
        <label htmlFor={`${id}-url`}>{t('sync_add_label')}</label>{' '}
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          required
          value={url}
          placeholder={t('sync_add_placeholder')}
          onChange={(e) => setUrl(e.target.value)}
        />{' '}
        <button type="submit" disabled={adding}>
          {t('sync_add_button')}
        </button>
      </form>
      <p role="status" data-testid="feed-add-status">
        {adding
          ? t('sync_adding')
          : addResult?.ok
            ? t('sync_added', feeds.find((f) => f.id === addResult.report.feedId)?.itemCount ?? 0)
            : ''}
      </p>
      {addResult && !addResult.ok ? (
        <p role="alert" data-testid="feed-add-error">
          {syncErrorText(t, addResult.error)}
        </p>
      ) : null}
      <h3>{t('sync_list_label')}</h3>
      {feeds.length === 0 ? (
        <p>{t('sync_empty')}</p>
      ) : (
        <ul aria-label={t('sync_list_label')}>
          {feeds.map((feed) => (
            <FeedRow key={feed.id} feed={feed} />
          ))}
        </ul>
      )}
    </section>
  );
}
