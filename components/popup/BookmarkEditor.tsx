import { useState } from 'react';
import { useT } from '@/components/i18n';
import { removeBookmark, updateBookmark, type BookmarkRecord } from '@/storage/bookmarks';
import { ActionError, useBookmarkAction } from './useBookmarkAction';

/** Edits one bookmark's title and note, or removes it. */
export function BookmarkEditor({ bookmark, onClose }: { bookmark: BookmarkRecord; onClose(): void }) {
  const t = useT();
  const [title, setTitle] = useState(bookmark.title);
  const [note, setNote] = useState(bookmark.note);
  const { error, run } = useBookmarkAction();

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    return run(() => updateBookmark(bookmark.id, { title, note }), onClose);
  };
  const remove = () => run(() => removeBookmark(bookmark.id), onClose);

  return (
    <form
      className="sn-popup__form"
      aria-label={t('popup_edit_bookmark', bookmark.title)}
      onSubmit={(event) => void save(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <label>
        {t('popup_bookmark_title')}
        <input autoFocus value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label>
        {t('popup_bookmark_note')}
        <textarea rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <ActionError error={error} />
      <div className="sn-popup__form-actions">
        <button type="submit" className="sn-button sn-button--primary">
          {t('popup_save')}
        </button>
        <button type="button" className="sn-button" onClick={onClose}>
          {t('popup_cancel')}
        </button>
        <button type="button" className="sn-button sn-popup__danger" onClick={() => void remove()}>
          {t('popup_bookmark_remove')}
        </button>
      </div>
    </form>
  );
}
