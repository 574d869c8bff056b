/**
 * Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008) and the colour of every
 * platform, revenue line and arm. Yellow (#F0E442) is left out: too light on white.
 */
export const OKABE_ITO = {
  black: '#000000', orange: '#E69F00', skyBlue: '#56B4E9', bluishGreen: '#009E73',
  yellow: '#F0E442', blue: '#0072B2', vermillion: '#D55E00', reddishPurple: '#CC79A7',
} as const;

/** Colour per platform id. */
export const PLATFORM_COLOURS: Record<string, string> = {
  red: OKABE_ITO.vermillion,
  taotian: OKABE_ITO.orange,
  jd: OKABE_ITO.blue,
  pdd: OKABE_ITO.bluishGreen,
  douyin: OKABE_ITO.reddishPurple,
};

/** Short platform names for legends. */
export const PLATFORM_NAMES: Record<string, string> = {
  red: 'RED own stores', taotian: 'Taobao/Tmall', jd: 'JD', pdd: 'Pinduoduo', douyin: 'Douyin',
};

/** Line style of an arm: the baseline dashed and darker, the what-if solid. */
export const ARM_STYLE = {
  base: { colour: '#444444', dash: '5 3', label: 'Baseline' },
  whatIf: { colour: OKABE_ITO.blue, dash: '', label: 'What-if' },
} as const;

/** Ink colours of axes, grid and text. */
export const INK = { text: '#1b1b1b', muted: '#5a5a5a', grid: '#e3e3e3', band: '#f2f2f2', axis: '#888888' } as const;

/** Font stack of every chart text (also used when a chart is exported alone). */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif';

/** Bar colour of each arm by its place (baseline grey, what-if blue, further arms orange and reddish purple); single mode uses the what-if's. */
export const ARM_COLOURS = ['#8c8c8c', OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.reddishPurple] as const;
