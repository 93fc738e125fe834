// The import graph's contracts (docs/DESIGN.md §Architecture), read from the sources with TypeScript's own
// import scanner: the wire types are a leaf, and the hall's library code never loads the virtual printer.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/paths';

const rel = (f: string) => path.relative(PROJECT_ROOT, f).split(path.sep).join('/');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const f = path.join(dir, name);
    if (statSync(f).isDirectory()) return tsFiles(f);
    return f.endsWith('.ts') ? [f] : [];
  });
}

/** Every module a file imports or re-exports, including `import type` and `import()`. */
function specifiers(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((x) => x.fileName);
}

/** A relative specifier as the project file it names (null: a package or a Node built-in). */
function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [base, `${base}.ts`, path.join(base, 'index.ts')])
    if (existsSync(f) && statSync(f).isFile()) return f;
  throw new Error(`${rel(from)}: cannot resolve ${spec}`);
}

/** The project files reachable from the roots (the roots included). */
function closure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const s of specifiers(f)) {
      const r = resolve(f, s);
      if (r && r.endsWith('.ts')) todo.push(r);
    }
  }
  return seen;
}

const isBuiltin = (s: string) => s.startsWith('node:') || builtinModules.includes(s);

describe('import boundaries', () => {
  it('server/protocol imports only server/protocol, server/domain, Node built-ins and zod (also through domain)', () => {
    const protocol = tsFiles(path.join(PROJECT_ROOT, 'server/protocol'));
    expect(protocol.length).toBeGreaterThan(4);
    const outside: string[] = [];
    for (const f of closure(protocol)) {
      const r = rel(f);
      if (!r.startsWith('server/protocol/') && !r.startsWith('server/domain/')) outside.push(r);
      for (const s of specifiers(f))
        if (!s.startsWith('.') && !isBuiltin(s) && s !== 'zod') outside.push(`${r} → ${s}`);
    }
    expect(outside).toEqual([]);
  });

  it('only the start entry (server/main.ts) loads the virtual printer; the library server code does not', () => {
    const entry = path.join(PROJECT_ROOT, 'server/main.ts');
    const library = tsFiles(path.join(PROJECT_ROOT, 'server')).filter((f) => f !== entry);
    const reached = [...closure(library)].map(rel);
    expect(reached).toContain('server/printing/ticket-printing.ts');
    expect(reached.filter((f) => f === 'devices/virtual-printer.ts' || f === 'devices/printer-simulator.ts')).toEqual(
      [],
    );
    // The demo's `virtual: true` printer still works: the start entry supplies it.
    expect(specifiers(entry)).toContain('../devices/virtual-printer');
  });
});
