import { useState } from 'react';
import { useT } from '@/components/i18n';
import { createFolder } from '@/storage/bookmarks';
import { ActionError, useBookmarkAction } from './useBookmarkAction';

/** Creates a folder by name (names are unique, ignoring case). */
export function NewFolderForm() {
  const t = useT();
  const [name, setName] = useState('');
  const { error, run } = useBookmarkAction();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    return run(
      () => createFolder(name),
      () => setName(''),
    );
  };
  return (
    <form
      className="sn-popup__form"
      aria-label={t('popup_folder_new')}
      onSubmit={(event) => void submit(event)}
    >
      <div className="sn-popup__inline-form">
        <input
          aria-label={t('popup_folder_name')}
          placeholder={t('popup_folder_name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="sn-button">
          {t('popup_folder_new')}
        </button>
      </div>
      <ActionError error={error} />
    </form>
  );
}
