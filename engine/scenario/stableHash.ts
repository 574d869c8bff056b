/** Stable JSON of a value with sorted keys (stableStringify) and its 64-bit hex hash (stableHash), so equal values hash alike. */
import { hashString, mix32 } from '../random/stream.ts';

/** JSON with object keys sorted, so equal values give equal text. */
export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** 64-bit hex hash of a value's stable JSON. */
export function stableHash(v: unknown): string {
  const s = stableStringify(v);
  const a = hashString(s) >>> 0;
  const b = mix32(hashString(`${s.length}:${s}`), a) >>> 0;
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
