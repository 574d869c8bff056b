import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { resolveScenario, simulate } from '../../engine/index.ts';
import { loadBundled } from '../helpers.ts';

// `market-sim run <scenario> --report <file>`: a self-contained HTML report (inline SVG, no script).

const ROOT = join(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'cli/market-sim.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
const dir = mkdtempSync(join(tmpdir(), 'market-sim-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A short scenario (2020-06 … 2021-12, crossing the 2020-08 links and the 2021-08 cut) with a title that must be escaped. */
const short = { id: 'short', title: 'Short <script>alert(1)</script> & co', extends: 'historical', start: '2020-06-01', end: '2021-12-31' };
const shortFile = join(dir, 'short.json');
writeFileSync(shortFile, JSON.stringify(short));

const doc = (file: string) => parseHTML(readFileSync(file, 'utf8')).document;

describe('market-sim run --report', () => {
  it('writes a self-contained report of a run: every chart as inline SVG with data, escaped text, the phase table', () => {
    const out = join(dir, 'run.html');
    const r = cli('run', shortFile, '--agents', '1500', '--seed', '4', '--report', out, '-q');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`wrote ${out}`);
    const html = readFileSync(out, 'utf8');
    const d = doc(out);
    expect(d.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|src=|href=/i); // no script, no external resource
    expect(d.querySelector('h1')!.textContent).toBe(short.title); // shown as text …
    expect(html).toContain('<h1>Short &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h1>'); // … escaped in the file
    expect(html).toContain('<title>market-sim report: Short &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>');
    for (const id of ['timeline', 'gmv', 'revenue', 'funnel', 'rates', 'users', 'roi']) {
      const svg = d.querySelector(`svg[data-chart="${id}"]`);
      expect(svg, id).toBeTruthy();
      expect(svg!.querySelectorAll('.axis .tick text').length, `${id} ticks`).toBeGreaterThan(1);
    }
    const gmvPaths = [...d.querySelectorAll('svg[data-chart="gmv"] path.series-area')].map((p) => p.getAttribute('d')!.length);
    expect(gmvPaths.length).toBe(5);
    expect(Math.min(...gmvPaths)).toBeGreaterThan(100);
    expect(d.querySelectorAll('svg[data-chart="funnel"]').length).toBe(1 + 3); // in the chart grid, then one per phase: 2018 closed loop (from the start), 2020-08 links, 2021-08 cut
    // Static hover read-outs.
    expect(d.querySelector('svg[data-chart="gmv"] .title-columns title')!.textContent).toMatch(/^Jun 2020 · total ¥/);
    // The phase table shows the run's numbers: RED ad revenue per year of the last phase, as a direct run gives.
    const res = simulate(resolveScenario(short, loadBundled), { seed: 4, agents: 1500 });
    const ads = res.phaseSummary.find((x) => x.platform === 'red' && x.metric === 'ad_revenue_per_year' && x.phase === '2021-08 links cut, 号店一体')!.value;
    const row = [...d.querySelectorAll('table.phases tbody tr')].find((tr) => tr.querySelector('th')!.textContent!.startsWith('2021-08 links cut'))!;
    const headers = [...d.querySelectorAll('table.phases thead th')].map((th) => th.textContent);
    const cell = row.querySelectorAll('td')[headers.indexOf('RED ad revenue') - 1].textContent!;
    expect(cell).toBe(`¥${(ads / 1e9).toFixed(ads >= 1e10 ? 1 : 2)}B`); // three significant digits, trailing zeros kept
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 180_000);

  it('writes a comparison report with replication bands and the paired tables', () => {
    const out = join(dir, 'compare.html');
    const whatIf = { ...short, id: 'short-adload', title: 'Short, ad load 20%', policies: [{ id: 'whatif', date: '2021-01-01', set: { adLoad: 0.2 } }] };
    const wFile = join(dir, 'whatif.json');
    writeFileSync(wFile, JSON.stringify(whatIf));
    const r = cli('run', wFile, '--baseline', shortFile, '--reps', '3', '--agents', '3000', '--report', out, '-q');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const d = doc(out);
    expect(d.querySelector('svg[data-chart="gmv"] .chart-title')!.textContent).toContain('what-if − baseline');
    expect([...d.querySelectorAll('svg[data-chart="rates"] path.band')].filter((p) => p.getAttribute('d')!.length > 50).length).toBeGreaterThan(0);
    const trust = d.querySelector('table.paired[data-metric="trust"]')!;
    const cells = [...trust.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')!.textContent!, tr.querySelector('td')!.textContent!]);
    expect(cells[0][1]).toContain('no difference'); // before 2021-01-01 both arms draw the same numbers
    expect(cells.at(-1)![1]).toMatch(/^▼ −/); // a 20% ad load lowers trust
  }, 180_000);

  it('rejects bad input with exit code 2 and writes nothing', () => {
    const out = join(dir, 'bad.html');
    const cases: [string[], RegExp][] = [
      [['run', shortFile, '--report', join(dir, 'r.txt')], /--report: expected a file name ending in \.html/],
      [['run', shortFile, '--report', out, '--json'], /cannot be combined with --json/],
      [['run', shortFile, '--report', out, '--baseline', 'no-such-scenario'], /no scenario file "no-such-scenario"/],
      [['run', shortFile, '--baseline', 'historical'], /--baseline: only used with --report/],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args, '-q');
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
