/**
 * The double-entry books (engine/books/): over generated scenarios every month, phase, year and
 * the run balance to exactly 0 fen over all parties, every flow is whole fen ≥ 0, the flows tie
 * to the ledger (test/robustness/invariants.ts flowViolations), and the P&L reads the same flows.
 * Plus the historical run at 2,000 agents and the matching check: Taotian pays RED exactly what
 * RED books as matching, and nothing with matching off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOW_LINES, PARTIES, balances, resolveScenario, simulate, type Result } from '../../engine/index.ts';
import { ScenarioError } from '../../engine/index.ts';
import { policyPatch, takePatch, validScenario } from '../robustness/arbitraries.ts';
import { flowViolations } from '../robustness/invariants.ts';

const historical = JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios/historical.json'), 'utf8'));
const load = (name: string) => {
  if (name === 'historical' || name === 'historical.json') return structuredClone(historical);
  throw new Error(`no scenario ${name}`);
};
const pnlValue = (r: Result, period: string, party: string, item: string) =>
  r.pnl.find((x) => x.period === period && x.party === party && x.item === item)?.value ?? 0;

/** P&L nets sum to 0 over parties (RMB, up to float rounding) and match the flows' balances. */
function pnlChecks(r: Result): void {
  for (const y of r.flows.years) {
    const bal = balances(y.fen);
    const scale = r.manifest.weight / 100;
    PARTIES.forEach((p, i) => {
      const net = pnlValue(r, String(y.year), p, 'net');
      expect(Math.abs(net - bal[i] * scale)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(net)));
    });
  }
}

/** A small scenario: 300–1,000 agents; half of them start in 2025 on the historical timeline (Red Cat: refunds, matching, coupons). */
const moneyScenario = fc.tuple(validScenario, fc.integer({ min: 300, max: 1000 }), fc.boolean(), fc.integer({ min: 20, max: 90 }), policyPatch, takePatch).map(([raw, agents, redCat, len, set, take]) => {
  const s = { ...raw, agents } as Record<string, unknown>;
  if (redCat) {
    s.extends = 'historical';
    s.start = '2025-04-20';
    s.end = new Date(Date.UTC(2025, 3, 20 + len)).toISOString().slice(0, 10);
    // Red Cat from 2025-05-07, then any levers (the what-if v2 ones included) from 2025-05-08
    s.policies = [{ id: 'money-levers', date: '2025-05-08', set: { ...set, take } }];
  }
  return s;
});

/** Generated scenarios per run: 20 in CI; a long run with MONEY_RUNS=<n> (docs/reliability.md). */
const MONEY_RUNS = Number(process.env.MONEY_RUNS ?? 20);

