/** The user population as struct-of-arrays typed columns (Users): layout, sentinels, and deterministic construction from the run seed. */
import { CATEGORIES, N_CATEGORIES, N_PLATFORMS, RED, PDD } from '../constants.ts';
import { beta } from '../random/distributions.ts';
import { STREAM, Stream } from '../random/stream.ts';
import type { Parameters } from '../scenario/parameters.ts';

/** Users per random-stream block: the unit of sharding and of counter-based seeding. */
export const BLOCK = 1024;
/** Sentinel in the seeded-merchant column: nothing seeded. */
export const NO_MERCHANT = 0xffff;

/** A `Users.seeded` code: merchant m (low 14 bits) that seeded by route `via` (VIA_*, high 2 bits). */
export const seedCode = (m: number, via: number): number => m | (via << 14);
/** The merchant of a `Users.seeded` code other than NO_MERCHANT. */
export const seedMerchant = (code: number): number => code & 0x3fff;
/** The seeding route (VIA_*) of a `Users.seeded` code other than NO_MERCHANT. */
export const seedVia = (code: number): number => code >>> 14;
/** Sentinel in onlineDay: never shops online within the span. */
export const NEVER = 32767;

/**
 * Users as struct-of-arrays typed columns (DESIGN.md §3). One agent stands for
 * `weight` real people. Bytes per agent: see `bytesPerUser`.
 */
export interface Users {
  n: number;
  /** City tier: 0 = tier-1 or above, 1 = tier-2, 2 = lower tier. */
  tier: Uint8Array;
  /** Bit p set when the user is on platform p (RED = bit 0 … Douyin = bit 4). */
  platforms: Uint8Array;
  /** Bit p set when the user is in platform p's Bass market potential. */
  pool: Uint8Array;
  /** Day index from which the user shops online (≤ 0: from the start; NEVER: not in span). */
  onlineDay: Int16Array;
  /** Interest per category, 0–255 (true interest; what platforms believe is modelled by targeting precision). */
  interest: Uint8Array;
  /** The same bytes as `interest` viewed as two 32-bit words per user (fast sums; no extra memory). */
  interest32: Uint32Array;
  /** The user's top category. */
  topCategory: Uint8Array;
  /** Seeded intent (种草 stock) per category, 0–255 for [0, 1]. */
  intent: Uint8Array;
  /** The same bytes as `intent` viewed as two 32-bit words per user (a fast all-zero test; no extra memory). */
  intent32: Uint32Array;
  /** Per category: merchant that seeded the intent (low 14 bits) and how (high 2 bits: VIA_*); NO_MERCHANT if none. */
  seeded: Uint16Array;
  /** Trust in RED content, [0, 1]. */
  trust: Float32Array;
  /** RED activity propensity, 0–255 for [0, 1]. */
  activity: Uint8Array;
  /** Ad load tolerated without losing trust, 0–255 for [0, 0.5]. */
  adTolerance: Uint8Array;
  /** Spending power relative to the mean, 0–255 for [0, 4). */
  spend: Uint8Array;
  /** Platform of the user's last order (loyalty), 255 = none. */
  loyalPlatform: Uint8Array;
  /** Merchant of the user's last order (repurchase), NO_MERCHANT = none. */
  lastMerchant: Uint16Array;
  /** 1 + month index of the user's last active RED day (0 = never), for MAU. */
  lastActiveMonth: Uint8Array;
  /** 1 + year index of the last year the user was active on RED. */
  activeYear: Uint8Array;
  /** 1 + year index of the last year the user made a note-seeded purchase. */
  seededYear: Uint8Array;
  /** Bit FLAG_MEMBER: membership benefit from a Red Cat linked purchase; bit FLAG_RED_LINKED: the last order came through a RED link. */
  flags: Uint8Array;
  /**
   * Bit c set when a note-seeded purchase in category c replaced the user's next need-driven
   * purchase in c (it was not incremental): that need order is skipped and the bit cleared.
   */
  prebought: Uint8Array;
}

