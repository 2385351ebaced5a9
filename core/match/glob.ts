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

type Matcher = (text: string) => boolean;
const matchers = new Map<string, Matcher>();

function compile(glob: string): Matcher {
  const lower = glob.toLowerCase();
  const star = lower.indexOf('*');
  // Most globs are `literal` or `literal*`: a string comparison, no regex to build on every page view.
  if (star < 0) return (text) => text === lower;
  if (star === lower.length - 1) {
    const prefix = lower.slice(0, -1);
    return (text) => text.startsWith(prefix);
  }
  const regex = globToRegExp(lower);
  return (text) => regex.test(text);
}

/** Whether `text` (already lowercase) fits the glob. Compiled globs are memoized for the script's lifetime. */
export function globMatches(glob: string, text: string): boolean {
  let matcher = matchers.get(glob);
  if (!matcher) {
    matcher = compile(glob);
    if (matchers.size > 5000) matchers.clear();
    matchers.set(glob, matcher);
  }
  return matcher(text);
}
