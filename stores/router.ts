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
  /**
   * The views visited in this page, oldest first, ending with `route`. The in-app Back walks this stack rather
   * than `history.back()`: the browser's history may hold pages before the panel (a deep link from a tip), and
   * an asynchronous history traversal would race the seller's typing.
   */
  stack: Route[];
  /** Goes to a route; Back returns from it. */
  navigate(route: Route): void;
  /** Changes the current route in place (used while typing a search). */
  replace(route: Route): void;
  /** Returns to the previous view of this page, or home. */
  back(): void;
}

const currentHash = () => (typeof location === 'undefined' ? '' : location.hash);
const sameRoute = (a: Route, b: Route) => formatHash(a) === formatHash(b);

function writeHash(route: Route, mode: 'push' | 'replace'): void {
  if (typeof location === 'undefined' || typeof history === 'undefined') return;
  const hash = formatHash(route);
  if (location.hash === hash) return;
  if (mode === 'push') history.pushState(history.state, '', hash);
  else history.replaceState(history.state, '', hash);
}

const initial = parseHash(currentHash());

export const useRouter = create<RouterState>((set, get) => ({
  route: initial,
  stack: [initial],
  navigate(route) {
    if (sameRoute(route, get().route)) return;
    writeHash(route, 'push');
    set({ route, stack: [...get().stack, route] });
  },
  replace(route) {
    writeHash(route, 'replace');
    set({ route, stack: [...get().stack.slice(0, -1), route] });
  },
  back() {
    const stack = get().stack.slice(0, -1);
    const target = stack[stack.length - 1] ?? HOME;
    writeHash(target, 'replace');
    set({ route: target, stack: stack.length > 0 ? stack : [HOME] });
  },
}));

/**
 * Keeps the store in step with the address when it changes from outside the store: a link to `#/…` was
 * followed, or the browser went back or forward. Returns the unsubscribe.
 */
export function followLocationHash(): () => void {
  const sync = () => {
    const route = parseHash(location.hash);
    const { route: current, stack } = useRouter.getState();
    if (!sameRoute(route, current)) useRouter.setState({ route, stack: [...stack, route] });
  };
  window.addEventListener('hashchange', sync);
  sync();
  return () => window.removeEventListener('hashchange', sync);
}
