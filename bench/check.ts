/**
 * Equivalence check for performance work: run a fixed set of small scenarios
 * and compare the full Result JSON (wall time excluded: no clock is injected, so
 * it is 0) with a saved baseline.
 *
 *   node --import tsx bench/check.ts save [file]      # before a change
 *   node --import tsx bench/check.ts compare [file]   # after: exit 1 on any difference
 *
 * The default file lives in the OS temp directory: parameter values change as
 * the model is calibrated, so a baseline is only meaningful for one working tree.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, type Result } from '../engine/index.ts';
import { CHECK_CASES, resolveCase } from './lib/cases.ts';

interface Entry { name: string; sha256: string; json: string }

function runCase(name: string): Entry {
  const { scenario, seed } = resolveCase(name);
  const result: Result = simulate(scenario, { seed });
  const json = JSON.stringify(result);
  return { name, sha256: createHash('sha256').update(json).digest('hex'), json };
}

/** First differing JSON path between two values, or null. */
function firstDiff(a: unknown, b: unknown, path = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

const [mode = 'compare', file = join(tmpdir(), 'market-sim-check-baseline.json')] = process.argv.slice(2);
const entries = CHECK_CASES.map((name) => {
  const t0 = performance.now();
  const e = runCase(name);
  console.log(`${name.padEnd(28)} ${e.sha256.slice(0, 16)}  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return e;
});
if (mode === 'save') {
  writeFileSync(file, JSON.stringify(entries));
  console.log(`baseline saved to ${file}`);
} else if (mode === 'compare') {
  if (!existsSync(file)) { console.error(`no baseline at ${file}: run "save" first`); process.exit(2); }
  const base: Entry[] = JSON.parse(readFileSync(file, 'utf8'));
  let bad = 0;
  for (const e of entries) {
    const b = base.find((x) => x.name === e.name);
    if (!b) { console.log(`${e.name}: not in baseline`); bad++; continue; }
    if (b.sha256 === e.sha256) continue;
    bad++;
    console.log(`${e.name}: DIFFERS — ${firstDiff(JSON.parse(b.json), JSON.parse(e.json))}`);
  }
  console.log(bad === 0 ? `all ${entries.length} results bit-identical to ${file}` : `${bad} of ${entries.length} results differ`);
  process.exit(bad === 0 ? 0 : 1);
} else {
  console.error(`unknown mode "${mode}": expected save or compare`);
  process.exit(2);
}
