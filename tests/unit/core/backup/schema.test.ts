import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BackupError } from '@/core/backup/errors';
import { parseNetscapeBookmarks } from '@/core/backup/netscape';
import {
  BACKUP_LIMITS,
  checkImportSize,
  parseBackupJson,
  serializeBackup,
  type SellerData,
} from '@/core/backup/schema';
import { BAD_IMPORT_FILES } from './bad-files';

const fixture = (name: string) => readFileSync(join('tests/fixtures/import', name), 'utf8');
let n = 0;
const identity = { newId: () => `id-${++n}`, now: 1_700_000_000_000 };

function refusal(run: () => unknown): BackupError {
  try {
    run();
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  throw new Error('expected a BackupError');
}

describe('reading a backup file', () => {
  test('a valid file reads back its rows', () => {
    const data = parseBackupJson(fixture('valid-minimal.json'));
    expect(data.bookmarks[0]).toMatchObject({ id: 'b1', title: '卖家精灵', folderId: 'f1' });
    expect(data.folders[0]?.name).toBe('选品');
  });

  test('a byte-order mark is not an error', () => {
    expect(parseBackupJson('\uFEFF' + fixture('valid-minimal.json')).bookmarks).toHaveLength(1);
  });

  test.each(BAD_IMPORT_FILES)('%s is refused with %s', (file, code, detail) => {
    const text = fixture(file);
    const error = refusal(() =>
      file.endsWith('.html') ? parseNetscapeBookmarks(text, identity) : parseBackupJson(text),
    );
    expect(error.code).toBe(code);
    if (detail !== undefined) expect(error.detail).toBe(detail);
    expect(error.message).not.toMatch(/\n/);
  });

  test('a file over the size limit is refused before it is read, and by length after', () => {
    expect(refusal(() => checkImportSize(BACKUP_LIMITS.fileBytes + 1)).code).toBe('too-large');
    expect(refusal(() => checkImportSize(0)).code).toBe('empty');
    expect(() => checkImportSize(1024)).not.toThrow();
    const huge = '{"format":"sellernav-backup","pad":"' + 'x'.repeat(BACKUP_LIMITS.fileBytes) + '"}';
    expect(refusal(() => parseBackupJson(huge)).code).toBe('too-large');
  });

  test('more rows than the limit is refused as too many', () => {
    const data: SellerData = JSON.parse(fixture('valid-minimal.json')).data;
    data.settings = Array.from({ length: BACKUP_LIMITS.rows + 1 }, (_, i) => ({ key: `k${i}`, value: i }));
    const error = refusal(() => parseBackupJson(serializeBackup(data, new Date(0))));
    expect(error.code).toBe('too-many');
    expect(error.detail).toBe('data.settings');
  });
});
