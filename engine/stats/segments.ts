/** Where scenarios compare: segments between every arm's phase boundaries (armSegments, unionSegments for two, withSegments) and the calendar years all arms cover alike (armYears, commonYears). */
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
 * The segments of the union of all arms' phase boundaries and span ends, as seen by each
 * pair (baseline, arm k): result[k − 1] has phaseA = the baseline's phase, phaseB = arm k's,
 * and `common` when every arm simulates the segment. With two arms this is unionSegments(a, b).
 */
export function armSegments(arms: readonly ResolvedScenario[]): Segment[][] {
  const cuts = new Set<string>();
  for (const s of arms) { cuts.add(s.start); cuts.add(dayAfter(s.end)); for (const ph of s.phases) cuts.add(ph.start); }
  const sorted = [...cuts].sort();
  const spans: { start: string; end: string; inside: boolean[] }[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i], end = dayBefore(sorted[i + 1]);
    const inside = arms.map((s) => start >= s.start && end <= s.end);
    if (inside.some(Boolean)) spans.push({ start, end, inside });
  }
  return arms.slice(1).map((arm) => spans.map(({ start, end, inside }) => ({
    label: `${start}..${end}`, start, end, phaseA: phaseAt(arms[0], start), phaseB: phaseAt(arm, start), common: inside.every(Boolean),
  })));
}

/** The segments of the union of two scenarios' phase boundaries (and span ends), first to last day over both spans: armSegments([a, b])[0]. */
export function unionSegments(a: ResolvedScenario, b: ResolvedScenario): Segment[] {
  return armSegments([a, b])[0];
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

/** Calendar years on which every arm covers the same days (each year clipped to each arm's span gives the same dates). */
export function armYears(arms: readonly ResolvedScenario[]): number[] {
  const years: number[] = [];
  const y0 = Math.min(...arms.map((s) => +s.start.slice(0, 4))), y1 = Math.max(...arms.map((s) => +s.end.slice(0, 4)));
  const clip = (s: ResolvedScenario, y: number) => {
    const lo = `${y}-01-01` > s.start ? `${y}-01-01` : s.start, hi = `${y}-12-31` < s.end ? `${y}-12-31` : s.end;
    return lo <= hi ? `${lo}..${hi}` : '';
  };
  for (let y = y0; y <= y1; y++) {
    const c = clip(arms[0], y);
    if (c && arms.every((s) => clip(s, y) === c)) years.push(y);
  }
  return years;
}

/** Calendar years on which two arms cover the same days, so yearly figures compare like with like: armYears([a, b]). */
export function commonYears(a: ResolvedScenario, b: ResolvedScenario): number[] {
  return armYears([a, b]);
}
