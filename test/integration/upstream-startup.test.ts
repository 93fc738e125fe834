// Issue 23, finding 7: tickets taken in the first moments after the hall's port opens must reach the upstream
// outbox like any other. The real `npm start` path (dist/server/main.js in a child process, with its embedded
// MQTT broker and a printer that accepts the connection but never answers its status query, as an
// unplugged-but-powered printer does: start-up waits for it up to its 3 s time limit) is hammered by a kiosk
// from before the port opens until well after; then every ticket the server acknowledged has its
// `ticket.issued` row in the outbox.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/hall-process';
import { PROJECT_ROOT } from '../../server/paths';
import { KIOSK_TOKEN, tempDir, testConfigInput } from '../helpers/hall';

describe('upstream outbox from the first request on', () => {
  it('every ticket issued while the server starts is in the outbox', async () => {
    const [port, mport, nobody] = [await freePort(), await freePort(), await freePort()];
    const dir = tempDir();
    const cfg = testConfigInput(2);
    cfg.server = { port, host: '127.0.0.1', rateLimits: { ticketsPerMin: 100_000, ticketsBurst: 100_000 } };
    cfg.mqtt = { embedded: { port: mport, host: '127.0.0.1' }, baseTopic: 'hall/startup' };
    cfg.hall = { ...cfg.hall!, open: '00:00', close: '23:59', autoClose: false };
    // Nothing listens there: the events stay in the outbox, which is what this test reads.
    cfg.upstream = {
      url: `http://127.0.0.1:${nobody}/hall-events`,
      secret: 'startup-test-secret-00001',
      retry: { minMs: 60_000, maxMs: 60_000 },
    };
    const silent = createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const printerPort = (silent.address() as { port: number }).port;
    cfg.devices = [
      ...cfg.devices!,
      { id: 'kiosk-2', kind: 'kiosk', token: 'startup-kiosk2-token-000001' },
      { id: 'printer-2', kind: 'printer', kiosk: 'kiosk-2', host: '127.0.0.1', port: printerPort },
    ];
    writeFileSync(path.join(dir, 'hall.yaml'), stringify(cfg));
    const data = path.join(dir, 'data');
    const child = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, 'dist/server/main.js'), '--config', path.join(dir, 'hall.yaml'), '--data', data],
      { stdio: 'ignore' },
    );
    const numbers: string[] = [];
    try {
      let firstAt = 0;
      const end = Date.now() + 30_000;
      // From the first answer on, keep taking numbers for another 1.5 s (start-up is over by then).
      while (Date.now() < end && (!firstAt || Date.now() - firstAt < 1500)) {
        const res = await fetch(`http://127.0.0.1:${port}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${KIOSK_TOKEN}` },
          body: JSON.stringify({ serviceId: 'general' }),
        }).catch(() => null);
        if (res?.status === 201) {
          numbers.push(((await res.json()) as { ticket: { number: string } }).ticket.number);
          firstAt ||= Date.now();
        }
      }
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      silent.close();
    }
    expect(numbers.length).toBeGreaterThan(10);
    const db = new Database(path.join(data, 'hall.sqlite'), { readonly: true });
    try {
      const recorded = (
        db.prepare("SELECT data FROM outbox WHERE type = 'ticket.issued' ORDER BY seq").all() as { data: string }[]
      ).map((r) => (JSON.parse(r.data) as { number: string }).number);
      expect(recorded).toEqual(numbers);
    } finally {
      db.close();
    }
  }, 60_000);
});
