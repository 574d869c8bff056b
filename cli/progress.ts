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
