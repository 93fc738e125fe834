// What a connection to the embedded broker can make the server hold (issue 23, finding 2), over real TCP:
// a CONNECT declaring 256 MB is cut at its header, a connection that never completes a CONNECT is closed
// after the admission timeout, the first packet must be a CONNECT, and a logged-in device's packet is
// capped too. The memory check runs the built server as its own process and reads its RSS from /metrics.
import mqtt from 'mqtt';
import { writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUGE_CONNECT_HEADER, connectFlood, serverRss } from '../../scripts/mqtt-attacks';
import { freePort, startHallProcess } from '../../scripts/hall-process';
import { CONNECTION_LIMITS } from '../../server/mqtt/connection-guard';
import { KEYPAD_TOKEN, client, startTestHall, tempDir, testConfig, testConfigInput } from '../helpers/hall';
import { mqttConnected, sleep, until } from '../helpers/wait';
import { hallTopics } from '../../server/protocol/mqtt';

const BASE = 'hall/limits';
const T = hallTopics(BASE);

/** A raw TCP connection to the broker; `closed` resolves with how long it stayed open (ms). */
function raw(port: number): Promise<{ sock: Socket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const sock = connect(port, '127.0.0.1');
    sock.on('error', () => {});
    const closed = new Promise<number>((r) => sock.once('close', () => r(performance.now() - t0)));
    sock.once('connect', () => resolve({ sock, closed }));
    sock.once('error', reject);
  });
}

describe('the embedded broker bounds every connection', () => {
  let s: Awaited<ReturnType<typeof startTestHall>>;
  let port: number;
  beforeAll(async () => {
    s = await startTestHall({ mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: BASE } });
    await mqttConnected(s);
    port = s.mqtt.brokerPort!;
  });
  afterAll(async () => s?.stop());

  it('a CONNECT declaring 256 MB is cut at its header; a first packet that is not a CONNECT too', async () => {
    const flood = await connectFlood(port, { connections: 3, maxBytes: 64 * 2 ** 20, maxMs: 5000 });
    expect(flood.closedByBroker).toBe(3);
    for (const ms of flood.openMs) expect(ms).toBeLessThan(1000);
    // What the socket took before the close is what the kernel buffers hold, not 64 MB.
    for (const n of flood.written) expect(n).toBeLessThan(16 * 2 ** 20);

    const publishFirst = await raw(port);
    publishFirst.sock.write(Buffer.from([0x30, 0x05, 0x00, 0x01, 0x61, 0x62, 0x63]));
    expect(await publishFirst.closed).toBeLessThan(1000);
  });

  it('a connection that never completes a CONNECT is closed after the admission timeout', async () => {
    const silent = await raw(port);
    // A slow loris: a plausible CONNECT header, then nothing more.
    const trickle = await raw(port);
    trickle.sock.write(Buffer.from([0x10, 0x30, 0x00, 0x04]));
    const [a, b] = await Promise.all([silent.closed, trickle.closed]);
    for (const ms of [a, b]) {
      expect(ms).toBeGreaterThan(CONNECTION_LIMITS.admitWithinMs - 500);
      expect(ms).toBeLessThan(CONNECTION_LIMITS.admitWithinMs + 2000);
    }
    // The broker still serves: the server's own link is up and a device logs in.
    expect(s.mqtt.status().connected).toBe(true);
  }, 15_000);

  it('a logged-in device: a 70 KB command gets an error result; a packet over 256 KB closes it', async () => {
    await client(s.url).login('c1', 1);
    const keypad = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
      protocolVersion: 4,
      clientId: 'keypad-1',
      username: 'keypad-1',
      password: KEYPAD_TOKEN,
      reconnectPeriod: 0,
    });
    const results: any[] = [];
    keypad.on('message', (_t, p) => results.push(JSON.parse(p.toString())));
    await keypad.subscribeAsync(T.keypadResult(1));
    let closed = false;
    keypad.on('close', () => (closed = true));
    keypad.publish(T.keypadCommand(1), JSON.stringify({ action: 'next', requestId: 'x'.repeat(70_000) }));
    await until(() => results.length, 'the error result');
    expect(results[0].ok).toBe(false);
    expect(closed).toBe(false);
    keypad.publish(T.keypadCommand(1), 'x'.repeat(CONNECTION_LIMITS.packetBytes + 1));
    await until(() => closed, 'the connection closed');
    keypad.end(true);
  });
});

describe('behind TLS (server.tls on) the same guard holds', () => {
  it('a CONNECT declaring 256 MB over MQTTS is cut at its header', async () => {
    const input = testConfigInput();
    const s = await startTestHall({
      config: testConfig(4, { server: { ...input.server, tls: { port: 0, selfSigned: true } } as never }),
      mqtt: { embedded: { port: 0, tlsPort: 0, host: '127.0.0.1' }, baseTopic: BASE },
    });
    try {
      const sock = tlsConnect({ port: s.mqtt.brokerTlsPort!, host: '127.0.0.1', rejectUnauthorized: false });
      sock.on('error', () => {});
      await new Promise<void>((r) => sock.once('secureConnect', () => r()));
      const t0 = performance.now();
      const closed = new Promise<number>((r) => sock.once('close', () => r(performance.now() - t0)));
      let written = 0;
      sock.write(HUGE_CONNECT_HEADER);
      const junk = Buffer.alloc(64 * 1024, 0x5a);
      const pump = () => {
        while (!sock.destroyed && written < 32 * 2 ** 20) {
          written += junk.length;
          if (!sock.write(junk)) return void sock.once('drain', pump);
        }
      };
      pump();
      expect(await closed).toBeLessThan(1000);
      expect(written).toBeLessThan(16 * 2 ** 20);
    } finally {
      await s.stop();
    }
  });
});

describe('a CONNECT flood does not grow the server’s memory', () => {
  it('4 connections streaming up to 48 MB each: cut at once, RSS within a small bound', async () => {
    const dir = tempDir();
    const [port, mport] = [await freePort(), await freePort()];
    const input = testConfigInput(4, { mqtt: { embedded: { port: mport, host: '127.0.0.1' }, baseTopic: BASE } });
    writeFileSync(path.join(dir, 'hall.yaml'), stringify(input));
    const child = await startHallProcess({
      config: path.join(dir, 'hall.yaml'),
      data: dir,
      port,
      extraArgs: ['--port', String(port)],
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      await sleep(500);
      const before = (await serverRss(url))!;
      const flood = await connectFlood(mport, { connections: 4, maxBytes: 48 * 2 ** 20, maxMs: 8000 });
      await sleep(500);
      const after = (await serverRss(url))!;
      const growthMb = (after - before) / 2 ** 20;
      expect(flood.closedByBroker, JSON.stringify(flood)).toBe(4);
      expect(growthMb).toBeLessThan(24);
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
