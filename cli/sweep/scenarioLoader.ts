import { fileLoader } from '../io/loadScenario.ts';

/**
 * A loader for a scenario built in memory that extends the file `base` (a sweep's run):
 * each base is found beside the file that names it, then in the catalog, never in the
 * working directory (as cli/io/loadScenario does). Resolve such a scenario with a source
 * other than `base` (e.g. the sweep file): the loader names `base` as the first base.
 */
export function scenarioLoader(base: string): (name: string, from: string) => unknown {
  return fileLoader(base, false).load;
}
