/** Settings section: placeholder until its area fills it in. */
export function TipsSettings() {
  return null;
}
