import { followCatalogChanges, useCatalog } from '@/stores/catalog';
import { followLanguagePreference } from '@/stores/locale-preference';
import { followLocationHash } from '@/stores/router';
import { useSearch } from '@/stores/search';

/** Runs `work` when the page is idle (after the first paint), or soon anyway. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 500 });
  else setTimeout(work, 50);
}

/**
 * Starts one sidebar page: the route follows the address, the language follows settings, home loads at once,
 * and the heavier reads (the search index, the discover row) wait until home has painted. A sync committed by
 * the background refreshes home and drops the search index so the next keystroke uses the new catalog.
 * Returns the stop function.
 */
export function startSidebarSession(): () => void {
  const stops = [
    followLocationHash(),
    followLanguagePreference(),
    followCatalogChanges(() => {
      useSearch.getState().invalidate();
      void useCatalog.getState().shuffleDiscover();
    }),
  ];
  void useCatalog
    .getState()
    .loadHome()
    .then(() =>
      whenIdle(() => {
        // The discover row is drawn from the index, so it follows the index load.
        void useSearch
          .getState()
          .ensureIndex()
          .then(() => useCatalog.getState().shuffleDiscover());
      }),
    );
  return () => stops.forEach((stop) => stop());
}
