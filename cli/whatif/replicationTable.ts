import type { FigureSummary, Replication } from '../../engine/index.ts';
import { human } from '../format.ts';
import { fmtInterval, fmtValue, textTable } from './format.ts';

/** The per-phase figures `run --reps` prints, in the order of the single-run phase table: [label, platform, metric]. */
const REPLICATED_PHASE_FIGURES: readonly (readonly [string, string, string])[] = [
  ['Taotian GMV/yr', 'taotian', 'gmv_per_year'], ['JD GMV/yr', 'jd', 'gmv_per_year'], ['PDD GMV/yr', 'pdd', 'gmv_per_year'],
  ['Douyin GMV/yr', 'douyin', 'gmv_per_year'], ['RED store GMV/yr', 'red', 'gmv_per_year'],
  ['RED-seeded Taotian GMV/yr', 'taotian', 'red_seeded_gmv_per_year'], ['RED ads/yr', 'red', 'ad_revenue_per_year'],
  ['RED commission/yr', 'red', 'commission_per_year'], ['RED refunds/yr', 'red', 'refunds_per_year'],
  ['engagement rate', 'red', 'engagement_rate'], ['link-out CTR', 'red', 'link_out_ctr'], ['store-entry rate', 'red', 'store_entry_rate'],
  ['purchase conv.', 'red', 'purchase_conversion'], ['RED MAU', 'red', 'mau'], ['trust', 'red', 'trust'],
];

/**
 * The replicated phase table: per phase, each figure's mean over the replications
 * with its Student-t interval. Money in RMB/year annualised over the phase.
 */
export function replicationTable(r: Replication): string {
  const m = r.manifest;
  const index = new Map<string, FigureSummary>();
  for (const f of r.figures) if (f.table === 'phases') index.set(`${f.period}\u0000${f.platform}\u0000${f.metric}`, f);
  const out = [
    `${m.scenarioTitle} — ${m.reps} replications, seeds from root ${JSON.stringify(m.rootSeed)}: ${m.seeds.join(', ')}`,
    `${m.agents.toLocaleString('en-US')} user agents × ${human(m.weight)} people each; mean and ${Math.round(m.level * 100)}% Student-t interval over replications.`,
    'Money in RMB per year (annualised over each phase, real scale), rates in %, MAU in people, trust in [0, 1].',
  ];
  for (const ph of r.phases) {
    const rows = REPLICATED_PHASE_FIGURES.map(([label, platform, metric]) => {
      const f = index.get(`${ph.label}\u0000${platform}\u0000${metric}`);
      if (!f) return [label, '–', '–', '–'];
      return [label, fmtValue(f.mean, f.unit), fmtInterval(f.lo, f.hi, f.unit), f.unit === 'share' ? `${(f.halfWidth * 100).toFixed(2)}pp` : fmtValue(f.halfWidth, f.unit)];
    });
    out.push('', `${ph.label} (${ph.start} .. ${ph.end})`, textTable(['figure', 'mean', `${Math.round(m.level * 100)}% CI`, '±'], rows));
  }
  return out.join('\n');
}
