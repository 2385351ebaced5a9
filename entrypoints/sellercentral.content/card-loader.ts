import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardGuide } from './card';

/**
 * The contract between the content script's entry and the tip card module (entrypoints/sellercentral-card.ts),
 * which the entry loads only when a page has something to show. Types only, plus the loader: nothing here
 * pulls the card code (shadow-root UI, card DOM, messaging) into the entry bundle.
 */

export interface Shown {
  pageKey: string;
  guides: CardGuide[];
  mode: 'open' | 'badge';
}

export interface CardView {
  /** Draws `shown` unless the same guides are already on show for that page; reports an open card shown. */
  show(shown: Shown): Promise<void>;
  remove(): void;
}

/** What the card tells the entry: guides the seller put away (page key, or null for everywhere). */
export type OnPutAway = (guideIds: readonly string[], pageKey: string | null) => void;

export type CreateCardView = (ctx: ContentScriptContext, onPutAway: OnPutAway) => CardView;

/**
 * Where the card module leaves its factory: a global of the content script's isolated world (the module is
 * imported from the content script, so it runs there; the page's own scripts never see it).
 */
export const CARD_VIEW_KEY = Symbol.for('sellernav:createCardView');

/** The card module's path in the build; web-accessible on the Seller Central hosts only (wxt.config.ts). */
export const CARD_MODULE_PATH = '/sellercentral-card.js';

let loading: Promise<CreateCardView> | null = null;

/** Loads the card module once (a dynamic import of the extension's own file, in this isolated world). */
export function loadCardView(url: string): Promise<CreateCardView> {
  loading ??= import(/* @vite-ignore */ url).then(
    () => {
      const create = (globalThis as Record<symbol, CreateCardView | undefined>)[CARD_VIEW_KEY];
      if (!create) throw new Error('the tip card module did not load');
      return create;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
