/** Messages of the catalog area (see protocol.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CatalogProtocol {}
