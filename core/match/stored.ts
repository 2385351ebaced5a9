/**
 * The match index as kept in extension storage: one JSON string. The content script reads it on every page
 * load, and Chromium hands a stored string over far faster than the same data as nested objects (one
 * JSON.parse instead of converting hundreds of small objects), which is most of the script's cost on a page
 * with no tip.
 */
import { MATCH_INDEX_SCHEMA, type MatchIndex } from './types';

export function serializeMatchIndex(index: MatchIndex): string {
  return JSON.stringify(index);
}

/** The index, or null when nothing usable is stored (none yet, another schema version, damaged). */
export function parseMatchIndex(stored: unknown): MatchIndex | null {
  if (typeof stored !== 'string') return null;
  let value: Partial<MatchIndex>;
  try {
    value = JSON.parse(stored) as Partial<MatchIndex>;
  } catch {
    return null;
  }
  return value?.schema === MATCH_INDEX_SCHEMA &&
    Array.isArray(value.guides) &&
    Array.isArray(value.terms) &&
    typeof value.tokens === 'object'
    ? (value as MatchIndex)
    : null;
}
