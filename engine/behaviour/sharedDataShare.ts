/** sharedDataShare: how much of a sale a merchant sees as RED-driven through a marketplace's data-sharing program. */
import type { DayContext } from './context.ts';

/** Share of merchant m's sale on platform p it can see as RED-driven through shared data: the platform's data level if m is in its program, else 0. */
export function sharedDataShare(ctx: DayContext, m: number, p: number): number {
  return (ctx.merchants.program[m] & (1 << p)) !== 0 ? ctx.dataLevel[p] : 0;
}
