import { liveQuery } from 'dexie';

export interface LiveQueryObserver<T> {
  next: (value: T) => void;
  error: (error: unknown) => void;
}

/**
 * One Dexie liveQuery per page, shared by every component that reads the same store: it starts when the first
 * reader mounts and stops when the last one unmounts, so ten rows reading bookmarks cost one query, not ten.
 * Returns `retain`, which a component calls in an effect (`useEffect(() => retain(), [])`); it returns the
 * release.
 */
export function sharedLiveQuery<T>(
  query: () => T | Promise<T>,
  observer: LiveQueryObserver<T>,
): () => () => void {
  let watchers = 0;
  let stop: (() => void) | null = null;
  return function retain() {
    watchers++;
    if (watchers === 1) {
      const subscription = liveQuery(query).subscribe(observer);
      stop = () => subscription.unsubscribe();
    }
    return () => {
      watchers--;
      if (watchers === 0) {
        stop?.();
        stop = null;
      }
    };
  };
}
