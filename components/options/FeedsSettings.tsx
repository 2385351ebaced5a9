/** Settings section: placeholder until its area fills it in. */
export function FeedsSettings() {
  return null;
}
