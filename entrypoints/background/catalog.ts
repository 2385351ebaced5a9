/** Background listeners of the catalog area. */
export function registerCatalog(): void {}