/** Bit of `Users.flags`: the user holds a marketplace membership benefit from a RED-linked purchase. */
export const FLAG_MEMBER = 1;
/** Bit of `Users.flags`: the user's last order was placed through a RED outbound link (PATH_LINK; set and cleared by behaviour/bookOrder.ts; a metric only). */
export const FLAG_RED_LINKED = 2;

/** Bit of `Users.platforms` for RED. */
export const RED_BIT = 1 << RED;

/** Bytes of column storage per user agent. */
export function bytesPerUser(): number {
  return 1 + 1 + 1 + 2 + N_CATEGORIES + 1 + N_CATEGORIES + 2 * N_CATEGORIES + 4 + 1 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + 1 + 1;
}

/** Allocate the columns, on a SharedArrayBuffer when `shared` is true (multi-worker runs). */
export function allocateUsers(n: number, shared = false): Users {
  if (N_CATEGORIES !== 8) throw new Error(`users.intent32 assumes 8 categories (two 32-bit words per user), got ${N_CATEGORIES}`);
  const buf = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const intent = new Uint8Array(buf(n * N_CATEGORIES));
  const interest = new Uint8Array(buf(n * N_CATEGORIES));
  return {
    n,
    tier: new Uint8Array(buf(n)),
    platforms: new Uint8Array(buf(n)),
    pool: new Uint8Array(buf(n)),
    onlineDay: new Int16Array(buf(2 * n)),
    interest,
    interest32: new Uint32Array(interest.buffer, 0, (n * N_CATEGORIES) >>> 2),
    topCategory: new Uint8Array(buf(n)),
    intent,
    intent32: new Uint32Array(intent.buffer, 0, (n * N_CATEGORIES) >>> 2),
    seeded: new Uint16Array(buf(2 * n * N_CATEGORIES)),
    trust: new Float32Array(buf(4 * n)),
    activity: new Uint8Array(buf(n)),
    adTolerance: new Uint8Array(buf(n)),
    spend: new Uint8Array(buf(n)),
    loyalPlatform: new Uint8Array(buf(n)),
    lastMerchant: new Uint16Array(buf(2 * n)),
    lastActiveMonth: new Uint8Array(buf(n)),
    activeYear: new Uint8Array(buf(n)),
    seededYear: new Uint8Array(buf(n)),
    flags: new Uint8Array(buf(n)),
    prebought: new Uint8Array(buf(n)),
  };
}

/**
 * Build the user population deterministically from the run seed; block b of users
 * uses its own stream so any block can be rebuilt alone.
 */
export function createUsers(n: number, params: Parameters, seed: number, shared = false): Users {
  const u = allocateUsers(n, shared);
  fillUsers(u, params, seed, 0, Math.ceil(n / BLOCK));
  return u;
}

/**
 * Fill user blocks [fromBlock, toBlock) of allocated columns (a member of a
 * parallel team fills only its own blocks of the shared columns).
 */
