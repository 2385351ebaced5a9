import type { MessageKey } from '@/components/i18n';
import { parseSyncError } from '@/messaging/sync';

type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

/** A stored sync error (`code|detail`) as a plain sentence in the seller's language. */
export function syncErrorText(t: Translate, stored: string): string {
  const { code, detail } = parseSyncError(stored);
  switch (code) {
    case 'timeout':
      return t('sync_error_timeout', detail);
    case 'too_large':
      return t('sync_error_too_large', detail);
    case 'too_many_redirects':
      return t('sync_error_too_many_redirects');
    case 'bad_redirect':
      return t('sync_error_bad_redirect');
    case 'network':
      return t('sync_error_network');
    case 'http_status':
      return t('sync_error_http_status', detail);
    case 'not_found':
      return t('sync_error_not_found');
    case 'forbidden':
      return t('sync_error_forbidden');
    case 'login_page':
      return t('sync_error_login_page');
    case 'html_page':
      return t('sync_error_html_page');
    case 'content_type':
      return t('sync_error_content_type', detail);
    case 'invalid_feed':
      return t('sync_error_invalid_feed', detail);
    case 'permission':
      return t('sync_error_permission', detail);
    case 'storage_full':
      return t('sync_error_storage_full');
    case 'invalid_url':
      return t('sync_error_invalid_url');
    case 'duplicate':
      return t('sync_error_duplicate');
    case 'internal':
    case 'unknown':
      return t('sync_error_internal', detail);
  }
}
