import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile, SCENARIO_DIR } from '../io/loadScenario.ts';

/** One catalog entry. */
interface CatalogEntry { id: string; file: string; title: string; question: string; extends?: string }

/** The scenario catalog: every *.json in scenarios/ that is a scenario (has an id), sorted by id. */
export function catalog(dir = SCENARIO_DIR): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const raw = readJsonFile(join(dir, f)) as Record<string, unknown>;
    if (typeof raw !== 'object' || raw === null || typeof raw.id !== 'string' || !('policies' in raw || 'extends' in raw)) continue;
    out.push({ id: raw.id, file: join('scenarios', f), title: String(raw.title ?? raw.id), question: String(raw.question ?? ''), extends: raw.extends as string | undefined });
  }
  return out;
}

/** Print the catalog: id, title, base. */
export function listCommand(opts: { json?: boolean }): void {
  const entries = catalog();
  if (opts.json) { process.stdout.write(JSON.stringify(entries, null, 1) + '\n'); return; }
  const w = Math.max(...entries.map((e) => e.id.length), 2);
  for (const e of entries) process.stdout.write(`${e.id.padEnd(w)}  ${e.title}${e.extends ? `  (extends ${e.extends})` : ''}\n`);
}