export function fillUsers(u: Users, params: Parameters, seed: number, fromBlock: number, toBlock: number): void {
  const n = u.n;
  const lo = Math.min(n, fromBlock * BLOCK), hi = Math.min(n, toBlock * BLOCK);
  u.seeded.fill(NO_MERCHANT, lo * N_CATEGORIES, hi * N_CATEGORIES);
  u.lastMerchant.fill(NO_MERCHANT, lo, hi);
  u.loyalPlatform.fill(255, lo, hi);
  const rng = new Stream();
  const t1 = params['population.tier1Share'];
  const t2 = params['population.tier2Share'];
  const s0 = params['shoppers.share2018'];
  const sMax = params['shoppers.shareMax'];
  const r = params['shoppers.growthRate'];
  // logistic s(t) = sMax / (1 + exp(-r (t - t0))), s(0) = s0  =>  t0 = ln(sMax/s0 - 1) / r
  const t0 = s0 >= sMax ? -1e9 : Math.log(sMax / s0 - 1) / r;
  const tierProp = [1, params['red.tier2Propensity'], params['red.tier3Propensity']];
  const meanProp = t1 * tierProp[0] + t2 * tierProp[1] + (1 - t1 - t2) * tierProp[2];
  const pot = [params['red.potential'], params['taotian.potential'], params['jd.potential'], params['pdd.potential'], params['douyin.potential']];
  const init = [params['red.initialShare'], params['taotian.initialShare'], params['jd.initialShare'], params['pdd.initialShare'], params['douyin.initialShare']];
  const trust0 = params['trust.initial'];
  const actMean = params['red.activityMean'];
  const tolMean = params['trust.adToleranceMean'];
  const pddLower = params['pdd.lowerTierTilt'], pddUpper = params['pdd.upperTierTilt'];
  const sigma = params['market.spendSigma'];
  const interestBase = CATEGORIES.map((c) => params[`users.interestBase.${c}`]);
  const sharpness = params['users.interestSharpness'];
  const actShape = params['users.activityShape'], tolShape = params['users.toleranceShape'];
  const w = new Float64Array(N_CATEGORIES);
  for (let b = fromBlock; b < toBlock && b * BLOCK < n; b++) {
    rng.reset(seed, STREAM.init, b, 0);
    const end = Math.min(n, (b + 1) * BLOCK);
    for (let i = b * BLOCK; i < end; i++) {
      const x = rng.next();
      const tier = x < t1 ? 0 : x < t1 + t2 ? 1 : 2;
      u.tier[i] = tier;
      // online from: the day the logistic share passes this user's rank
      const v = rng.next();
      if (v < s0) u.onlineDay[i] = -1;
      else if (v >= sMax) u.onlineDay[i] = NEVER;
      else u.onlineDay[i] = Math.min(NEVER, Math.round(365.25 * (t0 - Math.log(sMax / v - 1) / r)));
      // platform pools and initial adoption; RED's pool is tilted to big cities
      let poolBits = 0, onBits = 0;
      for (let p = 0; p < N_PLATFORMS; p++) {
        const tilt = p === RED ? tierProp[tier] / meanProp : p === PDD ? (tier === 2 ? pddLower : pddUpper) : 1;
        const inPool = rng.next() < Math.min(1, pot[p] * tilt);
        if (inPool) {
          poolBits |= 1 << p;
          const online = u.onlineDay[i] <= 0;
          if (online && rng.next() < Math.min(1, init[p] / Math.max(1e-9, pot[p] * s0))) onBits |= 1 << p;
        }
      }
      u.pool[i] = poolBits;
      u.platforms[i] = onBits;
      // interests: a Dirichlet-like draw over categories, top category sharpened
      let sum = 0;
      for (let c = 0; c < N_CATEGORIES; c++) { w[c] = interestBase[c] * -Math.log(1 - rng.next() * 0.999999); sum += w[c]; }
      let top = 0;
      for (let c = 0; c < N_CATEGORIES; c++) {
        const val = Math.min(255, Math.round(255 * Math.min(1, (w[c] / sum) * sharpness)));
        u.interest[i * N_CATEGORIES + c] = val;
        if (val > u.interest[i * N_CATEGORIES + top]) top = c;
      }
      u.topCategory[i] = top;
      u.trust[i] = trust0;
      u.activity[i] = Math.round(255 * Math.min(1, beta(rng, actShape, actShape * (1 - actMean) / actMean)));
      u.adTolerance[i] = Math.round(510 * Math.min(0.5, beta(rng, tolShape, tolShape * (1 - 2 * tolMean) / (2 * tolMean)) * 0.5));
      const sp = Math.exp(sigma * Math.sqrt(-2 * Math.log(Math.max(1e-12, rng.next()))) * Math.cos(2 * Math.PI * rng.next()) - sigma * sigma / 2);
      u.spend[i] = Math.min(255, Math.round(64 * sp));
    }
  }
}
