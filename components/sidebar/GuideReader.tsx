import { useEffect, useMemo, useRef } from 'react';
import { useT } from '@/components/i18n';
import { SafeHtml } from '@/components/shared/SafeHtml';
import { KindBadge } from '@/components/shared/KindBadge';
import { ItemRow } from '@/components/shared/ItemRow';
import { displayDate, displayHost, displayNumber } from '@/components/shared/format';
import { useLocaleStore } from '@/stores/locale';
import { categoryName, toListRow, useCatalog, type ListRow } from '@/stores/catalog';
import { formatHash, useRouter } from '@/stores/router';
import { BookmarkStar } from './BookmarkStar';
import { focusIfLost } from './focus';

/**
 * A guide read inside the sidebar, from the cache (works offline): its HTML sanitized once more at render,
 * links to the original page, related guides. A tool's page (reached from a bookmark or a link) offers to
 * open its site.
 */
export function GuideReader({ itemId, onOpen }: { itemId: string; onOpen: (row: ListRow) => void }) {
  const t = useT();
  const language = useLocaleStore((s) => s.language);
  const reader = useCatalog((s) => s.reader);
  const openItem = useCatalog((s) => s.openItem);
  const categories = useCatalog((s) => s.categories);
  const back = useRouter((s) => s.back);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void openItem(itemId);
  }, [itemId, openItem]);

  const current = reader?.itemId === itemId ? reader : null;
  const item = current?.item ?? null;
  const row = useMemo(() => (item ? toListRow(item) : null), [item]);
  const category = item?.category ? categories.find((c) => c.id === item.category) : undefined;

  // The link that brought the seller here is gone: keyboard focus continues from the guide's title.
  useEffect(() => {
    if (item) focusIfLost(heading.current);
  }, [item]);

  useEffect(() => {
    if (item) document.title = `${item.title} · SellerNav`;
    return () => {
      document.title = 'SellerNav';
    };
  }, [item]);

  return (
    <article className="sn-reader-page" aria-busy={current?.state === 'loading'}>
      <div className="sn-bar">
        <button type="button" className="sn-back" onClick={back} aria-label={t('sidebar_back')}>
          ←
        </button>
        <span className="sn-bar__title">{category ? categoryName(category, language) : ''}</span>
        {row ? <BookmarkStar item={row} /> : null}
      </div>
      {current === null || current.state === 'loading' ? (
        <p className="sn-result-info">{t('sidebar_loading')}</p>
      ) : current.state === 'error' ? (
        <p className="sn-result-info" role="alert">
          {t('sidebar_load_failed')}
        </p>
      ) : item === null ? (
        <p className="sn-result-info" role="alert">
          {t('sidebar_item_missing')}
        </p>
      ) : (
        <div className="sn-reader">
          <h1 className="sn-reader__title" ref={heading} tabIndex={-1}>
            {item.title}
          </h1>
          <div className="sn-reader__meta">
            <KindBadge kind={item.kind} />
            {category ? (
              <a href={formatHash({ name: 'category', categoryId: category.id })}>
                {categoryName(category, language)}
              </a>
            ) : null}
            {item.date_published ? (
              <time dateTime={item.date_published}>{displayDate(item.date_published, language)}</time>
            ) : null}
            {item.views !== null ? (
              <span>{t('shared_views', displayNumber(item.views, language))}</span>
            ) : null}
          </div>
          {item.content_html ? (
            <SafeHtml className="sn-prose" html={item.content_html} baseUrl={item.url} />
          ) : item.summary ? (
            <p className="sn-prose sn-reader__summary">{item.summary}</p>
          ) : null}
          {item.url ? (
            <a
              className={
                item.kind === 'tool'
                  ? 'sn-button sn-button--primary sn-reader__original'
                  : 'sn-reader__original'
              }
              href={item.url}
              target="_blank"
              rel="noopener noreferrer"
              onClick={() => row && item.kind === 'tool' && onOpen(row)}
            >
              {item.kind === 'tool'
                ? t('sidebar_open_tool', displayHost(item.url) ?? item.url)
                : t('sidebar_open_original', displayHost(item.url) ?? item.url)}
            </a>
          ) : null}
          {item.tags.length > 0 ? (
            <p className="sn-tags" aria-label={t('sidebar_tags')}>
              {item.tags.map((tag) => (
                <span key={tag} className="sn-chip">
                  {tag}
                </span>
              ))}
            </p>
          ) : null}
          <section className="sn-related" aria-labelledby="sn-related-title">
            <h2 id="sn-related-title" className="sn-section__title">
              {t('sidebar_related')}
            </h2>
            {current.related.length === 0 ? (
              <p className="sn-empty">{t('sidebar_related_none')}</p>
            ) : (
              <ul className="sn-list">
                {current.related.map((related) => (
                  <ItemRow
                    key={related.id}
                    compact
                    item={related}
                    guideHref={formatHash({ name: 'guide', itemId: related.id })}
                    trailing={<BookmarkStar item={related} />}
                  />
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </article>
  );
}
