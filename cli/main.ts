import { Command, CommanderError, Option } from 'commander';
import { ScenarioError } from '../engine/index.ts';
import { UsageError } from './errors.ts';
import { runCommand } from './commands/run.ts';
import { listCommand } from './commands/list.ts';
import { validateCommand } from './commands/validate.ts';
import { paramsCommand } from './commands/params.ts';
import { compareCommand, COMPARE_DEFAULT_AGENTS, COMPARE_DEFAULT_REPS, parseReps } from './commands/compare.ts';
import { runReplicatedCommand } from './commands/runReps.ts';
import { ReplicationsInterrupted } from './whatif/runReplications.ts';
import { explainCommand, EXPLAIN_DEFAULT_AGENTS, EXPLAIN_DEFAULT_FIGURES, EXPLAIN_DEFAULT_REPS } from './commands/explain.ts';
import { schemaCommand } from './commands/schema.ts';
import { registerCalibrationCommands } from './commands/calibrate.ts';
import { reportCommand } from './report/reportCommand.ts';
import { sweepCommand } from './commands/sweep.ts';
import { mergeCommand } from './commands/merge.ts';

/** Exit codes: 0 success, 1 failure, 2 bad input. */
const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** Build the `market-sim` program (commands register here). */
function buildProgram(): Command {
  const program = new Command('market-sim')
    .description('Agent-based simulation of content-to-commerce between RED (Xiaohongshu), Taobao/Tmall, JD, Pinduoduo and Douyin, 2018–2025, with what-if policies.')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  program.command('run')
    .description('Run a scenario: print the per-phase table, write result.json and tidy CSVs with --out')
    .argument('<scenario>', 'scenario file (JSON) or catalog name, e.g. scenarios/historical.json or historical')
    .option('--seed <n>', 'random seed (whole number or string); default: the scenario\'s')
    .option('--agents <n>', 'number of user agents; default: the scenario\'s (50,000)')
    .option('--out <dir>', 'write result.json, series.csv, phases.csv, funnel.csv, groups.csv, merchants.csv, red.csv, creators.csv, pnl.csv, category_funnel.csv, repurchase.csv, size_classes.csv here')
    .option('--json', 'print the whole Result as JSON on stdout instead of the table')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--reps <R>', 'replications: R > 1 runs R seeds derived from the root seed (--seed or the scenario\'s) and prints mean and 95% CI per phase figure; --out/--json then give the replication summary')
    .option('--report <file>', 'write a self-contained HTML report (charts and tables, no server needed) of the run, or with --baseline of the comparison')
    .option('--baseline <scenario>', 'with --report: compare the scenario against this baseline on the same seeds (paired differences per phase segment)')
    .option('--workers <n>', 'with --reps: worker threads for the replications; default: all cores (1: in this thread)')
    .action(async (file, opts) => {
      const reps = opts.reps !== undefined ? parseReps(opts.reps) : 1;
      if (opts.report) { reportCommand(file, reps, opts); return; }
      if (opts.baseline) throw new UsageError('--baseline: only used with --report (for a paired table use `market-sim compare`)');
      if (reps > 1) await runReplicatedCommand(file, reps, opts); else await runCommand(file, opts);
    });
  program.command('compare')
    .description('Paired comparison B − A of two (or more: each against A) scenarios over R replications with common random numbers: differences per phase segment and platform with 95% intervals')
    .argument('<a>', 'baseline scenario (file or catalog name)')
    .argument('<b>', 'what-if scenario (file or catalog name)')
    .argument('[more...]', 'more what-if scenarios: each is compared against A on the same seeds, and the best arm for --best is reported')
    .option('--reps <R>', `replications (seed pairs), at least 2; default ${COMPARE_DEFAULT_REPS}`)
    .option('--seed <n>', 'root seed the replication seeds derive from; default: scenario A\'s')
    .option('--agents <n>', `user agents per run (both arms); default: the smaller of the scenarios' own and ${COMPARE_DEFAULT_AGENTS.toLocaleString('en-US')}`)
    .option('--out <dir>', 'write comparison.json, comparison.csv and replicates.csv here (with more than two scenarios or --best also best.csv)')
    .option('--json', 'print the whole comparison as JSON on stdout instead of the table')
    .option('--best <figure>', 'rank the arms by this figure (platform.metric, e.g. taotian.gmv_per_year) per period; default red.ad_revenue_per_year with more than two scenarios')
    .option('--lower-is-better', 'with --best: the lowest mean is best')
    .option('--seasonal', 'also report each segment\'s money rates as seasonally adjusted annual rates (<metric>_saar rows, basis "saar" in JSON/CSV; see docs/result.md)')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--workers <n>', 'worker threads for the replications; default: all cores (1: in this thread)')
    .action(async (a, b, more, opts) => { await compareCommand(a, b, opts, more); });
  program.command('explain')
    .description('Why B − A: decompose the paired difference of every compared figure into the policy components that differ (timeline entries or levers, parameters) by Shapley values over hybrid scenarios with common random numbers, with 95% intervals')
    .argument('<a>', 'baseline scenario (file or catalog name)')
    .argument('<b>', 'what-if scenario (file or catalog name); same start and end as A')
    .option('--reps <R>', `replications, at least 2; default ${EXPLAIN_DEFAULT_REPS}`)
    .option('--seed <n>', 'root seed the replication seeds derive from; default: scenario A\'s')
    .option('--agents <n>', `user agents per run; default: the smaller of the scenarios' own and ${EXPLAIN_DEFAULT_AGENTS.toLocaleString('en-US')}`)
    .option('--grain <g>', 'components: entry (one per differing timeline entry) or lever (one per differing lever of an entry); default entry')
    .option('--permutations <P>', 'with more than 6 components: sampled permutations (even); default 16')
    .option('--figures <list>', `figures the table shows, platform.metric,…; default ${EXPLAIN_DEFAULT_FIGURES}`)
    .option('--seasonal', 'also decompose the seasonally adjusted annual rates (<metric>_saar)')
    .option('--out <dir>', 'write explanation.json, explanation.csv and explanation-replicates.csv here')
    .option('--json', 'print the whole explanation as JSON on stdout instead of the table')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--workers <n>', 'worker threads for the runs; default: all cores (1: in this thread)')
    .action(async (a, b, opts) => { await explainCommand(a, b, opts); });
  program.command('list')
    .description('List the scenario catalog with titles')
    .option('--json', 'as JSON')
    .action((opts) => listCommand(opts));
  program.command('validate')
    .description('Check a scenario file (schema, extends, timeline) without running it')
    .argument('<scenario>', 'scenario file or catalog name')
    .action((file) => validateCommand(file));
  program.command('params')
    .description('List every model parameter with default, unit, range and source')
    .addOption(new Option('--markdown', 'as a Markdown table'))
    .option('--json', 'as JSON')
    .option('--update-docs', 'rewrite the parameter table in docs/ODD.md')
    .action((opts) => paramsCommand(opts));
  program.command('schema')
    .description('Print the JSON Schema of scenario files (generated from the zod schema the code validates with)')
    .option('--update-docs', 'rewrite docs/scenario.schema.json and the generated tables in docs/scenarios.md')
    .action((opts) => schemaCommand(opts));
  program.command('sweep')
    .description('Run a sweep file (scenarios × design points × replications) on all cores, resumably; tidy rows per run in DIR/parts (Parquet and CSV), merged into DIR/results.* when complete')
    .argument('<sweep>', 'sweep file (JSON, see docs/sweeps.md and docs/sweep.schema.json)')
    .requiredOption('--out <dir>', 'sweep directory (created; re-running the same command resumes it)')
    .option('--workers <n>', 'worker threads; default: all cores')
    .option('--shard <i/N>', 'run only slice i of N (0-based; runs r with r mod N = i); default from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID, else the whole sweep')
    .option('--shard-count <N>', 'number of shards with JOB_COMPLETION_INDEX/SLURM_ARRAY_TASK_ID (else MARKET_SIM_SHARD_COUNT / SLURM_ARRAY_TASK_COUNT)')
    .option('--no-merge', 'do not write DIR/results.* when an unsharded sweep completes')
    .option('--force', 'run a sweep of more than 1,000,000 runs (refused otherwise)')
    .option('-q, --quiet', 'no progress on stderr')
    .action(async (file, opts) => { await sweepCommand(file, opts); });
  program.command('merge')
    .description('Join the finished runs of sweep directories (shards) into one Parquet or CSV file, in run order')
    .argument('<dirs...>', 'sweep directories')
    .requiredOption('--out <file>', 'output file ending in .parquet or .csv (a .manifest.json is written beside it)')
    .action(async (dirs, opts) => { await mergeCommand(dirs, opts); });
  registerCalibrationCommands(program);
  return program;
}

/** Run the CLI with argv; returns the exit code (never throws). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return EXIT.ok;
      return EXIT.badInput;
    }
    if (err instanceof ReplicationsInterrupted) {
      process.stderr.write(`${err.message}; run the same command again to start over\n`);
      return err.exitCode;
    }
    if (err instanceof ScenarioError || err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT.badInput;
    }
    process.stderr.write(`market-sim failed: ${(err as Error).stack ?? err}\n`);
    return EXIT.failure;
  }
}

// A reader that stops early (`market-sim … --json | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(EXIT.ok);
  throw err;
});
const code = await main(process.argv.slice(2));
process.exitCode = code;
