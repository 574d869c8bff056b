import { ENGINE_VERSION, type ResolvedScenario } from '../../engine/index.ts';
import { atomicWrite } from '../io/atomicWrite.ts';
import { prepareOutFile } from '../io/outputPath.ts';
import { loadScenario } from '../io/loadScenario.ts';
import { parseAgents, parseSeed } from '../options.ts';
import { createProgress } from '../progress.ts';
import { human } from '../format.ts';
import { UsageError } from '../errors.ts';
import { pairedDiffs } from '../../viz/data/paired.ts';
import { renderReport } from './renderReport.ts';
import { runView } from './runView.ts';

/** Options of `market-sim run <scenario> --report <file>`. */
interface ReportOptions { report: string; baseline?: string; seed?: string; agents?: string; quiet?: boolean; json?: boolean; out?: string }

/**
 * `market-sim run <scenario> --report <file> [--baseline <scenario>] [--reps R]`:
 * run the scenario R times (or, with --baseline, both scenarios on the same R
 * seeds) and write a self-contained HTML report of charts and tables, atomically.
 * Prints a one-line summary per phase (or per compared segment) on stdout.
 */
export function reportCommand(file: string, reps: number, opts: ReportOptions): void {
  if (opts.out || opts.json) throw new UsageError(`--report: cannot be combined with ${opts.out ? '--out' : '--json'}; run once with --report and once with ${opts.out ? '--out' : '--json'}`);
  if (!/\.html?$/i.test(opts.report)) throw new UsageError(`--report: expected a file name ending in .html, got ${JSON.stringify(opts.report)}`);
  const whatIf = loadScenario(file);
  const base: ResolvedScenario | undefined = opts.baseline ? loadScenario(opts.baseline) : undefined;
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : (base ?? whatIf).seed;
  const agents = opts.agents !== undefined ? parseAgents(opts.agents) : Math.min(whatIf.agents, base?.agents ?? Infinity);
  prepareOutFile('--report', opts.report);
  const mode = base ? 'compare' as const : 'single' as const;
  const label = base ? `report ${base.id} vs ${whatIf.id} ×${reps}` : `report ${whatIf.id}${reps > 1 ? ` ×${reps}` : ''}`;
  let progress: ReturnType<typeof createProgress> | undefined;
  const view = runView({ mode, base, whatIf, agents, seed, reps }, (done, total) => { (progress ??= createProgress(label, total, opts.quiet || opts.json)).update(done); });
  progress?.stop();
  const command = ['market-sim run', file, base ? `--baseline ${opts.baseline}` : '', `--seed ${seed}`, `--agents ${agents}`, reps > 1 ? `--reps ${reps}` : '', `--report ${opts.report}`].filter(Boolean).join(' ');
  const html = renderReport(view, { generated: new Date().toISOString().slice(0, 19).replace('T', ' ') + ' UTC', command, engine: ENGINE_VERSION });
  atomicWrite(opts.report, html);
  const out: string[] = [];
  if (mode === 'compare') {
    for (const d of pairedDiffs(view, 'gmv_per_year').filter((x) => x.platform === 'taotian')) {
      out.push(`${d.title}: Taobao/Tmall GMV/yr ${d.identical ? 'no difference' : `${d.diff >= 0 ? '+' : ''}${human(d.diff)} RMB [${human(d.lo)}, ${human(d.hi)}]`}`);
    }
  } else {
    const arm = view.arms[0];
    for (const p of view.periods) out.push(`${p.title}: RED ads/yr ${human(arm.figures.get('phases', p.key, 'red', 'ad_revenue_per_year')?.mean ?? NaN)} RMB, Taobao/Tmall GMV/yr ${human(arm.figures.get('phases', p.key, 'taotian', 'gmv_per_year')?.mean ?? NaN)} RMB`);
  }
  process.stdout.write(`${out.join('\n')}\n\nwrote ${opts.report} (${(html.length / 1024).toFixed(0)} KB; ${view.reps} replication${view.reps > 1 ? 's' : ''}, ${agents.toLocaleString('en-US')} agents, ${(view.wallMs / 1000).toFixed(1)} s of simulation)\n`);
}
