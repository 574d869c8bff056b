import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CH_DOUYIN, CH_RED_FEED, CH_RED_NOTES, CH_SEARCH, N_CHANNELS } from '../../engine/constants.ts';
import { createBeliefs, createBrandTilt, createTargetShares, updateBeliefs, type Measurement } from '../../engine/merchants/mediaMix.ts';
import { createMerchants } from '../../engine/population/merchants.ts';
import { defaultParameters, type Parameters } from '../../engine/scenario/parameters.ts';

// The merchants' media decision (engine/merchants/mediaMix.ts), mechanism by mechanism:
// each test moves one input and checks the response the mechanism exists for.
const params: Parameters = { ...defaultParameters(), 'merchants.agents': 4 };
const targetShares = createTargetShares(params);

function setup(gmvFen = 1e8) {
  const M = createMerchants(params, 1);
  M.gmvSmooth.fill(gmvFen);
  const B = createBeliefs(M, params);
  const spend = new Float64Array(M.m * N_CHANNELS);
  for (let i = 0; i < M.m; i++) { spend[i * N_CHANNELS + CH_RED_FEED] = 1e5; spend[i * N_CHANNELS + CH_RED_NOTES] = 1e5; spend[i * N_CHANNELS + CH_SEARCH] = 2e6; spend[i * N_CHANNELS + CH_DOUYIN] = 1e6; }
  return { M, B, spend };
}

const measurement = (m: number, roi: number[], quality: number[], spend: Float64Array): Measurement => {
  const x: Measurement = { netSpend: spend.slice(), gmv: new Float64Array(m * N_CHANNELS), quality: new Float64Array(m * N_CHANNELS) };
  for (let i = 0; i < m; i++) for (let k = 0; k < N_CHANNELS; k++) { x.gmv[i * N_CHANNELS + k] = roi[k] * spend[i * N_CHANNELS + k]; x.quality[i * N_CHANNELS + k] = quality[k]; }
  return x;
};

describe('media decision: beliefs', () => {
  it('better measurement moves a belief further toward what is measured and leaves less uncertainty', () => {
    const truth = 4; // RED returns more than the 1.5 prior
    const run = (q: number) => {
      const { M, B, spend } = setup();
      for (let month = 0; month < 6; month++) updateBeliefs(M, B, params, measurement(M.m, [truth, truth, 4, 2.5], [q, q, 0.5, 0.5], spend));
      return { mean: B.mean[CH_RED_FEED], sd: Math.sqrt(B.variance[CH_RED_FEED]) };
    };
    const weak = run(0.1), strong = run(0.5);
    expect(strong.mean).toBeGreaterThan(weak.mean);
    expect(strong.mean).toBeLessThanOrEqual(truth * 1.5); // long-run terms: measured ROI ÷ (1 − carry-over) at the adstock
    expect(strong.sd).toBeLessThan(weak.sd);
  });

  it('a refund lowers the net cost, so the same sales read as a higher return', () => {
    const { M, B, spend } = setup();
    const B2 = createBeliefs(M, params);
    const x = measurement(M.m, [1, 1, 4, 2.5], [0.5, 0.5, 0.5, 0.5], spend);
    const refunded = { ...x, netSpend: x.netSpend.slice() };
    for (let i = 0; i < M.m; i++) refunded.netSpend[i * N_CHANNELS + CH_RED_FEED] *= 0.6;
    updateBeliefs(M, B, params, x);
    updateBeliefs(M, B2, params, refunded);
    expect(B2.mean[CH_RED_FEED]).toBeGreaterThan(B.mean[CH_RED_FEED]);
  });

  it('nothing spent, nothing learned: the mean stays, uncertainty grows by the drift', () => {
    const { M, B } = setup();
    const zero = new Float64Array(M.m * N_CHANNELS);
    const before = B.mean.slice(), varBefore = B.variance.slice();
    updateBeliefs(M, B, params, measurement(M.m, [9, 9, 9, 9], [1, 1, 1, 1], zero));
    expect(Array.from(B.mean)).toEqual(Array.from(before));
    for (let s = 0; s < B.variance.length; s++) expect(B.variance[s]).toBeGreaterThan(varBefore[s]);
  });
});

