/**
 * Fuzz test of the scenario front door and the engine: every generated input either
 * validates and (for the small valid ones) runs to a finite Result that keeps the
 * accounting identities, or is rejected with a ScenarioError whose issues name a path
 * and say what was expected. Never another exception, never NaN or Infinity.
 *
 * FUZZ_RUNS=<n> sets the number of validation inputs (default 3,000; runs = n / 100,
 * at least 30). The fast-check seed is pinned in test/setup/fastcheck.ts (FC_SEED replays).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAMETERS, ScenarioError, resolveScenario, simulate, type ResolvedScenario } from '../../engine/index.ts';
import { anyInput, mutatedScenario, validScenario } from './arbitraries.ts';
import { violations } from './invariants.ts';

const INPUTS = Number(process.env.FUZZ_RUNS ?? 3000);
const RUNS = Math.max(30, Math.round(INPUTS / 100));
/** Test time limits, ms: generous, so a long FUZZ_RUNS run is not cut short (a hang still fails). */
const LIMIT = { inputs: 120_000 + INPUTS * 20, runs: 120_000 + RUNS * 2_000 };
const PARAM = new Map(PARAMETERS.map((d) => [d.key, d]));

const historical = JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios/historical.json'), 'utf8'));
const load = (name: string) => {
  if (name === 'historical' || name === 'historical.json') return structuredClone(historical);
  throw new Error(`no scenario file ${JSON.stringify(name)}; expected a file path or a catalog name`);
};

/** What happened to one input; throws (fails the property) on anything but the two allowed outcomes. */
function outcome(raw: unknown): { resolved?: ResolvedScenario; error?: ScenarioError } {
  let resolved: ResolvedScenario;
  try {
    resolved = resolveScenario(raw, load, 'fuzz.json');
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw new Error(`not a ScenarioError: ${(err as Error)?.stack ?? String(err)}`);
    expect(err.issues.length).toBeGreaterThan(0);
    const rootIsObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
    for (const i of err.issues) {
      expect(typeof i.path).toBe('string');
      expect(i.message, `issue at "${i.path}"`).toMatch(/expected/);
      // An issue without a path is about the file as a whole: not an object, or an unknown top-level key.
      if (i.path === '') expect(!rootIsObject || i.message.startsWith('unknown key'), i.message).toBe(true);
    }
    expect(err.message.split('\n').every((l) => l.startsWith('fuzz.json: ') || l.startsWith('historical: '))).toBe(true);
    return { error: err };
  }
  // Accepted: everything the engine will read is finite and within its documented bounds.
  for (const [k, v] of Object.entries(resolved.parameters)) {
    const d = PARAM.get(k);
    expect(d, `unknown parameter ${k} accepted`).toBeDefined();
    expect(Number.isFinite(v) && v >= d!.min && v <= d!.max, `${k} = ${v}`).toBe(true);
  }
  expect(Number.isInteger(resolved.agents) && resolved.agents >= 1).toBe(true);
  expect(resolved.start <= resolved.end && resolved.start >= '2015-01-01' && resolved.end <= '2035-12-31').toBe(true);
  const leaves = (v: unknown): unknown[] => (v && typeof v === 'object' ? Object.values(v).flatMap(leaves) : [v]);
  for (const st of [resolved.initial, ...resolved.timeline.map((e) => e.state)]) {
    for (const x of leaves(st)) expect(typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x) && x >= 0), `lever value ${String(x)}`).toBe(true);
  }
  expect(typeof JSON.stringify(resolved)).toBe('string');
  return { resolved };
}

describe(`fuzz: ${INPUTS} generated scenario inputs, ${RUNS} runs`, () => {
  it('every input validates or is rejected with a ScenarioError naming a path and what was expected', () => {
    let valid = 0, rejected = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: mutatedScenario, weight: 6 }, { arbitrary: anyInput, weight: 2 }, { arbitrary: validScenario, weight: 2 }), (raw) => {
        if (outcome(raw).resolved) valid++; else rejected++;
      }),
      { numRuns: INPUTS },
    );
    // Both outcomes are exercised (the generators are not all-valid or all-junk).
    expect(valid).toBeGreaterThan(INPUTS / 20);
    expect(rejected).toBeGreaterThan(INPUTS / 2);
    console.log(`fuzz: ${INPUTS} inputs, ${valid} valid, ${rejected} rejected`);
  }, LIMIT.inputs);

  it('every small valid scenario runs to a finite Result that keeps the accounting identities', () => {
    let ran = 0;
    fc.assert(
      fc.property(validScenario, (raw) => {
        const { resolved, error } = outcome(raw);
        if (error) {
          // The generator keeps every field in range; only the cross-parameter sum rules may reject.
          expect(error.issues.every((i) => i.message.includes('<= 1 (')), error.message).toBe(true);
          return;
        }
        const r = simulate(resolved!, {});
        const bad = violations(r);
        expect(bad, JSON.stringify(raw)).toEqual([]);
        expect(r.manifest.agents).toBe(resolved!.agents);
        ran++;
      }),
      { numRuns: RUNS },
    );
    expect(ran).toBeGreaterThan(RUNS / 2);
    console.log(`fuzz: ${ran} of ${RUNS} valid scenarios ran`);
  }, LIMIT.runs);
});
