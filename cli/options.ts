import { UsageError } from './errors.ts';

/**
 * Parse --seed: a whole number in [0, 2^53 − 1] (written in digits) or a text seed. Text
 * that reads as a number but is not such a whole number (`1e23`, `1.5`, `-3`, `0x10`,
 * `9007199254740993`, which a double cannot hold) is refused rather than silently rounded
 * or taken as text, as the scenario file's `seed` is.
 */
export function parseSeed(s: string): number | string {
  if (/^\d+$/.test(s) && Number.isSafeInteger(Number(s))) return Number(s);
  if (s === '' || s.trim() !== s || !Number.isNaN(Number(s)) || /^\d+$/.test(s)) {
    throw new UsageError(`--seed: expected a whole number in [0, ${Number.MAX_SAFE_INTEGER}] or a text seed that is not a number, got ${JSON.stringify(s)}`);
  }
  return s;
}

/** Parse --agents: a whole number in [1, 20,000,000]. */
export function parseAgents(s: string): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < 1 || n > 20_000_000) throw new UsageError(`--agents: expected a whole number in [1, 20000000], got ${JSON.stringify(s)}`);
  return n;
}
