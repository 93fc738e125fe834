// Faults through the real path: the hall server (a child process on its own SQLite file and embedded
// broker) is killed with SIGKILL in the middle of a load of ticket issues and calls, then restarted.
// No acknowledged ticket is lost, no number is issued twice, no ticket is at two windows, and a board,
// a console and an LED strip that were connected before the kill are back to the right state by themselves.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import mqtt from 'mqtt';
import { io as connect, type Socket } from 'socket.io-client';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { startHallProcess } from '../../scripts/hall-process';
import { BOARD_TOKEN, KIOSK_TOKEN, LED_TOKEN, client, tempDir, testConfigInput } from '../helpers/hall';
import { freePort } from '../../scripts/hall-process';
import { sleep, until } from '../helpers/wait';
import { hallTopics } from '../../server/protocol/mqtt';

const BASE = 'hall/fault-test';
const T = hallTopics(BASE);
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const startChild = (dir: string, port: number) =>
  startHallProcess({ config: path.join(dir, 'hall.yaml'), data: path.join(dir, 'data'), port }).then((child) => {
    cleanups.push(() => child.kill('SIGKILL'));
    return child;
  });

describe('SIGKILL in the middle of a load', () => {
  it('loses no acknowledged ticket, issues no number twice, puts no ticket at two windows; screens recover by themselves', async () => {
    const [port, mport] = [await freePort(), await freePort()];
    const dir = tempDir();
    const cfg = testConfigInput(4);
    cfg.server = { port, host: '127.0.0.1', rateLimits: { ticketsPerMin: 100_000, ticketsBurst: 100_000 } };
    cfg.mqtt = { embedded: { port: mport, host: '127.0.0.1' }, baseTopic: BASE };
    cfg.hall = { ...cfg.hall!, open: '00:00', close: '23:59', autoClose: false };
    writeFileSync(path.join(dir, 'hall.yaml'), stringify(cfg));
    let child = await startChild(dir, port);
    const url = `http://127.0.0.1:${port}`;
    const api = client(url);
    const tokens = await Promise.all([1, 2, 3].map((no) => api.login(`c${no}`, no)));

    // Screens connected before the kill, reconnecting by themselves afterwards.
    const board: Socket = connect(`${url}/board`, { auth: { token: BOARD_TOKEN }, transports: ['websocket'] });
    const consoleSock: Socket = connect(`${url}/window`, { auth: { token: tokens[0] }, transports: ['websocket'] });
    cleanups.push(
      () => board.close(),
      () => consoleSock.close(),
    );
    let boardState: any = null;
    let consoleState: any = null;
    board.on('state', (s) => (boardState = s));
    consoleSock.on('state', (s) => (consoleState = s));
    const led = mqtt.connect(`mqtt://127.0.0.1:${mport}`, {
      protocolVersion: 4,
      username: 'led-1',
      password: LED_TOKEN,
      reconnectPeriod: 200,
    });
    cleanups.push(() => led.end(true));
    let ledDisplay: any = null;
    led.on('connect', () => led.subscribe(T.ledDisplay(1)));
    led.on('message', (_t, raw) => (ledDisplay = JSON.parse(raw.toString())));
    await until(() => boardState && consoleState && ledDisplay, 'screens connected');

    // The load: a kiosk issuing as fast as it can, three windows calling and finishing.
    const issued: { id: string; number: string }[] = [];
    const calls: { windowNo: number; id: string }[] = [];
    let running = true;
    const kiosk = async () => {
      while (running) {
        const r = await api
          .call('POST', '/api/tickets', { serviceId: issued.length % 2 ? 'general' : 'tax' }, KIOSK_TOKEN)
          .catch(() => null);
        if (r?.status === 201) issued.push({ id: r.body.ticket.id, number: r.body.ticket.number });
      }
    };
    const window = async (no: number, token: string) => {
      while (running) {
        const r = await api.call('POST', `/api/windows/${no}/call-next`, {}, token).catch(() => null);
        if (r?.status === 200 && r.body.ticket) calls.push({ windowNo: no, id: r.body.ticket.id });
        else await sleep(5);
      }
    };
    const load = [kiosk(), kiosk(), ...tokens.map((t, i) => window(i + 1, t))];
    await until(() => issued.length >= 150 && calls.length >= 30, 'load under way', 20_000);
    child.kill('SIGKILL');
    await sleep(300);
    boardState = consoleState = ledDisplay = null; // what arrives from here on comes from the restarted server
    running = false;
    await Promise.all(load);
    const acknowledged = { issued: issued.length, calls: calls.length };

    child = await startChild(dir, port);
    // Every acknowledged ticket is there, with its number; every acknowledged call kept its window.
    for (const t of issued) {
      const r = await api.get(`/api/tickets/${t.id}`);
      expect(r.status).toBe(200);
      expect(r.body.ticket.number).toBe(t.number);
    }
    expect(new Set(issued.map((t) => t.number)).size).toBe(issued.length);
    const db = new Database(path.join(dir, 'data', 'hall.sqlite'), { readonly: true });
    cleanups.push(() => db.close());
    const twice = db.prepare('SELECT number FROM tickets GROUP BY day, number HAVING COUNT(*) > 1').all();
    expect(twice).toEqual([]);
    const twoAtOnce = db
      .prepare(
        `SELECT window_no FROM tickets WHERE status IN ('called','serving') GROUP BY window_no HAVING COUNT(*) > 1`,
      )
      .all();
    expect(twoAtOnce).toEqual([]);
    const windowOf = db.prepare<[string], { window_no: number }>('SELECT window_no FROM tickets WHERE id = ?');
    for (const c of calls) expect(windowOf.get(c.id)?.window_no).toBe(c.windowNo);
    // The sessions survived; the screens came back by themselves with the hall's state.
    const sup = await api.login('sup');
    const hall = (await api.get('/api/hall', sup)).body;
    const current = (no: number) => hall.windows.find((w: any) => w.no === no).ticket?.number ?? null;
    await until(() => boardState, 'the board back after the restart', 20_000);
    await until(() => consoleState, 'the console back after the restart', 20_000);
    await until(() => ledDisplay, 'the LED back after the restart', 20_000);
    for (const w of boardState.windows) expect(w.ticket?.number ?? null).toBe(current(w.no));
    expect(consoleState.window.ticket?.number ?? null).toBe(current(1));
    expect(ledDisplay.ticket ?? null).toBe(current(1));
    // And the hall works on: the next number follows the last one issued.
    expect(acknowledged.issued).toBeGreaterThanOrEqual(150);
    const next = await api.issue('general');
    const last = db.prepare(`SELECT MAX(seq) AS s FROM tickets WHERE service_id = 'general'`).get() as { s: number };
    expect(Number(next.number.slice(1))).toBe(last.s);
  }, 90_000);
});
