import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '@/messaging/protocol';
import { drawCard } from './sellercentral.content/card';
import { CARD_CSS } from './sellercentral.content/card-style';
import {
  CARD_VIEW_KEY,
  type CardView,
  type CreateCardView,
  type OnPutAway,
  type Shown,
} from './sellercentral.content/card-loader';

/**
 * The Seller Central tip card, loaded by the content script only when a page has guides to offer (about half
 * of the script's code, which a page with no tip never compiles). Imported from the content script, it runs
 * in the content script's isolated world and mounts with that script's context; it leaves its factory there
 * for the script to call (card-loader.ts).
 */
export default defineUnlistedScript(() => {
  const create: CreateCardView = (ctx, onPutAway) => new TipsCardView(ctx, onPutAway);
  (globalThis as Record<symbol, CreateCardView>)[CARD_VIEW_KEY] = create;
});

class TipsCardView implements CardView {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private shown: Shown | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly onPutAway: OnPutAway,
  ) {}

  async show(next: Shown): Promise<void> {
    if (this.sameAsShown(next)) return;
    await this.draw(next);
    if (next.mode === 'open') {
      void sendMessage('tipsShown', { guideIds: next.guides.map((g) => g.id) }).catch(() => undefined);
    }
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
    this.onPutAway(guideIds, scope === 'page' ? pageKey : null);
    void sendMessage('tipsDismiss', { guideIds, scope, pageKey, snoozeDays }).catch(() => undefined);
  }

  remove(): void {
    this.shown = null;
    this.ui?.remove();
    this.ui = null;
  }
}
