import { useMemo, type ReactNode } from 'react';
import { useT } from '@/components/i18n';
import { buildCategoryTree, useCatalog, type ListRow } from '@/stores/catalog';
import { useSearch } from '@/stores/search';
import type { BookmarkRecord } from '@/storage/types';
import { CategoryTree } from './CategoryTree';
import { LatestGuides } from './LatestGuides';
import { BookmarkList } from './BookmarkList';
import { DiscoverRow } from './DiscoverRow';

/** One block of the home page: a heading (named by its id for screen readers), an optional action in it. */
function HomeSection({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="sn-section" aria-labelledby={id}>
      <h2 id={id} className="sn-section__title">
        {title}
        {action}
      </h2>
      {children}
    </section>
  );
}

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
      <HomeSection id="sn-bookmarks-title" title={t('sidebar_bookmarks')}>
        <BookmarkList guideIds={isGuide} onOpenTool={onOpenBookmark} />
      </HomeSection>
      <HomeSection id="sn-latest-title" title={t('sidebar_latest')}>
        <LatestGuides items={latest} newIds={newSet} />
      </HomeSection>
      <HomeSection id="sn-categories-title" title={t('sidebar_categories')}>
        <CategoryTree nodes={tree} />
      </HomeSection>
      <HomeSection
        id="sn-discover-title"
        title={t('sidebar_discover')}
        action={
          discover.length > 0 ? (
            <button type="button" className="sn-section__action" onClick={() => void shuffleDiscover()}>
              {t('sidebar_discover_shuffle')}
            </button>
          ) : null
        }
      >
        <DiscoverRow tools={discover} onOpen={onOpenTool} />
      </HomeSection>
    </div>
  );
}
