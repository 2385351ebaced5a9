import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SyncProtocol } from './sync';
import type { CatalogProtocol } from './catalog';
import type { TipsProtocol } from './tips';
import type { QuickLaunchProtocol } from './quick-launch';

/**
 * The one message protocol between extension pages, the content script and the background. Each area declares
 * its messages (name → `(request) => response`) in its own file beside this one; both sides import this map,
 * so a mismatch is a type error.
 */
export interface ProtocolMap extends SyncProtocol, CatalogProtocol, TipsProtocol, QuickLaunchProtocol {}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
