/** Reading a scenario file: schema validation with path/value/expected messages, and the timeline's order rules. */
import { ScenarioError, describeValue, formatPath, type ScenarioIssue } from './errors.ts';
import { scenarioFileSchema, type PolicyEntry, type ScenarioFile } from './schema.ts';

/**
 * Validate a raw scenario object against the schema; throw a ScenarioError that
 * names every bad path, value and expectation.
 */
export function parseScenarioFile(raw: unknown, source = 'scenario'): ScenarioFile {
  const r = scenarioFileSchema.safeParse(raw, { reportInput: true });
  // zod drops an own "__proto__" key of a record silently; report it like any unknown parameter.
  const hidden = hiddenParameterKeys(raw);
  if (r.success && !hidden.length) {
    checkTimelineOrder(r.data, source);
    return r.data;
  }
  const issues: ScenarioIssue[] = (r.success ? [] : r.error.issues).map((i) => {
    const iss = i as { input?: unknown; keys?: string[]; code: string; path: PropertyKey[]; message: string };
    if (iss.code === 'unrecognized_keys') {
      const known = knownKeys(iss.path).map((k) => JSON.stringify(k)).join(', ');
      return { path: formatPath(iss.path), message: `unknown key${iss.keys!.length > 1 ? 's' : ''} ${iss.keys!.map((k) => JSON.stringify(k)).join(', ')}; expected only ${known}` };
    }
    const got = 'input' in iss ? `, got ${describeValue(iss.input)}` : '';
    return { path: formatPath(iss.path), message: `${iss.message}${got}` };
  });
  issues.push(...hidden);
  throw new ScenarioError(issues, source);
}

/** An own `__proto__` key of `parameters` (JSON.parse makes one), which the zod record skips without a word. */
function hiddenParameterKeys(raw: unknown): ScenarioIssue[] {
  const params = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).parameters : undefined;
  if (typeof params !== 'object' || params === null || !Object.hasOwn(params, '__proto__')) return [];
  return [{ path: 'parameters.__proto__', message: `unknown parameter "__proto__"; expected a key listed by \`market-sim params\`, got ${describeValue((params as Record<string, unknown>)['__proto__'])}` }];
}

/** The keys the schema allows in the object at `path` (for "unknown key" messages). */
function knownKeys(path: readonly PropertyKey[]): string[] {
  type Def = { innerType?: unknown; element?: unknown; shape?: Record<string, unknown> };
  const def = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  const unwrap = (s: unknown) => { while (def(s)?.innerType) s = def(s)!.innerType; return s; };
  let s: unknown = scenarioFileSchema;
  for (const k of path) {
    s = unwrap(s);
    s = typeof k === 'number' ? def(s)?.element : def(s)?.shape?.[String(k)];
  }
  return Object.keys(def(unwrap(s))?.shape ?? {});
}

/** An entry's date; a removing entry may have none ('' then: removals are applied by id, not by date). */
export const dateOf = (e: PolicyEntry): string => e.date ?? '';

function checkTimelineOrder(file: ScenarioFile, source: string): void {
  const issues: ScenarioIssue[] = [];
  const seen = new Map<string, number>();
  const list = file.policies ?? [];
  let prev = -1; // the last entry that sets levers (removals do not take part in the order)
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (!e.remove && e.date === undefined) {
      issues.push({ path: `policies[${i}].date`, message: 'expected a date "YYYY-MM-DD"; only an entry with "remove": true may leave it out' });
      continue;
    }
    if (e.remove && !file.extends) issues.push({ path: `policies[${i}].remove`, message: 'removes an entry of the base, but this scenario has no base: expected "extends" or no "remove"' });
    if (!e.remove && prev >= 0 && dateOf(e) < dateOf(list[prev])) {
      issues.push({ path: `policies[${i}].date`, message: `entries must be in date order: expected a date on or after ${list[prev].date} (policies[${prev}]), got "${e.date}"` });
    }
    if (e.id) {
      if (seen.has(e.id)) issues.push({ path: `policies[${i}].id`, message: `duplicate id: expected an id not used by another entry, got ${JSON.stringify(e.id)} (also policies[${seen.get(e.id)}])` });
      else seen.set(e.id, i);
    }
    if (e.remove && e.set) issues.push({ path: `policies[${i}].remove`, message: 'an entry that removes cannot also set levers: expected either "remove": true or "set", got both' });
    if (e.remove && !e.id) issues.push({ path: `policies[${i}].remove`, message: 'remove needs the id of the base entry to remove: expected an "id", got none' });
    if (!e.remove && prev >= 0 && e.date === list[prev].date && e.set && list[prev].set) {
      const clash = overlap(e.set, list[prev].set!, '');
      if (clash) issues.push({ path: `policies[${i}].set.${clash}`, message: `sets the same lever as policies[${prev}] on the same date ${e.date}; expected one entry per lever and date (merge the two entries)` });
    }
    if (!e.remove) prev = i;
  }
  if (file.start && file.end && file.end < file.start) {
    issues.push({ path: 'end', message: `expected a date on or after start ${file.start}, got ${JSON.stringify(file.end)}` });
  }
  if (issues.length) throw new ScenarioError(issues, source);
}

function overlap(a: Record<string, unknown>, b: Record<string, unknown>, prefix: string): string | null {
  for (const k of Object.keys(a)) {
    if (!(k in b)) continue;
    const va = a[k], vb = b[k];
    if (typeof va === 'object' && va && typeof vb === 'object' && vb) {
      const r = overlap(va as Record<string, unknown>, vb as Record<string, unknown>, `${prefix}${k}.`);
      if (r) return r;
    } else return `${prefix}${k}`;
  }
  return null;
}
