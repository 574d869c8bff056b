/**
 * Reference implementation of the user loop: the same mechanisms as
 * engine/behaviour/ (adoption, churn, RED session, seeding, search, need-driven and
 * Douyin orders) written the way most people would — one object per user, one
 * seedrandom generator (its default ARC4) for every draw, methods and plain arrays.
 * It plugs into the engine's day-level model through the UserLoop interface, so the
 * two differ only in how the user loop is written (and in their random numbers).
 */
import seedrandom from 'seedrandom';
import { DOUYIN, N_PLATFORMS, RED } from '../../engine/constants.ts';
import type { DayContext } from '../../engine/behaviour/context.ts';
import type { UserLoop, UserLoopFactory } from '../../engine/behaviour/userLoop.ts';
import { L } from '../../engine/metrics/ledger.ts';
import { BLOCK, type Users } from '../../engine/population/users.ts';
import { Person } from './person.ts';
import { redSession } from './session.ts';
import { douyinOrder, needOrder, searchPurchase } from './shopping.ts';
import type { WorldState } from './worldState.ts';

/** Shared state of one reference run: the people, the generator, today's context. */
export class World implements WorldState {
  readonly people: Person[];
  readonly rng: () => number;
  ctx!: DayContext;
  block = 0;

  constructor(users: Users, seed: string) {
    this.people = [];
    for (let i = 0; i < users.n; i++) this.people.push(Person.fromColumns(users, i));
    this.rng = seedrandom(seed);
  }

  /** One day of one person. */
  liveDay(person: Person): void {
    const ctx = this.ctx;
    if (person.onlineDay > ctx.day) return;
    if (person.onlineDay === ctx.day) ctx.acc[L.newShoppers] += 1;
    this.adoptAndChurn(person);
    if (person.platforms[RED]) {
      ctx.acc[L.redUsersTier + person.tier] += 1;
      // an active RED day?
      const a = person.activity * (ctx.activityFloor + (1 - ctx.activityFloor) * person.trust);
      if (this.rng() < a) redSession(this, person);
    }
    const intentSum = person.intent.reduce((a, b) => a + b, 0);
    if (intentSum > 0) searchPurchase(this, person, intentSum);
    const rate = ctx.needRate * ctx.tierSpend[person.tier] * person.spend;
    const u = this.rng();
    if (u < rate) needOrder(this, person, u / rate);
    if (person.platforms[DOUYIN]) {
      const rateD = ctx.douyinRate * ctx.tierSpend[person.tier] * person.spend;
      const ud = this.rng();
      if (ud < rateD) douyinOrder(this, person, ud / rateD);
    }
  }

  /** Bass adoption in each platform's fixed slice of one uniform; RED churn. */
  adoptAndChurn(person: Person): void {
    const ctx = this.ctx;
    const u = this.rng();
    let lo = 0;
    for (let p = 0; p < N_PLATFORMS; p++) {
      const hi = lo + ctx.hazard[p];
      if (person.pool[p] && !person.platforms[p] && u >= lo && u < hi) {
        person.platforms[p] = true;
        ctx.acc[L.adoptions + p] += 1;
        if (p === RED) person.trust = ctx.trustInitial;
        break;
      }
      lo = hi;
    }
    if (person.platforms[RED]) {
      const t = 1 - person.trust;
      if (this.rng() < ctx.redChurnPerDay * (1 + ctx.churnTrust * t * t)) {
        person.platforms[RED] = false;
        ctx.acc[L.churns] += 1;
      }
    }
  }
}

/** The reference user loop for `createSimulation(..., { userLoop: referenceLoop(seed) })`. */
export function referenceLoop(seed: number | string): UserLoopFactory {
  return (users: Users): UserLoop => {
    const world = new World(users, `reference:${seed}`);
    return {
      runBlocks(ctx, nextBlock) {
        world.ctx = ctx;
        for (let b = nextBlock(); b >= 0; b = nextBlock()) {
          world.block = b;
          const end = Math.min(world.people.length, (b + 1) * BLOCK);
          for (let i = b * BLOCK; i < end; i++) world.liveDay(world.people[i]);
        }
      },
      countStart(from, to, counts) {
        for (const person of world.people.slice(from, to)) {
          person.platforms.forEach((on, p) => { if (on) counts[p]++; });
          person.pool.forEach((inPool, p) => { if (inPool) counts[N_PLATFORMS + p]++; });
          if (person.onlineDay <= 0) counts[2 * N_PLATFORMS]++;
        }
      },
      countYear(from, to, tag, count) {
        for (const person of world.people.slice(from, to)) {
          if (person.activeYear !== tag) continue;
          const seeded = person.seededYear === tag ? 1 : 0, t = 2 + 2 * person.tier;
          count[0]++; count[1] += seeded; count[t]++; count[t + 1] += seeded;
        }
      },
    };
  };
}
