import { CATEGORIES, ScenarioError } from '../../engine/index.ts';
import { PHASE_FIGURES } from '../data/phaseBars.ts';
import { MAX_EXTRA_ARMS } from '../data/runPlan.ts';
import { DIFF_METRICS, type DiffScale } from '../charts/gmvDiffChart.ts';
import { pairedMetrics } from '../data/paired.ts';
import { CATALOG, findCatalog, resolveCatalog } from './catalog.ts';
import { whatIfFile, whatIfFromFile, type WhatIfSpec } from './whatIf.ts';

/** Everything the page shows, kept in the URL hash so that a link reproduces the view. */
export interface ViewState extends WhatIfSpec {
  mode: 'single' | 'compare';
  /** Catalog id of the baseline in compare mode. */
  baseline: string;
  /** User agents per run. */
  agents: number;
  seed: number | string;
  reps: number;
  /** Funnel period key (phase label or compare segment); '' = the last. */
  period: string;
  /** Metric of the paired-differences table. */
  metric: string;
  /** Compare mode's difference chart: absolute (RMB/month) or % of the baseline, and its metric (DIFF_METRICS). */
  diffScale: DiffScale;
  diffMetric: string;
  /** Compare mode: further catalog scenarios, each compared with the baseline (at most MAX_EXTRA_ARMS). */
  extra: string[];
  /** Figure of the phase view (PHASE_FIGURES key). */
  phaseFigure: string;
  /** Category of the category view ('all' or a CATEGORIES id). */
  category: string;
}

/** Agents per run in the browser by default: 10,000 (the CLI default is 50,000), so the historical run takes seconds. */
const BROWSER_AGENTS = 10_000;
export const AGENTS_RANGE = [500, 500_000] as const;
export const REPS_RANGE = [1, 30] as const;

/** The view of a fresh page: historical, one run of 10,000 agents, seed 1. */
function defaultState(): ViewState {
  const s = CATALOG.find((c) => c.id === 'historical')?.id ?? CATALOG[0].id;
  return { scenario: s, from: resolveCatalog(s).start, levers: {}, hold: true, mode: 'single', baseline: s, agents: BROWSER_AGENTS, seed: 1, reps: 1, period: '', metric: 'gmv_per_year', diffScale: 'abs', diffMetric: 'gmv', extra: [], phaseFigure: PHASE_FIGURES[0].key, category: 'all' };
}

/** The hash of a state (`#s=historical&agents=10000&…&w={…}`); the what-if is a full scenario file. */
export function encodeState(st: ViewState): string {
  const p = new URLSearchParams();
  p.set('s', st.scenario);
  if (st.mode === 'compare') { p.set('mode', 'compare'); p.set('b', st.baseline); }
  p.set('agents', String(st.agents)); p.set('seed', String(st.seed)); p.set('reps', String(st.reps));
  if (st.period) p.set('phase', st.period);
  if (st.metric !== 'gmv_per_year') p.set('metric', st.metric);
  if (st.diffScale !== 'abs') p.set('diff', st.diffScale);
  if (st.diffMetric !== 'gmv') p.set('dm', st.diffMetric);
  if (st.mode === 'compare' && st.extra.length) p.set('x', st.extra.join(','));
  if (st.phaseFigure !== PHASE_FIGURES[0].key) p.set('pf', st.phaseFigure);
  if (st.category !== 'all') p.set('cat', st.category);
  const file = whatIfFile(st, resolveCatalog(st.scenario));
  if (file) { p.set('w', JSON.stringify(file)); p.set('hold', st.hold ? '1' : '0'); }
  return `#${p.toString()}`;
}

const intIn = (name: string, raw: string, [lo, hi]: readonly [number, number], errors: string[]): number | undefined => {
  const n = Number(raw);
  if (/^\d+$/.test(raw) && n >= lo && n <= hi) return n;
  errors.push(`${name}: expected a whole number in [${lo}, ${hi}], got ${JSON.stringify(raw.slice(0, 60))}`);
  return undefined;
};

/**
 * Parse a URL hash into a state. Every value is validated; the what-if (`w`) is
 * parsed as JSON and validated and resolved like a scenario file. Problems are
 * returned as messages that name the parameter or the path in the scenario; the
 * state then keeps the defaults for the bad parts. Never throws, never evaluates.
 */
