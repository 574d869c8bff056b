/** Monthly GMV per platform of one category (categoryGmv) and each platform's market share of GMV (marketShares), from the per-category series rows. */
import type { BandPoint } from './series.ts';
import type { Arm, ViewModel } from './viewModel.ts';

/** Platforms in the order of the category and share views. */
export const SHARE_PLATFORMS = ['taotian', 'pdd', 'jd', 'douyin', 'red'] as const;

/** Monthly GMV (RMB/month) of one platform in one category ('all' = every category), mean and 95% interval over replications. */
export function categoryGmv(view: ViewModel, arm: Arm, platform: string, category: string): BandPoint[] {
  return view.months.map((period) => {
    const s = arm.figures.get('series', period, platform, 'gmv', category);
    if (!s) return { period, mean: NaN, lo: NaN, hi: NaN };
    return { period, mean: s.mean, lo: Number.isFinite(s.lo) ? s.lo : s.mean, hi: Number.isFinite(s.hi) ? s.hi : s.mean };
  });
}

/**
 * Each platform's share of the five platforms' GMV in a month (in one category or all),
 * computed per replication and then summarised (mean; interval from the per-seed shares'
 * spread, as min/max when there are fewer than 2 seeds it is the mean), share 0–1.
 */
export function marketShares(view: ViewModel, arm: Arm, category: string): Record<string, BandPoint[]> {
  const out: Record<string, BandPoint[]> = Object.fromEntries(SHARE_PLATFORMS.map((p) => [p, []]));
  for (const period of view.months) {
    const per = SHARE_PLATFORMS.map((p) => arm.figures.get('series', period, p, 'gmv', category));
    for (const [k, p] of SHARE_PLATFORMS.entries()) {
      if (per.some((s) => !s)) { out[p].push({ period, mean: NaN, lo: NaN, hi: NaN }); continue; }
      const shares = per[0]!.values.map((_, i) => { const tot = per.reduce((a, s) => a + s!.values[i], 0); return tot > 0 ? per[k]!.values[i] / tot : NaN; });
      const ok = shares.filter(Number.isFinite);
      const mean = ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
      out[p].push({ period, mean, lo: ok.length > 1 ? Math.min(...ok) : mean, hi: ok.length > 1 ? Math.max(...ok) : mean });
    }
  }
  return out;
}
