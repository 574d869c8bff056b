import { parseScenarioFile, resolveScenario, ScenarioError, type ResolvedScenario, type ScenarioLoader } from '../../engine/index.ts';

/** A scenario of the catalog (scenarios/*.json, bundled by Vite at build time). */
interface CatalogEntry {
  id: string;
  /** File name, e.g. `historical.json`. */
  file: string;
  title: string;
  question: string;
  raw: unknown;
}

const files = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

/** Every valid catalog scenario, historical first, then by title. Invalid files are skipped with a console warning. */
export const CATALOG: CatalogEntry[] = Object.entries(files).flatMap(([path, raw]) => {
  const file = path.split('/').pop()!;
  // Other JSON beside the scenarios (e.g. calibration targets) has no scenario id: not a scenario.
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return [];
  try {
    const f = parseScenarioFile(raw, file);
    return [{ id: f.id, file, title: f.title ?? f.id, question: f.question ?? '', raw }];
  } catch (err) {
    console.warn(`market-sim: skipping catalog scenario ${file}: ${(err as Error).message}`);
    return [];
  }
}).sort((a, b) => (a.id === 'historical' ? -1 : b.id === 'historical' ? 1 : a.title.localeCompare(b.title)));

/** Find a catalog scenario by id, file name or relative path (`historical`, `historical.json`, `./historical.json`). */
export function findCatalog(name: string): CatalogEntry | undefined {
  const bare = name.replace(/^.*\//, '');
  return CATALOG.find((c) => c.id === name || c.file === bare || c.file === `${bare}.json`);
}

/** The loader `extends` uses in the browser: catalog scenarios only (no network, no files). */
export const catalogLoader: ScenarioLoader = (name) => {
  const c = findCatalog(name);
  if (!c) throw new Error(`not in the catalog (known: ${CATALOG.map((x) => x.id).join(', ')})`);
  return c.raw;
};

const cache = new Map<string, ResolvedScenario>();

/** The resolved catalog scenario with this id (cached). Throws ScenarioError if unknown or invalid. */
export function resolveCatalog(id: string): ResolvedScenario {
  let r = cache.get(id);
  if (!r) {
    const c = findCatalog(id);
    if (!c) throw new ScenarioError([{ path: '', message: `unknown scenario ${JSON.stringify(id)}; expected one of ${CATALOG.map((x) => x.id).join(', ')}` }], 'link');
    r = resolveScenario(c.raw, catalogLoader, c.file);
    cache.set(id, r);
  }
  return r;
}
