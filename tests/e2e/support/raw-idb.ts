import type { Page } from 'playwright-core';

/**
 * Every record of the named object stores of the extension's IndexedDB, read raw from an extension page with
 * the browser's own API (no app code involved), so a test sees what is really on disk.
 */
export function readStoresRaw(page: Page, stores: readonly string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (names) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sellernav');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const records: Record<string, unknown[]> = {};
      for (const name of names) {
        records[name] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
      }
      return records;
    } finally {
      db.close();
    }
  }, stores);
}
