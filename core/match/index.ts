/**
 * The match engine (issue 8): `buildMatchIndex` where the catalog lives (background, CLI) and `matchPage`
 * wherever a page is seen (content script, CLI). The content script imports `./match` directly so that its
 * bundle carries neither the page map nor the builder.
 */
export { buildMatchIndex, MAX_INDEXED_GUIDES, type MatchableItem } from './build';
export { parseMatchIndex, serializeMatchIndex } from './stored';
export { matchPage, sellerCentralUrl, MIN_SCORE, MAX_RESULTS } from './match';
export { PAGE_MAP, type PageTopic, type PageLanguage } from './page-map';
export {
  MATCH_INDEX_SCHEMA,
  type GuideMatch,
  type IndexedGuide,
  type IndexedTopic,
  type PathRule,
  type MatchIndex,
  type PageSnapshot,
} from './types';
