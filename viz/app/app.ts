import { ineffectiveLevers, resolveScenario, ScenarioError, type LeverWarning, type ResolvedScenario } from '../../engine/index.ts';
import { timelineChart } from '../charts/index.ts';
import { timelineLegend } from '../charts/timelineChart.ts';
import { METRIC_NAMES } from '../charts/format.ts';
import { pairedMetrics } from '../data/paired.ts';
import type { ViewModel } from '../data/viewModel.ts';
import { byId, clear, h } from '../ui/dom.ts';
import { downloadJson } from '../ui/download.ts';
import { renderLeverPanel } from '../ui/leverPanel.ts';
import { showMessages } from '../ui/messages.ts';
import { renderResults } from '../ui/results.ts';
import { attachTitleTooltips } from '../ui/titleTooltip.ts';
import { labelInText, LEVER_DEFS } from './levers.ts';
import { CATALOG, catalogLoader, findCatalog, resolveCatalog } from './catalog.ts';
import { CancelledError, Runner } from './runner.ts';
import { AGENTS_RANGE, decodeState, encodeState, REPS_RANGE, type ViewState } from './viewState.ts';
import { whatIfFile } from './whatIf.ts';

/** The page: state ⇄ URL, controls, runs in workers, charts. */
export class App {
  private state: ViewState;
  private view: ViewModel | null = null;
  private readonly runner = new Runner();
  private running = false;
  /** Wall time of the last finished run, ms (navigation or Run press to charts drawn is measured by the page, not summed over workers). */
  private lastRunMs = 0;

  constructor() {
    this.state = decodeState('').state;
    // On a phone the phase list starts closed (its summary says how many phases differ between the arms).
    if (window.matchMedia('(max-width: 900px)').matches) byId<HTMLDetailsElement>('phase-list').open = false;
    this.fillSelects();
    this.wire();
    this.loadFromHash();
    // A link pasted into this tab changes only the hash: load it like a fresh page.
    window.addEventListener('hashchange', () => this.loadFromHash());
  }

  /** Read the view from the URL hash (validated); run it unless the link had problems. */
  private loadFromHash(): void {
    const { state, errors } = decodeState(location.hash);
    this.runner.cancel();
    this.state = state;
    clear(byId('messages'));
    this.syncControls();
    if (errors.length) {
      showMessages('error', 'This link could not be used as it is; the parts below were ignored and defaults shown instead. Nothing from the link was run.', errors);
      this.view = null;
      clear(byId('charts'));
      byId('summary').textContent = 'Press Run to run the settings shown.';
      byId('paired-card').hidden = true;
      byId('phases-card').hidden = true;
      byId('headline-card').hidden = true;
      byId('pnl-card').hidden = true;
    }
    this.writeUrl();
    if (!errors.length) void this.run();
  }

  /** The scenario the what-if arm runs: the catalog scenario extended by the levers, resolved. */
  private whatIf(): ResolvedScenario {
    const base = resolveCatalog(this.state.scenario);
    const file = whatIfFile(this.state, base);
    return file ? resolveScenario(file, catalogLoader, 'what-if') : base;
  }

  private fillSelects(): void {
    for (const id of ['scenario', 'baseline', 'extra-1', 'extra-2']) {
      const sel = byId<HTMLSelectElement>(id);
      if (id.startsWith('extra')) sel.append(h('option', { value: '' }, '(none)'));
      for (const c of CATALOG) sel.append(h('option', { value: c.id }, c.title));
    }
    const metric = byId<HTMLSelectElement>('metric');
    for (const m of pairedMetrics()) metric.append(h('option', { value: m.metric }, `${METRIC_NAMES[m.metric] ?? m.metric}`));
  }

  private update(patch: Partial<ViewState>, opts: { stale?: boolean } = { stale: true }): void {
    this.state = { ...this.state, ...patch };
    this.syncControls();
    this.writeUrl();
    if (opts.stale && this.view) byId('summary').dataset.stale = 'true';
    if (opts.stale && this.view) byId('status').textContent = 'Settings changed: press Run to update the charts';
  }

