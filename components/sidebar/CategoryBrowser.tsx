import { useEffect, useMemo, useRef } from 'react';
import { useT } from '@/components/i18n';
import { useLocaleStore } from '@/stores/locale';
import { categoryName, useCatalog, type ListRow } from '@/stores/catalog';
import { formatHash, useRouter } from '@/stores/router';
import { displayNumber } from '@/components/shared/format';
import { VirtualItemList } from './VirtualItemList';
import { focusIfLost } from './focus';

/** One category (and everything below it): sub-category chips, then all its guides and tools in one list. */
export function CategoryBrowser({
  categoryId,
  onOpen,
}: {
  categoryId: string;
  onOpen: (row: ListRow) => void;
}) {
  const t = useT();
  const language = useLocaleStore((s) => s.language);
  const categories = useCatalog((s) => s.categories);
  const browse = useCatalog((s) => s.browse);
  const openCategory = useCatalog((s) => s.openCategory);
  const back = useRouter((s) => s.back);
  const heading = useRef<HTMLHeadingElement>(null);

  // The link that brought the seller here is gone: keyboard focus continues from this view's title.
  useEffect(() => {
    focusIfLost(heading.current);
  }, [categoryId]);

  useEffect(() => {
    void openCategory(categoryId);
  }, [categoryId, openCategory]);

  const category = categories.find((c) => c.id === categoryId);
  const name = category ? categoryName(category, language) : categoryId;
  const children = categories.filter((c) => c.parent === categoryId && c.id !== categoryId);
  const names = useMemo(
    () => new Map(categories.map((c) => [c.id, categoryName(c, language)])),
    [categories, language],
  );
  const current = browse?.categoryId === categoryId ? browse : null;
  const rows = current?.rows ?? [];

  return (
    <section className="sn-category" aria-labelledby="sn-category-title">
      <div className="sn-bar">
        <button type="button" className="sn-back" onClick={back} aria-label={t('sidebar_back')}>
          ←
        </button>
        <h1 id="sn-category-title" className="sn-bar__title" ref={heading} tabIndex={-1}>
          {name}
        </h1>
        {current?.state === 'ready' ? (
          <span className="sn-bar__count">
            {t('sidebar_category_count', displayNumber(rows.length, language))}
          </span>
        ) : null}
      </div>
      {children.length > 0 ? (
        <nav className="sn-chips" aria-label={t('sidebar_subcategories')}>
          {children.map((c) => (
            <a key={c.id} className="sn-chip" href={formatHash({ name: 'category', categoryId: c.id })}>
              {names.get(c.id)}
            </a>
          ))}
        </nav>
      ) : null}
      {current === null || current.state === 'loading' ? (
        <p className="sn-result-info">{t('sidebar_loading')}</p>
      ) : current.state === 'error' ? (
        <p className="sn-result-info" role="alert">
          {t('sidebar_load_failed')}
        </p>
      ) : rows.length === 0 ? (
        <p className="sn-result-info">{t('sidebar_category_empty')}</p>
      ) : (
        <VirtualItemList
          rows={rows}
          label={name}
          categoryLabel={(row) =>
            row.category && row.category !== categoryId ? (names.get(row.category) ?? null) : null
          }
          onOpen={onOpen}
        />
      )}
    </section>
  );
}
