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

/**
 * Build something and measure, after full collections, the ArrayBuffer and heap bytes it
 * added. The thing built is returned, so it is still referenced when measured.
 */
function measureHeld<T>(build: () => T): { value: T; arrayBuffers: number; heapUsed: number } {
  const before = settle();
  const value = build();
  const after = settle();
  return { value, arrayBuffers: after.arrayBuffers - before.arrayBuffers, heapUsed: after.heapUsed - before.heapUsed };
}

export function memory(agents = 1_000_000, referenceAgents = 100_000): MemoryReport {
  const scenario = historical();
  const columns = measureHeld(() => createSimulation(scenario, { agents, seed: 1 }));
  // reference population: objects copied from columns of the same size. A simulation of
  // that size is built first so that one-time costs are not counted as the reference's.
  createSimulation(scenario, { agents: referenceAgents, seed: 1 });
  const reference = measureHeld(() => {
    let world: World | undefined;
    createSimulation(scenario, { agents: referenceAgents, seed: 1, userLoop: (users) => { world = new World(users, 'mem'); return { runBlocks() {}, countStart() {}, countYear() {} }; } });
    return world!;
  });
  return {
    agents, bytesPerUserColumns: bytesPerUser(), measuredArrayBufferBytesPerUser: columns.arrayBuffers / agents, measuredHeapBytesPerUser: columns.heapUsed / agents,
    referenceAgents, referenceHeapBytesPerPerson: reference.heapUsed / reference.value.people.length, gcExposed: gc !== undefined,
  };
}
