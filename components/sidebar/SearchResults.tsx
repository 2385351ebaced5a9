import { useEffect, useMemo, useRef } from 'react';
import { useT } from '@/components/i18n';
import { ItemRow } from '@/components/shared/ItemRow';
import { useLocaleStore } from '@/stores/locale';
import { categoryName, useCatalog, type ListRow } from '@/stores/catalog';
import { formatHash } from '@/stores/router';
import { useSearch } from '@/stores/search';
import { BookmarkStar } from './BookmarkStar';
import { RESULTS_ID, optionId } from './SearchBox';

/** Results as the seller types: matches marked, the keyboard-selected one highlighted and kept in view. */
export function SearchResults({ onOpen }: { onOpen: (row: ListRow) => void }) {
  const t = useT();
  const language = useLocaleStore((s) => s.language);
  const query = useSearch((s) => s.query);
  const results = useSearch((s) => s.results);
  const activeIndex = useSearch((s) => s.activeIndex);
  const indexState = useSearch((s) => s.indexState);
  const failed = useSearch((s) => s.error !== null);
  const setActive = useSearch((s) => s.setActive);
  const categories = useCatalog((s) => s.categories);
  const names = useMemo(
    () => new Map(categories.map((c) => [c.id, categoryName(c, language)])),
    [categories, language],
  );
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (activeIndex < 0) return;
    list.current?.querySelector(`#${optionId(activeIndex)}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex]);

  const waiting = indexState === 'idle' || indexState === 'loading';
  return (
    <section className="sn-search-results" aria-label={t('sidebar_results_label')}>
      <p className="sn-result-info" aria-live="polite">
        {query.trim() === ''
          ? ''
          : waiting
            ? t('sidebar_search_loading')
            : indexState === 'error' || failed
              ? t('sidebar_search_failed')
              : results.length === 0
                ? t('sidebar_search_none', query.trim())
                : t('sidebar_search_count', results.length)}
      </p>
      <ul
        id={RESULTS_ID}
        ref={list}
        role="listbox"
        className="sn-list"
        aria-label={t('sidebar_results_label')}
      >
        {results.map((result, index) => (
          <ItemRow
            key={result.row.id}
            optionId={optionId(index)}
            selected={index === activeIndex}
            item={result.row}
            guideHref={formatHash({ name: 'guide', itemId: result.row.id })}
            titleRanges={result.titleRanges}
            categoryLabel={result.row.category ? (names.get(result.row.category) ?? null) : null}
            onOpen={() => {
              setActive(index);
              onOpen(result.row);
            }}
            trailing={<BookmarkStar item={result.row} />}
          />
        ))}
      </ul>
    </section>
  );
}
