import { useRef } from 'react';
import { LetterTile } from '@/components/shared/LetterTile';
import { HighlightedText } from '@/components/shared/HighlightedText';
import { useT } from '@/components/i18n';
import type { QuickLaunchHit } from '@/core/quick-launch/rank';
import { usePopup } from '@/stores/popup';
import { openTarget } from './open';

const resultId = (index: number) => `sn-popup-result-${index}`;

/** Opens a hit; a catalog tool opened from here also counts towards the tools the popup offers first. */
async function openHit(hit: QuickLaunchHit): Promise<void> {
  if (hit.source === 'catalog' && hit.kind === 'tool' && hit.url) {
    await usePopup.getState().recordToolOpen(hit.id);
  }
  await openTarget(hit);
}

/**
 * The search box, focused when the popup opens: bookmarks first, then the catalog (pinyin too). Enter opens the
 * selected result, the top hit unless the seller moved with the arrow keys.
 */
export function PopupSearch() {
  const t = useT();
  const query = usePopup((s) => s.query);
  const results = usePopup((s) => s.results);
  const activeIndex = usePopup((s) => s.activeIndex);
  const { setQuery, moveActive } = usePopup.getState();
  const inputRef = useRef<HTMLInputElement>(null);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveActive(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      const hit = results[activeIndex];
      if (hit) {
        event.preventDefault();
        void openHit(hit);
      }
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      void setQuery('');
    }
  };

  return (
    <div className="sn-search sn-popup__search">
      <svg className="sn-search__icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <input
        ref={inputRef}
        className="sn-search__input"
        type="search"
        // The popup exists to be typed into: focus lands here as it opens.
        autoFocus
        aria-label={t('popup_search_label')}
        placeholder={t('popup_search_placeholder')}
        value={query}
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls="sn-popup-results"
        aria-activedescendant={results.length > 0 ? resultId(activeIndex) : undefined}
        onChange={(event) => void setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {query !== '' ? (
        <button
          type="button"
          className="sn-search__clear"
          aria-label={t('popup_search_clear')}
          title={t('popup_search_clear')}
          onClick={() => {
            void setQuery('');
            inputRef.current?.focus();
          }}
        >
          ×
        </button>
      ) : null}
    </div>
  );
}

function kindLabel(t: ReturnType<typeof useT>, hit: QuickLaunchHit): string {
  if (hit.kind === 'bookmark') return t('quickLaunch_kindBookmark');
  return t(hit.kind === 'guide' ? 'quickLaunch_kindGuide' : 'quickLaunch_kindTool');
}

/** Results of the search box, one row each, the keyboard-selected one marked. */
export function PopupResults() {
  const t = useT();
  const results = usePopup((s) => s.results);
  const activeIndex = usePopup((s) => s.activeIndex);
  const searching = usePopup((s) => s.searching);
  const searchError = usePopup((s) => s.searchError);
  if (searchError) return <p className="sn-empty">{t('popup_search_failed', searchError)}</p>;
  if (results.length === 0) return searching ? null : <p className="sn-empty">{t('popup_search_empty')}</p>;
  return (
    <ul
      id="sn-popup-results"
      className="sn-popup__results"
      role="listbox"
      aria-label={t('popup_search_label')}
    >
      {results.map((hit, index) => (
        <li
          key={`${hit.source}:${hit.id}`}
          id={resultId(index)}
          role="option"
          aria-selected={index === activeIndex}
          className="sn-popup__result"
          onClick={() => void openHit(hit)}
        >
          <LetterTile name={hit.title} size={24} />
          <span className="sn-popup__result-title">
            <HighlightedText text={hit.title} ranges={hit.titleRanges} />
          </span>
          <span className={`sn-popup__kind sn-popup__kind--${hit.kind}`}>{kindLabel(t, hit)}</span>
        </li>
      ))}
    </ul>
  );
}
