import { Parser } from 'htmlparser2';
import { escapeAttribute, escapeText } from 'entities';
import { BackupError } from './errors';
import {
  BACKUP_LIMITS,
  checkImportText,
  emptySellerData,
  type BackupFolder,
  type SellerData,
} from './schema';
import { isHttpUrl } from './urls';

/**
 * Netscape bookmark files: the HTML every browser, Raindrop and Toby read and write. Folders nest there; here
 * a folder is one level deep, so a nested folder becomes one folder named by its path ("Tools / Logistics").
 * A folder's or bookmark's description (`<DD>`) is the bookmark's note. Read with a real HTML parser
 * (htmlparser2), since these files are loose HTML: unclosed `<DT>`, `<p>` everywhere, entities in titles.
 */

const FOLDER_PATH_SEPARATOR = ' / ';
/** Our own attribute: which catalog item a bookmark points at (other readers ignore unknown attributes). */
const ITEM_ATTRIBUTE = 'data-sellernav-item';

export interface NetscapeImport {
  /** Folders and bookmarks read from the file (notes, tips, settings and feeds stay empty). */
  data: SellerData;
  /** Links left out because they do not open an http(s) page (bookmarklets, `place:`, `file:`…). */
  skippedLinks: number;
}

export interface ImportIdentity {
  newId: () => string;
  now: number;
}

