// The one browser live-state controller, with a fake socket: full state then deltas, reconnects, a refused
// token retried with a slow back-off, and a staff session that ended.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveState, type LiveSocket } from '../../display/src/shared/live-state';
import type { KioskState, SessionEndedEvent } from '../../server/protocol/socket';
import type { ServiceView } from '../../server/protocol/views';

class FakeSocket implements LiveSocket {
  connected = false;
  connects = 0;
  emitted: [string, unknown][] = [];
  private readonly listeners = new Map<string, ((p: never) => void)[]>();
  on(event: string, listener: (p: never) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, payload: unknown): this {
    this.emitted.push([event, payload]);
    return this;
  }
  connect(): this {
    this.connects++;
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  /** The server's side: an event arriving at the page. */
  serve(event: string, payload?: unknown): void {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const l of this.listeners.get(event) ?? []) l(payload as never);
  }
}

function host() {
  const h = { updates: 0, controllers: [] as unknown[] };
  return Object.assign(h, {
    addController: (c: unknown) => h.controllers.push(c),
    removeController: () => {},
    requestUpdate: () => void h.updates++,
    updateComplete: Promise.resolve(true),
  });
}

const service = (id: string, waiting: number) => ({ id, waiting }) as unknown as ServiceView;
const kioskState = (waiting: number) =>
  ({ services: [service('general', waiting)], printer: null }) as unknown as KioskState;

function kiosk(opts: Partial<ConstructorParameters<typeof LiveState<'/kiosk'>>[1]> = {}) {
  const sock = new FakeSocket();
  const h = host();
  const live = new LiveState(h, {
    namespace: '/kiosk',
    auth: { token: 't' },
    socket: () => sock,
    patch: { queues: (st, services) => ({ ...st, services }) },
    ...opts,
  });
  live.hostConnected();
  return { sock, h, live };
}

describe('LiveState (the browser apps’ live-state controller)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('drops a delta before the full state, then applies deltas to the state', () => {
    const { sock, h, live } = kiosk();
    expect(live.connection).toBe('connecting');
    sock.serve('connect');
    expect(live.connection).toBe('online');
    sock.serve('queues', [service('general', 9)]);
    expect(live.state).toBeNull();
    sock.serve('state', kioskState(2));
    expect(live.state?.services[0]).toMatchObject({ waiting: 2 });
    sock.serve('queues', [service('general', 3)]);
    expect(live.state?.services[0]).toMatchObject({ waiting: 3 });
    expect(h.updates).toBeGreaterThanOrEqual(4);
  });

  it('goes offline on a network drop and takes the new full state after socket.io reconnects', () => {
    const connects: number[] = [];
    const { sock, live } = kiosk({ onConnect: () => connects.push(1) });
    sock.serve('connect');
    sock.serve('state', kioskState(2));
    sock.serve('disconnect');
    expect(live.connection).toBe('offline');
    sock.serve('connect_error', new Error('xhr poll error')); // no code: socket.io keeps retrying itself
    expect(live.connection).toBe('offline');
    expect(live.refusal).toBeNull();
    sock.serve('connect');
    sock.serve('state', kioskState(7));
    expect(live.connection).toBe('online');
    expect(live.state?.services[0]).toMatchObject({ waiting: 7 });
    expect(connects).toHaveLength(2);
  });

  it('retries a refused token with a slow back-off, and starts again from the first delay once it connects', () => {
    const refusals: string[] = [];
    const { sock, live } = kiosk({
      retryRefused: { firstMs: 10_000, maxMs: 40_000 },
      onRefused: (r) => refusals.push(r.code),
    });
    const refuse = () =>
      sock.serve('connect_error', Object.assign(new Error('设备未登记'), { data: { code: 'UNAUTHORIZED' } }));
    refuse();
    expect(live.connection).toBe('refused');
    expect(live.refusal).toMatchObject({ code: 'UNAUTHORIZED', message: '设备未登记' });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = sock.connects;
      let waited = 0;
      while (sock.connects === before) {
        vi.advanceTimersByTime(1000);
        waited += 1000;
      }
      waits.push(waited);
      refuse();
    }
    expect(waits).toEqual([10_000, 20_000, 40_000, 40_000]);
    expect(refusals).toHaveLength(5);

    vi.advanceTimersByTime(40_000);
    sock.serve('connect');
    expect(live.connection).toBe('online');
    expect(live.refusal).toBeNull();
    refuse();
    const before = sock.connects;
    vi.advanceTimersByTime(10_000);
    expect(sock.connects).toBe(before + 1);
  });

  it('does not retry a refusal without the option, and stops retrying when the page goes away', () => {
    const plain = kiosk();
    plain.sock.serve('connect_error', Object.assign(new Error('x'), { data: { code: 'UNAUTHORIZED' } }));
    vi.advanceTimersByTime(600_000);
    expect(plain.sock.connects).toBe(0);

    const device = kiosk({ retryRefused: { firstMs: 10_000, maxMs: 40_000 } });
    device.sock.serve('connect_error', Object.assign(new Error('x'), { data: { code: 'UNAUTHORIZED' } }));
    device.live.hostDisconnected();
    vi.advanceTimersByTime(600_000);
    expect(device.sock.connects).toBe(0);
  });

  it('keeps the message of an ended session through the disconnect that follows it, and does not retry', () => {
    const sock = new FakeSocket();
    const refusals: unknown[] = [];
    const live = new LiveState(host(), {
      namespace: '/window',
      auth: { token: 't' },
      socket: () => sock,
      retryRefused: { firstMs: 1000, maxMs: 1000 },
      onRefused: (r) => refusals.push(r),
    });
    live.hostConnected();
    sock.serve('connect');
    const ended: SessionEndedEvent = { code: 'SESSION_ENDED', reason: 'signed_out', message: '值班长已将本窗口签退' };
    sock.serve('session.ended', ended);
    sock.serve('disconnect');
    expect(live.connection).toBe('refused');
    expect(live.refusal).toEqual({ code: 'SESSION_ENDED', reason: 'signed_out', message: '值班长已将本窗口签退' });
    expect(refusals).toHaveLength(1);
    vi.advanceTimersByTime(60_000);
    expect(sock.connects).toBe(0);
  });

  it('tells listeners the state before and after an event, and sends only while connected', () => {
    const seen: [number | undefined, number | undefined][] = [];
    const { sock, live } = kiosk({
      listen: {
        queues: (_p, before, after) => seen.push([before?.services[0]?.waiting, after?.services[0]?.waiting]),
      },
    });
    sock.serve('connect');
    sock.serve('state', kioskState(1));
    sock.serve('queues', [service('general', 4)]);
    expect(seen).toEqual([[1, 4]]);
    expect(live.state?.services[0]).toMatchObject({ waiting: 4 });

    // A board reports its sound: only while connected (the controller tells it again on reconnect).
    const boardSock = new FakeSocket();
    const board = new LiveState(host(), { namespace: '/board', auth: { token: 't' }, socket: () => boardSock });
    board.hostConnected();
    expect(board.emit('voice', { state: 'ready' })).toBe(false);
    boardSock.serve('connect');
    expect(board.emit('voice', { state: 'ready' })).toBe(true);
    expect(boardSock.emitted).toEqual([['voice', { state: 'ready' }]]);
  });
});
