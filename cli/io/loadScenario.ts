import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveScenario, ScenarioError, type ResolvedScenario } from '../../engine/index.ts';
import { NamedBase } from '../../engine/scenario/resolve.ts';

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
    return fail(`not valid JSON: ${jsonProblem(text, (err as Error).message)}; expected a ${what} file in JSON`);
  }
}

/**
 * What is wrong with text that JSON.parse refused, and where (line, column), in words that
 * never quote the text: V8's "Unexpected token 'r', "root:x:0:0"... is not valid JSON"
 * echoes the file, which must not happen for a file that is not JSON (/etc/passwd,
 * /proc/self/environ named by `extends`).
 */
function jsonProblem(text: string, message: string): string {
  const m = /^(.*?) in JSON at position (\d+)/.exec(message);
  if (m) return `${m[1].charAt(0).toLowerCase()}${m[1].slice(1)} (${lineColumn(text, Number(m[2]))})`;
  if (/^Unexpected end of JSON input/.test(message)) return `the text ends too early (${lineColumn(text, text.length)})`;
  return `unexpected character at ${lineColumn(text, firstBadPosition(text))}`;
}

/**
 * The first position JSON.parse cannot go past, found by bisection: the longest prefix that
 * parses or fails only for ending early (V8 reports that as "Unexpected end" or at a position
 * at or past the prefix's end).
 */
function firstBadPosition(text: string): number {
  const endsEarly = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (err) {
      const message = (err as Error).message;
      const at = /at position (\d+)/.exec(message);
      return /Unexpected end of JSON input/.test(message) || (at !== null && Number(at[1]) >= n);
    }
  };
  let lo = 0, hi = text.length; // endsEarly(lo) holds (the empty text ends early); the answer is in [lo, hi]
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (endsEarly(mid)) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** "line L, column C" of a 0-based position in text. */
function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  return `line ${before.split('\n').length}, column ${pos - before.lastIndexOf('\n')}`;
}

/**
 * Find a scenario by path or by catalog name (`historical` → scenarios/historical.json).
 * `from` is the file that names it (an `extends` or a sweep's scenario list): the name is
 * then looked up beside that file, then in the catalog, never in the working directory, so
 * a command gives the same model wherever it is run from. Without `from` (a name given on
 * the command line) it is a path from the working directory, then a catalog name.
 */
export function locateScenario(name: string, from?: string): string {
  const names = name.endsWith('.json') ? [name] : [name, `${name}.json`];
  const candidates: string[] = [];
  if (isAbsolute(name)) candidates.push(name);
  else {
    if (from === undefined) candidates.push(resolve(name));
    else if (isAbsolute(from)) candidates.push(...names.map((n) => resolve(dirname(from), n)));
    candidates.push(...names.map((n) => join(SCENARIO_DIR, n)));
  }
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  throw new Error(`no scenario file ${JSON.stringify(name)}; expected a file path or a catalog name (\`market-sim list\`), looked in ${[...new Set(candidates.map((c) => dirname(c)))].join(', ')}`);
}

/** The scenario files read to resolve a scenario loaded by loadScenario: the file, then each base, nearest first. */
const filesOf = new WeakMap<ResolvedScenario, string[]>();
export const scenarioFiles = (s: ResolvedScenario): string[] => filesOf.get(s) ?? [];

/**
 * A loader for `extends` below the scenario file `path`: each base is looked up beside the
 * file that names it, then in the catalog (locateScenario), and returned as a NamedBase so
 * errors name its file. A chain that comes back to a file already in it (however the name is
 * spelled: files are compared by real path) is an `extends` cycle. `files` lists the files read
 * (`path` first unless `includeSelf` is false: a scenario built in memory that extends `path`).
 */
export function fileLoader(path: string, includeSelf = true): { load: (name: string, from: string) => NamedBase; files: string[] } {
  const files = includeSelf ? [path] : [];
  const chain = includeSelf ? [realpathSync(path)] : [];
  const load = (name: string, from: string) => {
    const file = locateScenario(name, isAbsolute(from) ? from : path);
    const real = realpathSync(file);
    if (chain.includes(real)) throw new Error(`extends cycle: ${[...chain, real].join(' → ')}; expected a chain of bases that ends`);
    chain.push(real);
    files.push(file);
    return new NamedBase(readJsonFile(file), file);
  };
  return { load, files };
}

/**
 * Load, validate and resolve a scenario file (following `extends`, see fileLoader).
 * scenarioFiles(result) lists the file of every level.
 */
export function loadScenario(pathOrName: string): ResolvedScenario {
  let path: string;
  try {
    path = locateScenario(pathOrName);
  } catch (err) {
    throw new ScenarioError([{ path: '', message: (err as Error).message }], pathOrName);
  }
  const raw = readJsonFile(path);
  const { load, files } = fileLoader(path);
  const resolved = resolveScenario(raw, load, path);
  filesOf.set(resolved, files);
  return resolved;
}
