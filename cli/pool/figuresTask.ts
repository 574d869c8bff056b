import type { ResolvedScenario } from '../../engine/scenario/resolve.ts';
import { simulate } from '../../engine/simulate.ts';
import { comparedRunFigures } from '../../engine/stats/compareArms.ts';
import { figuresOf, type FigureRow } from '../../engine/stats/figures.ts';

/** One replication of `compare` or `run --reps` for a worker thread: a resolved scenario and its seed. */
export interface FiguresTask {
  scenario: ResolvedScenario;
  seed: number;
  agents?: number;
  /** 'compare': the figures a comparison keeps (comparedRunFigures); 'replicate': every figure (figuresOf). */
  kind: 'compare' | 'replicate';
  seasonal: boolean;
}

/** The figures of the run and its manifest's wall time, agents and weight. */
export interface FiguresOutcome { figures: FigureRow[]; wallMs: number; agents: number; weight: number }

/** The pool's task handler for replications: simulate, keep only the figures (small enough to post back). */
export default function figuresTask(t: FiguresTask): FiguresOutcome {
  const r = simulate(t.scenario, { seed: t.seed, agents: t.agents, clock: () => performance.now() });
  const figures = t.kind === 'compare' ? comparedRunFigures(r, t.seasonal) : figuresOf(r);
  return { figures, wallMs: r.manifest.wallMs, agents: r.manifest.agents, weight: r.manifest.weight };
}
