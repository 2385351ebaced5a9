import * as v from 'valibot';
import { isHttpUrl } from './urls';
import { BackupError } from './errors';

/**
 * The SellerNav backup file: everything the seller owns, versioned. Version 1:
 *
 * { "format": "sellernav-backup", "version": 1, "exportedAt": "<ISO 8601>",
 *   "data": { "bookmarks": [...], "folders": [...], "notes": [...], "dismissedTips": [...],
 *             "settings": [...], "feeds": [...] } }
 *
 * Records mirror the database rows (storage/types.ts) field for field, except feeds, which carry only the
 * subscription (id, url, title, paused, addedAt): sync bookkeeping such as the ETag belongs to the cached
 * catalog, which a backup does not carry, so restoring it would make the next sync skip a catalog it never had.
 */
export const BACKUP_FORMAT = 'sellernav-backup';
export const BACKUP_VERSION = 1;

/** What an import accepts at most; anything larger is refused before it is read. */
export const BACKUP_LIMITS = {
  /**
   * Bytes of the file (JSON or HTML). A SellerNav backup is a few hundred KB; a browser's bookmark export
   * carries a base64 icon per bookmark (Chrome's ICON="data:…"), a few MB for a few thousand bookmarks.
   */
  fileBytes: 20 * 1024 * 1024,
  rows: 20_000,
  /** Folder nesting in a Netscape file. */
  depth: 32,
  id: 200,
  title: 1_000,
  note: 10_000,
  url: 4_096,
  /** A setting's value, as JSON. */
  settingJson: 100_000,
} as const;

const Id = v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(BACKUP_LIMITS.id, 'is too long'));
const Timestamp = v.pipe(v.number(), v.finite(), v.minValue(0, 'is negative'));
const Order = v.pipe(v.number(), v.finite());
const Title = v.pipe(v.string(), v.maxLength(BACKUP_LIMITS.title, 'is too long'));
const Note = v.pipe(v.string(), v.maxLength(BACKUP_LIMITS.note, 'is too long'));

const BookmarkSchema = v.pipe(
  v.object({
    id: Id,
    itemId: v.nullable(Id),
    url: v.pipe(v.string(), v.maxLength(BACKUP_LIMITS.url, 'is too long')),
    title: Title,
    note: Note,
    folderId: v.nullable(Id),
    order: Order,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
  // A bookmark of a catalog guide without a web address has an empty url; every other url is http(s).
  v.forward(
    v.check((b) => (b.url === '' ? b.itemId !== null : isHttpUrl(b.url)), 'is not an http(s) URL'),
    ['url'],
  ),
);

const FolderSchema = v.object({
  id: Id,
  name: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'is empty'),
    v.maxLength(BACKUP_LIMITS.title, 'is too long'),
  ),
  order: Order,
  createdAt: Timestamp,
});

const NoteSchema = v.object({ itemId: Id, text: Note, updatedAt: Timestamp });

const DismissedTipSchema = v.object({
  id: Id,
  guideId: Id,
  scope: v.picklist(['page', 'snooze', 'never'], 'is not page, snooze or never'),
  pageKey: v.nullable(v.pipe(v.string(), v.maxLength(BACKUP_LIMITS.url, 'is too long'))),
  until: v.nullable(Timestamp),
  createdAt: Timestamp,
});

const SettingSchema = v.object({
  key: Id,
  value: v.pipe(
    v.unknown(),
    v.check(
      (value) => value !== undefined && JSON.stringify(value).length <= BACKUP_LIMITS.settingJson,
      'is missing or too large',
    ),
  ),
});

/**
 * The catalog bundled with the extension is a feed too, at `bundled:catalog/<file>.json` (read from the
 * extension's own files, never the network); every other feed is http(s).
 */
const BUNDLED_FEED = /^bundled:catalog\/[a-z0-9][a-z0-9._-]{0,100}\.json$/;

const FeedUrl = v.pipe(
  v.string(),
  v.maxLength(BACKUP_LIMITS.url, 'is too long'),
  v.check((url) => BUNDLED_FEED.test(url) || isHttpUrl(url), 'is not an http(s) URL'),
);

const FeedSchema = v.object({
  id: Id,
  url: FeedUrl,
  title: Title,
  paused: v.boolean(),
  addedAt: Timestamp,
});

const Rows = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(v.array(schema), v.maxLength(BACKUP_LIMITS.rows, 'has too many rows'));

export const SellerDataSchema = v.object({
  bookmarks: Rows(BookmarkSchema),
  folders: Rows(FolderSchema),
  notes: Rows(NoteSchema),
  dismissedTips: Rows(DismissedTipSchema),
  settings: Rows(SettingSchema),
  feeds: Rows(FeedSchema),
});

export const BackupFileSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.string(),
  data: SellerDataSchema,
});

export type BackupBookmark = v.InferOutput<typeof BookmarkSchema>;
export type BackupFolder = v.InferOutput<typeof FolderSchema>;
export type BackupNote = v.InferOutput<typeof NoteSchema>;
export type BackupDismissedTip = v.InferOutput<typeof DismissedTipSchema>;
export interface BackupSetting {
  key: string;
  value: unknown;
}
export type BackupFeed = v.InferOutput<typeof FeedSchema>;

/** Everything the seller owns, as a backup carries it. */
export interface SellerData {
  bookmarks: BackupBookmark[];
  folders: BackupFolder[];
  notes: BackupNote[];
  dismissedTips: BackupDismissedTip[];
  settings: BackupSetting[];
  feeds: BackupFeed[];
}

