import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ItemRow } from '@/components/shared/ItemRow';
import type { ListRow } from '@/stores/catalog';
import { formatHash } from '@/stores/router';
import { BookmarkStar } from './BookmarkStar';

/** Row heights are fixed per shape (no per-row measuring): two lines, or three for a tool with a summary. */
export const ROW_HEIGHT = 52;
export const TOOL_ROW_HEIGHT = 70;
export const rowHeight = (row: ListRow) =>
  row.kind === 'tool' && row.summary ? TOOL_ROW_HEIGHT : ROW_HEIGHT;

/**
 * Guides and tools in one scrolling list that only renders what is on screen (@tanstack/react-virtual), so a
 * 20,000-item category scrolls as smoothly as a 20-item one. ↑/↓ move between rows without the mouse.
 */
export function VirtualItemList({
  rows,
  label,
  categoryLabel,
  onOpen,
}: {
  rows: ListRow[];
  label: string;
  categoryLabel?: (row: ListRow) => string | null;
  onOpen: (row: ListRow) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change every render by design; this component is not memoized by the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => rowHeight(rows[i]!),
    getItemKey: (i) => rows[i]!.id,
    overscan: 8,
  });

  const focusRow = (index: number) => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"] a.sn-row__title`)?.focus(),
    );
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (event.key === 'Home' || event.key === 'End') {
      if ((event.target as HTMLElement).closest('input')) return;
      event.preventDefault();
      focusRow(event.key === 'Home' ? 0 : rows.length - 1);
      return;
    }
    const delta = keys[event.key];
    if (delta === undefined || (event.target as HTMLElement).closest('input, form')) return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const from = current ? Number(current.dataset.index) : -1;
    const next = Math.min(rows.length - 1, Math.max(0, from + delta));
    event.preventDefault();
    focusRow(next);
  };

  return (
    <div ref={scroller} className="sn-virtual" onKeyDown={onKeyDown}>
      <ul
        className="sn-list"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}
      >
        {virtualizer.getVirtualItems().map((virtual) => {
          const row = rows[virtual.index]!;
          return (
            <ItemRow
              key={virtual.key}
              dataIndex={virtual.index}
              item={row}
              guideHref={formatHash({ name: 'guide', itemId: row.id })}
              categoryLabel={categoryLabel?.(row)}
              onOpen={() => onOpen(row)}
              trailing={<BookmarkStar item={row} />}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: virtual.size,
                transform: `translateY(${virtual.start}px)`,
              }}
            />
          );
        })}
      </ul>
    </div>
  );
}
