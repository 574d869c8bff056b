import { createCalendar, isoOfEpochDay } from './calendar.ts';
import { CH_DOUYIN, CH_RED_FEED, CH_RED_NOTES, CH_SEARCH, DOUYIN, N_CATEGORIES, N_CHANNELS, N_PATHS, N_PLATFORMS, RED, CATEGORIES } from './constants.ts';
import { allocateDayTables, settleNumberFields, type DayContext } from './behaviour/context.ts';
import { rebuildAllocation } from './behaviour/adAuction.ts';
import { creatorSupply, type FeedMix } from './behaviour/creatorSupply.ts';
import { channelShare, observedRoi, reallocateBudgets } from './behaviour/merchantBudget.ts';
import { douyinAdImpressionsPerUserDay, redShareOfVoice } from './platforms/shareOfVoice.ts';
import { columnLoop, type UserLoopFactory } from './behaviour/userLoop.ts';
import { L, LEDGER_SIZE, pcp } from './metrics/ledger.ts';
import { buildResult, type Books, type Result } from './metrics/result.ts';
import { fillChoiceTables } from './platforms/choiceTables.ts';
import { closeMerchantMonth, matchingBudgets, programJoins, roiGuaranteeRefunds } from './platforms/monthEnd.ts';
import { applyPolicyToContext } from './platforms/policyView.ts';
import { createCreators } from './population/creators.ts';
import { createMerchants, MF, N_MF } from './population/merchants.ts';
import { BLOCK, createUsers, fillUsers, type Users } from './population/users.ts';
import { blockRange, solo, type Team } from './parallel/team.ts';
import { rootSeed } from './random/seed.ts';
import { STREAM, Stream } from './random/stream.ts';
import type { ResolvedScenario } from './scenario/resolve.ts';
import type { PolicyState } from './scenario/policy.ts';
import { seasonality } from './season.ts';
import { ENGINE_VERSION } from './version.ts';

/** Options of a simulation run. */
export interface SimulationOptions {
  /** Overrides the scenario's seed (number or string). */
  seed?: number | string;
  /** Overrides the scenario's number of user agents. */
  agents?: number;
  /** Clock used only for the manifest's wall time (inject `performance.now`); default: none (wall time 0). */
  clock?: () => number;
  /**
   * Run as one member of a parallel team over shared user columns (engine/parallel/team.ts;
   * cli/parallel/ starts the threads). Default: a team of one with its own columns.
   * Results are bit-identical for any team size.
   */
  parallel?: { team: Team; users: Users };
  /** The user loop (default: the typed-array hot loop, behaviour/userLoop.ts); bench/reference/ plugs in its own. */
  userLoop?: UserLoopFactory;
}

/** Progress of a running simulation. */
export interface SimulationState {
  day: number;
  days: number;
  date: string;
  done: boolean;
}

type Listener = (state: SimulationState) => void;

/** A simulation advanced day by day with `tick(days)` (d3-force style). */
export interface Simulation {
  /** Advance up to `days` days (default 1); returns the number of days run. */
  tick(days?: number): number;
  /** Run to the end. */
  run(): Result;
  readonly state: SimulationState;
  /** The Result; valid once `state.done`. */
  result(): Result;
  /** Listen to 'month' (after each month) or 'end'. */
  on(event: 'month' | 'end', listener: Listener): Simulation;
}

const YEAR0 = 2018;

