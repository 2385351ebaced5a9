import { buildMatchIndex, matchPage, MIN_SCORE, type PageSnapshot } from '@/core/match';
import { SELLER_CENTRAL_HOSTS } from '@/core/sellercentral-hosts';
import { NAV_SITE_CATALOG, guide } from './guides';

const index = buildMatchIndex(NAV_SITE_CATALOG);

const page = (
  url: string,
  title = '',
  headings: string[] = [],
  breadcrumbs: string[] = [],
): PageSnapshot => ({
  url,
  title,
  headings,
  breadcrumbs,
});

const ids = (snapshot: PageSnapshot) => matchPage(snapshot, index).map((m) => m.id);

/** (page, the guide that must come first) in the UI languages sellers use. */
const firstGuideCases: [string, PageSnapshot, string][] = [
  [
    'forgot password, English',
    page('https://sellercentral.amazon.com/ap/forgotpassword?ie=UTF8', 'Amazon Password Assistance', [
      'Password assistance',
    ]),
    'guide-password-reset',
  ],
  [
    'forgot password, German, EU unified host',
    page('https://sellercentral-europe.amazon.com/ap/forgotpassword', 'Amazon Hilfe zum Passwort', [
      'Hilfe zum Passwort',
    ]),
    'guide-password-reset',
  ],
  [
    'forgot password, Japanese, JP unified host',
    page('https://sellercentral-japan.amazon.com/ap/forgotpassword', 'パスワードアシスタンス', [
      'パスワードをお忘れですか',
    ]),
    'guide-password-reset',
  ],
  [
    'forgot password, Chinese UI, host in capitals',
    page('https://SellerCentral.Amazon.COM/ap/forgotpassword', '亚马逊密码帮助', ['密码帮助']),
    'guide-password-reset',
  ],
  [
    'two-step verification, French',
    page('https://sellercentral.amazon.fr/ap/mfa', 'Vérification en deux étapes', []),
    'guide-two-step',
  ],
  [
    'Send to Amazon, English',
    page('https://sellercentral.amazon.com/fba/sendtoamazon?wf=abc', 'Send to Amazon', [
      'Send to Amazon',
      'Choose inventory to send',
    ]),
    'guide-send-to-amazon',
  ],
  [
    'Send to Amazon, Chinese UI',
    page('https://sellercentral.amazon.com/fba/sendtoamazon', '发/补货', ['发/补货', '选择要发送的库存']),
    'guide-send-to-amazon',
  ],
  [
    'account health dashboard, Japanese',
    page('https://sellercentral.amazon.co.jp/performance/dashboard', 'アカウント健全性', [
      'アカウント健全性',
    ]),
    'guide-account-health',
  ],
  [
    'returns by path only (tag 退货/returns), German UI',
    page('https://sellercentral.amazon.de/returns/list', 'Rücksendungen verwalten', [
      'Rücksendungen verwalten',
    ]),
    'guide-returns',
  ],
  [
    'returns, Japanese UI',
    page('https://sellercentral.amazon.co.jp/returns', '返品管理', ['返品管理']),
    'guide-returns',
  ],
  [
    'returns, Spanish UI, unknown path: page text alone names the topic',
    page('https://sellercentral.amazon.es/gestion/xyz', 'Gestionar devoluciones', ['Devoluciones']),
    'guide-returns',
  ],
  [
    'inventory, German UI (keyword and path-free topic)',
    page('https://sellercentral.amazon.de/inventory', 'Lagerbestand verwalten', ['Lagerbestand verwalten']),
    'guide-inventory',
  ],
  [
    'payments, Italian UI',
    page('https://sellercentral.amazon.it/payments/dashboard/index.html', 'Pagamenti', [
      'Riepilogo pagamenti',
    ]),
    'guide-payments',
  ],
  [
    'advertising, Chinese UI under /cm/',
    page('https://sellercentral.amazon.com/cm/campaigns', '广告活动管理', ['广告活动']),
    'guide-ads',
  ],
  [
    'VAT guide limited to European hosts, on .de',
    page('https://sellercentral.amazon.de/tax/vat', 'Umsatzsteuer', ['Umsatzsteuer-Einstellungen']),
    'guide-vat',
  ],
];

