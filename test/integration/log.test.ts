// The server's log is JSON lines (issue 23, finding 15): text a client controls cannot forge a line, and
// secrets never reach it. Through the real path: MQTT logins over TCP to the embedded broker, refused and
// logged by the server's own logger (pino), whose output the test collects.
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LED_TOKEN, client, startTestHall } from '../helpers/hall';
import { mqttConnected, until } from '../helpers/wait';

const ID_NUMBER = '370902199001011235'; // a valid one: the kiosk checks the check digit
const FORGED = 'evil\n{"level":"error","msg":"forged: server compromised"}';

let s: Awaited<ReturnType<typeof startTestHall>>;
const out: string[] = [];
beforeAll(async () => {
  s = await startTestHall({
    log: undefined, // the real logger, not the tests' silent one
    logDestination: { write: (line: string) => out.push(line) },
    mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: 'hall/log' },
  });
  await mqttConnected(s);
});
afterAll(async () => s?.stop());

const tryLogin = (username: string, password: string) =>
  mqtt
    .connectAsync(`mqtt://127.0.0.1:${s.mqtt.brokerPort!}`, {
      protocolVersion: 4,
      username,
      password,
      reconnectPeriod: 0,
    })
    .then(
      (c) => c.endAsync(),
      () => undefined,
    );

describe('the server log', () => {
  it('a username with a newline is one JSON line with the newline escaped; no token or ID number is written', async () => {
    await tryLogin(FORGED, 'whatever-password');
    // A device that swapped its username and token, and a username that is a visitor's ID number.
    await tryLogin(LED_TOKEN, 'led-1');
    await tryLogin(ID_NUMBER, 'whatever-password');
    // An ID number sent where a ticket is issued goes nowhere near the log either.
    await client(s.url).issue('general', { idNumber: ID_NUMBER });
    await until(() => out.filter((l) => l.includes('refused login')).length >= 3, 'three refused logins logged');

    const text = out.join('');
    const lines = text.split('\n').filter(Boolean);
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const e of entries) {
      expect(typeof e.level).toBe('string');
      expect(Number.isNaN(Date.parse(String(e.time)))).toBe(false);
    }
    const refused = entries.filter((e) => e.msg === 'mqtt: refused login');
    expect(refused.map((e) => e.user)).toEqual([FORGED, '[redacted]', '370***********1235']);
    // The forged text stays inside its field: no entry of its own, and its newline is escaped in the line.
    expect(entries.some((e) => String(e.msg).startsWith('forged'))).toBe(false);
    expect(lines.find((l) => l.includes('forged'))).toContain('evil\\n{\\"level\\"');

    expect(text).not.toContain(LED_TOKEN);
    expect(text).not.toContain(ID_NUMBER);
  });
});
