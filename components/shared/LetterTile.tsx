/**
 * A coloured square with the first letter or character of a tool's name: a recognisable icon that needs no
 * network (favicons would leak the seller's browsing and fail offline).
 */
const PALETTE = ['#1f6feb', '#2b8a3e', '#d9480f', '#5f3dc4', '#c2255c', '#0b7285', '#e67700', '#495057'];

export function tileColor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

export function tileLetter(name: string): string {
  const first = [...name.trim()][0] ?? '?';
  return first.toUpperCase();
}

export function LetterTile({ name, size = 32 }: { name: string; size?: number }) {
  return (
    <span
      className="sn-tile"
      aria-hidden="true"
      style={{ background: tileColor(name), width: size, height: size, fontSize: size * 0.47 }}
    >
      {tileLetter(name)}
    </span>
  );
}