describe('matchPage offers the guide that fits the page first', () => {
  test.each(firstGuideCases)('%s', (_name, snapshot, expected) => {
    const result = matchPage(snapshot, index);
    expect(result[0]?.id).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(3);
    expect(result.every((m, i) => i === 0 || result[i - 1]!.score >= m.score)).toBe(true);
    expect(result.every((m) => m.score >= MIN_SCORE)).toBe(true);
  });
});

/** Pages where nothing in this catalog fits well enough: no card. */
const noCardCases: [string, PageSnapshot][] = [
  [
    'orders (no orders guide in this catalog)',
    page('https://sellercentral.amazon.com/orders-v3', 'Manage Orders', ['Manage Orders']),
  ],
  [
    'orders, German',
    page('https://sellercentral.amazon.de/orders-v3/ref=xx', 'Bestellungen verwalten', [
      'Bestellungen verwalten',
    ]),
  ],
  [
    'unknown page with unrelated text',
    page('https://sellercentral.amazon.com/some/new/tool', 'Widget builder', ['Widget builder']),
  ],
  [
    'a page with only the Seller Central chrome',
    page('https://sellercentral.amazon.com/x', 'Amazon Seller Central', ['Seller Central']),
  ],
  [
    'the VAT guide is limited to European hosts: not on .com',
    page('https://sellercentral.amazon.com/tax/vat', 'Tax', ['Tax settings']),
  ],
];

describe('no card where nothing fits well enough', () => {
  test.each(noCardCases)('%s', (_name, snapshot) => {
    expect(matchPage(snapshot, index)).toEqual([]);
  });
});

/** The forgot-password page, as served from hosts that are not Seller Central. */
const hostileUrls = [
  'https://sellercentral.amazon.com.evil.example/ap/forgotpassword',
  'https://evil.example/sellercentral.amazon.com/ap/forgotpassword',
  'https://evil.example/?next=https://sellercentral.amazon.com/ap/forgotpassword',
  'https://evil.example/#https://sellercentral.amazon.com/ap/forgotpassword',
  'https://sellercentral.amazon.com@evil.example/ap/forgotpassword',
  'https://user:pw@sellercentral.amazon.com/ap/forgotpassword',
  'https://xsellercentral.amazon.com/ap/forgotpassword',
  'https://sellercentral.amazon.cn/ap/forgotpassword',
  'https://sellercentral.amazon.evil/ap/forgotpassword',
  'https://sellercentral-europe.amazon.com.evil.example/ap/forgotpassword',
  'https://www.amazon.com/ap/forgotpassword',
  'https://sellercentral.amazon.co.uk.attacker.io/ap/forgotpassword',
  'ftp://sellercentral.amazon.com/ap/forgotpassword',
  'javascript:alert(1)//sellercentral.amazon.com/ap/forgotpassword',
  'sellercentral.amazon.com/ap/forgotpassword',
  'not a url',
  '',
];

describe('only real Seller Central hosts get anything', () => {
  test.each(hostileUrls)('%s gets nothing', (url) => {
    expect(matchPage(page(url, 'Password assistance', ['Password assistance']), index)).toEqual([]);
  });

  test.each(SELLER_CENTRAL_HOSTS)('%s gets the password guide', (host) => {
    expect(ids(page(`https://${host}/ap/forgotpassword`))[0]).toBe('guide-password-reset');
  });
});

