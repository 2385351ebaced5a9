import { Fragment } from 'react';

/** A half-open character range `[start, end)` in the text, as the search module reports matches. */
export type HighlightRange = readonly [start: number, end: number];

/** Merges overlapping or touching ranges and clips them to the text, so marks never nest or split a word. */
export function normalizeRanges(ranges: readonly HighlightRange[], length: number): HighlightRange[] {
  const clipped = ranges
    .map(([s, e]) => [Math.max(0, s), Math.min(length, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of clipped) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Text with the matched parts wrapped in `<mark>`. */
export function HighlightedText({ text, ranges }: { text: string; ranges?: readonly HighlightRange[] }) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [s, e] of normalizeRanges(ranges, text.length)) {
    if (s > at) parts.push(<Fragment key={`t${at}`}>{text.slice(at, s)}</Fragment>);
    parts.push(
      <mark key={`m${s}`} className="sn-mark">
        {text.slice(s, e)}
      </mark>,
    );
    at = e;
  }
  if (at < text.length) parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
