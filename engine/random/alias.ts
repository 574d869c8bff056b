/**
 * Walker alias table over a fixed number of items, rebuilt in place (no allocation
 * after construction). Drawing costs one uniform and O(1).
 *
 * Layout: one Float64Array of [probability, item, alias item] per slot, so a draw
 * touches one cache line instead of three arrays (the merchant draws of the user
 * loop are random accesses).
 */
export class AliasTable {
  /** Per slot: acceptance probability, the slot's item, the item of its alias. */
  readonly table: Float64Array;
  size = 0;
  total = 0;
  private readonly small: Int32Array;
  private readonly large: Int32Array;
  private readonly scaled: Float64Array;
  private readonly ids: Int32Array;
  private readonly alias: Int32Array;

  constructor(capacity: number) {
    this.table = new Float64Array(3 * capacity);
    this.small = new Int32Array(capacity);
    this.large = new Int32Array(capacity);
    this.scaled = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
    this.alias = new Int32Array(capacity);
  }

  /** Rebuild from `n` (item, weight) pairs given as parallel arrays; items with weight ≤ 0 are left out. */
  build(items: ArrayLike<number>, weights: ArrayLike<number>, n: number): void {
    let total = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (weights[i] > 0) {
        if (m >= this.ids.length) throw new Error(`AliasTable: more than its capacity of ${this.ids.length} items with weight > 0`);
        this.ids[m] = items[i];
        this.scaled[m] = weights[i];
        total += weights[i];
        m++;
      }
    }
    this.size = m;
    this.total = total;
    if (m === 0) return;
    const prob = this.table;
    let ns = 0, nl = 0;
    for (let i = 0; i < m; i++) {
      this.scaled[i] = (this.scaled[i] * m) / total;
      if (this.scaled[i] < 1) this.small[ns++] = i;
      else this.large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = this.small[--ns];
      const l = this.large[--nl];
      prob[3 * s] = this.scaled[s];
      this.alias[s] = l;
      this.scaled[l] = this.scaled[l] + this.scaled[s] - 1;
      if (this.scaled[l] < 1) this.small[ns++] = l;
      else this.large[nl++] = l;
    }
    while (nl > 0) { const l = this.large[--nl]; prob[3 * l] = 1; this.alias[l] = l; }
    while (ns > 0) { const s = this.small[--ns]; prob[3 * s] = 1; this.alias[s] = s; }
    for (let i = 0; i < m; i++) { prob[3 * i + 1] = this.ids[i]; prob[3 * i + 2] = this.ids[this.alias[i]]; }
  }

  /** Draw an item id from one uniform in [0, 1); -1 when the table is empty. */
  draw(u: number): number {
    const n = this.size;
    if (n === 0) return -1;
    const x = u * n;
    const i = x | 0;
    const k = 3 * i;
    const t = this.table;
    return (x - i) < t[k] ? t[k + 1] : t[k + 2];
  }
}
