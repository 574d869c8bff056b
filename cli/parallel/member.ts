/**
 * Body of one worker thread of a parallel run (started by runParallel.ts through
 * member.mjs): runs the whole simulation as member `index` of the team, its share
 * of the user loop over the shared columns. Member 0 posts the Result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSimulation } from '../../engine/index.ts';
import { abortTeam, attachTeam } from './sharedTeam.ts';
import type { MemberData, MemberMessage } from './runParallel.ts';

const data = workerData as MemberData;
const post = (m: MemberMessage) => parentPort!.postMessage(m);
try {
  const team = attachTeam(data.team, data.index);
  const sim = createSimulation(data.scenario, {
    seed: data.seed, agents: data.agents, parallel: { team, users: data.users },
    clock: data.index === 0 ? () => performance.now() : undefined,
  });
  if (data.index === 0 && data.progress) sim.on('month', (s) => post({ kind: 'month', day: s.day, days: s.days }));
  sim.tick(sim.state.days);
  post({ kind: 'stats', index: data.index, ...team.stats });
  post(data.index === 0 ? { kind: 'result', result: sim.result() } : { kind: 'done' });
} catch (err) {
  abortTeam(data.team);
  throw err;
}
