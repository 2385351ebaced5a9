import fc from 'fast-check';
import { parseFeed } from '@/core/feed';
import { FeedError } from '@/core/model';
import { buildSearchPack } from '@/core/search/build';
import { createSearcher } from '@/core/search';
import { buildMatchIndex, matchPage } from '@/core/match';
import { parseBackupJson } from '@/core/backup/schema';
import { BackupError } from '@/core/backup/errors';
import { parseNetscapeBookmarks } from '@/core/backup/netscape';
import { recordTrustCounts } from './record';
import sample from '../../../../shared/contract/sample-feed.json';

/**
 * Seeded, bounded fuzzing of every entry point that takes outside input. Each must return a result or throw
 * its own clear error type — never hang, never throw anything else. The seed is fixed so CI is repeatable;
 * FUZZ_SEED and FUZZ_RUNS override it for a longer hunt.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261125);
const numRuns = Number(process.env.FUZZ_RUNS ?? 400);
const counts: Record<string, number> = {};
const count = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);

afterAll(() => recordTrustCounts('fuzz', { seed, ...counts }));

const feedBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.string({ maxLength: 2048 }).map((s) => new TextEncoder().encode(s)),
  // Mutations of real feeds reach deeper than random bytes.
  fc
    .tuple(
      fc.constantFrom(
        JSON.stringify(sample),
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title><link>https://a.example/</link></item></channel></rss>',
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id><title>a</title></entry></feed>',
      ),
      fc.nat(),
      fc.string({ maxLength: 40 }),
    )
    .map(([doc, at, junk]) => {
      const cut = at % (doc.length + 1);
      return new TextEncoder().encode(doc.slice(0, cut) + junk + doc.slice(cut + junk.length));
    }),
);

test('feed parser: arbitrary bytes give a feed or a FeedError', () => {
  fc.assert(
    fc.property(
      feedBytes,
      fc.option(
        fc.constantFrom(
          'text/xml; charset=gbk',
          'application/json',
          'text/html',
          'application/rss+xml; charset=utf-16',
        ),
      ),
      (bytes, contentType) => {
        count('feed parser cases');
        try {
          const feed = parseFeed({ bytes, url: 'https://fuzz.example/feed', contentType });
          expect(Array.isArray(feed.items)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(FeedError);
          expect((error as Error).message).not.toContain('\n');
        }
      },
    ),
    { seed, numRuns },
  );
});

test('backup importer: arbitrary JSON gives seller data or a BackupError', () => {
  const jsonish = fc.oneof(
    fc.json({ maxDepth: 6 }),
    fc.jsonValue({ maxDepth: 4 }).map((inner) =>
      JSON.stringify({
        format: 'sellernav-backup',
        version: 1,
        exportedAt: '2026-01-01T00:00:00Z',
        data: inner,
      }),
    ),
    fc.string({ maxLength: 500 }),
  );
  fc.assert(
    fc.property(jsonish, (raw) => {
      count('importer cases');
      try {
        parseBackupJson(raw);
      } catch (error) {
        expect(error).toBeInstanceOf(BackupError);
      }
    }),
    { seed, numRuns },
  );
});

test('Netscape bookmark import: arbitrary HTML gives bookmarks or a BackupError', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 1000 }), (raw) => {
      count('bookmark HTML cases');
      try {
        parseNetscapeBookmarks(`<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p>${raw}</DL>`, {
          newId: () => crypto.randomUUID(),
          now: 0,
        });
      } catch (error) {
        expect(error).toBeInstanceOf(BackupError);
      }
    }),
    { seed, numRuns },
  );
});

const feed = parseFeed({ bytes: new TextEncoder().encode(JSON.stringify(sample)) });
const searcher = createSearcher(buildSearchPack(feed.items));
const matchIndex = buildMatchIndex(feed.items);

test('search: arbitrary strings give at most `limit` hits and never throw', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 80, unit: fc.constantFrom('grapheme', 'binary') }),
      fc.integer({ min: 1, max: 20 }),
      (query, limit) => {
        count('search cases');
        const hits = searcher.search(query, { limit });
        expect(hits.length).toBeLessThanOrEqual(limit);
      },
    ),
    { seed, numRuns },
  );
});

test('matcher: arbitrary URLs and page text give at most 3 matches and never throw', () => {
  const url = fc.oneof(
    fc.webUrl(),
    fc.string({ maxLength: 200 }),
    fc.webPath().map((p) => `https://sellercentral.amazon.de${p}`),
  );
  fc.assert(
    fc.property(
      url,
      fc.string({ maxLength: 200 }),
      fc.array(fc.string({ maxLength: 80 }), { maxLength: 6 }),
      (pageUrl, title, headings) => {
        count('matcher cases');
        const matches = matchPage(
          { url: pageUrl, title, headings, breadcrumbs: headings.slice(0, 2) },
          matchIndex,
        );
        expect(matches.length).toBeLessThanOrEqual(3);
      },
    ),
    { seed, numRuns },
  );
});
