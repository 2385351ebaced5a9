import { browser } from 'wxt/browser';

/**
 * The tip card, in vanilla DOM (no framework: the whole content script must stay a few KB). It only draws and
 * reports clicks; index.ts decides what to show and what a click does.
 */

export interface CardGuide {
  id: string;
  title: string;
}

export interface CardActions {
  open(guideId: string): void;
  never(guideId: string): void;
  closeForPage(): void;
  snooze(days: number): void;
  setCollapsed(collapsed: boolean): void;
}

const t = (key: Parameters<typeof browser.i18n.getMessage>[0], ...subs: string[]) =>
  browser.i18n.getMessage(key, subs);

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { testid?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const { testid, ...rest } = props;
  const node = Object.assign(document.createElement(tag), rest);
  if (testid) node.dataset['testid'] = testid;
  node.append(...children);
  return node;
}

/** Draws the card (or its badge) into `root`, replacing what was there. */
export function drawCard(
  root: HTMLElement,
  guides: readonly CardGuide[],
  mode: 'open' | 'badge',
  actions: CardActions,
): void {
  const wrap = el('div', { className: 'sn' });
  // Which guides are on offer, readable in either mode (tests and assistive tools; ids only, no page data).
  wrap.dataset['guides'] = guides.map((g) => g.id).join(' ');
  wrap.dataset['mode'] = mode;
  if (mode === 'badge') {
    const badge = el(
      'button',
      { className: 'badge', testid: 'tip-badge', title: t('tips_badge_label', String(guides.length)) },
      t('tips_badge_text', String(guides.length)),
    );
    badge.setAttribute('aria-label', t('tips_badge_label', String(guides.length)));
    badge.addEventListener('click', () => actions.setCollapsed(false));
    wrap.append(badge);
  } else {
    const list = el('ul');
    for (const guide of guides) {
      const open = el('button', { className: 'guide', testid: 'tip-guide', title: guide.title }, guide.title);
      open.dataset['guideId'] = guide.id;
      open.addEventListener('click', () => actions.open(guide.id));
      const never = el(
        'button',
        { className: 'icon never', testid: 'tip-never', title: t('tips_never_guide') },
        '⊘',
      );
      never.setAttribute('aria-label', `${t('tips_never_guide')}: ${guide.title}`);
      never.addEventListener('click', () => actions.never(guide.id));
      list.append(el('li', {}, open, never));
    }
    const collapse = el(
      'button',
      { className: 'icon', testid: 'tip-collapse', title: t('tips_collapse') },
      '–',
    );
    collapse.setAttribute('aria-label', t('tips_collapse'));
    collapse.addEventListener('click', () => actions.setCollapsed(true));
    const close = el('button', { className: 'icon', testid: 'tip-close', title: t('tips_close_page') }, '×');
    close.setAttribute('aria-label', t('tips_close_page'));
    close.addEventListener('click', () => actions.closeForPage());
    const day = el('button', { testid: 'tip-snooze-day' }, t('tips_snooze_day'));
    day.addEventListener('click', () => actions.snooze(1));
    const week = el('button', { testid: 'tip-snooze-week' }, t('tips_snooze_week'));
    week.addEventListener('click', () => actions.snooze(7));
    const card = el(
      'section',
      { className: 'card', testid: 'tip-card' },
      el('div', { className: 'head' }, el('strong', {}, t('tips_card_heading')), collapse, close),
      list,
      el('div', { className: 'foot' }, day, week),
    );
    card.setAttribute('aria-label', t('tips_card_label'));
    wrap.append(card);
  }
  root.replaceChildren(wrap);
}
