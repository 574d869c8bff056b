import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveScenario, simulate, type PolicyState, type ResolvedScenario } from '../../engine/index.ts';
import { loadBundled } from '../helpers.ts';

const DIR = join(import.meta.dirname, '../../scenarios');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'historical.json').sort();
const raw = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown>;
const resolve = (f: string, over: Record<string, unknown> = {}) => resolveScenario({ ...raw(f), ...over }, loadBundled, f);

/** The full policy state in force on a day. */
function stateOn(s: ResolvedScenario, day: string): PolicyState {
  let st = s.initial;
  for (const e of s.timeline) if (e.date <= day) st = e.state;
  return st;
}
/** First timeline date on which two scenarios' policy states differ ('' if never within both spans). */
function divergence(a: ResolvedScenario, b: ResolvedScenario): string {
  const days = [...new Set([a.start, ...a.timeline.map((e) => e.date), ...b.timeline.map((e) => e.date)])].filter((d) => d <= a.end && d <= b.end).sort();
  return days.find((d) => JSON.stringify(stateOn(a, d)) !== JSON.stringify(stateOn(b, d))) ?? '';
}

/** Each counterfactual: its base and the first day its policy differs from the base's. */
const EXPECTED: Record<string, { base: string; diverges: string }> = {
  'never-cut-2021.json': { base: 'historical.json', diverges: '2021-08-01' },
  'closed-loop-forever.json': { base: 'historical.json', diverges: '2022-03-01' },
  'redcat-2022.json': { base: 'historical.json', diverges: '2022-05-07' },
  'redcat-no-roi-guarantee.json': { base: 'historical.json', diverges: '2025-05-07' },
  'redcat-open-all.json': { base: 'historical.json', diverges: '2025-05-07' },
  'redcat-double-adload.json': { base: 'historical.json', diverges: '2025-05-07' },
  'redcat-all-notes.json': { base: 'historical.json', diverges: '2025-05-07' },
  'redcat-commission.json': { base: 'historical.json', diverges: '2025-05-07' },
  'redcat-targeted-links.json': { base: 'historical.json', diverges: '2025-05-07' },
  'redcat-open-all-guaranteed.json': { base: 'redcat-open-all.json', diverges: '2025-05-07' },
  'marketplace-take-rates.json': { base: 'historical.json', diverges: '2025-01-01' },
  'own-store-trust-cost.json': { base: 'historical.json', diverges: '2021-08-01' },
  'seeding-misses-need.json': { base: 'historical.json', diverges: '' }, // parameters only: the same policies
  'creator-pay-tiers.json': { base: 'historical.json', diverges: '2023-01-01' },
  'data-sharing-without-links.json': { base: 'historical.json', diverges: '2020-08-01' },
  'projection-2027.json': { base: 'historical.json', diverges: '' },
  'projection-2027-redcat-scaled.json': { base: 'projection-2027.json', diverges: '2026-01-01' },
  'projection-2027-closed-loop.json': { base: 'projection-2027.json', diverges: '2026-01-01' },
};

