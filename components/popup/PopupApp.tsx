import { useEffect, useState } from 'react';
import { useT } from '@/components/i18n';
import { useBookmarks } from '@/stores/bookmarks';
import { usePopup } from '@/stores/popup';
import { AddToolForm } from './AddToolForm';
import { NewFolderForm } from './NewFolderForm';
import { openSidebar } from './open';
import { PopupResults, PopupSearch } from './PopupSearch';
import { QuickLaunchGrid } from './QuickLaunchGrid';
import { WhatsNew } from './WhatsNew';

/**
 * The toolbar popup: a search box with focus, what is new since last time, and the seller's bookmarked tools as
 * a quick-launch grid. "Organize" turns on folder editing, keyboard moves and adding a tool by address.
 */
export function PopupApp() {
  const t = useT();
  const query = usePopup((s) => s.query);
  const folders = useBookmarks((s) => s.folders);
  const [organizing, setOrganizing] = useState(false);

  useEffect(() => {
    void usePopup
      .getState()
      .loadWhatsNew()
      .catch(() => undefined);
  }, []);

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
              <QuickLaunchGrid organizing={organizing} />
              {organizing ? (
                <>
                  <NewFolderForm />
                  <AddToolForm folders={folders} />
                </>
              ) : null}
            </section>
            <p className="sn-popup__footnote">{t('popup_icons_note')}</p>
          </>
        )}
      </main>
    </div>
  );
}
