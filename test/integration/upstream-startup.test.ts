// Issue 23, finding 7: tickets taken in the first moments after the hall's port opens must reach the upstream
// outbox like any other. The kiosk hammers the port from before it opens until well after the server is up
// (an embedded MQTT broker makes start-up take a while); every ticket issued has its outbox row.
import { describe, expect, it } from 'vitest';
import { startHallServer } from '../../server/app';
import { freePort } from '../../scripts/hall-process';
import { KIOSK_TOKEN, tempDir, testConfig } from '../helpers/hall';

describe('upstream outbox from the first request on', () => {
  it('every ticket issued while the server starts is in the outbox', async () => {
    const port = await freePort();
    const mqttPort = await freePort();
    const config = testConfig(2, {
      upstream: {
        // Nothing listens here: the events stay in the outbox, which is what this test reads.
        url: `http://127.0.0.1:${await freePort()}/hall-events`,
        secret: 'startup-test-secret-00001',
        batchSize: 50,
        batchesPerSec: 1,
        retry: { minMs: 60_000, maxMs: 60_000 },
        timeoutMs: 1000,
      },
    });
    const starting = startHallServer({
      config,
      dataDir: tempDir(),
      port,
      host: '127.0.0.1',
      mqtt: { embedded: { port: mqttPort, host: '127.0.0.1' }, baseTopic: 'hall/test' },
      log: () => {},
      sweepMs: 3_600_000,
      watchMs: 3_600_000,
    });
    let started = false;
    void starting.then(() => (started = true));
    const numbers: string[] = [];
    let afterStart = 0;
    const end = Date.now() + 15_000;
    while (afterStart < 5 && Date.now() < end) {
      const res = await fetch(`http://127.0.0.1:${port}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KIOSK_TOKEN}` },
        body: JSON.stringify({ serviceId: 'general' }),
      }).catch(() => null);
      if (res?.status === 201) numbers.push(((await res.json()) as { ticket: { number: string } }).ticket.number);
      if (started) afterStart++;
    }
    const s = await starting;
    try {
      expect(numbers.length).toBeGreaterThan(0);
      const recorded = (
        s.db.prepare("SELECT data FROM outbox WHERE type = 'ticket.issued' ORDER BY seq").all() as { data: string }[]
      ).map((r) => (JSON.parse(r.data) as { number: string }).number);
      expect(recorded).toEqual(numbers);
    } finally {
      await s.stop();
    }
  });
});
