// The hall server as a child process (`node dist/server/main.js`), for the load script and the tests that
// kill it: started on a config file and data dir, ready once /api/health answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/paths';

/** A port free on the loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface HallProcessOptions {
  config: string;
  data: string;
  /** The port the config (or `extraArgs`) makes it listen on, to wait for. */
  port: number;
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Spawns the built server and resolves once it answers /api/health; rejects (and kills it) on timeout. */
export async function startHallProcess(o: HallProcessOptions): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, 'dist/server/main.js'), '--config', o.config, '--data', o.data, ...(o.extraArgs ?? [])],
    { stdio: 'ignore', env: o.env ?? process.env },
  );
  const end = Date.now() + (o.timeoutMs ?? 20_000);
  while (Date.now() < end) {
    const ok = await fetch(`http://127.0.0.1:${o.port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the hall server did not answer on port ${o.port}`);
}
