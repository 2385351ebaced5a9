import * as v from 'valibot';
import { db } from './db';
import { SELLER_CENTRAL_HOSTS } from '@/core/sellercentral-hosts';
import { COOLDOWN_CHOICES, DEFAULT_TIPS_SETTINGS, type TipsSettingsValue } from '@/core/match/tips-policy';

/**
 * The seller's tips settings, one `settings` row per key. Each value is validated when read: an unknown or
 * invalid value falls back to its default and is left in place (never deleted), so a newer version's value
 * survives a downgrade.
 */
export const TIPS_SETTING_KEYS = {
  enabled: 'tips.enabled',
  disabledHosts: 'tips.disabledHosts',
  cooldownMinutes: 'tips.cooldownMinutes',
  collapsed: 'tips.collapsed',
} as const satisfies Record<keyof TipsSettingsValue, string>;

const schemas = {
  enabled: v.boolean(),
  disabledHosts: v.array(
    v.pipe(
      v.string(),
      v.toLowerCase(),
      v.check((h) => SELLER_CENTRAL_HOSTS.includes(h)),
    ),
  ),
  cooldownMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60 * 24 * 365)),
  collapsed: v.boolean(),
} satisfies Record<keyof TipsSettingsValue, v.GenericSchema>;

type Key = keyof TipsSettingsValue;
const keys = Object.keys(TIPS_SETTING_KEYS) as Key[];

function valid<K extends Key>(key: K, value: unknown): TipsSettingsValue[K] | undefined {
  const result = v.safeParse(schemas[key], value);
  return result.success ? (result.output as TipsSettingsValue[K]) : undefined;
}

export async function readTipsSettings(): Promise<TipsSettingsValue> {
  const rows = await db.settings.bulkGet(keys.map((key) => TIPS_SETTING_KEYS[key]));
  const settings: TipsSettingsValue = { ...DEFAULT_TIPS_SETTINGS };
  keys.forEach((key, i) => {
    const value = valid(key, rows[i]?.value);
    if (value !== undefined) (settings as Record<Key, unknown>)[key] = value;
  });
  return settings;
}

/** Why a settings change was refused, in one sentence. */
export class TipsSettingsError extends Error {
  override name = 'TipsSettingsError';
}

/** Saves the given settings (each validated; nothing is written if one is invalid) and returns them all. */
export async function saveTipsSettings(patch: Partial<TipsSettingsValue>): Promise<TipsSettingsValue> {
  const rows: { key: string; value: unknown }[] = [];
  for (const key of keys) {
    if (!(key in patch)) continue;
    const value = valid(key, patch[key]);
    if (value === undefined) throw new TipsSettingsError(`Invalid value for the tips setting "${key}".`);
    rows.push({ key: TIPS_SETTING_KEYS[key], value });
  }
  if (rows.length > 0) await db.transaction('rw', db.settings, () => db.settings.bulkPut(rows));
  return readTipsSettings();
}

export { COOLDOWN_CHOICES };
