// The hall core's stores are private: an adapter can run commands and queries, nothing else. Proved twice:
// by the compiler (the @ts-expect-error lines below fail `tsc -p tsconfig.test.json` the day a store becomes
// reachable again) and by the imports (no adapter imports a store or the core's private state).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HallCore } from '../../server/core/hall-core';
import { testCore } from '../helpers/hall';

const ROOT = path.resolve(__dirname, '../..');
const ADAPTERS = ['adapters', 'http', 'mqtt', 'realtime', 'upstream', 'printing', 'voice', 'health', 'pages', 'admin'];
/** The core's insides: only server/core/ itself may import them. */
const PRIVATE = [/^server\/store\//, /^server\/core\/state$/, /^server\/core\/record$/];

// Never called: only compiled. Each line is an error, so each @ts-expect-error is used.
export function adaptersCannotReachTheStores(core: HallCore) {
  // @ts-expect-error the database handle is private
  core.db.prepare('DELETE FROM tickets');
  // @ts-expect-error the stores are private
  core.tickets.update(null);
  // @ts-expect-error windows store
  core.windows.save(null);
  // @ts-expect-error event log
  core.log.append(null);
  // @ts-expect-error settings and counters
  core.misc.putSetting('k', 'v');
  // @ts-expect-error evaluations store
  core.evaluations.markVoided('x');
  // @ts-expect-error appointments store
  core.appointments.markNoShow('x');
  // @ts-expect-error reports store
  core.reports.visits('a', 'b');
  // @ts-expect-error marks file
  core.highWater.save();
  // @ts-expect-error a transaction is run only by the core, for a command of its table
  core.transact('x', () => null);
  // @ts-expect-error the private state field
  core.state.tickets.update(null);
  // @ts-expect-error a command not in the table
  core.run('dropTickets', {}, 'x');
  // @ts-expect-error a command's arguments are typed by its name
  core.run('callNext', { windowNo: 1 }, 'x');
  // @ts-expect-error the outbox lent to the upstream adapter sends; it never adds rows
  core.upstreamOutbox.add('ticket.issued', 0, {});
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return name.endsWith('.ts') ? [p] : [];
  });
}

/** The project files a file imports (relative specifiers), as paths from the root without extension. */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:import|export)\s[^'";]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]/g)) {
    const spec = m[1] ?? m[2]!;
    out.push(path.relative(ROOT, path.resolve(path.dirname(file), spec)).replace(/\.[cm]?[jt]s$/, ''));
  }
  return out;
}

describe('the hall core boundary', () => {
  it('no adapter imports a store or the core’s private state', () => {
    const offences: string[] = [];
    for (const dir of ADAPTERS) {
      for (const f of tsFiles(path.join(ROOT, 'server', dir))) {
        for (const imp of importsOf(f)) {
          if (PRIVATE.some((re) => re.test(imp))) offences.push(`${path.relative(ROOT, f)} → ${imp}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('the scan sees imports (a store import in a core module is found)', () => {
    expect(importsOf(path.join(ROOT, 'server/core/state.ts'))).toContain('server/store/tickets');
  });

  it('a HallCore instance exposes no store at run time either', () => {
    const { core } = testCore();
    const names = new Set<string>();
    for (let o: object | null = core; o && o !== Object.prototype; o = Object.getPrototypeOf(o))
      for (const n of Object.getOwnPropertyNames(o)) names.add(n);
    for (const hidden of ['db', 'tickets', 'windows', 'log', 'misc', 'evaluations', 'transact', 'state'])
      expect(names.has(hidden), hidden).toBe(false);
    expect(names).toContain('run');
    expect(names).toContain('query');
  });
});
