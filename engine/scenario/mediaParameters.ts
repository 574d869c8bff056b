/** Parameters of the merchants' media decision (merchants/mediaMix.ts): priors, uncertainty, risk aversion, measurement quality, adstock and Hill saturation per channel. */
import { p, type ParameterDef } from './parameterDef.ts';

export const MEDIA_PARAMETERS: readonly ParameterDef[] = [
  p('media.prior.redFeed', 1.5, 'GMV/RMB', 0, 100, 'assumed (practitioners quote 聚光 ROI of 1–2 for seeding campaigns)', 'Prior belief of a merchant about the long-run return of RED feed ads.'),
  p('media.prior.redNotes', 1.5, 'GMV/RMB', 0, 100, 'assumed (as feed ads)', 'Prior belief about the long-run return of sponsored notes (蒲公英).'),
  p('media.prior.search', 4, 'GMV/RMB', 0, 100, 'assumed (直通车/京准通 ROI 3–5 in trade press)', 'Prior belief about the return of marketplace search ads.'),
  p('media.prior.douyin', 2.5, 'GMV/RMB', 0, 100, 'assumed (巨量千川 ROI 2–3 in trade press)', 'Prior belief about the return of Douyin ads.'),
  p('media.priorCv', 0.6, 'ratio', 0, 10, 'assumed', 'Prior uncertainty: standard deviation of a belief over its prior mean.'),
  p('media.drift', 0.05, 'per month', 0, 1, 'assumed', 'Process noise: share of the prior variance added to each belief every month (returns change).'),
  p('media.riskAversion', 1, 'sd', 0, 10, 'assumed', 'Standard deviations of uncertainty a merchant subtracts from a belief (certainty equivalent = mean − ρ × sd).'),
  p('media.brandTilt', 0.5, 'share', 0, 1, 'assumed (0 = brand budgets follow share of voice alone)', 'Share of the brand decision that follows what the merchant can measure: the odds of RED against Douyin in its brand budget are multiplied by 1 − w + w × CE / CE at the prior, CE being its certainty-equivalent RED return.'),
  p('media.measureAds', 0.5, 'quality', 0, 1, 'assumed', 'Measurement quality of fully visible ads (search, Douyin) and of RED at full data sharing: gain of a month\'s observation against the prior.'),
  p('media.measureRed', 0.1, 'quality', 0, 1, 'assumed', 'Measurement quality of RED spend without data sharing (traced sales only).'),
  p('media.tracedShare', 0.3, 'share', 0, 1, 'assumed', 'Share of RED\'s sales effect a merchant without data sharing believes it can trace (it scales traced sales up by 1 / this).'),
  p('media.carryover.redFeed', 0.3, 'per month', 0, 0.95, 'assumed (digital adstock decay ranges of Jin et al. 2017; Robyn defaults)', 'Monthly geometric carry-over (adstock) of RED feed ads.'),
  p('media.carryover.redNotes', 0.5, 'per month', 0, 0.95, 'assumed (notes keep being found by search)', 'Monthly carry-over of sponsored notes.'),
  p('media.carryover.search', 0.1, 'per month', 0, 0.95, 'assumed', 'Monthly carry-over of search ads.'),
  p('media.carryover.douyin', 0.2, 'per month', 0, 0.95, 'assumed', 'Monthly carry-over of Douyin ads.'),
  p('media.halfSaturation.redFeed', 0.01, 'share of monthly GMV', 0, 10, 'assumed', 'Spend (steady-state adstock) at which RED feed ads give half their maximum effect, relative to the merchant\'s monthly sales.'),
  p('media.halfSaturation.redNotes', 0.01, 'share of monthly GMV', 0, 10, 'assumed', 'Half-saturation spend of sponsored notes.'),
  p('media.halfSaturation.search', 0.03, 'share of monthly GMV', 0, 10, 'assumed', 'Half-saturation spend of search ads.'),
  p('media.halfSaturation.douyin', 0.03, 'share of monthly GMV', 0, 10, 'assumed', 'Half-saturation spend of Douyin ads.'),
  p('merchants.searchAdPower', 0.2, 'ratio', 0, 100, 'assumed (set so that merchants see a search-ad ROI of ~3.5 GMV per RMB, inside the 直通车/京准通 ROI of 3–5 quoted in trade press; docs/calibration.md)', 'How strongly search-ad spend share wins need-driven orders on a marketplace.'),
  p('merchants.douyinAdPower', 0.6, 'ratio', 0, 100, 'assumed (merchants then see a Douyin-ad ROI of ~2 GMV per RMB, inside the 巨量千川 ROI of 2–3 quoted in trade press)', 'How strongly Douyin-ad spend share wins need-driven orders on Douyin (its 千川 traffic).'),
];
