/**
 * Feed dates → ISO 8601 (UTC, `toISOString`). Feeds carry RFC 822 (RSS), RFC 3339/W3C-DTF (Atom, JSON
 * Feed) and a long tail of near misses; engines disagree on what `Date.parse` accepts beyond ISO, so the
 * common shapes are parsed here and `Date.parse` is only the last resort.
 */

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** RFC 822 zone names and military letters, as minutes east of UTC. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  a: -60,
  m: -720,
  n: 60,
  y: 720,
};

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return 0;
  const z = zone.trim();
  const num = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (num) {
    const minutes = Number(num[2]) * 60 + Number(num[3] ?? 0);
    return num[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[z.toLowerCase()];
  return named ?? null;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  offset: number,
): string | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  // Date.UTC rolls 31 April over into May: a day the month does not have means the date is not real.
  if (new Date(Date.UTC(year, month, day)).getUTCMonth() !== month) return null;
  const t = Date.UTC(year, month, day, hour, minute, Math.min(second, 59), ms) - offset * 60_000;
  const d = new Date(t);
  if (Number.isNaN(t)) return null;
  return d.toISOString();
}

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const RFC822 =
  /^(?:[a-z]+,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([a-z]{1,5}|[+-]\d{2}:?\d{2}))?)?/i;

function twoDigitYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
}

/** ISO 8601 string for a feed date, or null when it cannot be read as a real date. */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const s = raw.trim();
  if (s === '') return null;

  const iso = ISO.exec(s);
  if (iso) {
    const offset = offsetMinutes(iso[8]);
    if (offset === null) return null;
    const ms = iso[7] ? Math.round(Number(`0.${iso[7]}`) * 1000) : 0;
    return build(
      Number(iso[1]),
      Number(iso[2] ?? 1) - 1,
      Number(iso[3] ?? 1),
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
      Number(iso[6] ?? 0),
      Math.min(ms, 999),
      offset,
    );
  }

  const rfc = RFC822.exec(s);
  if (rfc) {
    const month = MONTHS[rfc[2]!.toLowerCase()];
    const offset = offsetMinutes(rfc[7]);
    if (month !== undefined && offset !== null) {
      return build(
        twoDigitYear(rfc[3]!),
        month,
        Number(rfc[1]),
        Number(rfc[4] ?? 0),
        Number(rfc[5] ?? 0),
        Number(rfc[6] ?? 0),
        0,
        offset,
      );
    }
  }

  const fallback = Date.parse(s);
  return Number.isNaN(fallback) ? null : new Date(fallback).toISOString();
}
