import { useState } from 'react';
import { useT } from '@/components/i18n';
import { createFolder } from '@/storage/bookmarks';
import { bookmarkErrorText } from './errors';

/** Creates a folder by name (names are unique, ignoring case). */
export function NewFolderForm() {
  const t = useT();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await createFolder(name);
      setName('');
      setError(null);
    } catch (e) {
      setError(bookmarkErrorText(t, e));
    }
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
      {error ? (
        <p role="alert" className="sn-popup__error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
