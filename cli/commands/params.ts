import { PARAMETERS } from '../../engine/index.ts';

/** Print the parameter table (text, markdown or JSON). */
export function paramsCommand(opts: { markdown?: boolean; json?: boolean }): void {
  if (opts.json) { process.stdout.write(JSON.stringify(PARAMETERS, null, 1) + '\n'); return; }
  if (opts.markdown) { process.stdout.write(parameterMarkdown() + '\n'); return; }
  const w = Math.max(...PARAMETERS.map((p) => p.key.length));
  for (const p of PARAMETERS) process.stdout.write(`${p.key.padEnd(w)}  ${String(p.value).padStart(9)} ${p.unit}  [${p.min}, ${p.max}]  — ${p.source}\n`);
}

/** The parameter table as Markdown (used in docs/ODD.md). */
export function parameterMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return ['| parameter | default | unit | range | meaning | source |', '|---|---|---|---|---|---|',
    ...PARAMETERS.map((p) => `| \`${p.key}\` | ${p.value} | ${esc(p.unit)} | [${p.min}, ${p.max}] | ${esc(p.doc)} | ${esc(p.source)} |`)].join('\n');
}
