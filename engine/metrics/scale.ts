// Owns the step from agent scale to real scale shared by the reporters: fen → RMB at the user weight, and monthly MAU.
import type { Books } from './books.ts';
import { L, LEDGER_SIZE } from './ledger.ts';

/** fen at agent scale → RMB at real scale, for user weight w. */
export function rmbAt(w: number): (fen: number) => number {
  return (fen: number) => (fen / 100) * w;
}

/** RED's MAU (people, real scale) of every month of the run, in month order. */
export function monthlyMau(b: Books): number[] {
  const w = b.weight;
  return b.monthLabels.map((_, mi) => b.monthAcc[mi * LEDGER_SIZE + L.mauNew] * w);
}

/** Mean of the monthly MAU values of the months whose label passes `keep`; NaN when none. */
export function meanMau(b: Books, mau: number[], keep: (label: string) => boolean): number {
  const months = b.monthLabels.map((m, i) => [m, i] as const).filter(([m]) => keep(m)).map(([, i]) => mau[i]);
  return months.length ? months.reduce((s, v) => s + v, 0) / months.length : NaN;
}
