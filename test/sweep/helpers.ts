import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';

/** Repository root. */
export const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'cli/market-sim.mjs');

/** Run the built command synchronously. */
export const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });

/** Start the built command (for killing it mid-way). */
export const cliAsync = (args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess =>
  spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

/** A fresh temp directory. */
export const tmp = () => mkdtempSync(join(tmpdir(), 'market-sim-sweep-'));

/**
 * A tiny sweep: historical from 2021-06 to 2021-09 with 300 agents and 100 merchants,
 * a 2 × 2 grid (search rate × the ad load the 2021 cut sets) × 2 replications = 8 runs.
 */
export function tinySweep(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'tiny',
    scenarios: ['historical'],
    agents: 300,
    start: '2021-06-01',
    end: '2021-09-30',
    parameters: { 'merchants.agents': 100 },
    factors: [
      { path: 'parameters.seed.searchRate', values: [0.02, 0.05] },
      { path: 'policies.cut-2021.adLoad', values: [0.05, 0.12] },
    ],
    replications: 2,
    seed: 3,
    outputs: { tables: ['phases', 'series'], metrics: ['gmv', 'gmv_per_year', 'ad_revenue', 'trust', 'mau'] },
    ...overrides,
  };
}

/** Write a sweep object to `dir/name.json` and return the path. */
export function writeSweep(dir: string, sweep: object, name = 'sweep'): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(sweep, null, 1));
  return file;
}

/** Every row of a Parquet file, read with hyparquet. */
export async function readParquet(file: string): Promise<Record<string, unknown>[]> {
  const b = readFileSync(file);
  return parquetReadObjects({ file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer });
}

/** Parse RFC 4180 CSV text into rows of fields (a small independent reader for checks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Resolve when `check()` is true (polled every 10 ms), or reject after `ms`. */
export async function waitFor(check: () => boolean, ms = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resolve with the exit code and signal of a child process, and its output. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  child.stdout?.on('data', (d) => { stdout += d; });
  child.stderr?.on('data', (d) => { stderr += d; });
  return new Promise((res) => child.on('close', (code, signal) => res({ code, signal, stdout, stderr })));
}
