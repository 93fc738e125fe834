// Import cycles among the project's own TypeScript files (type-only imports count: they tie the files'
// designs together even when they vanish at run time). Prints each strongly connected component of the
// import graph with more than one file, largest first, and exits 1 if there is any.
// Usage: npx tsx scripts/import-cycles.ts [--leaf dir]… [dir…]   (default: server scripts devices display
// window-client). `--leaf server/protocol` drops that folder's imports of anything outside it, to see the
// cycles that remain once it is the leaf it should be.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const leaves = argv.flatMap((a, i) => (argv[i - 1] === '--leaf' ? [path.join(ROOT, a) + path.sep] : []));
const rest = argv.filter((a, i) => a !== '--leaf' && argv[i - 1] !== '--leaf');
const dirs = rest.length ? rest : ['server', 'scripts', 'devices', 'display', 'window-client'];

function filesUnder(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const p = path.join(abs, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(p).isDirectory()) return filesUnder(path.relative(ROOT, p));
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Relative import and export specifiers of a file (static `import`/`export … from`, and `import()`). */
function specifiers(src: string): string[] {
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of src.matchAll(re)) {
    const s = m[1] ?? m[2]!;
    if (s.startsWith('.')) out.push(s);
  }
  return out;
}

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec.replace(/\.(m?js)$/, ''));
  for (const c of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (existsSync(c)) return c;
  return null;
}

export function importGraph(roots: string[], leafDirs: string[] = []): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of roots.flatMap(filesUnder)) {
    const leaf = leafDirs.find((l) => f.startsWith(l));
    const deps = specifiers(readFileSync(f, 'utf8'))
      .map((s) => resolve(f, s))
      .filter((d): d is string => d !== null && (!leaf || d.startsWith(leaf)));
    graph.set(f, [...new Set(deps)]);
  }
  return graph;
}

/** Tarjan's strongly connected components; only those of two or more files (or a file importing itself). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out.sort((a, b) => b.length - a.length);
}

if (require.main === module) {
  const found = cycles(importGraph(dirs, leaves));
  for (const c of found) console.log(`${c.length} files: ${c.map((f) => path.relative(ROOT, f)).join(', ')}`);
  console.log(found.length ? `${found.length} import cycle(s)` : 'no import cycles');
  process.exitCode = found.length ? 1 : 0;
}
