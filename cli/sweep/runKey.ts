import { createHash } from 'node:crypto';
import { ENGINE_VERSION, type ResolvedScenario } from '../../engine/index.ts';
import { stableStringify } from '../../engine/scenario/stableHash.ts';

/** Length of a run key in hex characters (96 bits). */
export const KEY_LENGTH = 24;

/**
 * The stable key of a run: SHA-256 of the engine version, the resolved scenario
 * (its id and everything that shapes the model: span, agents, parameters, policy
 * timeline, phases; not the title or question) and the seed, as 24 hex characters.
 * The same run gets the same key in any sweep, shard or process, so a directory of
 * finished runs can be resumed and merged by key.
 */
export function runKey(scenario: ResolvedScenario, seed: number): string {
  const { seed: _seed, hash: _hash, title: _title, question: _question, bases: _bases, ...model } = scenario;
  return createHash('sha256')
    .update(`market-sim run\n${ENGINE_VERSION}\n${stableStringify(model)}\n${seed}`)
    .digest('hex')
    .slice(0, KEY_LENGTH);
}
