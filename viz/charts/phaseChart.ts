import { max, min, scaleBand, scaleLinear } from 'd3';
import { phaseBars, type PhaseSlot } from '../data/phaseBars.ts';
import { allArms, type ViewModel } from '../data/viewModel.ts';
import { valueAxis } from './axes.ts';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MARGIN, withInterval, type ChartOptions } from './chartOptions.ts';
import { csvInterval } from './csvInterval.ts';
import { rmb } from './format.ts';
import { createFrame, emptyNote, plotArea, type Chart, type CsvRow, type LegendItem } from './frame.ts';
import { ARM_COLOURS, FONT, INK } from './palette.ts';

/** Options of the phase view: which figure (PHASE_FIGURES key). */
export interface PhaseChartOptions { phaseFigure?: string }

/** Words of a slot for tooltips: its phase (single) or each arm's phase (compare), with dates. */
export function slotTitle(s: PhaseSlot, compare: boolean): string {
  const dates = `${s.period.start} – ${s.period.end}`;
  if (!compare) return `Phase ${s.number}: ${s.phases[0]?.phase ?? ''}\n${dates}`;
  return [`Segment ${s.number} (${dates})`, ...s.phases.map((p) => `${p.arm}: ${p.phase}`)].join('\n');
}

/**
 * The phase view: one figure (RED ad revenue by default; see PHASE_FIGURES) per phase as
 * bars, as a seasonally adjusted annual rate (RMB/year: the phase total annualised by its
 * share of a year's seasonal demand, engine saarFigures), so short phases with Double 11
 * or 618 are not inflated. Bars are numbered by phase as on the timeline. Compare mode: one
 * bar per arm side by side on each segment every arm simulates. Whiskers: 95% interval.
 * Every bar group has a <title> with the phase names (English beside Chinese) and the values.
 */
export function phaseChart(doc: Document, view: ViewModel, o: ChartOptions & PhaseChartOptions = {}): Chart {
  const W = o.width ?? DEFAULT_WIDTH, H = o.height ?? DEFAULT_HEIGHT;
  const compare = view.mode === 'compare';
  const arms = allArms(view);
  const { figure, slots } = phaseBars(view, o.phaseFigure ?? '');
  const colour = (k: number) => (compare ? ARM_COLOURS[k] ?? INK.text : ARM_COLOURS[1]);
  const legend: LegendItem[] = compare ? arms.map((a, k) => ({ label: a.label, colour: colour(k), kind: 'area' })) : [];
  const title = `Per phase: ${figure.label}`;
  const { svg, top } = createFrame(doc, {
    id: 'phases', title, width: W, height: H, legend,
    subtitle: `RMB per year, seasonally adjusted (SAAR: phase total ÷ its share of a year's 618, Double 11 and New-Year demand); ${compare ? 'segments' : 'phases'} numbered as on the timeline`,
  });
  const w = W - MARGIN.left - MARGIN.right, h = H - top - MARGIN.bottom - 14;
  const g = plotArea(svg, MARGIN.left, top + 8);
  const values = slots.flatMap((s) => s.bars.flatMap((b) => [b.saar.mean, Number.isFinite(b.saar.hi) ? b.saar.hi : b.saar.mean, Number.isFinite(b.saar.lo) ? b.saar.lo : b.saar.mean])).filter(Number.isFinite);
  if (!slots.length || !values.length) { emptyNote(g, w, h, 'No phase to show'); return { id: 'phases', title, svg: svg.node()!, csv: [], hover: null }; }
  const y = scaleLinear().domain([Math.min(0, min(values) ?? 0), Math.max(0, max(values) ?? 1) || 1]).nice(5).range([h, 0]);
  const x = scaleBand<number>().domain(slots.map((_, i) => i)).range([0, w]).paddingInner(0.18).paddingOuter(0.08);
  const inner = scaleBand<number>().domain(arms.map((_, k) => k)).range([0, x.bandwidth()]).padding(compare ? 0.06 : 0);
  valueAxis(g, y, w, rmb, 'RMB / year, SAAR');
  const ax = g.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${h})`);
  ax.append('line').attr('x1', 0).attr('x2', w).attr('stroke', INK.axis);
  const every = x.bandwidth() < 14 ? 2 : 1;
  slots.forEach((s, i) => {
    const sx = x(i)!;
    const slot = g.append('g').attr('class', 'phase-slot').attr('data-period', s.period.key).attr('data-number', s.number);
    slot.append('title').text(`${slotTitle(s, compare)}\n${s.bars.map((b) => `${compare ? `${b.arm.label}: ` : ''}${withInterval(b.saar, rmb)} per year SAAR (calendar-day rate ${rmb(b.perYear)})`).join('\n')}`);
    // A transparent target over the whole slot, so the <title> shows anywhere in it.
    slot.append('rect').attr('x', sx).attr('y', 0).attr('width', x.bandwidth()).attr('height', h).attr('fill', '#000000').attr('fill-opacity', 0);
    for (const b of s.bars) {
      if (!Number.isFinite(b.saar.mean)) continue;
      const bx = sx + inner(b.armIndex)!, bw = inner.bandwidth();
      slot.append('rect').attr('class', 'phase-bar').attr('data-arm', b.armIndex).attr('x', bx).attr('y', Math.min(y(b.saar.mean), y(0))).attr('width', bw).attr('height', Math.max(1, Math.abs(y(b.saar.mean) - y(0))))
        .attr('fill', colour(b.armIndex)).attr('fill-opacity', 0.9);
      if (Number.isFinite(b.saar.lo) && b.saar.hi > b.saar.lo) slot.append('line').attr('x1', bx + bw / 2).attr('x2', bx + bw / 2).attr('y1', y(b.saar.lo)).attr('y2', y(b.saar.hi)).attr('stroke', INK.text).attr('stroke-width', 1.1);
    }
    if (i % every === 0 || i === slots.length - 1) ax.append('text').attr('class', 'tick-label').attr('x', sx + x.bandwidth() / 2).attr('y', 14).attr('text-anchor', 'middle').attr('font-family', FONT).attr('font-size', 10.5).attr('fill', INK.muted).text(s.number);
  });
  ax.append('text').attr('class', 'unit-label').attr('x', w).attr('y', 28).attr('text-anchor', 'end').attr('fill', INK.muted).attr('font-size', 10.5).text(compare ? 'segment (what-if phase number)' : 'phase number');
  const csv: CsvRow[] = slots.flatMap((s) => s.bars.map((b) => ({ arm: b.arm.label, period: s.period.key, phase: s.phases[b.armIndex]?.phase ?? '', figure: figure.key, unit: 'RMB/year SAAR', ...csvInterval(b.saar, view.reps), per_year: Number.isFinite(b.perYear) ? b.perYear : '' })));
  return {
    id: 'phases', title, svg: svg.node()!, csv,
    hover: {
      areas: [{ x: MARGIN.left, y: top + 8, w, h }], xs: slots.map((_, i) => MARGIN.left + x(i)! + x.bandwidth() / 2),
      heading: (i) => slotTitle(slots[i], compare),
      lines: (i) => slots[i].bars.flatMap((b) => [
        { label: compare ? `${b.arm.label}, SAAR` : 'seasonally adjusted (SAAR)', value: `${withInterval(b.saar, rmb)}/yr`, colour: colour(b.armIndex) },
        { label: '  calendar-day rate', value: `${rmb(b.perYear)}/yr`, colour: 'transparent' },
      ]),
    },
  };
}
