import type { MessageKey } from '@/components/i18n';
import type { BackupErrorCode } from '@/core/backup/errors';
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

/** Why a file was refused, in the seller's language; anything else is a storage failure. */
export function backupErrorText(t: Translate, error: unknown): string {
  if (error instanceof BackupError) return t(KEYS[error.code], error.detail);
  return t('backup_error_storage', error instanceof Error ? error.message : String(error));
}
