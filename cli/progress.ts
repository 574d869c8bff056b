import cliProgress from 'cli-progress';

/** A progress reporter on stderr: a bar on a terminal, a line every 10% otherwise; silent when `quiet`. */
export function createProgress(label: string, total: number, quiet = false) {
  if (quiet) return { update: (_v: number) => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} days | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (v: number) => bar.update(v), stop: () => bar.stop() };
  }
  let lastDecile = -1;
  return {
    update: (v: number) => {
      const decile = Math.floor((v / total) * 10);
      if (decile > lastDecile) { lastDecile = decile; process.stderr.write(`${label}: ${Math.round((v / total) * 100)}% (${v}/${total} days)\n`); }
    },
    stop: () => {},
  };
}

/** A progress line per evaluation (a bar on a terminal) on stderr, with the best distance so far when given. */
export function evalProgress(label: string, total: number, quiet = false) {
  if (quiet) return { update: (_n: number, _best?: number) => {}, stop: () => {} };
  const bestText = (best?: number) => (best === undefined ? '' : ` | best distance ${best.toFixed(4)}`);
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total} evaluations{best} | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(total, 0, { best: '' });
    return { update: (n: number, best?: number) => bar.update(n, { best: bestText(best) }), stop: () => bar.stop() };
  }
  return {
    update: (n: number, best?: number) => { if (n === 1 || n % 10 === 0 || n === total) process.stderr.write(`${label}: evaluation ${n}/${total}${bestText(best).replace(' |', ',')}\n`); },
    stop: () => {},
  };
}
