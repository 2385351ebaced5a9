/** Background listeners of the tips area. */
export function registerTips(): void {}
