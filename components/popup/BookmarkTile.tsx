import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useT } from '@/components/i18n';
import { LetterTile } from '@/components/shared/LetterTile';
import type { BookmarkRecord } from '@/storage/bookmarks';
import { openTarget } from './open';

/** A keyboard move asked for on a tile's handle: within its folder, or to the folder before or after. */
export type KeyMove = 'earlier' | 'later' | 'previous-folder' | 'next-folder';

const KEY_MOVES: Record<string, KeyMove> = {
  ArrowLeft: 'earlier',
  ArrowRight: 'later',
  ArrowUp: 'previous-folder',
  ArrowDown: 'next-folder',
};

/**
 * One bookmarked tool: a letter tile and its name. A click opens it; dragging it (pointer) moves it. While
 * organizing, a handle takes the keyboard too (dnd-kit's space-and-arrows, or Alt+arrows for a direct move)
 * and an edit button opens the editor. Icons are letter tiles: no favicon is fetched from anyone.
 */
export function BookmarkTile({
  bookmark,
  organizing,
  onEdit,
  onKeyMove,
}: {
  bookmark: BookmarkRecord;
  organizing: boolean;
  onEdit(bookmark: BookmarkRecord): void;
  onKeyMove(bookmark: BookmarkRecord, move: KeyMove): void;
}) {
  const t = useT();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: bookmark.id, data: { folderId: bookmark.folderId } });
  const style = { transform: CSS.Translate.toString(transform), transition };
  // dnd-kit types its listeners loosely (Function); these are the two its sensors attach.
  const startDrag = listeners?.onPointerDown as React.PointerEventHandler | undefined;
  const keyboardDrag = listeners?.onKeyDown as React.KeyboardEventHandler | undefined;

  const onHandleKeyDown = (event: React.KeyboardEvent<HTMLButtonElement>) => {
    const move = event.altKey ? KEY_MOVES[event.key] : undefined;
    if (move) {
      event.preventDefault();
      onKeyMove(bookmark, move);
      return;
    }
    keyboardDrag?.(event);
  };

  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`sn-popup__tile${isDragging ? ' sn-popup__tile--dragging' : ''}`}
      data-bookmark-id={bookmark.id}
    >
      {/* A button, not a link: after a drag, dnd-kit swallows the click's propagation (so React never sees it)
          but not its default action, which on a link would navigate the popup away. */}
      <button
        type="button"
        className="sn-popup__tile-link"
        title={bookmark.note ? `${bookmark.title}\n${bookmark.note}` : bookmark.title}
        onClick={() => void openTarget(bookmark)}
        onPointerDown={organizing ? undefined : startDrag}
      >
        <LetterTile name={bookmark.title} size={36} />
        <span className="sn-popup__tile-name">{bookmark.title}</span>
      </button>
      {organizing ? (
        <span className="sn-popup__tile-tools">
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="sn-popup__handle"
            data-handle-for={bookmark.id}
            {...attributes}
            aria-label={t('popup_drag_handle', bookmark.title)}
            onPointerDown={startDrag}
            onKeyDown={onHandleKeyDown}
          >
            ⠿
          </button>
          <button
            type="button"
            className="sn-popup__tile-edit"
            aria-label={t('popup_edit_bookmark', bookmark.title)}
            onClick={() => onEdit(bookmark)}
          >
            ✎
          </button>
        </span>
      ) : null}
    </li>
  );
}
