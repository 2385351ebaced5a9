import { SellerNavDB } from './database';

/**
 * The database instance extension pages and the background share (strict durability: it carries the seller's
 * own writes). The content script never imports this: it reads the match index from extension storage.
 */
export const db = new SellerNavDB();
