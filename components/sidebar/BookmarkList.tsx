import { useT } from '@/components/i18n';
import { LetterTile } from '@/components/shared/LetterTile';
import { displayHost } from '@/components/shared/format';
import { useBookmarks } from '@/stores/bookmarks';
import { formatHash } from '@/stores/router';
import type { BookmarkRecord } from '@/storage/types';

const SHOWN = 12;

/**
 * The seller's bookmarks on home, with their notes. A bookmark of a guide opens the guide here (offline);
 * a tool, or a guide that has left the catalog, opens its address.
 */
export function BookmarkList({
  guideIds,
  onOpenTool,
}: {
  /** Catalog guides the sidebar can open itself. */
  guideIds: (bookmark: BookmarkRecord) => boolean;
  onOpenTool: (bookmark: BookmarkRecord) => void;
}) {
  const t = useT();
  const bookmarks = useBookmarks((s) => s.bookmarks);
  const loaded = useBookmarks((s) => s.loaded);
  if (!loaded) return null;
  if (bookmarks.length === 0) return <p className="sn-empty">{t('sidebar_bookmarks_empty')}</p>;
  return (
    <ul className="sn-list sn-bookmarks">
      {bookmarks.slice(0, SHOWN).map((bookmark) => {
        const inSidebar = bookmark.itemId !== null && guideIds(bookmark);
        return (
          <li key={bookmark.id} className="sn-bookmark">
            <LetterTile name={bookmark.title} size={22} />
            <div className="sn-row__body">
              <a
                className="sn-row__title"
                href={inSidebar ? formatHash({ name: 'guide', itemId: bookmark.itemId! }) : bookmark.url}
                {...(inSidebar ? {} : { target: '_blank', rel: 'noopener noreferrer' })}
                onClick={() => (inSidebar ? undefined : onOpenTool(bookmark))}
                title={bookmark.title}
              >
                {bookmark.title}
              </a>
              {bookmark.note ? (
                <div className="sn-row__note">{bookmark.note}</div>
              ) : inSidebar ? null : (
                <div className="sn-row__meta">{displayHost(bookmark.url)}</div>
              )}
            </div>
          </li>
        );
      })}
      {bookmarks.length > SHOWN ? (
        <li className="sn-empty">{t('sidebar_bookmarks_more', bookmarks.length - SHOWN)}</li>
      ) : null}
    </ul>
  );
}
