import { epochDay } from '../../engine/calendar.ts';
import type { ResolvedScenario } from '../../engine/index.ts';

/** Number of simulated days of a resolved scenario (start and end inclusive). */
export function daysOf(s: ResolvedScenario): number {
  return epochDay(s.end) - epochDay(s.start) + 1;
}
