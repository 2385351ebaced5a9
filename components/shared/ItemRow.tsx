import type { CatalogItem } from '@/core/model';
import { useT } from '@/components/i18n';
import { useLocaleStore } from '@/stores/locale';
import { HighlightedText, type HighlightRange } from './HighlightedText';
import { KindBadge } from './KindBadge';
import { displayDate, displayHost, displayNumber } from './format';

export type RowItem = Pick<
  CatalogItem,
  'id' | 'kind' | 'title' | 'url' | 'summary' | 'date_published' | 'views'
>;

export interface ItemRowProps {
  item: RowItem;
  /** Where a guide opens inside the extension (`#/guide/<id>`); tools open their own site. */
  guideHref: string;
  categoryLabel?: string | null;
  titleRanges?: readonly HighlightRange[];
  isNew?: boolean;
  note?: string | null;
  /** Set in a listbox (search results): the row is an option and may be the active one. */
  optionId?: string;
  selected?: boolean;
  compact?: boolean;
  /** Called when the seller opens the item (before the link navigates or opens the tab). */
  onOpen?: (item: RowItem) => void;
  /** The star, or any trailing control. */
  trailing?: React.ReactNode;
  style?: React.CSSProperties;
  /** The row's position in a virtual list (react-virtual measures rows by it). */
  dataIndex?: number;
}

/**
 * One guide or tool in a list. The title is a real link (keyboard, middle-click and screen readers work);
 * a click anywhere else on the row follows it too.
 */
export function ItemRow({
  item,
  guideHref,
  categoryLabel,
  titleRanges,
  isNew,
  note,
  optionId,
  selected,
  compact,
  onOpen,
  trailing,
  style,
  dataIndex,
}: ItemRowProps) {
  const t = useT();
  const language = useLocaleStore((s) => s.language);
  const isTool = item.kind === 'tool';
  const href = isTool ? (item.url ?? undefined) : guideHref;
  const host = displayHost(item.url);
  const date = displayDate(item.date_published, language);

  const onRowClick = (event: React.MouseEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('a, button, input, textarea, select')) return;
    event.currentTarget.querySelector<HTMLAnchorElement>('a.sn-row__title')?.click();
  };

  return (
    <li
      id={optionId}
      role={optionId ? 'option' : undefined}
      aria-selected={optionId ? Boolean(selected) : undefined}
      className={compact ? 'sn-row sn-row--compact' : 'sn-row'}
      onClick={onRowClick}
      style={style}
      data-index={dataIndex}
      data-item-id={item.id}
    >
      <KindBadge kind={item.kind} />
      <div className="sn-row__body">
        <a
          className="sn-row__title"
          href={href}
          title={item.title}
          {...(isTool ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          tabIndex={optionId ? -1 : undefined}
          onClick={() => onOpen?.(item)}
        >
          <HighlightedText text={item.title} ranges={titleRanges} />
        </a>
        <div className="sn-row__meta">
          {isNew ? <span className="sn-new">{t('shared_new')}</span> : null}
          {isTool ? (
            host ? (
              <span className="sn-row__host">{host}</span>
            ) : null
          ) : (
            <>
              {date ? <time dateTime={item.date_published ?? undefined}>{date}</time> : null}
              {item.views !== null ? (
                <span>{t('shared_views', displayNumber(item.views, language))}</span>
              ) : null}
            </>
          )}
          {categoryLabel ? <span>{categoryLabel}</span> : null}
        </div>
        {isTool && item.summary && !compact ? <div className="sn-row__summary">{item.summary}</div> : null}
        {note ? <div className="sn-row__note">{note}</div> : null}
      </div>
      {trailing}
    </li>
  );
}
