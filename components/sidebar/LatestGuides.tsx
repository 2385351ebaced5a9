import { useT } from '@/components/i18n';
import { ItemRow } from '@/components/shared/ItemRow';
import type { ItemSummary } from '@/storage/catalog';
import { formatHash } from '@/stores/router';
import { BookmarkStar } from './BookmarkStar';

/** The newest guides; those that arrived since the seller last looked carry a "new" mark. */
export function LatestGuides({ items, newIds }: { items: ItemSummary[]; newIds: ReadonlySet<string> }) {
  const t = useT();
  if (items.length === 0) return <p className="sn-empty">{t('sidebar_latest_empty')}</p>;
  return (
    <ul className="sn-list">
      {items.map((item) => {
        const row = { ...item, summary: null, views: null };
        return (
          <ItemRow
            key={item.id}
            compact
            item={row}
            guideHref={formatHash({ name: 'guide', itemId: item.id })}
            isNew={newIds.has(item.id)}
            trailing={<BookmarkStar item={row} />}
          />
        );
      })}
    </ul>
  );
}
