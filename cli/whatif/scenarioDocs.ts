import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEVERS } from '../../engine/index.ts';
import { catalog } from '../commands/list.ts';
import { atomicWrite } from '../io/atomicWrite.ts';

/** docs/scenarios.md, whose catalog and lever tables are generated. */
export const SCENARIO_DOCS_PATH = join(import.meta.dirname, '../../docs/scenarios.md');

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The catalog as a Markdown table: id (linked file), title, base, question. */
function catalogMarkdown(): string {
  return ['| scenario | title | extends | question |', '|---|---|---|---|',
    ...catalog().map((e) => `| [\`${e.id}\`](../${e.file}) | ${esc(e.title)} | ${e.extends ? `\`${e.extends.replace(/\.json$/, '')}\`` : '—'} | ${esc(e.question)} |`)].join('\n');
}

/** Every lever as a Markdown table: path in `set`, unit, default, meaning. */
function leversMarkdown(): string {
  return ['| lever (path in `set`) | unit | default | meaning |', '|---|---|---|---|',
    ...LEVERS.map((l) => `| \`${l.path}\` | ${esc(l.unit)} | \`${JSON.stringify(l.default)}\` | ${esc(l.doc)} |`)].join('\n');
}

/** Replace the text between `<!-- name:start -->` and `<!-- name:end -->`. */
function replaceBlock(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->\n`, end = `\n<!-- ${name}:end -->`;
  const i = text.indexOf(start), j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`docs/scenarios.md: markers <!-- ${name}:start/end --> not found`);
  return text.slice(0, i + start.length) + body + text.slice(j);
}

/** docs/scenarios.md with freshly generated catalog and lever tables. */
export function scenarioDocsText(text = readFileSync(SCENARIO_DOCS_PATH, 'utf8')): string {
  return replaceBlock(replaceBlock(text, 'catalog', catalogMarkdown()), 'levers', leversMarkdown());
}

/** Rewrite the generated tables of docs/scenarios.md. */
export function updateScenarioDocs(): void {
  atomicWrite(SCENARIO_DOCS_PATH, scenarioDocsText());
  process.stdout.write(`updated the catalog and lever tables in ${SCENARIO_DOCS_PATH}\n`);
}
