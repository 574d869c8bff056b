import { LEVERS } from '../../engine/index.ts';
import { flattenPatch, labelInText, LEVER_DEFS } from '../app/levers.ts';

const MARKETS: Record<string, string> = { taotian: 'Taobao/Tmall', jd: 'JD', pdd: 'Pinduoduo' };

/** Words of a camelCase key: "merchantShare" → "merchant share", "capRmbPerMonth" → "cap RMB per month". */
const words = (k: string) => k.replace(/Rmb/g, ' RMB').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/rmb/g, 'RMB');

/** One lever value in words, with its unit: "links to JD: notes with links all", "ad load 20%". */
export function describeLever(path: string, v: unknown): string {
  const d = LEVER_DEFS.find((x) => x.path === path);
  if (d) return `${d.group.replace(/^Links to /, 'links to ').replace(/^Data sharing/, 'data sharing')}: ${labelInText(d.label)} ${d.format(v as number | string)}`;
  const unit = LEVERS.find((l) => l.path === path)?.unit ?? '';
  const keys = path.split('.');
  if (keys.length === 2 && MARKETS[keys[1]]) return `${words(keys[0])} (${MARKETS[keys[1]]}) ${fmtValue(v, unit)}`;
  const where = keys.length > 2 && MARKETS[keys[1]] ? `${words(keys[0])} (${MARKETS[keys[1]]}): ` : keys.length > 1 ? `${words(keys[0])}: ` : '';
  return `${where}${words(keys[keys.length - 1])} ${fmtValue(v, unit)}`;
}

function fmtValue(v: unknown, unit: string): string {
  return typeof v === 'number' && unit.startsWith('share') ? `${Math.round(v * 1000) / 10}%` : typeof v === 'number' && unit.startsWith('RMB') ? `¥${v.toLocaleString('en-US')}${unit.replace(/^RMB/, '')}` : String(v);
}

/** What a timeline entry sets, in words, one lever per item. */
export function describeSet(set: Record<string, unknown>): string[] {
  return Object.entries(flattenPatch(set)).map(([p, v]) => describeLever(p, v));
}
