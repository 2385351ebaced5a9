import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '@/components/i18n';
import { sendMessage } from '@/messaging/protocol';
import { SELLER_CENTRAL_HOSTS } from '@/core/sellercentral-hosts';
import { COOLDOWN_CHOICES, type TipsSettingsValue } from '@/core/match/tips-policy';
import { HiddenGuides, type HiddenGuidesApi } from './tips/HiddenGuides';
import './tips/tips-settings.css';

type Editable = Omit<TipsSettingsValue, 'collapsed'>;

/** How the section reads and saves the tips settings; the background owns them (and their mirror). */
export interface TipsSettingsApi extends HiddenGuidesApi {
  load(): Promise<TipsSettingsValue>;
  save(patch: Partial<Editable>): Promise<TipsSettingsValue>;
}

const messagingApi: TipsSettingsApi = {
  load: () => sendMessage('tipsGetSettings', undefined),
  save: (patch) => sendMessage('tipsSaveSettings', patch),
  listHidden: () => sendMessage('tipsListHidden', undefined),
  showAgain: (guideId) => sendMessage('tipsShowAgain', { guideId }),
};

const FREQUENCY_KEYS = {
  0: 'tips_frequency_every',
  60: 'tips_frequency_hour',
  1440: 'tips_frequency_day',
  10080: 'tips_frequency_week',
} as const satisfies Record<(typeof COOLDOWN_CHOICES)[number], string>;

/** `sellercentral.amazon.co.uk` → `amazon.co.uk`; the unified hosts keep their region name. */
const marketplaceLabel = (host: string) => host.replace(/^sellercentral[.-]/, '');

/**
 * Settings section "Seller Central tips": tips on or off, on which marketplaces, and the frequency cap (how
 * often the card may open by itself). Every change is saved at once.
 */
export function TipsSettings({ api = messagingApi }: { api?: TipsSettingsApi }) {
  const t = useT();
  const id = useId();
  const [settings, setSettings] = useState<TipsSettingsValue | null>(null);
  const [status, setStatus] = useState<'idle' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);

  /** The settings as last saved, and the saves still on their way: one at a time, each from the one before. */
  const saved = useRef<TipsSettingsValue | null>(null);
  const saving = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    api.load().then(
      (value) => {
        if (!live) return;
        saved.current = value;
        setSettings(value);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  /**
   * Saves one change. Changes are sent one after another and each is worked out from the settings the previous
   * one saved: two marketplaces unticked in quick succession both stay off (built from the rendered state,
   * the second list would not yet hold the first and would turn it back on).
   */
  const save = (change: (current: TipsSettingsValue) => Partial<Editable>) => {
    setStatus('idle');
    setError(null);
    saving.current = saving.current.then(async () => {
      if (!saved.current) return;
      try {
        saved.current = await api.save(change(saved.current));
        setSettings(saved.current);
        setStatus('saved');
      } catch (e) {
        setError(t('tips_settings_error', e instanceof Error ? e.message : String(e)));
      }
    });
    return saving.current;
  };

  const title = (
    <h2 id={`${id}-title`} data-testid="tips-settings-title">
      {t('tips_settings_title')}
    </h2>
  );
  if (!settings) {
    return (
      <section aria-labelledby={`${id}-title`} data-testid="tips-settings">
        {title}
        {error ? (
          <p role="alert">{t('tips_settings_load_error', error)}</p>
        ) : (
          <p>{t('tips_settings_loading')}</p>
        )}
      </section>
    );
  }

  const toggleHost = (host: string, on: boolean) =>
    save((current) => {
      const others = current.disabledHosts.filter((h) => h !== host);
      return { disabledHosts: on ? others : [...others, host] };
    });

  return (
    <section aria-labelledby={`${id}-title`} data-testid="tips-settings" className="sn-tips-settings">
      {title}
      <p>{t('tips_settings_intro')}</p>
      <label>
        <input
          type="checkbox"
          data-testid="tips-enabled"
          checked={settings.enabled}
          onChange={(e) => {
            const enabled = e.target.checked;
            void save(() => ({ enabled }));
          }}
        />{' '}
        {t('tips_settings_enabled')}
      </label>
      <fieldset disabled={!settings.enabled}>
        <legend>{t('tips_settings_marketplaces')}</legend>
        <div className="sn-tips-markets">
          {SELLER_CENTRAL_HOSTS.map((host) => (
            <label key={host} className="sn-tips-market">
              <input
                type="checkbox"
                data-host={host}
                checked={!settings.disabledHosts.includes(host)}
                onChange={(e) => void toggleHost(host, e.target.checked)}
              />{' '}
              {marketplaceLabel(host)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset disabled={!settings.enabled}>
        <legend>{t('tips_settings_frequency')}</legend>
        {COOLDOWN_CHOICES.map((minutes) => (
          <label key={minutes} className="sn-tips-frequency">
            <input
              type="radio"
              data-minutes={minutes}
              name={`${id}-frequency`}
              checked={settings.cooldownMinutes === minutes}
              onChange={() => void save(() => ({ cooldownMinutes: minutes }))}
            />{' '}
            {t(FREQUENCY_KEYS[minutes])}
          </label>
        ))}
        <small>{t('tips_frequency_help')}</small>
      </fieldset>
      <span role="status">{status === 'saved' ? t('tips_settings_saved') : ''}</span>
      {error ? <p role="alert">{error}</p> : null}
      <HiddenGuides api={api} />
    </section>
  );
}
