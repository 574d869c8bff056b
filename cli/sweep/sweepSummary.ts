import type { MergeSummary } from './mergeSweep.ts';
import type { Plan } from './plan.ts';

/** What a sweep (slice) did. */
export interface SweepSummary {
  plan: Plan;
  /** Runs in this slice, already on disk before this process, run now, and still missing. */
  slice: number; already: number; ran: number; missing: number;
  interrupted: boolean;
  wallSeconds: number;
  merged: MergeSummary[];
  warnings: string[];
}
