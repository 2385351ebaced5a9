import * as v from 'valibot';
import { db } from '@/storage/db';
import { useLocaleStore, type LanguagePreference } from '@/stores/locale';

/** The seller's UI language choice, kept in the `settings` table. */
export const LANGUAGE_SETTING_KEY = 'general.uiLanguage';
const PreferenceSchema = v.picklist(['auto', 'zh-CN', 'en']);
const CHANNEL = 'sellernav-locale';

/** Reads the saved choice; a missing or invalid value means "follow the browser" (and is left as it is). */
export async function loadLanguagePreference(): Promise<LanguagePreference> {
  const record = await db.settings.get(LANGUAGE_SETTING_KEY);
  const parsed = v.safeParse(PreferenceSchema, record?.value);
  const preference = parsed.success ? parsed.output : 'auto';
  useLocaleStore.getState().setPreference(preference);
  return preference;
}

/** Saves the choice, switches this page, and tells the other open pages (sidebar, popup) to switch too. */
export async function saveLanguagePreference(preference: LanguagePreference): Promise<void> {
  useLocaleStore.getState().setPreference(preference);
  await db.settings.put({ key: LANGUAGE_SETTING_KEY, value: preference });
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage(preference);
    channel.close();
  }
}

/** Loads the saved language and follows changes made in another page. Returns the unsubscribe. */
export function followLanguagePreference(): () => void {
  void loadLanguagePreference().catch(() => undefined);
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = v.safeParse(PreferenceSchema, event.data);
    if (parsed.success) useLocaleStore.getState().setPreference(parsed.output);
  };
  return () => channel.close();
}
