import { parseNetscapeBookmarks, serializeNetscapeBookmarks } from '@/core/backup/netscape';
import type { SellerData } from '@/core/backup/schema';

let n = 0;
const identity = () => ({ newId: () => `new-${++n}`, now: 1_700_000_000_000 });

const folders: SellerData['folders'] = [
  { id: 'f-b', name: '物流 & 货代', order: 1, createdAt: 1_690_000_000_000 },
  { id: 'f-a', name: 'Tools <daily>', order: 0, createdAt: 1_680_000_000_000 },
];
const bookmarks: SellerData['bookmarks'] = [
  {
    id: 'b1',
    itemId: 'tool-sellersprite',
    url: 'https://www.sellersprite.com/cn/?a=1&b=%222%22&c=%3C&d=%E4%B8%AD',
    title: '卖家精灵 <选品> & "关键词"',
    note: '每天早上看\n第二行 <b>not bold</b>',
    folderId: 'f-a',
    order: 1,
    createdAt: 1_700_000_001_000,
    updatedAt: 1_700_000_002_000,
  },
  {
    id: 'b2',
    itemId: null,
    url: 'https://www.payoneer.com/',
    title: 'Payoneer 派安盈',
    note: '',
    folderId: 'f-a',
    order: 0,
    createdAt: 1_700_000_003_000,
    updatedAt: 1_700_000_003_000,
  },
  {
    id: 'b3',
    itemId: null,
    url: 'https://www.17track.net/zh-cn',
    title: '17TRACK',
    note: '查物流',
    folderId: 'f-b',
    order: 0,
    createdAt: 1_700_000_004_000,
    updatedAt: 1_700_000_004_000,
  },
  {
    id: 'b4',
    itemId: null,
    url: 'https://sellercentral.amazon.com/home',
    title: 'Seller Central',
    note: '',
    folderId: null,
    order: 0,
    createdAt: 1_700_000_005_000,
    updatedAt: 1_700_000_005_000,
  },
];

/** What a Netscape file can carry: no ids, dates to the second. */
function portable(data: Pick<SellerData, 'bookmarks' | 'folders'>) {
  const folderName = new Map(data.folders.map((f) => [f.id, f.name]));
  const folderOrder = [...data.folders].sort((a, b) => a.order - b.order).map((f) => f.name);
  return {
    folders: folderOrder,
    bookmarks: [...data.bookmarks]
      .map((b) => ({
        folder: b.folderId === null ? null : folderName.get(b.folderId),
        order: b.order,
        itemId: b.itemId,
        url: b.url,
        title: b.title,
        note: b.note,
        createdAt: Math.floor(b.createdAt / 1000),
        updatedAt: Math.floor(b.updatedAt / 1000),
      }))
      .sort((a, b) => String(a.folder).localeCompare(String(b.folder)) || a.order - b.order),
  };
}

describe('Netscape bookmark HTML', () => {
  test('export → import gives back the same folders, order, titles, addresses, notes and dates', () => {
    const html = serializeNetscapeBookmarks({ bookmarks, folders });
    expect(html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>')).toBe(true);
    const { data, skippedLinks } = parseNetscapeBookmarks(html, identity());
    expect(skippedLinks).toBe(0);
    expect(portable(data)).toEqual(portable({ bookmarks, folders }));
  });

  test('reads a browser export: nested folders become paths, DD is the note, bookmarklets are left out', () => {
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1690000000" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><A HREF="https://www.amazon.com/" ADD_DATE="1690000001">Amazon</A>
        <DT><H3>跨境 &amp; 物流</H3>
        <DL><p>
            <DT><A HREF="https://www.4px.com/" ADD_DATE="1690000002">递四方 4PX</A>
            <DD>报价&lt;便宜&gt;
            <DT><A HREF="javascript:void(0)">bookmarklet</A>
            <DT><A HREF="HTTPS://WWW.Example.COM:443/Path">Example</A>
        </DL><p>
    </DL><p>
    <DT><A HREF="https://loose.example/">Loose <script>alert(1)</script>one</A>
</DL><p>`;
    const { data, skippedLinks } = parseNetscapeBookmarks(html, identity());
    expect(skippedLinks).toBe(1);
    expect(data.folders.map((f) => f.name)).toEqual(['Bookmarks bar', 'Bookmarks bar / 跨境 & 物流']);
    const [bar, nested] = data.folders;
    expect(data.bookmarks.map((b) => [b.title, b.folderId, b.order, b.note, b.url])).toEqual([
      ['Amazon', bar!.id, 0, '', 'https://www.amazon.com/'],
      ['递四方 4PX', nested!.id, 0, '报价<便宜>', 'https://www.4px.com/'],
      ['Example', nested!.id, 1, '', 'https://www.example.com/Path'],
      ['Loose one', null, 0, '', 'https://loose.example/'],
    ]);
    expect(data.bookmarks[0]!.createdAt).toBe(1_690_000_001_000);
  });

  test('reads Chrome, Firefox, Raindrop and Pocket shapes: icons, separators, tags, lists without folders', () => {
    const icon = `data:image/png;base64,${'iVBORw0KGgo'.repeat(200)}`;
    const chrome = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<DL><p>
<DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000001" PERSONAL_TOOLBAR_FOLDER="true">书签栏</H3>
<DL><p>
<DT><A HREF="https://www.sellersprite.com/" ADD_DATE="1700000002" ICON="${icon}">卖家精灵</A>
<HR>
<DT><A HREF="https://www.payoneer.com/" ADD_DATE="1700000003" SHORTCUTURL="pay" TAGS="收款,payments" DATA-COVER="https://x.example/c.png">Payoneer</A>
<DD>Raindrop note &amp; more
</DL><p>
</DL><p>`;
    const { data } = parseNetscapeBookmarks(chrome, identity());
    expect(data.bookmarks.map((b) => [b.title, b.note])).toEqual([
      ['卖家精灵', ''],
      ['Payoneer', 'Raindrop note & more'],
    ]);
    const pocket = `<!DOCTYPE html><html><body><h1>Unread</h1><ul>
<li><a href="https://a.example/1" time_added="1700000000" tags="x">One</a></li>
<li><a href="https://a.example/2" time_added="1700000001">Two</a></li></ul></body></html>`;
    expect(
      parseNetscapeBookmarks(pocket, identity()).data.bookmarks.map((b) => [b.title, b.folderId]),
    ).toEqual([
      ['One', null],
      ['Two', null],
    ]);
  });

  test('a bookmark with no title is named by its host', () => {
    const { data } = parseNetscapeBookmarks(
      '<DL><DT><A HREF="https://notitle.example/x"></A></DL>',
      identity(),
    );
    expect(data.bookmarks[0]!.title).toBe('notitle.example');
  });
});
