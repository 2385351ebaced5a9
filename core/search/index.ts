/**
 * SellerNav search, query side: what the sidebar, popup, omnibox and `catalog search` call.
 *
 *   ingest (sync, CLI):  buildSearchPack(items, categories?) from './build'  — runs pinyin-pro; store the pack
 *   query (UI):          createSearcher(pack).search(query, { limit, kind, category }) — from here
 *
 * This module never imports pinyin-pro; import buildSearchPack from '@/core/search/build' where items are
 * ingested, so the UI bundles stay small.
 */
export { createSearcher, isCurrentSearchPack, SCORE } from './searcher';
export {
  CONTENT_CHARS,
  READABLE_SEARCH_PACK_VERSIONS,
  SEARCH_PACK_VERSION,
  TAGS_JOINER,
  type HighlightField,
  type SearchHit,
  type SearchOptions,
  type SearchPack,
  type Searcher,
} from './types';
