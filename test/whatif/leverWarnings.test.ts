import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ineffectiveLevers, leverWarnings, resolveScenario } from '../../engine/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, 'scenarios', name.endsWith('.json') ? name : `${name}.json`), 'utf8'));
const withEntries = (policies: unknown[], extra = {}) => resolveScenario({ id: 'w', extends: 'historical', policies, ...extra }, load);
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'cli/market-sim.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

describe('leverWarnings (engine/scenario/ineffectiveLevers.ts)', () => {
  it('no warning for any catalog scenario (levers set to off values, or switched off later by another entry, are history)', () => {
    for (const f of readdirSync(join(ROOT, 'scenarios')).filter((x) => x.endsWith('.json'))) {
      expect(leverWarnings(resolveScenario(load(f), load)), f).toEqual([]);
    }
  });

  it('notes with links = all after the 2021 cut: no effect while in force (eligible merchants 0%), with the policy path and the reason', () => {
    const [w, ...rest] = leverWarnings(withEntries([{ id: 'x', date: '2022-06-01', set: { links: { taotian: { notes: 'all' } } } }]));
    expect(rest).toEqual([]);
    expect(w.path).toBe('policies[id=x].set.links.taotian.notes');
    expect(w.never).toBe(true);
    expect(w.spans).toEqual([{ start: '2022-06-01', end: '2025-05-06' }]); // the Red Cat entry of 2025-05-07 sets the notes again
    expect(w.message).toBe('"all" has no effect while in force, from 2022-06-01 to 2025-05-06: eligible merchants for links to Taobao/Tmall are 0%');
  });

  it('blocked at first and acting once another entry unblocks it: reported on the blocked days only; an entry without id is named by date', () => {
    const s = withEntries([
      { date: '2022-06-01', set: { roiGuarantee: { refundShare: 0.4 } } },
      { id: 'g', date: '2023-01-01', set: { roiGuarantee: { threshold: 1.5 } } },
    ]);
    const ws = leverWarnings(s);
    expect(ws.map((w) => w.path)).toEqual(['policies[@2022-06-01#0].set.roiGuarantee.refundShare']);
    expect(ws[0]).toMatchObject({ never: false, spans: [{ start: '2022-06-01', end: '2022-12-31' }] });
    expect(ws[0].message).toMatch(/the guaranteed ROI is 0 \(no guarantee\) \(it acts on the other days\)$/);
    // Switching links off (notes none, 0% eligible) is not a lever without effect.
    expect(leverWarnings(withEntries([{ id: 'off', date: '2022-06-01', set: { links: { jd: { notes: 'none', eligibleShare: 0 } } } }]))).toEqual([]);
  });

  it('ineffectiveLevers (the visualizer\'s check, now in the engine): a what-if\'s changed lever against its base', () => {
    const hist = resolveScenario(load('historical'), load);
    const whatIf = withEntries([{ id: 'w', date: '2021-08-01', set: { links: { taotian: { notes: 'all' } } } }]);
    const [w] = ineffectiveLevers(whatIf, hist, '2021-08-01', ['links.taotian.notes']);
    expect(w).toMatchObject({ path: 'links.taotian.notes', never: true, spans: [{ start: '2021-08-01', end: '2025-05-06' }] });
    expect(w.message).toContain('eligible merchants for links to Taobao/Tmall are 0%');
    expect(ineffectiveLevers(withEntries([{ id: 'w', date: '2021-08-01', set: { adLoad: 0.2 } }]), hist, '2021-08-01', ['adLoad'])).toEqual([]);
  });
});

