import { loadScenario } from '../io/loadScenario.ts';
import { warnIneffectiveLevers } from '../whatif/warnLevers.ts';

/** Validate a scenario (schema, extends chain, timeline); prints a summary and, on stderr, levers without effect (warnings; exit code 0); throws ScenarioError when invalid. */
export function validateCommand(file: string): void {
  const s = loadScenario(file);
  process.stdout.write(`${file}: valid — "${s.title}", ${s.start}..${s.end}, ${s.timeline.length} policy entries, ${s.phases.length} phases${s.bases.length ? `, extends ${s.bases.join(' → ')}` : ''}\n`);
  warnIneffectiveLevers(s, file);
}
