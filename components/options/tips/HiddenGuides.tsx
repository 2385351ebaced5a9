import { useCallback, useEffect, useId, useState } from 'react';
import { useT } from '@/components/i18n';
import { useLocaleStore } from '@/stores/locale';
import type { HiddenGuide } from '@/core/match/tips-policy';

/** How the list reads and lifts dismissals; the background owns them (and the content script's mirror). */
export interface HiddenGuidesApi {
  listHidden(): Promise<HiddenGuide[]>;
  showAgain(guideId: string): Promise<HiddenGuide[]>;
}

/**
 * "Hidden guides": every guide the seller put away from the Seller Central card (never again, snoozed, closed
 * on a page), each with "show again", so a dismissal is never a trap. The list is read again whenever the
 * settings tab comes back into view, since the seller dismisses guides in other tabs.
 */
export function HiddenGuides({ api }: { api: HiddenGuidesApi }) {
  const t = useT();
  const language = useLocaleStore((s) => s.language);
  const id = useId();
  const [hidden, setHidden] = useState<HiddenGuide[] | null>(null);
  const [shownAgain, setShownAgain] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      api.listHidden().then(
        (list) => {
          setHidden(list);
          setError(null);
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      ),
    [api],
  );

  useEffect(() => {
    void reload();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [reload]);

  const showAgain = async (guide: HiddenGuide) => {
    setError(null);
    setShownAgain(null);
    try {
      setHidden(await api.showAgain(guide.guideId));
      setShownAgain(t('tips_hidden_shown_again', guide.title ?? guide.guideId));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const reasons = (guide: HiddenGuide): string[] => {
    const out: string[] = [];
    if (guide.never) out.push(t('tips_hidden_never'));
    if (guide.snoozedUntil !== null)
      out.push(t('tips_hidden_snoozed', dateFormat.format(guide.snoozedUntil)));
    if (guide.closedOnPages === 1) out.push(t('tips_hidden_page_one'));
    else if (guide.closedOnPages > 1) out.push(t('tips_hidden_pages', guide.closedOnPages));
    return out;
  };

  return (
    <div className="sn-tips-hidden" data-testid="tips-hidden" aria-labelledby={`${id}-title`} role="group">
      <h3 id={`${id}-title`}>{t('tips_hidden_title')}</h3>
      {hidden === null ? (
        error ? null : (
          <p>{t('tips_settings_loading')}</p>
        )
      ) : hidden.length === 0 ? (
        <p className="sn-tips-hidden-empty" data-testid="tips-hidden-empty">
          {t('tips_hidden_empty')}
        </p>
      ) : (
        <ul>
          {hidden.map((guide) => (
            <li key={guide.guideId} data-testid="tips-hidden-row" data-guide-id={guide.guideId}>
              <span className="sn-tips-hidden-text">
                <span className="sn-tips-hidden-name">
                  {guide.title ?? t('tips_hidden_gone', guide.guideId)}
                </span>
                <small>{reasons(guide).join(' · ')}</small>
              </span>
              <button
                type="button"
                data-testid="tips-show-again"
                aria-label={t('tips_hidden_show_again_label', guide.title ?? guide.guideId)}
                onClick={() => void showAgain(guide)}
              >
                {t('tips_hidden_show_again')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* A live region, not role=status: the section above already has the "Saved" status. */}
      <p aria-live="polite" data-testid="tips-hidden-status">
        {shownAgain ?? ''}
      </p>
      {error ? <p role="alert">{t('tips_hidden_error', error)}</p> : null}
    </div>
  );
}
