import { UsageError } from './errors.ts';

/** Parse --seed: a non-negative whole number or any other string. */
export function parseSeed(s: string): number | string {
  return /^\d+$/.test(s) ? Number(s) : s;
}

/** Parse --agents: a whole number in [1, 20,000,000]. */
export function parseAgents(s: string): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < 1 || n > 20_000_000) throw new UsageError(`--agents: expected a whole number in [1, 20000000], got ${JSON.stringify(s)}`);
  return n;
}
