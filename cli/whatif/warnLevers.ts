import { leverWarnings, type ResolvedScenario } from '../../engine/index.ts';

/**
 * Print, on stderr, every lever of the scenario's timeline that has no effect from the day it
 * takes effect (engine leverWarnings): `warning: <file>: <policy path>: <reason>`. Returns the count.
 */
export function warnIneffectiveLevers(s: ResolvedScenario, file: string): number {
  const warnings = leverWarnings(s);
  for (const w of warnings) process.stderr.write(`warning: ${file}: ${w.path}: ${w.message}\n`);
  return warnings.length;
}
