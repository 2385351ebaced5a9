import type { BackupErrorCode } from '@/core/backup/errors';

/**
 * The bad import files in tests/fixtures/import and the refusal each must produce. Shared by the pure parser
 * test and the storage test (which also checks nothing in the database changed).
 */
export const BAD_IMPORT_FILES: [file: string, code: BackupErrorCode, detail?: string][] = [
  ['empty.json', 'empty'],
  ['whitespace-only.json', 'empty'],
  ['not-json.json', 'not-json'],
  ['truncated.json', 'truncated'],
  ['binary-nul.json', 'binary'],
  ['top-level-array.json', 'not-backup'],
  ['other-app-export.json', 'not-backup'],
  ['wrong-format-marker.json', 'not-backup'],
  ['future-version.json', 'version-unsupported'],
  ['version-as-string.json', 'version-unsupported'],
  ['missing-data.json', 'invalid', 'data'],
  ['bookmarks-not-array.json', 'invalid', 'data.bookmarks'],
  ['bookmark-javascript-url.json', 'invalid', 'data.bookmarks.0.url'],
  ['bookmark-data-url.json', 'invalid', 'data.bookmarks.0.url'],
  ['bookmark-title-number.json', 'invalid', 'data.bookmarks.0.title'],
  ['bookmark-order-string.json', 'invalid', 'data.bookmarks.0.order'],
  ['bookmark-created-negative.json', 'invalid', 'data.bookmarks.0.createdAt'],
  ['bookmark-title-oversized.json', 'invalid', 'data.bookmarks.0.title'],
  ['duplicate-bookmark-id.json', 'duplicate-id', 'data.bookmarks.1.id'],
  ['dangling-folder.json', 'dangling-folder', 'data.bookmarks.0.folderId'],
  ['folder-name-blank.json', 'invalid', 'data.folders.0.name'],
  ['tip-bad-scope.json', 'invalid', 'data.dismissedTips.0.scope'],
  ['feed-ftp-url.json', 'invalid', 'data.feeds.0.url'],
  ['feed-bundled-traversal.json', 'invalid', 'data.feeds.0.url'],
  ['setting-missing-value.json', 'invalid', 'data.settings.0.value'],
  ['proto-pollution.json', 'forbidden-key', '__proto__'],
  ['constructor-key.json', 'forbidden-key', 'prototype'],
  ['html-not-bookmarks.html', 'not-bookmark-html'],
  ['html-only-bookmarklets.html', 'no-links', '4'],
  ['html-empty-netscape.html', 'no-links', '0'],
  ['html-too-deep.html', 'too-deep'],
];
