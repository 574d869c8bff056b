/** Parameters of the merchant and user populations (population/merchants.ts, population/users.ts): homes, multi-homing, sizes, category mix, interests and propensities. */
import { p, type ParameterDef } from './parameterDef.ts';

export const POPULATION_PARAMETERS: readonly ParameterDef[] = [
  // Merchant population (population/merchants.ts)
  p('merchants.homeShare.taotian', 0.55, 'share', 0, 1, 'assumed (by 2018 GMV)', 'Share of merchants whose home marketplace (link destination) is Taobao/Tmall; the three are normalised.'),
  p('merchants.homeShare.jd', 0.2, 'share', 0, 1, 'assumed (by 2018 GMV)', 'Share of merchants whose home marketplace (link destination) is JD; the three are normalised.'),
  p('merchants.homeShare.pdd', 0.25, 'share', 0, 1, 'assumed (by 2018 GMV)', 'Share of merchants whose home marketplace (link destination) is Pinduoduo; the three are normalised.'),
  p('merchants.alsoOn.taotian', 0.5, 'probability', 0, 1, 'assumed', 'Probability that a merchant with another home also sells on Taobao/Tmall.'),
  p('merchants.alsoOn.jd', 0.25, 'probability', 0, 1, 'assumed', 'Probability that a merchant with another home also sells on JD.'),
  p('merchants.alsoOn.pdd', 0.3, 'probability', 0, 1, 'assumed', 'Probability that a merchant with another home also sells on Pinduoduo.'),
  p('merchants.onDouyinShare', 0.6, 'probability', 0, 1, 'assumed', 'Probability that a merchant sells on Douyin (and so can buy Douyin ads).'),
  p('merchants.redFeedSplit', 0.45, 'share', 0, 1, 'assumed', 'Share of a merchant\'s RED spend (initial and brand part) on feed ads; the rest buys sponsored notes.'),
  p('merchants.sizeShape', 1.3, 'Pareto shape', 0.5, 10, 'assumed (heavy-tailed firm sizes)', 'Shape of the Pareto distribution of merchant size (scale 1).'),
  p('merchants.categoryWeight.beauty', 1.3, 'weight', 0, 100, 'assumed', 'Relative number of merchants in beauty (normalised over categories).'),
  p('merchants.categoryWeight.apparel', 1.4, 'weight', 0, 100, 'assumed', 'Relative number of merchants in apparel (normalised over categories).'),
  p('merchants.categoryWeight.sports_outdoor', 0.8, 'weight', 0, 100, 'assumed', 'Relative number of merchants in sports_outdoor (normalised over categories).'),
  p('merchants.categoryWeight.health', 0.8, 'weight', 0, 100, 'assumed', 'Relative number of merchants in health (normalised over categories).'),
  p('merchants.categoryWeight.home', 1.0, 'weight', 0, 100, 'assumed', 'Relative number of merchants in home (normalised over categories).'),
  p('merchants.categoryWeight.electronics', 0.9, 'weight', 0, 100, 'assumed', 'Relative number of merchants in electronics (normalised over categories).'),
  p('merchants.categoryWeight.food', 1.0, 'weight', 0, 100, 'assumed', 'Relative number of merchants in food (normalised over categories).'),
  p('merchants.categoryWeight.mother_baby', 0.8, 'weight', 0, 100, 'assumed', 'Relative number of merchants in mother_baby (normalised over categories).'),
  // User interests and propensities (population/users.ts)
  p('users.interestBase.beauty', 1.4, 'weight', 0, 100, 'assumed', 'Mean weight of beauty in users\' interests (exponential draws scaled by this, normalised per user).'),
  p('users.interestBase.apparel', 1.3, 'weight', 0, 100, 'assumed', 'Mean weight of apparel in users\' interests (exponential draws scaled by this, normalised per user).'),
  p('users.interestBase.sports_outdoor', 0.8, 'weight', 0, 100, 'assumed', 'Mean weight of sports_outdoor in users\' interests (exponential draws scaled by this, normalised per user).'),
  p('users.interestBase.health', 0.8, 'weight', 0, 100, 'assumed', 'Mean weight of health in users\' interests (exponential draws scaled by this, normalised per user).'),
  p('users.interestBase.home', 1.0, 'weight', 0, 100, 'assumed', 'Mean weight of home in users\' interests (exponential draws scaled by this, normalised per user).'),
  p('users.interestBase.electronics', 0.9, 'weight', 0, 100, 'assumed', 'Mean weight of electronics in users\' interests (exponential draws scaled by this, normalised per user).'),
  p('users.interestBase.food', 1.1, 'weight', 0, 100, 'assumed', 'Mean weight of food in users\' interests (exponential draws scaled by this, normalised per user).'),
  p('users.interestBase.mother_baby', 0.7, 'weight', 0, 100, 'assumed', 'Mean weight of mother_baby in users\' interests (exponential draws scaled by this, normalised per user).'),
  p('users.interestSharpness', 3, 'ratio', 0.1, 100, 'assumed', 'Interest in a category = min(1, sharpness × its share of the user\'s interest weights).'),
  p('users.activityShape', 0.9, 'Beta shape', 0.01, 100, 'assumed', 'First shape of the Beta distribution of RED activity propensity (mean red.activityMean).'),
  p('users.toleranceShape', 2, 'Beta shape', 0.01, 100, 'assumed', 'First shape of the Beta distribution of ad-load tolerance (mean trust.adToleranceMean).'),
];
