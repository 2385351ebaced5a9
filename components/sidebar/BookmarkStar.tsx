import { useId, useState } from 'react';
import { useT } from '@/components/i18n';
import type { RowItem } from '@/components/shared/ItemRow';
import { asCatalogItem, saveBookmarkNote } from '@/stores/catalog';
import { toggleBookmark, useBookmarks } from '@/stores/bookmarks';
import { findBookmarkFor } from '@/storage/bookmarks';

/**
 * The star on every guide and tool. An empty star bookmarks at once and offers a note; a filled star opens the
 * note with a "remove" button (the way browser stars behave), so removing is never one slip of the mouse.
 */
export function BookmarkStar({ item, inline = false }: { item: RowItem; inline?: boolean }) {
  const t = useT();
  const bookmarks = useBookmarks((s) => s.bookmarks);
  const bookmark = findBookmarkFor(bookmarks, item);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();

  const openEditor = (note: string) => {
    setDraft(note);
    setError(null);
    setEditing(true);
  };

  const onStar = async () => {
    try {
      if (bookmark) {
        if (editing) setEditing(false);
        else openEditor(bookmark.note);
        return;
      }
      await toggleBookmark(asCatalogItem(item));
      openEditor('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const save = async () => {
    if (!bookmark) return setEditing(false);
    try {
      if (draft !== bookmark.note) await saveBookmarkNote(bookmark.id, draft);
      setEditing(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const remove = async () => {
    try {
      await toggleBookmark(asCatalogItem(item));
      setEditing(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <span className={inline ? 'sn-star-wrap sn-star-wrap--inline' : 'sn-star-wrap'}>
      <button
        type="button"
        className="sn-star"
        aria-pressed={Boolean(bookmark)}
        aria-expanded={editing}
        aria-label={t(bookmark ? 'sidebar_bookmark_edit' : 'sidebar_bookmark_add', item.title)}
        title={bookmark ? t('sidebar_bookmarked') : t('sidebar_bookmark')}
        onClick={() => void onStar()}
      >
        {bookmark ? '★' : '☆'}
      </button>
      {editing && bookmark ? (
        <form
          className="sn-note-popover"
          role="dialog"
          aria-label={t('sidebar_note_dialog', item.title)}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setEditing(false);
            }
          }}
        >
          <label htmlFor={noteId}>{t('sidebar_note_label')}</label>
          <input
            id={noteId}
            autoFocus
            value={draft}
            maxLength={500}
            placeholder={t('sidebar_note_placeholder')}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="sn-note-popover__actions">
            <button type="button" className="sn-button" onClick={() => void remove()}>
              {t('sidebar_bookmark_remove')}
            </button>
            <button type="submit" className="sn-button sn-button--primary">
              {t('sidebar_note_save')}
            </button>
          </div>
          {error ? <p role="alert">{error}</p> : null}
        </form>
      ) : error ? (
        <span role="alert" className="sn-visually-hidden">
          {error}
        </span>
      ) : null}
    </span>
  );
}