describe('media decision: allocation', () => {
  const allowedAll = new Uint8Array(N_CHANNELS).fill(1);

  it('shares are a split of the budget (non-negative, sum to 1) and equalise marginal returns of the channels used', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0.05, max: 12, noNaN: true }), { minLength: 4, maxLength: 4 }),
      fc.double({ min: 1e4, max: 1e8, noNaN: true }),
      (means, budget) => {
        const { M, B, spend } = setup();
        for (let k = 0; k < N_CHANNELS; k++) { B.mean[k] = means[k]; B.variance[k] = 0; }
        const out = new Float64Array(M.m * N_CHANNELS);
        targetShares(M, B, 0, budget, spend, new Float64Array(N_CHANNELS), allowedAll, out);
        const shares = Array.from(out.subarray(0, N_CHANNELS));
        expect(shares.every((v) => v >= 0)).toBe(true);
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        // marginal return β K / (x + K)² equal across the channels with spend
        const keys = ['redFeed', 'redNotes', 'search', 'douyin'];
        const marg = shares.map((s, k) => {
          const K = params[`media.halfSaturation.${keys[k]}`] * (1 - params[`media.carryover.${keys[k]}`]) * M.gmvSmooth[0];
          const beta = means[k] * (spend[k] + K);
          return s > 1e-9 ? beta * K / (s * budget + K) ** 2 : NaN;
        }).filter((v) => v === v);
        for (const v of marg) expect(v / marg[0]).toBeCloseTo(1, 6);
      }), { numRuns: 200 });
  });

  it('a guarantee covering the downside raises the RED share of a risk-averse merchant (and covering nothing changes nothing)', () => {
    fc.assert(fc.property(fc.double({ min: 0.5, max: 4, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), (redMean, refundShare) => {
      const { M, B, spend } = setup();
      B.mean[CH_RED_FEED] = redMean; B.mean[CH_RED_NOTES] = redMean;
      const plain = new Float64Array(M.m * N_CHANNELS), guarded = new Float64Array(M.m * N_CHANNELS), zero = new Float64Array(M.m * N_CHANNELS);
      const cover = new Float64Array(N_CHANNELS);
      targetShares(M, B, 0, 5e6, spend, cover, allowedAll, plain);
      targetShares(M, B, 0, 5e6, spend, cover, allowedAll, zero);
      cover[CH_RED_FEED] = cover[CH_RED_NOTES] = refundShare;
      targetShares(M, B, 0, 5e6, spend, cover, allowedAll, guarded);
      expect(Array.from(zero)).toEqual(Array.from(plain));
      expect(guarded[CH_RED_FEED] + guarded[CH_RED_NOTES]).toBeGreaterThanOrEqual(plain[CH_RED_FEED] + plain[CH_RED_NOTES]);
    }), { numRuns: 200 });
  });

  it('a channel the merchant cannot use gets nothing', () => {
    const { M, B, spend } = setup();
    const out = new Float64Array(M.m * N_CHANNELS);
    const noDouyin = Uint8Array.from([1, 1, 1, 0]);
    B.mean[CH_DOUYIN] = 50;
    targetShares(M, B, 0, 5e6, spend, new Float64Array(N_CHANNELS), noDouyin, out);
    expect(out[CH_DOUYIN]).toBe(0);
  });
});

describe('media decision: the brand budget\'s tilt toward RED', () => {
  const tilt = createBrandTilt(params);

  it('is exactly 1 at the prior, and exactly 1 for every belief when the tilt weight is 0', () => {
    const { B } = setup();
    expect(tilt(B, 0, 0)).toBeCloseTo(1, 12);
    const off = createBrandTilt({ ...params, 'media.brandTilt': 0 });
    fc.assert(fc.property(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (mean, variance, cover) => {
      B.mean[CH_RED_FEED] = mean; B.variance[CH_RED_FEED] = variance;
      expect(off(B, 0, cover)).toBe(1);
    }));
  });

  it('rises when measurement narrows the uncertainty about a RED that works, and with a guarantee\'s cover', () => {
    fc.assert(fc.property(fc.double({ min: 1.5, max: 5, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), (mean, shrink, cover) => {
      const { B } = setup();
      B.mean[CH_RED_FEED] = B.mean[CH_RED_NOTES] = mean;
      const vague = tilt(B, 0, 0);
      expect(tilt(B, 0, cover)).toBeGreaterThan(vague);
      B.variance[CH_RED_FEED] *= shrink; B.variance[CH_RED_NOTES] *= shrink;
      expect(tilt(B, 0, 0)).toBeGreaterThanOrEqual(vague);
      expect(tilt(B, 0, 0)).toBeGreaterThanOrEqual(1 - params['media.brandTilt']);
    }), { numRuns: 200 });
  });
});
