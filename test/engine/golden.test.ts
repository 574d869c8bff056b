import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDerived } from '../helpers.ts';

// A small historical run pinned to a golden file. When results change on purpose,
// regenerate with UPDATE_GOLDEN=1 and say why in the commit; on an unexpected
// mismatch the new values are written beside the golden file as *.changed.json.
const GOLDEN = join(import.meta.dirname, '../golden/historical-2000.json');

function summary() {
  const r = runDerived({ agents: 2000 }, 1);
  const sig = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(8)) : String(v));
  return {
    scenarioHash: r.manifest.scenarioHash,
    ledger: r.ledger,
    phases: r.phaseSummary.map((x) => `${x.phase} | ${x.platform} | ${x.metric} = ${sig(x.value)}`),
    red: r.red.map((y) => Object.fromEntries(Object.entries(y).map(([k, v]) => [k, sig(v as number)]))),
  };
}

describe('golden historical run (2,000 agents, seed 1)', () => {
  it('matches test/golden/historical-2000.json', () => {
    const s = summary();
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, JSON.stringify(s, null, 1) + '\n');
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
    const same = JSON.stringify(golden) === JSON.stringify(s);
    if (!same) writeFileSync(GOLDEN.replace('.json', '.changed.json'), JSON.stringify(s, null, 1) + '\n');
    expect(s).toEqual(golden);
  });
});
