import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveScenario, ScenarioError, type ResolvedScenario } from '../../engine/index.ts';

/** Largest scenario file accepted, bytes. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;
/** The bundled scenario catalog. */
export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/**
 * Read and parse a JSON file with clear errors (missing, not a regular file, too large,
 * bad JSON with line and column). Reads at most MAX_SCENARIO_BYTES + 1 bytes, so a device,
 * a pipe or a file growing while read cannot exhaust memory. A UTF-8 byte-order mark is ignored.
 */
export function readJsonFile(path: string, what = 'scenario'): unknown {
  const fail = (message: string): never => { throw new ScenarioError([{ path: '', message }], path); };
  if (!existsSync(path)) fail(`${what} file not found: ${path}`);
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer (fstat below then refuses it).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return fail(`cannot open ${what} file: ${(err as Error).message}`);
  }
  let text: string;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) fail(`expected a JSON file, got a directory: ${path}`);
    if (!st.isFile()) fail(`expected a regular JSON file, got a device, pipe or socket: ${path}`);
    const tooBig = (bytes: number) => fail(`file is ${(bytes / 1048576).toFixed(1)} MB; expected at most ${MAX_SCENARIO_BYTES / 1048576} MB`);
    if (st.size > MAX_SCENARIO_BYTES) tooBig(st.size);
    const buf = Buffer.alloc(MAX_SCENARIO_BYTES + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > MAX_SCENARIO_BYTES) tooBig(n);
    text = buf.toString('utf8', 0, n);
  } finally {
    closeSync(fd);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (err) {
    return fail(`not valid JSON: ${(err as Error).message}${where(text, (err as Error).message)}`);
  }
}

/** " (line L, column C)" for a JSON.parse message that gives a position, else "". */
function where(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return ` (line ${line}, column ${pos - before.lastIndexOf('\n')})`;
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
  throw new Error(`no scenario file ${JSON.stringify(name)}; expected a file path or a catalog name (\`market-sim list\`), looked in ${[...new Set(candidates.map((c) => dirname(c)))].join(', ')}`);
}

/**
 * Load, validate and resolve a scenario file (following `extends`). Each base is found
 * relative to the file that names it; a chain that comes back to a file already in it
 * (however the name is spelled) is an `extends` cycle.
 */
export function loadScenario(pathOrName: string): ResolvedScenario {
  let path: string;
  try {
    path = locateScenario(pathOrName);
  } catch (err) {
    throw new ScenarioError([{ path: '', message: (err as Error).message }], pathOrName);
  }
  const raw = readJsonFile(path);
  // resolveScenario names each base by its `extends` string; map those names to files.
  const fileOf = new Map<string, string>([['scenario', path]]);
  const chain = [realpathSync(path)];
  return resolveScenario(raw, (name, from) => {
    const file = locateScenario(name, fileOf.get(from) ?? path);
    const real = realpathSync(file);
    if (chain.includes(real)) throw new Error(`extends cycle: ${[...chain, real].join(' → ')}; expected a chain of bases that ends`);
    chain.push(real);
    fileOf.set(name, file);
    return readJsonFile(file);
  }, path);
}
