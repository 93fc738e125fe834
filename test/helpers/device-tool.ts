// A device tool (LED, keypad or pad simulator) as a hall technician runs it: a process of its own, given a
// copy of the hall's config and the test hall's MQTT broker, printing what the device shows.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import type { HallServer } from '../../server/app';
import { PROJECT_ROOT } from '../../server/paths';
import { tempDir, testConfigInput } from './hall';
import { sleep } from './wait';

export interface DeviceTool {
  proc: ChildProcessWithoutNullStreams;
  /** Everything the tool printed so far, stdout and stderr. */
  out: () => string;
  /** Waits (up to 20 s: a fresh tsx process on a busy machine) until the tool has printed `text`. */
  waitFor: (text: string) => Promise<void>;
}

/** Starts `devices/SCRIPT` for window 1 against a hall started with baseTopic 'hall/test'. */
export function startDeviceTool(s: HallServer, script: string, extra: string[] = []): DeviceTool {
  const file = path.join(tempDir(), 'hall.yaml');
  writeFileSync(file, stringify({ ...testConfigInput(4), mqtt: { disabled: true, baseTopic: 'hall/test' } }));
  const proc = spawn(
    path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
    [
      `devices/${script}`,
      '--config',
      file,
      '--window',
      '1',
      '--url',
      `mqtt://127.0.0.1:${s.mqtt.brokerPort}`,
      ...extra,
    ],
    { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const waitFor = async (text: string) => {
    for (let i = 0; i < 400 && !out.includes(text); i++) await sleep(50);
    expect(out, out).toContain(text);
  };
  return { proc, out: () => out, waitFor };
}
