import { PLATFORMS, SEGMENT_METRICS, YEAR_METRICS } from '../../engine/index.ts';
import { UsageError } from '../errors.ts';

/** Every compared figure as `platform.metric` (SEGMENT_METRICS per segment and their seasonally adjusted `_saar` forms, YEAR_METRICS per year). */
export const FIGURE_NAMES: readonly string[] = [...new Set([
  ...SEGMENT_METRICS.map(([p, m]) => `${p}.${m}`),
  ...SEGMENT_METRICS.filter(([, m]) => m.endsWith('_per_year')).map(([p, m]) => `${p}.${m.replace(/_per_year$/, '_saar')}`),
  ...YEAR_METRICS.flatMap(([t, m]) => (t === 'red' ? [`red.${m}`] : [...PLATFORMS, 'all'].map((p) => `${p}.${m}`))),
])];

/** Parse a comma-separated list of `platform.metric` among FIGURE_NAMES; `flag` names the option in the error. */
export function parseFigures(flag: string, s: string): [string, string][] {
  return s.split(',').map((x) => x.trim()).map((x) => {
    if (!FIGURE_NAMES.includes(x)) throw new UsageError(`${flag}: expected ${flag === '--best' ? 'one' : 'a comma-separated list'} of platform.metric among ${FIGURE_NAMES.join(', ')}; got ${JSON.stringify(x)}`);
    const i = x.indexOf('.');
    return [x.slice(0, i), x.slice(i + 1)];
  });
}
