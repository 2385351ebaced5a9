import type { MessageKey } from '@/components/i18n';
import type { BackupErrorCode } from '@/core/backup/errors';
import type { SellerDataKind } from '@/core/backup/schema';
import { BackupError } from '@/storage/backup';

type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

const KEYS = {
  empty: 'backup_error_empty',
  'too-large': 'backup_error_too_large',
  binary: 'backup_error_binary',
  'not-json': 'backup_error_not_json',
  truncated: 'backup_error_truncated',
  'forbidden-key': 'backup_error_forbidden_key',
  'not-backup': 'backup_error_not_backup',
  'version-unsupported': 'backup_error_version_unsupported',
  invalid: 'backup_error_invalid',
  'duplicate-id': 'backup_error_duplicate_id',
  'dangling-folder': 'backup_error_dangling_folder',
  'too-many': 'backup_error_too_many',
  'not-bookmark-html': 'backup_error_not_bookmark_html',
  'too-deep': 'backup_error_too_deep',
  'no-links': 'backup_error_no_links',
} as const satisfies Record<BackupErrorCode, MessageKey>;

/** Locale key naming each kind of row a backup carries (also the preview's row labels). */
export const KIND_KEYS = {
  bookmarks: 'backup_kind_bookmarks',
  folders: 'backup_kind_folders',
  notes: 'backup_kind_notes',
  dismissedTips: 'backup_kind_dismissedTips',
  settings: 'backup_kind_settings',
  feeds: 'backup_kind_feeds',
} as const satisfies Record<SellerDataKind, MessageKey>;

const isKind = (name: string | undefined): name is SellerDataKind => name !== undefined && name in KIND_KEYS;

/** `data.bookmarks.3.url` → "书签第 4 条的“url”", so a refusal says where in words; other paths stay as they are. */
export function placeInFile(t: Translate, path: string): string {
  const [root, kind, index, ...field] = path.split('.');
  if (root !== 'data' || !isKind(kind)) return path;
  const table = t(KIND_KEYS[kind]);
  if (index === undefined) return t('backup_where_table', table);
  if (!/^\d+$/.test(index)) return path;
  return t('backup_where_row', table, Number(index) + 1, field.join('.') || '—');
}

const PATH_CODES = new Set<BackupErrorCode>(['invalid', 'duplicate-id', 'dangling-folder', 'too-many']);

/** Why a file was refused, in the seller's language; anything else is a storage failure. */
export function backupErrorText(t: Translate, error: unknown): string {
  if (error instanceof BackupError) {
    const detail = PATH_CODES.has(error.code) ? placeInFile(t, error.detail) : error.detail;
    return t(KEYS[error.code], detail);
  }
  return t('backup_error_storage', error instanceof Error ? error.message : String(error));
}
