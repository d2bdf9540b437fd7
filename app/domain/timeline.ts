// The geometry of a timeline in years: where a date sits along a line of `width` viewBox
// units, which years get a tick, and how far the line reaches. Dates are "YYYY-MM-DD"
// calendar dates; positions are SVG attributes (the Content-Security-Policy refuses styles).

export interface TimelineSpan {
  /** The first year shown, from its 1 January. */
  fromYear: number;
  /** The last year shown, to its 31 December. */
  toYear: number;
}

export interface SpanOptions {
  /** Years shown before today's at most; older dates sit at the left edge, marked as earlier. */
  yearsBack?: number;
  /** Years shown after today's at most; later dates sit at the right edge, marked as later. */
  yearsAhead?: number;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * The years a timeline covers: from the earliest date to the latest, always including today's
 * year and the next, and never more than `yearsBack` before or `yearsAhead` after today's year.
 */
export function timelineSpan(dates: readonly string[], today: string, { yearsBack = 2, yearsAhead = 6 }: SpanOptions = {}): TimelineSpan {
  const now = yearOf(today);
  const years = dates.map(yearOf).filter(Number.isFinite);
  return {
    fromYear: Math.max(now - yearsBack, Math.min(now, ...years)),
    toYear: Math.min(now + yearsAhead, Math.max(now + 1, ...years)),
  };
}

const DAY_MS = 86_400_000;
const dayNumber = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;
const round = (value: number) => Math.round(value * 100) / 100;

export interface Position {
  x: number;
  /** Where the date lies outside the span: it is drawn at the edge and must say so. */
  beyond: "before" | "after" | null;
}

/** Where `date` sits on a line of `width` units covering `span`. */
export function timelineX(date: string, span: TimelineSpan, width: number): Position {
  const start = dayNumber(span.fromYear, 1, 1);
  const end = dayNumber(span.toYear + 1, 1, 1);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const at = dayNumber(y, m, d);
  if (at < start) return { x: 0, beyond: "before" };
  if (at >= end) return { x: width, beyond: "after" };
  return { x: round(((at - start) / (end - start)) * width), beyond: null };
}

/** A tick at every 1 January inside the span, with its year. */
export function yearTicks(span: TimelineSpan, width: number): { year: number; x: number }[] {
  const ticks: { year: number; x: number }[] = [];
  for (let year = span.fromYear; year <= span.toYear; year++) ticks.push({ year, x: timelineX(`${year}-01-01`, span, width).x });
  return ticks;
}
