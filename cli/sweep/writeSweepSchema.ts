// Regenerate docs/sweep.schema.json from the zod schema: `npx tsx cli/sweep/writeSweepSchema.ts`.
import { atomicWrite } from '../io/atomicWrite.ts';
import { SWEEP_SCHEMA_PATH, sweepSchemaText } from './sweepJsonSchema.ts';

atomicWrite(SWEEP_SCHEMA_PATH, sweepSchemaText());
process.stdout.write(`wrote ${SWEEP_SCHEMA_PATH}\n`);