/** Epoch ms from a Netscape `ADD_DATE` (seconds; some writers use ms or µs), or null. */
function timestampOf(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,17}$/.test(raw.trim())) return null;
  let n = Number(raw);
  while (n > 1e14) n = Math.floor(n / 1000); // µs → ms
  return n < 1e11 ? n * 1000 : n; // seconds → ms
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export function parseNetscapeBookmarks(raw: string, identity: ImportIdentity): NetscapeImport {
  const text = checkImportText(raw);
  const data = emptySellerData();
  const foldersByPath = new Map<string, BackupFolder>();
  const countIn = new Map<string | null, number>();
  let skippedLinks = 0;
  let sawBookmarkMarkup = /<!doctype\s+netscape-bookmark-file/i.test(text.slice(0, 1024));

  /** Folder paths of the open `<DL>`s; the root list has path []. */
  const stack: string[][] = [];
  let pendingFolder: string[] | null = null;
  let capture: 'h3' | 'a' | 'dd' | null = null;
  let captured = '';
  let link: {
    href: string;
    addDate: string | undefined;
    modified: string | undefined;
    item: string | undefined;
  } | null = null;
  let lastBookmark: SellerData['bookmarks'][number] | null = null;
  let rawTextDepth = 0;

  const currentPath = () => stack.at(-1) ?? [];

  const folderFor = (path: string[]): BackupFolder | null => {
    if (path.length === 0) return null;
    const name = clip(path.join(FOLDER_PATH_SEPARATOR), BACKUP_LIMITS.title);
    let folder = foldersByPath.get(name);
    if (!folder) {
      folder = { id: identity.newId(), name, order: foldersByPath.size, createdAt: identity.now };
      foldersByPath.set(name, folder);
      data.folders.push(folder);
    }
    return folder;
  };

  const endNote = () => {
    if (capture === 'dd' && lastBookmark) lastBookmark.note = clip(captured.trim(), BACKUP_LIMITS.note);
    if (capture === 'dd') capture = null;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'script' || name === 'style') rawTextDepth++;
        if (name === 'dt' || name === 'dl' || name === 'h3' || name === 'a') endNote();
        if (name === 'dl') {
          sawBookmarkMarkup = true;
          const path: string[] = pendingFolder ?? currentPath();
          if (stack.length >= BACKUP_LIMITS.depth) {
            throw new BackupError('too-deep', `Folders nest deeper than ${BACKUP_LIMITS.depth} levels.`);
          }
          stack.push(path);
          pendingFolder = null;
        } else if (name === 'h3') {
          sawBookmarkMarkup = true;
          capture = 'h3';
          captured = '';
        } else if (name === 'a' && attribs.href !== undefined) {
          sawBookmarkMarkup = true;
          capture = 'a';
          captured = '';
          link = {
            href: attribs.href,
            addDate: attribs.add_date,
            modified: attribs.last_modified,
            item: attribs[ITEM_ATTRIBUTE],
          };
        } else if (name === 'dd') {
          capture = 'dd';
          captured = '';
        }
      },
      ontext(chunk) {
        if (capture !== null && rawTextDepth === 0) captured += chunk;
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') rawTextDepth = Math.max(0, rawTextDepth - 1);
        if (name === 'h3' && capture === 'h3') {
          capture = null;
          const folderName = squash(captured) || '—';
          pendingFolder = [...currentPath(), folderName];
          folderFor(pendingFolder);
          lastBookmark = null;
        } else if (name === 'a' && capture === 'a' && link) {
          capture = null;
          lastBookmark = null;
          const href = link.href.trim();
          if (href.length > BACKUP_LIMITS.url || !isHttpUrl(href)) {
            skippedLinks++;
          } else {
            if (data.bookmarks.length >= BACKUP_LIMITS.rows) {
              throw new BackupError('too-many', `The file holds more than ${BACKUP_LIMITS.rows} bookmarks.`);
            }
            const folder = folderFor(currentPath());
            const folderId = folder?.id ?? null;
            const order = countIn.get(folderId) ?? 0;
            countIn.set(folderId, order + 1);
            const createdAt = timestampOf(link.addDate) ?? identity.now;
            const item = link.item?.trim();
            lastBookmark = {
              id: identity.newId(),
              itemId: item ? clip(item, BACKUP_LIMITS.id) : null,
              url: new URL(href).href,
              title: clip(squash(captured) || new URL(href).host, BACKUP_LIMITS.title),
              note: '',
              folderId,
              order,
              createdAt,
              updatedAt: timestampOf(link.modified) ?? createdAt,
            };
            data.bookmarks.push(lastBookmark);
          }
          link = null;
        } else if (name === 'dd') {
          endNote();
        } else if (name === 'dl') {
          endNote();
          stack.pop();
          lastBookmark = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(text);
  parser.end();
  endNote();

  if (!sawBookmarkMarkup) {
    throw new BackupError('not-bookmark-html', 'The file is not a bookmark file (Netscape bookmark HTML).');
  }
  if (data.bookmarks.length === 0) {
    throw new BackupError(
      'no-links',
      skippedLinks > 0
        ? `The file holds no http(s) bookmarks (${skippedLinks} other links left out).`
        : 'The file holds no bookmarks.',
      String(skippedLinks),
    );
  }
  return { data, skippedLinks };
}

const seconds = (ms: number) => String(Math.floor(ms / 1000));

/**
 * Writes folders and bookmarks as a Netscape bookmark file. Bookmarks without a web address (a catalog guide
 * read in the sidebar) have nothing another browser could open and are left out.
 */
export function serializeNetscapeBookmarks(data: Pick<SellerData, 'bookmarks' | 'folders'>): string {
  const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
  ];
  const writeBookmarks = (folderId: string | null, indent: string) => {
    for (const b of data.bookmarks.filter((x) => x.folderId === folderId && x.url !== '').sort(byOrder)) {
      const item = b.itemId === null ? '' : ` DATA-SELLERNAV-ITEM="${escapeAttribute(b.itemId)}"`;
      lines.push(
        `${indent}<DT><A HREF="${escapeAttribute(b.url)}" ADD_DATE="${seconds(b.createdAt)}" LAST_MODIFIED="${seconds(b.updatedAt)}"${item}>${escapeText(b.title)}</A>`,
      );
      if (b.note !== '') lines.push(`${indent}<DD>${escapeText(b.note)}`);
    }
  };
  writeBookmarks(null, '    ');
  for (const folder of [...data.folders].sort(byOrder)) {
    lines.push(`    <DT><H3 ADD_DATE="${seconds(folder.createdAt)}">${escapeText(folder.name)}</H3>`);
    lines.push('    <DL><p>');
    writeBookmarks(folder.id, '        ');
    lines.push('    </DL><p>');
  }
  lines.push('</DL><p>', '');
  return lines.join('\n');
}
