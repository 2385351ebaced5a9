import type { MessageKey } from '@/components/i18n';
import { BookmarkError } from '@/storage/bookmarks';

type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

const KEYS = {
  'url-invalid': 'popup_error_url_invalid',
  'url-scheme': 'popup_error_url_scheme',
  duplicate: 'popup_error_duplicate',
  'title-empty': 'popup_error_title_empty',
  'folder-name-empty': 'popup_error_folder_name_empty',
  'folder-exists': 'popup_error_folder_exists',
  'not-found': 'popup_error_not_found',
} as const satisfies Record<BookmarkError['code'], MessageKey>;

/** The seller-facing sentence for a failed bookmark edit. */
export function bookmarkErrorText(t: Translate, error: unknown): string {
  if (error instanceof BookmarkError) return t(KEYS[error.code], error.detail);
  return t('popup_error_generic', error instanceof Error ? error.message : String(error));
}
