import { join } from 'node:path';
import { simulate, type Result } from '../../engine/index.ts';
import { FREE_PARAMETERS, parametersOf } from '../../engine/calibration/freeParameters.ts';
import { morris } from '../../engine/calibration/morris.ts';
import { sobol } from '../../engine/calibration/sobol.ts';
import { withParameters } from '../../engine/calibration/withParameters.ts';
import { MEASURES, seriesSum, seriesYearMean } from '../../engine/metrics/targets.ts';
import { UsageError } from '../errors.ts';
import { atomicWriteAll } from '../io/atomicWrite.ts';
import { prepareOutDir } from '../io/outputPath.ts';
import { toCsv } from '../io/csv.ts';
import { loadScenario } from '../io/loadScenario.ts';
import { parseAgents, parseSeed } from '../options.ts';
import { evalProgress } from '../progress.ts';
import { DEFAULT_TARGETS, loadTargets } from './targets.ts';

/** Options of `market-sim sensitivity`. */
interface SensitivityCliOptions { method?: string; outputs: string; samples?: string; agents?: string; seed?: string; out?: string; quiet?: boolean }

/** Units that are levels (averaged over months), not flows (summed). */
const LEVEL_UNITS = new Set(['people', 'share', 'index 0-1', 'merchant agents']);

/**
 * An output of the sensitivity analysis: a target id (engine/metrics/targets.ts),
 * or `metric.platform[:YYYY]` from the monthly series — flows (RMB, orders) summed
 * over the year (default: the whole run), levels (people, shares) averaged.
 */
function outputMeasure(spec: string): (r: Result) => number {
  if (spec in MEASURES) return MEASURES[spec].measure;
  const m = /^([a-z_]+)\.([a-z]+)(?::(\d{4}))?$/.exec(spec);
  if (!m) throw new UsageError(`--outputs: expected metric.platform[:YYYY] (e.g. gmv.taotian, ad_revenue.red:2024) or a target id, got ${JSON.stringify(spec)}`);
  const [, metric, platform, year] = m;
  return (r) => {
    const row = r.series.find((x) => x.metric === metric && x.platform === platform && x.category === 'all');
    if (!row) throw new UsageError(`--outputs: no series ${metric} for platform ${platform} (see docs/result.md)`);
    const years = year ? [Number(year)] : [...new Set(r.months.map((p) => Number(p.slice(0, 4))))];
    if (LEVEL_UNITS.has(row.unit)) return years.reduce((s, y) => s + seriesYearMean(r, platform, metric, y), 0) / years.length;
    return seriesSum(r, platform, metric, years.map((y) => `${y}-`));
  };
}

