import type { ArmsComparison } from '../../engine/index.ts';
import { fmtDiff, fmtInterval, fmtValue, metricLabel, textTable } from './format.ts';

/**
 * The best arm for the ranked figure on each period: every arm's mean, the best one,
 * and the paired interval of best − each other arm ("clearly best" when all exclude 0).
 */
export function bestTable(c: ArmsComparison): string {
  if (!c.best.length) return 'best arm: the ranked figure is not reported on any common period';
  const f = c.best[0];
  const level = Math.round(c.comparisons[0].manifest.level * 100);
  const out = [`== Best arm by ${metricLabel(f.platform, f.metric)} (${f.unit}; ${f.direction} is better) ==`,
    c.arms.map((a, i) => `  arm ${i}${i === 0 ? ' (baseline)' : ''}: ${a.id} — ${a.title}`).join('\n')];
  for (const b of c.best) {
    const where = b.view === 'segment' ? `${b.start} .. ${b.end}` : `${b.period} (calendar year)`;
    out.push('', `${where}: best is arm ${b.best} (${b.bestId}), ${b.clear ? `better than every other arm at ${level}%` : 'not clearly better than every other arm'}`);
    out.push(textTable(['arm', 'mean', 'best − arm', `${level}% CI (paired)`], c.arms.map((a, i) => {
      const r = b.vsRest.find((x) => x.arm === i);
      return [`${i} ${a.id}${i === b.best ? ' (best)' : ''}`, fmtValue(b.means[i], b.unit), r ? fmtDiff(r.diff, b.unit) : '', r ? fmtInterval(r.lo, r.hi, b.unit, true) : ''];
    })));
  }
  return out.join('\n');
}
