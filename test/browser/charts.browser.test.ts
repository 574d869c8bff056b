import { describe, expect, it } from 'vitest';
import { resolveScenario, simulate } from '../../engine/index.ts';
import historical from '../../scenarios/historical.json';
import { CHART_IDS, renderChart, timelineChart } from '../../viz/charts/index.ts';
import { runFigures } from '../../viz/data/runFigures.ts';
import { assembleView, planJobs, type RunRequest } from '../../viz/data/runPlan.ts';
import { decodeState, encodeState } from '../../viz/app/viewState.ts';
import { renderLeverPanel } from '../../viz/ui/leverPanel.ts';

// Vitest browser mode in Debian's Chromium: the chart code laid out by a real browser
// (text measured with getBBox), and the page's state and lever modules with real DOM APIs.

const load = (name: string) => { if (name.replace(/\.json$/, '') !== 'historical') throw new Error(`unknown ${name}`); return historical; };
const short = (extra: Record<string, unknown> = {}) => resolveScenario({ id: 'short', extends: 'historical', start: '2020-06-01', end: '2021-12-31', ...extra }, load);

/** Run a request in this page (no worker) and assemble the view, as the workers and the CLI report do. */
function view(req: RunRequest) {
  const plan = planJobs(req);
  const figures = plan.jobs.map((j) => runFigures(simulate(j.scenario, { seed: j.seed, agents: j.agents })));
  return assembleView(req, plan, figures, 0, 1e9 / req.agents);
}

/** Every text of an SVG lies inside its viewBox (nothing clipped), measured by the browser. */
function textOutside(svg: SVGSVGElement): string[] {
  const vb = svg.viewBox.baseVal;
  const bad: string[] = [];
  for (const t of svg.querySelectorAll('text')) {
    const b = (t as SVGGraphicsElement).getBBox();
    const m = (t as SVGGraphicsElement).getCTM()!;
    const x0 = m.a * b.x + m.e, x1 = m.a * (b.x + b.width) + m.e, y0 = m.d * b.y + m.f, y1 = m.d * (b.y + b.height) + m.f;
    if (b.width > 0 && (x0 < -0.5 || x1 > vb.width + 0.5 || y0 < -0.5 || y1 > vb.height + 0.5)) bad.push(`"${t.textContent}" at x ${x0.toFixed(0)}–${x1.toFixed(0)}, y ${y0.toFixed(0)}–${y1.toFixed(0)}`);
  }
  return bad;
}

describe('charts laid out in Chromium', () => {
  const single = view({ mode: 'single', whatIf: short(), agents: 800, seed: 2, reps: 2 });
  const compare = view({ mode: 'compare', base: short(), whatIf: short({ policies: [{ id: 'whatif', date: '2021-01-01', set: { adLoad: 0.2 } }] }), agents: 800, seed: 2, reps: 2 });

  for (const [name, v] of [['single', single], ['compare', compare]] as const) {
    for (const width of [420, 560]) {
      it(`${name} mode at ${width} px: every chart keeps its text inside its box`, () => {
        for (const id of CHART_IDS) {
          const chart = renderChart(document, id, v, { width, height: id === 'rates' || id === 'users' ? 380 : 330 });
          document.body.append(chart.svg);
          expect(textOutside(chart.svg), `${id} at ${width}px`).toEqual([]);
          expect(chart.csv.length, id).toBeGreaterThan(0);
          chart.svg.remove();
        }
        const tl = timelineChart(document, v.arms.map((a) => ({ label: a.label, scenario: a.scenario })), { width: width * 2 });
        document.body.append(tl.svg);
        expect(textOutside(tl.svg)).toEqual([]);
        tl.svg.remove();
      });
    }
  }
});

describe('view state and levers with the real DOM', () => {
  it('round-trips a what-if through the URL hash', () => {
    const st = { ...decodeState('').state, from: '2021-08-01', levers: { adLoad: 0.15, 'links.jd.notes': 'all' }, mode: 'compare' as const, reps: 4 };
    const back = decodeState(encodeState(st));
    expect(back.errors).toEqual([]);
    expect(back.state).toEqual(st);
  });

  it('reports every bad part of a link and keeps defaults for them', () => {
    const { state, errors } = decodeState('#s=nope&reps=0&mode=side&metric=x&w=%5B1%5D');
    expect(errors).toEqual([
      expect.stringMatching(/^s: unknown scenario "nope"; expected one of historical/),
      'mode: expected "single" or "compare", got "side"',
      'reps: expected a whole number in [1, 30], got "0"',
      'metric: unknown paired-table metric "x"',
      expect.stringMatching(/^w \(the what-if scenario\): \(top level\): /),
    ]);
    expect(state.scenario).toBe('historical');
    expect(state.reps).toBe(1);
  });

  it('lever panel: labelled controls start at the scenario value on the date; a change reports only changed levers', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const changes: Record<string, unknown>[] = [];
    renderLeverPanel(host, { base: short(), from: '2021-01-01', levers: {}, onChange: (l) => changes.push(l) });
    const notes = host.querySelector<HTMLSelectElement>('#lever-links-taotian-notes')!;
    expect(host.querySelector(`label[for="${notes.id}"]`)!.textContent).toBe('Notes with links');
    expect(notes.value).toBe('organic'); // the 2020-08 links are in force on 2021-01-01
    const ad = host.querySelector<HTMLInputElement>('#lever-adLoad')!;
    ad.value = '0.2';
    ad.dispatchEvent(new Event('change'));
    expect(changes.at(-1)).toEqual({ adLoad: 0.2 });
    notes.value = 'organic';
    notes.dispatchEvent(new Event('change'));
    expect(changes.at(-1)).toEqual({}); // equal to the scenario's value: not a change
    host.remove();
  });
});