describe('the scenario catalog', () => {
  it('has at least 8 counterfactuals, each listed here with its base', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(8);
    expect(FILES).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(FILES)('%s', (file) => {
    const r = raw(file);
    it('names the schema, an id equal to the file name, a title, a question paragraph and its base', () => {
      expect(r.$schema).toBe('../docs/scenario.schema.json');
      expect(r.id).toBe(file.replace(/\.json$/, ''));
      expect(typeof r.title).toBe('string');
      expect(String(r.question).length).toBeGreaterThan(150);
      expect(String(r.question)).toMatch(/^What (if|happens)/);
      expect(r.extends).toBe(EXPECTED[file].base);
    });

    it('validates, and differs from its base from the expected day on', () => {
      const s = resolve(file);
      const base = resolveScenario(loadBundled(EXPECTED[file].base), loadBundled, EXPECTED[file].base);
      expect(divergence(base, s)).toBe(EXPECTED[file].diverges);
    });

    it('runs (1,000 agents) with finite, non-negative GMV in every phase', () => {
      const res = simulate(resolve(file, { agents: 1000 }), { seed: 3 });
      const gmv = res.phaseSummary.filter((x) => x.metric === 'gmv_per_year');
      expect(gmv.length).toBe(res.phases.length * 5);
      for (const x of gmv) {
        expect(Number.isFinite(x.value)).toBe(true);
        expect(x.value).toBeGreaterThanOrEqual(0);
      }
      expect(res.manifest.end).toBe(file.startsWith('projection') ? '2027-12-31' : '2025-12-31');
    });
  });
});

describe('what each counterfactual switches', () => {
  const hist = resolveScenario(loadBundled('historical'), loadBundled);
  it('never-cut-2021 keeps the organic Taobao links but launches 号店一体 and 逛逛 as in history', () => {
    const s = resolve('never-cut-2021.json');
    const on = stateOn(s, '2022-06-01'), h = stateOn(hist, '2022-06-01');
    expect(on.links.taotian).toEqual({ notes: 'organic', friction: 0.5, eligibleShare: 0.08 });
    expect(h.links.taotian.notes).toBe('none');
    expect({ ...on, links: h.links }).toEqual(h);
  });
  it('closed-loop-forever has no data sharing, tags, links, guarantee or matching after 2021', () => {
    const on = stateOn(resolve('closed-loop-forever.json'), '2025-12-31');
    for (const m of ['taotian', 'jd', 'pdd'] as const) {
      expect(on.links[m].notes).toBe('none');
      expect(on.dataSharing[m].level).toBe(0);
    }
    expect(on.audienceTags).toBe(0);
    expect(on.roiGuarantee.threshold).toBe(0);
    expect(on.matching.rate).toBe(0);
    expect(on.adTools).toBe(1); // RED's own ad tools still arrive in 2024
  });
  it('redcat-2022 puts the Red Cat package in force from 2022-05-07 and keeps Taotian data at 1.0', () => {
    const s = resolve('redcat-2022.json');
    expect(stateOn(s, '2022-05-07').links.taotian).toEqual(stateOn(hist, '2025-06-01').links.taotian);
    expect(stateOn(s, '2022-05-07').roiGuarantee).toEqual({ threshold: 2, refundShare: 0.5 });
    expect(stateOn(s, '2024-01-01').dataSharing.taotian.level).toBe(1);
    expect(stateOn(s, '2025-12-31')).toEqual(stateOn(hist, '2025-12-31'));
  });
  it('the Red Cat variants change only their lever from 2025-05-07', () => {
    const h = stateOn(hist, '2025-06-01');
    expect(stateOn(resolve('redcat-no-roi-guarantee.json'), '2025-06-01')).toEqual({ ...h, roiGuarantee: { threshold: 0, refundShare: 0 } });
    expect(stateOn(resolve('redcat-double-adload.json'), '2025-06-01')).toEqual({ ...h, adLoad: 0.2 });
    expect(stateOn(resolve('redcat-all-notes.json'), '2025-06-01').links.taotian.notes).toBe('all');
    expect(stateOn(resolve('redcat-commission.json'), '2025-06-01')).toEqual({ ...h, links: { ...h.links, taotian: { ...h.links.taotian, redCommission: 0.03 } } });
    const open = stateOn(resolve('redcat-open-all.json'), '2025-12-31');
    for (const m of ['jd', 'pdd'] as const) {
      expect(open.links[m]).toEqual({ notes: 'ads', friction: 0.05, eligibleShare: 0.15 });
      expect(open.dataSharing[m].level).toBe(1);
    }
  });
  it('data-sharing-without-links never opens a link but shares data as in history', () => {
    const s = resolve('data-sharing-without-links.json');
    for (const e of s.timeline) for (const m of ['taotian', 'jd', 'pdd'] as const) expect(e.state.links[m].notes).toBe('none');
    expect(stateOn(s, '2025-12-31').dataSharing).toEqual(stateOn(hist, '2025-12-31').dataSharing);
  });
  it('the projections run to 2027 and the two policies differ from the status quo only from 2026', () => {
    const base = resolve('projection-2027.json');
    const scaled = stateOn(resolve('projection-2027-redcat-scaled.json'), '2026-06-01');
    const closed = stateOn(resolve('projection-2027-closed-loop.json'), '2026-06-01');
    expect(stateOn(base, '2026-06-01').links.taotian.eligibleShare).toBe(0.15);
    expect(scaled.links.taotian).toMatchObject({ notes: 'ads', eligibleShare: 0.6 });
    expect(closed.links.taotian.notes).toBe('none');
    expect(closed.dataSharing.taotian.level).toBe(0);
    expect(stateOn(base, '2027-06-01').douyinStrength).toBe(1.3);
  });
});
