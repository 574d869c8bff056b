/** Share of voice between RED's feed ads and Douyin's ads: used by brand budgets and by the Result's series. */
import type { Parameters } from '../scenario/parameters.ts';

/** Ad impressions per Douyin user-day (activity × ads per active day): Douyin's side of the share of voice. */
export const douyinAdImpressionsPerUserDay = (params: Parameters): number => params['douyin.activity'] * params['douyin.adImpressionsPerDay'];

/** RED's share of voice: its ad impressions over RED's and Douyin's together; NaN when neither shows ads. */
export const redShareOfVoice = (redImpressions: number, douyinImpressions: number): number =>
  redImpressions + douyinImpressions > 0 ? redImpressions / (redImpressions + douyinImpressions) : NaN;
