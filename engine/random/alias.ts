/**
 * Walker alias table over a fixed number of items, rebuilt in place (no allocation
 * after construction). Drawing costs one uniform and O(1).
 */
export class AliasTable {
  readonly prob: Float64Array;
  readonly alias: Int32Array;
  /** Item ids (e.g. merchant indices) the slots stand for. */
  readonly items: Int32Array;
  size = 0;
  total = 0;
  private readonly small: Int32Array;
  private readonly large: Int32Array;
  private readonly scaled: Float64Array;

  constructor(capacity: number) {
    this.prob = new Float64Array(capacity);
    this.alias = new Int32Array(capacity);
    this.items = new Int32Array(capacity);
    this.small = new Int32Array(capacity);
    this.large = new Int32Array(capacity);
    this.scaled = new Float64Array(capacity);
  }

  /** Rebuild from `n` (item, weight) pairs given as parallel arrays. */
  build(items: ArrayLike<number>, weights: ArrayLike<number>, n: number): void {
    let total = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (weights[i] > 0) {
        this.items[m] = items[i];
        this.scaled[m] = weights[i];
        total += weights[i];
        m++;
      }
    }
    this.size = m;
    this.total = total;
    if (m === 0) return;
    let ns = 0, nl = 0;
    for (let i = 0; i < m; i++) {
      this.scaled[i] = (this.scaled[i] * m) / total;
      if (this.scaled[i] < 1) this.small[ns++] = i;
      else this.large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = this.small[--ns];
      const l = this.large[--nl];
      this.prob[s] = this.scaled[s];
      this.alias[s] = l;
      this.scaled[l] = this.scaled[l] + this.scaled[s] - 1;
      if (this.scaled[l] < 1) this.small[ns++] = l;
      else this.large[nl++] = l;
    }
    while (nl > 0) { const l = this.large[--nl]; this.prob[l] = 1; this.alias[l] = l; }
    while (ns > 0) { const s = this.small[--ns]; this.prob[s] = 1; this.alias[s] = s; }
  }

  /** Draw an item id from one uniform in [0, 1); -1 when the table is empty. */
  draw(u: number): number {
    if (this.size === 0) return -1;
    const x = u * this.size;
    const i = x | 0;
    return this.items[(x - i) < this.prob[i] ? i : this.alias[i]];
  }
}
