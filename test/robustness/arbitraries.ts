/**
 * fast-check generators of scenario inputs for the fuzz test: small valid scenarios
 * (few agents, short spans, every lever and parameter up to its bounds), the same
 * scenarios with 1–3 random mutations (junk values, unknown / __proto__ / constructor
 * keys, deleted keys, duplicated or swapped entries, edge numbers), and arbitrary JSON.
 */
import fc from 'fast-check';
import { CATEGORIES, CREATOR_TIERS } from '../../engine/constants.ts';
import { PARAMETERS } from '../../engine/index.ts';

const DAY = 86_400_000;
const EPOCH_2015 = Date.UTC(2015, 0, 1);
/** ISO date of day `d` counted from 2015-01-01. */
export const isoDay = (d: number) => new Date(EPOCH_2015 + d * DAY).toISOString().slice(0, 10);
/** Last day a scenario may span (2035-12-31), counted from 2015-01-01. */
export const LAST_DAY = (Date.UTC(2035, 11, 31) - EPOCH_2015) / DAY;

/** A number in [min, max], biased to the bounds. */
const inRange = (min: number, max: number) => fc.oneof(fc.constant(min), fc.constant(max), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
const share = inRange(0, 1);
const opt = <T>(shape: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(shape, { requiredKeys: [] });
const perMarket = <T>(a: fc.Arbitrary<T>) => opt({ taotian: a, jd: a, pdd: a });

/** A valid partial policy (what one timeline entry sets), any lever up to its bounds. */
export const policyPatch = opt({
  links: perMarket(opt({
    notes: fc.constantFrom('none', 'organic', 'ads', 'all'), friction: share, eligibleShare: share,
    redCommission: share, eligibleByCategory: opt(Object.fromEntries(CATEGORIES.map((c) => [c, share]))), minSizeQuantile: share, maxSizeQuantile: share,
  })),
  dataSharing: perMarket(opt({ level: share, eligibleShare: share, joinRatePerMonth: share })),
  audienceTags: fc.oneof(fc.constant(100_000), fc.integer({ min: 0, max: 500 })),
  adTools: share,
  ownStore: opt({ enabled: fc.boolean(), merchantShare: share, push: share, commission: share, selfOperatedShare: share, trustCost: share }),
  buyerSelling: share,
  adLoad: share,
  roiGuarantee: opt({ threshold: inRange(0, 1000), refundShare: share, jd: opt({ threshold: inRange(0, 1000), refundShare: share }), pdd: opt({ threshold: inRange(0, 1000), refundShare: share }) }),
  matching: opt({ rate: inRange(0, 100), capRmbPerMonth: inRange(0, 1e13), jd: opt({ rate: inRange(0, 100), capRmbPerMonth: inRange(0, 1e13) }), pdd: opt({ rate: inRange(0, 100), capRmbPerMonth: inRange(0, 1e13) }) }),
  benefits: opt({ coupon: share, membership: share }),
  contentTab: perMarket(share),
  trafficBoost: share,
  douyinStrength: inRange(0, 100),
  creatorPay: inRange(0, 100),
  creatorPayByTier: opt(Object.fromEntries(CREATOR_TIERS.map((t) => [t, inRange(0, 100)]))),
  buyerCommission: share,
  // `take` is generated in test/engine/moneyBalances.test.ts only: invariants.ts checks commission = the take.* parameter × GMV
});

/** The marketplaces' take-rate lever (`take`), up to its bounds. */
export const takePatch = opt({ taotian: share, jd: share, pdd: share, douyin: share });

/** A few parameters, each within its own range (sum rules may still be broken: those are rejected). */
const parameters = fc.uniqueArray(fc.constantFrom(...PARAMETERS), { maxLength: 6, selector: (d) => d.key })
  .chain((defs) => fc.tuple(...defs.map((d) => inRange(d.min, d.max))).map((vals) => Object.fromEntries(defs.map((d, i) => [d.key, vals[i]]))));

/** Ids of entries in scenarios/historical.json (children may replace or remove them). */
const HISTORICAL_IDS = ['douyin-2019', 'links-2020', 'cut-2021', 'xiaohongxing-2022', 'open-2023', 'redcat-2025'];

/**
 * A small valid scenario: 1–300 agents, a span of 0–60 days anywhere in 2015–2035,
 * 0–4 timeline entries (some before the start), optionally extending the historical one.
 */
export const validScenario = fc.record({
  start: fc.integer({ min: 0, max: LAST_DAY }),
  length: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 60 })),
  agents: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 300 })),
  seed: fc.oneof(fc.nat(), fc.string({ maxLength: 12 })),
  extendsHistorical: fc.boolean(),
  parameters,
  entries: fc.array(fc.record({ offset: fc.integer({ min: -40, max: 60 }), set: policyPatch, phase: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }) }), { maxLength: 4 }),
  replace: fc.option(fc.constantFrom(...HISTORICAL_IDS), { nil: undefined }),
}).map((s) => {
  const start = Math.min(s.start, LAST_DAY - s.length);
  const end = start + s.length;
  const policies: Record<string, unknown>[] = s.entries
    .map((e, i) => ({ id: `e${i}`, date: isoDay(Math.max(0, Math.min(end, start + e.offset))), ...(e.phase ? { phase: e.phase } : {}), set: e.set }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .filter((e, i, all) => i === 0 || e.date !== all[i - 1].date);
  const raw: Record<string, unknown> = { id: 'fuzz', start: isoDay(start), end: isoDay(end), agents: s.agents, seed: s.seed, parameters: s.parameters, policies };
  if (s.extendsHistorical) {
    raw.extends = 'historical';
    if (s.replace) policies.unshift({ id: s.replace, remove: true, date: '2015-01-01' });
  }
  return raw;
});

/** Values that do not belong anywhere in a scenario (or only by chance). */
const junk = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, -1, 1.0000001, 2, 1e308, -1e308, 5e-324, 2 ** 53, 0.5, 0, 1, 20_000_001),
  fc.constantFrom(null, undefined, true, false, '', ' ', '2021-02-30', '2021-13-01', '10000-01-01', ' 2021-01-01', '2021-1-1', 'historical', '../'.repeat(40)),
  fc.constantFrom([], {}, [[[[[[[[[[]]]]]]]]]], { __proto__: null }, { length: 3 }),
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(10n, Symbol('s'), () => 1, new Date(0), new Map()),
);

