/**
 * No import cycles in the project: every relative import between the source files of
 * engine/, cli/, bench/, viz/ and test/ (.ts/.mts/.mjs/.js) — value imports, `import type`,
 * side-effect imports, re-exports `export … from` and dynamic `import('…')` — forms a graph
 * without cycles. A cycle found is listed as `a.ts -> b.ts -> a.ts` with the files of its
 * strongly connected group.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const DIRS = ['engine', 'cli', 'bench', 'viz', 'test'];
const SOURCE = /\.(ts|mts|mjs|js)$/;

/** Source files under the given top-level directories, as POSIX paths relative to the root. */
function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(ROOT, rel), { withFileTypes: true })) {
      const p = posix.join(rel, e.name);
      if (e.isDirectory()) { if (!['node_modules', 'dist', '.git'].includes(e.name)) walk(p); } else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const d of DIRS) if (existsSync(join(ROOT, d))) walk(d);
  return out.sort();
}

const REGEX_BEFORE = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

/**
 * The code of a module with comments removed and the text of template literals and
 * regular-expression literals blanked (so an import written in a comment, a template or
 * a regex is not read as one); quoted strings are kept (they hold the specifiers).
 */
function codeOnly(src: string): string {
  let out = '';
  let i = 0;
  let last = ''; // last significant code character
  const templateDepth: number[] = []; // brace depth at each open `${`
  let braces = 0;
  const template = () => { // from just after a backtick or a closing `}` of `${`: to the closing backtick or the next `${`
    while (i < src.length) {
      const c = src[i];
      if (c === '\\') { i += 2; continue; }
      if (c === '`') { i++; out += '``'; last = '`'; return; }
      if (c === '$' && src[i + 1] === '{') { i += 2; out += '`${'; templateDepth.push(braces); braces++; last = '{'; return; }
      i++;
    }
  };
  while (i < src.length) {
    const c = src[i], n = src[i + 1];
    if (c === '/' && n === '/') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '/' && n === '*') { const e = src.indexOf('*/', i + 2); i = e < 0 ? src.length : e + 2; out += ' '; continue; }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1); i = j + 1; last = c; continue;
    }
    if (c === '`') { i++; template(); continue; }
    if (c === '}' && templateDepth.length && templateDepth[templateDepth.length - 1] === braces - 1) {
      templateDepth.pop(); braces--; i++; template(); continue;
    }
    if (c === '/' && (last === '' || REGEX_BEFORE.has(last) || REGEX_KEYWORDS.test(out.trimEnd()))) {
      let j = i + 1, inClass = false;
      while (j < src.length && src[j] !== '\n' && (inClass || src[j] !== '/')) {
        if (src[j] === '\\') j++; else if (src[j] === '[') inClass = true; else if (src[j] === ']') inClass = false;
        j++;
      }
      j++;
      while (j < src.length && /[a-z]/.test(src[j])) j++;
      out += '/ /'; i = j; last = '/'; continue;
    }
    if (c === '{') braces++;
    if (c === '}') braces--;
    out += c;
    if (!/\s/.test(c)) last = c;
    i++;
  }
  return out;
}

/** The module specifiers a module imports: static imports (value and type), side-effect imports, re-exports and dynamic imports. */
function importSpecifiers(src: string): string[] {
  const code = codeOnly(src);
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[^\w$.])(?:import|export)\s[^;'"`]*?\bfrom\s*(['"])(.*?)\1/g)) out.push(m[2]);
  for (const m of code.matchAll(/(?:^|[^\w$.])import\s*(['"])(.*?)\1/g)) out.push(m[2]);
  for (const m of code.matchAll(/(?:^|[^\w$.])import\s*\(\s*(['"])(.*?)\1\s*[,)]/g)) out.push(m[2]);
  return out;
}

/** The import graph: file → the project files it imports by a relative specifier. */
function importGraph(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const known = new Set(files);
  const resolve = (from: string, spec: string): string | undefined => {
    const t = posix.normalize(posix.join(dirname(from), spec));
    return [t, t.replace(/\.js$/, '.ts'), `${t}.ts`, `${t}/index.ts`].find((c) => known.has(c));
  };
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps = importSpecifiers(read(f)).filter((s) => s.startsWith('./') || s.startsWith('../')).map((s) => resolve(f, s)).filter((t): t is string => t !== undefined);
    graph.set(f, [...new Set(deps)]);
  }
  return graph;
}

/** Every cycle of the graph, one line per strongly connected group: a shortest cycle through its first file, then the group. */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  // Tarjan's strongly connected components.
  const index = new Map<string, number>(), low = new Map<string, number>(), onStack = new Set<string>(), stack: string[] = [];
  const groups: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next); low.set(v, next); next++; stack.push(v); onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const g: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) { onStack.delete(w); g.push(w); if (w === v) break; }
      if (g.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(g.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return groups.map((g) => {
    const inGroup = new Set(g), start = g[0];
    const prev = new Map<string, string>();
    const queue = [start];
    let path: string[] = [start, start];
    search: for (let q = 0; q < queue.length; q++) {
      for (const w of graph.get(queue[q]) ?? []) {
        if (w === start) {
          path = [start];
          for (let x = queue[q]; x !== start; x = prev.get(x)!) path.splice(1, 0, x);
          path.push(start);
          break search;
        }
        if (inGroup.has(w) && !prev.has(w)) { prev.set(w, queue[q]); queue.push(w); }
      }
    }
    return `import cycle: ${path.join(' -> ')}${g.length > path.length - 1 ? ` (strongly connected: ${g.join(', ')})` : ''}`;
  }).sort();
}

describe('import cycles', () => {
  it('reads value, type, side-effect, re-export and dynamic imports, not those in comments, templates or regexes', () => {
    const src = [
      "import { a } from './a.ts';",
      "import type {\n  B,\n} from './b.ts';",
      "import c, { type C } from\n  '../c.js';",
      "export * from './d.ts';",
      "export type { E } from \"./e.ts\";",
      "import './f.mjs';",
      "const g = await import('./g.ts');",
      "// import x from './no1.ts'",
      "/* export { y } from './no2.ts' */",
      "const t = `import z from './no3.ts' ${ `${1}` } ok`;",
      "const r = /['\"]/g; const s = x / 2; // ' not a string",
      "import { h } from './h.ts'; const u = 'import v from \\'q\\'';",
    ].join('\n');
    expect(importSpecifiers(src).sort()).toEqual(['../c.js', './a.ts', './b.ts', './d.ts', './e.ts', './f.mjs', './g.ts', './h.ts']);
  });

  it('finds a cycle, type-only ones included, and only real ones', () => {
    const g = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts', 'd.ts']], ['d.ts', []], ['e.ts', ['e.ts']]]);
    expect(importCycles(g)).toEqual(['import cycle: a.ts -> b.ts -> c.ts -> a.ts', 'import cycle: e.ts -> e.ts']);
    expect(importCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });

  it(`there are none in ${DIRS.join('/, ')}/`, () => {
    const files = sourceFiles();
    const graph = importGraph(files, (f) => readFileSync(join(ROOT, f), 'utf8'));
    // The scan sees the project's imports: re-exports of the engine's API and type-only imports.
    expect(graph.get('engine/index.ts')).toContain('engine/simulation.ts');
    expect(graph.get('viz/data/viewModel.ts')).toContain('viz/data/summarise.ts');
    expect(importCycles(graph)).toEqual([]);
  });
});
