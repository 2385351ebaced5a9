import { useState } from 'react';
import { useT } from '@/components/i18n';
import { removeBookmark, updateBookmark, type BookmarkRecord } from '@/storage/bookmarks';
import { bookmarkErrorText } from './errors';

/** Edits one bookmark's title and note, or removes it. */
export function BookmarkEditor({ bookmark, onClose }: { bookmark: BookmarkRecord; onClose(): void }) {
  const t = useT();
  const [title, setTitle] = useState(bookmark.title);
  const [note, setNote] = useState(bookmark.note);
  const [error, setError] = useState<string | null>(null);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await updateBookmark(bookmark.id, { title, note });
      onClose();
    } catch (e) {
      setError(bookmarkErrorText(t, e));
    }
  };
  const remove = async () => {
    try {
      await removeBookmark(bookmark.id);
      onClose();
    } catch (e) {
      setError(bookmarkErrorText(t, e));
    }
  };

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
      {error ? (
        <p role="alert" className="sn-popup__error">
          {error}
        </p>
      ) : null}
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