/** A key that a scenario object must not accept (or only by chance a real one). */
const junkKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'id', 'set', 'date', 'remove', 'extends', 'adLoad', 'red.bassQ'), fc.string({ maxLength: 10 }));

type Op = { kind: 'replace' | 'addKey' | 'delete' | 'duplicate' | 'swap'; pick: number; key: string; value: unknown };
const op: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom('replace', 'replace', 'addKey', 'delete', 'duplicate', 'swap'), pick: fc.nat(), key: junkKey, value: junk });

/** Every container and leaf of a JSON-like value, with its parent and key. */
function slots(root: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number; value: unknown }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number; value: unknown }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => { out.push({ parent: v, key: i, value: x }); walk(x); });
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) { const x = (v as Record<string, unknown>)[k]; out.push({ parent: v as Record<string, unknown>, key: k, value: x }); walk(x); }
  };
  walk(root);
  return out;
}

/** A fresh copy of a generated value (constants are shared between runs), as is when not cloneable. */
const fresh = (v: unknown) => { try { return structuredClone(v); } catch { return v; } };
/** Define an own property (also for "__proto__", as JSON.parse does). */
const put = (o: object, k: string, v: unknown) => Object.defineProperty(o, k, { value: fresh(v), enumerable: true, writable: true, configurable: true });

function mutate(raw: Record<string, unknown>, ops: Op[]): unknown {
  const root = structuredClone(raw);
  for (const o of ops) {
    const all = slots(root);
    const s = all[o.pick % Math.max(1, all.length)];
    const objects = [root, ...all.map((x) => x.value).filter((v) => v && typeof v === 'object' && !Array.isArray(v))] as object[];
    const arrays = all.map((x) => x.value).filter(Array.isArray) as unknown[][];
    switch (o.kind) {
      case 'replace': if (s) put(s.parent, String(s.key), o.value); else put(root, o.key, o.value); break;
      case 'addKey': put(objects[o.pick % objects.length], o.key, o.value); break;
      case 'delete': if (s) { if (Array.isArray(s.parent)) s.parent.splice(Number(s.key), 1); else delete s.parent[s.key as string]; } break;
      case 'duplicate': { const a = arrays[o.pick % Math.max(1, arrays.length)]; if (a?.length) a.push(fresh(a[o.pick % a.length])); break; }
      case 'swap': { const a = arrays[o.pick % Math.max(1, arrays.length)]; if (a && a.length > 1) a.reverse(); break; }
    }
  }
  return root;
}

/** A valid scenario with 1–3 mutations: usually invalid, sometimes still valid. */
export const mutatedScenario = fc.tuple(validScenario, fc.array(op, { minLength: 1, maxLength: 3 })).map(([raw, ops]) => mutate(raw, ops));

/** Anything JSON can hold, and a few things only JavaScript callers can pass. */
export const anyInput = fc.oneof(fc.jsonValue({ maxDepth: 4 }), junk, fc.dictionary(junkKey, junk, { maxKeys: 5 }));
