import cliProgress from 'cli-progress';

/** The sweep's one combined progress display. */
interface SweepProgress {
  /** Simulated days done over all runs (finished runs plus the running ones' current day), and finished runs. */
  update(days: number, runs: number): void;
  stop(): void;
}

const clock = (s: number): string => {
  if (!Number.isFinite(s)) return '--';
  const t = Math.round(s), h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), sec = t % 60;
  return h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
};

/**
 * One progress bar on stderr for the whole sweep (all workers): percentage of simulated
 * days, finished runs of the total, elapsed time and ETA. On a terminal it is a cli-progress
 * bar; otherwise (a log file, CI, a cluster job) a line at every 10% and at the end. ETA =
 * elapsed time × remaining / done simulated days, averaged over the whole sweep so far.
 * Silent when `quiet`.
 */
export function createSweepProgress(label: string, totalDays: number, totalRuns: number, quiet = false): SweepProgress {
  if (quiet || totalRuns === 0) return { update: () => {}, stop: () => {} };
  const t0 = performance.now();
  const eta = (days: number) => {
    const frac = Math.min(1, days / Math.max(1, totalDays));
    const elapsed = (performance.now() - t0) / 1000;
    return { frac, elapsed, eta: frac > 0 ? (elapsed / frac) * (1 - frac) : NaN };
  };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({
      format: `${label} [{bar}] {percentage}% | {runs}/${totalRuns} runs | {elapsed} elapsed | ETA {etaClock}`,
      stream: process.stderr, hideCursor: true, fps: 5,
    }, cliProgress.Presets.shades_classic);
    bar.start(Math.max(1, totalDays), 0, { runs: 0, elapsed: '0s', etaClock: '--' });
    return {
      update: (days, runs) => {
        const t = eta(days);
        bar.update(days, { runs, elapsed: clock(t.elapsed), etaClock: clock(t.eta) });
      },
      stop: () => bar.stop(),
    };
  }
  let lastDecile = -1, printed = '', latest: [number, number] = [0, 0];
  const line = (days: number, runs: number) => {
    const t = eta(days);
    printed = `${label}: ${Math.round(t.frac * 100)}% | ${runs}/${totalRuns} runs`;
    process.stderr.write(`${printed} | ${clock(t.elapsed)} elapsed | ETA ${clock(t.eta)}\n`);
  };
  return {
    update: (days, runs) => {
      latest = [days, runs];
      const decile = Math.floor((days / Math.max(1, totalDays)) * 10);
      if (decile > lastDecile) { lastDecile = decile; line(days, runs); }
    },
    stop: () => {
      if (printed !== `${label}: ${Math.round(eta(latest[0]).frac * 100)}% | ${latest[1]}/${totalRuns} runs`) line(...latest);
    },
  };
}
