/** The bench's summary table: one row per figure, with its target and whether it is met. */
import type { MemoryReport } from './memorySection.ts';
import type { AgentScaling, MillionRun, WorkerScaling } from './scaleSection.ts';
import type { CeilingReport, ReferenceReport, ThroughputReport } from './speedSection.ts';
import type { BrowserReport, CliReport } from './externalSection.ts';

type Row = [string, string, string, string];

const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
const m = (x: number) => `${(x / 1e6).toFixed(2)}M`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Rows for whatever sections ran. */
function tableRows(r: Record<string, unknown>): Row[] {
  const rows: Row[] = [];
  const t = r.throughput as ThroughputReport | undefined;
  if (t) {
    rows.push([`1 throughput, ${t.agents / 1000}k agents × 2018–2025, 1 core`, `${m(t.userDaysPerSec)} user-days/s (${t.nsPerUserDay.toFixed(1)} ns each)`, '≥ 25M', yes(t.userDaysPerSec >= 25e6)]);
    rows.push(['  per CPU-second of the process', `${m(t.userDaysPerCpuSec)} user-days/s`, '', '']);
    rows.push(['  population setup (excluded above)', s(t.setupMsMedian), '', '']);
  }
  const ref = r.reference as ReferenceReport | undefined;
  if (ref) {
    rows.push([`2 vs reference (objects + ARC4), ${ref.agents / 1000}k agents`, `${ref.ratio.toFixed(1)}× faster, median of ${ref.pairs?.length ?? 1} alternating pairs${ref.pairs ? ` (${ref.ratioMin.toFixed(1)}–${ref.ratioMax.toFixed(1)}×)` : ''} (ref ${ref.referenceNsPerUserDay.toFixed(0)} ns/user-day)`, '≥ 10×', yes(ref.ratio >= 10)]);
    const e = ref.equivalence;
    const worst = e.metrics.reduce((a, b) => (Math.abs(b.t) > Math.abs(a.t) ? b : a));
    rows.push([`  same aggregates (${e.seeds} seeds × ${e.agents}, paired t, 1%)`, `${e.metrics.filter((x) => x.pass).length}/${e.metrics.length} metrics; max |t| ${Math.abs(worst.t).toFixed(2)} < ${e.tCritical.toFixed(2)}`, 'all pass', yes(e.pass)]);
  }
  const c = r.ceiling as CeilingReport | undefined;
  if (c) rows.push([`3 ceiling: bare pass over ${c.bytesPerUser} B/user`, `${m(c.userDaysPerSec)} user-days/s; ours = ${(100 * c.ourFraction).toFixed(0)}%`, '≥ 45%', yes(c.ourFraction >= 0.45)]);
  const a = r.agentScaling as AgentScaling | undefined;
  if (a) rows.push(['4 scaling in agents (2025 only), ns/user-day', a.rows.map((x) => `${x.agents / 1000}k: ${x.nsPerUserDay.toFixed(1)}`).join(', '), 'linear', `${a.linearity.toFixed(2)}×`]);
  const w = r.workerScaling as WorkerScaling | undefined;
  if (w) rows.push([`4 workers 1 → 2, ${w.agents / 1000}k agents × 2018–2025`, `${w.speedup.toFixed(2)}× (median of ${w.runs}: ${s(w.medianSimMs[0])} → ${s(w.medianSimMs[1])}), bit-identical: ${w.bitIdentical}`, '≥ 1.85×, identical', yes(w.speedup >= 1.85 && w.bitIdentical)]);
  const mem = r.memory as MemoryReport | undefined;
  if (mem) {
    rows.push(['5 bytes per user agent (columns)', `${mem.bytesPerUserColumns} B (measured at 1M: ${mem.measuredArrayBufferBytesPerUser.toFixed(1)} B buffers + ${mem.measuredHeapBytesPerUser.toFixed(1)} B heap)`, '≤ 64 B', yes(mem.bytesPerUserColumns <= 64 && mem.measuredArrayBufferBytesPerUser <= 64)]);
    rows.push(['  reference: one object per user', `${mem.referenceHeapBytesPerPerson.toFixed(0)} B heap per person`, '', '']);
  }
  const mil = r.million as MillionRun | undefined;
  if (mil) rows.push([`   1M agents × 2018–2025, ${mil.workers} workers`, `${s(mil.wallMs)} (simulation ${s(mil.simMs)})`, '< 60 s', yes(mil.wallMs < 60_000)]);
  const cl = r.cli as CliReport | undefined;
  if (cl) rows.push(['6 npm start (historical, default agents)', `${s(cl.npmStartMs)} wall (simulation ${cl.npmStartSimulationS ?? '?'} s, CLI start-up ${cl.startupMs} ms)`, '', cl.npmStartStatus === 0 ? '' : `exit ${cl.npmStartStatus}`]);
  const b = r.browser as BrowserReport | undefined;
  if (b) rows.push(['6 browser (Chromium), default view', b.pageToChartsMs !== undefined ? `${s(b.pageToChartsMs)} to charts (engine ${b.engineSimulationS ?? '?'} s, ${b.agents ?? '?'} agents)` : b.note, '', '']);
  return rows;
}

/** Print the table to stdout. */
export function printTable(r: Record<string, unknown>): void {
  const rows: Row[] = [['measure', 'value', 'target', 'met'], ...tableRows(r)];
  const width = [0, 1, 2, 3].map((k) => Math.max(...rows.map((row) => row[k].length)));
  const line = (row: Row) => row.map((cell, k) => cell.padEnd(width[k])).join(' | ');
  const mc = r.machine as Record<string, string | number>;
  console.log(`\nmarket-sim bench (${r.mode}) on ${mc.cpu}, ${mc.cores} cores, Node ${mc.node}; load ${r.loadAtStart} → ${r.loadAtEnd}; start-up ${r.startupMs} ms`);
  console.log(line(rows[0]));
  console.log(width.map((x) => '-'.repeat(x)).join('-|-'));
  for (const row of rows.slice(1)) console.log(line(row));
}
