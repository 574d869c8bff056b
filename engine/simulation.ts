/**
 * A simulation run: prepared once (day index, population, day context, the merchants' month,
 * books), then advanced day by day; each day runs the user loop and then the day-level steps
 * (charges, platforms' books, audience), the month and year ends, and the period books.
 */
import { marketGrowth } from './marketGrowth.ts';
import { createCalendar, isoOfEpochDay } from './calendar.ts';
import { DOUYIN, N_CATEGORIES, N_PLATFORMS, N_TIERS, RED } from './constants.ts';
import { createDayContext } from './behaviour/context.ts';
import { goodsCostShares, postBuyerCommissions, postDayFlows } from './books/post.ts';
import { bookSponsoredNotes, creatorMonth, type FeedMix } from './behaviour/creatorSupply.ts';
import { columnLoop } from './behaviour/userLoop.ts';
import { createMerchantMonth, initialBudgets } from './merchants/month.ts';
import { L, LEDGER_SIZE, redFeedAdImpressions } from './metrics/ledger.ts';
import { closeYear, createBooks, flushDay } from './metrics/periodBooks.ts';
import { buildResult, type Result } from './metrics/result.ts';
import { adoptionHazards, countAudience, recordAudienceDay } from './platforms/audience.ts';
import { bookAdRevenue, bookCommissions, takeRates } from './platforms/bookDay.ts';
import { bookLinkedCommission, redLinkedRates } from './platforms/linkedCommission.ts';
import { closeMerchantMonth } from './platforms/monthEnd.ts';
import { applyPolicyDay } from './platforms/policyView.ts';
import { createCreators } from './population/creators.ts';
import { createMerchants } from './population/merchants.ts';
import { BLOCK, createUsers, fillUsers, type Users } from './population/users.ts';
import { blockRange, solo } from './parallel/team.ts';
import { rootSeed } from './random/seed.ts';
import { indexDays } from './scenario/dayIndex.ts';
import type { ResolvedScenario } from './scenario/resolve.ts';
import { seasonality } from './season.ts';
import { ENGINE_VERSION } from './version.ts';
import type { Listener, Simulation, SimulationOptions } from './simulationTypes.ts';

const YEAR0 = 2018;

