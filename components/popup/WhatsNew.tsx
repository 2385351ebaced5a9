import { useT } from '@/components/i18n';
import { LetterTile } from '@/components/shared/LetterTile';
import { usePopup } from '@/stores/popup';
import { openSidebar, openTarget } from './open';

/** Guides and tools that arrived since the popup was last opened (the toolbar badge counts them). */
export function WhatsNew() {
  const t = useT();
  const items = usePopup((s) => s.whatsNew);
  const total = usePopup((s) => s.whatsNewTotal);
  if (total === 0) return null;
  return (
    <section className="sn-popup__section" aria-labelledby="sn-popup-new">
      <h2 id="sn-popup-new" className="sn-section__title">
        {t('popup_whats_new')} <span className="sn-new">{t('popup_whats_new_count', total)}</span>
      </h2>
      <ul className="sn-popup__new-list">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="sn-popup__new"
              onClick={() => void openTarget({ url: item.url, itemId: item.id })}
            >
              <LetterTile name={item.title} size={20} />
              <span className="sn-popup__new-title">{item.title}</span>
              <span className={`sn-popup__kind sn-popup__kind--${item.kind}`}>
                {t(item.kind === 'guide' ? 'quickLaunch_kindGuide' : 'quickLaunch_kindTool')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <button type="button" className="sn-button" onClick={() => void openSidebar()}>
          {t('popup_whats_new_more', total - items.length)}
        </button>
      ) : null}
    </section>
  );
}
