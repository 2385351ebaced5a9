import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * The one message protocol between extension pages, the content script and the background. Each entry maps a
 * message name to `(request) => response`; both sides import this map, so a mismatch is a type error.
 * Feature owners add their messages here.
 */
export interface ProtocolMap {
  /** Runs every feed's sync now; resolves when done. */
  syncNow(): SyncSummary;
}

export interface SyncSummary {
  feeds: number;
  ok: number;
  failed: number;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