  private wire(): void {
    const num = (id: string, [lo, hi]: readonly [number, number], key: 'agents' | 'reps') => {
      const el = byId<HTMLInputElement>(id);
      el.addEventListener('change', () => {
        const v = Number(el.value);
        if (Number.isInteger(v) && v >= lo && v <= hi) { el.removeAttribute('aria-invalid'); this.update({ [key]: v } as Partial<ViewState>); }
        else { el.setAttribute('aria-invalid', 'true'); showMessages('error', `${el.labels?.[0]?.textContent ?? key}: expected a whole number in [${lo}, ${hi}], got ${JSON.stringify(el.value)}.`); }
      });
    };
    num('agents', AGENTS_RANGE, 'agents');
    num('reps', REPS_RANGE, 'reps');
    byId<HTMLInputElement>('seed').addEventListener('change', (e) => {
      const s = (e.target as HTMLInputElement).value.trim();
      if (s) this.update({ seed: /^\d+$/.test(s) ? Number(s) : s });
    });
    byId<HTMLSelectElement>('scenario').addEventListener('change', (e) => {
      const id = (e.target as HTMLSelectElement).value;
      this.update({ scenario: id, levers: {}, from: resolveCatalog(id).start, period: '' });
    });
    byId<HTMLSelectElement>('baseline').addEventListener('change', (e) => this.update({ baseline: (e.target as HTMLSelectElement).value }));
    for (const id of ['extra-1', 'extra-2']) {
      byId<HTMLSelectElement>(id).addEventListener('change', () => this.update({ extra: ['extra-1', 'extra-2'].map((x) => byId<HTMLSelectElement>(x).value).filter(Boolean) }));
    }
    for (const m of ['single', 'compare'] as const) {
      byId<HTMLInputElement>(`mode-${m}`).addEventListener('change', () => this.update({ mode: m, period: '', reps: m === 'compare' ? Math.max(this.state.reps, 3) : this.state.reps }));
    }
    byId<HTMLInputElement>('from').addEventListener('change', (e) => {
      const v = (e.target as HTMLInputElement).value, s = resolveCatalog(this.state.scenario);
      if (v >= s.start && v <= s.end) this.update({ from: v });
      else showMessages('error', `Levers apply from: expected a date in [${s.start}, ${s.end}], got ${JSON.stringify(v)}.`);
    });
    byId<HTMLSelectElement>('from-phase').addEventListener('change', (e) => {
      const v = (e.target as HTMLSelectElement).value;
      if (v) this.update({ from: v });
    });
    byId<HTMLInputElement>('hold').addEventListener('change', (e) => this.update({ hold: (e.target as HTMLInputElement).checked }));
    byId('reset-levers').addEventListener('click', () => this.update({ levers: {} }));
    byId('run').addEventListener('click', () => void this.run());
    byId('to-levers').addEventListener('click', () => document.querySelector('.panel')?.scrollIntoView({ block: 'start' }));
    byId('cancel').addEventListener('click', () => this.runner.cancel());
    byId('copy-link').addEventListener('click', () => void this.copyLink());
    byId('export-scenario').addEventListener('click', () => {
      const file = whatIfFile(this.state, resolveCatalog(this.state.scenario));
      downloadJson(file?.id ?? this.state.scenario, file ?? findCatalog(this.state.scenario)?.raw);
    });
    byId<HTMLSelectElement>('metric').addEventListener('change', (e) => { this.update({ metric: (e.target as HTMLSelectElement).value }, {}); this.draw(); });
    // Redraw at the new width when the window is resized (charts are drawn at their box's width).
    let t = 0, lastWidth = 0;
    new ResizeObserver(() => {
      const w = byId('charts').clientWidth;
      if (w === lastWidth) return;
      lastWidth = w;
      clearTimeout(t);
      t = window.setTimeout(() => { this.drawTimeline(); this.draw(); }, 150);
    }).observe(byId('charts'));
  }

  /** Put the state into every control, the lever panel and the timeline. */
  private syncControls(): void {
    const st = this.state;
    byId<HTMLSelectElement>('scenario').value = st.scenario;
    byId<HTMLSelectElement>('baseline').value = st.baseline;
    byId<HTMLInputElement>('mode-single').checked = st.mode === 'single';
    byId<HTMLInputElement>('mode-compare').checked = st.mode === 'compare';
    byId('baseline-row').hidden = st.mode !== 'compare';
    byId('extra-arms').hidden = st.mode !== 'compare';
    byId<HTMLSelectElement>('extra-1').value = st.extra[0] ?? '';
    byId<HTMLSelectElement>('extra-2').value = st.extra[1] ?? '';
    byId<HTMLInputElement>('agents').value = String(st.agents);
    byId<HTMLInputElement>('seed').value = String(st.seed);
    byId<HTMLInputElement>('reps').value = String(st.reps);
    byId<HTMLSelectElement>('metric').value = st.metric;
    const base = resolveCatalog(st.scenario);
    const from = byId<HTMLInputElement>('from');
    from.min = base.start; from.max = base.end; from.value = st.from;
    byId<HTMLInputElement>('hold').checked = st.hold;
    const phaseSel = byId<HTMLSelectElement>('from-phase');
    clear(phaseSel);
    phaseSel.append(h('option', { value: '' }, '(a date of your own)'), ...base.phases.map((p) => h('option', { value: p.start }, `${p.start} · ${p.label}`)));
    phaseSel.value = base.phases.some((p) => p.start === st.from) ? st.from : '';
    byId('question').textContent = base.question || base.title;
    const warnings = this.leverWarnings(base);
    renderLeverPanel(byId('levers'), { base, from: st.from, levers: st.levers, warnings, onChange: (levers) => this.update({ levers }) });
    const note = byId('lever-warnings');
    note.hidden = !warnings.length;
    note.textContent = warnings.map((w) => `⚠ ${LEVER_DEFS.find((d) => d.path === w.path)?.group ?? w.path}: ${labelInText(LEVER_DEFS.find((d) => d.path === w.path)?.label ?? w.path)} — ${w.message}`).join(' ');
    this.drawTimeline();
  }