/** Build a simulation of a resolved scenario. Allocation and population building happen here, not per day. */
export function createSimulation(scenario: ResolvedScenario, options: SimulationOptions = {}): Simulation {
  // ---- prepare
  const clock = options.clock;
  const t0 = clock ? clock() : 0;
  const params = scenario.parameters;
  const seedInput = options.seed ?? scenario.seed;
  const seed = rootSeed(seedInput);
  const n = Math.max(1, Math.round(options.agents ?? scenario.agents));
  const weight = params['population.real'] / n;
  const cal = createCalendar(scenario.start, scenario.end);
  const isoOfDay = (d: number) => isoOfEpochDay(cal.startEpochDay + d);
  const season = seasonality(cal, params, isoOfDay);
  const { states, policyOfDay, phaseOfDay } = indexDays(scenario, cal, isoOfDay);

  // Users: this member's blocks [blockFrom, blockTo) of the user columns (all of them when alone).
  const team = options.parallel?.team ?? solo();
  const blocks = Math.ceil(n / BLOCK);
  const { from: blockFrom, to: blockTo } = blockRange(blocks, team);
  const userFrom = Math.min(n, blockFrom * BLOCK), userTo = Math.min(n, blockTo * BLOCK);
  let users: Users;
  if (options.parallel) {
    users = options.parallel.users;
    if (users.n !== n) throw new Error(`parallel.users has ${users.n} users, expected ${n} (the run's agents)`);
    fillUsers(users, params, seed, blockFrom, blockTo);
  } else users = createUsers(n, params, seed);
  const loop = (options.userLoop ?? columnLoop)(users);
  const M = createMerchants(params, seed);
  const C = createCreators(params, seed);

  // The day's accumulators: the ledger, then RED trust summed per user block (added in block order).
  const dayBuf = new Float64Array(LEDGER_SIZE + blocks);
  const ctx = createDayContext(params, users, M, dayBuf, seed);
  const acc = ctx.acc;
  const books = createBooks(cal, scenario.phases, weight);
  const audience = countAudience(loop, team, userFrom, userTo, params);
  initialBudgets(M, params, audience.shoppers);
  const merchants = createMerchantMonth(M, params, ctx);
  const feedMix: FeedMix = { sponsoredShare: ctx.sponsoredShare, authenticity: ctx.authenticity, incomeRmb: 0, active: C.k, sponsoredNotes: new Float64Array(N_CATEGORIES) };
  const takes = new Float64Array(N_PLATFORMS);
  const linkedRates = new Float64Array(N_PLATFORMS);
  const goodsCost = goodsCostShares(params);

  /** The next user block of the current day for this member, −1 when all are taken. */
  const nextBlock = (): number => { const t = team.claim(ctx.day); return t < blocks ? t : -1; };

  let day = 0;
  let currentPolicy = -1;
  let wallMs = 0;
  const listeners: Record<'month' | 'end', Listener[]> = { month: [], end: [] };
  let cachedResult: Result | null = null;

  // ---- the steps of a day
  function refreshPolicy(d: number, force: boolean): void {
    if (!force && policyOfDay[d] === currentPolicy) return;
    currentPolicy = policyOfDay[d];
    applyPolicyDay(ctx, states[currentPolicy], params, M, cal.yearFraction[d] - YEAR0);
  }

  function prepareDay(d: number, monthIndex: number): void {
    if (d === 0 || monthIndex !== cal.monthOfDay[d - 1]) {
      merchants.start(cal.daysInMonth[monthIndex], states[policyOfDay[d]], audience.adopters);
      refreshPolicy(d, true);
    } else refreshPolicy(d, false);
    const policy = states[policyOfDay[d]];
    const growth = marketGrowth(params, cal.yearFraction[d] - YEAR0);
    ctx.day = d;
    ctx.monthTag = monthIndex + 1;
    ctx.yearTag = cal.yearOfDay[d] - cal.years[0] + 1;
    ctx.season = season[d];
    ctx.needRate = params['market.ordersPerShopperDay'] * season[d] * growth;
    ctx.douyinRate = params['douyin.activity'] * params['douyin.impulseOrdersPerDay'] * policy.douyinStrength * season[d] * growth;
    adoptionHazards(audience, ctx.hazard);
  }

  /** After the user loop: trust, the merchants' charges, the platforms' books, audience and gauges. */
  function settleDay(d: number): void {
    const policy = states[policyOfDay[d]];
    let trustSum = 0;
    for (let b = 0; b < blocks; b++) trustSum += ctx.blockTrust[b];
    acc[L.trustSum] = trustSum;
    merchants.chargeDay(acc, redFeedAdImpressions(acc), audience.adopters[DOUYIN], acc[L.dau] > 0);
    bookAdRevenue(acc, merchants.charges);
    bookCommissions(acc, takeRates(policy, params, takes), policy.ownStore.selfOperatedShare);
    bookLinkedCommission(acc, redLinkedRates(policy, linkedRates));
    recordAudienceDay(audience, acc);
    acc[L.jointAdvertisers] += merchants.jointAdvertisers;
    acc[L.creatorsActive] += feedMix.active;
    let ss = 0;
    for (let c = 0; c < N_CATEGORIES; c++) ss += ctx.sponsoredShare[c];
    acc[L.sponsoredShare] += ss / N_CATEGORIES;
  }

  function endMonth(d: number, monthIndex: number): void {
    team.sum(M.month); // the month's merchant counters of all members (whole numbers: exact in any order)
    const policy = states[policyOfDay[d]];
    const dim = cal.daysInMonth[monthIndex];
    merchants.end(dim, monthIndex, policy, acc, weight);
    postBuyerCommissions(acc, creatorMonth(C, M, params, policy, audience.adopters[RED] * weight, dim, seed, monthIndex, weight, feedMix));
    bookSponsoredNotes(acc, M, feedMix, weight);
    closeMerchantMonth(M);
  }

  function endYear(d: number): void {
    const count = new Float64Array(2 + 2 * N_TIERS); // RED-active users of the year and those with a note-seeded purchase: all, then per city tier
    const yi = cal.yearOfDay[d] - cal.years[0];
    loop.countYear(userFrom, userTo, yi + 1, count);
    team.sum(count);
    closeYear(books, yi, cal.yearOfDay[d], count, M, C);
  }

  function runDay(d: number): void {
    const monthIndex = cal.monthOfDay[d];
    prepareDay(d, monthIndex);
    dayBuf.fill(0);
    loop.runBlocks(ctx, nextBlock);
    team.sum(dayBuf);
    settleDay(d);
    const lastOfMonth = d === cal.days - 1 || cal.monthOfDay[d + 1] !== monthIndex;
    if (lastOfMonth) endMonth(d, monthIndex);
    postDayFlows(acc, goodsCost, states[policyOfDay[d]].ownStore.selfOperatedShare);
    flushDay(books, cal, phaseOfDay, d, acc);
    if (d === cal.days - 1 || cal.yearOfDay[d + 1] !== cal.yearOfDay[d]) endYear(d);
    if (lastOfMonth) emit('month');
  }

  // ---- the public object
  const sim: Simulation = {
    tick(days = 1) {
      let ran = 0;
      while (ran < days && day < cal.days) { runDay(day); day++; ran++; }
      if (day >= cal.days && ran > 0) {
        wallMs = clock ? clock() - t0 : 0;
        emit('end');
      }
      return ran;
    },
    run() { sim.tick(cal.days); return sim.result(); },
    get state() {
      return { day, days: cal.days, date: isoOfDay(Math.min(day, cal.days - 1)), done: day >= cal.days };
    },
    result() {
      if (day < cal.days) throw new Error(`result() needs a finished run: at day ${day} of ${cal.days}; call run() or tick() to the end first`);
      cachedResult ??= buildResult(books, {
        engine: ENGINE_VERSION, scenarioId: scenario.id, scenarioTitle: scenario.title, scenarioHash: scenario.hash,
        seed: seedInput, agents: n, weight, start: scenario.start, end: scenario.end, wallMs,
        merchants: M.m, creators: C.k, parameters: params,
      });
      return cachedResult;
    },
    on(event, listener) { listeners[event].push(listener); return sim; },
  };
  function emit(event: 'month' | 'end'): void {
    if (listeners[event].length === 0) return;
    const s = sim.state;
    for (const l of listeners[event]) l(s);
  }
  return sim;
}
