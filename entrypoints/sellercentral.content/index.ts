import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SELLER_CENTRAL_MATCH_PATTERNS } from '@/core/sellercentral-hosts';
import { matchPage, sellerCentralUrl } from '@/core/match/match';
import { cardMode, pageKeyOf, tipsAllowedOn, visibleMatches } from '@/core/match/tips-policy';
import { CARD_MODULE_PATH, loadCardView, type CardView, type Shown } from './card-loader';
import { readPageText } from './page-text';
import { readTipsState } from './tips-state';

/**
 * Seller Central tips: on each page (and each SPA URL change) match the page's title, headings and
 * breadcrumbs against the stored match index and offer the two or three guides that fit, in a small card in
 * a shadow root. Reads only extension storage; sends the background guide ids and a hashed page key, nothing
 * about the page itself. The card itself (shadow-root UI, card DOM, messaging) is a separate module
 * (entrypoints/sellercentral-card.ts), loaded only when a page has something to show: a page with no tip
 * never compiles it.
 */

/** Main-thread time of the script's own work, exposed as a User Timing measure for `npm run bench:content`. */
const WORK_MEASURE = 'sellernav:tips-work';

/** Seller Central fills in headings after an SPA URL change: look again once the new view has settled. */
const SETTLE_MS = 800;

export default defineContentScript({
  matches: [...SELLER_CENTRAL_MATCH_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    const tips = new TipsCard(ctx);
    void tips.evaluate(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      void tips.evaluate(newUrl.href);
      ctx.setTimeout(() => void tips.evaluate(location.href), SETTLE_MS);
    });
  },
});

class TipsCard {
  private view: CardView | null = null;
  private generation = 0;
  /** Guides put away from this card (guide id → page key, or null for everywhere) until the mirror catches up. */
  private readonly putAway = new Map<string, string | null>();

  constructor(private readonly ctx: ContentScriptContext) {}

  async evaluate(url: string): Promise<void> {
    const generation = ++this.generation;
    const state = await readTipsState();
    if (generation !== this.generation || this.ctx.isInvalid) return;

    const start = performance.now();
    const decision = this.decide(url, state);
    if (!decision) {
      this.view?.remove();
    } else {
      const view = await this.loadView();
      if (generation !== this.generation || this.ctx.isInvalid) return;
      await view.show(decision);
    }
    performance.measure(WORK_MEASURE, { start, duration: performance.now() - start });
  }

  private async loadView(): Promise<CardView> {
    if (this.view) return this.view;
    const create = await loadCardView(browser.runtime.getURL(CARD_MODULE_PATH));
    this.view ??= create(this.ctx, (guideIds, pageKey) => {
      for (const id of guideIds) this.putAway.set(id, pageKey);
    });
    return this.view;
  }

  private decide(url: string, { index, mirror }: Awaited<ReturnType<typeof readTipsState>>): Shown | null {
    const parsed = sellerCentralUrl(url);
    if (!parsed || !index || index.guides.length === 0) return null;
    if (!tipsAllowedOn(mirror.settings, parsed.hostname)) return null;
    const pageKey = pageKeyOf(parsed.hostname, parsed.pathname);
    const now = Date.now();
    const matches = visibleMatches(matchPage(readPageText(url), index), mirror, pageKey, now).filter((m) => {
      const away = this.putAway.get(m.id);
      return away === undefined || (away !== null && away !== pageKey);
    });
    if (matches.length === 0) return null;
    const titles = new Map(index.guides.map((g) => [g.id, g.title]));
    return {
      pageKey,
      guides: matches.map((m) => ({ id: m.id, title: titles.get(m.id) ?? m.id })),
      mode: cardMode(matches, mirror, now),
    };
  }
}
