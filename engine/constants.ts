/** Platform ids, in the order every per-platform array uses. */
export const PLATFORMS = ['red', 'taotian', 'jd', 'pdd', 'douyin'] as const;
export type PlatformId = (typeof PLATFORMS)[number];
export const RED = 0, TAOTIAN = 1, JD = 2, PDD = 3, DOUYIN = 4;
export const N_PLATFORMS = PLATFORMS.length;

/** Human-readable platform names. */
export const PLATFORM_LABELS: Record<PlatformId, string> = {
  red: 'RED (Xiaohongshu)',
  taotian: 'Taobao/Tmall',
  jd: 'JD',
  pdd: 'Pinduoduo',
  douyin: 'Douyin',
};

/** Product categories, in the order every per-category array uses. */
export const CATEGORIES = [
  'beauty', 'apparel', 'sports_outdoor', 'health', 'home', 'electronics', 'food', 'mother_baby',
] as const;
export const N_CATEGORIES = CATEGORIES.length;

/** Merchant ad channels, in the order the per-merchant budget weights use. */
export const CHANNELS = ['red_feed_ads', 'red_sponsored_notes', 'marketplace_search_ads', 'douyin_ads'] as const;
export const CH_RED_FEED = 0, CH_RED_NOTES = 1, CH_SEARCH = 2, CH_DOUYIN = 3;
export const N_CHANNELS = CHANNELS.length;

/** How a seeded intent was created (stored in the two high bits of the seeded-merchant column). */
export const VIA_ORGANIC = 0, VIA_SPONSORED = 1, VIA_FEED_AD = 2;

/** Creator tiers. */
export const CREATOR_TIERS = ['head_kol', 'mid_kol', 'koc', 'buyer'] as const;
/** Users' city tiers (population/users.ts `tier`: 0 = tier-1 or above, 1 = tier-2, 2 = lower tiers). */
export const CITY_TIERS = ['tier1', 'tier2', 'tier3'] as const;
export const N_TIERS = CITY_TIERS.length;

/** Purchase paths, the "path" dimension of the funnel. */
export const PATHS = ['link', 'search', 'own_store', 'need', 'douyin_interest'] as const;
export const PATH_LINK = 0, PATH_SEARCH = 1, PATH_OWN_STORE = 2, PATH_NEED = 3, PATH_DOUYIN = 4;
export const N_PATHS = PATHS.length;

/** Funnel stages. */
export const STAGES = ['impressions', 'engagements', 'link_outs', 'store_entries', 'add_to_cart', 'orders'] as const;
