import type { FigureTable, ResolvedScenario } from '../../engine/index.ts';
import { pairedRow } from '../../engine/stats/pairedRow.ts';
import { allArms, type Arm, type ViewModel } from './viewModel.ts';

/** One figure of the "what changed" headline: cumulative (or mean) over the window, both arms, paired difference. */
export interface HeadlineRow {
  key: string;
  label: string;
  /** 'RMB' (summed over the window), 'RMB GMV per RMB' (spend-weighted), 'people' or 'index 0-1' (monthly mean). */
  unit: string;
  /** How the window is summarised: 'sum' (cumulative) or 'mean' (average month) or 'ratio' (spend-weighted over years). */
  how: 'sum' | 'mean' | 'ratio';
  meanA: number;
  meanB: number;
  /** Paired difference what-if − baseline and its 95% Student-t interval (engine pairedRow over the seed pairs). */
  diff: number;
  lo: number;
  hi: number;
  rel: number;
  identical: boolean;
  n: number;
}

/** The window the headline sums over: from the first month the arms' policies differ to the last common month. */
export interface HeadlineWindow { from: string; to: string; months: string[]; years: string[] }

/** The headline: the window and one row per main figure. */
export interface Headline { window: HeadlineWindow | null; rows: HeadlineRow[] }

const MARKETPLACES = ['taotian', 'jd', 'pdd'];
const PLATFORM_ROWS: [string, string][] = [['taotian', 'Taobao/Tmall GMV'], ['jd', 'JD GMV'], ['pdd', 'Pinduoduo GMV'], ['douyin', 'Douyin GMV'], ['red', 'RED own-store GMV']];

/**
 * The first day (YYYY-MM-DD) on which two scenarios differ within both spans, or null if never:
 * the common start when their parameters differ (a parameters-only scenario such as
 * seeding-misses-need differs from the first day), else the first day their policies differ.
 */
export function firstDifference(a: ResolvedScenario, b: ResolvedScenario): string | null {
  const start = a.start > b.start ? a.start : b.start, end = a.end < b.end ? a.end : b.end;
  if (start > end) return null;
  const keys = new Set([...Object.keys(a.parameters), ...Object.keys(b.parameters)]);
  for (const k of keys) if (!Object.is(a.parameters[k], b.parameters[k])) return start;
  const at = (s: ResolvedScenario, d: string) => { let st = s.initial; for (const e of s.timeline) if (e.date <= d) st = e.state; return JSON.stringify(st); };
  const days = [...new Set([start, ...a.timeline.map((e) => e.date), ...b.timeline.map((e) => e.date)])].filter((d) => d >= start && d <= end).sort();
  return days.find((d) => at(a, d) !== at(b, d)) ?? null;
}

/** Per-seed values of figures of `table` summed (or averaged) over periods (months or years); NaN for a seed missing a period. */
function overPeriods(arm: Arm, table: FigureTable, periods: readonly string[], parts: readonly [string, string][], how: 'sum' | 'mean'): number[] {
  const out = new Array<number>(arm.figures.reps).fill(0);
  for (const m of periods) {
    for (const [platform, metric] of parts) {
      const s = arm.figures.get(table, m, platform, metric);
      for (let i = 0; i < out.length; i++) out[i] += s ? s.values[i] : NaN;
    }
  }
  return how === 'mean' ? out.map((v) => v / periods.length) : out;
}

/** Per-seed merchants' RED ad spend summed over years, and their spend-weighted true ROI. */
function merchantYears(arm: Arm, years: readonly string[]): { spend: number[]; roi: number[] } {
  const spend = new Array<number>(arm.figures.reps).fill(0), gmv = new Array<number>(arm.figures.reps).fill(0);
  for (const y of years) {
    const s = arm.figures.get('merchant_roi', y, 'all', 'red_ad_spend'), r = arm.figures.get('merchant_roi', y, 'all', 'merchant_roi_true');
    for (let i = 0; i < spend.length; i++) {
      const sp = s ? s.values[i] : 0, roi = r ? r.values[i] : 0;
      spend[i] += Number.isFinite(sp) ? sp : 0;
      gmv[i] += Number.isFinite(sp) && Number.isFinite(roi) ? sp * roi : 0;
    }
  }
  return { spend, roi: gmv.map((g, i) => (spend[i] > 0 ? g / spend[i] : NaN)) };
}