/** Build a simulation of a resolved scenario. Allocation and population building happen here, not per day. */
export function createSimulation(scenario: ResolvedScenario, options: SimulationOptions = {}): Simulation {
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

  // Policy and phase of every day.
  const states: PolicyState[] = [scenario.initial];
  const policyOfDay = new Int32Array(cal.days);
  {
    let idx = 0;
    const entries = scenario.timeline;
    let e = 0;
    for (let d = 0; d < cal.days; d++) {
      const iso = isoOfDay(d);
      while (e < entries.length && entries[e].date <= iso) {
        if (entries[e].date > scenario.start) { states.push(entries[e].state); idx = states.length - 1; }
        e++;
      }
      policyOfDay[d] = idx;
    }
  }
  const phaseOfDay = new Int32Array(cal.days);
  for (let d = 0, ph = 0; d < cal.days; d++) {
    const iso = isoOfDay(d);
    while (ph + 1 < scenario.phases.length && scenario.phases[ph + 1].start <= iso) ph++;
    phaseOfDay[d] = ph;
  }

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
  const tables = allocateDayTables(M.category);
  const matchPow = new Float64Array(256);
  for (let v = 0; v < 256; v++) matchPow[v] = Math.pow(v / 255, params['seed.matchExponent']);
  const prices = CATEGORIES.map((c) => params[`price.${c}`]);
  const meanPrice = prices.reduce((a, b) => a + b, 0) / prices.length;

  // The day's accumulators: the ledger, then RED trust summed per user block (added in block order).
  const dayBuf = new Float64Array(LEDGER_SIZE + blocks);
  const ctx: DayContext = {
    users, merchants: M, acc: dayBuf.subarray(0, LEDGER_SIZE), macc: M.month, blockTrust: dayBuf.subarray(LEDGER_SIZE), block: 0,
    seed, day: 0, monthTag: 1, yearTag: 1,
    season: 1, needRate: 0,
    tierSpend: Float64Array.from([params['market.tier1SpendFactor'], 1, params['market.tier3SpendFactor']]),
    hazard: new Float64Array(N_PLATFORMS), redChurnPerDay: params['red.churnPerYear'] / 365, churnTrust: params['red.churnTrustSensitivity'],
    activityMean: params['red.activityMean'], activityFloor: params['trust.activityFloor'], impressions: params['red.impressionsPerDay'],
    douyinTimeLoss: 0, adLoad: 0, noteEngageRate: params['seed.noteEngageRate'], adCtr: params['seed.adCtr'], adCtrFloor: params['seed.adCtrFloor'],
    adEngageRate: params['seed.adEngageRate'], matchPow,
    sponsoredShare: new Float64Array(N_CATEGORIES).fill(0.05), authenticity: new Float64Array(N_CATEGORIES).fill(0.8),
    brandMention: params['seed.brandMention'], intentNote: params['seed.intentNote'], intentAdClick: params['seed.intentAdClick'],
    intentDecay: Math.round(256 * Math.pow(0.5, 1 / params['seed.intentHalfLifeDays'])),
    programFeedShare: 0, precision: new Float64Array(2),
    linkMode: new Uint8Array(N_PLATFORMS), friction: new Float64Array(N_PLATFORMS).fill(1), linkEligible: new Float64Array(N_PLATFORMS),
    linkClickRate: params['seed.linkClickRate'], dataLevel: new Float64Array(N_PLATFORMS),
    ownStoreOn: false, ownStoreShare: 0, ownStorePush: 0, buyerSelling: 0, coupon: 0, membership: 0, trafficBoost: 0,
    trustRecovery: params['trust.recovery'], trustAd: params['trust.adSensitivity'], trustInauthentic: params['trust.inauthenticSensitivity'],
    trustLink: params['trust.linkSensitivity'], trustInauthenticDay: 0, linkedNoteShare: 0, linkedAdShare: 0, trustInitial: params['trust.initial'],
    addToCart: params['funnel.addToCart'], orderPerCart: params['funnel.orderPerCart'], ownStoreConversion: params['funnel.ownStoreConversion'],
    budgetSensitivity: params['funnel.budgetSensitivity'],
    priceFen: Float64Array.from(prices.map((p) => p * 100)), priceRel: Float64Array.from(prices.map((p) => p / meanPrice)),
    searchRate: params['seed.searchRate'], searchLeakage: params['seed.searchLeakage'],
    repurchase: params['market.repurchase'], repurchaseMember: params['market.repurchase'],
    douyinRate: 0,
    ...tables,
  };
  settleNumberFields(ctx);

  // Period books: month, phase and year accumulators of the day ledger.
  const months = cal.monthLabels.length;
  const books: Books = {
    monthAcc: new Float64Array(months * LEDGER_SIZE),
    phaseAcc: new Float64Array(scenario.phases.length * LEDGER_SIZE),
    yearAcc: new Float64Array(cal.years.length * LEDGER_SIZE),
    monthDays: Int32Array.from(cal.daysInMonth),
    phaseDays: new Int32Array(scenario.phases.length),
    yearDays: new Int32Array(cal.years.length),
    noteSeededShare: new Float64Array(cal.years.length).fill(NaN),
    merchantYears: [],
    creatorYears: [],
    monthLabels: cal.monthLabels,
    years: cal.years,
    phases: scenario.phases,
    weight,
  };

  // Adoption bookkeeping: users on each platform and in each platform's pool.
  const adopters = new Float64Array(N_PLATFORMS);
  const poolSize = new Float64Array(N_PLATFORMS);
  let shoppers = 0;
  {
    const counts = new Float64Array(2 * N_PLATFORMS + 1); // adopters, pool sizes, online shoppers (whole numbers)
    loop.countStart(userFrom, userTo, counts);
    team.sum(counts);
    adopters.set(counts.subarray(0, N_PLATFORMS));
    poolSize.set(counts.subarray(N_PLATFORMS, 2 * N_PLATFORMS));
    shoppers = counts[2 * N_PLATFORMS];
  }
  const bassP = [params['red.bassP'], params['platforms.bassP'], params['platforms.bassP'], params['platforms.bassP'], params['platforms.bassP']];
  const bassQ = [params['red.bassQ'], params['platforms.bassQ'], params['platforms.bassQ'], params['platforms.bassQ'], params['platforms.bassQ']];

  // Merchant budgets: initial estimate from the expected market size, then learned monthly.
  const dailySpend = new Float64Array(M.m * N_CHANNELS);
  const matchedDaily = new Float64Array(M.m);
  const adShareSearch = new Float64Array(M.m);
  const adShareDouyin = new Float64Array(M.m);
  const roi = new Float64Array(M.m * N_CHANNELS);
  const programLevel = new Float64Array(M.m);
  {
    const monthlyGmv = shoppers * params['market.ordersPerShopperDay'] * 1.15 * meanPrice * 100 * 30 * 1.4;
    let sizeSum = 0;
    for (let i = 0; i < M.m; i++) sizeSum += M.size[i] * M.quality[i];
    for (let i = 0; i < M.m; i++) M.budgetFen[i] = params['merchants.adToSales'] * monthlyGmv * M.size[i] * M.quality[i] / sizeSum;
  }
  const minBudgetFen = 100; // one RMB a month keeps every merchant's channels alive
  // Share of voice for brand budgets: the month's RED feed-ad impressions and Douyin ad impressions (agent scale).
  const voice = { red: 0, douyin: 0 };
  const douyinAdImpressions = douyinAdImpressionsPerUserDay(params);
  const brandShare = params['merchants.brandShare'];
  /** RED's share of voice over the month just ended (expected from the users on each platform in the first month); resets the sums. */
  function shareOfVoice(d: number): number {
    let r = voice.red, y = voice.douyin;
    if (r + y === 0) {
      r = adopters[RED] * params['red.activityMean'] * params['red.impressionsPerDay'] * states[policyOfDay[d]].adLoad;
      y = adopters[DOUYIN] * douyinAdImpressions;
    }
    voice.red = 0; voice.douyin = 0;
    const v = redShareOfVoice(r, y);
    return v === v ? v : 0; // no ads anywhere: brand budgets go to Douyin / marketplace ads
  }
  const totals = { feed: 0, matched: 0, notes: 0, douyin: 0, search: new Float64Array(N_PLATFORMS), joint: 0 };
  const feedMix: FeedMix = { sponsoredShare: ctx.sponsoredShare, authenticity: ctx.authenticity, incomeRmb: 0, active: C.k };
  const chargedDays = { feed: 0, notes: 0, billedFen: 0 };
  const rng = new Stream();

  /** The next user block of the current day for this member, −1 when all are taken. */
  const nextBlock = (): number => { const t = team.claim(ctx.day); return t < blocks ? t : -1; };

  let day = 0;
  let currentPolicy = -1;
  let wallMs = 0;
  const listeners: Record<'month' | 'end', Listener[]> = { month: [], end: [] };
  let cachedResult: Result | null = null;

  function startMonth(d: number): void {
    const dim = cal.daysInMonth[cal.monthOfDay[d]];
    totals.feed = 0; totals.matched = 0; totals.notes = 0; totals.douyin = 0; totals.search.fill(0); totals.joint = 0;
    const voiceRed = shareOfVoice(d);
    for (let i = 0; i < M.m; i++) {
      for (let k = 0; k < N_CHANNELS; k++) {
        const v = Math.floor((M.budgetFen[i] * channelShare(M, i, k, brandShare, voiceRed)) / dim);
        dailySpend[i * N_CHANNELS + k] = v;
      }
      matchedDaily[i] = Math.floor(M.matchedFen[i] / dim);
      totals.feed += dailySpend[i * N_CHANNELS + CH_RED_FEED];
      totals.notes += dailySpend[i * N_CHANNELS + CH_RED_NOTES];
      totals.douyin += dailySpend[i * N_CHANNELS + CH_DOUYIN];
      totals.search[M.home[i]] += dailySpend[i * N_CHANNELS + CH_SEARCH];
      totals.matched += matchedDaily[i];
      if (M.program[i] !== 0 && dailySpend[i * N_CHANNELS + CH_RED_FEED] + dailySpend[i * N_CHANNELS + CH_RED_NOTES] > 0) totals.joint++;
    }
    let prog = 0, all = 0;
    for (let i = 0; i < M.m; i++) {
      const f = dailySpend[i * N_CHANNELS + CH_RED_FEED] + matchedDaily[i];
      all += f;
      if (M.program[i] !== 0) prog += f;
    }
    ctx.programFeedShare = all > 0 ? prog / all : 0;
    rebuildAllocation(M, dailySpend, matchedDaily, params['merchants.searchAdPower'], ctx.organicAlias, ctx.sponsoredAlias, ctx.feedAlias, ctx.needAlias, adShareSearch, adShareDouyin);
    chargedDays.feed = 0; chargedDays.notes = 0; chargedDays.billedFen = 0;
    refreshPolicy(d, true);
  }

  function refreshPolicy(d: number, force: boolean): void {
    const idx = policyOfDay[d];
    if (!force && idx === currentPolicy) return;
    currentPolicy = idx;
    const policy = states[idx];
    applyPolicyToContext(ctx, policy, params, M);
    let inauth = 0;
    for (let c = 0; c < N_CATEGORIES; c++) inauth += ctx.sponsoredShare[c] * (1 - ctx.authenticity[c]);
    ctx.trustInauthenticDay = ctx.trustInauthentic * inauth / N_CATEGORIES;
    fillChoiceTables(ctx.needChoice, ctx.searchChoice, params, policy, cal.yearFraction[d] - YEAR0);
  }

  function endMonth(d: number, acc: Float64Array): void {
    team.sum(M.month); // the month's merchant counters of all members (whole numbers: exact in any order)
    const policy = states[policyOfDay[d]];
    for (let i = 0; i < M.m; i++) {
      const s = i * N_CHANNELS;
      M.spendFen[s + CH_RED_FEED] = dailySpend[s + CH_RED_FEED] * chargedDays.feed;
      M.spendFen[s + CH_RED_NOTES] = dailySpend[s + CH_RED_NOTES] * chargedDays.notes;
      const dim = cal.daysInMonth[cal.monthOfDay[d]];
      M.spendFen[s + CH_SEARCH] = dailySpend[s + CH_SEARCH] * dim;
      M.spendFen[s + CH_DOUYIN] = dailySpend[s + CH_DOUYIN] * dim;
    }
    roiGuaranteeRefunds(M, policy, acc, params['red.sponsoredFee'], chargedDays.billedFen);
    for (let i = 0; i < M.m; i++) {
      let best = 0;
      for (let p = 1; p < 4; p++) if ((M.program[i] & (1 << p)) !== 0 && ctx.dataLevel[p] > best) best = ctx.dataLevel[p];
      programLevel[i] = best;
    }
    observedRoi(M, params, adShareSearch, adShareDouyin, programLevel, roi);
    reallocateBudgets(M, params, roi, minBudgetFen);
    matchingBudgets(M, policy, (policy.matching.capRmbPerMonth * 100) / weight);
    const monthIndex = cal.monthOfDay[d];
    programJoins(M, policy, (i, p) => { rng.reset(seed, STREAM.merchants, i * 4 + p, monthIndex); return rng.next(); });
    // creators: sponsored spend and RED-store sales per category, at real scale (RMB)
    const sponsoredRmb = new Float64Array(N_CATEGORIES);
    const storeRmb = new Float64Array(N_CATEGORIES);
    for (let i = 0; i < M.m; i++) {
      sponsoredRmb[M.category[i]] += (M.spendFen[i * N_CHANNELS + CH_RED_NOTES] / 100) * weight;
      storeRmb[M.category[i]] += (M.month[i * N_MF + MF.ownStoreGmv] / 100) * weight;
    }
    creatorSupply(C, params, sponsoredRmb, storeRmb, policy.buyerSelling, policy.creatorPay, adopters[RED] * weight,
      cal.daysInMonth[monthIndex], (k) => { rng.reset(seed, STREAM.creators, k, monthIndex); return rng.next(); }, feedMix);
    closeMerchantMonth(M);
  }

  function endYear(d: number): void {
    const yi = cal.yearOfDay[d] - cal.years[0];
    const tag = yi + 1;
    const count = new Float64Array(2); // RED-active users of the year, and those of them with a note-seeded purchase
    loop.countYear(userFrom, userTo, tag, count);
    team.sum(count);
    const active = count[0], seeded = count[1];
    books.noteSeededShare[yi] = active > 0 ? seeded / active : NaN;
    books.merchantYears.push({ year: cal.yearOfDay[d], rows: M.year.slice(), spend: M.yearSpend.slice(), program: M.program.slice(), category: M.category, home: M.home });
    const tierIncome = [0, 0, 0, 0], tierAll = [0, 0, 0, 0], tierActive = [0, 0, 0, 0];
    for (let k = 0; k < C.k; k++) {
      tierIncome[C.tier[k]] += C.yearIncome[k];
      tierAll[C.tier[k]]++;
      if (C.activity[k] > 0) tierActive[C.tier[k]]++;
    }
    books.creatorYears.push({
      year: cal.yearOfDay[d],
      incomeByTier: tierIncome.map((v, t) => (tierAll[t] > 0 ? v / tierAll[t] : 0)),
      activeShareByTier: tierActive.map((v, t) => (tierAll[t] > 0 ? v / tierAll[t] : 0)),
    });
    C.yearIncome.fill(0);
    M.year.fill(0);
    M.yearSpend.fill(0);
  }

  function runDay(d: number): void {
    const monthIndex = cal.monthOfDay[d];
    if (d === 0 || monthIndex !== cal.monthOfDay[d - 1]) startMonth(d);
    else refreshPolicy(d, false);
    const policy = states[policyOfDay[d]];
    const years = cal.yearFraction[d] - YEAR0;
    const growth = Math.pow(1 + params['market.spendGrowth'], years);
    ctx.day = d;
    ctx.monthTag = monthIndex + 1;
    ctx.yearTag = cal.yearOfDay[d] - cal.years[0] + 1;
    ctx.season = season[d];
    ctx.needRate = params['market.ordersPerShopperDay'] * season[d] * growth;
    ctx.douyinRate = params['douyin.activity'] * params['douyin.impulseOrdersPerDay'] * policy.douyinStrength * season[d] * growth;
    for (let p = 0; p < N_PLATFORMS; p++) {
      const F = poolSize[p] > 0 ? adopters[p] / poolSize[p] : 0;
      ctx.hazard[p] = (bassP[p] + bassQ[p] * F) / 365;
    }
    const acc = ctx.acc;
    dayBuf.fill(0);
    loop.runBlocks(ctx, nextBlock);
    team.sum(dayBuf);
    let trustSum = 0;
    for (let b = 0; b < blocks; b++) trustSum += ctx.blockTrust[b];
    acc[L.trustSum] = trustSum;

    // Ad spend: feed ads run only when there were ad impressions; sponsored notes when RED had users.
    const feedOn = acc[L.adGroup] + acc[L.adGroup + 3] > 0;
    const notesOn = acc[L.dau] > 0;
    voice.red += acc[L.adGroup] + acc[L.adGroup + 3];
    voice.douyin += adopters[DOUYIN] * douyinAdImpressions;
    if (feedOn) chargedDays.feed++;
    if (notesOn) chargedDays.notes++;
    const feed = feedOn ? totals.feed + totals.matched : 0;
    const notes = notesOn ? totals.notes : 0;
    const fee = Math.round(params['red.sponsoredFee'] * notes);
    chargedDays.billedFen += (feedOn ? totals.feed : 0) + fee;
    acc[L.spend + CH_RED_FEED] += feedOn ? totals.feed : 0;
    acc[L.spend + CH_RED_NOTES] += notes;
    acc[L.spend + CH_SEARCH] += totals.search[1] + totals.search[2] + totals.search[3];
    acc[L.spend + CH_DOUYIN] += totals.douyin;
    acc[L.matching] += feedOn ? totals.matched : 0;
    acc[L.adRevenue + RED] += feed + fee;
    for (let p = 1; p < 4; p++) acc[L.adRevenue + p] += totals.search[p];
    acc[L.adRevenue + DOUYIN] += totals.douyin;
    acc[L.creatorIncome] += notes - fee;
    // Commission: take rate × the day's GMV per platform.
    const takes = [policy.ownStore.commission * (1 - policy.ownStore.selfOperatedShare), params['take.taotian'], params['take.jd'], params['take.pdd'], params['take.douyin']];
    for (let p = 0; p < N_PLATFORMS; p++) {
      let g = 0;
      for (let c = 0; c < N_CATEGORIES; c++) for (let path = 0; path < N_PATHS; path++) g += acc[L.gmv + pcp(p, c, path)];
      acc[L.commission + p] += takes[p] * g;
      if (p === RED) acc[L.redSales] += policy.ownStore.selfOperatedShare * g;
    }
    // Adoption counts and gauges.
    for (let p = 0; p < N_PLATFORMS; p++) adopters[p] += acc[L.adoptions + p];
    adopters[RED] -= acc[L.churns];
    shoppers += acc[L.newShoppers];
    for (let p = 0; p < N_PLATFORMS; p++) acc[L.adopters + p] += adopters[p];
    acc[L.shoppers] += shoppers;
    acc[L.jointAdvertisers] += totals.joint;
    acc[L.creatorsActive] += feedMix.active;
    let ss = 0;
    for (let c = 0; c < N_CATEGORIES; c++) ss += ctx.sponsoredShare[c];
    acc[L.sponsoredShare] += ss / N_CATEGORIES;

    const lastOfMonth = d === cal.days - 1 || cal.monthOfDay[d + 1] !== monthIndex;
    if (lastOfMonth) endMonth(d, acc);
    // Flush the day into its month, phase and year.
    const mo = monthIndex * LEDGER_SIZE, ph = phaseOfDay[d] * LEDGER_SIZE, yi = (cal.yearOfDay[d] - cal.years[0]) * LEDGER_SIZE;
    for (let k = 0; k < LEDGER_SIZE; k++) {
      const v = acc[k];
      if (v !== 0) { books.monthAcc[mo + k] += v; books.phaseAcc[ph + k] += v; books.yearAcc[yi + k] += v; }
    }
    books.phaseDays[phaseOfDay[d]]++;
    books.yearDays[cal.yearOfDay[d] - cal.years[0]]++;
    const lastOfYear = d === cal.days - 1 || cal.yearOfDay[d + 1] !== cal.yearOfDay[d];
    if (lastOfYear) endYear(d);
    if (lastOfMonth) emit('month');
  }

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
