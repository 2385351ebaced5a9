/** Background listeners of the quick-launch area. */
export function registerQuickLaunch(): void {}
