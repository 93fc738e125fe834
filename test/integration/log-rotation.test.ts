// Log rotation with the server's own log file (`--log-file`, README "Logs"): logrotate moves the file away
// and sends SIGUSR2; the built server reopens a new file under the same name and no line goes missing.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { freePort, startHallProcess } from '../../scripts/hall-process';
import { tempDir, testConfigInput } from '../helpers/hall';
import { until } from '../helpers/wait';

describe('the server’s log file', () => {
  it('is reopened on SIGUSR2 after logrotate moved it; JSON lines in both files, none lost', async () => {
    const dir = tempDir();
    const port = await freePort();
    writeFileSync(path.join(dir, 'hall.yaml'), stringify(testConfigInput(2)));
    const log = path.join(dir, 'logs', 'hall.log');
    const child = await startHallProcess({
      config: path.join(dir, 'hall.yaml'),
      data: path.join(dir, 'data'),
      port,
      extraArgs: ['--port', String(port), '--log-file', log],
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      const hit = (id: string) => fetch(`${url}/api/hall`, { headers: { 'x-request-id': id } });
      await hit('before-rotation-01');
      await until(() => existsSync(log) && readFileSync(log, 'utf8').includes('before-rotation-01'), 'line one');
      renameSync(log, `${log}.1`);
      await hit('between-moves-0001'); // still written to the moved file, as logrotate expects
      child.kill('SIGUSR2');
      await until(() => existsSync(log), 'a new file');
      await hit('after-rotation-001');
      await until(() => readFileSync(log, 'utf8').includes('after-rotation-001'), 'the new file written');
      const old = readFileSync(`${log}.1`, 'utf8');
      const now = readFileSync(log, 'utf8');
      expect(old).toContain('before-rotation-01');
      expect(old + now).toContain('between-moves-0001');
      expect(old).not.toContain('after-rotation-001');
      for (const line of (old + now).split('\n').filter(Boolean)) {
        const e = JSON.parse(line) as Record<string, unknown>;
        expect(typeof e.level).toBe('string');
        expect(typeof e.time).toBe('string');
      }
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