describe('warnings for the what-if v2 levers (issue 15)', () => {
  const warn = (date: string, set: object) => leverWarnings(withEntries([{ id: 'x', date, set }]));
  const one = (date: string, set: object) => {
    const ws = warn(date, set);
    expect(ws.length, JSON.stringify(ws)).toBe(1);
    return ws[0];
  };

  it('links.<m>.redCommission while that marketplace has no links in force', () => {
    const w = one('2022-06-01', { links: { taotian: { redCommission: 0.03 } } });
    expect(w).toMatchObject({ path: 'policies[id=x].set.links.taotian.redCommission', never: false, spans: [{ start: '2022-06-01', end: '2025-05-06' }] });
    expect(w.message).toBe('0.03 has no effect on part of the days it is in force, from 2022-06-01 to 2025-05-06: eligible merchants for links to Taobao/Tmall are 0% (it acts on the other days)');
    // Pinduoduo never gets links in historical: no effect at all
    const p = one('2025-05-07', { links: { pdd: { redCommission: 0.03 } } });
    expect(p).toMatchObject({ never: true, spans: [{ start: '2025-05-07', end: '2025-12-31' }] });
    expect(p.message).toContain('eligible merchants for links to Pinduoduo are 0%');
    // with Red Cat's links in force it acts
    expect(warn('2025-05-07', { links: { taotian: { redCommission: 0.03 } } })).toEqual([]);
  });

  it('eligibleByCategory while no notes carry links; it counts as eligibility for the other link levers', () => {
    const w = one('2022-06-01', { links: { taotian: { eligibleByCategory: { beauty: 0.5 } } } });
    expect(w.path).toBe('policies[id=x].set.links.taotian.eligibleByCategory.beauty');
    expect(w.message).toContain('from 2022-06-01 to 2025-05-06: no RED notes carry links to Taobao/Tmall (notes with links: none)');
    // links for beauty merchants only (eligibleShare 0): notes and friction act, no warning
    expect(warn('2022-06-01', { links: { jd: { notes: 'ads', friction: 0.1, eligibleByCategory: { beauty: 0.5 } } } })).toEqual([]);
    // eligibleShare replaced in every category
    const all = Object.fromEntries(['beauty', 'apparel', 'sports_outdoor', 'health', 'home', 'electronics', 'food', 'mother_baby'].map((c) => [c, 0.2]));
    const e = one('2025-05-07', { links: { pdd: { notes: 'ads', eligibleShare: 0.3, eligibleByCategory: all } } });
    expect(e.path).toBe('policies[id=x].set.links.pdd.eligibleShare');
    expect(e.message).toContain('eligibleByCategory gives every category its own share for links to Pinduoduo');
  });

  it('the size band: minSizeQuantile / maxSizeQuantile without links; other link levers when the band is empty', () => {
    const w = one('2022-06-01', { links: { taotian: { minSizeQuantile: 0.8 } } });
    expect(w.path).toBe('policies[id=x].set.links.taotian.minSizeQuantile');
    expect(w.message).toContain('eligible merchants for links to Taobao/Tmall are 0%');
    expect(one('2025-05-07', { links: { pdd: { maxSizeQuantile: 0.5 } } }).never).toBe(true);
    // an empty band blocks the links themselves (but not the band levers: that is switching links off)
    const ws = warn('2025-05-07', { links: { pdd: { notes: 'ads', eligibleShare: 0.2, minSizeQuantile: 0.6, maxSizeQuantile: 0.4 } } });
    expect(ws.map((x) => x.path)).toEqual(['policies[id=x].set.links.pdd.notes', 'policies[id=x].set.links.pdd.eligibleShare']);
    expect(ws[0].message).toContain('no Pinduoduo merchant is in the size band (size quantile from 0.6 to below 0.4)');
    // lifting the cap (1) is not reported
    expect(warn('2022-06-01', { links: { taotian: { maxSizeQuantile: 1 } } })).toEqual([]);
  });

  it('roiGuarantee.jd / .pdd while that marketplace has no pilots (ad notes with links), or without the other term', () => {
    const w = one('2025-07-01', { roiGuarantee: { jd: { threshold: 2 } } }); // JD has pilots (红京) but no refund share
    expect(w.path).toBe('policies[id=x].set.roiGuarantee.jd.threshold');
    expect(w.message).toContain('the refund share for JD pilots is 0%');
    const ws = warn('2024-06-01', { roiGuarantee: { jd: { threshold: 2, refundShare: 0.5 } } });
    expect(ws.map((x) => x.path)).toEqual(['policies[id=x].set.roiGuarantee.jd.threshold', 'policies[id=x].set.roiGuarantee.jd.refundShare']);
    expect(ws[0]).toMatchObject({ never: false, spans: [{ start: '2024-06-01', end: '2025-06-04' }] }); // 红京 links from 2025-06-05
    expect(ws[0].message).toContain('JD has no pilot merchants: ad notes carry no links to JD (notes with links: none)');
    const p = warn('2025-05-07', { roiGuarantee: { pdd: { threshold: 2, refundShare: 0.5 } } });
    expect(p.map((x) => x.never)).toEqual([true, true]);
    expect(p[0].message).toContain('Pinduoduo has no pilot merchants');
    // redcat-open-all gives PDD links: no warning there
    const open = resolveScenario({ id: 'w', extends: 'redcat-open-all', policies: [{ id: 'x', date: '2025-05-07', set: { roiGuarantee: { pdd: { threshold: 2, refundShare: 0.5 } } } }] }, load);
    expect(leverWarnings(open)).toEqual([]);
  });

  it('matching.jd / .pdd without pilots, or without the other term', () => {
    const ws = warn('2024-06-01', { matching: { jd: { rate: 1, capRmbPerMonth: 1e8 } } });
    expect(ws.map((x) => x.path)).toEqual(['policies[id=x].set.matching.jd.rate', 'policies[id=x].set.matching.jd.capRmbPerMonth']);
    expect(ws[0]).toMatchObject({ never: false, spans: [{ start: '2024-06-01', end: '2025-06-04' }] });
    expect(ws[0].message).toContain('JD has no pilot merchants');
    expect(one('2025-07-01', { matching: { jd: { rate: 1 } } }).message).toContain('JD\'s matching fund is ¥0/month');
    expect(one('2025-07-01', { matching: { pdd: { capRmbPerMonth: 1e8 } } }).message).toContain('Pinduoduo\'s matching rate is 0');
    expect(warn('2025-07-01', { matching: { jd: { rate: 1, capRmbPerMonth: 1e8 } } })).toEqual([]);
  });

  it('ownStore.trustCost while own stores are off or absent; buyerCommission without buyer-led selling', () => {
    const t = leverWarnings(withEntries([{ id: 'x', date: '2024-01-01', set: { ownStore: { enabled: false, trustCost: 0.02 } } }]));
    expect(t.map((x) => x.path)).toEqual(['policies[id=x].set.ownStore.trustCost']);
    expect(t[0].message).toContain('RED\'s own stores are off (ownStore.enabled: false)');
    expect(one('2024-01-01', { ownStore: { merchantShare: 0, trustCost: 0.02 } }).message).toContain('no merchant has a RED store');
    expect(warn('2024-01-01', { ownStore: { trustCost: 0.02 } })).toEqual([]);
    const b = one('2020-01-01', { buyerCommission: 0.2 }); // buyer-led selling starts 2023-01-01
    expect(b).toMatchObject({ path: 'policies[id=x].set.buyerCommission', never: false, spans: [{ start: '2020-01-01', end: '2022-12-31' }] });
    expect(b.message).toContain('buyer-led selling is 0 (buyerSelling)');
    expect(warn('2023-06-01', { buyerCommission: 0.2 })).toEqual([]);
  });
});

