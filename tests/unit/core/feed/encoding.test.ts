import { charsetFromContentType, decodeFeedBytes } from '../../../../core/encoding';
import { parseFeed } from '../../../../core/feed/index';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++)
    view.setUint16((bom ? 2 : 0) + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

function utf32(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const points = [...text].map((c) => c.codePointAt(0)!);
  const out = new Uint8Array((bom ? 4 : 0) + points.length * 4);
  const view = new DataView(out.buffer);
  if (bom) view.setUint32(0, 0xfeff, littleEndian);
  points.forEach((p, i) => view.setUint32((bom ? 4 : 0) + i * 4, p, littleEndian));
  return out;
}

const rss = (title: string, decl = '<?xml version="1.0"?>') =>
  `${decl}<rss version="2.0"><channel><title>${title}</title><item><guid>1</guid><title>${title}</title></item></channel></rss>`;

describe('bytes to text', () => {
  test.each([
    ['UTF-16LE with BOM', utf16(rss('亚马逊 😀'), true, true)],
    ['UTF-16BE with BOM', utf16(rss('亚马逊 😀'), false, true)],
    ['UTF-16LE without BOM', utf16(rss('亚马逊 😀'), true, false)],
    ['UTF-16BE without BOM', utf16(rss('亚马逊 😀'), false, false)],
    ['UTF-32LE with BOM', utf32(rss('亚马逊 😀'), true, true)],
    ['UTF-32BE without BOM', utf32(rss('亚马逊 😀'), false, false)],
    ['UTF-8 with BOM', concat(Uint8Array.of(0xef, 0xbb, 0xbf), new TextEncoder().encode(rss('亚马逊 😀')))],
  ])('%s', (_name, bytes) => {
    expect(parseFeed({ bytes }).title).toBe('亚马逊 😀');
  });

  test.each([
    ['gb2312', 'd1c7c2edd1b7', '亚马逊'],
    ['GBK', 'd1c7c2edd1b7', '亚马逊'],
    ['big5', 'a8c8b0a8', '亞馬'],
    ['Shift_JIS', '8341837d835d8393', 'アマゾン'],
    ['euc-kr', 'bec6b8b6c1b8', '아마존'],
    ['windows-1251', 'c0eceec7eeed', 'АмоЗон'],
    ['windows-1252', '93e992', '“é’'],
  ])('%s declared in the XML declaration', (charset, hex, expected) => {
    const bytes = concat(
      ascii(`<?xml version="1.0" encoding="${charset}"?><rss><channel><title>`),
      Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16))),
      ascii('</title></channel></rss>'),
    );
    expect(parseFeed({ bytes }).title).toBe(expected);
  });

  test('an HTTP charset outranks the XML declaration; a BOM outranks both', () => {
    const gbk = concat(
      ascii('<?xml version="1.0" encoding="utf-8"?><rss><channel><title>'),
      Uint8Array.of(0xc3, 0xdc, 0xc2, 0xeb),
      ascii('</title></channel></rss>'),
    );
    expect(parseFeed({ bytes: gbk, contentType: 'application/rss+xml; charset="GB2312"' }).title).toBe(
      '密码',
    );
    const bom = concat(Uint8Array.of(0xef, 0xbb, 0xbf), new TextEncoder().encode(rss('密码')));
    expect(parseFeed({ bytes: bom, contentType: 'text/xml; charset=gbk' }).title).toBe('密码');
  });

  test('an unknown charset is ignored with a warning; undeclared Windows bytes are read as windows-1252', () => {
    const decoded = decodeFeedBytes(ascii(rss('x', '<?xml version="1.0" encoding="no-such-charset"?>')));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.warnings[0]).toMatch(/unknown character encoding "no-such-charset"/);
    const curly = concat(
      ascii('<rss><channel><title>don'),
      Uint8Array.of(0x92),
      ascii('t</title></channel></rss>'),
    );
    const feed = parseFeed({ bytes: curly });
    expect(feed.title).toBe('don’t');
    expect(feed.warnings.some((w) => /windows-1252/.test(w))).toBe(true);
  });

  test.each([
    ['GB2312', 'd1c7c2edd1b7c2f4bcd2baf3cca8c3dcc2ebd5d2bbd8b2bdd6e8', '亚马逊卖家后台密码找回步骤'],
    ['Big5', 'a8c8b0a8bbb9bde6ae61abe1a578b14bbd58a7e4a65ea842c64a', '亞馬遜賣家後台密碼找回步驟'],
    [
      'Shift_JIS',
      '8341837d835d839382cc835a8389815b835a839383678389838b82c583708358838f815b836882f08dc490dd92e882b782e9',
      'アマゾンのセラーセントラルでパスワードを再設定する',
    ],
    [
      'EUC-JP',
      'a5a2a5dea5bea5f3a4cea5bba5e9a1bca5bba5f3a5c8a5e9a5eba4c7a5d1a5b9a5efa1bca5c9a4f2bac6c0dfc4eaa4b9a4eb',
      'アマゾンのセラーセントラルでパスワードを再設定する',
    ],
  ])('undeclared %s is recognised from its byte pairs', (_name, hex, expected) => {
    const bytes = concat(
      ascii('<?xml version="1.0"?><rss><channel><title>'),
      Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16))),
      ascii('</title></channel></rss>'),
    );
    const feed = parseFeed({ bytes });
    expect(feed.title).toBe(expected);
    expect(feed.warnings[0]).toMatch(/declares no encoding; it was read as/);
  });

  test('undeclared accented or curly-quoted Latin text stays windows-1252, not a CJK guess', () => {
    const latin = (text: string) =>
      Uint8Array.from(text, (c) => {
        const special: Record<string, number> = { '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '…': 0x85 };
        return special[c] ?? c.charCodeAt(0);
      });
    for (const title of [
      'Été à Paris – l’année “déjà” vécue, crème brûlée',
      'Don’t miss “this” – it’s the seller’s guide…',
    ]) {
      const feed = parseFeed({
        bytes: concat(ascii('<rss><channel><title>'), latin(title), ascii('</title></channel></rss>')),
      });
      expect(feed.title).toBe(title);
      expect(feed.warnings).toContain('the feed is not valid UTF-8; it was read as windows-1252');
    }
  });

  test('reads the charset parameter however it is quoted', () => {
    expect(charsetFromContentType('text/xml; charset=GB2312')).toBe('gb2312');
    expect(charsetFromContentType("text/xml;charset='big5'; q=1")).toBe('big5');
    expect(charsetFromContentType('application/json')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });
});
