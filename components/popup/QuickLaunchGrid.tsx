import { useEffect, useState } from 'react';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useT } from '@/components/i18n';
import { moveBookmark, type BookmarkRecord, type FolderRecord } from '@/storage/bookmarks';
import { useBookmarks } from '@/stores/bookmarks';
import { BookmarkEditor } from './BookmarkEditor';
import { BookmarkTile, type KeyMove } from './BookmarkTile';
import { ActionError, useBookmarkAction } from './useBookmarkAction';
import { FolderSection, folderOfContainer } from './FolderSection';

interface Section {
  folder: FolderRecord | null;
  items: BookmarkRecord[];
}

/** Unfiled bookmarks first (where a star from the sidebar lands), then each folder in the seller's order. */
export function sectionsOf(
  bookmarks: readonly BookmarkRecord[],
  folders: readonly FolderRecord[],
): Section[] {
  return [
    { folder: null, items: bookmarks.filter((b) => b.folderId === null) },
    ...folders.map((folder) => ({ folder, items: bookmarks.filter((b) => b.folderId === folder.id) })),
  ];
}

/**
 * Where a dragged tool lands: on a tool, it takes that tool's place (in that tool's folder); on a folder's
 * empty space, it goes last in that folder. Null when nothing would change.
 */
export function dropTarget(
  sections: readonly Section[],
  draggedId: string,
  overId: string,
): { folderId: string | null; index: number } | null {
  const from = sections.find((s) => s.items.some((b) => b.id === draggedId));
  if (!from) return null;
  const fromIndex = from.items.findIndex((b) => b.id === draggedId);
  let target: { folderId: string | null; index: number } | null = null;
  if (overId.startsWith('folder:')) {
    const folderId = folderOfContainer(overId);
    const section = sections.find((s) => (s.folder?.id ?? null) === folderId);
    if (!section) return null;
    target = { folderId, index: section.items.filter((b) => b.id !== draggedId).length };
  } else {
    const section = sections.find((s) => s.items.some((b) => b.id === overId));
    if (!section) return null;
    target = { folderId: section.folder?.id ?? null, index: section.items.findIndex((b) => b.id === overId) };
  }
  const sameFolder = target.folderId === (from.folder?.id ?? null);
  return sameFolder && target.index === fromIndex ? null : target;
}

/** Where a keyboard move (Alt+arrow on a tile's handle) takes a tool, or null at an edge. */
export function keyMoveTarget(
  sections: readonly Section[],
  bookmark: BookmarkRecord,
  move: KeyMove,
): { folderId: string | null; index: number } | null {
  const at = sections.findIndex((s) => (s.folder?.id ?? null) === bookmark.folderId);
  const section = sections[at];
  if (!section) return null;
  const index = section.items.findIndex((b) => b.id === bookmark.id);
  if (move === 'earlier') return index > 0 ? { folderId: bookmark.folderId, index: index - 1 } : null;
  if (move === 'later') {
    return index < section.items.length - 1 ? { folderId: bookmark.folderId, index: index + 1 } : null;
  }
  const next = sections[move === 'previous-folder' ? at - 1 : at + 1];
  return next ? { folderId: next.folder?.id ?? null, index: next.items.length } : null;
}

/**
 * The quick-launch grid: the seller's bookmarked tools, in folders, reordered by drag and drop or keyboard.
 * `emptyText` is what an empty grid says (it depends on whether popular tools are offered below it).
 */
export function QuickLaunchGrid({ organizing, emptyText }: { organizing: boolean; emptyText: string }) {
  const t = useT();
  const bookmarks = useBookmarks((s) => s.bookmarks);
  const folders = useBookmarks((s) => s.folders);
  const loaded = useBookmarks((s) => s.loaded);
  const [editing, setEditing] = useState<BookmarkRecord | null>(null);
  const { error, run } = useBookmarkAction();
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  const sensors = useSensors(
    // A click opens the tool; only a real drag (6 px) moves it.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // A keyboard move re-renders the tile elsewhere (maybe in another folder): keep the focus on its handle.
  useEffect(() => {
    if (!focusAfterMove) return;
    const handle = [...document.querySelectorAll<HTMLElement>('[data-handle-for]')].find(
      (el) => el.dataset.handleFor === focusAfterMove,
    );
    handle?.focus();
  }, [bookmarks, focusAfterMove]);

  const sections = sectionsOf(bookmarks, folders);
  const titleOf = (id: string | number) => bookmarks.find((b) => b.id === id)?.title ?? '';

  const move = (id: string, target: { folderId: string | null; index: number }) =>
    run(() => moveBookmark(id, target.folderId, target.index));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const target = dropTarget(sections, String(active.id), String(over.id));
    if (target) void move(String(active.id), target);
  };

  const onKeyMove = (bookmark: BookmarkRecord, keyMove: KeyMove) => {
    const target = keyMoveTarget(sections, bookmark, keyMove);
    if (!target) return;
    setFocusAfterMove(bookmark.id);
    void move(bookmark.id, target);
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('popup_dnd_picked', titleOf(active.id)),
    onDragOver: ({ active, over }) =>
      over ? t('popup_dnd_over', titleOf(active.id), titleOf(over.id)) : undefined,
    onDragEnd: ({ active }) => t('popup_dnd_dropped', titleOf(active.id)),
    onDragCancel: ({ active }) => t('popup_dnd_cancelled', titleOf(active.id)),
  };

  if (!loaded) return <p className="sn-empty sn-popup__empty">{t('popup_loading')}</p>;
  if (bookmarks.length === 0 && folders.length === 0)
    return <p className="sn-empty sn-popup__empty">{emptyText}</p>;

  return (
    <>
      <ActionError error={error} />
      {editing ? (
        <BookmarkEditor key={editing.id} bookmark={editing} onClose={() => setEditing(null)} />
      ) : null}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('popup_dnd_instructions') },
        }}
      >
        {sections.map((section, index) =>
          // The unfiled area is shown when it has tools, or while organizing (to drop tools out of folders).
          section.folder === null && section.items.length === 0 && !organizing ? null : (
            <FolderSection
              key={section.folder?.id ?? 'unfiled'}
              folder={section.folder}
              position={index - 1}
              folderCount={folders.length}
              items={section.items}
              organizing={organizing}
              showHeading={section.folder !== null || folders.length > 0}
            >
              {section.items.map((bookmark) => (
                <BookmarkTile
                  key={bookmark.id}
                  bookmark={bookmark}
                  organizing={organizing}
                  onEdit={setEditing}
                  onKeyMove={onKeyMove}
                />
              ))}
            </FolderSection>
          ),
        )}
      </DndContext>
    </>
  );
}