describe('validate and run warn on stderr', () => {
  const file = () => {
    const p = join(mkdtempSync(join(tmpdir(), 'market-sim-levers-')), 'w.json');
    writeFileSync(p, JSON.stringify({ id: 'w', extends: join(ROOT, 'scenarios/historical.json'), start: '2021-06-01', end: '2021-09-30', agents: 300,
      policies: [{ id: 'x', date: '2021-09-01', set: { links: { taotian: { notes: 'all' } } } }] }));
    return p;
  };
  const line = /warning: .*w\.json: policies\[id=x\]\.set\.links\.taotian\.notes: "all" has no effect while in force, from 2021-09-01 to 2021-09-30: eligible merchants for links to Taobao\/Tmall are 0%/;

  it('validate: exit 0, the summary on stdout and the warning on stderr; none for historical', () => {
    const r = cli('validate', file());
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid');
    expect(r.stderr).toMatch(line);
    expect(cli('validate', 'historical').stderr).toBe('');
  });

  it('run (single and --reps): the same warning, the run goes on', () => {
    const f = file();
    const r = cli('run', f, '-q');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(line);
    const reps = cli('run', f, '--reps', '2', '-q');
    expect(reps.status).toBe(0);
    expect(reps.stderr).toMatch(line);
  });
});
