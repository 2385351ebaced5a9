/**
 * Export and import of everything the seller owns. Export reads every seller table in one read transaction (a
 * consistent snapshot); import validates the whole file first (core/backup), shows a plan, then writes the plan
 * in one transaction: either every row lands or none does.
 */
import { planImport, type ImportPlan } from '@/core/backup/merge';
import { parseNetscapeBookmarks, serializeNetscapeBookmarks } from '@/core/backup/netscape';
import { parseBackupJson, serializeBackup, type SellerData } from '@/core/backup/schema';
import { db as sharedDb } from './db';
import type { SellerNavDB } from './database';
import { newFeedRecord } from './feed-record';

export { BackupError } from '@/core/backup/errors';
export type { ImportPlan } from '@/core/backup/merge';
export type { SellerData } from '@/core/backup/schema';

const sellerTables = (database: SellerNavDB) => [
  database.bookmarks,
  database.folders,
  database.notes,
  database.dismissedTips,
  database.settings,
  database.feeds,
];

/** Everything the seller owns, as one consistent snapshot. */
export async function readSellerData(database: SellerNavDB = sharedDb): Promise<SellerData> {
  return database.transaction('r', sellerTables(database), async () => {
    const [bookmarks, folders, notes, dismissedTips, settings, feeds] = await Promise.all([
      database.bookmarks.toArray(),
      database.folders.toArray(),
      database.notes.toArray(),
      database.dismissedTips.toArray(),
      database.settings.toArray(),
      database.feeds.toArray(),
    ]);
    return {
      bookmarks,
      folders,
      notes,
      dismissedTips,
      settings,
      feeds: feeds.map(({ id, url, title, paused, addedAt }) => ({ id, url, title, paused, addedAt })),
    };
  });
}

/** The versioned JSON backup file's text. */
export async function exportBackupJson(database: SellerNavDB = sharedDb, now = new Date()): Promise<string> {
  return serializeBackup(await readSellerData(database), now);
}

/** Bookmarks and folders as a Netscape bookmark file (for other browsers, Raindrop, Toby…). */
export async function exportBookmarksHtml(database: SellerNavDB = sharedDb): Promise<string> {
  return serializeNetscapeBookmarks(await readSellerData(database));
}

export type ImportKind = 'json' | 'html';

/** JSON or bookmark HTML, by the file's name, else by its first characters. */
export function detectImportKind(fileName: string, text: string): ImportKind {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.html?$/i.test(fileName)) return 'html';
  return /^\uFEFF?\s*</.test(text) ? 'html' : 'json';
}

export interface ImportPreview {
  kind: ImportKind;
  /** The file's rows, validated; pass them to applyImport. */
  incoming: SellerData;
  /** What applying would add and what it would leave out as already there, against the data as it is now. */
  plan: ImportPlan;
  /** Bookmark HTML only: links left out because they are not http(s). */
  skippedLinks: number;
}

/** Reads and validates a file and plans the import; writes nothing. Throws BackupError when it cannot be used. */
export async function previewImport(
  text: string,
  kind: ImportKind,
  database: SellerNavDB = sharedDb,
): Promise<ImportPreview> {
  let incoming: SellerData;
  let skippedLinks = 0;
  if (kind === 'json') {
    incoming = parseBackupJson(text);
  } else {
    const parsed = parseNetscapeBookmarks(text, { newId: () => crypto.randomUUID(), now: Date.now() });
    incoming = parsed.data;
    skippedLinks = parsed.skippedLinks;
  }
  const plan = planImport(await readSellerData(database), incoming, () => crypto.randomUUID());
  return { kind, incoming, plan, skippedLinks };
}

/**
 * Adds what the file brings and the seller lacks, in one transaction; returns the plan that was written. The
 * plan is made again inside the transaction, against the data as it is at that moment.
 */
export async function applyImport(
  incoming: SellerData,
  database: SellerNavDB = sharedDb,
): Promise<ImportPlan> {
  return database.transaction('rw!', sellerTables(database), async () => {
    const plan = planImport(await readSellerData(database), incoming, () => crypto.randomUUID());
    const { add } = plan;
    await database.folders.bulkAdd(add.folders);
    await database.bookmarks.bulkAdd(add.bookmarks);
    await database.notes.bulkAdd(add.notes);
    await database.dismissedTips.bulkAdd(add.dismissedTips);
    await database.settings.bulkAdd(add.settings);
    await database.feeds.bulkAdd(add.feeds.map(newFeedRecord));
    return plan;
  });
}
