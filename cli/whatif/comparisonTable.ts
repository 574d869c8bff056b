import type { Comparison, PairedRow } from '../../engine/index.ts';
import { fmtDiff, fmtInterval, fmtValue, metricLabel, textTable } from './format.ts';

const HEADER = ['figure', 'A', 'B', 'B − A', '95% CI (paired)', 'rel.', '± paired', '± unpaired', 'narrower'];

function cells(r: PairedRow): string[] {
  const narrow = r.identical ? 'identical' : Number.isFinite(r.narrowing) ? `${r.narrowing.toFixed(1)}×` : '–';
  return [
    metricLabel(r.platform, r.metric), fmtValue(r.meanA, r.unit), fmtValue(r.meanB, r.unit), fmtDiff(r.diff, r.unit),
    fmtInterval(r.diffLo, r.diffHi, r.unit, true), Number.isFinite(r.relDiff) ? `${r.relDiff >= 0 ? '+' : '−'}${Math.abs(r.relDiff * 100).toFixed(1)}%` : '–',
    r.unit === 'share' ? `${(r.pairedHalfWidth * 100).toFixed(2)}pp` : fmtValue(r.pairedHalfWidth, r.unit),
    r.unit === 'share' ? `${(r.unpairedHalfWidth * 100).toFixed(2)}pp` : fmtValue(r.unpairedHalfWidth, r.unit), narrow,
  ];
}

/**
 * The comparison as readable text: one table per segment (money in RMB/year
 * annualised over the segment) and one per calendar year (merchant ROI, RED
 * revenue, trust). Segments or years where the arms are identical in every
 * replication are listed in one line each.
 */
export function comparisonTable(c: Comparison): string {
  const m = c.manifest;
  const out: string[] = [
    `B − A: "${m.b.title}" (${m.b.id}) minus "${m.a.title}" (${m.a.id})`,
    `${m.reps} replications, common random numbers (replication i runs both arms with seed i; seeds from root ${JSON.stringify(m.rootSeed)}: ${m.seeds.join(', ')}),`,
    `${m.agents.toLocaleString('en-US')} user agents; means over replications, ${Math.round(m.level * 100)}% Student-t intervals.`,
    '"± paired" is the half-width of the paired interval, "± unpaired" the Welch half-width the same runs give when treated as independent;',
    '"narrower" is their ratio. Money in RMB per year, annualised over each period; rates in %, differences of rates in percentage points (pp).',
  ];
  if (c.rows.some((r) => r.basis === 'saar')) {
    out.push('"SAAR" rows: seasonally adjusted annual rates (period total annualised by its share of a year\'s seasonal demand — 618, Double 11, New Year — not of its days).');
  }
  const blocks = (view: 'segment' | 'year') => {
    const periods = [...new Set(c.rows.filter((r) => r.view === view).map((r) => r.period))];
    for (const p of periods) {
      const rows = c.rows.filter((r) => r.view === view && r.period === p);
      const first = rows[0];
      const title = view === 'segment'
        ? `${first.start} .. ${first.end}   A: ${first.phaseA}${first.phaseA === first.phaseB ? '  =  B' : `   B: ${first.phaseB}`}`
        : `${p} (calendar year${first.start.slice(5) !== '01-01' || first.end.slice(5) !== '12-31' ? `, ${first.start} .. ${first.end}` : ''})`;
      if (rows.every((r) => r.identical)) {
        const phases = view === 'segment' ? ` (${first.phaseA}${first.phaseA === first.phaseB ? '' : ` / ${first.phaseB}`})` : '';
        out.push('', `${view === 'segment' ? `${first.start} .. ${first.end}` : p}${phases}: A and B identical in every replication (the policies do not differ yet)`);
        continue;
      }
      out.push('', title, textTable(HEADER, rows.map(cells)));
    }
  };
  out.push('', '== Per segment between phase boundaries of either scenario ==');
  blocks('segment');
  out.push('', '== Per calendar year (merchant ROI is kept per year only) ==');
  blocks('year');
  return out.join('\n');
}
