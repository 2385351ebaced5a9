import { useState } from 'react';
import { useT } from '@/components/i18n';
import { addCustomTool, type FolderRecord } from '@/storage/bookmarks';
import { ActionError, useBookmarkAction } from './useBookmarkAction';

/** Adds a tool that is not in the catalog, by the address the seller types (http and https only). */
export function AddToolForm({ folders }: { folders: readonly FolderRecord[] }) {
  const t = useT();
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [folderId, setFolderId] = useState('');
  const { error, run } = useBookmarkAction();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    return run(
      () => addCustomTool({ url, title, folderId: folderId || null }),
      () => {
        setUrl('');
        setTitle('');
      },
    );
  };

  return (
    <form
      className="sn-popup__form"
      aria-label={t('popup_add_tool')}
      onSubmit={(event) => void submit(event)}
    >
      <h3 className="sn-section__title">{t('popup_add_tool')}</h3>
      <label>
        {t('popup_add_tool_url')}
        <input
          type="text"
          inputMode="url"
          value={url}
          aria-invalid={error !== null}
          onChange={(event) => setUrl(event.target.value)}
        />
      </label>
      <label>
        {t('popup_add_tool_title')}
        <input value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      {folders.length > 0 ? (
        <label>
          {t('popup_folder_label')}
          <select value={folderId} onChange={(event) => setFolderId(event.target.value)}>
            <option value="">{t('popup_unfiled')}</option>
            {folders.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <ActionError error={error} />
      <button type="submit" className="sn-button sn-button--primary">
        {t('popup_add')}
      </button>
    </form>
  );
}
