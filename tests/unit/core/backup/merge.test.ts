import { countAdded, planImport } from '@/core/backup/merge';
import { emptySellerData, type SellerData } from '@/core/backup/schema';

let n = 0;
const newId = () => `gen-${++n}`;

const bookmark = (
  id: string,
  url: string,
  folderId: string | null,
  order: number,
  itemId: string | null = null,
) => ({
  id,
  itemId,
  url,
  title: id,
  note: '',
  folderId,
  order,
  createdAt: 1,
  updatedAt: 1,
});

function data(partial: Partial<SellerData>): SellerData {
  return { ...emptySellerData(), ...partial };
}

describe('planning an import', () => {
  test('into an empty database everything is added as it was (ids and orders kept)', () => {
    const incoming = data({
      folders: [{ id: 'f1', name: 'A', order: 3, createdAt: 1 }],
      bookmarks: [
        bookmark('b1', 'https://a.example/', 'f1', 5),
        bookmark('b2', 'https://b.example/', null, 2),
      ],
      settings: [{ key: 'ui.language', value: 'en' }],
    });
    const plan = planImport(emptySellerData(), incoming, newId);
    expect(plan.add.folders).toEqual(incoming.folders);
    expect([...plan.add.bookmarks].sort((a, b) => a.id.localeCompare(b.id))).toEqual(incoming.bookmarks);
    expect(plan.add.settings).toEqual(incoming.settings);
    expect(countAdded(plan)).toBe(4);
  });

  test('importing the same file twice adds nothing the second time', () => {
    const incoming = data({
      folders: [{ id: 'f1', name: 'A', order: 0, createdAt: 1 }],
      bookmarks: [bookmark('b1', 'https://a.example/', 'f1', 0)],
      dismissedTips: [{ id: 't1', guideId: 'g', scope: 'never', pageKey: null, until: null, createdAt: 1 }],
      notes: [{ itemId: 'i1', text: 'x', updatedAt: 1 }],
      feeds: [{ id: 'feed', url: 'https://nav.example/feed.json', title: 'Nav', paused: false, addedAt: 1 }],
    });
    const plan = planImport(incoming, incoming, newId);
    expect(countAdded(plan)).toBe(0);
    expect(plan.skipped).toMatchObject({ folders: 1, bookmarks: 1, dismissedTips: 1, notes: 1, feeds: 1 });
  });

  test('same address, same item or same folder name counts as already there; new rows go after existing ones', () => {
    const existing = data({
      folders: [{ id: 'mine', name: 'Tools', order: 0, createdAt: 1 }],
      bookmarks: [
        bookmark('m1', 'https://a.example/', 'mine', 0),
        bookmark('m2', 'https://item.example/', 'mine', 1, 'item-1'),
      ],
      settings: [{ key: 'ui.language', value: 'zh-CN' }],
    });
    const incoming = data({
      folders: [
        { id: 'theirs', name: '  tools ', order: 0, createdAt: 2 },
        { id: 'mine', name: 'Other', order: 1, createdAt: 2 },
      ],
      bookmarks: [
        bookmark('x1', 'https://A.example', 'theirs', 0),
        bookmark('x2', 'https://elsewhere.example/', 'theirs', 1, 'item-1'),
        bookmark('x3', 'https://new.example/#top', 'theirs', 2),
        bookmark('x4', 'https://new.example/', 'mine', 3),
        bookmark('x5', 'https://other.example/', 'mine', 4),
      ],
      settings: [{ key: 'ui.language', value: 'en' }],
    });
    const plan = planImport(existing, incoming, newId);
    expect(plan.skipped).toMatchObject({ folders: 1, bookmarks: 3, settings: 1 });
    expect(plan.add.settings).toEqual([]);
    // "Other" reused the id "mine", which is taken: it gets a fresh one, and its bookmark follows it.
    const other = plan.add.folders[0]!;
    expect(other).toMatchObject({ name: 'Other', order: 1 });
    expect(other.id).not.toBe('mine');
    expect(plan.add.bookmarks.map((b) => [b.id, b.folderId, b.order])).toEqual([
      ['x3', 'mine', 2],
      ['x5', other.id, 4],
    ]);
  });
});
