import { create } from 'zustand';
import type { ItemKind } from '@/core/model';

/**
 * Sidebar routes live in the URL hash so that other areas can deep-link into the sidebar page
 * (`sidepanel.html#/guide/<id>`: the tips card opens that when the side panel API is unavailable), and so the
 * browser's back button works inside the panel.
 */
export type Route =
  | { name: 'home' }
  | { name: 'category'; categoryId: string }
  | { name: 'search'; query: string; kind: ItemKind | null }
  | { name: 'guide'; itemId: string };

const HOME: Route = { name: 'home' };

function decode(segment: string | undefined): string | null {
  if (!segment) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** `#/guide/abc` → `{ name: 'guide', itemId: 'abc' }`; anything unknown or malformed is home. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', queryString = ''] = raw.split('?', 2);
  const segments = path.split('/').filter(Boolean);
  const params = new URLSearchParams(queryString);
  switch (segments[0]) {
    case 'category': {
      const categoryId = decode(segments[1]);
      return categoryId ? { name: 'category', categoryId } : HOME;
    }
    case 'guide': {
      const itemId = decode(segments.slice(1).join('/'));
      return itemId ? { name: 'guide', itemId } : HOME;
    }
    case 'search': {
      const kind = params.get('kind');
      return {
        name: 'search',
        query: params.get('q') ?? '',
        kind: kind === 'guide' || kind === 'tool' ? kind : null,
      };
    }
    default:
      return HOME;
  }
}

/** The inverse of `parseHash`. */
export function formatHash(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'category':
      return `#/category/${encodeURIComponent(route.categoryId)}`;
    case 'guide':
      return `#/guide/${encodeURIComponent(route.itemId)}`;
    case 'search': {
      const params = new URLSearchParams();
      if (route.query) params.set('q', route.query);
      if (route.kind) params.set('kind', route.kind);
      const qs = params.toString();
      return qs ? `#/search?${qs}` : '#/search';
    }
  }
}

interface RouterState {
  route: Route;
  /** Goes to a route and records it in history (so Back returns). */
  navigate(route: Route): void;
  /** Changes the route without a new history entry (used while typing a search). */
  replace(route: Route): void;
  back(): void;
}

const currentHash = () => (typeof location === 'undefined' ? '' : location.hash);

export const useRouter = create<RouterState>((set, get) => ({
  route: parseHash(currentHash()),
  navigate(route) {
    const hash = formatHash(route);
    if (typeof location !== 'undefined' && location.hash !== hash) location.hash = hash;
    set({ route });
  },
  replace(route) {
    const hash = formatHash(route);
    if (typeof history !== 'undefined' && typeof location !== 'undefined' && location.hash !== hash) {
      history.replaceState(history.state, '', hash);
    }
    set({ route });
  },
  back() {
    if (typeof history !== 'undefined' && history.length > 1 && get().route.name !== 'home') history.back();
    else get().navigate(HOME);
  },
}));

/** Keeps the store in step with the address (Back/Forward, links to `#/…`). Returns the unsubscribe. */
export function followLocationHash(): () => void {
  const sync = () => useRouter.setState({ route: parseHash(location.hash) });
  window.addEventListener('hashchange', sync);
  sync();
  return () => window.removeEventListener('hashchange', sync);
}
