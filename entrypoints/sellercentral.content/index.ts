import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SELLER_CENTRAL_MATCH_PATTERNS } from '@/core/sellercentral-hosts';
import { matchPage, sellerCentralUrl } from '@/core/match/match';
import { cardMode, pageKeyOf, tipsAllowedOn, visibleMatches } from '@/core/match/tips-policy';
import { sendMessage } from '@/messaging/protocol';
import { drawCard, type CardGuide } from './card';
import { CARD_CSS } from './card-style';
import { readPageText } from './page-text';
import { readTipsState } from './tips-state';

/**
 * Seller Central tips: on each page (and each SPA URL change) match the page's title, headings and
 * breadcrumbs against the stored match index and offer the two or three guides that fit, in a small card in
 * a shadow root. Reads only extension storage; sends the background guide ids and a hashed page key, nothing
 * about the page itself.
 */

/** Main-thread time of the script's own work, exposed as a User Timing measure for `npm run bench:content`. */
const WORK_MEASURE = 'sellernav:tips-work';

/** Seller Central fills in headings after an SPA URL change: look again once the new view has settled. */
const SETTLE_MS = 800;

interface Shown {
  pageKey: string;
  guides: CardGuide[];
  mode: 'open' | 'badge';
}

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
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private shown: Shown | null = null;
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
      this.remove();
    } else if (!this.sameAsShown(decision)) {
      await this.draw(decision);
      if (decision.mode === 'open') {
        void sendMessage('tipsShown', { guideIds: decision.guides.map((g) => g.id) }).catch(() => undefined);
      }
    }
    performance.measure(WORK_MEASURE, { start, duration: performance.now() - start });
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

  private sameAsShown(next: Shown): boolean {
    const current = this.shown;
    return (
      current !== null &&
      current.pageKey === next.pageKey &&
      current.guides.map((g) => g.id).join('\n') === next.guides.map((g) => g.id).join('\n')
    );
  }

  private async draw(shown: Shown): Promise<void> {
    this.shown = shown;
    if (!this.ui) {
      this.ui = await createShadowRootUi(this.ctx, {
        name: 'sellernav-tip',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        css: CARD_CSS,
        isolateEvents: true,
        onMount: () => undefined,
      });
      this.ui.mount();
    }
    this.redraw();
  }

  private redraw(): void {
    const { ui, shown } = this;
    if (!ui || !shown) return;
    drawCard(ui.uiContainer, shown.guides, shown.mode, {
      // Sent straight from the click handler: Chrome lets the background open the side panel only while the
      // click's user gesture lasts.
      open: (guideId) => void sendMessage('tipsOpenGuide', { guideId }).catch(() => undefined),
      never: (guideId) => {
        shown.guides = shown.guides.filter((g) => g.id !== guideId);
        if (shown.guides.length === 0) this.remove();
        else this.redraw();
        this.dismiss([guideId], 'never', null);
      },
      closeForPage: () => {
        this.remove();
        this.dismiss(
          shown.guides.map((g) => g.id),
          'page',
          null,
          shown.pageKey,
        );
      },
      snooze: (days) => {
        this.remove();
        this.dismiss(
          shown.guides.map((g) => g.id),
          'snooze',
          days,
        );
      },
      setCollapsed: (collapsed) => {
        shown.mode = collapsed ? 'badge' : 'open';
        this.redraw();
        void sendMessage('tipsSetCollapsed', { collapsed }).catch(() => undefined);
      },
    });
  }

  private dismiss(
    guideIds: string[],
    scope: 'page' | 'snooze' | 'never',
    snoozeDays: number | null,
    pageKey: string | null = null,
  ): void {
    for (const id of guideIds) this.putAway.set(id, scope === 'page' ? pageKey : null);
    void sendMessage('tipsDismiss', { guideIds, scope, pageKey, snoozeDays }).catch(() => undefined);
  }

  private remove(): void {
    this.shown = null;
    this.ui?.remove();
    this.ui = null;
  }
}
