/** Background listeners of the sync area. */
export function registerSync(): void {}