  /** Changed levers that have no effect on some days of the window (ineffectiveLevers), or none if the what-if is invalid. */
  private leverWarnings(base: ResolvedScenario): LeverWarning[] {
    const paths = Object.keys(this.state.levers);
    if (!paths.length) return [];
    try { return ineffectiveLevers(this.whatIf(), base, this.state.from, paths); } catch { return []; }
  }

  private drawTimeline(): void {
    const host = byId('timeline-host');
    let whatIf: ResolvedScenario;
    try { whatIf = this.whatIf(); } catch (err) {
      showMessages('error', 'The what-if is not a valid scenario:', err instanceof ScenarioError ? err.issues.map((i) => `${i.path}: ${i.message}`) : [(err as Error).message]);
      return;
    }
    const rows = this.state.mode === 'compare'
      ? [{ label: 'Baseline', scenario: resolveCatalog(this.state.baseline) }, { label: 'What-if', scenario: whatIf }, ...this.state.extra.map((id, k) => ({ label: `Arm ${k + 3}`, scenario: resolveCatalog(id) }))]
      : [{ label: 'Scenario', scenario: whatIf }];
    clear(host);
    host.append(timelineChart(document, rows, { width: Math.max(300, host.clientWidth || 900) }).svg);
    attachTitleTooltips(host, 'g.phase, g.marker, g.event', byId('tooltip'));
    const legend = byId('timeline-legend');
    clear(legend);
    const table = timelineLegend(document, rows);
    legend.append(table);
    const differ = table.querySelectorAll('tr.differs').length;
    byId('phase-list-summary').textContent = `Phases in words (numbers match the bands of every chart)${rows.length > 1 ? ` · ${differ ? `${differ} phase${differ > 1 ? 's' : ''} differ${differ > 1 ? '' : 's'} between the arms (marked ≠)` : 'the same in both arms'}` : ''}`;
  }

  private writeUrl(): void {
    history.replaceState(null, '', encodeState(this.state));
  }

  private async copyLink(): Promise<void> {
    try { await navigator.clipboard.writeText(location.href); byId('status').textContent = 'Link copied'; }
    catch { showMessages('info', 'Copy this link (the clipboard is not available here):', [location.href]); }
  }

  /** Run the current state in the workers and draw the result. */
  async run(): Promise<void> {
    if (this.running) this.runner.cancel();
    const st = this.state;
    let whatIf: ResolvedScenario;
    try { whatIf = this.whatIf(); } catch (err) {
      showMessages('error', 'Cannot run: the what-if is not a valid scenario.', err instanceof ScenarioError ? err.issues.map((i) => `${i.path}: ${i.message}`) : [(err as Error).message]);
      return;
    }
    const base = st.mode === 'compare' ? resolveCatalog(st.baseline) : undefined;
    const status = byId('status'), bar = byId<HTMLProgressElement>('progress');
    this.setRunning(true);
    const t0 = performance.now();
    try {
      const extra = st.mode === 'compare' ? st.extra.map((id) => resolveCatalog(id)) : [];
      const view = await this.runner.run({ mode: st.mode, base, whatIf, extra, agents: st.agents, seed: st.seed, reps: st.reps }, (p) => {
        bar.value = p.total ? p.done / p.total : 0;
        status.textContent = `Running ${p.jobs > 1 ? `${p.jobsDone}/${p.jobs} runs · ` : ''}${Math.round((100 * p.done) / (p.total || 1))}% · ${((performance.now() - t0) / 1000).toFixed(1)} s`;
      });
      this.view = view;
      delete byId('summary').dataset.stale;
      // One time, shown in the status and the summary alike: wall time from the start of the run to its results (not summed over workers).
      this.lastRunMs = performance.now() - t0;
      status.textContent = `Done in ${(this.lastRunMs / 1000).toFixed(1)} s`;
      document.body.dataset.lastRunMs = String(Math.round(this.lastRunMs));
      this.draw();
    } catch (err) {
      if (err instanceof CancelledError) { status.textContent = 'Cancelled'; bar.value = 0; }
      else { status.textContent = 'Failed'; showMessages('error', 'The run failed:', [(err as Error).message]); }
    } finally {
      this.setRunning(false);
    }
  }

  private setRunning(on: boolean): void {
    this.running = on;
    byId<HTMLButtonElement>('cancel').disabled = !on;
    byId('run').textContent = on ? 'Restart' : 'Run';
    document.body.dataset.running = on ? 'true' : 'false';
  }

  private draw(): void {
    if (!this.view) return;
    renderResults(this.view, this.state, this.lastRunMs, {
      onPeriod: (period) => { this.update({ period }, {}); this.draw(); },
      onDiff: (patch) => { this.update(patch, {}); this.draw(); },
    });
  }
}
