import { forwardRef } from 'react';
import { useT } from '@/components/i18n';
import { useSearch } from '@/stores/search';

export const RESULTS_ID = 'sn-search-results';
export const optionId = (index: number) => `sn-search-option-${index}`;

/**
 * The search field (a combobox over the result list): type to search, ↑/↓ to pick, Enter to open, Esc to
 * clear. It never moves focus away, so the seller can keep typing after each look.
 */
export const SearchBox = forwardRef<
  HTMLInputElement,
  { onQueryChange: (query: string) => void; onOpenCurrent: () => void; onEscape: () => void }
>(function SearchBox({ onQueryChange, onOpenCurrent, onEscape }, ref) {
  const t = useT();
  const query = useSearch((s) => s.query);
  const resultCount = useSearch((s) => s.results.length);
  const activeIndex = useSearch((s) => s.activeIndex);
  const move = useSearch((s) => s.move);
  const ensureIndex = useSearch((s) => s.ensureIndex);
  const expanded = query.trim() !== '';

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return; // an IME (pinyin input) is still composing: the keys are its own
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        break;
      case 'Enter':
        if (resultCount > 0) {
          event.preventDefault();
          onOpenCurrent();
        }
        break;
      case 'Escape':
        if (query !== '') {
          event.preventDefault();
          onEscape();
        }
        break;
    }
  };

  return (
    <div className="sn-search" role="search">
      <svg className="sn-search__icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <input
        ref={ref}
        // The panel opens to search: the seller types at once, with no click first.
        autoFocus
        className="sn-search__input"
        type="search"
        role="combobox"
        aria-label={t('sidebar_search_label')}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={RESULTS_ID}
        aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        placeholder={t('sidebar_search_placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onFocus={() => void ensureIndex()}
        onChange={(e) => onQueryChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {query ? (
        <button
          type="button"
          className="sn-search__clear"
          aria-label={t('sidebar_search_clear')}
          onClick={onEscape}
        >
          ×
        </button>
      ) : null}
    </div>
  );
});