export function decodeState(hash: string): { state: ViewState; errors: string[] } {
  const st = defaultState();
  const errors: string[] = [];
  if (hash.length > 200_000) return { state: st, errors: [`link: expected at most 200,000 characters, got ${hash.length}`] };
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const catalogId = (name: string, v: string) => {
    const c = findCatalog(v);
    if (!c) errors.push(`${name}: unknown scenario ${JSON.stringify(v.slice(0, 80))}; expected one of ${CATALOG.map((x) => x.id).join(', ')}`);
    return c?.id;
  };
  if (p.has('s')) st.scenario = catalogId('s', p.get('s')!) ?? st.scenario;
  st.from = resolveCatalog(st.scenario).start;
  if (p.has('mode')) {
    const m = p.get('mode')!;
    if (m === 'single' || m === 'compare') st.mode = m; else errors.push(`mode: expected "single" or "compare", got ${JSON.stringify(m.slice(0, 40))}`);
  }
  if (p.has('b')) st.baseline = catalogId('b', p.get('b')!) ?? st.baseline;
  if (p.has('agents')) st.agents = intIn('agents', p.get('agents')!, AGENTS_RANGE, errors) ?? st.agents;
  if (p.has('reps')) st.reps = intIn('reps', p.get('reps')!, REPS_RANGE, errors) ?? st.reps;
  if (p.has('seed')) {
    const s = p.get('seed')!;
    if (s.length >= 1 && s.length <= 200) st.seed = /^\d+$/.test(s) && Number(s) <= Number.MAX_SAFE_INTEGER ? Number(s) : s;
    else errors.push(`seed: expected a whole number or a string of 1–200 characters, got ${s.length} characters`);
  }
  if (p.has('phase')) st.period = p.get('phase')!.slice(0, 300);
  if (p.has('metric')) {
    const m = p.get('metric')!;
    if (pairedMetrics().some((x) => x.metric === m)) st.metric = m; else errors.push(`metric: unknown paired-table metric ${JSON.stringify(m.slice(0, 60))}`);
  }
  if (p.has('diff')) {
    const d = p.get('diff')!;
    if (d === 'abs' || d === 'pct') st.diffScale = d; else errors.push(`diff: expected "abs" or "pct", got ${JSON.stringify(d.slice(0, 40))}`);
  }
  if (p.has('dm')) {
    const m = p.get('dm')!;
    if (DIFF_METRICS.some((x) => x.metric === m)) st.diffMetric = m; else errors.push(`dm: unknown difference-chart metric ${JSON.stringify(m.slice(0, 60))}; expected one of ${DIFF_METRICS.map((x) => x.metric).join(', ')}`);
  }
  if (p.has('x')) {
    const ids = p.get('x')!.split(',').filter(Boolean);
    if (ids.length > MAX_EXTRA_ARMS) errors.push(`x (further arms): expected at most ${MAX_EXTRA_ARMS} catalog ids, got ${ids.length}`);
    else st.extra = ids.map((id) => catalogId('x', id)).filter((id): id is string => id !== undefined);
  }
  if (p.has('pf')) {
    const f = p.get('pf')!;
    if (PHASE_FIGURES.some((x) => x.key === f)) st.phaseFigure = f; else errors.push(`pf: unknown phase-view figure ${JSON.stringify(f.slice(0, 60))}; expected one of ${PHASE_FIGURES.map((x) => x.key).join(', ')}`);
  }
  if (p.has('cat')) {
    const c = p.get('cat')!;
    if (c === 'all' || (CATEGORIES as readonly string[]).includes(c)) st.category = c; else errors.push(`cat: unknown category ${JSON.stringify(c.slice(0, 40))}; expected all or one of ${CATEGORIES.join(', ')}`);
  }
  if (p.has('w')) {
    let raw: unknown;
    try { raw = JSON.parse(p.get('w')!); } catch (err) { errors.push(`w (the what-if scenario): not valid JSON: ${(err as Error).message}`); }
    if (raw !== undefined) {
      try {
        const { spec } = whatIfFromFile(raw);
        Object.assign(st, spec);
        if (p.has('hold')) st.hold = p.get('hold') !== '0';
      } catch (err) {
        if (err instanceof ScenarioError) errors.push(...err.issues.map((i) => `w (the what-if scenario): ${i.path || '(top level)'}: ${i.message}`));
        else errors.push(`w (the what-if scenario): ${(err as Error).message}`);
      }
    }
  }
  return { state: st, errors };
}
