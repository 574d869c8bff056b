/** Where two scenarios compare: segments between both arms' phase boundaries (unionSegments, withSegments) and their common calendar years. */
import { epochDay, isoOfEpochDay } from '../calendar.ts';
import type { Phase, ResolvedScenario } from '../scenario/resolve.ts';

/**
 * A span of days on which two scenarios can be compared: bounded by the union of
 * both scenarios' phase boundaries, so each arm is in one phase throughout.
 */
export interface Segment {
  /** Unique label `YYYY-MM-DD..YYYY-MM-DD` (first and last day). */
  label: string;
  start: string;
  end: string;
  /** The phase of arm a and of arm b on these days ('' where the day is outside that arm's span). */
  phaseA: string;
  phaseB: string;
  /** True when both arms simulate these days (only such segments are compared). */
  common: boolean;
}

const dayBefore = (iso: string) => isoOfEpochDay(epochDay(iso) - 1);
const dayAfter = (iso: string) => isoOfEpochDay(epochDay(iso) + 1);

function phaseAt(s: ResolvedScenario, day: string): string {
  if (day < s.start || day > s.end) return '';
  let label = '';
  for (const ph of s.phases) if (ph.start <= day) label = ph.label;
  return label;
}

/**
 * The segments of the union of two scenarios' phase boundaries (and span ends),
 * first to last day over both spans.
 */
export function unionSegments(a: ResolvedScenario, b: ResolvedScenario): Segment[] {
  const cuts = new Set<string>([a.start, b.start, dayAfter(a.end), dayAfter(b.end)]);
  for (const ph of [...a.phases, ...b.phases]) cuts.add(ph.start);
  const sorted = [...cuts].sort();
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i], end = dayBefore(sorted[i + 1]);
    const inA = start >= a.start && end <= a.end, inB = start >= b.start && end <= b.end;
    if (!inA && !inB) continue; // a gap between two disjoint spans
    segments.push({ label: `${start}..${end}`, start, end, phaseA: phaseAt(a, start), phaseB: phaseAt(b, start), common: inA && inB });
  }
  return segments;
}

/**
 * The scenario with its phases replaced by the segments inside its span. Phases
 * only decide how days are summed into per-phase figures, so the simulation
 * itself (every draw, every monthly and yearly figure) is unchanged.
 */
export function withSegments(s: ResolvedScenario, segments: readonly Segment[]): ResolvedScenario {
  const phases: Phase[] = segments.filter((g) => g.start >= s.start && g.end <= s.end).map((g) => ({ label: g.label, start: g.start, end: g.end }));
  return { ...s, phases };
}

/**
 * Calendar years on which two arms cover the same days (each year clipped to
 * each arm's span gives the same dates), so yearly figures compare like with like.
 */
export function commonYears(a: ResolvedScenario, b: ResolvedScenario): number[] {
  const years: number[] = [];
  const y0 = Math.min(+a.start.slice(0, 4), +b.start.slice(0, 4)), y1 = Math.max(+a.end.slice(0, 4), +b.end.slice(0, 4));
  const clip = (s: ResolvedScenario, y: number) => {
    const lo = `${y}-01-01` > s.start ? `${y}-01-01` : s.start, hi = `${y}-12-31` < s.end ? `${y}-12-31` : s.end;
    return lo <= hi ? `${lo}..${hi}` : '';
  };
  for (let y = y0; y <= y1; y++) {
    const ca = clip(a, y);
    if (ca && ca === clip(b, y)) years.push(y);
  }
  return years;
}
