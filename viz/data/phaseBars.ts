/** The phase view's data: each main figure per phase (or compare segment) and arm, as a seasonally adjusted annual rate (phaseBars, PHASE_FIGURES). */
import { meanInterval } from '../../engine/index.ts';
import type { Interval } from '../../engine/index.ts';
import { phaseName } from './phaseNames.ts';
import { allArms, shownArm, type Arm, type Period, type ViewModel } from './viewModel.ts';

/** A figure of the phase view: the sum of [platform, metric] parts of the per-phase `<x>_saar` rows (engine saarFigures), RMB/year. */
export interface PhaseFigure { key: string; label: string; parts: readonly (readonly [string, string])[] }

const MARKETS = ['taotian', 'jd', 'pdd'] as const;

/** The figures the phase view offers (the first is the default). */
export const PHASE_FIGURES: readonly PhaseFigure[] = [
  { key: 'red_ad_revenue', label: 'RED ad revenue', parts: [['red', 'ad_revenue_saar']] },
  { key: 'red_ads_commission', label: 'RED ad revenue + own-store commission', parts: [['red', 'ad_revenue_saar'], ['red', 'commission_saar']] },
  { key: 'red_seeded_gmv', label: 'RED-seeded marketplace GMV (Taobao/Tmall, JD, Pinduoduo)', parts: MARKETS.map((p) => [p, 'red_seeded_gmv_saar'] as const) },
  { key: 'seeded_gmv', label: 'Note-seeded GMV, all platforms', parts: [['red', 'seeded_gmv_saar']] },
  { key: 'gmv_taotian', label: 'Taobao/Tmall GMV', parts: [['taotian', 'gmv_saar']] },
  { key: 'gmv_jd', label: 'JD GMV', parts: [['jd', 'gmv_saar']] },
  { key: 'gmv_pdd', label: 'Pinduoduo GMV', parts: [['pdd', 'gmv_saar']] },
  { key: 'gmv_douyin', label: 'Douyin GMV', parts: [['douyin', 'gmv_saar']] },
  { key: 'gmv_red', label: 'RED own-store GMV', parts: [['red', 'gmv_saar']] },
  { key: 'refunds', label: 'ROI-guarantee refunds', parts: [['red', 'refunds_saar']] },
];

/** One bar: an arm's figure on a period, SAAR (RMB/year) with its 95% interval over the replications, and the calendar-day rate beside it. */
export interface PhaseBar { arm: Arm; armIndex: number; saar: Interval; perYear: number }

/** One slot of the phase view: a period (phase or compare segment), its short number and each arm's phase in words. */
export interface PhaseSlot { period: Period; number: string; phases: { arm: string; phase: string }[]; bars: PhaseBar[] }

/** The phase of a scenario on a day, with its number (1-based, as on the timeline) and English gloss. */
function phaseOn(arm: Arm, day: string): { n: number; name: string } | null {
  const ph = arm.scenario.phases;
  let i = -1;
  for (let k = 0; k < ph.length; k++) if (ph[k].start <= day) i = k;
  return i < 0 || day > arm.scenario.end ? null : { n: i + 1, name: phaseName(ph[i].label) };
}

/** Per-seed sum of the parts of a figure on a period (NaN where a part is missing). */
function perSeed(arm: Arm, period: string, parts: PhaseFigure['parts'], suffix: 'saar' | 'per_year'): number[] {
  const out = new Array<number>(arm.figures.reps).fill(0);
  for (const [platform, metric] of parts) {
    const s = arm.figures.get('phases', period, platform, suffix === 'saar' ? metric : metric.replace(/_saar$/, '_per_year'));
    for (let i = 0; i < out.length; i++) out[i] += s ? s.values[i] : NaN;
  }
  return out;
}

/**
 * The phase view of a figure: one slot per phase (single mode) or per compare segment
 * every arm simulates, numbered by the shown arm's phase (a phase cut into several
 * segments gives 3a, 3b…), with one bar per arm: the seasonally adjusted annual rate
 * (RMB/year; mean and 95% Student-t interval over the replications) and the calendar-day
 * rate (`_per_year`) for reference.
 */
export function phaseBars(view: ViewModel, figureKey: string): { figure: PhaseFigure; slots: PhaseSlot[] } {
  const figure = PHASE_FIGURES.find((f) => f.key === figureKey) ?? PHASE_FIGURES[0];
  const arms = allArms(view), shown = shownArm(view);
  const periods = view.periods.filter((p) => p.common);
  const nums = periods.map((p) => String(phaseOn(shown, p.start)?.n ?? '?'));
  const slots = periods.map((period, i): PhaseSlot => {
    const same = nums.filter((n) => n === nums[i]).length > 1;
    const letter = same ? String.fromCharCode(97 + nums.slice(0, i).filter((n) => n === nums[i]).length) : '';
    return {
      period, number: `${nums[i]}${letter}`,
      phases: arms.map((a) => ({ arm: a.label, phase: phaseOn(a, period.start)?.name ?? '–' })),
      bars: arms.map((arm, armIndex) => ({
        arm, armIndex, saar: meanInterval(perSeed(arm, period.key, figure.parts, 'saar')),
        perYear: meanInterval(perSeed(arm, period.key, figure.parts, 'per_year')).mean,
      })),
    };
  });
  return { figure, slots };
}
