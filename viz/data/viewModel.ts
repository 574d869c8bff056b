import type { ResolvedScenario, Segment } from '../../engine/index.ts';
import type { Figures } from './summarise.ts';

/** One arm of a view: a scenario and the summarised figures of its runs. */
export interface Arm {
  /** 'base' (the baseline in compare mode) or 'whatIf' (the scenario shown in single mode). */
  role: 'base' | 'whatIf';
  /** Short legend label: "Baseline" / "What-if" (compare) or the scenario title (single). */
  label: string;
  scenario: ResolvedScenario;
  figures: Figures;
}

/** A span the funnel and the paired table are reported for: a phase (single mode) or a segment (compare). */
export interface Period {
  /** The label the runs' per-phase figures carry. */
  key: string;
  /** Human title, e.g. "2022 小红星 data sharing (2022-03-01 – 2022-12-31)". */
  title: string;
  start: string;
  end: string;
  /** Compare mode: true when both arms simulate the span (only these are compared). */
  common: boolean;
}

/** Everything the charts and tables draw, for one finished run set. */
export interface ViewModel {
  mode: 'single' | 'compare';
  /** Monthly periods `YYYY-MM` over the union of the arms' spans. */
  months: string[];
  /** single: [what-if]; compare: [baseline, what-if]. */
  arms: Arm[];
  /** Compare mode: further arms (catalog scenarios), each compared with the baseline like the what-if; [] otherwise. */
  extra: Arm[];
  periods: Period[];
  /** Segments of the union of both arms' phase boundaries (compare mode; empty in single mode). */
  segments: Segment[];
  agents: number;
  seed: number | string;
  reps: number;
  /** Real people per user agent. */
  weight: number;
  /** Sum of the runs' wall times, ms. */
  wallMs: number;
}

/** Every arm of a view: the baseline, the what-if and the further arms (compare), or the one scenario (single). */
export const allArms = (v: ViewModel): Arm[] => [...v.arms, ...(v.extra ?? [])];

/** The arm whose phases and policy timeline the charts' bands and markers show (the what-if). */
export const shownArm = (v: ViewModel): Arm => v.arms[v.arms.length - 1];

/** Months `YYYY-MM` from the first to the last month of the given spans. */
export function monthsOf(spans: readonly { start: string; end: string }[]): string[] {
  const first = spans.map((s) => s.start.slice(0, 7)).sort()[0];
  const last = spans.map((s) => s.end.slice(0, 7)).sort().reverse()[0];
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    out.push(label);
    if (label >= last) break;
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}
