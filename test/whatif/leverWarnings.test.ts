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
