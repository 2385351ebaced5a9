import { useEffect, useRef } from 'react';
import { useT } from '@/components/i18n';
import { useCatalog, type ListRow } from '@/stores/catalog';
import { useLocaleStore } from '@/stores/locale';
import { useRouter } from '@/stores/router';
import { useSearch } from '@/stores/search';
import type { BookmarkRecord } from '@/storage/types';
import { SearchBox } from './SearchBox';
import { KindFilter } from './KindFilter';
import { SearchResults } from './SearchResults';
import { HomeView } from './HomeView';
import { CategoryBrowser } from './CategoryBrowser';
import { GuideReader } from './GuideReader';
import { StatusLine } from './StatusLine';

/**
 * The sidebar: a search field always at the top, the current view (home, a category, search results, a guide)
 * below it, and the status line at the bottom. Views follow the URL hash (stores/router.ts).
 */
export function SidebarApp() {
  const t = useT();
  const language = useLocaleStore((s) => s.language);
  const route = useRouter((s) => s.route);
  const navigate = useRouter((s) => s.navigate);
  const replace = useRouter((s) => s.replace);
  const back = useRouter((s) => s.back);
  const markToolOpened = useCatalog((s) => s.markToolOpened);
  const searchInput = useRef<HTMLInputElement>(null);
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // A new view starts at its top.
  useEffect(() => {
    main.current?.scrollTo?.({ top: 0 });
  }, [route]);

  // "/" focuses the search field from anywhere, as in most reading apps.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select, [contenteditable]')) return;
      event.preventDefault();
      searchInput.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Opening a search link (`#/search?q=…`) fills the field; going home or to a category leaves the search
  // (a guide opened from the results keeps it, so Back returns to them).
  useEffect(() => {
    const search = useSearch.getState();
    if (route.name === 'home' || route.name === 'category') {
      if (search.query !== '') search.clear();
      return;
    }
    if (route.name !== 'search') return;
    if (search.query !== route.query) search.setQuery(route.query);
    if (search.kind !== route.kind) search.setKind(route.kind);
  }, [route]);

  /** Side effects of opening an item by a link (the link itself navigates or opens the tab). */
  const onActivate = (row: ListRow) => {
    if (row.kind === 'tool') void markToolOpened(row.id);
  };

  /** Opening from the keyboard (Enter in the search field). */
  const openRow = (row: ListRow) => {
    if (row.kind === 'tool' && row.url) {
      window.open(row.url, '_blank', 'noopener,noreferrer');
      onActivate(row);
    } else {
      navigate({ name: 'guide', itemId: row.id });
    }
  };

  // Read the route from the store, not this render: keystrokes can arrive faster than React re-renders.
  const onQueryChange = (query: string) => {
    useSearch.getState().setQuery(query);
    const kind = useSearch.getState().kind;
    const current = useRouter.getState().route;
    if (query.trim() === '') {
      if (current.name === 'search') back();
    } else if (current.name === 'search') {
      replace({ name: 'search', query, kind });
    } else {
      navigate({ name: 'search', query, kind });
    }
  };

  const onEscape = () => {
    useSearch.getState().clear();
    if (useRouter.getState().route.name === 'search') back();
    searchInput.current?.focus();
  };

  const onOpenBookmark = (bookmark: BookmarkRecord) => {
    if (bookmark.itemId) void markToolOpened(bookmark.itemId);
  };

  const searching = route.name === 'search';
  return (
    <div className="sn-app">
      <header className="sn-header">
        <h1 className="sn-visually-hidden">{t('extName')}</h1>
        <SearchBox
          ref={searchInput}
          onQueryChange={onQueryChange}
          onOpenCurrent={() => {
            const current = useSearch.getState().current();
            if (current) openRow(current.row);
          }}
          onEscape={onEscape}
        />
        {searching ? (
          <KindFilter
            onChange={(kind) => {
              useSearch.getState().setKind(kind);
              replace({ name: 'search', query: useSearch.getState().query, kind });
            }}
          />
        ) : null}
      </header>
      <main ref={main} className="sn-main">
        {route.name === 'home' ? (
          <HomeView onOpenTool={onActivate} onOpenBookmark={onOpenBookmark} />
        ) : route.name === 'category' ? (
          <CategoryBrowser key={route.categoryId} categoryId={route.categoryId} onOpen={onActivate} />
        ) : route.name === 'guide' ? (
          <GuideReader key={route.itemId} itemId={route.itemId} onOpen={onActivate} />
        ) : (
          <SearchResults onOpen={onActivate} />
        )}
      </main>
      <StatusLine />
    </div>
  );
}