/** `market-sim sensitivity <scenario>`: Morris or Sobol indices of the outputs over the free parameters' search boxes. */
export function sensitivityCommand(file: string, opts: SensitivityCliOptions) {
  const method = opts.method ?? 'morris';
  if (method !== 'morris' && method !== 'sobol') throw new UsageError(`--method: expected morris or sobol, got ${JSON.stringify(method)}`);
  const specs = opts.outputs.split(',').map((s) => s.trim()).filter(Boolean);
  if (!specs.length) throw new UsageError('--outputs: expected at least one output');
  const measures = specs.map(outputMeasure);
  const samples = opts.samples !== undefined ? Number(opts.samples) : method === 'morris' ? 10 : 32;
  if (!Number.isInteger(samples) || samples < (method === 'morris' ? 2 : 4) || samples > 10000) throw new UsageError(`--samples: expected a whole number in [${method === 'morris' ? 2 : 4}, 10000], got ${JSON.stringify(opts.samples)}`);
  const scenario = loadScenario(file);
  const agents = opts.agents !== undefined ? parseAgents(opts.agents) : 3000;
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : scenario.seed;
  const out = opts.out ?? 'sensitivity';
  prepareOutDir('--out', out, ['sensitivity.csv', 'sensitivity.json']);
  const k = FREE_PARAMETERS.length;
  const total = method === 'morris' ? samples * (k + 1) : samples * (k + 2);
  const progress = evalProgress(`sensitivity ${method}`, total, opts.quiet);
  let n = 0;
  const model = (u: number[]) => {
    const r = simulate(withParameters(scenario, parametersOf(FREE_PARAMETERS, u)), { seed, agents });
    progress.update(++n);
    return measures.map((f) => f(r));
  };
  // for a target output, μ* in half-widths of the target's range: how far one search box moves it relative to what it may vary (identification)
  const halfWidth = targetHalfWidths(specs);
  const rows = method === 'morris'
    ? morris(model, k, { trajectories: samples }).map((x) => ({ output: specs[x.output], parameter: FREE_PARAMETERS[x.factor].key, index: 'mu_star', value: x.muStar.value, lo: x.muStar.lo, hi: x.muStar.hi, mu: x.mu, sigma: x.sigma, per_range: x.muStar.value / halfWidth[x.output] }))
    : sobol(model, k, { samples }).flatMap((x) => [
      { output: specs[x.output], parameter: FREE_PARAMETERS[x.factor].key, index: 'S1', value: x.first.value, lo: x.first.lo, hi: x.first.hi },
      { output: specs[x.output], parameter: FREE_PARAMETERS[x.factor].key, index: 'ST', value: x.total.value, lo: x.total.lo, hi: x.total.hi },
    ]);
  progress.stop();
  atomicWriteAll([
    [join(out, 'sensitivity.csv'), toCsv(rows)],
    [join(out, 'sensitivity.json'), JSON.stringify({ scenario: scenario.id, method, samples, agents, seed, parameters: FREE_PARAMETERS, rows }, null, 1) + '\n'],
  ]);
  const key = method === 'morris' ? 'mu_star' : 'ST';
  const lines: string[] = [`${method} sensitivity of ${scenario.id}: ${total} runs at ${agents.toLocaleString('en-US')} agents, seed ${seed}; ${method === 'morris' ? 'μ* = mean |elementary effect| per unit of the parameter\'s search box' : 'S1 first-order, ST total-effect Sobol indices'} with bootstrap 95% intervals`];
  for (const spec of specs) {
    lines.push('', `${spec}:`);
    const ranked = rows.filter((r) => r.output === spec && r.index === key).sort((a, b) => b.value - a.value);
    for (const r of ranked) {
      const s1 = method === 'sobol' ? rows.find((x) => x.output === spec && x.parameter === r.parameter && x.index === 'S1') : undefined;
      const g = (v: number) => (Math.abs(v) >= 1e6 ? v.toExponential(3) : v.toFixed(4));
      lines.push(`  ${r.parameter.padEnd(30)} ${key} ${g(r.value).padStart(11)} [${g(r.lo)}, ${g(r.hi)}]` + (s1 ? `   S1 ${g(s1.value)} [${g(s1.lo)}, ${g(s1.hi)}]` : ''));
    }
  }
  if (method === 'morris' && halfWidth.some(Number.isFinite)) lines.push('', ...identificationLines(rows.map((r) => ({ output: r.output, parameter: r.parameter, per_range: 'per_range' in r ? Number(r.per_range) : NaN }))));
  lines.push('', `wrote sensitivity.csv and sensitivity.json to ${out}`);
  process.stdout.write(lines.join('\n') + '\n');
  return rows;
}

/** Half-width of each output's target range (targets file), NaN for an output that is not a target. */
function targetHalfWidths(specs: string[]): number[] {
  if (!specs.some((x) => x in MEASURES)) return specs.map(() => NaN);
  const byId = new Map(loadTargets(DEFAULT_TARGETS).targets.map((t) => [t.id, t]));
  return specs.map((x) => {
    const t = byId.get(x);
    return t ? (t.range[1] - t.range[0]) / 2 : NaN;
  });
}

/** Per free parameter, the targets it moves by at least a quarter of their half-range over its search box (μ* / half-width), strongest first. */
function identificationLines(rows: { output: string; parameter: string; per_range: number }[]): string[] {
  const lines = ['identification: targets moved by ≥ 0.25 of their half-range (μ* / half-width) per search box, strongest first'];
  for (const p of FREE_PARAMETERS) {
    const hits = rows.filter((r) => r.parameter === p.key && r.per_range >= 0.25).sort((a, b) => b.per_range - a.per_range);
    lines.push(`  ${p.key.padEnd(30)} ${hits.length ? hits.map((r) => `${r.output} ${r.per_range.toFixed(2)}`).join(', ') : '(none: weakly identified)'}`);
  }
  return lines;
}
