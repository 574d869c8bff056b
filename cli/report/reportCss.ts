/** Inline stylesheet of the HTML report (no external resources). */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; color: #1b1b1b; background: #f6f7f9; }
header { padding: 20px 28px 8px; background: #ffffff; border-bottom: 1px solid #dde1e6; }
h1 { margin: 0 0 6px; font-size: 22px; }
h2 { font-size: 17px; margin: 24px 0 8px; }
h3 { font-size: 14px; margin: 16px 0 4px; }
.question { max-width: 1100px; margin: 4px 0; color: #333; }
.facts { color: #5a5a5a; font-size: 12.5px; margin: 4px 0; }
main { padding: 12px 28px 28px; }
.grid { display: flex; flex-wrap: wrap; gap: 16px; }
figure { margin: 0; background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 4px; }
section.wide { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 4px; margin-bottom: 16px; display: inline-block; }
svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; background: #fff; font-size: 12.5px; margin-bottom: 8px; }
caption { text-align: left; color: #5a5a5a; padding: 4px 0; }
th, td { border: 1px solid #dde1e6; padding: 4px 8px; text-align: right; vertical-align: top; }
th[scope=row] { text-align: left; font-weight: 500; max-width: 320px; }
thead th { background: #eef1f4; text-align: center; }
td .sub { color: #6a6a6a; font-size: 11px; }
td.diff-up div:first-child { color: #0072B2; font-weight: 600; }
td.diff-down div:first-child { color: #D55E00; font-weight: 600; }
td.diff-same { color: #8a8a8a; }
section.card { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 8px 12px; margin-bottom: 16px; }
section.card h2 { margin: 4px 0 6px; }
.headline-sentence { font-size: 15px; margin: 4px 0 6px; }
.note { color: #5a5a5a; font-size: 12px; }
.headline-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(205px, 1fr)); gap: 8px; }
.headline-tile { border: 1px solid #dde1e6; border-left: 4px solid #c9c9c9; border-radius: 6px; padding: 6px 8px; }
.headline-tile.dir-up { border-left-color: #0072B2; }
.headline-tile.dir-down { border-left-color: #B34700; }
.ht-label { font-size: 12px; color: #5a5a5a; }
.ht-diff { font-size: 16px; font-weight: 600; white-space: nowrap; }
.dir-up .ht-diff { color: #0072B2; }
.dir-down .ht-diff { color: #B34700; }
.ht-ci, .ht-arms { font-size: 11.5px; color: #4a4a4a; }
table.phase-legend td { text-align: left; }
table.phase-legend tr.differs td { background: #fff4e0; font-weight: 600; }
td .num, td .ci { white-space: nowrap; }
.phase-tables table { margin-bottom: 12px; }
table.pnl tr.pnl-net th, table.pnl tr.pnl-net td { font-weight: 600; border-top: 2px solid #9aa3ad; }
figure { flex: 0 1 620px; min-width: 0; }
section.wide { display: block; max-width: 1248px; }
@media (max-width: 700px) {
  header, main { padding-left: 10px; padding-right: 10px; }
  table { display: block; max-width: 100%; overflow-x: auto; }
  .headline-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .ht-diff { font-size: 14px; white-space: normal; }
}
footer { padding: 12px 28px 24px; color: #5a5a5a; font-size: 12px; }
`;
