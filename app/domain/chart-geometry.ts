// The geometry of the portal's small charts. They are drawn as SVG whose lengths are
// attributes in the viewBox's units: the Content-Security-Policy refuses inline styles
// (style="width: …"), and attributes are not styles.

/** Lengths are rounded to this many decimals: enough for a crisp edge, short in the HTML. */
const DECIMALS = 2;
const round = (value: number) => Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS;

export interface ScaleOptions {
  /** The value that fills the whole length; the largest value (at least 1) when left out. */
  max?: number;
  /** The whole length, in viewBox units. */
  length?: number;
  /** The shortest bar drawn for a value above zero, so that it stays visible beside a zero. */
  minimum?: number;
}

/**
 * Bar lengths for values, scaled so that `max` fills `length`. Null (no figure) draws no
 * bar, unlike zero; negative values count as zero; values above `max` fill the length.
 */
export function barLengths(values: readonly (number | null)[], { max, length = 100, minimum = 1 }: ScaleOptions = {}): (number | null)[] {
  const top = max ?? Math.max(1, ...values.map((v) => v ?? 0));
  return values.map((value) => {
    if (value === null) return null;
    if (value <= 0) return 0;
    return round(Math.max(minimum, Math.min(length, (value / top) * length)));
  });
}

export interface Column {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StripOptions extends Pick<ScaleOptions, "max" | "minimum"> {
  width: number;
  height: number;
  /** Space between two columns. */
  gap: number;
}

/**
 * Columns rising from the bottom of a width × height box, one per value, left to right with
 * `gap` between them (a trend per quarter). Null draws no column (height 0 and marked).
 */
export function columnStrip(values: readonly (number | null)[], { width, height, gap, max, minimum = 1 }: StripOptions): (Column & { missing: boolean })[] {
  if (values.length === 0) return [];
  const columnWidth = Math.max(0, (width - gap * (values.length - 1)) / values.length);
  const heights = barLengths(values, { max, length: height, minimum });
  return heights.map((h, i) => ({
    x: round(i * (columnWidth + gap)),
    y: round(height - (h ?? 0)),
    width: round(columnWidth),
    height: h ?? 0,
    missing: h === null,
  }));
}

export interface Segment {
  x: number;
  width: number;
}

/**
 * Parts of one whole laid end to end along `length` (a stacked bar): each part's share of the
 * total, in order. Zero and negative parts get no width; an empty total draws nothing.
 */
export function stackedSegments(values: readonly number[], length = 100): Segment[] {
  const parts = values.map((v) => Math.max(0, v));
  const total = parts.reduce((sum, v) => sum + v, 0);
  let x = 0;
  return parts.map((v) => {
    const width = total === 0 ? 0 : round((v / total) * length);
    const segment = { x: round(x), width };
    x += width;
    return segment;
  });
}