/**
 * The "what changed" headline of a compare view: for RED's ad revenue and revenue,
 * RED-seeded marketplace GMV, note-seeded GMV on all platforms (attributed, and the
 * incremental part that would not exist without the seeding; calendar years of the
 * window), each platform's GMV, merchants' RED spend and ROI,
 * trust and MAU, the difference what-if − baseline over the window (money summed
 * over its months, trust and MAU averaged), per seed pair, with the paired 95%
 * interval of the engine's `pairedRow` (common random numbers). `arm` picks the arm
 * compared with the baseline (index in allArms: 1 = the what-if, 2… the further arms).
 */
export function headline(view: ViewModel, arm = 1): Headline {
  if (view.mode !== 'compare') return { window: null, rows: [] };
  const a = view.arms[0], b = allArms(view)[arm];
  if (!b || arm < 1) return { window: null, rows: [] };
  const common = view.months.filter((m) => a.figures.get('series', m, 'red', 'mau') && b.figures.get('series', m, 'red', 'mau'));
  const from = firstDifference(a.scenario, b.scenario);
  if (!from || !common.length) return { window: null, rows: [] };
  const months = common.filter((m) => m >= from.slice(0, 7));
  if (!months.length) return { window: null, rows: [] };
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  const window: HeadlineWindow = { from, to: months[months.length - 1], months, years };
  const rows: HeadlineRow[] = [];
  const add = (key: string, label: string, unit: string, how: HeadlineRow['how'], va: number[], vb: number[]) => {
    const r = pairedRow(va, vb);
    rows.push({ key, label, unit, how, meanA: r.meanA, meanB: r.meanB, diff: r.diff, lo: r.diffLo, hi: r.diffHi, rel: r.relDiff, identical: r.identical, n: r.n });
  };
  const series = (key: string, label: string, unit: string, how: 'sum' | 'mean', parts: [string, string][]) => add(key, label, unit, how, overPeriods(a, 'series', months, parts, how), overPeriods(b, 'series', months, parts, how));
  series('red_ad_revenue', 'RED ad revenue', 'RMB', 'sum', [['red', 'ad_revenue']]);
  series('red_revenue', 'RED revenue (ads, commission, own sales)', 'RMB', 'sum', [['red', 'ad_revenue'], ['red', 'commission'], ['red', 'sales_revenue']]);
  series('red_seeded_gmv', 'RED-seeded marketplace GMV', 'RMB', 'sum', MARKETPLACES.map((p) => [p, 'red_seeded_gmv']));
  for (const kind of ['attributed', 'incremental']) {
    const parts: [string, string][] = [['all', `seeded_gmv_${kind}`]];
    add(`seeded_${kind}`, `Note-seeded GMV, ${kind}`, 'RMB', 'sum', overPeriods(a, 'incrementality', years, parts, 'sum'), overPeriods(b, 'incrementality', years, parts, 'sum'));
  }
  for (const [p, label] of PLATFORM_ROWS) series(`gmv_${p}`, label, 'RMB', 'sum', [[p, 'gmv']]);
  const ma = merchantYears(a, years), mb = merchantYears(b, years);
  add('merchant_red_spend', "Merchants' RED ad spend", 'RMB', 'sum', ma.spend, mb.spend);
  add('merchant_red_roi', "Merchants' RED ROI (true)", 'RMB GMV per RMB', 'ratio', ma.roi, mb.roi);
  series('trust', 'Trust in RED content', 'index 0-1', 'mean', [['red', 'trust']]);
  series('mau', 'RED MAU', 'people', 'mean', [['red', 'mau']]);
  return { window, rows };
}
