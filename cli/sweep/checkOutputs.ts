import { CATEGORIES, PLATFORMS, resolveScenario, ScenarioError, simulate, type ResolvedScenario } from '../../engine/index.ts';
import { epochDay, isoOfEpochDay } from '../../engine/calendar.ts';
import { scenarioLoader } from './scenarioLoader.ts';
import type { Plan } from './plan.ts';
import { SWEEP_TABLES, tableRows, YEARLY_TABLES, type SweepTable } from './resultTables.ts';

/** Month labels YYYY-MM of a scenario's span. */
function monthsOf(s: ResolvedScenario): string[] {
  const out: string[] = [];
  for (let m = s.start.slice(0, 7); m <= s.end.slice(0, 7);) {
    out.push(m);
    m = isoOfEpochDay(epochDay(`${m}-28`) + 5).slice(0, 7);
  }
  return out;
}

/** Calendar years YYYY of a scenario's span (the periods of the yearly tables). */
function yearsOf(s: ResolvedScenario): string[] {
  const out: string[] = [];
  for (let y = Number(s.start.slice(0, 4)); y <= Number(s.end.slice(0, 4)); y++) out.push(String(y));
  return out;
}

/** "a", "a and b", "a, b and c". */
const and = (xs: readonly string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/**
 * Metric names each table reports, read from a tiny run (50 agents, 10 merchants, two
 * months) of the first scenario through the same mapping the sweep rows use (resultTables.ts),
 * so the list cannot drift from the Result builder.
 */
function knownMetrics(plan: Plan): Record<SweepTable, Set<string>> {
  const base = plan.bases[0];
  const end = isoOfEpochDay(epochDay(base.resolved.start) + 59);
  const probe = resolveScenario({ id: 'probe', extends: base.path, start: base.resolved.start, end, agents: 50, parameters: { 'merchants.agents': 10 } },
    scenarioLoader(base.path), plan.sweep.file);
  const r = simulate(probe, { seed: 1 });
  return Object.fromEntries(SWEEP_TABLES.map((t) => {
    const names = new Set<string>();
    tableRows(r, t, (_period, _platform, _category, metric) => names.add(metric));
    return [t, names];
  })) as Record<SweepTable, Set<string>>;
}

/**
 * Check the outputs selection of a planned sweep: every metric named must exist in a
 * selected table, every platform and category must be known, and every period prefix must
 * match a month (series), phase label (phases) or year (yearly tables) of some swept scenario. Throws a ScenarioError naming each bad entry.
 */
export function checkOutputs(plan: Plan): void {
  const o = plan.sweep.outputs;
  const issues: { path: string; message: string }[] = [];
  const list = (xs: Iterable<string>) => [...xs].map((x) => JSON.stringify(x)).join(', ');
  if (o.metrics) {
    const known = knownMetrics(plan);
    const names = new Set(o.tables.flatMap((t) => [...known[t]]));
    o.metrics.forEach((m, i) => {
      if (!names.has(m)) issues.push({ path: `outputs.metrics[${i}]`, message: `no metric ${JSON.stringify(m)} in the ${and(o.tables)} table${o.tables.length > 1 ? 's' : ''}; expected one of ${list(names)}` });
    });
  }
  const platforms = ['all', ...PLATFORMS];
  o.platforms?.forEach((p, i) => {
    if (!platforms.includes(p)) issues.push({ path: `outputs.platforms[${i}]`, message: `expected one of ${list(platforms)}, got ${JSON.stringify(p)}` });
  });
  const categories = ['all', ...CATEGORIES];
  o.categories?.forEach((c, i) => {
    if (!categories.includes(c)) issues.push({ path: `outputs.categories[${i}]`, message: `expected one of ${list(categories)}, got ${JSON.stringify(c)}` });
  });
  if (o.periods) {
    const yearly = o.tables.some((t) => YEARLY_TABLES.includes(t));
    const periods = plan.bases.flatMap((b) => [...(o.tables.includes('series') ? monthsOf(b.resolved) : []), ...(o.tables.includes('phases') ? b.resolved.phases.map((p) => p.label) : []),
      ...(yearly ? yearsOf(b.resolved) : [])]);
    o.periods.forEach((p, i) => {
      if (!periods.some((x) => x.startsWith(p))) issues.push({ path: `outputs.periods[${i}]`, message: `no month (YYYY-MM)${yearly ? ', year (YYYY)' : ''} or phase label of the swept scenarios starts with ${JSON.stringify(p)}` });
    });
  }
  if (issues.length) throw new ScenarioError(issues, plan.sweep.file);
}
