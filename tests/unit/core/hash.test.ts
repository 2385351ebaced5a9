import { expect, test } from 'vitest';
import { hashString } from '@/core/hash';

// Ids derived with hashString are stored in sellers' databases (`feed-<hash>` for a subscription, the starter
// catalog's version, `urn:sellernav:item:<hash>` for an RSS item without a guid): if the hash ever changed,
// every stored feed would be added again as a new one. These values were produced by the implementation the
// feeds were stored with.
test('hashes are the ones already stored', () => {
  expect(hashString('https://nav.example.cn/sellernav.json')).toBe('giidx4dot');
  expect(hashString('跨境导航')).toBe('f42j1hm50m');
  expect(hashString('')).toBe('wvjl67o803');
  expect(hashString('a', 7)).toBe('ki96j9x895');
});

test('a different text or seed gives a different hash', () => {
  expect(hashString('https://nav.example.cn/feed')).not.toBe(hashString('https://nav.example.cn/feed/'));
  expect(hashString('a', 1)).not.toBe(hashString('a', 2));
});