describe('the index', () => {
  test('tombstoned guides never appear, however well they fit', () => {
    const items = [
      guide('guide-pw-old', '亚马逊密码忘了怎么办（旧版）', ['密码'], { paths: ['/ap/forgotpassword*'] }),
      {
        ...guide('guide-pw-deleted', 'Forgot password', ['password'], { paths: ['/ap/forgotpassword*'] }),
        deleted: true,
      },
      guide('guide-pw-new', 'Forgot your password?', ['password'], { paths: ['/ap/forgotpassword*'] }),
    ];
    const withTombstone = buildMatchIndex(items, { tombstones: ['guide-pw-old'] });
    expect(withTombstone.guides.map((g) => g.id)).toEqual(['guide-pw-new']);
    expect(
      matchPage(page('https://sellercentral.amazon.com/ap/forgotpassword'), withTombstone).map((m) => m.id),
    ).toEqual(['guide-pw-new']);
  });

  test('tools are never offered as tips', () => {
    expect(index.guides.some((g) => g.id === 'tool-freight')).toBe(false);
  });

  test('survives a JSON round trip (it is stored in extension storage)', () => {
    const stored = JSON.parse(JSON.stringify(index));
    const snapshot = page('https://sellercentral.amazon.de/returns', 'Rücksendungen', ['Rücksendungen']);
    expect(matchPage(snapshot, stored)).toEqual(matchPage(snapshot, index));
  });

  test('an index of another schema version is ignored rather than misread', () => {
    const old = { ...index, schema: 0 } as unknown as typeof index;
    expect(matchPage(page('https://sellercentral.amazon.com/ap/forgotpassword'), old)).toEqual([]);
  });
});

describe('signals', () => {
  test('match.paths globs are case-insensitive and `*` spans slashes', () => {
    const only = buildMatchIndex([guide('g', 'Widget walkthrough', [], { paths: ['/WIDGETS*/dashboard'] })]);
    expect(
      matchPage(page('https://sellercentral.amazon.com/widgets/x/y/Dashboard'), only).map((m) => m.id),
    ).toEqual(['g']);
    expect(matchPage(page('https://sellercentral.amazon.com/widgets/x/y/other'), only)).toEqual([]);
  });

  test('a keyword found in the breadcrumbs raises a guide with no other signal', () => {
    const only = buildMatchIndex([guide('g', '欧洲站合规文件', [], { keywords: ['Compliance Reference'] })]);
    const snapshot = page(
      'https://sellercentral.amazon.de/xyz',
      '',
      [],
      ['Performance › Compliance Reference'],
    );
    expect(matchPage(snapshot, only).map((m) => m.id)).toEqual(['g']);
    expect(matchPage({ ...snapshot, breadcrumbs: [] }, only)).toEqual([]);
  });

  test('Latin keywords match at a word start only: "tax" is not found in "syntax"', () => {
    const only = buildMatchIndex([guide('g', '税务', [], { keywords: ['tax'] })]);
    expect(matchPage(page('https://sellercentral.amazon.com/x', 'Syntax help'), only)).toEqual([]);
    expect(matchPage(page('https://sellercentral.amazon.com/x', 'Tax settings'), only)).toHaveLength(1);
  });

  test('a guide with no match rules can fit on text relevance alone', () => {
    const only = buildMatchIndex([
      guide('g-brand-analytics', 'Brand Analytics search terms report explained', ['brand analytics']),
      guide('g-other', 'Choosing a freight forwarder', ['logistics']),
    ]);
    const snapshot = page(
      'https://sellercentral.amazon.com/brand-analytics/dashboard/query-performance',
      'Brand Analytics',
      ['Search Query Performance'],
    );
    expect(matchPage(snapshot, only).map((m) => m.id)).toEqual(['g-brand-analytics']);
  });

  test('never more than three, even when many guides fit', () => {
    const many = buildMatchIndex(
      Array.from({ length: 8 }, (_, i) =>
        guide(`pw-${i}`, `Password help ${i}`, ['password'], { paths: ['/ap/*'] }),
      ),
    );
    expect(
      matchPage(page('https://sellercentral.amazon.com/ap/forgotpassword', 'Password assistance'), many),
    ).toHaveLength(3);
  });

  test('form-field-like text is not part of the snapshot: what is not passed cannot match', () => {
    const only = buildMatchIndex([guide('g', 'Canary guide', [], { keywords: ['CANARY-7731'] })]);
    expect(matchPage(page('https://sellercentral.amazon.com/x', 'Orders'), only)).toEqual([]);
  });
});

test('keywords whose first letters no page-map word shares are found too', () => {
  const only = buildMatchIndex([guide('g', 'Zebra', [], { keywords: ['Qxv-Report', '鑫'] })]);
  expect(matchPage(page('https://sellercentral.amazon.com/x', 'The QXV-report page'), only)).toHaveLength(1);
  expect(matchPage(page('https://sellercentral.amazon.com/x', '鑫'), only)).toHaveLength(1);
});
