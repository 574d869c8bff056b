// Owns `Books`: what the simulation hands to the result builder (ledger slices and per-year tables of a finished run).
import type { Phase } from '../scenario/resolve.ts';

/** What the simulation hands to the result builder. */
export interface Books {
  monthAcc: Float64Array;
  phaseAcc: Float64Array;
  yearAcc: Float64Array;
  monthDays: Int32Array;
  phaseDays: Int32Array;
  yearDays: Int32Array;
  noteSeededShare: Float64Array;
  /** RED-active users of each year per city tier (agents; rows of N_TIERS) and those of them with a note-seeded purchase. */
  tierActive: Float64Array;
  tierSeeded: Float64Array;
  merchantYears: { year: number; rows: Float64Array; spend: Float64Array; program: Uint8Array; category: Uint8Array; home: Uint8Array; sizeQuantile: Float64Array; quality: Float64Array; awareness: Float64Array; pricePoint: Float64Array }[];
  creatorYears: { year: number; incomeByTier: number[]; activeShareByTier: number[] }[];
  monthLabels: string[];
  years: number[];
  phases: Phase[];
  weight: number;
}
