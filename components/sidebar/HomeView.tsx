import { useMemo } from 'react';
import { useT } from '@/components/i18n';
import { buildCategoryTree, useCatalog, type ListRow } from '@/stores/catalog';
import { useSearch } from '@/stores/search';
import type { BookmarkRecord } from '@/storage/types';
import { CategoryTree } from './CategoryTree';
import { LatestGuides } from './LatestGuides';
import { BookmarkList } from './BookmarkList';
import { DiscoverRow } from './DiscoverRow';

/** Home: bookmarks, latest guides, categories, and a few tools to discover. */
export function HomeView({
  onOpenTool,
  onOpenBookmark,
}: {
  onOpenTool: (tool: ListRow) => void;
  onOpenBookmark: (bookmark: BookmarkRecord) => void;
}) {
  const t = useT();
  const homeState = useCatalog((s) => s.homeState);
  const categories = useCatalog((s) => s.categories);
  const latest = useCatalog((s) => s.latest);
  const newIds = useCatalog((s) => s.newIds);
  const discover = useCatalog((s) => s.discover);
  const shuffleDiscover = useCatalog((s) => s.shuffleDiscover);
  const index = useSearch((s) => s.index);
  const tree = useMemo(() => buildCategoryTree(categories), [categories]);
  const newSet = useMemo(() => new Set(newIds), [newIds]);
  const isGuide = (bookmark: BookmarkRecord) =>
    bookmark.itemId !== null && index?.rows.get(bookmark.itemId)?.kind === 'guide';

  if (homeState === 'idle' || homeState === 'loading') {
    return <p className="sn-result-info">{t('sidebar_loading')}</p>;
  }
  if (homeState === 'error') {
    return (
      <p className="sn-result-info" role="alert">
        {t('sidebar_load_failed')}
      </p>
    );
  }
  return (
    <div className="sn-page sn-home">
      <section className="sn-section" aria-labelledby="sn-bookmarks-title">
        <h2 id="sn-bookmarks-title" className="sn-section__title">
          {t('sidebar_bookmarks')}
        </h2>
        <BookmarkList guideIds={isGuide} onOpenTool={onOpenBookmark} />
      </section>
      <section className="sn-section" aria-labelledby="sn-latest-title">
        <h2 id="sn-latest-title" className="sn-section__title">
          {t('sidebar_latest')}
        </h2>
        <LatestGuides items={latest} newIds={newSet} />
      </section>
      <section className="sn-section" aria-labelledby="sn-categories-title">
        <h2 id="sn-categories-title" className="sn-section__title">
          {t('sidebar_categories')}
        </h2>
        <CategoryTree nodes={tree} />
      </section>
      <section className="sn-section" aria-labelledby="sn-discover-title">
        <h2 id="sn-discover-title" className="sn-section__title">
          {t('sidebar_discover')}
          {discover.length > 0 ? (
            <button type="button" className="sn-section__action" onClick={() => void shuffleDiscover()}>
              {t('sidebar_discover_shuffle')}
            </button>
          ) : null}
        </h2>
        <DiscoverRow tools={discover} onOpen={onOpenTool} />
      </section>
    </div>
  );
}
