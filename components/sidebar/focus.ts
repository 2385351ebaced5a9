/**
 * Moves keyboard focus to `target` when nothing holds it any more: the link that opened a view left with the
 * previous view, so the seller's keyboard continues from the new view's title instead of the page top.
 */
export function focusIfLost(target: HTMLElement | null): void {
  if (!document.activeElement || document.activeElement === document.body) target?.focus();
}
