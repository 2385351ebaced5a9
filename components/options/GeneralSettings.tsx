import { useEffect, useId, useState } from 'react';
import { useT } from '@/components/i18n';
import { useLocaleStore, type LanguagePreference } from '@/stores/locale';
import { followLanguagePreference, saveLanguagePreference } from '@/stores/locale-preference';

/** Settings section "General": the UI language (follow the browser, 简体中文, or English). */
export function GeneralSettings() {
  const t = useT();
  const preference = useLocaleStore((s) => s.preference);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();

  useEffect(() => followLanguagePreference(), []);

  const onChange = async (value: LanguagePreference) => {
    setSaved(false);
    setError(null);
    try {
      await saveLanguagePreference(value);
      setSaved(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby={`${selectId}-title`}>
      <h2 id={`${selectId}-title`}>{t('general_title')}</h2>
      <label htmlFor={selectId}>{t('general_language_label')}</label>{' '}
      <select
        id={selectId}
        value={preference}
        onChange={(e) => void onChange(e.target.value as LanguagePreference)}
      >
        <option value="auto">{t('general_language_auto')}</option>
        <option value="zh-CN">{t('general_language_zh')}</option>
        <option value="en">{t('general_language_en')}</option>
      </select>{' '}
      <span role="status">{saved ? t('general_language_saved') : ''}</span>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
