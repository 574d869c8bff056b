import { describe, expect, it } from 'vitest';
import { CH_RED_FEED, CH_RED_NOTES, N_CATEGORIES, N_CHANNELS, VIA_SPONSORED } from '../../engine/constants.ts';
import { createPaidImpressions } from '../../engine/merchants/paidImpressions.ts';
import { adGroupImpressionSlot, GROUP_OTHER, GROUP_PROGRAM, impressionSlot, LEDGER_SIZE } from '../../engine/metrics/ledger.ts';
import { createMerchants, MF, N_MF } from '../../engine/population/merchants.ts';
import { defaultParameters } from '../../engine/index.ts';

// The merchants' paid impressions (merchants/paidImpressions.ts; docs/result.md "Category funnel"): a month's
// feed-ad impressions of a merchant group in a category (the user's interests pick the category, spend the
// advertiser within it) and sponsored-note impressions of a category, shared by spend.
describe('paid impressions per merchant', () => {
  const M = createMerchants(defaultParameters(), 9);
  const daily = new Float64Array(M.m * N_CHANNELS), matched = new Float64Array(M.m);
  for (let i = 0; i < M.m; i++) {
    M.program[i] = i % 3 === 0 && M.category[i] !== 1 ? 2 : 0; // a third in Taotian's program; none in category 1
    daily[i * N_CHANNELS + CH_RED_FEED] = 100 + (i % 7) * 50;
    matched[i] = i % 5 === 0 ? 80 : 0;
    daily[i * N_CHANNELS + CH_RED_NOTES] = M.category[i] === 0 ? 0 : 30 + (i % 4) * 20; // no sponsored spend in category 0
  }
  // feed-ad impressions of a group in category c: its figure × (c + 1)
  const day = (other: number, program: number, notes: number) => {
    const acc = new Float64Array(LEDGER_SIZE);
    for (let c = 0; c < N_CATEGORIES; c++) {
      acc[adGroupImpressionSlot(GROUP_OTHER, c)] = other * (c + 1);
      acc[adGroupImpressionSlot(GROUP_PROGRAM, c)] = program * (c + 1);
    }
    for (let c = 0; c < N_CATEGORIES; c++) acc[impressionSlot(c, VIA_SPONSORED)] = notes * (c + 1);
    return acc;
  };
  const field = (i: number, f: number) => M.month[i * N_MF + f];

  it('gives each advertiser its group\'s impressions in its category at one price there, the other group\'s where that group has no advertiser, and a category\'s sponsored impressions by spend', () => {
    const paid = createPaidImpressions(M);
    paid.day(day(1000, 400, 10));
    paid.day(day(3000, 600, 20));
    paid.end(daily, matched);
    const groupImps = [4000, 1000];
    const spend = (i: number) => daily[i * N_CHANNELS + CH_RED_FEED] + matched[i];
    for (let c = 0; c < N_CATEGORIES; c++) {
      for (const g of [GROUP_OTHER, GROUP_PROGRAM]) {
        const ids = [...Array(M.m).keys()].filter((i) => M.category[i] === c && (M.program[i] !== 0 ? GROUP_PROGRAM : GROUP_OTHER) === g);
        if (c === 1 && g === GROUP_PROGRAM) { expect(ids).toEqual([]); continue; }
        // category 1 has no program advertiser: the other group's advertisers get the program group's impressions there too
        const expected = (c + 1) * (c === 1 ? groupImps[0] + groupImps[1] : groupImps[g]);
        expect(ids.reduce((s, i) => s + field(i, MF.adImpressions), 0)).toBeCloseTo(expected, 6);
        const price = spend(ids[0]) / field(ids[0], MF.adImpressions);
        for (const i of ids) expect(spend(i) / field(i, MF.adImpressions)).toBeCloseTo(price, 9);
      }
    }
    for (let c = 0; c < N_CATEGORIES; c++) {
      const ids = [...Array(M.m).keys()].filter((i) => M.category[i] === c);
      const total = ids.reduce((s, i) => s + field(i, MF.sponsoredImpressions), 0);
      if (c === 0) { expect(total).toBe(0); continue; } // nobody paid for sponsored notes there
      expect(total).toBeCloseTo(30 * (c + 1), 9);
      const notes = (i: number) => daily[i * N_CHANNELS + CH_RED_NOTES];
      for (const i of ids) expect(field(i, MF.sponsoredImpressions) * ids.reduce((s, k) => s + notes(k), 0)).toBeCloseTo(total * notes(i), 6);
    }
  });

  it('starts every month afresh', () => {
    const paid = createPaidImpressions(M);
    paid.day(day(1000, 400, 10));
    paid.end(daily, matched);
    paid.day(day(10, 0, 0));
    paid.end(daily, matched);
    let other = 0, program = 0, notes = 0;
    for (let i = 0; i < M.m; i++) {
      if (M.program[i] !== 0) program += field(i, MF.adImpressions); else other += field(i, MF.adImpressions);
      notes += field(i, MF.sponsoredImpressions);
    }
    expect(other).toBeCloseTo(10 * (N_CATEGORIES * (N_CATEGORIES + 1)) / 2, 9);
    expect(program).toBe(0);
    expect(notes).toBe(0);
  });
});
