/**
 * The extension-storage keys of the tips area. The background writes them; the content script only reads
 * them (it never opens IndexedDB). Kept in a module of its own so the content script bundle stays tiny.
 */
export const MATCH_INDEX_KEY = 'tips:matchIndex';
/** The compact mirror of tips settings, dismissals and recent showings (storage/tips-mirror.ts). */
export const TIPS_MIRROR_KEY = 'tips:mirror';
