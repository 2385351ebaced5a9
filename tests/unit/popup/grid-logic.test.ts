import { dropTarget, keyMoveTarget, sectionsOf } from '@/components/popup/QuickLaunchGrid';
import type { BookmarkRecord, FolderRecord } from '@/storage/bookmarks';

const folder = (id: string, order: number): FolderRecord => ({ id, name: id, order, createdAt: 0 });
const bm = (id: string, folderId: string | null, order: number): BookmarkRecord => ({
  id,
  itemId: null,
  url: `https://${id}.example/`,
  title: id,
  note: '',
  folderId,
  order,
  createdAt: 0,
  updatedAt: 0,
});

const folders = [folder('f1', 0), folder('f2', 1)];
const bookmarks = [bm('u1', null, 0), bm('a', 'f1', 0), bm('b', 'f1', 1), bm('c', 'f1', 2), bm('x', 'f2', 0)];
const sections = sectionsOf(bookmarks, folders);

describe('where a drag lands', () => {
  test('onto a tool of the same folder: that tool’s place (dnd-kit arrayMove semantics)', () => {
    expect(dropTarget(sections, 'a', 'c')).toEqual({ folderId: 'f1', index: 2 });
    expect(dropTarget(sections, 'c', 'a')).toEqual({ folderId: 'f1', index: 0 });
    expect(dropTarget(sections, 'b', 'b')).toBeNull();
  });

  test('onto a tool of another folder: before it; onto a folder: last in it', () => {
    expect(dropTarget(sections, 'b', 'x')).toEqual({ folderId: 'f2', index: 0 });
    expect(dropTarget(sections, 'b', 'folder:f2')).toEqual({ folderId: 'f2', index: 1 });
    expect(dropTarget(sections, 'x', 'folder:')).toEqual({ folderId: null, index: 1 });
    expect(dropTarget(sections, 'c', 'folder:f1')).toBeNull();
    expect(dropTarget(sections, 'a', 'folder:gone')).toBeNull();
  });
});

describe('keyboard moves', () => {
  test('earlier/later stay in the folder and stop at its ends', () => {
    expect(keyMoveTarget(sections, bookmarks[2]!, 'earlier')).toEqual({ folderId: 'f1', index: 0 });
    expect(keyMoveTarget(sections, bookmarks[1]!, 'earlier')).toBeNull();
    expect(keyMoveTarget(sections, bookmarks[3]!, 'later')).toBeNull();
  });

  test('previous/next folder append to that folder; unfiled comes first', () => {
    expect(keyMoveTarget(sections, bookmarks[1]!, 'previous-folder')).toEqual({ folderId: null, index: 1 });
    expect(keyMoveTarget(sections, bookmarks[1]!, 'next-folder')).toEqual({ folderId: 'f2', index: 1 });
    expect(keyMoveTarget(sections, bookmarks[4]!, 'next-folder')).toBeNull();
    expect(keyMoveTarget(sections, bookmarks[0]!, 'previous-folder')).toBeNull();
  });
});
