import { join } from 'node:path';
import { atomicWrite } from '../io/atomicWrite.ts';
import { scenarioJsonSchema } from '../whatif/jsonSchema.ts';
import { updateScenarioDocs } from '../whatif/scenarioDocs.ts';

/** Where the committed JSON Schema lives (scenario files point at it with "$schema"). */
export const SCHEMA_PATH = join(import.meta.dirname, '../../docs/scenario.schema.json');

/** The schema file's text exactly as committed (2-space JSON plus a newline). */
export function scenarioSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}

/** Print the JSON Schema, or with --update-docs rewrite docs/scenario.schema.json and the generated tables of docs/scenarios.md. */
export function schemaCommand(opts: { updateDocs?: boolean }): void {
  if (!opts.updateDocs) { process.stdout.write(scenarioSchemaText()); return; }
  atomicWrite(SCHEMA_PATH, scenarioSchemaText());
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
  updateScenarioDocs();
}
