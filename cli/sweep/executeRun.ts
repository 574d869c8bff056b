import { simulate, type ResolvedScenario } from '../../engine/index.ts';
import type { Column } from './columns.ts';
import { encodeCsv, encodeParquet } from './encodeRows.ts';
import type { Format, Outputs } from './parseSweep.ts';
import { writeParts } from './partFiles.ts';
import type { RunSpec } from './plan.ts';
import { tidyRows } from './tidyRows.ts';

/** Everything a worker needs to do one run (structured-cloneable). */
export interface RunTask {
  spec: RunSpec;
  key: string;
  scenario: ResolvedScenario;
  /** Sweep directory the part files go to. */
  dir: string;
  formats: Format[];
  outputs: Outputs;
  /** The columns of the sweep directory's tables (its manifest's: with or without factor columns). */
  columns: Column[];
  /** Live progress: the run's simulated days so far are stored at `slot` of this shared Int32Array buffer after each month. */
  progress?: { buffer: SharedArrayBuffer; slot: number };
}

/** What a finished run reports back (its rows are on disk, not here). */
export interface RunOutcome { run: number; key: string; rows: number; days: number; wallMs: number }

/**
 * Do one run: simulate the resolved scenario with the run's seed, keep the selected
 * tidy rows and commit them as part files (CSV, then Parquet). Runs the same in the
 * main thread and in a worker thread (cli/pool), with the same numbers.
 */
export function executeRun(task: RunTask): RunOutcome {
  const t0 = performance.now();
  const live = task.progress ? new Int32Array(task.progress.buffer) : undefined;
  const slot = task.progress?.slot ?? 0;
  let days = 0;
  const result = simulate(task.scenario, {
    seed: task.spec.seed,
    // The month event reports the 0-based index of the month's last day: days done = day + 1.
    onProgress: (day, total) => { days = total; if (live) Atomics.store(live, slot, Math.min(total, day + 1)); },
  });
  const cols = tidyRows(result, task.spec, task.key, task.outputs, task.columns);
  const files: Partial<Record<Format, string | Uint8Array>> = {};
  if (task.formats.includes('csv')) files.csv = encodeCsv(cols, task.columns);
  if (task.formats.includes('parquet')) files.parquet = encodeParquet(cols, task.columns, { 'market-sim.run': JSON.stringify({ key: task.key, ...task.spec }) });
  writeParts(task.dir, task.spec.run, task.key, files, task.formats, cols.key.length);
  return { run: task.spec.run, key: task.key, rows: cols.key.length, days, wallMs: performance.now() - t0 };
}
