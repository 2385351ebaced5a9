import { useState } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import { useT } from '@/components/i18n';
import {
  deleteFolder,
  moveFolder,
  renameFolder,
  type BookmarkRecord,
  type FolderRecord,
} from '@/storage/bookmarks';
import { ActionError, useBookmarkAction } from './useBookmarkAction';

/** dnd-kit id of a folder's drop area (`folder:` alone is the unfiled bookmarks). */
export const containerId = (folderId: string | null) => `folder:${folderId ?? ''}`;
export const folderOfContainer = (id: string): string | null => id.slice('folder:'.length) || null;

/**
 * One folder of the grid (or the unfiled bookmarks): its name, and its tools in the seller's order. While
 * organizing, the folder can be renamed, moved or deleted (its tools are kept, as unfiled).
 */
export function FolderSection({
  folder,
  position,
  folderCount,
  items,
  organizing,
  showHeading,
  children,
}: {
  folder: FolderRecord | null;
  /** Index among folders (for move up/down). */
  position: number;
  folderCount: number;
  items: readonly BookmarkRecord[];
  organizing: boolean;
  showHeading: boolean;
  children: React.ReactNode;
}) {
  const t = useT();
  const { setNodeRef, isOver } = useDroppable({ id: containerId(folder?.id ?? null) });
  const [renaming, setRenaming] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [name, setName] = useState(folder?.name ?? '');
  const { error, run } = useBookmarkAction();
  const title = folder ? folder.name : t('popup_unfiled');
  const headingId = `sn-popup-folder-${folder?.id ?? 'unfiled'}`;

  return (
    <section
      ref={setNodeRef}
      className={`sn-popup__folder${isOver ? ' sn-popup__folder--over' : ''}`}
      aria-labelledby={showHeading ? headingId : undefined}
      aria-label={showHeading ? undefined : title}
      data-folder={folder?.name ?? ''}
    >
      {showHeading ? (
        <div className="sn-popup__folder-head">
          {renaming && folder ? (
            <form
              className="sn-popup__inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                run(
                  () => renameFolder(folder.id, name),
                  () => setRenaming(false),
                );
              }}
            >
              <input
                autoFocus
                aria-label={t('popup_folder_rename')}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
              <button type="submit" className="sn-button sn-button--primary">
                {t('popup_save')}
              </button>
              <button type="button" className="sn-button" onClick={() => setRenaming(false)}>
                {t('popup_cancel')}
              </button>
            </form>
          ) : (
            <h3 id={headingId} className="sn-section__title sn-popup__folder-name">
              {title}
            </h3>
          )}
          {organizing && folder && !renaming ? (
            <span className="sn-popup__folder-tools">
              <button
                type="button"
                className="sn-section__action"
                disabled={position === 0}
                aria-label={t('popup_folder_move_up')}
                title={t('popup_folder_move_up')}
                onClick={() => void run(() => moveFolder(folder.id, position - 1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="sn-section__action"
                disabled={position === folderCount - 1}
                aria-label={t('popup_folder_move_down')}
                title={t('popup_folder_move_down')}
                onClick={() => void run(() => moveFolder(folder.id, position + 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="sn-section__action"
                onClick={() => {
                  setName(folder.name);
                  setRenaming(true);
                }}
              >
                {t('popup_folder_rename')}
              </button>
              <button type="button" className="sn-section__action" onClick={() => setConfirmingDelete(true)}>
                {t('popup_folder_delete')}
              </button>
            </span>
          ) : null}
        </div>
      ) : null}
      {confirmingDelete && folder ? (
        <div className="sn-popup__confirm" role="alertdialog" aria-label={t('popup_folder_delete')}>
          <p>{t('popup_folder_delete_confirm', folder.name)}</p>
          <button
            type="button"
            className="sn-button sn-popup__danger"
            onClick={() =>
              run(
                () => deleteFolder(folder.id),
                () => setConfirmingDelete(false),
              )
            }
          >
            {t('popup_confirm_delete')}
          </button>
          <button type="button" className="sn-button" onClick={() => setConfirmingDelete(false)}>
            {t('popup_cancel')}
          </button>
        </div>
      ) : null}
      <ActionError error={error} />
      <SortableContext items={items.map((b) => b.id)} strategy={rectSortingStrategy}>
        <ul className="sn-popup__grid" aria-label={title}>
          {children}
        </ul>
      </SortableContext>
    </section>
  );
}
