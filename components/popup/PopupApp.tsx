import { useEffect, useState } from 'react';
import { useT } from '@/components/i18n';
import { useBookmarks } from '@/stores/bookmarks';
import { followCatalogForPopular, POPULAR_SHOWN, POPULAR_UNTIL_BOOKMARKS, usePopup } from '@/stores/popup';
import { offersToShow } from '@/stores/popup-popular';
import { AddToolForm } from './AddToolForm';
import { NewFolderForm } from './NewFolderForm';
import { openSidebar } from './open';
import { PopularTools } from './PopularTools';
import { PopupResults, PopupSearch } from './PopupSearch';
import { QuickLaunchGrid } from './QuickLaunchGrid';
import { WhatsNew } from './WhatsNew';

/**
 * The toolbar popup: a search box with focus, what is new since last time, and the seller's bookmarked tools as
 * a quick-launch grid. "Organize" turns on folder editing, keyboard moves and adding a tool by address. Until
 * the grid has a few tools, popular tools from the catalog are offered under it, each one click to open and
 * one click to pin.
 */
export function PopupApp() {
  const t = useT();
  const query = usePopup((s) => s.query);
  const popular = usePopup((s) => s.popular);
  const popularState = usePopup((s) => s.popularState);
  const popularHidden = usePopup((s) => s.popularHidden);
  const folders = useBookmarks((s) => s.folders);
  const bookmarks = useBookmarks((s) => s.bookmarks);
  const bookmarksLoaded = useBookmarks((s) => s.loaded);
  const [organizing, setOrganizing] = useState(false);
  // A seller whose grid is full never pays for reading the catalog's tools.
  const wantsPopular = bookmarksLoaded && bookmarks.length < POPULAR_UNTIL_BOOKMARKS;
  const offers =
    wantsPopular && !organizing && !popularHidden ? offersToShow(popular, bookmarks, POPULAR_SHOWN) : [];

  useEffect(() => {
    void usePopup
      .getState()
      .loadWhatsNew()
      .catch(() => undefined);
  }, []);

  useEffect(() => followCatalogForPopular(), []);

  useEffect(() => {
    if (wantsPopular && popularState === 'idle') void usePopup.getState().loadPopular();
  }, [wantsPopular, popularState]);

  return (
    <div className="sn-popup">
      <header className="sn-popup__header">
        <PopupSearch />
        <button type="button" className="sn-button" onClick={() => void openSidebar()}>
          {t('popup_open_sidebar')}
        </button>
      </header>
      <main className="sn-popup__main">
        {query.trim() !== '' ? (
          <PopupResults />
        ) : (
          <>
            <WhatsNew />
            <section className="sn-popup__section" aria-labelledby="sn-popup-launch">
              <div className="sn-popup__section-head">
                <h2 id="sn-popup-launch" className="sn-section__title">
                  {t('popup_quick_launch')}
                </h2>
                <button
                  type="button"
                  className="sn-section__action"
                  aria-pressed={organizing}
                  onClick={() => setOrganizing(!organizing)}
                >
                  {organizing ? t('popup_done') : t('popup_organize')}
                </button>
              </div>
              <QuickLaunchGrid
                organizing={organizing}
                emptyText={
                  offers.length > 0 ||
                  (!popularHidden && (popularState === 'loading' || popularState === 'idle'))
                    ? t('popup_empty_pin_hint')
                    : t('popup_empty')
                }
              />
              {organizing ? (
                <>
                  <NewFolderForm />
                  <AddToolForm folders={folders} />
                  {popularHidden ? (
                    <button
                      type="button"
                      className="sn-button sn-popup__show-popular"
                      onClick={() => void usePopup.getState().setPopularHidden(false)}
                    >
                      {t('popup_popular_show')}
                    </button>
                  ) : null}
                </>
              ) : null}
            </section>
            <PopularTools offers={offers} />
            <p className="sn-popup__footnote">{t('popup_icons_note')}</p>
          </>
        )}
      </main>
    </div>
  );
}
