import { armSegments } from '../../engine/stats/segments.ts';
import { replicationSeed, withSegments, type FigureRow, type ResolvedScenario, type Segment } from '../../engine/index.ts';
import { summarise } from './summarise.ts';
import { monthsOf, type Arm, type Period, type ViewModel } from './viewModel.ts';

/** Most further arms the page compares with the baseline besides the what-if (4 arms in all). */
export const MAX_EXTRA_ARMS = 2;

/** What to run: one scenario (single) or a baseline and a what-if (compare), R replications each. */
export interface RunRequest {
  mode: 'single' | 'compare';
  /** The baseline (compare mode only). */
  base?: ResolvedScenario;
  /** The scenario shown in single mode; the what-if arm in compare mode. */
  whatIf: ResolvedScenario;
  /** Compare mode: further arms, each against the baseline (the page allows up to MAX_EXTRA_ARMS). */
  extra?: ResolvedScenario[];
  /** User agents per run (both arms). */
  agents: number;
  /** Root seed: one replication runs with this seed itself (as `market-sim run`); R > 1 run replicationSeed(seed, i), i < R (as `run --reps` and `compare`). */
  seed: number | string;
  /** Replications, a whole number >= 1. */
  reps: number;
}

/** One simulation to run: an arm (its scenario, with compare segments as phases) and a seed. */
export interface Job {
  /** 'extra' = a further arm of compare mode, number `extra` (0-based). */
  arm: 'base' | 'whatIf' | 'extra';
  extra?: number;
  rep: number;
  seed: number | string;
  agents: number;
  scenario: ResolvedScenario;
}

/** The jobs of a request (replication-major, so both arms of a seed finish close together) and the compare segments. */
export function planJobs(req: RunRequest): { jobs: Job[]; segments: Segment[] } {
  const seeds = req.reps === 1 ? [req.seed] : Array.from({ length: req.reps }, (_, i) => replicationSeed(req.seed, i));
  if (req.mode === 'single' || !req.base) {
    return { jobs: seeds.map((seed, rep) => ({ arm: 'whatIf', rep, seed, agents: req.agents, scenario: req.whatIf })), segments: [] };
  }
  const extra = req.extra ?? [];
  // Segments between every arm's phase boundaries (as engine compareArms; with two arms unionSegments), as seen by baseline vs what-if.
  const segments = armSegments([req.base, req.whatIf, ...extra])[0];
  const arms = { base: withSegments(req.base, segments), whatIf: withSegments(req.whatIf, segments) };
  const more = extra.map((s) => withSegments(s, segments));
  const jobs: Job[] = seeds.flatMap((seed, rep) => [
    ...(['base', 'whatIf'] as const).map((arm) => ({ arm, rep, seed, agents: req.agents, scenario: arms[arm] })),
    ...more.map((scenario, k) => ({ arm: 'extra' as const, extra: k, rep, seed, agents: req.agents, scenario })),
  ]);
  return { jobs, segments };
}

const span = (start: string, end: string) => `${start} – ${end}`;

/**
 * The title of a compare segment: its phase and dates; where the arms are in
 * different phases, both ("what-if: X · baseline: Y"), so a segment cut by a
 * baseline phase boundary does not seem to carry the previous segment's label.
 */
export function segmentTitle(g: Segment): string {
  const phases = g.phaseA && g.phaseB && g.phaseA !== g.phaseB ? `what-if: ${g.phaseB} · baseline: ${g.phaseA}` : g.phaseB || g.phaseA;
  return `${phases} (${span(g.start, g.end)})`;
}

/** Assemble the view from the figures of every job (same order as planJobs), with the runs' total wall time (ms) and weight. */
export function assembleView(req: RunRequest, plan: { jobs: Job[]; segments: Segment[] }, figures: readonly FigureRow[][], wallMs: number, weight: number): ViewModel {
  const byArm = (arm: Job['arm'], k?: number) => plan.jobs.map((j, i) => (j.arm === arm && j.extra === k ? figures[i] : null)).filter((f): f is FigureRow[] => f !== null);
  const compare = req.mode === 'compare' && !!req.base;
  const arms: Arm[] = compare
    ? [
        { role: 'base', label: 'Baseline', scenario: req.base!, figures: summarise(byArm('base')) },
        { role: 'whatIf', label: 'What-if', scenario: req.whatIf, figures: summarise(byArm('whatIf')) },
      ]
    : [{ role: 'whatIf', label: req.whatIf.title, scenario: req.whatIf, figures: summarise(byArm('whatIf')) }];
  const periods: Period[] = compare
    ? plan.segments.map((g) => ({ key: g.label, title: segmentTitle(g), start: g.start, end: g.end, common: g.common }))
    : req.whatIf.phases.map((p) => ({ key: p.label, title: `${p.label} (${span(p.start, p.end)})`, start: p.start, end: p.end, common: true }));
  return {
    mode: compare ? 'compare' : 'single',
    months: monthsOf([...arms.map((a) => a.scenario), ...(compare ? req.extra ?? [] : [])]),
    arms, periods, segments: plan.segments,
    extra: compare ? (req.extra ?? []).map((scenario, k) => ({ role: 'whatIf' as const, label: `Arm ${k + 3}: ${scenario.title}`, scenario, figures: summarise(byArm('extra', k)) })) : [],
    agents: req.agents, seed: req.seed, reps: req.reps, weight, wallMs,
  };
}
