import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ENGINE_VERSION } from '../../engine/index.ts';
import { UsageError } from '../errors.ts';
import { readJsonFile } from '../io/loadScenario.ts';
import { checkManifest } from './manifestSchema.ts';
import { commitChunks, commitFile } from './partFiles.ts';
import type { Plan } from './plan.ts';
import { columnNames, manifestColumns, sweepColumns, type Column } from './columns.ts';
import { encodeCsvTable } from './designTable.ts';

/** File name of a sweep directory's manifest. */
const MANIFEST_FILE = 'manifest.json';
/** File name of the design table (one row per design point). */
const DESIGN_FILE = 'design.csv';

/** What a sweep directory holds: written once when the sweep starts, identical for every shard. */
export interface SweepManifest {
  format: 'market-sim sweep 1';
  id: string;
  title: string;
  engine: string;
  /** `git rev-parse HEAD` of the checkout that started the sweep, or null outside git. */
  gitRevision: string | null;
  /** Whether tracked files differed from that revision (null outside git). */
  gitDirty: boolean | null;
  sweepFile: string;
  /** SHA-256 of the sweep file's canonical JSON ($schema, title, description left out). */
  sweepHash: string;
  rootSeed: number | string;
  replications: number;
  /** seeds[r] = replicationSeed(rootSeed, r), used by replication r of every scenario and design point. */
  seeds: number[];
  /** Each swept scenario; `files` are the absolute paths of the file and of each `extends` base, nearest first. */
  scenarios: { id: string; file: string; files?: string[]; scenarioHash: string; start: string; end: string; agents: number }[];
  design: Record<string, unknown> & { points: number };
  factors: Record<string, unknown>[];
  /** Runs in the whole sweep: scenarios × design points × replications. */
  runs: number;
  outputs: Record<string, unknown>;
  formats: string[];
  /** The columns of every result table of the directory, in file order (columns.ts): the base columns with one per factor after `parameters`. */
  columns: readonly string[];
}

/** The git revision of the checkout holding this code, if any (never throws). */
export function gitRevision(): { revision: string | null; dirty: boolean | null } {
  const cwd = join(import.meta.dirname, '../..');
  try {
    const revision = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10000 });
    return { revision, dirty: status.trim().length > 0 };
  } catch {
    return { revision: null, dirty: null };
  }
}

/** The manifest of a planned sweep. */
export function sweepManifest(plan: Plan): SweepManifest {
  const s = plan.sweep;
  const git = gitRevision();
  return {
    format: 'market-sim sweep 1',
    id: s.id, title: s.title, engine: ENGINE_VERSION, gitRevision: git.revision, gitDirty: git.dirty,
    sweepFile: basename(s.file), sweepHash: s.hash,
    rootSeed: s.seed, replications: s.replications, seeds: plan.seeds,
    scenarios: plan.bases.map((b) => ({ id: b.id, file: basename(b.path), files: b.files, scenarioHash: b.resolved.hash, start: b.resolved.start, end: b.resolved.end, agents: b.resolved.agents })),
    design: { ...s.design, points: plan.design.size },
    factors: s.factors.map(({ path, values, min, max, levels, scale }) => ({ path, values, min, max, levels, scale })),
    runs: plan.total,
    outputs: { ...s.outputs },
    formats: s.formats,
    columns: columnNames(sweepColumns(s.factors)),
  };
}

/**
 * Read a sweep directory's manifest: a UsageError if it is missing, a ScenarioError (both exit
 * 2) naming the file and field if it is not JSON or not of the manifest's shape (manifestSchema.ts).
 */
export function readManifest(dir: string): SweepManifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) throw new UsageError(`${dir}: not a sweep directory (no ${MANIFEST_FILE})`);
  return checkManifest(readJsonFile(path, 'sweep manifest'), path) as unknown as SweepManifest;
}

/** What prepareSweepDir found: warnings to print and the columns the directory's tables have. */
export interface SweepDir { warnings: string[]; columns: Column[] }

/**
 * Make `dir` the home of this sweep: write manifest.json and design.csv if absent; if a
 * manifest is there, require the same sweep (hash) and engine version, so that resumed
 * runs and runs already on disk belong together. Returns warnings (e.g. another git revision)
 * and the columns of the directory's tables: those of its manifest, so every run of one
 * directory has the same columns. A directory started before factor columns existed keeps
 * writing its runs without them (with a warning naming the columns it lacks).
 */
export function prepareSweepDir(dir: string, manifest: SweepManifest, plan: Plan): SweepDir {
  const path = join(dir, MANIFEST_FILE);
  if (existsSync(path)) {
    const old = readManifest(dir);
    if (old.sweepHash !== manifest.sweepHash) {
      throw new UsageError(`${dir} holds another sweep (${old.sweepFile}, hash ${old.sweepHash.slice(0, 12)}…; this is ${manifest.sweepFile}, hash ${manifest.sweepHash.slice(0, 12)}…): use a new --out directory, or the sweep file that started it`);
    }
    if (old.engine !== manifest.engine) {
      throw new UsageError(`${dir} was started with engine ${old.engine}, this is engine ${manifest.engine}: use a new --out directory`);
    }
    const columns = manifestColumns(old, path);
    const warnings: string[] = [];
    const lacking = manifest.columns.filter((c) => !old.columns.includes(c));
    if (lacking.length) {
      warnings.push(`warning: ${dir} was started by a market-sim without factor columns: its tables lack the columns ${lacking.join(', ')} (the factor values are in the \`parameters\` JSON); its runs still to do are written the same way, so all its runs fit one table. For the factor columns, run the sweep into a new --out directory`);
    }
    if (old.gitRevision && manifest.gitRevision && old.gitRevision !== manifest.gitRevision) {
      warnings.push(`warning: ${dir} was started at git revision ${old.gitRevision.slice(0, 12)}, this is ${manifest.gitRevision.slice(0, 12)}; runs already on disk are kept (run keys include the engine version ${manifest.engine}, not the git revision)`);
    }
    return { warnings, columns };
  }
  commitChunks(dir, join(dir, DESIGN_FILE), encodeCsvTable(plan), 'design');
  commitFile(dir, path, JSON.stringify(manifest, null, 1) + '\n', 'manifest');
  return { warnings: [], columns: manifestColumns(manifest, path) };
}
