/** The scenario's timeline expanded to days: which policy state and which phase each day of the run is in. */
import type { Calendar } from '../calendar.ts';
import type { PolicyState } from './policy.ts';
import type { ResolvedScenario } from './resolve.ts';

export interface DayIndex {
  /** The distinct policy states in force, in time order (the initial state first). */
  states: PolicyState[];
  /** Index into `states` of each day. */
  policyOfDay: Int32Array;
  /** Index into the scenario's phases of each day. */
  phaseOfDay: Int32Array;
}

/** Expand the timeline and the phases over the calendar (entries dated on the start day are part of the initial state). */
export function indexDays(scenario: ResolvedScenario, cal: Calendar, isoOfDay: (d: number) => string): DayIndex {
  const states: PolicyState[] = [scenario.initial];
  const policyOfDay = new Int32Array(cal.days);
  const entries = scenario.timeline;
  for (let d = 0, idx = 0, e = 0; d < cal.days; d++) {
    const iso = isoOfDay(d);
    while (e < entries.length && entries[e].date <= iso) {
      if (entries[e].date > scenario.start) { states.push(entries[e].state); idx = states.length - 1; }
      e++;
    }
    policyOfDay[d] = idx;
  }
  const phaseOfDay = new Int32Array(cal.days);
  for (let d = 0, ph = 0; d < cal.days; d++) {
    const iso = isoOfDay(d);
    while (ph + 1 < scenario.phases.length && scenario.phases[ph + 1].start <= iso) ph++;
    phaseOfDay[d] = ph;
  }
  return { states, policyOfDay, phaseOfDay };
}
