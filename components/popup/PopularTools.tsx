import { useT } from '@/components/i18n';
import { LetterTile } from '@/components/shared/LetterTile';
import { displayNumber } from '@/components/shared/format';
import { useLocaleStore, type UiLanguage } from '@/stores/locale';
import { usePopup } from '@/stores/popup';
import type { PopularTool } from '@/stores/popup-popular';
import { openSidebar, openUrl } from './open';
import { ActionError, useBookmarkAction } from './useBookmarkAction';

/** The seller-facing hint on an offered tile (its tooltip): why this tool is offered. */
function reasonText(t: ReturnType<typeof useT>, language: UiLanguage, tool: PopularTool): string {
  if (tool.reason === 'used') return t('popup_popular_reason_used', tool.opens);
  if (tool.reason === 'viewed') {
    return t('popup_popular_reason_viewed', displayNumber(tool.item.views ?? 0, language));
  }
  return t('popup_popular_reason_staple');
}

/**
 * Popular tools from the catalog, offered while the quick-launch grid is nearly empty: a click on a tile opens
 * the tool, the pin beside it adds it to the grid (where it can be foldered and reordered). The tools the
 * seller keeps opening from here rise to the front, so the grid fills itself the way the seller works.
 */
export function PopularTools({ offers }: { offers: readonly PopularTool[] }) {
  const t = useT();
  const language = useLocaleStore((s) => s.language);
  const { error, run } = useBookmarkAction();
  if (offers.length === 0) return null;

  const open = async (tool: PopularTool) => {
    await usePopup.getState().recordToolOpen(tool.item.id);
    if (tool.item.url) await openUrl(tool.item.url);
  };

  return (
    <section className="sn-popup__section" aria-labelledby="sn-popup-popular">
      <div className="sn-popup__section-head">
        <h2 id="sn-popup-popular" className="sn-section__title">
          {t('popup_popular_title')}
        </h2>
        <button type="button" className="sn-section__action" onClick={() => void openSidebar()}>
          {t('popup_popular_more')}
        </button>
        <button
          type="button"
          className="sn-section__action"
          aria-label={t('popup_popular_hide_label')}
          title={t('popup_popular_hide_label')}
          onClick={() => void run(() => usePopup.getState().setPopularHidden(true))}
        >
          {t('popup_popular_hide')}
        </button>
      </div>
      <ActionError error={error} />
      <ul className="sn-popup__grid" aria-label={t('popup_popular_title')}>
        {offers.map((tool) => (
          <li key={tool.item.id} className="sn-popup__tile sn-popup__offer" data-item-id={tool.item.id}>
            <button
              type="button"
              className="sn-popup__tile-link"
              title={[tool.item.title, reasonText(t, language, tool)].join('\n')}
              onClick={() => void open(tool)}
            >
              <LetterTile name={tool.item.title} size={36} />
              <span className="sn-popup__tile-name">{tool.item.title}</span>
            </button>
            <button
              type="button"
              className="sn-popup__pin"
              aria-label={t('popup_popular_pin', tool.item.title)}
              title={t('popup_popular_pin', tool.item.title)}
              onClick={() => void run(() => usePopup.getState().pinTool(tool.item))}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="M8 3.5v9M3.5 8h9" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
