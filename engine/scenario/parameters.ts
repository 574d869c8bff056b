/**
 * Every model parameter with its default, unit, bounds and source: the one
 * defaults table of DESIGN.md §3. docs/ODD.md is generated from the same list
 * (`npx market-sim params --markdown`), so the doc cannot drift from the code.
 *
 * Sources: "brief" = ../shared/domain/brief.md, "ref" = reference-figures.md,
 * "calibrated" = tuned so the historical run lands in targets.json ranges,
 * "assumed" = a modelling choice with no public figure behind it.
 */
import { p, type ParameterDef } from './parameterDef.ts';
import { MEDIA_PARAMETERS } from './mediaParameters.ts';
import { POPULATION_PARAMETERS } from './populationParameters.ts';
import { CATEGORY_PARAMETERS } from './categoryParameters.ts';

export type { ParameterDef } from './parameterDef.ts';

/** The parameter table, in documentation order. */
export const PARAMETERS: readonly ParameterDef[] = [
  // Population and scale
  p('population.real', 1.0e9, 'people', 1, 2e9, 'ref: ~1.05B Chinese internet users 2023 (CNNIC), rounded', 'Real people the user agents stand for; weight = population.real / agents.'),
  p('population.tier1Share', 0.2, 'share', 0, 1, 'assumed (NBS city-tier populations)', 'Share of people in tier-1-or-above cities.'),
  p('population.tier2Share', 0.2, 'share', 0, 1, 'assumed', 'Share of people in tier-2 cities (the rest are lower-tier).'),
  p('shoppers.share2018', 0.61, 'share', 0, 1, 'ref: 610M online shoppers in 2018 (CNNIC)', 'Share of the population shopping online on 2018-01-01.'),
  p('shoppers.shareMax', 0.95, 'share', 0, 1, 'assumed', 'Saturation share of online shoppers.'),
  p('shoppers.growthRate', 0.4246, '1/year', 0, 5, 'calibrated: online-shopper growth < 5% in 2024 (targets)', 'Logistic growth rate of the online-shopper share.'),
  // RED adoption, activity and churn
  p('red.initialShare', 0.045, 'share', 0, 1, 'ref: ~30M MAU, 120M registered in 2018', 'Share of the population already using RED on 2018-01-01.'),
  p('red.bassP', 0.02, '1/year', 0, 1, 'ref: Bass innovation p ≈ 0.01–0.03', 'Bass innovation coefficient of RED adoption.'),
  p('red.bassQ', 0.7001, '1/year', 0, 3, 'calibrated: RED MAU path 2022–2025 (targets, ref MAU series); above the ref Bass q range 0.3–0.5', 'Bass imitation coefficient of RED adoption.'),
  p('red.potential', 0.75, 'share', 0, 1, 'calibrated: RED MAU 170–240M in 2022, 230–300M in 2024, 310–390M in 2025 (targets; ref MAU ~200M 2022, 260–300M 2023, ~350M 2025)', 'Share of the population who would ever adopt RED (Bass market potential).'),
  p('red.tier2Propensity', 0.35, 'ratio', 0, 1, 'calibrated: 55% of RED users tier-1+, 75% tier-2+ (brief)', 'RED adoption propensity of tier-2 people relative to tier-1.'),
  p('red.tier3Propensity', 0.13, 'ratio', 0, 1, 'calibrated: as above', 'RED adoption propensity of lower-tier people relative to tier-1.'),
  p('red.activityMean', 0.42, 'share of days', 0, 1, 'ref: DAU 100M / MAU 260M in 2023', 'Mean probability that a RED user opens the app on a day at full trust.'),
  p('red.impressionsPerDay', 120, 'impressions/active day', 1, 500, 'assumed (~70 min a day in the app; puts RED\'s feed-ad CPM in the tens of RMB; docs/calibration.md)', 'Feed impressions (notes and ads) per active user-day without Douyin competition.'),
  p('red.churnPerYear', 0.06, '1/year', 0, 5, 'assumed', 'Base annual hazard that a RED user leaves at full trust.'),
  p('red.churnTrustSensitivity', 6, 'ratio', 0, 100, 'assumed', 'Churn multiplier per unit of missing trust squared: hazard × (1 + s·(1−trust)²).'),
  // Other platforms' user adoption
  p('taotian.initialShare', 0.58, 'share', 0, 1, 'ref: Taobao ~600M annual active buyers 2018', 'Share of the population on Taobao/Tmall on 2018-01-01.'),
  p('taotian.potential', 0.9, 'share', 0, 1, 'assumed', 'Bass market potential of Taobao/Tmall.'),
  p('jd.initialShare', 0.3, 'share', 0, 1, 'ref: JD ~305M annual active buyers 2018', 'Share of the population on JD on 2018-01-01.'),
  p('jd.potential', 0.6, 'share', 0, 1, 'assumed', 'Bass market potential of JD.'),
  p('pdd.initialShare', 0.38, 'share', 0, 1, 'ref: PDD ~420M annual active buyers 2018', 'Share of the population on Pinduoduo on 2018-01-01.'),
  p('pdd.lowerTierTilt', 1.15, 'ratio', 0, 5, 'assumed (PDD skews to lower-tier cities)', 'Pinduoduo\'s adoption pool in lower-tier cities relative to its potential.'),
  p('pdd.upperTierTilt', 0.8, 'ratio', 0, 5, 'assumed', 'Pinduoduo\'s adoption pool in tier-1 and tier-2 cities relative to its potential.'),
  p('pdd.potential', 0.9, 'share', 0, 1, 'assumed', 'Bass market potential of Pinduoduo.'),
  p('douyin.initialShare', 0.3, 'share', 0, 1, 'assumed (Douyin ~250M DAU early 2018)', 'Share of the population on Douyin on 2018-01-01.'),
  p('douyin.potential', 0.85, 'share', 0, 1, 'assumed (Douyin ~750M DAU 2023)', 'Bass market potential of Douyin.'),
  p('platforms.bassP', 0.03, '1/year', 0, 1, 'ref: Bass p range', 'Bass innovation coefficient for marketplace and Douyin adoption.'),
  p('platforms.bassQ', 0.4, '1/year', 0, 3, 'ref: Bass q range', 'Bass imitation coefficient for marketplace and Douyin adoption.'),
  p('douyin.adImpressionsPerDay', 15, 'ad impressions/active day', 0, 500, 'assumed (~2 h a day, ~300 short videos at ~1 ad in 20)', 'Ad impressions an active Douyin user sees per day: Douyin\'s side of the share of voice that brand budgets follow.'),
  p('douyin.redTimeLoss', 0.3, 'share', 0, 1, 'assumed', 'Share of RED feed time a user loses when also on Douyin, at Douyin strength 1.'),
  // Need-driven buying
  p('market.ordersPerShopperDay', 0.19, 'orders/day', 0, 5, 'calibrated: platforms\' reported GMV (targets: Taotian FY2021, JD 2021, PDD 2020; reported GMV counts returns, cancellations and services, so it exceeds NBS online retail of physical goods, 13.1T RMB in 2024); RED users\' annual spend is soft and not fitted (docs/calibration.md)', 'Need-driven orders per online shopper-day in 2018, before seasonality.'),
  p('market.spendGrowth', 0.085, '1/year', -0.5, 1, 'calibrated: market growth (ref GMV series)', 'Annual growth of need-driven orders per shopper, 2018–2021.'),
  p('market.spendGrowthFrom2022', -0.009886, '1/year', -0.5, 1, 'calibrated: Taotian GMV flat 2021–2023 (targets: taotian_gmv_fy2021, taotian_gmv_2023); NBS online retail of physical goods grew 12% in 2021 and 6–8% a year in 2022–2024 with the shopper count near saturation', 'Annual growth of need-driven orders per shopper from 2022 (the stagnant market after 2021).'),
  p('market.tier1SpendFactor', 1.06, 'ratio', 0, 10, 'calibrated in calibration v1 to RED users\' annual online spend (now a soft target, not refitted; docs/calibration.md)', 'Order rate of tier-1 shoppers relative to the mean.'),
  p('market.spendSigma', 0.5, 'log RMB', 0, 3, 'assumed', 'Standard deviation of the log of a shopper\'s spending power (lognormal, mean 1).'),
  p('price.spendSlope', 0.4, 'ratio', 0, 1, 'assumed', 'How much a shopper\'s spending power moves the value of an order: value = price × (1 − slope + slope × spend / mean spend byte 64).'),
  p('market.tier3SpendFactor', 0.8, 'ratio', 0, 10, 'assumed', 'Order rate of lower-tier shoppers relative to the mean.'),
  p('price.beauty', 180, 'RMB/order', 1, 1e5, 'assumed', 'Average order value, beauty.'),
  p('price.apparel', 150, 'RMB/order', 1, 1e5, 'assumed', 'Average order value, apparel.'),
  p('price.sports_outdoor', 230, 'RMB/order', 1, 1e5, 'assumed', 'Average order value, sports & outdoor.'),
  p('price.health', 160, 'RMB/order', 1, 1e5, 'assumed', 'Average order value, health.'),
  p('price.home', 200, 'RMB/order', 1, 1e5, 'assumed', 'Average order value, home.'),
  p('price.electronics', 900, 'RMB/order', 1, 1e5, 'assumed', 'Average order value, electronics & smart devices.'),
  p('price.food', 70, 'RMB/order', 1, 1e5, 'assumed', 'Average order value, food.'),
  p('price.mother_baby', 170, 'RMB/order', 1, 1e5, 'assumed', 'Average order value, mother & baby.'),
  p('utility.taotian', 2.05, 'logit', -10, 10, 'calibrated: Taotian share ≈ 40% of e-commerce GMV in 2024 and Taotian GMV FY2021 (targets)', 'Platform-choice utility of Taobao/Tmall for need-driven orders.'),
  p('utility.jd', 1.706, 'logit', -10, 10, 'calibrated: JD GMV 3.29T RMB in 2021 (targets: jd_gmv_2021, JD annual results)', 'Platform-choice utility of JD.'),
  p('utility.pdd', -0.38, 'logit', -10, 10, 'calibrated: PDD GMV 1.67T (2020) and ~4T (2023) (targets)', 'Platform-choice utility of Pinduoduo.'),
  p('utility.pddLowerTierBonus', 0.8, 'logit', -10, 10, 'assumed', 'Extra PDD utility for lower-tier shoppers.'),
  p('utility.jdElectronicsBonus', 1.2, 'logit', -10, 10, 'assumed', 'Extra JD utility for electronics.'),
  p('utility.douyin', -1.2, 'logit', -10, 10, 'assumed', 'Utility of Douyin shops for need-driven (searched) orders.'),
  p('utility.loyalty', 0.6, 'logit', 0, 10, 'assumed', 'Utility bonus of the platform a shopper bought from last.'),
  // Take rates: the commission-only part; ads are the separate search-ad / Douyin-ad lines (books/flows.ts), so (ads + commission) / GMV is what compares with public take rates
  p('take.taotian', 0.01, 'share of GMV', 0, 1, 'assumed: the public 4.3% Alibaba take rate (ref, 2019) is customer-management revenue = ads + commission over GMV; commission alone (Tmall technical service fee 0.5–5% by category, none on Taobao until the 0.6% basic fee of Sept 2024) taken as ~1%', 'Commission (technical service fee) of Taobao/Tmall, excluding ads.'),
  p('take.jd', 0.03, 'share of GMV', 0, 1, 'assumed: JD POP category commissions 2–8%; the ref ~7% (2019) includes marketing revenue', 'Commission of JD, excluding ads.'),
  p('take.pdd', 0.006, 'share of GMV', 0, 1, 'assumed: Pinduoduo\'s 0.6% transaction (payment) fee; its ~3% online-marketing revenue is the ads line', 'Transaction fee of Pinduoduo, excluding ads.'),
  p('take.douyin', 0.03, 'share of GMV', 0, 1, 'assumed: Douyin shop technical service fees 1–5% by category', 'Commission of Douyin shops, excluding ads.'),
  // Merchants' gross margin by category (goods cost = (1 − margin) × GMV, books/flows.ts goods.*)
  p('merchants.grossMargin.beauty', 0.6, 'share of GMV', 0, 1, 'assumed (listed cosmetics brands report ~70%: Proya, Botanee 2023; resellers less)', 'Gross margin of beauty sellers.'),
  p('merchants.grossMargin.apparel', 0.45, 'share of GMV', 0, 1, 'assumed (Semir ~45%, Bosideng ~60% reported)', 'Gross margin of apparel sellers.'),
  p('merchants.grossMargin.sports_outdoor', 0.45, 'share of GMV', 0, 1, 'assumed (Anta ~60%, Li Ning ~48% reported; resellers less)', 'Gross margin of sports & outdoor sellers.'),
  p('merchants.grossMargin.health', 0.55, 'share of GMV', 0, 1, 'assumed (By-health ~68% reported; resellers less)', 'Gross margin of health sellers.'),
  p('merchants.grossMargin.home', 0.35, 'share of GMV', 0, 1, 'assumed', 'Gross margin of home sellers.'),
  p('merchants.grossMargin.electronics', 0.2, 'share of GMV', 0, 1, 'assumed (Xiaomi ~21% group gross margin 2023)', 'Gross margin of electronics sellers.'),
  p('merchants.grossMargin.food', 0.3, 'share of GMV', 0, 1, 'assumed (Three Squirrels ~23%, Bestore ~30% reported)', 'Gross margin of food sellers.'),
  p('merchants.grossMargin.mother_baby', 0.4, 'share of GMV', 0, 1, 'assumed', 'Gross margin of mother & baby sellers.'),
  p('utility.pddTrend', 0.25, 'logit/year', -2, 2, 'calibrated: PDD GMV growth 2018–2023 (ref)', 'Yearly rise of Pinduoduo\'s utility from 2018.'),
  p('utility.contentTab', 0.3, 'logit', 0, 5, 'assumed', 'Utility a marketplace gains at full content-tab (逛逛) strength.'),
  p('market.repurchase', 0.3, 'probability', 0, 1, 'assumed', 'Probability that a need-driven order in the same category goes to the last merchant.'),
  p('market.repurchaseMember', 0.25, 'probability', 0, 1, 'assumed', 'Extra repurchase probability at full membership benefit for Red Cat linked buyers.'),
  // Douyin interest e-commerce
  p('douyin.activity', 0.6, 'share of days', 0, 1, 'assumed', 'Probability that a Douyin user is active on a day.'),
  p('douyin.impulseOrdersPerDay', 0.0482, 'orders/active day', 0, 5, 'calibrated: Douyin GMV 3.43T RMB in 2024 (targets)', 'Interest-e-commerce orders per active Douyin user-day at strength 1.'),
  // Seeding on RED
  p('seed.noteEngageRate', 0.01599, 'per impression', 0, 1, 'calibrated: 55–85% of RED users decide purchases through notes (targets); with 120 feed items a day (red.impressionsPerDay) ~1–2% of note views are engaged with', 'Engagement probability of an organic or sponsored note at full interest match and trust.'),
  p('seed.adCtr', 0.04, 'per impression', 0, 1, 'ref: 聚光 feed CTR 1.5–5%', 'Click-through rate of a feed ad at full interest match.'),
  p('seed.adCtrFloor', 0.47, 'share', 0, 1, 'calibrated: data-sharing CTR lift +10–30% (targets)', 'Share of the ad CTR that does not depend on interest match.'),
  p('seed.adEngageRate', 0.16, 'per click', 0, 1, 'assumed', 'Interaction probability after an ad click at full match.'),
  p('seed.matchExponent', 2.2, 'exponent', 0, 10, 'calibrated: engagement lift +75–145% (targets)', 'How steeply engagement rises with interest match: p ∝ match^k.'),
  p('seed.intentNote', 0.6783, 'intent units', 0, 1, 'calibrated: note-driven purchase decisions (targets)', 'Seeded intent added by engaging with a note (intent is in [0, 1]).'),
  p('seed.intentAdClick', 0.8, 'intent units', 0, 1, 'assumed (puts feed-ad ROI at 1.5–3 GMV per RMB, practitioners\' 聚光 range; docs/calibration.md)', 'Seeded intent added by clicking a feed ad.'),
  p('seed.intentHalfLifeDays', 12, 'days', 0.5, 365, 'assumed', 'Half-life of seeded intent (种草 stock).'),
  p('seed.brandMention', 0.6, 'share', 0, 1, 'assumed', 'Share of organic notes that feature a merchant\'s product.'),
  p('seed.searchRate', 0.04, 'per day at intent 1', 0, 1, 'assumed', 'Daily probability that a seeded user searches a marketplace, per unit of intent.'),
  p('seed.searchLeakage', 0.25, 'share', 0, 1, 'assumed (a seeded user mostly searches the brand by name, 回搜)', 'Share of searches that end at another merchant (untracked leakage).'),
  p('seed.brandSearch', 0.8, 'probability', 0, 1, 'assumed (回搜: a seeded user searches the brand by name, on a marketplace where it sells)', 'Probability that a user seeded by a merchant searches on one of their marketplaces where that merchant sells (by the usual preferences among them); otherwise the marketplace is chosen as for any search. 0 = the marketplace never depends on the seeder.'),
  p('seed.needCapture', 0.08, 'probability at intent 1', 0, 1, 'calibrated (assumed mechanism, 种草在小红书、拔草在淘宝): set with merchants.brandShare 0.56 so that every category\'s true RED return is ≥ 1 from 2023 (food 1.00 in 2024, was 0.41 at 0) with 24/24 targets at 50,000 agents × 5; its cost: RED\'s overall true return ~3.5 in 2019–2021, above the practitioners\' 1–3 (docs/calibration.md); the catalog\'s seeding-misses-need sets it to 0', 'Probability, per unit of seeded intent, that a need-driven marketplace order in the seeded category goes to the seeding merchant (when it sells on the marketplace chosen): the seeding wins the sale without adding one (not incremental). 0 leaves need-driven orders as they were.'),
  p('seed.linkClickRate', 0.6, 'per engagement at intent 1', 0, 1, 'assumed', 'Probability that an engaged user clicks a note link, per unit of intent.'),
  p('funnel.addToCart', 0.22, 'per store entry', 0, 1, 'ref: product page → add-to-cart 7–8% (raised for seeded visitors)', 'Add-to-cart probability of a seeded store entry.'),
  p('funnel.orderPerCart', 0.45, 'per add-to-cart', 0, 1, 'ref: product page → purchase 2–3%, store conversion 3–5%', 'Order probability after add-to-cart.'),
  p('funnel.ownStoreConversion', 0.1005, 'ratio', 0, 2, 'calibrated: ads ≈ 80% of RED revenue in 2021; RED own-store share of seeded purchases 3–15% in 2024 (targets; docs/calibration.md)', 'RED own-store add-to-cart relative to a marketplace (thinner assortment).'),
  p('funnel.budgetSensitivity', 0.5, 'ratio', 0, 5, 'assumed', 'How much a high price relative to daily budget lowers conversion.'),
  // Targeting
  p('target.precisionBase', 0.25, 'share', 0, 1, 'assumed', 'Share of ads shown to users truly interested in the category without data sharing.'),
  p('target.precisionData', 0.5609, 'share', 0, 1, 'calibrated: data-sharing engagement lift +75–145% and CTR lift (targets)', 'Precision added by full data sharing for a participating merchant.'),
  p('target.precisionTags', 0.12, 'share', 0, 1, 'assumed', 'Precision added by 200 audience tags (log scale).'),
  p('target.precisionTools', 0.08, 'share', 0, 1, 'assumed', 'Precision added by ad tools at full efficiency.'),
  // Trust
  p('trust.initial', 0.8, 'trust units', 0, 1, 'assumed', 'Initial trust of a RED user in RED content (trust is in [0, 1]).'),
  p('trust.recovery', 0.01, '1/day', 0, 1, 'assumed', 'Daily recovery of trust towards 1 on an active day.'),
  p('trust.adSensitivity', 0.12, 'trust/day per ad-load point', 0, 10, 'assumed (ref: usage falls linearly with ad load)', 'Trust lost per active day per unit of ad load above the user\'s tolerance.'),
  p('trust.inauthenticSensitivity', 0.02, 'trust/day', 0, 10, 'assumed', 'Trust lost per active day per unit of inauthentic sponsored share seen.'),
  p('trust.linkSensitivity', 0.0005, 'trust per linked note engaged', 0, 1, 'assumed', 'Trust lost per outbound-linked note a user engages with (the "transit station" cost).'),
  p('trust.activityFloor', 0.3, 'share', 0, 1, 'assumed', 'Activity at zero trust relative to full trust.'),
  p('trust.adToleranceMean', 0.11, 'share of feed', 0, 1, 'assumed', 'Mean ad load a user tolerates without losing trust.'),
  // Merchants
  p('merchants.agents', 2000, 'merchant agents', 10, 100000, 'assumed', 'Number of merchant agents.'),
  p('merchants.adToSales', 0.04979, 'share of GMV', 0, 1, 'calibrated: Taotian (ads + commission) / GMV ≈ 4.3% in 2019 (ref: Alibaba take rate, ads included; targets: taotian_monetisation_2019)', 'Monthly ad budget as a share of the merchant\'s trailing GMV.'),
  p('merchants.learningRate', 0.4, 'per month', 0, 1, 'assumed', 'Share of the gap between current and target performance shares a merchant closes each month.'),
  p('merchants.channelFloor', 0.004292, 'share', 0, 0.25, 'calibrated with merchants.brandShare: RED revenue 2022, 2023 and Q1 2024 (targets; docs/calibration.md)', 'Minimum share of the performance budget kept on every channel (exploration).'),
  p('merchants.brandShare', 0.56, 'share of budget', 0, 1, 'calibrated: RED revenue Q1 2024 level and growth, RED revenue 2022–2023, Taotian monetisation 2019 (targets; docs/calibration.md; 0.62 before seed.needCapture was on, which raises RED\'s revenue); of the order of the ~60% brand share Binet & Field (2013) recommend for brands', 'Share of each merchant\'s ad budget spent on reach (brand building) by share of voice, RED vs Douyin, instead of by the media decision.'),
  p('merchants.salesSmoothing', 0.3, 'per month', 0, 1, 'assumed', 'Weight of the latest month in the smoothed GMV that sets next month\'s budget (exponential smoothing).'),
  p('merchants.initialOrderUplift', 1.15, 'ratio', 0, 10, 'assumed (seeded and Douyin orders on top of need-driven ones)', 'Initial budget estimate: all orders relative to need-driven orders.'),
  p('merchants.initialValueUplift', 1.4, 'ratio', 0, 10, 'assumed (seasonal peaks and high-value categories)', 'Initial budget estimate: mean order value relative to the mean category price.'),
  p('merchants.initRedShare', 0.03, 'share', 0, 1, 'assumed', 'Initial share of ad budget on RED (feed ads + sponsored notes).'),
  p('merchants.initDouyinShare', 0.12, 'share', 0, 1, 'assumed', 'Initial share of ad budget on Douyin.'),
  p('merchants.hurdleRoi', 3, 'GMV/RMB', 0.1, 100, 'assumed (break-even ROI at a ~33% gross margin)', 'Overall return at which a merchant keeps its ad budget at ad-to-sales; above it spends more, below less.'),
  p('merchants.budgetElasticity', 0.25, 'ratio', 0, 5, 'assumed', 'Elasticity of the total ad budget to the measured overall return relative to the hurdle.'),
  p('merchants.budgetMin', 0.5, 'ratio', 0, 1, 'assumed', 'Lowest multiple of ad-to-sales × sales a merchant budgets.'),
  p('merchants.budgetMax', 1.5, 'ratio', 1, 10, 'assumed', 'Highest multiple of ad-to-sales × sales a merchant budgets.'),
  p('red.sponsoredFee', 0.1, 'share', 0, 1, 'assumed (蒲公英 platform service fee ~10%)', 'RED\'s fee on sponsored-note deals, booked as RED ad revenue.'),
  // Creators
  p('creators.agents', 3000, 'creator agents', 10, 100000, 'assumed', 'Number of creator agents.'),
  p('creators.real', 4.3e7, 'creators', 1, 1e9, 'ref: 43M content contributors (2022)', 'Real content contributors the creator agents stand for.'),
  p('creators.notesPerDay', 0.15, 'notes/day', 0, 100, 'assumed', 'Organic notes per creator per day at baseline.'),
  p('creators.outputElasticity', 0.5, 'ratio', 0, 5, 'assumed', 'Elasticity of creator output to income relative to expectation.'),
  p('creators.exitMonths', 6, 'months', 1, 120, 'assumed', 'Months of income below half the expectation after which a creator stops posting.'),
  p('creators.priceHead', 50000, 'RMB/note', 0, 1e7, 'ref: mega KOL ¥50K–500K', 'Price per sponsored note, head KOL.'),
  p('creators.priceMid', 8000, 'RMB/note', 0, 1e7, 'ref: macro ¥8K–50K', 'Price per sponsored note, mid KOL.'),
  p('creators.priceKoc', 800, 'RMB/note', 0, 1e7, 'ref: nano/micro ¥200–8K', 'Price per sponsored note, KOC.'),
  p('creators.buyerCommission', 0.1, 'share of GMV', 0, 1, 'assumed', 'Commission buyers (买手) earn on RED-store sales they drive.'),
  p('creators.sponsoredReach', 800, 'ratio', 0, 10000, 'assumed (a sponsored note at the ref KOL prices then costs tens of RMB per thousand impressions, like a feed ad)', 'Impressions of a sponsored note relative to an average organic note (promotion, creator reach).'),
  p('creators.ugcNotesPerUserDay', 0.02, 'notes/user-day', 0, 10, 'assumed', 'Organic notes posted per RED user per day (UGC).'),
  p('creators.initialSponsoredShare', 0.05, 'share', 0, 1, 'assumed', 'Sponsored share of note impressions in the first month, per category (before creators\' supply sets it).'),
  p('creators.initialAuthenticity', 0.8, 'share', 0, 1, 'assumed', 'Authenticity of sponsored notes in the first month, per category.'),
  p('creators.idleAuthenticity', 0.9, 'share', 0, 1, 'assumed', 'Authenticity of a category\'s sponsored notes in a month without sponsored deals.'),
  p('creators.returnRate', 0.03, 'per month', 0, 1, 'assumed', 'Monthly chance that a creator who stopped posting returns while its category has sponsored spend.'),
  p('creators.returnActivity', 0.5, 'ratio', 0, 3, 'assumed', 'Activity of a returning creator.'),
  p('creators.activityMin', 0.2, 'ratio', 0, 1, 'assumed', 'Lowest activity (posting rate relative to baseline) of a posting creator.'),
  p('creators.activityMax', 3, 'ratio', 1, 100, 'assumed', 'Highest activity of a creator.'),
  p('creators.expectationUpdate', 0.1, 'per month', 0, 1, 'assumed', 'Weight of the latest month in a creator\'s expected income (exponential smoothing).'),
  p('creators.authenticityLoss', 0.6, 'ratio', 0, 1, 'assumed', 'How much a creator\'s authenticity falls as its sponsored share rises.'),
  // Seasonality
  p('season.618', 1.6, 'ratio', 0, 20, 'assumed', 'Order multiplier during the 618 promotion (Jun 1–18).'),
  p('season.double11', 2.2, 'ratio', 0, 20, 'assumed', 'Order multiplier during Double 11 (Nov 1–11).'),
  p('season.newYear', 0.6, 'ratio', 0, 20, 'assumed', 'Order multiplier over the 14 days from Chinese New Year\'s eve.'),
  // Incrementality of note-seeded purchases (behaviour/bookOrder.ts, needPurchase.ts)
  p('incremental.beauty', 0.55, 'share', 0, 1, 'assumed (discovery category: most seeded purchases are new); reasoning from the incrementality literature: Blake, Nosko & Tadelis 2015 (eBay search ads mostly non-incremental), Lewis & Rao 2015, Gordon et al. 2019 (Facebook lift well below attributed conversions)', 'Share of note-seeded purchases in beauty that are incremental; the rest replace the user\'s next need-driven purchase in the category (1 = every seeded purchase is extra, the model before incrementality).'),
  p('incremental.apparel', 0.6, 'share', 0, 1, 'assumed (discovery and impulse category); reasoning from the incrementality literature: Blake, Nosko & Tadelis 2015 (eBay search ads mostly non-incremental), Lewis & Rao 2015, Gordon et al. 2019 (Facebook lift well below attributed conversions)', 'Share of note-seeded purchases in apparel that are incremental; the rest replace the user\'s next need-driven purchase in the category (1 = every seeded purchase is extra, the model before incrementality).'),
  p('incremental.sports_outdoor', 0.45, 'share', 0, 1, 'assumed (mixed); reasoning from the incrementality literature: Blake, Nosko & Tadelis 2015 (eBay search ads mostly non-incremental), Lewis & Rao 2015, Gordon et al. 2019 (Facebook lift well below attributed conversions)', 'Share of note-seeded purchases in sports_outdoor that are incremental; the rest replace the user\'s next need-driven purchase in the category (1 = every seeded purchase is extra, the model before incrementality).'),
  p('incremental.health', 0.4, 'share', 0, 1, 'assumed (partly planned); reasoning from the incrementality literature: Blake, Nosko & Tadelis 2015 (eBay search ads mostly non-incremental), Lewis & Rao 2015, Gordon et al. 2019 (Facebook lift well below attributed conversions)', 'Share of note-seeded purchases in health that are incremental; the rest replace the user\'s next need-driven purchase in the category (1 = every seeded purchase is extra, the model before incrementality).'),
  p('incremental.home', 0.4, 'share', 0, 1, 'assumed (partly planned); reasoning from the incrementality literature: Blake, Nosko & Tadelis 2015 (eBay search ads mostly non-incremental), Lewis & Rao 2015, Gordon et al. 2019 (Facebook lift well below attributed conversions)', 'Share of note-seeded purchases in home that are incremental; the rest replace the user\'s next need-driven purchase in the category (1 = every seeded purchase is extra, the model before incrementality).'),
  p('incremental.electronics', 0.3, 'share', 0, 1, 'assumed (planned purchase: notes mostly redirect a purchase already decided); reasoning from the incrementality literature: Blake, Nosko & Tadelis 2015 (eBay search ads mostly non-incremental), Lewis & Rao 2015, Gordon et al. 2019 (Facebook lift well below attributed conversions)', 'Share of note-seeded purchases in electronics that are incremental; the rest replace the user\'s next need-driven purchase in the category (1 = every seeded purchase is extra, the model before incrementality).'),
  p('incremental.food', 0.45, 'share', 0, 1, 'assumed (mixed; frequent, substitutable); reasoning from the incrementality literature: Blake, Nosko & Tadelis 2015 (eBay search ads mostly non-incremental), Lewis & Rao 2015, Gordon et al. 2019 (Facebook lift well below attributed conversions)', 'Share of note-seeded purchases in food that are incremental; the rest replace the user\'s next need-driven purchase in the category (1 = every seeded purchase is extra, the model before incrementality).'),
  p('incremental.mother_baby', 0.3, 'share', 0, 1, 'assumed (planned, need-driven purchase); reasoning from the incrementality literature: Blake, Nosko & Tadelis 2015 (eBay search ads mostly non-incremental), Lewis & Rao 2015, Gordon et al. 2019 (Facebook lift well below attributed conversions)', 'Share of note-seeded purchases in mother_baby that are incremental; the rest replace the user\'s next need-driven purchase in the category (1 = every seeded purchase is extra, the model before incrementality).'),
  ...MEDIA_PARAMETERS,
  ...POPULATION_PARAMETERS,
  ...CATEGORY_PARAMETERS,
];

/** Flat parameter values keyed by dotted name. */
export type Parameters = Record<string, number>;

/** Default parameters as a flat object. */
export function defaultParameters(): Parameters {
  const out: Parameters = {};
  for (const d of PARAMETERS) out[d.key] = d.value;
  return out;
}

/** Lookup of definitions by key. */
export const PARAMETER_INDEX: ReadonlyMap<string, ParameterDef> = new Map(PARAMETERS.map((d) => [d.key, d]));
