/**
 * Parameters that make categories differ for a reason (issue: category heterogeneity) and
 * merchants differ beyond size. Each acts on one stage of the funnel, so category funnel
 * rates and the effect of data programs differ through them, not through per-category
 * fudge factors. A value of 1 (or a spread of 0) is neutral: it reproduces the model
 * without the mechanism exactly.
 */
import { CATEGORIES } from '../constants.ts';
import { p, type ParameterDef } from './parameterDef.ts';

type PerCategory = Record<(typeof CATEGORIES)[number], number>;

/** Relative purchase frequency: how often a shopper's need-driven order falls in the category, per unit of interest. */
const FREQUENCY: PerCategory = { beauty: 1.2, apparel: 1.3, sports_outdoor: 0.6, health: 0.9, home: 0.8, electronics: 0.35, food: 1.8, mother_baby: 1.1 };
/** Relative consideration length: the half-life of seeded intent relative to `seed.intentHalfLifeDays`. */
const CONSIDERATION: PerCategory = { beauty: 1.0, apparel: 0.7, sports_outdoor: 1.2, health: 1.3, home: 1.5, electronics: 2.5, food: 0.5, mother_baby: 1.5 };
/** Content fit: how well notes sell the category (intent added by a note engagement, relative). */
const CONTENT_FIT: PerCategory = { beauty: 1.3, apparel: 1.2, sports_outdoor: 1.0, health: 0.9, home: 1.0, electronics: 0.8, food: 0.9, mother_baby: 1.1 };
/** Data benefit: how much full-funnel data sharpens targeting in the category (relative). */
const DATA_BENEFIT: PerCategory = { beauty: 1.2, apparel: 1.1, sports_outdoor: 1.0, health: 1.0, home: 0.9, electronics: 0.8, food: 0.8, mother_baby: 1.0 };

const per = (
  name: string, values: PerCategory, unit: string, max: number, source: string, doc: (c: string) => string,
): ParameterDef[] => CATEGORIES.map((c) => p(`category.${name}.${c}`, values[c], unit, 0, max, source, doc(c)));

export const CATEGORY_PARAMETERS: readonly ParameterDef[] = [
  ...per('frequency', FREQUENCY, 'ratio', 20,
    'assumed (consumables such as food, beauty and mother & baby are bought often; electronics and sports gear rarely; cf. China\'s category shares of online retail, NBS)',
    (c) => `Relative purchase frequency of ${c}: a need-driven order falls in ${c} with probability ∝ interest × frequency.`),
  ...per('consideration', CONSIDERATION, 'ratio', 20,
    'assumed (high-involvement purchases are researched longer: Court et al. 2009, "The consumer decision journey"; electronics and home longest, food and apparel shortest)',
    (c) => `Consideration length of ${c}: half-life of seeded intent in ${c} relative to seed.intentHalfLifeDays (longer: more purchases come later, by search).`),
  ...per('contentFit', CONTENT_FIT, 'ratio', 5,
    'assumed (RED\'s content skews to beauty and fashion, brief.md; specs-driven electronics sells less through lifestyle notes)',
    (c) => `Content fit of ${c}: intent a note engagement adds in ${c}, relative to seed.intentNote.`),
  ...per('dataBenefit', DATA_BENEFIT, 'ratio', 5,
    'assumed (data helps most where interests are fine-grained and journeys short: beauty, apparel)',
    (c) => `Data benefit of ${c}: the targeting precision a data program adds for a member in ${c}, relative to target.precisionData.`),
  // Merchants beyond size (population/merchants.ts)
  p('merchants.awarenessSigma', 0.5, 'log ratio', 0, 3, 'assumed', 'Spread (sd of the log, mean 1) of merchants\' brand awareness: acts on the share of organic note mentions (engagement stage).'),
  p('merchants.priceSigma', 0.3, 'log ratio', 0, 3, 'assumed', 'Spread (sd of the log, mean 1) of merchants\' price point relative to the category price: acts on order value and, through priceElasticity, on conversion after add-to-cart.'),
  p('merchants.priceElasticity', 0.8, 'ratio', 0, 5, 'assumed (a higher price point converts less: order-per-cart × price point^−elasticity)', 'How strongly a merchant\'s price point lowers conversion of its seeded store visits.'),
  p('merchants.qualityRepurchase', 0.6, 'ratio', 0, 1, 'assumed', 'Weight of product quality in repurchase: repurchase probability × (1 − w + w × quality).'),
  p('merchants.hurdleMarginElasticity', 1, 'ratio', 0, 3, 'assumed (a merchant\'s hurdle return is its break-even 1 / gross margin; merchants.hurdleRoi holds at a 1/3 margin)', 'How the hurdle return follows the category\'s gross margin: hurdle = hurdleRoi × (1/3 ÷ margin)^e.'),
];
