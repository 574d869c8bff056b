import type { Explanation, ExplainRow } from '../../engine/index.ts';
import { fmtDiff, fmtInterval, metricLabel, textTable } from './format.ts';

const pctOf = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '' : '−'}${Math.abs(v * 100).toFixed(1)}%` : '–');

/** The table of one decomposed figure: one row per component, then the sum of the parts and the total B − A. */
function rowTable(r: ExplainRow, level: number): string {
  const ci = `${Math.round(level * 100)}% CI`;
  const rows = r.parts.map((p, i) => [`[${i + 1}] ${p.component}`, fmtDiff(p.mean, r.unit), fmtInterval(p.lo, p.hi, r.unit, true), pctOf(p.shareOfTotal)]);
  const sum = r.parts.reduce((s, p) => s + p.mean, 0);
  rows.push(['sum of the parts', fmtDiff(sum, r.unit), '', pctOf(r.total.mean !== 0 ? sum / r.total.mean : NaN)]);
  rows.push(['total B − A (paired)', fmtDiff(r.total.mean, r.unit), fmtInterval(r.total.lo, r.total.hi, r.unit, true), '100.0%']);
  return textTable(['component', 'part', ci, 'share'], rows);
}

/**
 * The decomposition as text: the components, then for each selected figure
 * (`figures`: [platform, metric]) and each period where A and B differ, the Shapley
 * part of every component with its interval, their sum and the total B − A.
 */
export function explainTable(e: Explanation, figures: readonly (readonly [string, string])[]): string {
  const m = e.manifest;
  const how = m.method === 'exact'
    ? `exact Shapley values over all ${m.coalitions} coalitions`
    : `Shapley values sampled over ${m.permutations} permutations (antithetic pairs, from the root seed; ${m.coalitions} distinct coalitions)`;
  const out = [
    `B − A: "${m.b.title}" (${m.b.id}) minus "${m.a.title}" (${m.a.id}), decomposed into ${e.components.length} component${e.components.length === 1 ? '' : 's'} (${m.grain === 'entry' ? 'one per differing timeline entry' : 'one per differing lever of an entry'}, and per differing parameter):`,
    ...e.components.map((c, i) => `  [${i + 1}] ${c.id}: ${c.change}`),
    `Each coalition is a hybrid scenario (A with the coalition's components from B); ${how};`,
    `${m.reps} replications with common random numbers (seeds from root ${JSON.stringify(m.rootSeed)}: ${m.seeds.join(', ')}), ${m.agents.toLocaleString('en-US')} user agents, ${m.runs} runs.`,
    `Part = mean Shapley value over replications with its ${Math.round(m.level * 100)}% Student-t interval; share = part / total. Per replication the parts add up to B − A.`,
    'Money in RMB per year, annualised over each period; rates and shares as differences in percentage points (pp).',
  ];
  for (const [platform, metric] of figures) {
    const rows = e.rows.filter((r) => r.platform === platform && r.metric === metric);
    if (!rows.length) continue;
    out.push('', `== ${metricLabel(platform, metric)} (${rows[0].unit}) ==`);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const where = r.view === 'segment' ? `${r.start} .. ${r.end} (${r.phaseA}${r.phaseA === r.phaseB ? '' : ` / ${r.phaseB}`})` : `${r.period} (calendar year)`;
      if (r.identical) { // consecutive periods of one view where A and B do not differ: one line
        let j = i;
        while (j + 1 < rows.length && rows[j + 1].identical && rows[j + 1].view === r.view) j++;
        const span = j === i ? where : `${r.view === 'segment' ? r.start : r.period} .. ${r.view === 'segment' ? rows[j].end : rows[j].period} (${j - i + 1} ${r.view === 'segment' ? 'segments' : 'years'})`;
        out.push('', `${span}: A and B identical in every replication`);
        i = j;
        continue;
      }
      out.push('', where, rowTable(r, m.level));
      const scale = Math.max(Math.abs(r.meanA), Math.abs(r.meanB), 1e-300);
      if (r.residual > 1e-9 * scale) out.push(`warning: the parts miss the total by up to ${r.residual} in a replication`);
    }
  }
  return out.join('\n');
}
