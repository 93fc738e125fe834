// The server's command line: a bad config stops it with the file, the path inside it and the reason.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/paths';
import { tempDir } from '../helpers/hall';

const run = promisify(execFile);
const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

async function start(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await run(tsx, [path.join(PROJECT_ROOT, 'server/main.ts'), ...args], {
      env: { ...process.env, ...env },
      timeout: 30_000,
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e: any) {
    return { code: e.code as number, out: String(e.stdout) + String(e.stderr) };
  }
}

describe('command line', () => {
  it('a bad config file stops the server with the file, the path and the reason', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'hall.yaml');
    writeFileSync(
      file,
      `hall: { id: x, name: 测试, regionCode: "370900" }
services:
  - { id: tax, name: 税务, prefix: B, targetWaitMin: 20, dailyCap: 400 }
windows:
  - { no: 1, name: W1, kind: comprehensive, skills: { tax: 1 } }
  - { no: 2, name: W2, kind: comprehensive, skills: { taxx: 1 } }
`,
    );
    const r = await start(['--config', file, '--data', path.join(dir, 'data')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(file);
    expect(r.out).toContain('windows[1].skills.taxx: 未知的事项 "taxx"');
  });

  it('HALL_CONFIG pointing at a missing file, and a bad PORT, are refused plainly', async () => {
    const missing = await start([], { HALL_CONFIG: '/nonexistent/hall.yaml' });
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('/nonexistent/hall.yaml');
    const port = await start([], { PORT: 'eighty' });
    expect(port.code).toBe(1);
    expect(port.out).toContain('not a port number: eighty');
  });
});
