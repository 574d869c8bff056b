import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (where `cli/market-sim.mjs` lives). */
export const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'cli/market-sim.mjs');

/** Run the built command to the end: `node cli/market-sim.mjs ...args`. */
export const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 240_000, maxBuffer: 1 << 28 });

/** A running `market-sim` process whose stderr can be awaited. */
export interface RunningCli {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves once stderr matches `re` (rejects if the process ends first). */
  waitFor: (re: RegExp) => Promise<void>;
  /** Exit code, or 128 + signal number when killed by a signal. */
  exited: Promise<number>;
}

const SIGNALS: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Start `node cli/market-sim.mjs ...args` in the background. */
export function startCli(...args: string[]): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const waiters: { re: RegExp; ok: () => void; fail: (e: Error) => void }[] = [];
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    err += d;
    for (const w of waiters.splice(0)) (w.re.test(err) ? w.ok : () => waiters.push(w))();
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code, sig) => {
    for (const w of waiters.splice(0)) w.fail(new Error(`market-sim ended (${code ?? sig}) before stderr matched ${w.re}:\n${err}`));
    resolve(code ?? 128 + (SIGNALS[sig!] ?? 0));
  }));
  const waitFor = (re: RegExp) => new Promise<void>((ok, fail) => {
    if (re.test(err)) ok();
    else if (child.exitCode !== null || child.signalCode !== null) fail(new Error(`market-sim already ended:\n${err}`));
    else waiters.push({ re, ok, fail });
  });
  return { child, stderr: () => err, waitFor, exited };
}

/** Every file in a directory with its bytes (empty map when the directory does not exist). */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)) out.set(f, readFileSync(join(dir, f)));
  return out;
}
