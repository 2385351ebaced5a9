/**
 * Globs on URL paths and host names, as the feed format defines them: `*` is any run of characters (slashes
 * included), everything else is literal, and case does not matter.
 */

const REGEX_SPECIAL = /[.+?^${}()|[\]\\]/g;

export function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(REGEX_SPECIAL, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i');
}

/** The literal text before the first `*`: how specific a glob is, and a sample path it surely matches. */
export function literalPrefix(glob: string): string {
  const star = glob.indexOf('*');
  return star < 0 ? glob : glob.slice(0, star);
}

/** Path globs are written with a leading slash; tolerate feeds that forget it. */
export function normalizePathGlob(glob: string): string {
  const trimmed = glob.trim().toLowerCase();
  if (trimmed === '') return '';
  return trimmed.startsWith('/') || trimmed.startsWith('*') ? trimmed : `/${trimmed}`;
}
