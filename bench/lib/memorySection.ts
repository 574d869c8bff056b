/**
 * Bench item 5: bytes per user agent at 1M agents — the column layout
 * (bytesPerUser) and what building a 1M-agent simulation adds to ArrayBuffer and
 * heap memory, measured; and the same for the reference's one-object-per-user
 * population (measured on 100k people, per person).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSimulation } from '../../engine/index.ts';
import { bytesPerUser } from '../../engine/population/users.ts';
import { World } from '../reference/world.ts';
import { historical } from './cases.ts';

export interface MemoryReport {
  agents: number; bytesPerUserColumns: number; measuredArrayBufferBytesPerUser: number; measuredHeapBytesPerUser: number;
  referenceAgents: number; referenceHeapBytesPerPerson: number; gcExposed: boolean;
}

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as (() => void) | undefined;
function settle(): NodeJS.MemoryUsage { gc?.(); gc?.(); return process.memoryUsage(); }

export function memory(agents = 1_000_000, referenceAgents = 100_000): MemoryReport {
  const scenario = historical();
  const before = settle();
  const sim = createSimulation(scenario, { agents, seed: 1 });
  const after = settle();
  const arrayBuf = (after.arrayBuffers - before.arrayBuffers) / agents;
  const heap = (after.heapUsed - before.heapUsed) / agents;
  void sim.state;
  // reference population: objects copied from columns of the same size
  const small = createSimulation(scenario, { agents: referenceAgents, seed: 1 });
  void small;
  const b2 = settle();
  let world: World | null = null;
  createSimulation(scenario, { agents: referenceAgents, seed: 1, userLoop: (users) => { world = new World(users, 'mem'); return { runBlocks() {}, countStart() {}, countYear() {} }; } });
  const a2 = settle();
  const refHeap = (a2.heapUsed - b2.heapUsed) / referenceAgents;
  void world;
  return {
    agents, bytesPerUserColumns: bytesPerUser(), measuredArrayBufferBytesPerUser: arrayBuf, measuredHeapBytesPerUser: heap,
    referenceAgents, referenceHeapBytesPerPerson: refHeap, gcExposed: gc !== undefined,
  };
}