export type SellerDataKind = keyof SellerData;
export const SELLER_DATA_KINDS: readonly SellerDataKind[] = [
  'folders',
  'bookmarks',
  'notes',
  'dismissedTips',
  'settings',
  'feeds',
];

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  data: SellerData;
}

export function emptySellerData(): SellerData {
  return { bookmarks: [], folders: [], notes: [], dismissedTips: [], settings: [], feeds: [] };
}

/** The backup file for `data`, as text (pretty-printed: sellers do open these files). */
export function serializeBackup(data: SellerData, exportedAt: Date): string {
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    data,
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Keys that would reach an object's prototype if some later code copied the parsed object carelessly. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

function tooLarge(): never {
  const mb = String(BACKUP_LIMITS.fileBytes / 1024 / 1024);
  throw new BackupError('too-large', `The file is larger than ${mb} MB.`, mb);
}

/** Refuses a file by its size in bytes, before it is read into memory. */
export function checkImportSize(bytes: number): void {
  if (bytes === 0) throw new BackupError('empty', 'The file is empty.');
  if (bytes > BACKUP_LIMITS.fileBytes) tooLarge();
}

/** Refusals every import shares: nothing to read, too big to read, or not text at all. */
export function checkImportText(text: string): string {
  if (text.trim() === '') throw new BackupError('empty', 'The file is empty.');
  // A string never has more UTF-16 units than its UTF-8 bytes, so this refuses only what the byte check would.
  if (text.length > BACKUP_LIMITS.fileBytes) tooLarge();
  if (text.includes('\u0000')) throw new BackupError('binary', 'The file is not text.');
  return text.replace(/^\uFEFF/, '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text, function (key, value: unknown) {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    });
  } catch (error) {
    if (error instanceof ForbiddenKey) {
      throw new BackupError(
        'forbidden-key',
        `The file contains the forbidden key "${error.key}".`,
        error.key,
      );
    }
    // JSON that stops early ends without its closing bracket; anything else is simply not JSON.
    const end = text.trimEnd().at(-1);
    const looksJson = /^\s*[[{]/.test(text);
    if (looksJson && end !== '}' && end !== ']') {
      throw new BackupError('truncated', 'The file is cut short (truncated JSON).');
    }
    throw new BackupError('not-json', 'The file is not JSON.');
  }
}

function firstIssue(issues: readonly v.BaseIssue<unknown>[]): { path: string; message: string } {
  const issue = issues[0]!;
  return { path: v.getDotPath(issue) ?? '', message: issue.message };
}

function checkUnique<T>(rows: T[], keyOf: (row: T) => string, table: string, field: string): void {
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = keyOf(row);
    if (seen.has(key)) {
      throw new BackupError(
        'duplicate-id',
        `data.${table}.${index}.${field}: "${key}" appears twice.`,
        `data.${table}.${index}.${field}`,
      );
    }
    seen.add(key);
  });
}

/** Cross-row rules a schema of single rows cannot state: unique keys, folders that exist. */
function checkIntegrity(data: SellerData): void {
  checkUnique(data.bookmarks, (b) => b.id, 'bookmarks', 'id');
  checkUnique(data.folders, (f) => f.id, 'folders', 'id');
  checkUnique(data.notes, (n) => n.itemId, 'notes', 'itemId');
  checkUnique(data.dismissedTips, (t) => t.id, 'dismissedTips', 'id');
  checkUnique(data.settings, (s) => s.key, 'settings', 'key');
  checkUnique(data.feeds, (f) => f.id, 'feeds', 'id');
  const folderIds = new Set(data.folders.map((f) => f.id));
  data.bookmarks.forEach((b, index) => {
    if (b.folderId !== null && !folderIds.has(b.folderId)) {
      const path = `data.bookmarks.${index}.folderId`;
      throw new BackupError('dangling-folder', `${path}: folder "${b.folderId}" is not in the file.`, path);
    }
  });
}

/**
 * Reads a backup file's text into seller data, or throws a BackupError saying why it cannot be used. Nothing
 * is half-read: the whole file is validated before anything is returned.
 */
export function parseBackupJson(raw: string): SellerData {
  const text = checkImportText(raw);
  const json = parseJson(text);
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !('format' in json)) {
    throw new BackupError('not-backup', 'The file is not a SellerNav backup.');
  }
  if (json.format !== BACKUP_FORMAT)
    throw new BackupError('not-backup', 'The file is not a SellerNav backup.');
  const version = 'version' in json ? json.version : undefined;
  if (version !== BACKUP_VERSION) {
    throw new BackupError(
      'version-unsupported',
      `Backup version ${JSON.stringify(version) ?? 'missing'} is not one this SellerNav reads (it reads ${BACKUP_VERSION}).`,
      String(version),
    );
  }
  const parsed = v.safeParse(BackupFileSchema, json);
  if (!parsed.success) {
    const { path, message } = firstIssue(parsed.issues);
    if (message === 'has too many rows') {
      throw new BackupError('too-many', `${path} has more than ${BACKUP_LIMITS.rows} rows.`, path);
    }
    throw new BackupError('invalid', `${path || 'The file'}: ${message}.`, path);
  }
  const data = parsed.output.data as SellerData;
  checkIntegrity(data);
  return data;
}
