import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARAMETERS } from '../../engine/index.ts';
import { atomicWrite } from '../io/atomicWrite.ts';

/** Print the parameter table (text, markdown or JSON). */
export function paramsCommand(opts: { markdown?: boolean; json?: boolean; updateDocs?: boolean }): void {
  if (opts.updateDocs) { updateOdd(); return; }
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

/** Rewrite the parameter table between the markers in docs/ODD.md (after changing defaults). */
function updateOdd(path = join(import.meta.dirname, '../../docs/ODD.md')): void {
  const text = readFileSync(path, 'utf8');
  const [head, rest] = text.split('<!-- params:start -->\n');
  const tail = rest.split('\n<!-- params:end -->')[1];
  atomicWrite(path, `${head}<!-- params:start -->\n${parameterMarkdown()}\n<!-- params:end -->${tail}`);
  process.stdout.write(`updated the parameter table in ${path}\n`);
}