describe('money balances (double-entry books)', () => {
  it('every period of generated scenarios balances to 0 fen, flows are whole fen ≥ 0 and tie to the ledger', () => {
    let ran = 0;
    fc.assert(
      fc.property(moneyScenario, (raw) => {
        let resolved;
        try { resolved = resolveScenario(raw, load, 'money.json'); } catch (e) { if (e instanceof ScenarioError) return; throw e; }
        const r = simulate(resolved, {});
        expect(r.flows.lines.map((l) => l.name)).toEqual(FLOW_LINES.map((l) => l.name));
        expect(flowViolations(r), JSON.stringify(raw)).toEqual([]);
        pnlChecks(r);
        ran++;
      }),
      { numRuns: MONEY_RUNS },
    );
    expect(ran).toBeGreaterThan(MONEY_RUNS / 4);
    console.log(`money balances: ${ran} of ${MONEY_RUNS} generated scenarios ran and balanced`);
  }, 60_000 + MONEY_RUNS * 5_000);

  it('the historical run at 2,000 agents balances, ties to the ledger, and pays for matching, coupons and buyer commissions', () => {
    const r = simulate(resolveScenario(structuredClone(historical), load), { agents: 2000 });
    expect(flowViolations(r)).toEqual([]);
    pnlChecks(r);
    const y = r.flows.years.find((x) => x.year === 2025)!;
    const at = (name: string) => y.fen[r.flows.lines.findIndex((l) => l.name === name)];
    expect(at('ads.matching')).toBeGreaterThan(0);
    expect(at('coupon.taotian')).toBeGreaterThan(0);
    expect(at('goods.merchants')).toBeGreaterThan(0);
    // (ads + commission) / GMV is reported per platform for comparison with public take rates
    expect(pnlValue(r, '2024', 'taotian', 'take_rate_with_ads')).toBeGreaterThan(pnlValue(r, '2024', 'taotian', 'take_rate_commission'));
  }, 120_000);

  it('matching: off → Taotian pays RED nothing; on → Taotian\'s net falls by exactly what RED\'s matching revenue is', () => {
    const span = { extends: 'historical', start: '2025-05-01', end: '2025-08-31', agents: 1500, seed: 3 };
    const off = simulate(resolveScenario({ ...span, id: 'off', policies: [{ id: 'no-matching', date: '2025-05-08', set: { matching: { rate: 0 } } }] }, load));
    const on = simulate(resolveScenario({ ...span, id: 'on', policies: [] }, load));
    const idx = (r: Result, name: string) => r.flows.lines.findIndex((l) => l.name === name);
    expect(off.flows.totalFen[idx(off, 'ads.matching')]).toBe(0);
    expect(off.ledger.matchingFen).toBe(0);
    expect(pnlValue(off, '2025', 'taotian', 'cost:ads.matching')).toBe(0);
    const m = on.flows.totalFen[idx(on, 'ads.matching')];
    expect(m).toBeGreaterThan(0);
    expect(on.ledger.matchingFen).toBe(m);
    for (const r of [on, off]) {
      // Taotian's net = commission + search ads − matching − coupons, exactly, in fen
      const t = (name: string) => r.flows.totalFen[idx(r, name)];
      expect(balances(r.flows.totalFen)[PARTIES.indexOf('taotian')]).toBe(t('commission.taotian') + t('ads.search.taotian') - t('ads.matching') - t('coupon.taotian'));
      expect(pnlValue(r, '2025', 'taotian', 'cost:ads.matching')).toBe(pnlValue(r, '2025', 'red', 'revenue:ads.matching'));
    }
  }, 60_000);

  it('JD\'s and Pinduoduo\'s matching (matching.jd / .pdd): neutral terms change nothing; on → each pays RED exactly what RED books as its matching', () => {
    const span = { extends: 'historical', start: '2025-05-01', end: '2025-08-31', agents: 1500, seed: 3 };
    const openPdd = { links: { pdd: { notes: 'ads', friction: 0.05, eligibleShare: 0.15 } } };
    const run = (set?: object) => simulate(resolveScenario({ ...span, id: 'm', policies: [{ id: 'x', date: '2025-05-08', set: { ...openPdd, ...set } }] }, load));
    const base = run();
    const neutral = run({ matching: { jd: { rate: 0, capRmbPerMonth: 0 }, pdd: { rate: 0, capRmbPerMonth: 0 } } });
    const strip = (r: Result) => JSON.stringify({ ...r, manifest: { ...r.manifest, scenarioHash: '' } });
    expect(strip(neutral)).toBe(strip(base));
    const on = run({ matching: { jd: { rate: 1, capRmbPerMonth: 1e8 }, pdd: { rate: 0.5, capRmbPerMonth: 1e8 } } });
    expect(flowViolations(on)).toEqual([]);
    pnlChecks(on);
    const idx = (r: Result, name: string) => r.flows.lines.findIndex((l) => l.name === name);
    const t = (r: Result, name: string) => r.flows.totalFen[idx(r, name)];
    expect(t(base, 'ads.matching.jd')).toBe(0);
    expect(t(base, 'ads.matching.pdd')).toBe(0);
    expect(t(on, 'ads.matching.jd')).toBeGreaterThan(0);
    expect(t(on, 'ads.matching.pdd')).toBeGreaterThan(0);
    expect(on.ledger.matchingFen).toBe(t(on, 'ads.matching') + t(on, 'ads.matching.jd') + t(on, 'ads.matching.pdd'));
    // JD's and Pinduoduo's nets fall by exactly their matching; Taotian's matching is its own
    for (const [p, line] of [['jd', 'ads.matching.jd'], ['pdd', 'ads.matching.pdd']] as const) {
      expect(balances(on.flows.totalFen)[PARTIES.indexOf(p)]).toBe(t(on, `commission.${p}`) + t(on, `ads.search.${p}`) - t(on, line));
      expect(pnlValue(on, '2025', p, `cost:${line}`)).toBe(pnlValue(on, '2025', 'red', `revenue:${line}`));
    }
    expect(t(on, 'ads.redFeed') + t(on, 'ads.matching') + t(on, 'ads.matching.jd') + t(on, 'ads.matching.pdd')).toBeGreaterThan(t(base, 'ads.redFeed') + t(base, 'ads.matching'));
  }, 60_000);
});
