/** settleNumberFields: give every non-integer number field of an object a floating-point representation once (stable hidden classes for the hot loop). */
/** Integer fields of the day context (kept as small integers: they index arrays and key streams). */
const INTEGER_FIELDS = new Set(['seed', 'day', 'monthTag', 'yearTag', 'block']);

/**
 * Give every other number field of `ctx` a floating-point representation once,
 * before the first day. A field created as a small integer (e.g. `adLoad: 0`)
 * and later set to a fraction changes the object's hidden class mid-run, which
 * throws away the optimised code of every function that reads the context;
 * doing it up front keeps the hot loop compiled once. Values are unchanged.
 */
export function settleNumberFields(ctx: object): void {
  const rec = ctx as unknown as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    const v = rec[key];
    if (typeof v !== 'number' || INTEGER_FIELDS.has(key)) continue;
    rec[key] = 0.5;
    rec[key] = v;
  }
}
