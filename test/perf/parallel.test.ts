import { describe, expect, it } from 'vitest';
import { simulate, type Result } from '../../engine/index.ts';
import { runParallel } from '../../cli/parallel/runParallel.ts';
import { derived } from '../helpers.ts';

/** Full Result JSON without the wall time (the only field allowed to differ). */
const bits = (r: Result) => JSON.stringify({ ...r, manifest: { ...r.manifest, wallMs: 0 } });

// Every path on: links to all marketplaces, data sharing at non-dyadic levels (observed GMV),
// own stores, coupons, ROI refunds; 3,000 agents = 3 user blocks, split unevenly over 2 workers.
const openAll = derived({
  agents: 3000, end: '2020-06-30',
  policies: [{
    id: 'open-all', date: '2018-03-01', label: 'everything open',
    set: {
      links: { taotian: { notes: 'all', friction: 0.2, eligibleShare: 0.5 }, jd: { notes: 'ads', friction: 0.3, eligibleShare: 0.4 } },
      dataSharing: { taotian: { level: 0.37, eligibleShare: 0.6, joinRatePerMonth: 0.2 }, jd: { level: 0.61, eligibleShare: 0.5, joinRatePerMonth: 0.1 } },
      ownStore: { merchantShare: 0.5, push: 0.4 }, buyerSelling: 0.3, adLoad: 0.13,
      benefits: { coupon: 0.07, membership: 0.3 }, roiGuarantee: { threshold: 2.5, refundShare: 0.4 },
    },
  }],
});

describe('runParallel (worker_threads over shared user columns)', () => {
  it('gives a Result bit-identical to the single-thread run for 1, 2 and 3 workers', async () => {
    const solo = bits(simulate(openAll, { seed: 11 }));
    for (const workers of [1, 2, 3]) {
      const r = await runParallel(openAll, { seed: 11, workers });
      expect(bits(r), `${workers} workers`).toBe(solo);
    }
  });

  it('bit-identical on the historical timeline with a string seed and a partial last block', async () => {
    const s = derived({ agents: 2222, start: '2021-06-01', end: '2022-12-31' });
    const solo = bits(simulate(s, { seed: 'par' }));
    expect(bits(await runParallel(s, { seed: 'par', workers: 2 }))).toBe(solo);
  });

  it('reports progress by month and rejects a bad worker count', async () => {
    const s = derived({ agents: 1500, start: '2024-01-01', end: '2024-03-31' });
    const days: number[] = [];
    await runParallel(s, { seed: 1, workers: 2, onProgress: (d) => days.push(d) });
    expect(days.length).toBe(3);
    await expect(runParallel(s, { workers: 0 })).rejects.toThrow(/workers: expected an integer ≥ 1, got 0/);
  });
});
