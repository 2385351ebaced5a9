import fc from 'fast-check';
import { buildMatchIndex } from '@/core/match';
import { termsInText } from '@/core/match/match';
import { searchableText } from '@/core/match/text';
import type { MatchIndex } from '@/core/match/types';
import { NAV_SITE_CATALOG } from './guides';

const index = buildMatchIndex(NAV_SITE_CATALOG);

/** A copy of the index's term table as the content script has it: freshly parsed, never scanned. */
const freshTable = (): MatchIndex => JSON.parse(JSON.stringify(index)) as MatchIndex;

/** The terms found, by scanning every term at every position: the rule termsInText must keep. */
function bruteForce(table: MatchIndex, text: string): number[] {
  const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  const found = new Set<number>();
  table.terms.forEach((term, n) => {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      const kind = table.termKinds[n];
      if (kind !== 'c' && isWord(text[at - 1])) continue;
      if (kind === 'w' && isWord(text[at + term.length])) continue;
      found.add(n);
      break;
    }
  });
  return [...found].sort((a, b) => a - b);
}

const sorted = (terms: number[]) => [...terms].sort((a, b) => a - b);

describe('termsInText', () => {
  const pages = [
    'Forgot your password? | 忘记密码 | Passwort vergessen',
    '发货 send to amazon — 创建货件 | Sendungen',
    'Rücksendungen verwalten | 退货 | returns',
    'Account health dashboard 账户状况 | アカウント健全性',
    'syntax taxes vat-registration',
  ].map(searchableText);

  it('finds the same terms on a table scanned for the first time (content script) and a scanned one', () => {
    for (const text of pages) {
      const table = freshTable();
      const first = termsInText(table, text);
      const again = termsInText(table, text);
      expect(sorted(first)).toEqual(sorted(again));
      expect(sorted(first)).toEqual(bruteForce(table, text));
    }
    expect(termsInText(freshTable(), pages[0]!).length).toBeGreaterThan(0);
  });

  it('agrees with a term-by-term scan on any mix of index terms and other text, both ways', () => {
    const pieces = [...index.terms.slice(0, 200), ' ', '|', 's', 'x', '的', 'ing', '-'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const table = freshTable();
        const expected = bruteForce(table, text);
        expect(sorted(termsInText(table, text))).toEqual(expected);
        expect(sorted(termsInText(table, text))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
