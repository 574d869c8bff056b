import { mergeSweep, type MergeSummary } from '../sweep/mergeSweep.ts';

/**
 * `market-sim merge DIR... --out FILE`: join the finished runs of sweep directories
 * (the shards of one sweep) into one Parquet or CSV file, in run order, each run once.
 */
export async function mergeCommand(dirs: string[], opts: { out: string }): Promise<MergeSummary> {
  const m = await mergeSweep(dirs, opts.out);
  process.stdout.write(`merged ${m.runs} of ${m.totalRuns} runs (${m.rows} rows) from ${dirs.length} director${dirs.length > 1 ? 'ies' : 'y'} into ${m.file}; manifest ${m.manifestFile}\n`);
  if (m.duplicates) process.stdout.write(`${m.duplicates} runs found in more than one directory were taken once\n`);
  if (m.missingRuns) process.stderr.write(`warning: ${m.missingRuns} of ${m.totalRuns} runs are missing (shards not finished or not given)\n`);
  return m;
}
