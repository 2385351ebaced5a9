/**
 * Why an import file was refused. `code` picks the seller-facing sentence (locale key `backup_error_<code>`);
 * `detail` names the place in the file (e.g. `data.bookmarks.3.url`) or a number the sentence needs; `message`
 * is the same reason in one plain English line, for logs and tests.
 */
export type BackupErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'not-json'
  | 'truncated'
  | 'forbidden-key'
  | 'not-backup'
  | 'version-unsupported'
  | 'invalid'
  | 'duplicate-id'
  | 'dangling-folder'
  | 'too-many'
  | 'not-bookmark-html'
  | 'too-deep'
  | 'no-links';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly detail: string = '',
  ) {
    super(message);
    this.name = 'BackupError';
  }
}
