// Run with: node --import tsx docs/examples/whatif.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare, replicate, simulate, type ScenarioLoader } from 'market-sim';

// `extends` names other scenario files: a loader reads them (here from scenarios/).
const dir = join(import.meta.dirname, '../../scenarios');
const load: ScenarioLoader = (name) => JSON.parse(readFileSync(join(dir, name.endsWith('.json') ? name : `${name}.json`), 'utf8'));

// Small and short so the example runs in seconds: 2,000 agents from 2024-09-01.
const span = { start: '2024-09-01', agents: 2000 };
const historical = { ...load('historical'), ...span };
const doubled = { ...load('redcat-double-adload'), ...span };
const RED_CAT = '2025-05-07';

// 1. One run: the Result (docs/result.md).
const result = simulate(historical, { load, seed: 1 });
const taotian = result.phaseSummary.find((r) => r.start === RED_CAT && r.platform === 'taotian' && r.metric === 'gmv_per_year')!;
console.log(`one run: Taotian GMV in the Red Cat phase ${(taotian.value / 1e12).toFixed(2)}T ${taotian.unit}`);

// 2. Replications: mean and 95% interval of every figure over 5 seeds derived from root seed 1.
const rep = replicate(historical, { load, reps: 5, seed: 1 });
const trust = rep.figures.find((f) => f.table === 'phases' && f.platform === 'red' && f.metric === 'trust' && f.period.startsWith('2025-05'))!;
console.log(`replicate: seeds ${rep.manifest.seeds.join(', ')}`);
console.log(`replicate: RED trust in the Red Cat phase ${trust.mean.toFixed(3)} [${trust.lo.toFixed(3)}, ${trust.hi.toFixed(3)}] (${trust.unit})`);

// 3. Paired comparison B − A with common random numbers (both arms use the same 5 seeds).
const cmp = compare(historical, doubled, { load, reps: 5, seed: 1 });
for (const r of cmp.rows.filter((x) => x.start === RED_CAT && x.platform === 'red' && ['trust', 'ad_revenue_per_year'].includes(x.metric))) {
  console.log(`compare: ${r.metric} ${r.diff.toPrecision(3)} [${r.diffLo.toPrecision(3)}, ${r.diffHi.toPrecision(3)}] ${r.unit}, paired interval ${r.identical ? 'exact' : `${r.narrowing.toFixed(1)}× narrower`} than unpaired`);
}
