/**
 * Bench item 6: wall time of `npm start` (the CLI's historical run, process start
 * to exit), the CLI's start-up alone, and the default scenario in the visualizer
 * in real Chromium (page load to charts drawn, and the engine's own time there).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { load1, median } from './measure.ts';

const ROOT = join(import.meta.dirname, '../..');

function wall(cmd: string, args: string[]): { ms: number; stdout: string; status: number | null } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env: { ...process.env, NO_COLOR: '1' } });
  return { ms: performance.now() - t0, stdout: r.stdout ?? '', status: r.status };
}

export interface CliReport { startupMs: number; npmStartMs: number; npmStartSimulationS: number | null; npmStartStatus: number | null; load: number[] }

/** `market-sim --help` (start-up: node + tsx + CLI modules) and `npm start` (historical at its default agents). */
export function cli(log: (s: string) => void): CliReport {
  const load = [load1()];
  const startups = [0, 1, 2].map(() => wall('node', ['cli/market-sim.mjs', '--help']).ms);
  log('  npm start …');
  const s = wall('npm', ['start', '--silent']);
  load.push(load1());
  const m = /in ([\d.]+) s/.exec(s.stdout);
  return { startupMs: Math.round(median(startups)), npmStartMs: Math.round(s.ms), npmStartSimulationS: m ? Number(m[1]) : null, npmStartStatus: s.status, load };
}

export interface BrowserReport { available: boolean; note: string; pageToChartsMs?: number; engineSimulationS?: number; agents?: number; load?: number[] }

/** The visualizer's default view (historical, its default agents, one replication) in headless Chromium. */
export async function browser(log: (s: string) => void): Promise<BrowserReport> {
  const sitePath = join(ROOT, 'test/browser/site.ts');
  if (!existsSync(join(ROOT, 'viz/index.html')) || !existsSync(sitePath)) return { available: false, note: 'viz/ or test/browser/site.ts not found' };
  if (!existsSync(process.env.MARKET_SIM_CHROMIUM ?? '/usr/bin/chromium')) return { available: false, note: 'no Chromium at /usr/bin/chromium (npm test installs it: test/browser/ensure-chromium.sh)' };
  const { startSite, openPage, waitForRun } = await import('../../test/browser/site.ts');
  log('  building the visualizer and starting Chromium …');
  const site = await startSite();
  try {
    const load = [load1()];
    const t0 = performance.now();
    const { page, problems } = await openPage(site);
    await waitForRun(page, 600_000);
    const ms = performance.now() - t0;
    load.push(load1());
    const text = await page.evaluate(() => document.body.innerText);
    const sim = /simulations? in ([\d.]+) s/.exec(text); // the status line: "1 simulation in 4.2 s"
    const agents = /([\d,]+) user agents/.exec(text);
    if (problems.errors.length) return { available: true, note: `page reported: ${problems.errors.join('; ')}` };
    return {
      available: true, note: 'built site (vite build) served by vite preview; time from navigation to charts drawn',
      pageToChartsMs: Math.round(ms), engineSimulationS: sim ? Number(sim[1]) : undefined,
      agents: agents ? Number(agents[1].replace(/,/g, '')) : undefined, load,
    };
  } finally {
    await site.close();
  }
}
