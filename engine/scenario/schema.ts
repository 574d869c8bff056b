/** Zod schemas of a scenario file as written: the file, its parameters, its policy timeline entries and the policy patches they switch. */
import { z } from 'zod';
import { isIsoDate } from '../calendar.ts';
import { CATEGORIES, CREATOR_TIERS } from '../constants.ts';
import { PARAMETER_INDEX } from './parameters.ts';

const share = () => z.number({ error: 'expected a number in [0, 1]' }).min(0, { error: 'expected a number in [0, 1]' }).max(1, { error: 'expected a number in [0, 1]' });
const nonNeg = () => z.number({ error: 'expected a number >= 0' }).min(0, { error: 'expected a number >= 0' });
const isoDate = () => z.string({ error: 'expected a date string YYYY-MM-DD' }).refine(isIsoDate, { error: 'expected a real date written YYYY-MM-DD' });

const keyed = <K extends string, T extends z.ZodType>(keys: readonly K[], s: () => T) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, s().optional()])) as { [P in K]: z.ZodOptional<T> });
const linkPatch = z.strictObject({
  notes: z.enum(['none', 'organic', 'ads', 'all'], { error: 'expected one of "none", "organic", "ads", "all"' }).optional(),
  friction: share().optional(),
  eligibleShare: share().optional(),
  redCommission: share().optional(),
  eligibleByCategory: keyed(CATEGORIES, share).optional(),
  minSizeQuantile: share().optional(),
  maxSizeQuantile: share().optional(),
});
const matchingTerms = () => z.strictObject({ rate: nonNeg().max(100).optional(), capRmbPerMonth: nonNeg().max(1e13).optional() });
const guaranteeTerms = () => z.strictObject({ threshold: nonNeg().max(1000).optional(), refundShare: share().optional() });
const dataPatch = z.strictObject({
  level: share().optional(),
  eligibleShare: share().optional(),
  joinRatePerMonth: share().optional(),
});
const perMarket = <T extends z.ZodType>(s: T) => z.strictObject({ taotian: s.optional(), jd: s.optional(), pdd: s.optional() });

/** A partial `PolicyState`: what one timeline entry switches. */
export const policyPatchSchema = z.strictObject({
  links: perMarket(linkPatch).optional(),
  dataSharing: perMarket(dataPatch).optional(),
  audienceTags: z.number({ error: 'expected a whole number of tags in [0, 100000]' }).int({ error: 'expected a whole number of tags in [0, 100000]' }).min(0, { error: 'expected a whole number of tags in [0, 100000]' }).max(100000, { error: 'expected a whole number of tags in [0, 100000]' }).optional(),
  adTools: share().optional(),
  ownStore: z.strictObject({
    enabled: z.boolean({ error: 'expected true or false' }).optional(),
    merchantShare: share().optional(),
    push: share().optional(),
    commission: share().optional(),
    selfOperatedShare: share().optional(),
    trustCost: nonNeg().max(1).optional(),
  }).optional(),
  buyerSelling: share().optional(),
  adLoad: share().optional(),
  roiGuarantee: z.strictObject({ threshold: nonNeg().max(1000).optional(), refundShare: share().optional(), jd: guaranteeTerms().optional(), pdd: guaranteeTerms().optional() }).optional(),
  matching: z.strictObject({ rate: nonNeg().max(100).optional(), capRmbPerMonth: nonNeg().max(1e13).optional(), jd: matchingTerms().optional(), pdd: matchingTerms().optional() }).optional(),
  benefits: z.strictObject({ coupon: share().optional(), membership: share().optional() }).optional(),
  contentTab: perMarket(share()).optional(),
  trafficBoost: share().optional(),
  douyinStrength: nonNeg().max(100).optional(),
  creatorPay: nonNeg().max(100).optional(),
  creatorPayByTier: keyed(CREATOR_TIERS, () => nonNeg().max(100)).optional(),
  buyerCommission: share().optional(),
  take: keyed(['taotian', 'jd', 'pdd', 'douyin'] as const, share).optional(),
});

/** One dated entry of the policy timeline. */
export const policyEntrySchema = z.strictObject({
  /** Stable id, so that a scenario extending this one can replace or remove the entry. */
  id: z.string().min(1).max(80).regex(/^[A-Za-z0-9_.-]+$/, { error: 'expected letters, digits, _ . or -' }).optional(),
  /** When the entry takes effect; required except on an entry with `"remove": true` (there it is ignored). */
  date: isoDate().optional(),
  /** Starts a new phase with this label (phases run until the next entry that names one). */
  phase: z.string().min(1).max(120).optional(),
  label: z.string().max(400).optional(),
  remove: z.literal(true).optional(),
  set: policyPatchSchema.optional(),
});

const parameters = z.record(z.string(), z.number({ error: 'expected a finite number' }).refine(Number.isFinite, { error: 'expected a finite number' }))
  .superRefine((rec, ctx) => {
    for (const [key, value] of Object.entries(rec)) {
      const def = PARAMETER_INDEX.get(key);
      if (!def) {
        ctx.addIssue({ code: 'custom', path: [key], message: `unknown parameter "${key}"; expected a key listed by \`market-sim params\``, input: value });
      } else if (!(value >= def.min && value <= def.max)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `expected a number in [${def.min}, ${def.max}] (${def.unit})`, input: value });
      }
    }
  });

/** A scenario file as written (before `extends` is resolved). */
export const scenarioFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().min(1).max(80).regex(/^[A-Za-z0-9_.-]+$/, { error: 'expected letters, digits, _ . or -' }),
  title: z.string().min(1).max(200).optional(),
  question: z.string().max(4000).optional(),
  extends: z.string().min(1).max(400).optional(),
  start: isoDate().optional(),
  end: isoDate().optional(),
  agents: z.number({ error: 'expected a whole number of agents' }).int({ error: 'expected a whole number of agents' }).min(1, { error: 'expected at least 1 agent' }).max(20_000_000, { error: 'expected at most 20,000,000 agents' }).optional(),
  seed: z.union([z.number().int({ error: 'expected a whole number >= 0 or a string' }).min(0, { error: 'expected a whole number >= 0 or a string' }), z.string().max(200)], { error: 'expected a whole number >= 0 or a string' }).optional(),
  parameters: parameters.optional(),
  policies: z.array(policyEntrySchema).max(10000).optional(),
});

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
export type PolicyEntry = z.infer<typeof policyEntrySchema>;
