import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveScenario, ScenarioError, type ResolvedScenario } from '../../engine/index.ts';

/** Largest scenario file accepted, bytes. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;
/** The bundled scenario catalog. */
export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** Read and parse a JSON file with clear errors (missing, too large, bad JSON). */
export function readJsonFile(path: string, what = 'scenario'): unknown {
  if (!existsSync(path)) throw new ScenarioError([{ path: '', message: `${what} file not found: ${path}` }], path);
  const size = statSync(path).size;
  if (statSync(path).isDirectory()) throw new ScenarioError([{ path: '', message: `expected a JSON file, got a directory: ${path}` }], path);
  if (size > MAX_SCENARIO_BYTES) {
    throw new ScenarioError([{ path: '', message: `file is ${(size / 1048576).toFixed(1)} MB; expected at most ${MAX_SCENARIO_BYTES / 1048576} MB` }], path);
  }
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ScenarioError([{ path: '', message: `not valid JSON: ${(err as Error).message}` }], path);
  }
}

/**
 * Find a scenario by path or by catalog name (`historical` → scenarios/historical.json).
 * `from` is the file that names it (for relative `extends`).
 */
export function locateScenario(name: string, from?: string): string {
  const candidates: string[] = [];
  if (isAbsolute(name)) candidates.push(name);
  else {
    if (from && from !== 'scenario') candidates.push(resolve(dirname(from), name));
    candidates.push(resolve(name));
    candidates.push(join(SCENARIO_DIR, name));
    if (!name.endsWith('.json')) {
      if (from && from !== 'scenario') candidates.push(resolve(dirname(from), `${name}.json`));
      candidates.push(join(SCENARIO_DIR, `${name}.json`));
    }
  }
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  throw new Error(`no scenario file ${JSON.stringify(name)} (looked in ${[...new Set(candidates.map((c) => dirname(c)))].join(', ')})`);
}

/** Load, validate and resolve a scenario file (following `extends`). */
export function loadScenario(pathOrName: string): ResolvedScenario {
  let path: string;
  try {
    path = locateScenario(pathOrName);
  } catch (err) {
    throw new ScenarioError([{ path: '', message: (err as Error).message }], pathOrName);
  }
  const raw = readJsonFile(path);
  return resolveScenario(raw, (name, from) => readJsonFile(locateScenario(name, from === 'scenario' ? path : locateScenario(from, path))), path);
}
