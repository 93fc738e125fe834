// socket.io namespaces against a real server: handshake auth, a full state on connect, deltas by room.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { HallServer } from '../../server/app';
import { BOARD_TOKEN, KIOSK_TOKEN, PAD_TOKEN, client, startTestHall } from '../helpers/hall';

let s: HallServer;
let api: ReturnType<typeof client>;
const sockets: Socket[] = [];

beforeAll(async () => {
  s = await startTestHall();
  api = client(s.url);
});
afterAll(async () => {
  sockets.forEach((x) => x.disconnect());
  await s.stop();
});

function open(ns: string, auth: Record<string, unknown>): Socket {
  const sock = connect(`${s.url}${ns}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(sock);
  return sock;
}

const next = <T = any>(sock: Socket, event: string, timeoutMs = 5000) =>
  new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    sock.once(event, (v: T) => {
      clearTimeout(t);
      resolve(v);
    });
  });

const refused = (sock: Socket) =>
  new Promise<{ message: string; data?: { code: string } }>((resolve, reject) => {
    sock.once('connect', () => reject(new Error('connected but should have been refused')));
    sock.once('connect_error', (e: any) => resolve(e));
  });

describe('realtime', () => {
  it('refuses a missing or wrong token and a device in the wrong namespace', async () => {
    expect((await refused(open('/board', {}))).data?.code).toBe('UNAUTHORIZED');
    expect((await refused(open('/supervisor', { token: 'nope-nope-nope-nope' }))).data?.code).toBe('UNAUTHORIZED');
    expect((await refused(open('/supervisor', { token: BOARD_TOKEN }))).data?.code).toBe('FORBIDDEN');
    expect((await refused(open('/pad', { token: BOARD_TOKEN }))).data?.code).toBe('FORBIDDEN');
    expect((await refused(open('/ticket', { ticketId: 'does-not-exist' }))).data?.code).toBe('TICKET_NOT_FOUND');
    const clerk = await api.login('c3', 3);
    expect((await refused(open('/supervisor', { token: clerk }))).data?.code).toBe('FORBIDDEN');
  });

  it('a board gets its zone’s state on connect, then the calls of its zone only', async () => {
    const board = open('/board', { token: BOARD_TOKEN }); // zone A: windows 1 and 2
    const state = await next(board, 'state');
    expect(state.zone).toBe('A');
    expect(state.windows.map((w: any) => w.no)).toEqual([1, 2]);

    const t1 = await api.login('c1', 1);
    const t4 = await api.login('c4', 4);
    const a = await api.issue('general');
    await api.issue('social');
    const heard: any[] = [];
    board.on('call', (c) => heard.push(c));
    const call = next(board, 'call');
    await api.post('/api/windows/1/call-next', {}, t1);
    const c = await call;
    expect(c).toMatchObject({
      windowNo: 1,
      windowName: '窗口1',
      recall: false,
      announcement: `请${a.number}号到1号窗口办理`,
    });
    expect(c.ticket.number).toBe(a.number);
    // public: no ticket id, no clerk, no masked ID
    expect(c.ticket.id).toBeUndefined();
    expect(JSON.stringify(c)).not.toContain('idMasked');

    await api.post('/api/windows/4/call-next', {}, t4); // zone B: not for this board
    const recall = next(board, 'call');
    await api.post('/api/windows/1/recall', {}, t1);
    expect((await recall).recall).toBe(true);
    expect(heard.map((h) => h.windowNo)).toEqual([1, 1]);

    // a reconnecting board gets the recent calls back in its state
    const again = open('/board', { token: BOARD_TOKEN });
    const st2 = await next(again, 'state');
    expect(st2.recentCalls[0].ticket.number).toBe(a.number);
    expect(st2.windows.find((w: any) => w.no === 1).state).toBe('calling');
  });

  it('a window console gets its own window, then its deltas', async () => {
    const tok = await api.login('c2', 2);
    const sock = open('/window', { token: tok });
    const st = await next(sock, 'state');
    expect(st.window.no).toBe(2);
    expect(Object.keys(st.window.skills).sort()).toEqual(['general', 'tax']);
    expect(st.services.map((x: any) => x.id).sort()).toEqual(['general', 'social', 'tax']);
    const win = next(sock, 'window');
    await api.post('/api/windows/2/pause', { reason: '培训' }, tok);
    expect(await win).toMatchObject({ no: 2, state: 'paused', pauseReason: '培训' });
  });

  it('the ticket page follows one ticket; the kiosk and supervisor get queue counts', async () => {
    const t = await api.issue('tax');
    const page = open('/ticket', { ticketId: t.id });
    expect((await next(page, 'state')).ticket).toMatchObject({ number: t.number, status: 'waiting' });
    const kiosk = open('/kiosk', { token: KIOSK_TOKEN });
    await next(kiosk, 'state');
    const sup = open('/supervisor', { token: await api.login('sup') });
    const snap = await next(sup, 'state');
    expect(snap.windows).toHaveLength(4);

    const queues = next(kiosk, 'queues');
    const update = next(page, 'ticket');
    const supTicket = next(sup, 'ticket');
    await api.post(`/api/tickets/${t.id}/cancel`, {}, await api.login('adm'));
    expect((await update).status).toBe('cancelled');
    expect((await supTicket).number).toBe(t.number);
    expect((await queues).find((q: any) => q.id === 'tax')).toBeDefined();
  });

  it('a pad is bound to its window from the config', async () => {
    const pad = open('/pad', { token: PAD_TOKEN });
    expect((await next(pad, 'state')).window.no).toBe(1);
  });
});

describe('hall snapshot for devices', () => {
  it('a device sees public tickets only; staff see the full ticket', async () => {
    const tok = await api.login('sup');
    const c1 = await api.login('c1', 1);
    await api.issue('general', { idNumber: '11010519491231002X' });
    await api.post('/api/windows/1/finish', {}, c1);
    await api.post('/api/windows/1/call-next', {}, c1);
    const dev = (await api.get('/api/hall', BOARD_TOKEN)).body.windows.find((w: any) => w.no === 1);
    const staff = (await api.get('/api/hall', tok)).body.windows.find((w: any) => w.no === 1);
    expect(dev.ticket.number).toBe(staff.ticket.number);
    expect(dev.ticket.id).toBeUndefined();
    expect(dev.ticket.idMasked).toBeUndefined();
    expect(staff.ticket.id).toBeDefined();
  });
});
