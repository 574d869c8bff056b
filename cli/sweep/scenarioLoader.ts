import { locateScenario, readJsonFile } from '../io/loadScenario.ts';

/**
 * A loader for `extends` in a scenario whose source file is `source`: each base is
 * found relative to the file that names it (as cli/io/loadScenario does).
 */
export function scenarioLoader(source: string): (name: string, from: string) => unknown {
  const fileOf = new Map<string, string>([[source, source]]);
  return (name, from) => {
    const file = locateScenario(name, fileOf.get(from) ?? source);
    fileOf.set(name, file);
    return readJsonFile(file);
  };
}
